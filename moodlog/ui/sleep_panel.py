"""SleepPanel: last night, quick (hours and quality) or as a Consensus Sleep Diary."""

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.clock_text import format_clock, parse_clock_text, twelve_hour_clock
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.sleep import (
    CLOCK_FIELDS,
    SleepMode,
    SleepQuality,
    SleepRecord,
    format_duration,
    measure_sleep,
    sleep_definitions,
)
from moodlog.ui.choice_input import ChoiceInput

# Form labels (with their Alt+letter) for the domain's CLOCK_FIELDS, in the same order.
_CLOCK_LABELS = {
    "into_bed": QT_TRANSLATE_NOOP("SleepPanel", "Got into &bed"),
    "tried_to_sleep": QT_TRANSLATE_NOOP("SleepPanel", "Began trying to slee&p"),
    "final_awakening": QT_TRANSLATE_NOOP("SleepPanel", "Final a&wakening"),
    "out_of_bed": QT_TRANSLATE_NOOP("SleepPanel", "Got &out of bed"),
}
# What a time that can't be read was meant to be, for the message that asks for it again
# ("Type the time you got into bed like 23:30"), by CLOCK_FIELDS key.
_CLOCK_WHAT = {
    "into_bed": QT_TRANSLATE_NOOP("SleepPanel", "the time you got into bed"),
    "tried_to_sleep": QT_TRANSLATE_NOOP("SleepPanel", "the time you began trying to sleep"),
    "final_awakening": QT_TRANSLATE_NOOP("SleepPanel", "the time you woke for the last time"),
    "out_of_bed": QT_TRANSLATE_NOOP("SleepPanel", "the time you got out of bed"),
}


def _blankable_spin(name: str, maximum: int, suffix: str, parent: QWidget) -> QSpinBox:
    """A spin box whose lowest value (-1) reads as "not recorded"."""
    spin = QSpinBox(parent)
    spin.setRange(-1, maximum)
    spin.setSpecialValueText("—")
    spin.setSuffix(suffix)
    spin.setValue(-1)
    spin.setAccessibleName(name)
    return spin


class SleepPanel(QGroupBox):
    """Signals:
    edited(): the person changed something.
    """

    edited = Signal()

    def __init__(self, mode: SleepMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Last night's sleep"))
        self.clock_edits: dict[str, QLineEdit] = {}
        self._build_layout()
        self.set_mode(mode)
        self._connect_signals()
        self._refresh_measures()

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        mode_row = QHBoxLayout()
        #: The quick way to enter sleep (hours and quality), beside the detailed diary
        self.quick_radio = QRadioButton(self.tr("&Quick"), self)
        self.full_radio = QRadioButton(self.tr("Detai&led sleep diary"), self)
        self.quick_radio.setAccessibleDescription(
            self.tr("Enter only how long and how well you slept last night")
        )
        self.full_radio.setAccessibleDescription(
            self.tr("Enter bedtime, waking time and time awake, for this night only")
        )
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.quick_radio)
        self._mode_group.addButton(self.full_radio)
        mode_row.addWidget(self.quick_radio)
        mode_row.addWidget(self.full_radio)
        mode_row.addStretch(1)
        outer.addLayout(mode_row)
        # Two pages shown one at a time (not a QStackedWidget, which would keep the detailed
        # page's height on the quick page).
        self.quick_page = self._build_quick_page()
        self.full_page = self._build_full_page()
        outer.addWidget(self.quick_page)
        outer.addWidget(self.full_page)
        quality_form = QFormLayout()
        quality_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.quality_input = ChoiceInput(
            self.tr("Sleep quality"),
            [q.value for q in SleepQuality],
            [q.label for q in SleepQuality],
            parent=self,
        )
        self.quality_input.setToolTip(
            self.tr("Type 1 (very poor) to 5 (very good); Delete clears.")
        )
        quality_label = QLabel(self.tr("&Quality"), self)
        quality_label.setBuddy(self.quality_input)
        quality_form.addRow(quality_label, self.quality_input)
        naps_row = QHBoxLayout()
        self.naps_spin = QSpinBox(self)
        self.naps_spin.setRange(0, 20)
        self.naps_spin.setAccessibleName(self.tr("Naps yesterday"))
        self.naps_spin.setAccessibleDescription(self.tr("How many times you napped yesterday"))
        self.nap_minutes_spin = QSpinBox(self)
        self.nap_minutes_spin.setRange(0, 24 * 60)
        self.nap_minutes_spin.setSingleStep(10)
        #: Unit after a number of minutes (keep the leading space if your language uses one)
        self.nap_minutes_spin.setSuffix(self.tr(" min"))
        self.nap_minutes_spin.setAccessibleName(self.tr("Total nap time"))
        self.nap_minutes_spin.setAccessibleDescription(
            self.tr("All of yesterday's naps together, in minutes")
        )
        naps_row.addWidget(self.naps_spin)
        #: Between the number of naps and their total time: "2 totalling 40 min"
        naps_row.addWidget(QLabel(self.tr("totalling"), self))
        naps_row.addWidget(self.nap_minutes_spin)
        naps_row.addStretch(1)
        naps_label = QLabel(self.tr("&Naps yesterday"), self)
        naps_label.setBuddy(self.naps_spin)
        quality_form.addRow(naps_label, naps_row)
        outer.addLayout(quality_form)
        self.measures_label = QLabel(self)
        self.measures_label.setWordWrap(True)
        self.measures_label.setToolTip(sleep_definitions())
        self.measures_label.setAccessibleName(self.tr("Sleep measures"))
        outer.addWidget(self.measures_label)
        # How the measures are worked out, stated where they appear (definitions differ
        # between studies); shown with the detailed diary, whose measures they are.
        self.definitions_label = QLabel(sleep_definitions(), self)
        self.definitions_label.setWordWrap(True)
        self.definitions_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        small = self.definitions_label.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.definitions_label.setFont(small)
        outer.addWidget(self.definitions_label)

    def _build_quick_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.hours_spin = QDoubleSpinBox(page)
        self.hours_spin.setRange(-0.5, 24)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setDecimals(1)
        self.hours_spin.setSpecialValueText("—")
        #: Unit after a number of hours (keep the leading space if your language uses one)
        self.hours_spin.setSuffix(self.tr(" h"))
        self.hours_spin.setValue(-0.5)
        self.hours_spin.setAccessibleName(self.tr("Hours slept"))
        self.hours_spin.setAccessibleDescription(
            self.tr("About how long you slept last night; a dash means not recorded")
        )
        label = QLabel(self.tr("Hours sle&pt"), page)
        label.setBuddy(self.hours_spin)
        form.addRow(label, self.hours_spin)
        return page

    def _build_full_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        minutes = self.tr(" min")
        self.sol_spin = _blankable_spin(self.tr("Minutes to fall asleep"), 720, minutes, page)
        self.awakenings_spin = _blankable_spin(
            self.tr("Awakenings before the final one"), 60, "", page
        )
        self.waso_spin = _blankable_spin(self.tr("Minutes awake in the night"), 1200, minutes, page)
        for spin, description in (
            (self.sol_spin, self.tr("How long it took to fall asleep after trying")),
            (self.awakenings_spin, self.tr("How many times you woke before waking for the day")),
            (self.waso_spin, self.tr("All the time you lay awake after first falling asleep")),
        ):
            spin.setAccessibleDescription(
                #: {what}: one of the sentences above, about a sleep diary field
                self.tr("{what}; a dash means not recorded").format(what=description)
            )
        for key, _did in CLOCK_FIELDS:
            text = QCoreApplication.translate("SleepPanel", str(_CLOCK_LABELS[key]))
            edit = QLineEdit(page)
            edit.setPlaceholderText(
                #: How to type a time on a 12-hour clock: hours, minutes, am or pm
                self.tr("h:mm am/pm")
                if twelve_hour_clock()
                #: How to type a time: hours and minutes
                else self.tr("hh:mm")
            )
            edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00 pm") * 2)
            edit.setAccessibleName(text.replace("&", ""))
            self.clock_edits[key] = edit
            label = QLabel(text, page)
            label.setBuddy(edit)
            form.addRow(label, edit)
            if key == "tried_to_sleep":
                form.addRow(self.tr("Minutes to fall &asleep"), self.sol_spin)
                form.addRow(self.tr("Times you &woke (not the last)"), self.awakenings_spin)
                form.addRow(self.tr("Minutes a&wake in the night"), self.waso_spin)
        return page

    def _connect_signals(self) -> None:
        self.quick_radio.toggled.connect(self._on_mode_toggled)
        for edit in self.clock_edits.values():
            edit.textEdited.connect(self._on_edited)
        for spin in (
            self.sol_spin,
            self.awakenings_spin,
            self.waso_spin,
            self.naps_spin,
            self.nap_minutes_spin,
        ):
            spin.valueChanged.connect(self._on_edited)
        self.hours_spin.valueChanged.connect(self._on_edited)
        self.quality_input.value_changed.connect(self._on_edited)

    def _on_mode_toggled(self) -> None:
        self._show_page()
        self._on_edited()

    def _on_edited(self) -> None:
        self._refresh_measures()
        self.edited.emit()

    def mode(self) -> SleepMode:
        return SleepMode.MINIMAL if self.quick_radio.isChecked() else SleepMode.FULL

    def set_mode(self, mode: SleepMode) -> None:
        for radio in (self.quick_radio, self.full_radio):
            radio.blockSignals(True)
        self.quick_radio.setChecked(mode is SleepMode.MINIMAL)
        self.full_radio.setChecked(mode is SleepMode.FULL)
        for radio in (self.quick_radio, self.full_radio):
            radio.blockSignals(False)
        self._show_page()

    def _show_page(self) -> None:
        quick = self.quick_radio.isChecked()
        self.quick_page.setVisible(quick)
        self.full_page.setVisible(not quick)
        self.definitions_label.setVisible(not quick)

    # -- values ------------------------------------------------------------------------

    def _is_blank(self) -> bool:
        quick_blank = self.hours_spin.value() < 0
        full_blank = not any(e.text().strip() for e in self.clock_edits.values()) and all(
            s.value() < 0 for s in (self.sol_spin, self.awakenings_spin, self.waso_spin)
        )
        page_blank = quick_blank if self.mode() is SleepMode.MINIMAL else full_blank
        return (
            page_blank
            and self.quality_input.value() is None
            and not self.naps_spin.value()
            and not self.nap_minutes_spin.value()
        )

    def record(self, night_of: date) -> SleepRecord | None:
        """The night as entered, ``None`` if left blank; :class:`InvalidEntry` if a time
        can't be read. Whether the night is possible is checked by ``measure_sleep``."""
        if self._is_blank():
            return None
        quality = self.quality_input.value()
        common: dict[str, Any] = {
            "night_of": night_of,
            "quality": None if quality is None else SleepQuality(quality),
            "naps": self.naps_spin.value(),
            "nap_minutes": self.nap_minutes_spin.value(),
        }
        if self.mode() is SleepMode.MINIMAL:
            hours = self.hours_spin.value()
            return SleepRecord(
                mode=SleepMode.MINIMAL, hours_slept=None if hours < 0 else hours, **common
            )
        clocks = [
            parse_clock_text(
                self.clock_edits[key].text(),
                key,
                QCoreApplication.translate("SleepPanel", str(_CLOCK_WHAT[key])),
            )
            for key, _did in CLOCK_FIELDS
        ]
        return SleepRecord(
            mode=SleepMode.FULL,
            into_bed=clocks[0],
            tried_to_sleep=clocks[1],
            final_awakening=clocks[2],
            out_of_bed=clocks[3],
            minutes_to_fall_asleep=max(0, self.sol_spin.value()),
            awakenings=max(0, self.awakenings_spin.value()),
            minutes_awake=max(0, self.waso_spin.value()),
            **common,
        )

    def _refresh_measures(self) -> None:
        try:
            record = self.record(date.min)
            if record is None:
                self.measures_label.setText(self.tr("Not recorded yet. Fill in what you remember."))
                return
            measures = measure_sleep(record, today=date.max)
        except InvalidEntry as error:
            self.measures_label.setText(f"⚠ {error.message}")
            return
        parts = []
        if measures.total_sleep_minutes is not None:
            parts.append(
                self.tr("Total sleep {duration}").format(
                    duration=format_duration(measures.total_sleep_minutes)
                )
            )
        if measures.time_in_bed_minutes is not None:
            parts.append(
                self.tr("in bed {duration}").format(
                    duration=format_duration(measures.time_in_bed_minutes)
                )
            )
        if measures.efficiency_percent is not None:
            parts.append(
                self.tr("efficiency {percent}%").format(
                    percent=f"{measures.efficiency_percent:.0f}"
                )
            )
        self.measures_label.setText(" · ".join(parts) if parts else self.tr("Quality recorded."))

    def load(self, record: SleepRecord | None, default_mode: SleepMode) -> None:
        widgets: list[QWidget] = [
            self.hours_spin,
            self.quality_input,
            self.naps_spin,
            self.nap_minutes_spin,
            self.sol_spin,
            self.awakenings_spin,
            self.waso_spin,
            *self.clock_edits.values(),
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.set_mode(record.mode if record else default_mode)
        self.hours_spin.setValue(
            record.hours_slept if record and record.hours_slept is not None else -0.5
        )
        self.quality_input.set_value(record.quality if record and record.quality else None)
        self.naps_spin.setValue(record.naps if record else 0)
        self.nap_minutes_spin.setValue(record.nap_minutes if record else 0)
        full = record if record and record.mode is SleepMode.FULL else None
        self.sol_spin.setValue(full.minutes_to_fall_asleep if full else -1)
        self.awakenings_spin.setValue(full.awakenings if full else -1)
        self.waso_spin.setValue(full.minutes_awake if full else -1)
        for key, edit in self.clock_edits.items():
            edit.setText(format_clock(getattr(full, key)) if full else "")
        for widget in widgets:
            widget.blockSignals(False)
        self._refresh_measures()

    def state(self) -> dict[str, Any]:
        return {
            "mode": self.mode().value,
            "hours": self.hours_spin.value(),
            "quality": self.quality_input.value(),
            "naps": self.naps_spin.value(),
            "nap_minutes": self.nap_minutes_spin.value(),
            "sol": self.sol_spin.value(),
            "awakenings": self.awakenings_spin.value(),
            "waso": self.waso_spin.value(),
            "clocks": {key: edit.text() for key, edit in self.clock_edits.items()},
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        self.load(None, SleepMode(state.get("mode", SleepMode.MINIMAL.value)))
        self.hours_spin.setValue(float(state.get("hours", -0.5)))
        self.quality_input.set_value(state.get("quality"))
        self.naps_spin.setValue(int(state.get("naps", 0)))
        self.nap_minutes_spin.setValue(int(state.get("nap_minutes", 0)))
        self.sol_spin.setValue(int(state.get("sol", -1)))
        self.awakenings_spin.setValue(int(state.get("awakenings", -1)))
        self.waso_spin.setValue(int(state.get("waso", -1)))
        for key, text in state.get("clocks", {}).items():
            if key in self.clock_edits:
                self.clock_edits[key].setText(str(text))
        self._refresh_measures()
