"""DiaryConnection: the one open diary, shared by the stores. Reads go straight to sqlite3;
writes run in sqlite-utils' ``atomic()`` transactions, loaded on the first write."""

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from moodlog.storage.encrypted_connection import database_errors
from moodlog.storage.errors import unavailable_from
from moodlog.storage.row_mapping import Row
from moodlog.storage.sqlite_utils_loader import load_sqlite_utils

if TYPE_CHECKING:
    from sqlite_utils import Database


class DiaryConnection:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None

    def reopen(self, conn: sqlite3.Connection) -> None:
        """Carry on with ``conn``: the same diary, opened again (after its encryption changed)."""
        self.conn = conn
        self._database = None

    def prepare_for_writes(self) -> None:
        """Load what writing needs now (the app calls this once the window is ready)."""
        if self._database is None:
            load_sqlite_utils()
            from sqlite_utils import Database

            self._database = Database(self.conn, execute_plugins=False)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction (nested ones become savepoints); SQLite's environment errors
        become :class:`StorageError`s."""
        self.prepare_for_writes()
        assert self._database is not None
        try:
            with self._database.atomic():
                yield
        except database_errors() as error:  # sqlcipher3's are classes of their own
            if isinstance(error, self.conn.IntegrityError | self.conn.ProgrammingError):
                raise  # a bug in our validation, not the person's environment
            raise unavailable_from(error) from error

    def execute(self, sql: str, params: Iterable[object] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, list(params))

    def insert(self, table: str, row: Row, replace: bool = False) -> int:
        """INSERT (or INSERT OR REPLACE) one row; returns its rowid."""
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        cursor = self.conn.execute(
            f"{verb} INTO {table} ({columns}) VALUES ({marks})", list(row.values())
        )
        return int(cursor.lastrowid or 0)

    def update(self, table: str, row_id: int, row: Row) -> None:
        assignments = ", ".join(f"{column} = ?" for column in row)
        cursor = self.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", [*row.values(), row_id]
        )
        if cursor.rowcount == 0:
            raise KeyError(row_id)

    def tuples(self, sql: str, params: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        """Rows as plain tuples, in the SELECT's column order: for reads of thousands of
        rows (the charts' ten years), where building a dict per row would dominate."""
        return self.conn.execute(sql, list(params)).fetchall()

    def rows(self, sql: str, params: Iterable[object] = ()) -> list[Row]:
        cursor = self.conn.execute(sql, list(params))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]
