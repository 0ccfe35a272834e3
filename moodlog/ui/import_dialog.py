"""ImportDialog: bring in history from another app. Choose a file, read what moodlog found
(format, check-ins, dates, rows it can't read, how the moods map), place any mood names it
can't, then Import; an import can be undone at once or later from the list of imports.
A moodlog export is added to the diary (merged) or replaces it, copied aside first.

Nothing is written before Import, and an import goes in whole or not at all.
"""

from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.clock import Clock
from moodlog.domain.clock_text import time_text
from moodlog.domain.day_text import day_text
from moodlog.domain.import_batch import ImportBatch
from moodlog.domain.import_preview import ImportPreview, mood_key
from moodlog.domain.scales import SCALE_MAX, SCALE_MIN, mood_word
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.importers.format_detection import FORMAT_NAMES, MOODLOG, detect, read_preview
from moodlog.importers.generic_csv import Columns, header_of
from moodlog.importers.import_request import outcome_text
from moodlog.importers.unreadable_file import UnreadableFile
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.diary_transfer import (
    check_export,
    copy_before_replace,
    import_json,
    parse_export,
)
from moodlog.storage.errors import StorageError
from moodlog.storage.import_store import AlreadyImported
from moodlog.ui import dialogs
from moodlog.ui.form_dialog import buddy_label, make_note_label
from moodlog.ui.message_banner import BannerKind, MessageBanner

# Translated where shown (:func:`_shown`), under the context "ImportDialog".
INTRODUCTION = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Bring in your history from Daylio, Bearable, iMoodJournal, Pixels or eMoods, from a "
    "spreadsheet, or from a moodlog export. You'll see what moodlog found before anything is "
    "added, and you can undo an import from another app afterwards.",
)
MERGE_NOTE = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Adds what your diary doesn't hold yet. Where your diary already has its own entry for "
    "the same day or name, yours stays. Importing the same export again adds nothing.",
)
REPLACE_NOTE = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Your diary becomes exactly this export. First, your diary as it is now is copied aside, "
    "next to it in {folder}; you'll see the copy's name afterwards.",
)
NO_FILE_TO_REPLACE = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Replacing isn't available here: this diary is held in memory only, so there is no file "
    "to copy aside first.",
)
# What each table of an export holds, for the summary (one, many; {count} is the number);
# tables not named are counted as rows.
EXPORT_AREAS = {
    "check_ins": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} check-in"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} check-ins"),
    ),
    "sleep": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} night of sleep"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} nights of sleep"),
    ),
    "side_effect_ratings": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} side-effect rating"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} side-effect ratings"),
    ),
    "tracker_values": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} tracker value"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} tracker values"),
    ),
    "medications": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} medication"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} medications"),
    ),
    "dose_steps": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} dose step"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} dose steps"),
    ),
    "adherence": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} day of medicines taken"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} days of medicines taken"),
    ),
    "treatment_courses": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} treatment course"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} treatment courses"),
    ),
    "treatment_sessions": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} treatment session"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} treatment sessions"),
    ),
    "pgx_results": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} gene test result"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} gene test results"),
    ),
    "questionnaire_results": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} questionnaire"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} questionnaires"),
    ),
    "appointments": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} appointment"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} appointments"),
    ),
    "clinician_questions": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} question for your doctor"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} questions for your doctor"),
    ),
    "side_effects": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} side effect on your list"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} side effects on your list"),
    ),
    "trackers": (
        QT_TRANSLATE_NOOP("ImportDialog", "{count} tracker on your list"),
        QT_TRANSLATE_NOOP("ImportDialog", "{count} trackers on your list"),
    ),
}
# {name}: the name of a table in the file, as it is written there.
OTHER_AREA = (
    QT_TRANSLATE_NOOP("ImportDialog", "{count} row of {name}"),
    QT_TRANSLATE_NOOP("ImportDialog", "{count} rows of {name}"),
)
# Bookkeeping, not worth a word in the summary.
EXPORT_UNCOUNTED = frozenset({"drafts", "diary_settings", "import_batches"})
#: A file-chooser filter: translate the descriptions, keep the patterns in brackets as they are.
FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Exports (*.csv *.json *.emoods *.zip *.txt);;CSV files (*.csv);;JSON files (*.json);;"
    "eMoods backups (*.emoods);;All files (*)",
)
CHOOSE = QT_TRANSLATE_NOOP("ImportDialog", "Choose…")
NO_COLUMN = QT_TRANSLATE_NOOP("ImportDialog", "(none)")
_ID = Qt.ItemDataRole.UserRole


def _shown(text: str) -> str:
    """One of this module's texts above, in the person's language."""
    return QCoreApplication.translate("ImportDialog", text)


def mood_choice_text(value: int) -> str:
    return f"{value} · {mood_word(value)}"


def _made_text(document: dict[str, Any]) -> str:
    """When and by which version of moodlog an export was made, as far as it says."""
    version = document.get("app_version")
    by = isinstance(version, str) and bool(version)
    try:
        made = datetime.fromisoformat(str(document.get("exported_at")))
    except ValueError:
        if by:
            text = QCoreApplication.translate("ImportDialog", "Exported by moodlog {version}.")
        else:
            text = QCoreApplication.translate("ImportDialog", "Exported.")
        return text.format(version=version)
    if by:
        text = QCoreApplication.translate(
            "ImportDialog", "Exported on {day} at {time} by moodlog {version}."
        )
    else:
        text = QCoreApplication.translate("ImportDialog", "Exported on {day} at {time}.")
    return text.format(day=day_text(made.date()), time=time_text(made.time()), version=version)


def export_text(document: dict[str, Any]) -> str:
    """What a checked moodlog export holds: when and by which version it was made, and
    how many rows of each kind."""
    format_line = QCoreApplication.translate("ImportDialog", "Format: {name}")
    lines = [format_line.format(name=FORMAT_NAMES[MOODLOG]), _made_text(document)]
    counts = []
    tables = document["tables"]
    # The areas in the order above (check-ins first), then any a later moodlog adds.
    order = {name: place for place, name in enumerate(EXPORT_AREAS)}
    for name in sorted(tables, key=lambda name: order.get(name, len(order))):
        rows = len(tables[name]["rows"])
        if not rows or name in EXPORT_UNCOUNTED:
            continue
        one, many = EXPORT_AREAS.get(name, OTHER_AREA)
        counts.append(_shown(one if rows == 1 else many).format(count=f"{rows:,}", name=name))
    if counts:
        #: {areas}: a list such as "12 check-ins, 3 medications".
        holds = QCoreApplication.translate("ImportDialog", "It holds {areas}.")
        lines.append(holds.format(areas=", ".join(counts)))
    else:
        lines.append(QCoreApplication.translate("ImportDialog", "It holds no entries."))
    return "\n".join(lines)


def batch_text(batch: ImportBatch) -> str:
    when = f"{day_text(batch.imported_at.date())} {time_text(batch.imported_at.time())}"
    name = FORMAT_NAMES.get(batch.format, batch.format)
    #: One earlier import in a list: when, the app it came from, the file, how many.
    text = QCoreApplication.translate("ImportDialog", "{when} · {app} · {file} · {count} check-ins")
    return text.format(when=when, app=name, file=batch.file_name, count=f"{batch.added:,}")


class ImportDialog(QDialog):
    """``diary_changed`` is emitted after an import or an undo, so views reload;
    ``whole_diary_changed`` after a moodlog export was merged or replaced the diary (anything
    in it may have changed). ``diary_path``: the diary's file, copied aside before a replace
    (``None`` for a diary in memory: no replace)."""

    diary_changed = Signal()
    whole_diary_changed = Signal()

    def __init__(
        self,
        store: DiaryStore,
        clock: Clock,
        parent: QWidget | None = None,
        diary_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from another app"))
        self._store = store
        self._clock = clock
        self._diary_path = diary_path
        self.export_document: dict[str, Any] | None = None
        self.kept_copy: Path | None = None
        self._data = b""
        self._path: Path | None = None
        self.preview: ImportPreview | None = None
        self.last_batch_id: int | None = None
        self.mood_combos: dict[str, QComboBox] = {}
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        self._refresh_batches()
        self._show_nothing_yet()

    # -- building ------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.intro = QLabel(_shown(INTRODUCTION), self)
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose a file…"), self)
        self.choose_button.setAccessibleName(self.tr("Choose the file to import"))
        self.choose_button.setAccessibleDescription(
            self.tr("Opens a file chooser; nothing is added until you press Import")
        )
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label = make_note_label("", self)
        # A moodlog export: merge or replace.
        self.export_box = QGroupBox(self.tr("What to do with this export"), self)
        self.merge_choice = QRadioButton(self.tr("&Add to my diary (merge)"), self)
        self.merge_choice.setChecked(True)
        self.merge_note = make_note_label(_shown(MERGE_NOTE), self)
        self.merge_choice.setAccessibleDescription(_shown(MERGE_NOTE))
        self.replace_choice = QRadioButton(self.tr("Re&place my diary with this export"), self)
        if self._diary_path is None:
            self.replace_choice.setEnabled(False)
            self.replace_note = make_note_label(_shown(NO_FILE_TO_REPLACE), self)
        else:
            folder = self._diary_path.parent
            replace_note = _shown(REPLACE_NOTE).format(folder=folder)
            self.replace_note = make_note_label(replace_note, self)
        self.replace_choice.setAccessibleDescription(self.replace_note.text())
        # The column step, for a spreadsheet moodlog doesn't recognise.
        self.columns_box = QGroupBox(self.tr("Which column holds what"), self)
        self.date_column = self._combo(self.tr("Date column"))
        self.time_column = self._combo(self.tr("Time column"))
        self.mood_column = self._combo(self.tr("Mood column"))
        self.note_column = self._combo(self.tr("Note column"))
        self.mood_low = self._spin(self.tr("Worst mood value"), 1)
        self.mood_high = self._spin(self.tr("Best mood value"), 5)
        self.date_order = self._combo(self.tr("Order of day, month and year"))
        for order, text in (
            ("dmy", self.tr("day/month/year")),
            ("mdy", self.tr("month/day/year")),
            ("ymd", self.tr("year/month/day")),
        ):
            self.date_order.addItem(text, order)
        for combo in (self.date_column, self.time_column, self.mood_column, self.note_column):
            combo.setAccessibleDescription(self.tr("The spreadsheet column that holds this"))
        self.mood_low.setAccessibleDescription(
            self.tr("The number your spreadsheet uses for the worst mood")
        )
        self.mood_high.setAccessibleDescription(
            self.tr("The number your spreadsheet uses for the best mood")
        )
        self.date_order.setAccessibleDescription(
            self.tr("How the dates in the spreadsheet are written")
        )
        self.columns_button = QPushButton(self.tr("&Show what this finds"), self)
        self.columns_button.setAccessibleDescription(
            self.tr("Read the file with these choices and show what would be imported")
        )
        # The mood-mapping step.
        self.mapping_box = QGroupBox(self.tr("Place your moods on moodlog's 0–10 scale"), self)
        self.mapping_form = QFormLayout()
        self.mapping_note = make_note_label(
            self.tr(
                "moodlog doesn't know these mood names. Choose where each belongs (10 is the "
                "best possible, 0 the worst); moodlog remembers your choices for next time."
            ),
            self,
        )
        # Rows that can't be read.
        self.problems_heading = QLabel(self)
        self.problems_heading.setWordWrap(True)
        self.problems_list = QListWidget(self)
        self.problems_list.setAccessibleName(self.tr("Rows that can't be imported"))
        self.problems_list.setAccessibleDescription(
            self.tr("Each row of the file that can't be read, and why")
        )
        self.problems_list.setMaximumHeight(110)
        self.skip_problems = QCheckBox(self.tr("&Leave these rows out and import the rest"), self)
        self.skip_problems.setAccessibleDescription(
            self.tr("Tick to import the rows that can be read")
        )
        self.banner = MessageBanner(self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setAccessibleName(self.tr("Import the check-ins"))
        self.import_button.setAccessibleDescription(
            self.tr("Add what was found to your diary; an import from another app can be undone")
        )
        # Earlier imports.
        self.batches_heading = QLabel(self.tr("Earlier imports"), self)
        self.batch_list = QListWidget(self)
        self.batch_list.setAccessibleName(self.tr("Earlier imports"))
        self.batch_list.setAccessibleDescription(
            self.tr("Your earlier imports from other apps; choose one to undo it")
        )
        self.batch_list.setMaximumHeight(100)
        self.undo_button = QPushButton(self.tr("&Undo the selected import…"), self)
        self.undo_button.setAccessibleDescription(
            self.tr("Remove the check-ins the chosen import added, after asking")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            self.tr("Close this window; nothing more is imported")
        )

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        return combo

    def _spin(self, name: str, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(-1000, 1000)
        spin.setDecimals(1)
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        layout.addLayout(row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.notes_label)
        choices = QVBoxLayout(self.export_box)
        for widget in (self.merge_choice, self.merge_note, self.replace_choice, self.replace_note):
            choices.addWidget(widget)
        layout.addWidget(self.export_box)
        columns = QFormLayout(self.columns_box)
        columns.addRow(buddy_label(self.tr("&Date:"), self.date_column, self), self.date_column)
        columns.addRow(buddy_label(self.tr("&Time:"), self.time_column, self), self.time_column)
        columns.addRow(buddy_label(self.tr("&Mood:"), self.mood_column, self), self.mood_column)
        columns.addRow(buddy_label(self.tr("&Note:"), self.note_column, self), self.note_column)
        range_row = QHBoxLayout()
        range_row.addWidget(self.mood_low)
        range_row.addWidget(buddy_label(self.tr("&best:"), self.mood_high, self))
        range_row.addWidget(self.mood_high)
        columns.addRow(buddy_label(self.tr("Mood from &worst:"), self.mood_low, self), range_row)
        columns.addRow(
            buddy_label(self.tr("Dates &read as:"), self.date_order, self), self.date_order
        )
        columns.addRow(self.columns_button)
        layout.addWidget(self.columns_box)
        mapping = QVBoxLayout(self.mapping_box)
        mapping.addWidget(self.mapping_note)
        mapping.addLayout(self.mapping_form)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.problems_heading)
        layout.addWidget(self.problems_list)
        layout.addWidget(self.skip_problems)
        layout.addWidget(self.banner)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        layout.addLayout(actions)
        layout.addWidget(self.batches_heading)
        layout.addWidget(self.batch_list)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_button)
        undo_row.addStretch(1)
        layout.addLayout(undo_row)
        layout.addWidget(self.buttons)
        self.resize(640, 620)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self.choose_file)
        self.columns_button.clicked.connect(self._read_with_columns)
        self.skip_problems.toggled.connect(self._update_import_button)
        self.import_button.clicked.connect(self.import_now)
        self.batch_list.itemSelectionChanged.connect(self._update_undo_button)
        self.undo_button.clicked.connect(self._undo_selected)
        self.buttons.rejected.connect(self.reject)

    # -- choosing and reading a file -----------------------------------------------------

    def choose_file(self) -> None:
        path = dialogs.ask_open_path(
            self, self.tr("Choose the file to import"), _shown(FILE_FILTER)
        )
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        """Read ``path`` and show what it holds (or why it can't be read)."""
        from moodlog.importers.format_detection import read_source

        self._show_nothing_yet()
        self.banner.clear()  # an earlier import stays undoable from the list below
        self._path = path
        self.file_label.setText(path.name)
        try:
            self._data = read_source(path)
        except UnreadableFile as error:
            self._show_unreadable(error.message)
            return
        key = detect(self._data)
        if key == MOODLOG:
            self._show_export()
        elif key is None:
            self._offer_columns(path)
        else:
            self._read(key, None)

    def _read(self, key: str, columns: Columns | None) -> None:
        assert self._path is not None
        try:
            preview = read_preview(self._data, self._path.name, self._clock().date(), key, columns)
        except UnreadableFile as error:
            self._show_unreadable(error.message)
            return
        self._show_preview(preview)

    def _offer_columns(self, path: Path) -> None:
        try:
            names = header_of(self._data, path.name)
        except UnreadableFile as error:
            self._show_unreadable(error.message)
            return
        if len(names) < 2:
            unknown = self.tr(
                "moodlog doesn't recognise {file}. It reads Daylio, Bearable and "
                "iMoodJournal CSV files, Pixels JSON backups and eMoods backups, and "
                "spreadsheets saved as CSV. Nothing has been imported."
            )
            self._show_unreadable(unknown.format(file=path.name))
            return
        for combo, optional in (
            (self.date_column, False),
            (self.time_column, True),
            (self.mood_column, True),
            (self.note_column, True),
        ):
            combo.clear()
            if optional:
                combo.addItem(_shown(NO_COLUMN), "")
            for name in names:
                combo.addItem(name, name)
        self._guess_columns(names)
        not_an_export = self.tr(
            "moodlog doesn't recognise {file} as another app's export. If it is a "
            "spreadsheet, say which column holds what, then choose Show what this finds."
        )
        self.summary_label.setText(not_an_export.format(file=path.name))
        self.columns_box.show()
        self.date_column.setFocus()

    def _guess_columns(self, names: list[str]) -> None:
        for combo, words in (
            (self.date_column, ("date", "day")),
            (self.time_column, ("time", "hour")),
            (self.mood_column, ("mood", "rating", "score")),
            (self.note_column, ("note", "comment", "text")),
        ):
            for name in names:
                if any(word in name.casefold() for word in words):
                    combo.setCurrentIndex(combo.findData(name))
                    break

    def _read_with_columns(self) -> None:
        columns = Columns(
            date=str(self.date_column.currentData() or ""),
            time=str(self.time_column.currentData() or ""),
            mood=str(self.mood_column.currentData() or ""),
            note=str(self.note_column.currentData() or ""),
            low=self.mood_low.value(),
            high=self.mood_high.value(),
            date_order=str(self.date_order.currentData()),
        )
        self._read("generic", columns)
        self.columns_box.setVisible(True)

    def _show_export(self) -> None:
        """A moodlog export: what it holds and the choice of merge or replace, or why it
        can't be imported (checked now, so a refusal comes before Import)."""
        try:
            document = parse_export(self._data)
            check_export(self._store, document)
        except StorageError as error:
            self._show_unreadable(error.message)
            return
        self.export_document = document
        self.summary_label.setText(export_text(document))
        self.export_box.setEnabled(True)
        self.export_box.show()
        self._update_import_button()

    # -- showing the preview -------------------------------------------------------------

    def _show_nothing_yet(self) -> None:
        self.preview = None
        self.export_document = None
        self.export_box.hide()
        self.file_label.setText(self.tr("No file chosen yet."))
        self.summary_label.clear()
        self.notes_label.hide()
        self.columns_box.hide()
        self._clear_mapping()
        self.mapping_box.hide()
        self.problems_heading.hide()
        self.problems_list.clear()
        self.problems_list.hide()
        self.skip_problems.setChecked(False)
        self.skip_problems.hide()
        self._update_import_button()

    def _show_unreadable(self, message: str) -> None:
        self.preview = None
        self.export_document = None
        self.export_box.hide()
        self.summary_label.setText(f"⚠ {message}")
        self._update_import_button()

    def _clear_mapping(self) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mood_combos = {}

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        remembered = self._store.imports.remembered_moods(preview.format)
        mapping = preview.mapping(remembered)
        count = len(preview.entries)
        spanned = bool(preview.first_day and preview.last_day)
        if spanned and count == 1:
            found = self.tr("Found {count} check-in, {first} – {last}.")
        elif spanned:
            found = self.tr("Found {count} check-ins, {first} – {last}.")
        elif count == 1:
            found = self.tr("Found {count} check-in.")
        else:
            found = self.tr("Found {count} check-ins.")
        placed = [
            f"{name} → {mapping[mood_key(name)]}"
            for name in preview.mood_names
            if mood_key(name) in mapping
        ]
        lines = [
            self.tr("Format: {name}").format(name=preview.format_name),
            found.format(
                count=f"{count:,}",
                first=day_text(preview.first_day),
                last=day_text(preview.last_day),
            ),
        ]
        if placed:
            #: {moods}: a list such as "great → 10, meh → 5".
            lines.append(self.tr("Moods: {moods}.").format(moods=", ".join(placed)))
        earlier = self._store.imports.batch_for_file(preview.file_hash)
        if earlier is not None:
            again = self.tr(
                "This file was imported on {day}; importing it again would add nothing."
            )
            lines.append(again.format(day=day_text(earlier.imported_at.date())))
        self.summary_label.setText("\n".join(lines))
        self.notes_label.setText(" ".join(preview.mapping_notes))
        self.notes_label.setVisible(bool(preview.mapping_notes))
        self._show_mapping(preview.unplaced(mapping))
        self._show_problems(preview)
        self._update_import_button()

    def _show_mapping(self, names: list[str]) -> None:
        self._clear_mapping()
        for name in names:
            combo = QComboBox(self)
            combo.addItem(_shown(CHOOSE), None)
            for value in range(SCALE_MAX, SCALE_MIN - 1, -1):
                combo.addItem(mood_choice_text(value), value)
            combo.setAccessibleName(self.tr("Place of the mood “{name}”").format(name=name))
            combo.setAccessibleDescription(
                self.tr("Where this mood belongs on moodlog's scale: 10 the best, 0 the worst")
            )
            combo.currentIndexChanged.connect(self._update_import_button)
            #: A mood name from the imported file, in quotation marks.
            label = QLabel(self.tr("“{name}”").format(name=name), self)
            label.setBuddy(combo)
            self.mapping_form.addRow(label, combo)
            self.mood_combos[name] = combo
        # Made after the rest, so put them in the tab order where they show.
        chain = [self.choose_button, *self.mood_combos.values(), self.skip_problems]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.mapping_box.setVisible(bool(names))

    def _show_problems(self, preview: ImportPreview) -> None:
        self.problems_list.clear()
        count = len(preview.problems)
        for problem in preview.problems:
            text = str(problem)
            self.problems_list.addItem(text[:1].upper() + text[1:])
        if count == 1:
            heading = self.tr(
                "{count} row can't be imported as written. Mend them in the file and choose "
                "it again, or leave them out:"
            )
        else:
            heading = self.tr(
                "{count} rows can't be imported as written. Mend them in the file and choose "
                "it again, or leave them out:"
            )
        self.problems_heading.setText(heading.format(count=f"{count:,}"))
        for widget in (self.problems_heading, self.problems_list, self.skip_problems):
            widget.setVisible(bool(count))

    def chosen_mapping(self) -> dict[str, int]:
        """What the person chose for the names moodlog couldn't place."""
        return {
            name: int(combo.currentData())
            for name, combo in self.mood_combos.items()
            if combo.currentData() is not None
        }

    def _update_import_button(self) -> None:
        preview = self.preview
        ready = self.export_document is not None or (
            preview is not None
            and bool(preview.entries)
            and len(self.chosen_mapping()) == len(self.mood_combos)
            and (not preview.problems or self.skip_problems.isChecked())
        )
        self.import_button.setEnabled(ready)

    # -- import and undo -----------------------------------------------------------------

    def import_now(self) -> None:
        if self.export_document is not None:
            self._import_export(self.export_document)
            return
        preview = self.preview
        if preview is None or not self.import_button.isEnabled():
            return
        remembered = self._store.imports.remembered_moods(preview.format)
        mapping = preview.mapping(remembered, self.chosen_mapping())
        try:
            batch_id = self._store.imports.apply(preview, mapping, self._clock())
        except AlreadyImported as error:
            self.banner.show_message(error.message, BannerKind.INFO)
            return
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        self.last_batch_id = batch_id
        batch = self._store.imports.batch(batch_id)
        self.banner.show_message(
            outcome_text(batch),
            BannerKind.SUCCESS,
            [(self.tr("&Undo this import"), lambda: self.undo(batch_id))],
        )
        self.preview = None
        # The preview's choices are done with; hiding them leaves room for the outcome.
        for widget in (
            self.notes_label,
            self.columns_box,
            self.mapping_box,
            self.problems_heading,
            self.problems_list,
            self.skip_problems,
        ):
            widget.hide()
        self._update_import_button()
        self._refresh_batches()
        self.diary_changed.emit()

    def _import_export(self, document: dict[str, Any]) -> None:
        """Merge the export into the diary, or replace the diary with it (copied aside
        first); one transaction, all or nothing."""
        replace = self.replace_choice.isChecked()
        if replace and not dialogs.confirm(
            self,
            self.tr("Replace your diary?"),
            self.tr(
                "Your diary will hold exactly what this export holds. Your diary as it is now "
                "is copied aside first, so nothing is lost."
            ),
            self.tr("Replace my diary"),
        ):
            return
        try:
            if replace:
                assert self._diary_path is not None  # the choice is off without a file
                self.kept_copy = copy_before_replace(self._store, self._diary_path, self._clock())
            summary = import_json(self._store, document, replace, self._clock())
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        text = summary.text()
        if replace:
            #: {summary}: what was imported, said by moodlog in a sentence or two.
            kept = self.tr("{summary} Your diary as it was is kept in {path}.")
            text = kept.format(summary=text, path=self.kept_copy)
        self.banner.show_message(text, BannerKind.SUCCESS)
        self.export_document = None  # chosen again to import again
        self.export_box.setEnabled(False)
        self._update_import_button()
        self.whole_diary_changed.emit()

    def undo(self, batch_id: int) -> None:
        """Remove one import's check-ins (all of them, in one go)."""
        try:
            batch = self._store.imports.batch(batch_id)
            removed = self._store.imports.undo(batch_id)
        except KeyError:
            self.banner.show_message(self.tr("That import was already undone."), BannerKind.INFO)
            return
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        undone = self.tr(
            "Undone: the {count} check-ins imported from {file} are gone. "
            "Everything else in your diary is as it was."
        )
        self.banner.show_message(
            undone.format(count=f"{removed:,}", file=batch.file_name), BannerKind.SUCCESS
        )
        self._refresh_batches()
        self.diary_changed.emit()

    def _refresh_batches(self) -> None:
        self.batch_list.clear()
        for batch in self._store.imports.batches():
            item = QListWidgetItem(batch_text(batch))
            item.setData(_ID, batch.id)
            self.batch_list.addItem(item)
        has_any = self.batch_list.count() > 0
        if has_any:
            self.batches_heading.setText(self.tr("Earlier imports"))
        else:
            self.batches_heading.setText(self.tr("No earlier imports."))
        self.batch_list.setVisible(has_any)
        self.undo_button.setVisible(has_any)
        self._update_undo_button()

    def _update_undo_button(self) -> None:
        self.undo_button.setEnabled(bool(self.batch_list.selectedItems()))

    def _undo_selected(self) -> None:
        selected = self.batch_list.selectedItems()
        if not selected:
            return
        item = selected[0]
        batch_id = int(item.data(_ID))
        if dialogs.confirm(
            self,
            self.tr("Undo this import?"),
            self.tr(
                "This removes the check-ins this import added ({batch}), including any "
                "you have changed since. Everything else stays as it is."
            ).format(batch=item.text()),
            self.tr("Undo import"),
        ):
            self.undo(batch_id)
