"""A pseudo-translation: every string that goes through Qt's translator comes back wrapped in
⟪ ⟫, so words on screen without the brackets skipped the translator (and would stay English
in a translated moodlog).

Text a translator never sees is allowed: numbers, symbols, dates written by QLocale (month
and day names), names that are the same in every language (``NAMES``), and the medication
reference's drug classes (reference data, like the drug names).
"""

import re
from collections.abc import Iterator
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from moodlog.domain.medication_reference import load_medication_reference
from moodlog.domain.translation import use_translator

OPEN, CLOSE = "⟪", "⟫"

# Names, not words: the same in every language.
NAMES = {
    "moodlog",
    "PHQ",
    "GAD",
    "QIDS",
    "SR",
    "SR16",
    "MADRS",
    "HAM",
    "D17",
    "TMS",
    "ECT",
    "SQLCipher",
    "Daylio",
    "Bearable",
    "iMoodJournal",
    "Pixels",
    "eMoods",
    "JSON",
    "CSV",
    "PDF",
    "Qt",
    "PySide6",
    "A4",  # a paper size's name
    # units, written the same in every language (and stored in the diary as typed)
    "mg",
    "ml",
    "µg",
    "h",
    # genes
    "CYP2C19",
    "CYP2D6",
    "CYP2B6",
    "CYP1A2",
    "CYP3A4",
    "SLC6A4",
    "HTR2A",
    "HTR2C",
    "HLA",
}


class PseudoTranslator(QTranslator):
    """Wraps every source text in ⟪ ⟫ (keeping %n and placeholders working)."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def install_pseudo_translation() -> PseudoTranslator:
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    use_translator(QCoreApplication.translate)
    return translator


def remove_pseudo_translation(translator: PseudoTranslator) -> None:
    QCoreApplication.removeTranslator(translator)
    use_translator(None)


@cache
def _reference_data() -> frozenset[str]:
    """Drug classes come with the drug names from resources/medication_reference.json,
    reference data in English (a translated moodlog would ship a translated reference file;
    README, "Translations")."""
    return frozenset(drug.drug_class for drug in load_medication_reference().drugs)


@cache
def _locale_words() -> frozenset[str]:
    locale = QLocale()
    words = set()
    for number in range(1, 13):
        for form in QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat:
            words.add(locale.monthName(number, form))
            words.add(locale.standaloneMonthName(number, form))
            if number <= 7:
                words.add(locale.dayName(number, form))
                words.add(locale.standaloneDayName(number, form))
    words.update({locale.amText(), locale.pmText()})
    return frozenset(word.strip(".") for word in words if word)


@cache
def _allowed_names() -> re.Pattern[str]:
    """Names and QLocale's day and month names as whole words (longest first)."""
    names = sorted(NAMES | _locale_words(), key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w)&?{re.escape(name)}(?!\w)" for name in names))


def untranslated_words(text: str) -> str:
    """What is left of ``text`` once translated parts, markup, dates and names are taken
    out: empty when every word went through the translator."""
    text = re.sub(r"<[^>]*>|&[a-z]+;|&#\d+;", " ", text)
    previous = None
    while previous != text:  # innermost brackets first: translations nest
        previous = text
        text = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
    if text in _reference_data():
        return ""
    text = _allowed_names().sub(" ", text)
    return " ".join(re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", text))


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for each string ``widget`` shows or speaks."""
    yield "tooltip", widget.toolTip()
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()
    if widget.isWindow():
        yield "title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "group", widget.title()
    elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield "choice", widget.itemText(index)
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        yield "suffix", widget.suffix()
        yield "prefix", widget.prefix()
    if isinstance(widget, QAbstractSpinBox):
        yield "special value", widget.specialValueText()
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)
    if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
        for column in range(header.count()):
            heading = widget.model().headerData(column, Qt.Orientation.Horizontal)
            if isinstance(heading, str):
                yield "column", heading
    for action in widget.actions():
        yield "action", action.text()
        yield "action tooltip", action.toolTip() if action.toolTip() != action.text() else ""


def _menu_texts(menu: QMenu, path: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"menu {path}", action.text()
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_texts(submenu, path + " › " + action.text())


def untranslated(root: QWidget) -> list[str]:
    """Each visible string in ``root`` (its tab pages included) with words that skipped the
    translator, as "ClassName what: text"."""
    found = set()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root) and not isinstance(widget, QMenu):
            continue
        texts = list(_texts(widget))
        if isinstance(widget, QMenu):
            texts = list(_menu_texts(widget, widget.title()))
        for what, text in texts:
            if text and untranslated_words(text):
                found.add(f"{type(widget).__name__} {what}: {text!r}")
    return sorted(found)


def untranslated_on_every_page(root: QWidget) -> list[str]:
    """:func:`untranslated` for ``root`` and each page of its tab widgets, shown in turn."""
    found = set(untranslated(root))
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisibleTo(root):
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            found.update(untranslated(tabs.widget(index)))
        tabs.setCurrentIndex(current)
    return sorted(found)
