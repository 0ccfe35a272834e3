"""A compiled translation in the translations folder is used for the person's language, with
Qt's own strings in the same language; without one, the English source text stays."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

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
    """Whatever a test installs is removed afterwards."""
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_a_german_desktop_gets_the_german_translation(
    qapp: QApplication, translations: Path, installed: list[QTranslator]
) -> None:
    installed += install_translator(qapp, translations, QLocale(QLocale.Language.German))
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Hilfe"
    # Qt's own buttons too, when PySide6 ships Qt's German (it does).
    assert len(installed) == 2


def test_another_language_keeps_the_english_text(
    qapp: QApplication, translations: Path, installed: list[QTranslator]
) -> None:
    installed += install_translator(qapp, translations, QLocale(QLocale.Language.French))
    assert installed == []
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Help"


def test_no_translations_folder_is_fine(
    qapp: QApplication, tmp_path: Path, installed: list[QTranslator]
) -> None:
    installed += install_translator(qapp, tmp_path / "absent", QLocale(QLocale.Language.German))
    assert installed == []
