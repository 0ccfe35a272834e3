"""moodlog's own export: every diary table, row by row, in a versioned JSON document, and
its import back, replacing the diary or merged into it (docs/export-format.md).

The tables are read from the diary itself (``sqlite_master`` and the table pragmas), not
listed here, so a table a later migration adds is exported, and merged with its foreign keys
followed, without a change to this module. Only SQLite's and sqlite-utils' own tables
(``sqlite_*``, ``_sqlite_*``) are left out: they are bookkeeping, not the person's data.
"""

import json
import math
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from moodlog import __version__
from moodlog.domain.clock_text import time_text
from moodlog.domain.day_text import day_text
from moodlog.domain.translation import translate
from moodlog.storage.database import applied_migration_names, copy_aside
from moodlog.storage.diary_connection import DiaryConnection
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.encrypted_connection import database_errors
from moodlog.storage.errors import StorageError
from moodlog.storage.migrations import known_migration_names

FORMAT = "moodlog"
FORMAT_VERSION = 1
INTERNAL_PREFIXES = ("sqlite_", "_sqlite_")
# Unsaved form contents: a draft names check-in, side-effect and tracker ids of the diary it
# was typed in, so a merge (which may renumber them) leaves drafts out. Replace keeps them.
NOT_MERGED = frozenset({"drafts"})

Value = int | float | str | None


class TransferError(StorageError):
    """An export that can't be imported (or written); the message says what to do, and
    the diary is unchanged."""


# -- the tables ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForeignKey:
    column: str
    parent: str
    parent_column: str


@dataclass(frozen=True, slots=True)
class TableShape:
    """One data table as the diary defines it. ``row_id``: the single ``INTEGER PRIMARY
    KEY`` column a merge may renumber (``None`` when the key is the row's own data, such as
    a day). ``unique_keys``: other column sets that are unique (a side effect's name)."""

    name: str
    columns: tuple[str, ...]
    primary_key: tuple[str, ...]
    row_id: str | None
    foreign_keys: tuple[ForeignKey, ...]
    unique_keys: tuple[tuple[str, ...], ...]


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_shapes(conn: sqlite3.Connection) -> list[TableShape]:
    """Every data table, parents before the tables that refer to them."""
    names = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
        if not name.startswith(INTERNAL_PREFIXES)
    ]
    shapes = {name: _shape(conn, name) for name in names}
    return _parents_first(shapes)


def _shape(conn: sqlite3.Connection, name: str) -> TableShape:
    info = conn.execute(f"PRAGMA table_info({quoted(name)})").fetchall()
    columns = tuple(row[1] for row in info)
    keyed = sorted((row for row in info if row[5]), key=lambda row: row[5])
    primary_key = tuple(row[1] for row in keyed)
    row_id = None
    if len(keyed) == 1 and str(keyed[0][2]).upper() == "INTEGER":
        row_id = keyed[0][1]
    foreign_keys = []
    for fk in conn.execute(f"PRAGMA foreign_key_list({quoted(name)})").fetchall():
        parent, column, parent_column = fk[2], fk[3], fk[4]
        if parent_column is None:  # REFERENCES parent: its primary key
            parent_info = conn.execute(f"PRAGMA table_info({quoted(parent)})").fetchall()
            parent_column = next(row[1] for row in parent_info if row[5] == 1)
        foreign_keys.append(ForeignKey(column, parent, parent_column))
    unique_keys = []
    for index in conn.execute(f"PRAGMA index_list({quoted(name)})").fetchall():
        if index[2] and index[3] != "pk":
            index_columns = conn.execute(f"PRAGMA index_info({quoted(index[1])})").fetchall()
            unique_keys.append(tuple(row[2] for row in index_columns))
    return TableShape(
        name, columns, primary_key, row_id, tuple(foreign_keys), tuple(sorted(unique_keys))
    )


def _parents_first(shapes: Mapping[str, TableShape]) -> list[TableShape]:
    ordered: list[TableShape] = []
    placed: set[str] = set()
    while len(placed) < len(shapes):
        ready = [
            shape
            for name, shape in sorted(shapes.items())
            if name not in placed
            and all(fk.parent in placed or fk.parent == name for fk in shape.foreign_keys)
        ]
        if not ready:  # a cycle of foreign keys: a schema this module can't order
            raise RuntimeError(f"foreign keys form a cycle among {sorted(set(shapes) - placed)}")
        ordered.extend(ready)
        placed.update(shape.name for shape in ready)
    return ordered


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Read every table in one transaction, so the export is one moment of the diary."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")  # nothing was written


def _connection(source: "DiaryStore | sqlite3.Connection") -> sqlite3.Connection:
    # Not isinstance(source, sqlite3.Connection): an encrypted diary's connection is
    # sqlcipher3's, a class of its own with the same API.
    if isinstance(source, DiaryStore):
        return _link(source).conn
    return source


def _link(store: DiaryStore) -> DiaryConnection:
    # The store's connection, for the SQL of this storage module (a friend of DiaryStore).
    return store._link


# -- export ----------------------------------------------------------------------------------


def export_json(source: "DiaryStore | sqlite3.Connection", now: datetime) -> dict[str, Any]:
    """The whole diary as a JSON-ready document: every data table's columns and rows (in
    primary-key order), with the format, its version, the diary's migrations, the time and
    the moodlog version."""
    conn = _connection(source)
    with _snapshot(conn):
        tables: dict[str, Any] = {}
        for shape in table_shapes(conn):
            order = ", ".join(quoted(c) for c in shape.primary_key) or "rowid"
            columns = ", ".join(quoted(c) for c in shape.columns)
            rows = conn.execute(f"SELECT {columns} FROM {quoted(shape.name)} ORDER BY {order}")
            tables[shape.name] = {
                "columns": list(shape.columns),
                "rows": [list(row) for row in rows],
            }
        schema = applied_migration_names(conn)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
        "schema": schema,
        "tables": tables,
    }


def dump_export(document: Mapping[str, Any]) -> str:
    """The document as JSON text: one line per field and per row, so a person (or a diff)
    can read it; UTF-8 text is kept as it is."""

    def text(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    lines = ["{"]
    head = [f" {text(key)}: {text(value)}" for key, value in document.items() if key != "tables"]
    lines.append(",\n".join(head) + ",")
    lines.append(' "tables": {')
    tables = []
    for name, table in document["tables"].items():
        rows = ",\n".join(f"    {text(row)}" for row in table["rows"])
        body = f'  {text(name)}: {{\n   "columns": {text(table["columns"])},\n   "rows": ['
        body += f"\n{rows}\n   ]\n  }}" if rows else "]\n  }"
        tables.append(body)
    lines.append(",\n".join(tables))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- reading an export -----------------------------------------------------------------------


def _unchanged() -> str:
    return translate("DiaryTransfer", "Your diary has not changed.")


def damaged(detail: str) -> TransferError:
    """``detail``: what is wrong, already in the person's language."""
    return TransferError(
        translate(
            "DiaryTransfer",
            "This moodlog export is damaged ({detail}). Export your diary again, or use "
            "another copy of the file. {unchanged}",
        ).format(detail=detail, unchanged=_unchanged())
    )


def parse_export(data: bytes | str) -> dict[str, Any]:
    """The JSON document in ``data``; :class:`TransferError` when it is not JSON or not a
    moodlog export (its content is checked by :func:`import_json`)."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        document = json.loads(text)
    except UnicodeDecodeError:
        raise TransferError(
            translate(
                "DiaryTransfer",
                "This file can't be read as text: it is damaged, or not a moodlog export. "
                "{unchanged}",
            ).format(unchanged=_unchanged())
        ) from None
    except RecursionError:  # brackets nested thousands deep
        raise damaged(translate("DiaryTransfer", "its brackets are nested too deep")) from None
    except json.JSONDecodeError as error:
        raise TransferError(
            translate(
                "DiaryTransfer",
                "This file is damaged or incomplete, so it can't be read (JSON stops making "
                "sense at line {line}, column {column}). Export your diary again, or use another "
                "copy of the file. {unchanged}",
            ).format(line=error.lineno, column=error.colno, unchanged=_unchanged())
        ) from None
    if not is_moodlog_export(document):
        raise _not_moodlog()
    return dict(document)


def is_moodlog_export(document: object) -> bool:
    """Whether ``document`` (parsed JSON) says it is a moodlog export, of any version."""
    return isinstance(document, dict) and document.get("format") == FORMAT


def _not_moodlog() -> TransferError:
    return TransferError(
        translate(
            "DiaryTransfer",
            "This file is not a moodlog export (it lacks moodlog's “format” mark). To bring in "
            "entries from another app, import the file with that app's format. {unchanged}",
        ).format(unchanged=_unchanged())
    )


@dataclass(frozen=True, slots=True)
class _Table:
    shape: TableShape
    columns: list[str]
    rows: list[list[Value]]


def _checked(document: Mapping[str, Any], shapes: Sequence[TableShape]) -> dict[str, _Table]:
    """The export's tables, checked against this diary's; raises TransferError."""
    if not is_moodlog_export(document):
        raise _not_moodlog()
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise damaged(translate("DiaryTransfer", "its format version is missing"))
    if version > FORMAT_VERSION:
        raise TransferError(
            translate(
                "DiaryTransfer",
                "This export was made by a newer moodlog (export format {version}; this moodlog "
                "reads format {readable}). Install the newer moodlog to import it. {unchanged}",
            ).format(version=version, readable=FORMAT_VERSION, unchanged=_unchanged())
        )
    schema = document.get("schema")
    if not isinstance(schema, list) or not all(isinstance(name, str) for name in schema):
        raise damaged(translate("DiaryTransfer", "its list of diary changes is missing"))
    unknown = [name for name in schema if name not in known_migration_names()]
    if unknown:
        raise TransferError(
            translate(
                "DiaryTransfer",
                "This export was made by a newer moodlog (its diary has changes this version "
                "doesn't know: {changes}). Install the newer moodlog to import it. {unchanged}",
            ).format(changes=", ".join(unknown), unchanged=_unchanged())
        )
    known = known_migration_names()
    if schema != known[: len(schema)]:  # migrations run in order: an older diary has a prefix
        raise damaged(translate("DiaryTransfer", "its list of diary changes is out of order"))
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise damaged(translate("DiaryTransfer", "its tables are missing"))
    by_name = {shape.name: shape for shape in shapes}
    checked: dict[str, _Table] = {}
    for name, table in tables.items():
        if name not in by_name:
            raise damaged(
                translate(
                    "DiaryTransfer", "it has a table “{table}” that moodlog doesn't know"
                ).format(table=name)
            )
        checked[name] = _checked_table(by_name[name], table)
    missing = sorted(set(by_name) - set(checked))
    if schema == known and missing:  # an export from this very schema holds every table
        raise damaged(
            translate("DiaryTransfer", "the table “{table}” is missing").format(table=missing[0])
        )
    return checked


def _checked_table(shape: TableShape, table: object) -> _Table:
    name = shape.name
    if not isinstance(table, dict):
        raise damaged(
            translate("DiaryTransfer", "the table “{table}” is not a table").format(table=name)
        )
    columns, rows = table.get("columns"), table.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list):
        raise damaged(
            translate("DiaryTransfer", "the table “{table}” lacks its columns or rows").format(
                table=name
            )
        )
    if len(set(columns)) != len(columns) or not set(columns) <= set(shape.columns):
        raise damaged(
            translate(
                "DiaryTransfer", "the table “{table}” has columns moodlog doesn't know"
            ).format(table=name)
        )
    if not set(shape.primary_key) <= set(columns):
        raise damaged(
            translate("DiaryTransfer", "the table “{table}” lacks its key").format(table=name)
        )
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, list) or len(row) != len(columns):
            raise damaged(
                translate(
                    "DiaryTransfer", "row {number} of “{table}” has the wrong number of values"
                ).format(number=number, table=name)
            )
        for value in row:
            if not _storable(value):
                raise damaged(
                    translate(
                        "DiaryTransfer",
                        "row {number} of “{table}” holds a value moodlog can't store",
                    ).format(number=number, table=name)
                )
    if shape.row_id is not None:
        position = columns.index(shape.row_id)
        ids = [row[position] for row in rows]
        if not all(isinstance(i, int) for i in ids) or len(set(ids)) != len(ids):
            raise damaged(
                translate(
                    "DiaryTransfer", "the rows of “{table}” are not numbered one by one"
                ).format(table=name)
            )
    return _Table(shape, columns, rows)


def _storable(value: object) -> bool:
    """A value SQLite stores as it is: text, null, a 64-bit integer or a finite number."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, str)


# -- import ----------------------------------------------------------------------------------


@dataclass(slots=True)
class ImportSummary:
    """What an import did, table by table (counts of rows). ``already_there``: rows the
    diary held identically; ``kept_yours``: rows whose place (a day, a name) the diary
    already fills differently, so the diary's own was kept; ``left_out``: drafts a merge
    does not bring in; ``renumbered``: rows added under a new number."""

    replaced: bool
    exported_at: str = ""
    added: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)
    kept_yours: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)
    renumbered: int = 0

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def text(self) -> str:
        """A few sentences for the person."""
        when = _when(self.exported_at) if self.exported_at else ""
        added = self.total_added
        if self.replaced:
            if when:
                holds = _one_or_many(
                    added,
                    translate(
                        "DiaryTransfer",
                        "Your diary now holds the export of {when}: {count} record.",
                    ),
                    translate(
                        "DiaryTransfer",
                        "Your diary now holds the export of {when}: {count} records.",
                    ),
                )
            else:
                holds = _one_or_many(
                    added,
                    translate("DiaryTransfer", "Your diary now holds the export: {count} record."),
                    translate("DiaryTransfer", "Your diary now holds the export: {count} records."),
                )
            return holds.format(when=when, count=added)
        already = sum(self.already_there.values())
        if added and when:
            first = _one_or_many(
                added,
                translate("DiaryTransfer", "Added {count} record from the export of {when}."),
                translate("DiaryTransfer", "Added {count} records from the export of {when}."),
            )
        elif added:
            first = _one_or_many(
                added,
                translate("DiaryTransfer", "Added {count} record from the export."),
                translate("DiaryTransfer", "Added {count} records from the export."),
            )
        elif when:
            first = translate(
                "DiaryTransfer",
                "Nothing new to add: the export of {when} is already in your diary.",
            )
        else:
            first = translate(
                "DiaryTransfer", "Nothing new to add: the export is already in your diary."
            )
        parts = [first.format(count=added, when=when)]
        if added and already:
            there = _one_or_many(
                already,
                translate("DiaryTransfer", "{count} record was already in your diary."),
                translate("DiaryTransfer", "{count} records were already in your diary."),
            )
            parts.append(there.format(count=already))
        kept = sum(self.kept_yours.values())
        if kept:
            yours = _one_or_many(
                kept,
                translate(
                    "DiaryTransfer",
                    "For {count} record in the export, your diary already has its own entry for "
                    "the same day or name; yours stayed as they were.",
                ),
                translate(
                    "DiaryTransfer",
                    "For {count} records in the export, your diary already has its own entry for "
                    "the same day or name; yours stayed as they were.",
                ),
            )
            parts.append(yours.format(count=kept))
        if sum(self.left_out.values()):
            parts.append(translate("DiaryTransfer", "Unsaved drafts in the export were left out."))
        return " ".join(parts)


def _when(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{day_text(moment.date())}, {time_text(moment.time())}"


def _one_or_many(count: int, one: str, many: str) -> str:
    """The sentence for ``count``: ``one`` for 1, else ``many`` (both already translated)."""
    return one if count == 1 else many


def import_json(
    store: DiaryStore, document: Mapping[str, Any], replace: bool, now: datetime
) -> ImportSummary:
    """Bring a :func:`export_json` document into ``store``, in one transaction: all or
    nothing. ``replace``: the diary becomes exactly the export (the caller copies the file
    aside first). Otherwise merge: rows are added, rows already there are skipped (so a
    repeated import adds nothing), clashing numbers are renumbered with the rows that refer
    to them, and where the diary already fills a place differently its own row is kept.
    Raises :class:`TransferError` (diary unchanged) for anything but a moodlog export this
    version can read. ``now`` is the import's time (rows keep their own stamps)."""
    link = _link(store)
    conn = link.conn
    shapes = table_shapes(conn)
    tables = _checked(document, shapes)
    summary = ImportSummary(replace, str(document.get("exported_at") or ""))
    with link.writing():
        if replace:
            _replace(conn, shapes, tables, summary)
        else:
            _merge(conn, shapes, tables, summary)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise damaged(
                translate(
                    "DiaryTransfer", "rows of “{table}” refer to rows the export doesn't hold"
                ).format(table=problems[0][0])
            )
    return summary


def check_export(store: DiaryStore, document: Mapping[str, Any]) -> None:
    """Raise :class:`TransferError` when :func:`import_json` would refuse ``document`` (a
    newer format, damage seen without writing), so a window can say so before Import."""
    _checked(document, table_shapes(_link(store).conn))


def copy_before_replace(store: DiaryStore, path: Path, now: datetime) -> Path:
    """Copy the diary at ``path`` (open in ``store``) aside, next to itself, before an
    import replaces it; a problem becomes :class:`TransferError` and nothing is replaced."""
    problems: tuple[type[Exception], ...] = (OSError, *database_errors())
    try:
        return copy_aside(store.connection, path, "before-import", now)
    except problems as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise TransferError(
            translate(
                "DiaryTransfer",
                "moodlog could not copy your diary aside before replacing it ({reason}), so "
                "nothing was replaced. Free some disk space or check the folder's permissions, "
                "then try again. {unchanged}",
            ).format(reason=reason, unchanged=_unchanged())
        ) from None


def _insert_sql(shape: TableShape, columns: Sequence[str]) -> str:
    names = ", ".join(quoted(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {quoted(shape.name)} ({names}) VALUES ({marks})"


def _replace(
    conn: sqlite3.Connection,
    shapes: Sequence[TableShape],
    tables: Mapping[str, _Table],
    summary: ImportSummary,
) -> None:
    for shape in reversed(shapes):  # children first: nothing refers to a deleted row
        conn.execute(f"DELETE FROM {quoted(shape.name)}")
    for shape in shapes:
        table = tables.get(shape.name)
        if table is None:  # the export's moodlog had no such table: it held no such data
            continue
        try:
            conn.executemany(_insert_sql(shape, table.columns), table.rows)
        except conn.IntegrityError as error:  # sqlcipher3's is its own class
            raise _does_not_fit(shape.name, error) from None
        summary.added[shape.name] = len(table.rows)


def _merge(
    conn: sqlite3.Connection,
    shapes: Sequence[TableShape],
    tables: Mapping[str, _Table],
    summary: ImportSummary,
) -> None:
    numbers: dict[str, dict[int, int]] = {}  # per renumberable table: export id -> diary id
    row_ids = {shape.name: shape.row_id for shape in shapes}
    for shape in shapes:
        table = tables.get(shape.name)
        if table is None:
            continue
        if shape.name in NOT_MERGED:
            if table.rows:
                summary.left_out[shape.name] = len(table.rows)
            continue
        rows = _follow_numbers(table, row_ids, numbers)
        if shape.row_id is None:
            _merge_keyed(conn, table, rows, summary)
        else:
            numbers[shape.name] = _merge_numbered(conn, table, rows, summary)


def _follow_numbers(
    table: _Table, row_ids: Mapping[str, str | None], numbers: Mapping[str, dict[int, int]]
) -> list[list[Value]]:
    """The rows with each reference to a renumberable parent rewritten to the parent row's
    number in the diary."""
    links = [
        (table.columns.index(fk.column), fk.parent)
        for fk in table.shape.foreign_keys
        if fk.column in table.columns and fk.parent_column == row_ids.get(fk.parent)
    ]
    if not links:
        return table.rows
    rows = []
    for row in table.rows:
        row = list(row)
        for position, parent in links:
            value = row[position]
            if value is None:
                continue
            mapped = numbers.get(parent, {}).get(value) if isinstance(value, int) else None
            if mapped is None:
                raise damaged(
                    translate(
                        "DiaryTransfer",
                        "a row of “{table}” refers to {parent} {value}, which the export doesn't "
                        "hold",
                    ).format(table=table.shape.name, parent=parent, value=value)
                )
            row[position] = mapped
        rows.append(row)
    return rows


def _does_not_fit(table: str, error: Exception) -> TransferError:
    return damaged(
        translate("DiaryTransfer", "a row of “{table}” doesn't fit the diary: {error}").format(
            table=table, error=error
        )
    )


def _insert(
    conn: sqlite3.Connection, table: _Table, columns: Sequence[str], row: list[Value]
) -> int:
    try:
        cursor = conn.execute(_insert_sql(table.shape, columns), row)
    except conn.IntegrityError as error:  # sqlcipher3's is its own class
        raise _does_not_fit(table.shape.name, error) from None
    return int(cursor.lastrowid or 0)


def _count(counts: dict[str, int], table: _Table) -> None:
    counts[table.shape.name] = counts.get(table.shape.name, 0) + 1


def _merge_numbered(
    conn: sqlite3.Connection, table: _Table, rows: list[list[Value]], summary: ImportSummary
) -> dict[int, int]:
    """Merge a table whose rows have a number (``id``); returns export id -> diary id.

    A row is already there when a diary row holds the same values (under any number), and
    the same as a diary row with the same unique name; otherwise it is added, under its own
    number when that is free."""
    shape = table.shape
    assert shape.row_id is not None
    id_at = table.columns.index(shape.row_id)
    others = [c for c in table.columns if c != shape.row_id]
    selected = ", ".join(quoted(c) for c in [shape.row_id, *others])
    by_values: dict[tuple[Value, ...], list[int]] = {}
    used: set[int] = set()
    for existing in conn.execute(f"SELECT {selected} FROM {quoted(shape.name)}"):
        by_values.setdefault(tuple(existing[1:]), []).append(existing[0])
        used.add(existing[0])
    unique_keys = [key for key in shape.unique_keys if set(key) <= set(others)]
    numbers: dict[int, int] = {}
    for row in rows:
        number = row[id_at]
        assert isinstance(number, int)
        values = tuple(value for index, value in enumerate(row) if index != id_at)
        same = by_values.get(values)
        if same:
            match = number if number in same else same[0]
            same.remove(match)
            numbers[number] = match
            _count(summary.already_there, table)
            continue
        named = _unique_match(conn, shape, unique_keys, dict(zip(table.columns, row, strict=True)))
        if named is not None:
            numbers[number] = named
            _count(summary.kept_yours, table)
            continue
        if number in used:
            new = _insert(conn, table, others, list(values))
            summary.renumbered += 1
        else:
            new = _insert(conn, table, table.columns, row)
        used.add(new)
        numbers[number] = new
        _count(summary.added, table)
    return numbers


def _unique_match(
    conn: sqlite3.Connection,
    shape: TableShape,
    unique_keys: Sequence[tuple[str, ...]],
    row: Mapping[str, Value],
) -> int | None:
    """The number of the diary row with the same value in a unique column (compared with
    the column's own collation: "nausea" is "Nausea")."""
    assert shape.row_id is not None
    for key in unique_keys:
        condition = " AND ".join(f"{quoted(c)} = ?" for c in key)
        found = conn.execute(
            f"SELECT {quoted(shape.row_id)} FROM {quoted(shape.name)} WHERE {condition}",
            [row[c] for c in key],
        ).fetchone()
        if found is not None:
            return int(found[0])
    return None


def _merge_keyed(
    conn: sqlite3.Connection, table: _Table, rows: list[list[Value]], summary: ImportSummary
) -> None:
    """Merge a table whose key is the row's own data (a night, a day and a side effect, a
    setting's name): a free place is filled; a filled one keeps the diary's row."""
    shape = table.shape
    key_at = [table.columns.index(c) for c in shape.primary_key]
    selected = ", ".join(quoted(c) for c in table.columns)
    existing = {
        tuple(row[i] for i in key_at): tuple(row)
        for row in conn.execute(f"SELECT {selected} FROM {quoted(shape.name)}")
    }
    for row in rows:
        key = tuple(row[i] for i in key_at)
        held = existing.get(key)
        if held is not None:
            _count(summary.already_there if held == tuple(row) else summary.kept_yours, table)
            continue
        _insert(conn, table, table.columns, row)
        existing[key] = tuple(row)
        _count(summary.added, table)
