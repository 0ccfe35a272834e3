"""How words from below the UI (domain, storage, charts, importers) reach Qt's translator
without those layers importing Qt.

Code there writes ``translate("Context", "Source text")``, the same call, with the same name,
that ``pyside6-lupdate`` extracts for translators. The application hands in
``QCoreApplication.translate`` at start-up (:func:`use_translator`); until then, and in tests
without a window, the English source comes back unchanged.

Text held in module-level constants is built before any translator exists, so it is marked
with :func:`QT_TRANSLATE_NOOP` (lupdate extracts it too) and passed through :func:`translate`
where it is read, e.g. in a ``label`` property.
"""

from collections.abc import Callable

Translator = Callable[[str, str, str | None, int], str]


def _english(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    return source


_translator: Translator = _english


def use_translator(translator: Translator | None) -> None:
    """Send every later :func:`translate` through ``translator`` (``None``: back to English)."""
    global _translator
    _translator = translator if translator is not None else _english


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the person's language, looked up under ``context`` (the arguments are
    Qt's)."""
    return _translator(context, source, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate finds
    """Mark ``source`` for translators where it is defined; translate it where it is shown."""
    return source
