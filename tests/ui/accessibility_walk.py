"""What a screen-reader user meets: walks a widget tree and lists the interactive controls
that have no spoken name, no spoken description, or that Tab can't reach.

The rule, as a screen reader applies it: a control's name is what Qt's accessibility
interface reports as its Name, which is its accessibleName(), else its own visible text
(a button's label), else the text of the label whose buddy it is. A name made only of
symbols ("▶", "…") says nothing and counts as none. A control's description (what it does
or holds, said after its name) is its accessibleDescription(), else its tooltip; it needs
letters too.

Controls: buttons, text fields, combo and spin boxes, sliders, lists and tables, and
anything else that Tab stops at (moodlog's rating rows, the timeline, the chart), when
visible and enabled. Their parts (a spin box's line edit, a scroll bar, a table's header)
are spoken through the control that owns them. Every control must be a Tab stop, except a
calendar's month buttons, whose work its own keys do.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
)


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def is_part_of_another_control(widget: QWidget) -> bool:
    """Spoken through its owner: a spin box's or combo box's line edit, a scroll bar, a tab
    bar's scroll arrows, a table's header (its cells are spoken by their titles)."""
    if isinstance(widget, QScrollBar) or widget.focusProxy() is not None:
        return True
    parent = widget.parentWidget()
    if isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView):
        return True
    return isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar))


def keys_of_its_own_reach_it(widget: QWidget) -> bool:
    """A calendar's month and year buttons are not Tab stops: the calendar's own keys
    (Page Up, Page Down) do what they do. They still need names, for pointing."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def spoken_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Description).strip() if interface is not None else ""


def is_qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets, which a person never meets as moodlog
    controls and moodlog cannot describe without reaching into Qt's insides: Qt names them
    "qt_…" (a calendar's month and year buttons, month menu, year spin box and day grid; a
    tab widget's tab bar, whose tabs are spoken by their own titles; a dialog button box's
    buttons are not among them: moodlog names and describes those)."""
    return widget.objectName().startswith("qt_")


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    where = type(parent).__name__ if parent is not None else "-"
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} text={text!r} in {where}"


def controls(root: QWidget) -> list[QWidget]:
    """The interactive controls of ``root`` a person can see and use now."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if not (isinstance(widget, INTERACTIVE) or takes_tab(widget)):
            continue
        if is_part_of_another_control(widget):
            continue
        found.append(widget)
    return found


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name."""
    return [
        describe(widget)
        for widget in controls(root)
        if not any(character.isalnum() for character in spoken_name(widget))
    ]


def undescribed_controls(root: QWidget) -> list[str]:
    """Controls a screen reader would announce without saying what they do or hold, leaving
    out Qt's own internal parts (see ``is_qt_internal``)."""
    return [
        describe(widget)
        for widget in controls(root)
        if not is_qt_internal(widget)
        and not any(character.isalpha() for character in spoken_description(widget))
    ]


def unreachable_controls(root: QWidget) -> list[str]:
    """Controls Tab never stops at."""
    return [
        describe(widget)
        for widget in controls(root)
        if not takes_tab(widget) and not keys_of_its_own_reach_it(widget)
    ]


def outermost_tab_widgets(root: QWidget) -> list[QTabWidget]:
    """The tab widgets of ``root`` (``root`` itself, if it is one) that are not on a page of
    another of its tab widgets."""

    def nested(tabs: QTabWidget) -> bool:
        parent = tabs.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, QTabWidget):
                return True
            parent = parent.parentWidget()
        return False

    own = [root] if isinstance(root, QTabWidget) else []
    return own or [tabs for tabs in root.findChildren(QTabWidget) if not nested(tabs)]


def problems(root: QWidget) -> list[str]:
    """Every unnamed, undescribed or unreachable control of ``root``, on every page of its
    tab widgets, and of tab widgets on those pages (each page shown in turn, so pages built
    on first showing are built)."""
    found = [f"no name: {c}" for c in unnamed_controls(root)]
    found += [f"no description: {c}" for c in undescribed_controls(root)]
    found += [f"no Tab stop: {c}" for c in unreachable_controls(root)]
    for tabs in outermost_tab_widgets(root):
        if tabs is not root and not tabs.isVisibleTo(root):
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            label = tabs.tabText(index).replace("&", "")
            found += [f"{label}: {problem}" for problem in problems(tabs.widget(index))]
        tabs.setCurrentIndex(current)
    return sorted(set(found))
