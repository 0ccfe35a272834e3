"""The application icon: the SVG, plus the PNG sizes rendered from it for desktops and
window managers that ask for a bitmap (tools/render_icons.py writes them)."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from moodlog.resource_files import resource_path

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """moodlog's icon at every size it ships."""
    icon = QIcon(str(resource_path("moodlog.svg")))
    for size in ICON_SIZES:
        png = resource_path(f"icons/hicolor/{size}x{size}/apps/moodlog.png")
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    return icon
