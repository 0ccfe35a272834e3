"""AboutDialog (Help › About moodlog): the version, moodlog's licence, the licences of the
software it is built on, the not-a-medical-device statement and where the diary lives."""

import platform
from html import escape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from moodlog import __version__
from moodlog.domain.questionnaire_texts import ATTRIBUTION
from moodlog.ui.app_icon import app_icon

LICENCE = (
    "moodlog is free software: you can share and change it under the GNU General Public "
    "License, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes "
    "with no warranty."
)
NOT_A_MEDICAL_DEVICE = (
    "moodlog does not diagnose or advise on treatment; it is not a medical device."
)
WHAT_IT_IS_FOR = (
    "It gives no dosing advice, and nobody monitors what you write. What it shows is for "
    "talking over with your clinician. If you are struggling now, Help › Get help now "
    "(Ctrl+H) lists crisis lines and your own contacts."
)
PRIVACY = (
    "moodlog makes no network connections: your diary stays on this computer unless you "
    "copy or export it."
)

# (distribution whose version is shown, or "" for none; what it is; what moodlog uses it
# for; its licence). The distributions are what the wheel depends on, directly or through
# matplotlib and sqlite-utils.
THIRD_PARTY: tuple[tuple[str, str, str, str], ...] = (
    ("", "Python", "the language moodlog is written in", "PSF-2.0"),
    ("", "Qt", "windows, widgets, PDF writing", "LGPL-3.0-only"),
    (
        "PySide6-Essentials",
        "Qt for Python (PySide6, shiboken6)",
        "Qt from Python",
        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    ),
    ("", "SQLite", "the diary file", "public domain"),
    ("sqlite-utils", "sqlite-utils", "changes to the diary file", "Apache-2.0"),
    ("click", "click", "used by sqlite-utils", "BSD-3-Clause"),
    ("click-default-group", "click-default-group", "used by sqlite-utils", "BSD-3-Clause"),
    ("sqlite-fts4", "sqlite-fts4", "used by sqlite-utils", "Apache-2.0"),
    ("tabulate", "tabulate", "used by sqlite-utils", "MIT"),
    ("pluggy", "pluggy", "used by sqlite-utils", "MIT"),
    ("matplotlib", "Matplotlib", "charts", "Matplotlib License (PSF-style)"),
    ("", "DejaVu fonts", "chart text, shipped with Matplotlib", "Bitstream Vera licence"),
    ("numpy", "NumPy", "used by Matplotlib", "BSD-3-Clause and others"),
    ("pillow", "Pillow", "used by Matplotlib", "MIT-CMU"),
    ("fonttools", "fontTools", "used by Matplotlib", "MIT"),
    ("kiwisolver", "kiwisolver", "used by Matplotlib", "BSD-3-Clause"),
    ("contourpy", "ContourPy", "used by Matplotlib", "BSD-3-Clause"),
    ("cycler", "cycler", "used by Matplotlib", "BSD-3-Clause"),
    ("pyparsing", "pyparsing", "used by Matplotlib", "MIT"),
    ("python-dateutil", "python-dateutil", "dates, used by both", "Apache-2.0 OR BSD-3-Clause"),
    ("packaging", "packaging", "used by Matplotlib", "Apache-2.0 OR BSD-2-Clause"),
    ("typing_extensions", "typing_extensions", "type hints", "PSF-2.0"),
)


def installed_version(distribution: str) -> str:
    """The installed version of ``distribution``, or "" when it isn't installed."""
    if distribution == "":
        return ""
    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


def third_party_html() -> str:
    """The third-party table, one row per component."""
    versions = {"Python": platform.python_version(), "Qt": qVersion()}
    rows = []
    for distribution, name, use, licence in THIRD_PARTY:
        shown = versions.get(name) or installed_version(distribution)
        rows.append(
            f"<tr><td><b>{escape(name)}</b> {escape(shown)}</td><td>{escape(use)}</td>"
            f"<td>{escape(licence)}</td></tr>"
        )
    return (
        "<p>moodlog is built on this software; thank you to the people who make it. Each "
        "keeps its own licence, and the full texts come with each package.</p>"
        '<table cellspacing="0" cellpadding="3">'
        "<tr><th align='left'>Software</th><th align='left'>Used for</th>"
        "<th align='left'>Licence</th></tr>" + "".join(rows) + "</table>"
        f"<p>{escape(ATTRIBUTION)}</p>"
        "<p>Chart colours: the Okabe–Ito palette (Okabe and Ito, 2008).</p>"
    )


class AboutDialog(QDialog):
    """What moodlog is, its licences and where the diary is. Close (or Escape) closes."""

    def __init__(self, diary_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About moodlog")
        self.diary_path = diary_path
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(app_icon().pixmap(64, 64))
        self.title_label = QLabel(f"<h2>moodlog {escape(__version__)}</h2>", self)
        self.summary_label = self._paragraph(
            "A private diary for living with treatment-resistant depression, and for talking "
            "about it with your clinician."
        )
        self.statement_label = self._paragraph(
            f"<b>{escape(NOT_A_MEDICAL_DEVICE)}</b> {escape(WHAT_IT_IS_FOR)}"
        )
        self.privacy_label = self._paragraph(escape(PRIVACY))
        where = str(diary_path) if diary_path is not None else "in memory only (not saved)"
        self.diary_label = self._paragraph(f"Your diary: <code>{escape(where)}</code>")
        # The path can be selected and copied, by mouse or keyboard.
        self.diary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.diary_label.setAccessibleName(f"Your diary: {where}")
        self.licence_label = self._paragraph(escape(LICENCE))
        self.licences_label = QLabel("Third-party &licences:", self)
        self.licences = QTextBrowser(self)
        self.licences.setOpenLinks(False)
        self.licences.setHtml(third_party_html())
        self.licences.setAccessibleName("Third-party licences")
        self.licences_label.setBuddy(self.licences)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._build_layout()
        self.button_box.rejected.connect(self.reject)
        self.resize(600, 620)
        close = self.button_box.button(QDialogButtonBox.StandardButton.Close)
        close.setFocus(Qt.FocusReason.OtherFocusReason)

    def _paragraph(self, html: str) -> QLabel:
        label = QLabel(html, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.summary_label)
        header.addLayout(titles, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(header)
        for label in (
            self.statement_label,
            self.privacy_label,
            self.diary_label,
            self.licence_label,
            self.licences_label,
        ):
            layout.addWidget(label)
        layout.addWidget(self.licences, 1)
        layout.addWidget(self.button_box)
