"""Render resources/moodlog.svg to the PNG sizes desktops ask for, in hicolor layout
(resources/icons/hicolor/<N>x<N>/apps/moodlog.png). Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen python -m tools.render_icons

tests/test_desktop_files.py fails when a committed PNG no longer matches the SVG.
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from moodlog.ui.app_icon import ICON_SIZES

REPO = Path(__file__).resolve().parent.parent
SVG = REPO / "resources" / "moodlog.svg"


def icon_path(size: int, root: Path = REPO / "resources") -> Path:
    """Where the ``size`` pixel PNG lives, hicolor style."""
    return root / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "moodlog.png"


def render_icon(size: int, svg: Path = SVG) -> QImage:
    """The SVG drawn on a transparent ``size`` x ``size`` image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in ICON_SIZES:
        path = icon_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render_icon(size).save(str(path), "PNG"):
            sys.stderr.write(f"could not write {path}\n")
            return 1
        sys.stdout.write(f"wrote {path.relative_to(REPO)}\n")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
