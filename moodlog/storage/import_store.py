"""ImportStore: imports from other apps, written all or nothing and undone as a whole.

Every import is a row of ``import_batches`` (format, file name and hash, when, how many
check-ins it added and how many it skipped as already there); each check-in it added names
it in ``check_ins.import_batch_id``. A file whose hash was imported before is refused, a row the
diary already holds (same moment, mood and note) is skipped, and :meth:`ImportStore.undo`
removes exactly one import's check-ins. The person's own mood-name mapping is remembered
per format in ``diary_settings`` (their mood names are part of their diary, and the window
and the command line share it).
"""

import json
from collections.abc import Sequence
from datetime import datetime
from itertools import repeat
from operator import attrgetter

from moodlog.domain.day_text import day_text
from moodlog.domain.import_batch import ImportBatch
from moodlog.domain.import_preview import ImportPreview, MoodMapping, check_mapping, mood_key
from moodlog.domain.scales import SCALE_KEYS
from moodlog.domain.translation import translate
from moodlog.storage.diary_connection import DiaryConnection
from moodlog.storage.errors import StorageError
from moodlog.storage.row_mapping import Row

_MAPPING_KEY = "import.moods.{format}"


def _insert_check_ins(scales: Sequence[str]) -> str:
    """The INSERT for imported check-ins rating ``scales``: only the columns an import fills
    (the rest keep their defaults; binding ten unused NULLs per row would double the time)."""
    columns = ("day", "recorded_at", *scales, "note", "created_at", "updated_at")
    return (
        f"INSERT INTO check_ins ({', '.join(columns)}, import_batch_id) "
        f"VALUES ({', '.join('?' for _ in columns)}, ?)"
    )


class AlreadyImported(StorageError):
    """The same file (by content) was imported before; nothing was added again."""


def batch_from_row(row: Row) -> ImportBatch:
    return ImportBatch(
        id=row["id"],
        format=row["format"],
        file_name=row["file_name"],
        file_hash=row["file_hash"],
        imported_at=datetime.fromisoformat(row["imported_at"]),
        added=row["rows"],
        skipped=row["skipped"],
    )


class ImportStore:
    """Reached as ``DiaryStore.imports``; shares the diary's connection."""

    def __init__(self, link: DiaryConnection) -> None:
        self._link = link

    def batches(self) -> list[ImportBatch]:
        """Every import still in the diary, newest first."""
        rows = self._link.rows("SELECT * FROM import_batches ORDER BY imported_at DESC, id DESC")
        return [batch_from_row(row) for row in rows]

    def batch(self, batch_id: int) -> ImportBatch:
        rows = self._link.rows("SELECT * FROM import_batches WHERE id = ?", [batch_id])
        if not rows:
            raise KeyError(batch_id)
        return batch_from_row(rows[0])

    def batch_for_file(self, file_hash: str) -> ImportBatch | None:
        """The import of the file with this content, if it is in the diary."""
        rows = self._link.rows("SELECT * FROM import_batches WHERE file_hash = ?", [file_hash])
        return batch_from_row(rows[0]) if rows else None

    def check_in_ids(self, batch_id: int) -> list[int]:
        """The check-ins an import added that are still in the diary."""
        rows = self._link.tuples(
            "SELECT id FROM check_ins WHERE import_batch_id = ? ORDER BY id", [batch_id]
        )
        return [check_in_id for (check_in_id,) in rows]

    # -- the person's mood names -------------------------------------------------------

    def remembered_moods(self, format_key: str) -> dict[str, int]:
        """The mood mapping chosen in earlier imports of this format (keys: ``mood_key``)."""
        rows = self._link.rows(
            "SELECT value FROM diary_settings WHERE key = ?",
            [_MAPPING_KEY.format(format=format_key)],
        )
        if not rows:
            return {}
        try:
            stored = json.loads(rows[0]["value"])
        except json.JSONDecodeError:
            return {}
        if not isinstance(stored, dict):
            return {}
        return {
            str(name): value
            for name, value in stored.items()
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10
        }

    def _remember(self, preview: ImportPreview, mapping: MoodMapping) -> None:
        chosen = {
            mood_key(name): mapping[mood_key(name)]
            for name in preview.mood_names
            if preview.mood_defaults.get(mood_key(name)) != mapping[mood_key(name)]
        }
        if not chosen:
            return
        remembered = self.remembered_moods(preview.format) | chosen
        row = {
            "key": _MAPPING_KEY.format(format=preview.format),
            "value": json.dumps(remembered, ensure_ascii=False, sort_keys=True),
        }
        self._link.insert("diary_settings", row, replace=True)

    # -- import and undo ---------------------------------------------------------------

    def apply(self, preview: ImportPreview, mapping: MoodMapping, now: datetime) -> int:
        """Add the preview's check-ins in one transaction; returns the new import's id.

        ``mapping`` places mood names (keys as the person typed them or ``mood_key``s; what
        was remembered from earlier imports of the format, then the preview's defaults, fill
        the rest): every name must be placed, else ``ValueError`` and nothing is written.
        Rows the diary already holds (same moment, mood and note) are skipped and counted.
        A file imported before raises :class:`AlreadyImported`. The choices that differ
        from the defaults are remembered for next time."""
        merged = preview.mapping(self.remembered_moods(preview.format), mapping)
        check_mapping(merged)
        unplaced = preview.unplaced(merged)
        if unplaced:
            raise ValueError(f"mood names not mapped: {', '.join(unplaced)}")
        moods = preview.moods(merged)
        stamp = now.isoformat(timespec="seconds")
        with self._link.writing():
            earlier = self.batch_for_file(preview.file_hash)
            if earlier is not None:
                raise AlreadyImported(already_imported_text(earlier))
            cursor = self._link.execute(
                "INSERT INTO import_batches (format, file_name, file_hash, imported_at, rows) "
                "VALUES (?, ?, ?, ?, 0)",
                [preview.format, preview.file_name, preview.file_hash, stamp],
            )
            batch_id = int(cursor.lastrowid or 0)
            statement, rows, skipped = self._new_rows(preview, moods, stamp, batch_id)
            self._link.conn.executemany(statement, rows)
            self._link.execute(
                "UPDATE import_batches SET rows = ?, skipped = ? WHERE id = ?",
                [len(rows), skipped, batch_id],
            )
            self._remember(preview, merged)
        return batch_id

    def _new_rows(
        self, preview: ImportPreview, moods: list[int | None], stamp: str, batch_id: int
    ) -> tuple[str, list[tuple[object, ...]], int]:
        """The INSERT, the check_ins rows for it and how many entries the diary already
        holds (same moment, mood and note; one indexed read of the file's days)."""
        entries = preview.entries
        if not entries:
            return _insert_check_ins(("mood",)), [], 0
        first, last = preview.first_day, preview.last_day
        assert first is not None
        assert last is not None
        held = set(
            self._link.tuples(
                "SELECT recorded_at, mood, note FROM check_ins WHERE day BETWEEN ? AND ?",
                [first.isoformat(), last.isoformat()],
            )
        )
        iso = datetime.isoformat
        moments = [iso(e.recorded_at, "T", "seconds") for e in entries]
        notes = list(map(attrgetter("note"), entries))
        rated = {key for e in entries if e.ratings for key in e.ratings}
        scales = [key for key in SCALE_KEYS if key == "mood" or key in rated]
        ratings = [  # column by column: most imports rate the mood only
            moods if key == "mood" else [e.ratings.get(key) for e in entries] for key in scales
        ]
        columns: list[Sequence[object]] = [[at[:10] for at in moments], moments, *ratings, notes]
        rows = list(zip(*columns, repeat(stamp), repeat(stamp), repeat(batch_id), strict=False))
        if held:
            rows = [
                row
                for row, at, mood, note in zip(rows, moments, moods, notes, strict=True)
                if (at, mood, note) not in held
            ]
        return _insert_check_ins(scales), rows, len(entries) - len(rows)

    def undo(self, batch_id: int) -> int:
        """Remove one import's check-ins and its record, in one transaction; returns how
        many check-ins were removed. ``KeyError`` if there is no such import."""
        with self._link.writing():
            self.batch(batch_id)
            cursor = self._link.execute(
                "DELETE FROM check_ins WHERE import_batch_id = ?", [batch_id]
            )
            removed = cursor.rowcount
            self._link.execute("DELETE FROM import_batches WHERE id = ?", [batch_id])
        return removed


def already_imported_text(batch: ImportBatch) -> str:
    return translate(
        "ImportStore",
        "{file} was already imported on {day} ({count} check-ins), so nothing was added "
        "again. Your diary has not changed.",
    ).format(file=batch.file_name, day=day_text(batch.imported_at.date()), count=f"{batch.added:,}")
