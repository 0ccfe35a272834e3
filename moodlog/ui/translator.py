"""Loads moodlog's translation for the person's language, when there is one: a compiled
``moodlog_<lang>.qm`` in resources/translations (README, "Translations"). Qt's own strings
(standard buttons, file dialogs) follow in the same language, so the window is never half
translated."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from moodlog.domain.translation import use_translator


def install_translator(app: QCoreApplication, folder: Path, locale: QLocale) -> list[QTranslator]:
    """Install moodlog's translation for ``locale`` from ``folder`` (and Qt's own), and
    return what was installed: nothing when there is no translation for that language.
    Text from below the UI (:mod:`moodlog.domain.translation`) is translated from then on."""
    if not folder.is_dir():
        return []
    translator = QTranslator(app)  # the application keeps it alive
    if not translator.load(locale, "moodlog", "_", str(folder)):
        translator.deleteLater()
        return []
    installed = [translator]
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(locale, "qtbase", "_", qt_folder):
        installed.append(qt_translator)
    else:
        qt_translator.deleteLater()
    for each in installed:
        app.installTranslator(each)
    # Words from the domain, storage, charts and importers go through Qt's translator too.
    use_translator(QCoreApplication.translate)
    return installed
