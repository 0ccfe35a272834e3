"""AboutDialog (Help › About moodlog): the version, moodlog's licence, the licences of the
software it is built on, the not-a-medical-device statement and where the diary lives."""

import platform
from html import escape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, qVersion
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
from moodlog.domain.questionnaire_texts import attribution

# The same marker lupdate finds as PySide6's, typed str -> str (PySide6's returns object).
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.ui.app_icon import app_icon

# (distribution whose version is shown, or "" for none; what it is; what moodlog uses it
# for; its licence). The distributions are what the wheel depends on, directly or through
# matplotlib and sqlite-utils. Names and SPDX licence identifiers are the same in every
# language; the words among them are marked for translators here (the translator is
# installed after this module is imported) and translated where the table is written.
_USED_BY_SQLITE_UTILS = QT_TRANSLATE_NOOP("AboutDialog", "used by sqlite-utils")
_USED_BY_MATPLOTLIB = QT_TRANSLATE_NOOP("AboutDialog", "used by Matplotlib")
THIRD_PARTY: tuple[tuple[str, str, str, str], ...] = (
    (
        "",
        "Python",
        QT_TRANSLATE_NOOP("AboutDialog", "the language moodlog is written in"),
        "PSF-2.0",
    ),
    ("", "Qt", QT_TRANSLATE_NOOP("AboutDialog", "windows, widgets, PDF writing"), "LGPL-3.0-only"),
    (
        "PySide6-Essentials",
        "Qt for Python (PySide6, shiboken6)",
        QT_TRANSLATE_NOOP("AboutDialog", "Qt from Python"),
        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    ),
    (
        "",
        "SQLite",
        QT_TRANSLATE_NOOP("AboutDialog", "the diary file"),
        QT_TRANSLATE_NOOP("AboutDialog", "public domain"),
    ),
    (
        "sqlite-utils",
        "sqlite-utils",
        QT_TRANSLATE_NOOP("AboutDialog", "changes to the diary file"),
        "Apache-2.0",
    ),
    ("click", "click", _USED_BY_SQLITE_UTILS, "BSD-3-Clause"),
    ("click-default-group", "click-default-group", _USED_BY_SQLITE_UTILS, "BSD-3-Clause"),
    ("sqlite-fts4", "sqlite-fts4", _USED_BY_SQLITE_UTILS, "Apache-2.0"),
    ("tabulate", "tabulate", _USED_BY_SQLITE_UTILS, "MIT"),
    ("pluggy", "pluggy", _USED_BY_SQLITE_UTILS, "MIT"),
    (
        "matplotlib",
        "Matplotlib",
        QT_TRANSLATE_NOOP("AboutDialog", "charts"),
        "Matplotlib License (PSF-style)",
    ),
    (
        "",
        QT_TRANSLATE_NOOP("AboutDialog", "DejaVu fonts"),
        QT_TRANSLATE_NOOP("AboutDialog", "chart text, shipped with Matplotlib"),
        QT_TRANSLATE_NOOP("AboutDialog", "Bitstream Vera licence"),
    ),
    (
        "numpy",
        "NumPy",
        _USED_BY_MATPLOTLIB,
        QT_TRANSLATE_NOOP("AboutDialog", "BSD-3-Clause and others"),
    ),
    ("pillow", "Pillow", _USED_BY_MATPLOTLIB, "MIT-CMU"),
    ("fonttools", "fontTools", _USED_BY_MATPLOTLIB, "MIT"),
    ("kiwisolver", "kiwisolver", _USED_BY_MATPLOTLIB, "BSD-3-Clause"),
    ("contourpy", "ContourPy", _USED_BY_MATPLOTLIB, "BSD-3-Clause"),
    ("cycler", "cycler", _USED_BY_MATPLOTLIB, "BSD-3-Clause"),
    ("pyparsing", "pyparsing", _USED_BY_MATPLOTLIB, "MIT"),
    (
        "python-dateutil",
        "python-dateutil",
        QT_TRANSLATE_NOOP("AboutDialog", "dates, used by both"),
        "Apache-2.0 OR BSD-3-Clause",
    ),
    ("packaging", "packaging", _USED_BY_MATPLOTLIB, "Apache-2.0 OR BSD-2-Clause"),
    (
        "typing_extensions",
        "typing_extensions",
        QT_TRANSLATE_NOOP("AboutDialog", "type hints"),
        "PSF-2.0",
    ),
)


def installed_version(distribution: str) -> str:
    """The installed version of ``distribution``, or "" when it isn't installed."""
    if distribution == "":
        return ""
    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


def _translated(text: str) -> str:
    """``text`` from the table above in the person's language (names come back as they
    are: no translation has them)."""
    return QCoreApplication.translate("AboutDialog", text)


def third_party_html() -> str:
    """The third-party table, one row per component."""
    versions = {"Python": platform.python_version(), "Qt": qVersion()}
    rows = []
    for distribution, name, use, licence in THIRD_PARTY:
        shown = versions.get(name) or installed_version(distribution)
        rows.append(
            f"<tr><td><b>{escape(_translated(name))}</b> {escape(shown)}</td>"
            f"<td>{escape(_translated(use))}</td><td>{escape(_translated(licence))}</td></tr>"
        )
    intro = QCoreApplication.translate(
        "AboutDialog",
        "moodlog is built on this software; thank you to the people who make it. Each "
        "keeps its own licence, and the full texts come with each package.",
    )
    #: Column headings of the table of software moodlog is built on.
    software = QCoreApplication.translate("AboutDialog", "Software")
    used_for = QCoreApplication.translate("AboutDialog", "Used for")
    licence = QCoreApplication.translate("AboutDialog", "Licence")
    colours = QCoreApplication.translate(
        "AboutDialog", "Chart colours: the Okabe–Ito palette (Okabe and Ito, 2008)."
    )
    return (
        f"<p>{escape(intro)}</p>"
        '<table cellspacing="0" cellpadding="3">'
        f"<tr><th align='left'>{escape(software)}</th><th align='left'>{escape(used_for)}</th>"
        f"<th align='left'>{escape(licence)}</th></tr>" + "".join(rows) + "</table>"
        f"<p>{escape(attribution())}</p>"
        f"<p>{escape(colours)}</p>"
    )


class AboutDialog(QDialog):
    """What moodlog is, its licences and where the diary is. Close (or Escape) closes."""

    def __init__(self, diary_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About moodlog"))
        self.diary_path = diary_path
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(app_icon().pixmap(64, 64))
        title = f"<h2>moodlog {escape(__version__)}</h2>"  # a name and a number: no words
        self.title_label = QLabel(title, self)
        self.summary_label = self._paragraph(
            self.tr(
                "A private diary for living with treatment-resistant depression, and for "
                "talking about it with your clinician."
            )
        )
        not_a_device = self.tr(
            "moodlog does not diagnose or advise on treatment; it is not a medical device."
        )
        what_for = self.tr(
            "It gives no dosing advice, and nobody monitors what you write. What it shows is "
            "for talking over with your clinician. If you are struggling now, Help › Get help "
            "now (Ctrl+H) lists crisis lines and your own contacts."
        )
        self.statement_label = self._paragraph(f"<b>{escape(not_a_device)}</b> {escape(what_for)}")
        privacy = self.tr(
            "moodlog makes no network connections: your diary stays on this computer unless "
            "you copy or export it."
        )
        self.privacy_label = self._paragraph(escape(privacy))
        where = str(diary_path) if diary_path is not None else self.tr("in memory only (not saved)")
        self.diary_label = self._paragraph(
            self.tr("Your diary: <code>{where}</code>").format(where=escape(where))
        )
        # The path can be selected and copied, by mouse or keyboard.
        self.diary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.diary_label.setAccessibleName(self.tr("Your diary: {where}").format(where=where))
        licence = self.tr(
            "moodlog is free software: you can share and change it under the GNU General "
            "Public License, version 3 or (at your option) any later version "
            "(GPL-3.0-or-later). It comes with no warranty."
        )
        self.licence_label = self._paragraph(escape(licence))
        self.licences_label = QLabel(self.tr("Third-party &licences:"), self)
        self.licences = QTextBrowser(self)
        self.licences.setOpenLinks(False)
        self.licences.setHtml(third_party_html())
        self.licences.setAccessibleName(self.tr("Third-party licences"))
        self.licences.setAccessibleDescription(
            self.tr("The other software moodlog is built with, and the licence of each")
        )
        self.licences_label.setBuddy(self.licences)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._build_layout()
        self.button_box.rejected.connect(self.reject)
        self.resize(600, 620)
        close = self.button_box.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleDescription(self.tr("Close this window and go back to the diary"))
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
