"""matplotlib SVG made drawable by Qt without losing its clipping.

Qt's SVG renderer ignores ``<clipPath>`` (Qt SVG "Extended Features": "<clipPath> is not
supported"), so a line whose data run past an axis would be drawn across the margin. The
SVG is cut here into layers, in drawing order: each holds a run of consecutive shapes that
share one clip rectangle (or none), and the PDF writer draws each layer with that rectangle
as the painter's clip. Shapes stay vectors and text stays text.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_SHAPES = frozenset(
    f"{{{SVG_NS}}}{name}"
    for name in (
        "path",
        "use",
        "text",
        "image",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
    )
)
# Never drawn by themselves; every layer keeps them, so references still resolve.
_KEPT = frozenset(f"{{{SVG_NS}}}{name}" for name in ("defs", "style"))
_SKIPPED = frozenset(f"{{{SVG_NS}}}{name}" for name in ("clipPath", "metadata", "title"))
_CLIP = "clip-path"
_PATH = f"{{{SVG_NS}}}path"

Rect = tuple[float, float, float, float]  # x, y, width, height in the SVG's user units


@dataclass(frozen=True, slots=True)
class SvgLayer:
    svg: bytes
    clip: Rect | None


def _clip_rects(root: ET.Element) -> dict[str, Rect]:
    rects: dict[str, Rect] = {}
    for clip in root.iter(f"{{{SVG_NS}}}clipPath"):
        shape = clip.find(f"{{{SVG_NS}}}rect")
        if shape is not None and clip.get("id"):
            values = (shape.get(name, "0") for name in ("x", "y", "width", "height"))
            x, y, width, height = (float(v) for v in values)
            rects[str(clip.get("id"))] = (x, y, width, height)
    return rects


def _clip_id(element: ET.Element, inherited: str | None) -> str | None:
    reference = element.get(_CLIP)
    if reference and reference.startswith("url(#") and reference.endswith(")"):
        return reference[5:-1]
    return inherited


def _shapes(
    element: ET.Element, clip: str | None, moved: bool = False
) -> Iterator[tuple[ET.Element, str | None, bool]]:
    """The shapes under ``element`` in drawing order, each with the clip it falls under and
    whether a ``transform`` moves it (its own or an enclosing group's)."""
    for child in element:
        if child.tag in _KEPT or child.tag in _SKIPPED:
            continue
        child_clip = _clip_id(child, clip)
        child_moved = moved or "transform" in child.attrib
        if child.tag == _PATH and not child.get("d", "").strip():
            continue  # matplotlib writes an empty line's path without data; Qt warns on it
        if child.tag in _SHAPES:
            yield child, child_clip, child_moved
        else:
            yield from _shapes(child, child_clip, child_moved)


_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TOLERANCE = 0.01


def _bounds(path: ET.Element) -> Rect | None:
    """The box around ``path``'s points. matplotlib writes paths with absolute commands
    only (M, L, Q, C, z), so its numbers are x, y pairs."""
    numbers = [float(n) for n in _NUMBER.findall(path.get("d", ""))]
    if not numbers or len(numbers) % 2:
        return None
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def _within(box: Rect, rect: Rect) -> bool:
    x, y, width, height = rect
    return (
        box[0] >= x - _TOLERANCE
        and box[1] >= y - _TOLERANCE
        and box[0] + box[2] <= x + width + _TOLERANCE
        and box[1] + box[3] <= y + height + _TOLERANCE
    )


def _copy(element: ET.Element, keep: set[int], whole: set[int]) -> ET.Element:
    copied = ET.Element(element.tag, {k: v for k, v in element.attrib.items() if k != _CLIP})
    copied.text, copied.tail = element.text, element.tail
    for child in element:
        if id(child) in whole:
            copied.append(_strip_clips(child))
        elif id(child) in keep:
            copied.append(_copy(child, keep, whole))
    return copied


def _strip_clips(element: ET.Element) -> ET.Element:
    copied = ET.Element(element.tag, {k: v for k, v in element.attrib.items() if k != _CLIP})
    copied.text, copied.tail = element.text, element.tail
    copied.extend(_strip_clips(child) for child in element)
    return copied


def svg_layers(svg: bytes) -> list[SvgLayer]:
    """``svg`` as layers in drawing order (see the module's docstring). A clip that is not
    a plain rectangle is dropped (the shape is drawn unclipped)."""
    root = ET.fromstring(svg)
    rects = _clip_rects(root)
    parents = {id(child): parent for parent in root.iter() for child in parent}
    kept = [e for e in root.iter() if e.tag in _KEPT]

    runs: list[tuple[Rect | None, list[ET.Element]]] = []
    for shape, clip_id, moved in _shapes(root, None):
        rect = rects.get(clip_id) if clip_id is not None else None
        if runs and runs[-1][0] == rect:
            runs[-1][1].append(shape)
            continue
        if runs and rect is not None and shape.tag == _PATH and not moved:
            # A path lying wholly inside its clip (a gridline, a band) loses nothing drawn
            # under another clip that also holds it, or none: it joins the run before
            # (between gridlines come the unclipped tick marks), so there are far fewer
            # layers to draw.
            box = _bounds(shape)
            current = runs[-1][0]
            joins = current is None or (box is not None and _within(box, current))
            if box is not None and _within(box, rect) and joins:
                runs[-1][1].append(shape)
                continue
        runs.append((rect, [shape]))

    layers = []
    for rect, shapes in runs:
        whole = {id(e) for e in (*shapes, *kept)}
        keep: set[int] = set()
        for element in (*shapes, *kept):
            parent = parents.get(id(element))
            while parent is not None and id(parent) not in keep:
                keep.add(id(parent))
                parent = parents.get(id(parent))
        layer = _copy(root, keep, whole)
        layers.append(SvgLayer(ET.tostring(layer, encoding="utf-8"), rect))
    return layers
