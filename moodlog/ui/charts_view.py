"""ChartsView: the Charts tab. Every panel on one time axis (mood, scores, sleep, side
effects, treatments, adherence), a span to look at, the day under the pointer, insights and a
text version of each chart. Built the first time the tab is shown, which is when matplotlib
loads."""

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from moodlog.charts.chart_theme import DARK, LIGHT, ChartTheme
from moodlog.charts.trend_chart import ChartOptions, TrendChart, build_trend_chart
from moodlog.domain.chart_range import (
    ChartRange,
    DaySpan,
    clamped,
    shifted,
    span_for,
    zoomed,
)
from moodlog.domain.clock import Clock
from moodlog.domain.day_details import day_details
from moodlog.domain.day_text import day_text
from moodlog.domain.insights import caution, insights
from moodlog.domain.scales import MOOD, SCALES
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.domain.trend_data import TrendData
from moodlog.domain.trend_summaries import range_summary, summaries, tracker_summary
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.chart_canvas import ChartCanvas
from moodlog.ui.qt_dates import to_date, to_qdate

_RANGE_BUTTONS = (
    (ChartRange.FOUR_WEEKS, QT_TRANSLATE_NOOP("ChartsView", "&4 weeks")),
    (ChartRange.THREE_MONTHS, QT_TRANSLATE_NOOP("ChartsView", "&3 months")),
    (ChartRange.SIX_MONTHS, QT_TRANSLATE_NOOP("ChartsView", "&6 months")),
    (ChartRange.ONE_YEAR, QT_TRANSLATE_NOOP("ChartsView", "1 y&ear")),
    (ChartRange.ALL, QT_TRANSLATE_NOOP("ChartsView", "A&ll")),
    (ChartRange.CUSTOM, QT_TRANSLATE_NOOP("ChartsView", "C&ustom")),
)
_SETTINGS_RANGE = "charts/range"
_SETTINGS_SCALES = "charts/scales"
_SETTINGS_TRACKERS = "charts/trackers"
_SETTINGS_EFFICIENCY = "charts/efficiency"
# Insights and summaries follow a drag or zoom once it pauses.
_TEXT_DELAY_MS = 250
_NOTE_CHARS = 280
NOTHING_YET = QT_TRANSLATE_NOOP(
    "ChartsView",
    "Nothing is logged yet. The charts fill in as you record days on Today (Ctrl+1); "
    "missed days simply stay blank.",
)
NO_DAY_CHOSEN = QT_TRANSLATE_NOOP(
    "ChartsView", "Point at a day, or click one, to see what it holds."
)


class ChartsView(QWidget):
    """day_opened(date): the person asked to open a day for editing."""

    day_opened = Signal(object)
    status = Signal(str)

    def __init__(
        self, store: DiaryStore, clock: Clock, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._settings = settings
        self._stale = False
        self._data: TrendData | None = None
        self.chart: TrendChart | None = None
        self.canvas: ChartCanvas | None = None
        self.selected_day: date | None = None
        self._first_day: date | None = None  # read with the data, in reload()
        self.range_choice = ChartRange(
            str(settings.value(_SETTINGS_RANGE, ChartRange.THREE_MONTHS))
        )
        self.span = DaySpan(self._today(), self._today())
        self._text_timer = QTimer(self, singleShot=True, interval=_TEXT_DELAY_MS)
        self._build_layout()
        self._connect_signals()
        self.reload()

    # -- layout ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[ChartRange, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        descriptions = {
            ChartRange.FOUR_WEEKS: self.tr("Show the last 4 weeks on the chart"),
            ChartRange.THREE_MONTHS: self.tr("Show the last 3 months on the chart"),
            ChartRange.SIX_MONTHS: self.tr("Show the last 6 months on the chart"),
            ChartRange.ONE_YEAR: self.tr("Show the last year on the chart"),
            ChartRange.ALL: self.tr("Show every day since the diary began on the chart"),
            ChartRange.CUSTOM: self.tr("Type the first and last day to show in the date fields"),
        }
        for choice, text in _RANGE_BUTTONS:
            button = QPushButton(QCoreApplication.translate("ChartsView", text))
            button.setCheckable(True)
            button.setAutoDefault(False)
            #: {span} is a span of days shown on the charts: "Show 4 weeks", "Show all"
            button.setAccessibleName(self.tr("Show {span}").format(span=choice.label.lower()))
            button.setAccessibleDescription(descriptions[choice])
            self.range_group.addButton(button)
            self.range_buttons[choice] = button
            bar.addWidget(button)
        self.from_edit = self._date_edit(self.tr("First day shown"))
        self.from_edit.setAccessibleDescription(self.tr("The chart starts on this day"))
        self.to_edit = self._date_edit(self.tr("Last day shown"))
        self.to_edit.setAccessibleDescription(self.tr("The chart ends on this day"))
        from_label = QLabel(self.tr("Fr&om"))
        from_label.setBuddy(self.from_edit)
        #: "From [date] to [date]"
        to_label = QLabel(self.tr("t&o"))
        to_label.setBuddy(self.to_edit)
        for widget in (from_label, self.from_edit, to_label, self.to_edit):
            bar.addWidget(widget)
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("&More to show"))
        self.more_button.setAccessibleName(self.tr("More to show on the chart"))
        self.more_button.setAccessibleDescription(
            self.tr("Opens a list of other scores, trackers and sleep efficiency to add or remove")
        )
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        bar.addWidget(self.more_button)
        bar.addStretch(1)

        self.logged_label = QLabel()
        self.logged_label.setObjectName("charts-logged")
        self.logged_label.setWordWrap(True)
        self.help_label = QLabel(
            self.tr(
                "Point at a day to see it; click to choose it and press Enter (or double-click) "
                "to open it. Ctrl + wheel or + / − zoom, drag or Page Up / Page Down move, "
                "arrows step a day."
            )
        )
        self.help_label.setWordWrap(True)
        self.help_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.chart_area = QScrollArea()
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_area.setAccessibleName(self.tr("Charts, one panel below another"))
        self.chart_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chart itself takes focus
        self.placeholder = QLabel(self.tr("Drawing the charts…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_area.setWidget(self.placeholder)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        self.day_heading = QLabel()
        self.day_heading.setTextFormat(Qt.TextFormat.RichText)
        self.day_label = QLabel(QCoreApplication.translate("ChartsView", NO_DAY_CHOSEN))
        self.open_button = QPushButton(self.tr("Op&en this day"))
        self.open_button.setAutoDefault(False)
        self.open_button.setEnabled(False)
        self.open_button.setAccessibleName(self.tr("Open the chosen day for editing"))
        self.insights_label = QLabel()
        self.summary_label = QLabel()
        self.day_heading.setWordWrap(True)
        for label in (self.day_label, self.insights_label, self.summary_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.insights_label.setAccessibleName(self.tr("Insights"))
        self.summary_label.setAccessibleName(self.tr("The charts as text"))
        side_layout.addWidget(self.day_heading)
        side_layout.addWidget(self.day_label)
        side_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addWidget(_heading(self.tr("Insights")))
        side_layout.addWidget(self.insights_label)
        side_layout.addWidget(_heading(self.tr("The charts in words")))
        side_layout.addWidget(self.summary_label)
        side_layout.addStretch(1)
        self.side_area = QScrollArea()
        self.side_area.setWidgetResizable(True)
        self.side_area.setFrameShape(QFrame.Shape.NoFrame)
        self.side_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_area.setWidget(side)
        self.side_area.setAccessibleName(
            self.tr("The chosen day, insights and the charts in words")
        )
        self.side_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side_area.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart_area)
        splitter.addWidget(self.side_area)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.logged_label)
        layout.addWidget(self.help_label)
        layout.addWidget(splitter, 1)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.setMaximumDate(to_qdate(self._today()))
        return edit

    def _connect_signals(self) -> None:
        self.range_group.buttonClicked.connect(self._on_range_button)
        self.from_edit.editingFinished.connect(self._on_custom_dates)
        self.to_edit.editingFinished.connect(self._on_custom_dates)
        self.open_button.clicked.connect(lambda: self._open(self.selected_day))
        self._text_timer.timeout.connect(self._update_texts)

    # -- data --------------------------------------------------------------------------------

    def _today(self) -> date:
        return self._clock().date()

    def mark_stale(self) -> None:
        """The diary changed; reload now if the view is on screen, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the diary again and redraw, keeping the span and the chosen day."""
        self._stale = False
        today = self._today()
        first = self._first_day = self._store.first_day()
        self.from_edit.setMaximumDate(to_qdate(today))
        self.to_edit.setMaximumDate(to_qdate(today))
        start = min(first or today, today - timedelta(days=27))
        self._data = self._store.trend_data(start, today)
        self._rebuild_more_menu()
        if self.range_choice is ChartRange.CUSTOM and self.chart is not None:
            span = self.span
        else:
            if self.range_choice is ChartRange.CUSTOM:
                self.range_choice = ChartRange.THREE_MONTHS
            span = span_for(self.range_choice, today, first)
        self._build_chart()
        self._show_span(span, self.range_choice)
        if self.selected_day is not None:  # what the chosen day holds may have changed
            self._describe(self.selected_day)

    def _options(self) -> ChartOptions:
        scales = self._listed(_SETTINGS_SCALES)
        trackers = self._listed(_SETTINGS_TRACKERS)
        efficiency = self._settings.value(_SETTINGS_EFFICIENCY, False, bool)
        return ChartOptions(
            other_scales=tuple(key for key in (s.key for s in SCALES) if key in scales),
            trackers=tuple(int(t) for t in trackers if t.isdigit()),
            efficiency=bool(efficiency),
        )

    def _theme(self) -> ChartTheme:
        window = self.palette().color(QPalette.ColorRole.Window)
        return DARK if window.lightness() < 128 else LIGHT

    def _build_chart(self) -> None:
        assert self._data is not None
        dpi = self.logicalDpiX() or 96
        width = max(4.0, self.chart_area.viewport().width() / dpi)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.chart = build_trend_chart(self._data, self._options(), self._theme(), width, dpi)
            old = self.canvas
            self.canvas = ChartCanvas(self.chart)
            self.chart_area.setWidget(self.canvas)  # deletes the placeholder or old canvas
            del old
        finally:
            QApplication.restoreOverrideCursor()
        canvas = self.canvas
        canvas.day_hovered.connect(self._on_hover)
        canvas.day_clicked.connect(self.select_day)
        canvas.day_activated.connect(self._open)
        canvas.step_requested.connect(self._step)
        canvas.zoom_requested.connect(self.zoom)
        canvas.pan_requested.connect(self.pan)
        if self.selected_day is not None:
            self.chart.select_day(self.selected_day)

    def _rebuild_more_menu(self) -> None:
        assert self._data is not None
        options = self._options()
        self.more_menu.clear()
        for scale in SCALES:
            if scale is MOOD:
                continue
            action = self._toggle(scale.label, scale.key in options.other_scales)
            action.toggled.connect(
                lambda on, key=scale.key: self._set_listed(_SETTINGS_SCALES, key, on)
            )
        self.more_menu.addSeparator()
        for tracker in self._data.trackers:
            action = self._toggle(tracker.label, tracker.id in options.trackers)
            action.toggled.connect(
                lambda on, tid=str(tracker.id): self._set_listed(_SETTINGS_TRACKERS, tid, on)
            )
        self.more_menu.addSeparator()
        action = self._toggle(self.tr("Sleep efficiency"), options.efficiency)
        action.toggled.connect(self._set_efficiency)

    def _toggle(self, text: str, checked: bool) -> QAction:
        action = self.more_menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        return action

    def _listed(self, key: str) -> list[str]:
        """A list kept in QSettings (an INI file gives back one item as a plain string)."""
        value = self._settings.value(key, [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(item) for item in value] if isinstance(value, list) else []

    def _set_listed(self, key: str, item: str, on: bool) -> None:
        items = [i for i in self._listed(key) if i != item]
        self._settings.setValue(key, [*items, item] if on else items)
        self._redraw_with_options()

    def _set_efficiency(self, on: bool) -> None:
        self._settings.setValue(_SETTINGS_EFFICIENCY, on)
        self._redraw_with_options()

    def _redraw_with_options(self) -> None:
        span = self.span
        self._build_chart()
        self._show_span(span, self.range_choice)

    # -- span --------------------------------------------------------------------------------

    def show_range(self, choice: ChartRange) -> None:
        """Show one of the preset spans ending today (CUSTOM keeps the current span and
        lets the dates be typed)."""
        if choice is ChartRange.CUSTOM:
            self._show_span(self.span, ChartRange.CUSTOM)
            self.from_edit.setFocus()
            return
        self._settings.setValue(_SETTINGS_RANGE, choice.value)
        self._show_span(span_for(choice, self._today(), self._first_day), choice)

    def _on_range_button(self, button: QPushButton) -> None:
        for choice, candidate in self.range_buttons.items():
            if candidate is button:
                self.show_range(choice)

    def _on_custom_dates(self) -> None:
        start, end = to_date(self.from_edit.date()), to_date(self.to_edit.date())
        if end < start:
            start, end = end, start
        if DaySpan(start, end) != self.span:
            self._show_span(DaySpan(start, end), ChartRange.CUSTOM)

    def zoom(self, factor: float, around: date | None = None) -> None:
        pivot = around or self.selected_day
        if pivot is not None and not self.span.start <= pivot <= self.span.end:
            pivot = None
        self._show_span(self._within_diary(zoomed(self.span, factor, pivot)), ChartRange.CUSTOM)

    def pan(self, days: int) -> None:
        self._show_span(self._within_diary(shifted(self.span, days)), ChartRange.CUSTOM, quick=True)

    def _within_diary(self, span: DaySpan) -> DaySpan:
        """Zooming and moving stop at today and at the diary's first day (or 3 months
        back, the default view, for a new diary)."""
        if self._data is None:
            return span
        today = self._today()
        return clamped(span, min(self._data.start, today - timedelta(days=91)), today)

    def _show_span(self, span: DaySpan, choice: ChartRange, quick: bool = False) -> None:
        """Zoom the chart to ``span``; the words follow at once, or after a pause while
        the span is being dragged."""
        self.span = span
        self.range_choice = choice
        button = self.range_buttons[choice]
        button.setChecked(True)
        for edit, day in ((self.from_edit, span.start), (self.to_edit, span.end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        if self.chart is not None and self.canvas is not None:
            self.chart.set_range(span.start, span.end)
            self.canvas.redraw()
        if quick:
            self._text_timer.start()
        else:
            self._update_texts()

    def _update_texts(self) -> None:
        if self._data is None:
            return
        start, end = self.span.start, self.span.end
        nothing_yet = self._data.first_logged_day() is None and not self._data.scores
        self.logged_label.setText(
            QCoreApplication.translate("ChartsView", NOTHING_YET)
            if nothing_yet
            else range_summary(self._data, start, end)
        )
        items = "".join(
            f"<p><b>{escape(i.title)}</b><br>{escape(i.text)}</p>"
            for i in insights(self._data, start, end)
        )
        not_cause = f"<p><i>{escape(caution())}</i></p>"
        self.insights_label.setText(items + not_cause)
        parts = summaries(self._data, start, end) + [
            tracker_summary(self._data, tracker_id, start, end)
            for tracker_id in self._options().trackers
        ]
        self.summary_label.setText(
            "".join(f"<p><b>{escape(p.heading)}</b><br>{escape(p.text)}</p>" for p in parts)
        )
        if self.canvas is not None:
            described = (
                self.tr("{heading}: {text}").format(heading=p.heading, text=p.text) for p in parts
            )
            self.canvas.setAccessibleDescription(" ".join(described))

    # -- days --------------------------------------------------------------------------------

    def _on_hover(self, day: date | None) -> None:
        self._describe(day if day is not None else self.selected_day)

    def select_day(self, day: date) -> None:
        """Choose ``day``: marked on every panel, described at the side, ready to open."""
        day = min(day, self._today())
        self.selected_day = day
        self.open_button.setEnabled(True)
        if self.chart is not None and self.canvas is not None:
            self.chart.select_day(day)
            if not self.span.start <= day <= self.span.end:
                self._show_span(
                    shifted(self.span, _days_to_show(self.span, day)), ChartRange.CUSTOM
                )
            self.canvas.redraw()
        self._describe(day)

    def _step(self, days: int) -> None:
        if self.selected_day is None:
            self.select_day(self.span.end)
        else:
            self.select_day(self.selected_day + timedelta(days=days))

    def _describe(self, day: date | None) -> None:
        if day is None or self._data is None:
            self.day_heading.setText("")
            self.day_label.setText(QCoreApplication.translate("ChartsView", NO_DAY_CHOSEN))
            return
        heading = (
            self.tr("<b>{weekday} {day}</b> (chosen)")
            if day == self.selected_day
            else self.tr("<b>{weekday} {day}</b>")
        )
        self.day_heading.setText(heading.format(weekday=f"{day:%A}", day=escape(day_text(day))))
        lines = [escape(line) for line in day_details(self._data, day)]
        # The diary is read again only for a day that holds a note (not on every hover).
        notes = (
            [c.note for c in self._store.day_record(day).check_ins if c.note.strip()]
            if day in self._data.notes
            else []
        )
        for note in notes:
            short = note if len(note) <= _NOTE_CHARS else note[: _NOTE_CHARS - 1] + "…"
            lines.append(f"<i>“{escape(short)}”</i>")
        described = "<br>".join(lines)
        self.day_label.setText(described)

    def _open(self, day: date | None) -> None:
        day = day or self.selected_day
        if day is None:
            self.status.emit(self.tr("Click a day on the chart first, then open it."))
            return
        self.day_opened.emit(min(day, self._today()))


def _days_to_show(span: DaySpan, day: date) -> int:
    """How far to move ``span`` so that ``day`` is inside it."""
    if day < span.start:
        return (day - span.start).days
    return (day - span.end).days


def _heading(text: str) -> QLabel:
    bold = f"<b>{escape(text)}</b>"  # markup only: ``text`` comes translated
    label = QLabel(bold)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label
