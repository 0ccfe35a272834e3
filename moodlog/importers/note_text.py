"""Notes as apps write them, made plain: simple HTML (``<br>``, ``<b>``) and entities
undone, line breaks made ``\\n``, non-breaking spaces made spaces."""

import html
import re

_BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</li>", re.IGNORECASE)
_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|p|span|div|font|strike|ul|ol|li|h[1-6])\b[^<>]*>", re.IGNORECASE
)


def plain_note(text: str) -> str:
    """``text`` without markup, with ``\\n`` line breaks, stripped."""
    if "<" in text:
        text = _TAG.sub("", _BREAK.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").strip()


def joined_note(*parts: str) -> str:
    """Non-empty parts, one paragraph each."""
    return "\n".join(filter(None, parts))
