"""Help › User guide: opens the guide that ships with moodlog (resources/user-guide.md, the
same text as docs/user-guide.md) in the program the desktop uses for such files. A local
file: nothing goes over the network."""

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from moodlog.resource_files import resource_path
from moodlog.ui import dialogs

GUIDE_NAME = "user-guide.md"


def open_user_guide(parent: QWidget | None) -> bool:
    """Open the guide; if the desktop can't, say where the file is. True when it opened."""
    path = resource_path(GUIDE_NAME)
    if path.exists() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    dialogs.show_error(
        parent,
        QCoreApplication.translate("UserGuide", "The user guide didn't open"),
        QCoreApplication.translate(
            "UserGuide",
            "moodlog couldn't open the user guide with another program. It is a plain text "
            "file you can open yourself:\n\n{path}\n\nYour diary is not affected.",
        ).format(path=path),
    )
    return False
