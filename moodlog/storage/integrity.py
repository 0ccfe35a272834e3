"""SQLite's own check of a diary file: what it found wrong, or nothing.

``PRAGMA quick_check`` reads every page and checks the b-trees' structure (what damage from
a failing disk or a half-copied file breaks); ``integrity_check`` also compares every index
with its table, which costs about twice as much. On a 10-year demo diary (1.9 MB) the quick
check takes about 10-20 ms, too much to add before the first frame: the window runs it just
after (ui/diary_keeper.py); every other way in runs it while opening.
"""

import sqlite3

from moodlog.storage.encrypted_connection import database_errors

# More than this many lines of problems say nothing more to a person.
MAX_PROBLEMS = 20


def check_integrity(conn: sqlite3.Connection, thorough: bool = False) -> list[str]:
    """What SQLite found wrong with the open file, or ``[]`` when it is sound."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    except database_errors() as error:  # so damaged the check itself can't run
        return [str(error)]
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems
