"""ReportDialog: the PDF report for the clinician, from the window (Diary › Report, Ctrl+P).

The person chooses the period (since the last appointment, the last 4 weeks or 3 months, or
dates of their own), the sections, the paper and an optional name or ID for the header.
"Save report…" asks where to save it, reads the diary on the GUI thread (the store's
connection belongs to it), then writes the PDF in a thread-pool worker while a progress bar
counts the pages. A problem is said inline and every choice stays; once saved, the file can be
opened or shown in its folder.

The paper and the sections are remembered in the application's settings; the name or ID is
personal, so it is kept in the diary itself. The PDF writer (and with it matplotlib, for the
charts) is imported by the worker, so opening this dialog stays quick.
"""

import threading
from contextlib import suppress
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSettings,
    QStandardPaths,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.clock import Clock
from moodlog.domain.day_text import day_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.reports.report_data import ReportData, gather_report_data
from moodlog.reports.report_period import (
    ALL_SECTIONS,
    PaperSize,
    ReportError,
    ReportOptions,
    ReportPeriod,
    ReportSection,
    empty_period_message,
    last_months,
    last_weeks,
    parse_sections,
    since,
)
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.form_dialog import (
    FIRST_DAY,
    FormDialog,
    buddy_label,
    make_choice_combo,
    make_date_edit,
    make_line_edit,
    make_note_label,
)
from moodlog.ui.qt_dates import to_date, to_qdate
from moodlog.ui.report_preferences import ReportPreferences

TITLE = QT_TRANSLATE_NOOP("ReportDialog", "Report for my clinician")
INTRODUCTION = QT_TRANSLATE_NOOP(
    "ReportDialog",
    "A PDF of your diary to take to an appointment or send to your clinic. It is saved only "
    "where you choose.",
)
NO_APPOINTMENT = QT_TRANSLATE_NOOP(
    "ReportDialog",
    "No appointment before today is recorded yet. You can add one with “Appointments and "
    "questions” (Alt+Q).",
)
#: the file chooser's filter: keep "(*.pdf)" as it is
PDF_FILTER = QT_TRANSLATE_NOOP("ReportDialog", "PDF files (*.pdf)")
# The Alt+letter of each section's tick box (the letters of the other controls differ).
_SECTION_KEYS = {
    ReportSection.SUMMARY: "m",
    ReportSection.CHARTS: "h",
    ReportSection.TREATMENT: "r",
    ReportSection.SIDE_EFFECTS: "e",
    ReportSection.SLEEP: "l",
    ReportSection.NOTES: "n",
}


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with "&" before the first ``letter`` (either case); unchanged when ``text``
    (in another language) has no such letter."""
    index = text.lower().find(letter)
    return text if index < 0 else f"{text[:index]}&{text[index:]}"


def _translate(text: str) -> str:
    return QCoreApplication.translate("ReportDialog", text)


# -- the worker ------------------------------------------------------------------------------


class _Stopped(Exception):
    """Raised from the progress callback to stop writing (the partial file is removed)."""


class ReportWriterSignals(QObject):
    """What the worker says, delivered to the GUI thread (queued)."""

    progressed = Signal(int, int)  # page, pages
    written = Signal(int)  # pages
    failed = Signal(str)  # a message for the person
    stopped = Signal()


class ReportWriter(QRunnable):
    """Writes the PDF from a snapshot of the diary, off the GUI thread. The dialog keeps it
    (auto-delete is off) until one of its end signals arrives."""

    def __init__(self, data: ReportData, options: ReportOptions, destination: Path) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = ReportWriterSignals()
        self._data = data
        self._options = options
        self._destination = destination
        self._stop = threading.Event()

    def stop(self) -> None:
        """Stop at the next page; no file is left behind."""
        self._stop.set()

    def _progress(self, page: int, pages: int) -> None:
        if self._stop.is_set():
            raise _Stopped
        self.signals.progressed.emit(page, pages)

    @override
    def run(self) -> None:
        from moodlog.reports.pdf_report import write_report_pdf

        try:
            pages = write_report_pdf(
                self._data, self._options, self._destination, progress=self._progress
            )
        except _Stopped:
            self.signals.stopped.emit()
        except ReportError as error:  # NothingToReport too
            self.signals.failed.emit(error.message)
        except OSError as error:
            self.signals.failed.emit(
                QCoreApplication.translate(
                    "ReportWriter",
                    "The report could not be saved to {folder} ({reason}). Choose another "
                    "place, or free some space, and save again.",
                ).format(folder=self._destination.parent, reason=error.strerror or error)
            )
        except Exception:
            self.signals.failed.emit(
                QCoreApplication.translate(
                    "ReportWriter",
                    "Something went wrong while writing the report; no file was saved.",
                )
            )
            raise
        else:
            self.signals.written.emit(pages)


# -- the dialog ------------------------------------------------------------------------------


class ReportDialog(FormDialog):
    """Choose what the report covers and save it (see the module's docstring). Stays open
    after saving, showing where the file went; closing it while writing stops the writing."""

    def __init__(
        self,
        store: DiaryStore,
        clock: Clock,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, fit_to_text=True)
        self._store = store
        self._clock = clock
        # Application settings (not health data): the paper, the sections, the last folder.
        self._preferences = ReportPreferences(settings)
        self._today = clock().date()
        self._last_appointment: date | None = None
        self._syncing_dates = False
        self._writer: ReportWriter | None = None
        self._destination: Path | None = None
        self.saved_path: Path | None = None
        self.setWindowTitle(_translate(TITLE))
        self._build_layout()
        self._connect_signals()
        self._load_choices()
        self.refresh_appointment()

    # -- building ------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.intro_label = QLabel(_translate(INTRODUCTION), self)
        self.intro_label.setWordWrap(True)
        period_group = self._build_period_group()
        sections_group = self._build_sections_group()
        self.paper_combo = make_choice_combo(self.tr("Paper size"), PaperSize, self)
        self.paper_combo.setAccessibleDescription(
            self.tr("The paper size the report is laid out for")
        )
        self._add_row(self.tr("&Paper"), self.paper_combo)
        self.name_edit = make_line_edit(
            self.tr("Name or ID on the header"), self.tr("Optional: your name or clinic ID"), self
        )
        self._add_row(self.tr("Name or &ID on the header"), self.name_edit)
        self._finish_layout(
            above=[self.intro_label, period_group, sections_group],
            below=[self._build_progress(), self._build_result()],
            buttons=QDialogButtonBox.StandardButton.Close,
        )
        self.save_button = self.button_box.addButton(
            self.tr("&Save report…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleDescription(
            self.tr("Choose where to save the report as a PDF file, then write it")
        )
        self.save_button.setDefault(True)
        self.close_button = self.button_box.button(QDialogButtonBox.StandardButton.Close)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 92)

    def _build_period_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Period"), self)
        self._period_group = group
        grid = QGridLayout(group)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
        self.since_radio = QRadioButton(self.tr("Since my last &appointment"), group)
        self.appointments_button = QPushButton(self.tr("Appointments and &questions…"), group)
        self.appointments_button.setAutoDefault(False)
        self.appointments_button.setToolTip(
            self.tr("Record appointments and questions for your doctor")
        )
        since_row = QHBoxLayout()
        since_row.addWidget(self.since_radio)
        since_row.addStretch(1)
        since_row.addWidget(self.appointments_button)
        grid.addLayout(since_row, 0, 0, 1, 2)
        self.since_radio.setAccessibleDescription(
            self.tr("The report covers the days since your last recorded appointment")
        )
        self.since_note = make_note_label(_translate(NO_APPOINTMENT), group)
        self.since_note.setContentsMargins(indent + 6, 0, 0, 0)
        grid.addWidget(self.since_note, 1, 0, 1, 2)
        self.weeks_radio = QRadioButton(self.tr("Last &4 weeks"), group)
        self.weeks_radio.setAccessibleDescription(self.tr("The report covers the last 4 weeks"))
        grid.addWidget(self.weeks_radio, 2, 0, 1, 2)
        self.months_radio = QRadioButton(self.tr("Last &3 months"), group)
        self.months_radio.setAccessibleDescription(self.tr("The report covers the last 3 months"))
        grid.addWidget(self.months_radio, 3, 0, 1, 2)
        self.custom_radio = QRadioButton(self.tr("Custom &dates"), group)
        self.custom_radio.setAccessibleDescription(
            self.tr("The report covers the days you choose in the From and To fields")
        )
        grid.addWidget(self.custom_radio, 4, 0)
        start = last_weeks(4, self._today).start
        self.from_edit = make_date_edit(
            self._today, start, self.tr("Report from"), group, earliest=FIRST_DAY
        )
        self.to_edit = make_date_edit(
            self._today, self._today, self.tr("Report to"), group, earliest=FIRST_DAY
        )
        self.from_edit.setAccessibleDescription(self.tr("The first day the report covers"))
        self.to_edit.setAccessibleDescription(self.tr("The last day the report covers"))
        dates = QHBoxLayout()
        dates.addWidget(buddy_label(self.tr("&From"), self.from_edit, group))
        dates.addWidget(self.from_edit)
        dates.addSpacing(12)
        dates.addWidget(buddy_label(self.tr("&To"), self.to_edit, group))
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        grid.addLayout(dates, 4, 1)
        grid.setColumnStretch(1, 1)
        self.period_label = QLabel(group)
        self.period_label.setWordWrap(True)
        self.period_label.setAccessibleName(self.tr("The period the report covers"))
        grid.addWidget(self.period_label, 5, 0, 1, 2)
        return group

    def _build_sections_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sections"), self)
        grid = QGridLayout(group)
        self.section_checks: dict[ReportSection, QCheckBox] = {}
        descriptions = {
            ReportSection.SUMMARY: self.tr("A short overview of the period, on the first page"),
            ReportSection.CHARTS: self.tr("Charts of your mood and your questionnaire results"),
            ReportSection.TREATMENT: self.tr("Your medications and other treatments"),
            ReportSection.SIDE_EFFECTS: self.tr("The side effects you recorded"),
            ReportSection.SLEEP: self.tr("How you slept over the period"),
            ReportSection.NOTES: self.tr("The notes you marked for your clinician"),
        }
        for index, section in enumerate(ALL_SECTIONS):
            check = QCheckBox(with_mnemonic(section.label, _SECTION_KEYS[section]), group)
            check.setAccessibleDescription(descriptions[section])
            check.setChecked(True)
            grid.addWidget(check, index // 2, index % 2)
            self.section_checks[section] = check
        return group

    def _build_progress(self) -> QWidget:
        self.progress_box = QWidget(self)
        column = QVBoxLayout(self.progress_box)
        column.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel(self.progress_box)
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self.progress_box)
        self.progress_bar.setAccessibleName(self.tr("Pages written"))
        #: %v: the page being written, %m: how many pages there are
        self.progress_bar.setFormat(self.tr("page %v of %m"))
        column.addWidget(self.progress_label)
        column.addWidget(self.progress_bar)
        self.progress_box.hide()
        return self.progress_box

    def _build_result(self) -> QWidget:
        self.result_box = QWidget(self)
        column = QVBoxLayout(self.result_box)
        column.setContentsMargins(0, 0, 0, 0)
        self.result_label = QLabel(self.result_box)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAccessibleName(self.tr("Where the report was saved"))
        self.open_button = QPushButton(self.tr("&Open"), self.result_box)
        self.open_button.setAccessibleName(self.tr("Open the report"))
        self.open_button.setAccessibleDescription(self.tr("Opens the saved PDF in your PDF viewer"))
        self.folder_button = QPushButton(self.tr("Sho&w in folder"), self.result_box)
        self.folder_button.setAccessibleName(self.tr("Show the report in its folder"))
        self.folder_button.setAccessibleDescription(
            self.tr("Opens the folder that holds the saved PDF")
        )
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        column.addWidget(self.result_label)
        column.addLayout(row)
        self.result_box.hide()
        return self.result_box

    def _connect_signals(self) -> None:
        for radio in (self.since_radio, self.weeks_radio, self.months_radio, self.custom_radio):
            radio.toggled.connect(self._on_period_changed)
        self.from_edit.dateChanged.connect(self._on_date_changed)
        self.to_edit.dateChanged.connect(self._on_date_changed)
        self.appointments_button.clicked.connect(self.open_appointments)
        self.open_button.clicked.connect(self._open_report)
        self.folder_button.clicked.connect(self._show_folder)

    def _load_choices(self) -> None:
        """The paper and sections chosen last time (else the locale's paper and every
        section), and the name or ID kept in the diary."""
        paper = self._preferences.paper()
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper))
        try:
            chosen = set(parse_sections(self._preferences.sections_text()))
        except ValueError:
            chosen = set(ALL_SECTIONS)
        for section, check in self.section_checks.items():
            check.setChecked(section in chosen)
        self.name_edit.setText(self._store.appointments.report_name())

    # -- the period ------------------------------------------------------------------------

    def refresh_appointment(self) -> None:
        """Offer "since my last appointment" when one before today is recorded, naming its
        day; otherwise say why not. Chosen by default when there is one."""
        last = self._store.appointments.last_appointment_before(self._today)
        had = self._last_appointment
        self._last_appointment = None if last is None else last.day
        if last is None:
            self.since_radio.setText(self.tr("Since my last &appointment"))
            self.since_radio.setEnabled(False)
            self.since_note.show()
            if self.since_radio.isChecked() or not self._any_period_chosen():
                self.weeks_radio.setChecked(True)
        else:
            self.since_radio.setText(
                self.tr("Since my last &appointment ({day})").format(day=day_text(last.day))
            )
            self.since_radio.setEnabled(True)
            self.since_note.hide()
            if had is None and not self.custom_radio.isChecked():
                self.since_radio.setChecked(True)
        self._on_period_changed()
        self._refit()

    def _any_period_chosen(self) -> bool:
        radios = (self.since_radio, self.weeks_radio, self.months_radio, self.custom_radio)
        return any(radio.isChecked() for radio in radios)

    def _chosen_period(self) -> ReportPeriod:
        """The period chosen; raises InvalidEntry for custom dates the wrong way round."""
        today = self._today
        if self.since_radio.isChecked() and self._last_appointment is not None:
            return since(self._last_appointment, today)
        if self.months_radio.isChecked():
            return last_months(3, today)
        if self.custom_radio.isChecked():
            try:
                return ReportPeriod(to_date(self.from_edit.date()), to_date(self.to_edit.date()))
            except ValueError as error:
                raise InvalidEntry(
                    self.tr("{problem} Choose a “From” date on or before “To”.").format(
                        problem=error
                    ),
                    "from",
                ) from None
        return last_weeks(4, today)

    def _on_period_changed(self) -> None:
        """A period chosen: the date fields show it, and the line below says it."""
        try:
            period = self._chosen_period()
        except InvalidEntry as error:
            self.period_label.setText(error.message)
            return
        if not self.custom_radio.isChecked():
            self._syncing_dates = True  # not a date the person typed
            self.from_edit.setDate(to_qdate(period.start))
            self.to_edit.setDate(to_qdate(period.end))
            self._syncing_dates = False
        if period.days == 1:
            covers = self.tr("The report covers {period} (1 day).").format(period=period.text)
        else:
            covers = self.tr("The report covers {period} ({days} days).").format(
                period=period.text, days=period.days
            )
        self.period_label.setText(covers)

    def _on_date_changed(self) -> None:
        """A date typed or picked makes the period a custom one."""
        if self._syncing_dates:
            return
        if self.custom_radio.isChecked():
            self._on_period_changed()
        else:
            self.custom_radio.setChecked(True)  # which says the new period

    # -- the result --------------------------------------------------------------------------

    def sections(self) -> tuple[ReportSection, ...]:
        return tuple(s for s, check in self.section_checks.items() if check.isChecked())

    def options(self) -> ReportOptions:
        """What is chosen; raises InvalidEntry when it can't make a report."""
        period = self._chosen_period()
        sections = self.sections()
        if not sections:
            raise InvalidEntry(
                self.tr("Tick at least one section to put in the report."), "sections"
            )
        paper = PaperSize(self.paper_combo.currentData())  # the combo keeps it as a str
        return ReportOptions(period, sections, paper, self.name_edit.text().strip())

    @override
    def _validate(self) -> None:
        self.options()

    @override
    def _field_widget(self, field: str) -> QWidget | None:
        if field == "from":
            return self.from_edit
        if field == "sections":
            return self.section_checks[ALL_SECTIONS[0]]
        return None

    @property
    def is_writing(self) -> bool:
        return self._writer is not None

    # -- saving ----------------------------------------------------------------------------

    @override
    def accept(self) -> None:
        """Save report… (and Enter): check the choices, ask where, then write. The dialog
        stays open."""
        if self._writer is not None or not self._entry_is_valid():
            return
        options = self.options()
        path = dialogs.ask_save_path(
            self,
            self.tr("Save the report"),
            self._suggested_path(options.period),
            _translate(PDF_FILTER),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_name(f"{path.name}.pdf")
        self.result_box.hide()
        try:
            data = gather_report_data(self._store, options.period, self._clock())
        except StorageError as error:
            self._show_problem(error.message)
            return
        if data.is_empty:
            self._show_problem(empty_period_message(options.period))
            return
        self._remember(options)
        self._start_writing(data, options, path)

    def _suggested_path(self, period: ReportPeriod) -> Path:
        folder = Path(self._preferences.folder())
        if not str(folder) or str(folder) == "." or not folder.is_dir():
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        #: the file name offered: "moodlog report 2026-10-01 to 2026-11-21.pdf"
        name = self.tr("moodlog report {start} to {end}.pdf").format(
            start=period.start.isoformat(), end=period.end.isoformat()
        )
        return folder / name

    def _remember(self, options: ReportOptions) -> None:
        self._preferences.set_paper(options.paper)
        self._preferences.set_sections_text(",".join(options.sections))
        if options.name != self._store.appointments.report_name():
            # The report matters, not remembering the name for next time.
            with suppress(StorageError):
                self._store.appointments.set_report_name(options.name)

    def _start_writing(self, data: ReportData, options: ReportOptions, path: Path) -> None:
        writer = ReportWriter(data, options, path)
        writer.signals.progressed.connect(self._on_progress)
        writer.signals.written.connect(self._on_written)
        writer.signals.failed.connect(self._on_failed)
        writer.signals.stopped.connect(self._on_stopped)
        self._writer = writer
        self._destination = path
        self.error_label.hide()
        self.progress_label.setText(
            self.tr("Writing the report for {period}… Closing this window stops it.").format(
                period=options.period.text
            )
        )
        self.progress_bar.setRange(0, 0)  # busy until the pages are counted
        self._set_busy(True)
        QThreadPool.globalInstance().start(writer)

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self._period_group,
            *self.section_checks.values(),
            self.paper_combo,
            self.name_edit,
            self.save_button,
        ):
            widget.setEnabled(not busy)
        self.progress_box.setVisible(busy)
        if busy:
            self.close_button.setFocus()
        self._refit()

    def _on_progress(self, page: int, pages: int) -> None:
        self.progress_bar.setRange(0, pages)
        self.progress_bar.setValue(page)

    def _on_written(self, pages: int) -> None:
        self._writer = None
        self._set_busy(False)
        self.saved_path = self._destination
        if self.saved_path is not None:
            self._preferences.set_folder(str(self.saved_path.parent))
        if pages == 1:
            saved = self.tr("Saved 1 page to {path}").format(path=self._destination)
        else:
            saved = self.tr("Saved {pages} pages to {path}").format(
                pages=pages, path=self._destination
            )
        self.result_label.setText(saved)
        self.result_box.show()
        self.open_button.setFocus()
        self._refit()

    def _on_failed(self, message: str) -> None:
        self._writer = None
        self._set_busy(False)
        self._show_problem(message)

    def _on_stopped(self) -> None:
        self._writer = None
        self._set_busy(False)

    def _show_problem(self, message: str) -> None:
        self.error_label.setText(f"⚠ {message}")
        self.error_label.show()
        self._refit()

    def _open_report(self) -> None:
        if self.saved_path is not None and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.saved_path))
        ):
            self._show_problem(
                self.tr("moodlog could not open the report here; it is saved at {path}.").format(
                    path=self.saved_path
                )
            )

    def _show_folder(self) -> None:
        if self.saved_path is not None and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.saved_path.parent))
        ):
            self._show_problem(
                self.tr("moodlog could not open the folder {folder}.").format(
                    folder=self.saved_path.parent
                )
            )

    @override
    def reject(self) -> None:
        """Close; a report being written is stopped (no file is left)."""
        if self._writer is not None:
            self._writer.stop()
        super().reject()

    # -- appointments ------------------------------------------------------------------------

    def open_appointments(self) -> QWidget:
        """The appointments and questions, on top of this dialog; "since my last
        appointment" follows what is recorded there."""
        from moodlog.ui.appointments_dialog import AppointmentsDialog

        dialog = AppointmentsDialog(self._store.appointments, self._clock, self)
        dialog.finished.connect(self.refresh_appointment)
        dialog.finished.connect(dialog.deleteLater)
        self.appointments_dialog = dialog
        dialog.open()
        return dialog
