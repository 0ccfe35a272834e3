"""A compiled translation in the translations folder is used for the person's language, with
Qt's own strings in the same language; without one, the English source text stays."""

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from moodlog.domain.instruments import Instrument
from moodlog.domain.translation import use_translator
from moodlog.ui.translator import install_translator

GERMAN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>Instruments</name>
    <message>
        <source>Moderate</source>
        <translation>Mittelgradig</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def translations(tmp_path: Path) -> Path:
    """A translations folder holding moodlog_de.qm, compiled by the lrelease that ships with
    PySide6-Essentials (the tool the README tells translators to use)."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    source = tmp_path / "moodlog_de.ts"
    source.write_text(GERMAN_TS, encoding="utf-8")
    folder = tmp_path / "translations"
    folder.mkdir()
    subprocess.run(
        [str(lrelease), str(source), "-qm", str(folder / "moodlog_de.qm")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return folder


@pytest.fixture
def installed(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """Whatever a test installs is removed afterwards (the domain's words back to English)."""
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    use_translator(None)


def test_a_german_desktop_gets_the_german_translation(
    qapp: QApplication, translations: Path, installed: list[QTranslator]
) -> None:
    installed += install_translator(qapp, translations, QLocale(QLocale.Language.German))
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Hilfe"
    # Words from below the UI too: a PHQ-9 band named by the domain.
    assert Instrument.PHQ9.info.band_label(12) == "Mittelgradig"
    # Qt's own buttons too, when PySide6 ships Qt's German (it does).
    assert len(installed) == 2


def test_another_language_keeps_the_english_text(
    qapp: QApplication, translations: Path, installed: list[QTranslator]
) -> None:
    installed += install_translator(qapp, translations, QLocale(QLocale.Language.French))
    assert installed == []
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Help"
    assert Instrument.PHQ9.info.band_label(12) == "Moderate"


def test_no_translations_folder_is_fine(
    qapp: QApplication, tmp_path: Path, installed: list[QTranslator]
) -> None:
    installed += install_translator(qapp, tmp_path / "absent", QLocale(QLocale.Language.German))
    assert installed == []


def test_lupdate_finds_the_words_of_every_layer(tmp_path: Path) -> None:
    """The README's extraction command over the whole package: every layer's words are
    there, each under a context named like a class (a malformed call gives odd ones)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    package = Path(__file__).resolve().parents[2] / "moodlog"
    sources = sorted(str(path) for path in package.rglob("*.py"))
    target = tmp_path / "moodlog.ts"
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(target)], check=True, capture_output=True, timeout=60
    )
    contexts: dict[str, set[str]] = {}
    for context in ElementTree.parse(target).getroot().iter("context"):
        name = context.findtext("name", "")
        contexts[name] = {m.findtext("source", "") for m in context.iter("message")}
    assert sum(len(sources) for sources in contexts.values()) > 2000
    assert all(re.fullmatch(r"[A-Z][A-Za-z0-9]+", name) for name in contexts), sorted(contexts)
    assert "&Help" in contexts["MainWindow"]  # ui
    assert "Moderate" in contexts["Instruments"]  # domain
    assert any("newer" in text for text in contexts["Backups"])  # storage
    assert "Sleep" in contexts["TrendChart"]  # charts
