"""Every word the window shows goes through Qt's translation functions (issue 8).

A static check over moodlog/ui and moodlog/reports: text handed straight to a Qt text setter
or widget constructor must be ``self.tr("…")`` / ``QCoreApplication.translate("…", "…")``
(or a variable), never a bare string literal, an f-string, ``"…" + x`` or ``"…".format()``,
because ``pyside6-lupdate`` can only extract literal arguments of tr()/translate(). The
pseudo-translation walk (tests/ui/test_pseudo_translation.py) checks what reaches the screen.
"""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "moodlog"

# Methods and constructors whose every argument a person reads.
TEXT_CALLS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setAccessibleName",
    "setAccessibleDescription",
    "setPlaceholderText",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "setTitle",
    "setTabText",
    "setTabToolTip",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "showMessage",
    "addItem",
    "addItems",
    "addAction",
    "addMenu",
    "addTab",
    "insertTab",
    "addRow",
    "insertRow",
    "addButton",
    "addSection",
    "setItemText",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMenu",
    "QCommandLinkButton",
    "information",
    "warning",
    "critical",
    "question",
    "getSaveFileName",
    "getOpenFileName",
    "getExistingDirectory",
}


def _words(text: str) -> bool:
    """Whether ``text`` holds words (markup alone, like ``<br>``, holds none)."""
    return any(character.isalpha() for character in re.sub(r"<[^>]*>", "", text))


def _untranslated(node: ast.expr) -> bool:
    """``node`` is text a person reads that skipped the translator."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and _words(str(part.value)) for part in node.values
        )
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) or _untranslated(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_untranslated(element) for element in node.elts)
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) or _untranslated(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        # "…".format(x) and "…".join(x) on a bare literal
        return node.func.attr in {"format", "join"} and _untranslated(node.func.value)
    return False


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else ""


def untranslated_text(source: str) -> list[str]:
    """``line: call`` for each text setter in ``source`` handed a bare literal."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _called_name(node) not in TEXT_CALLS:
            continue
        arguments = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
        if _called_name(node) == "addItem":  # (text, data): the data is never shown
            arguments = node.args[:1]
        if any(_untranslated(argument) for argument in arguments):
            found.append(f"{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def _modules() -> list[Path]:
    return sorted(
        path
        for folder in ("ui", "reports")
        for path in (PACKAGE / folder).glob("*.py")
        if path.name != "__init__.py"
    )


def test_the_check_finds_untranslated_text() -> None:
    source = """
label = QLabel("Hours slept")
button.setText(f"Save {day}")
box.setTitle("Sleep " + name)
menu.addAction(self.tr("&Export…"))
tabs.addTab(page, QCoreApplication.translate("Settings", "Reminders"))
edit.setPlaceholderText(hint)
row.setText("⚠ " + message)
table.setHorizontalHeaderLabels(["Date", self.tr("Mood")])
status.showMessage("Saved {}".format(day))
combo.addItem(self.tr("Day, month, year"), "dmy")
label.setText("<br>")
"""
    assert [line.split(":")[0] for line in untranslated_text(source)] == ["2", "3", "4", "9", "10"]


@pytest.mark.parametrize("module", _modules(), ids=lambda path: path.name)
def test_text_goes_through_the_translator(module: Path) -> None:
    assert untranslated_text(module.read_text(encoding="utf-8")) == []
