"""The diary schema, built by named, append-only migrations.

Never edit or reorder a migration that has shipped: add a new one at the end. A diary
whose recorded migrations include a name this list does not know was written by a newer
moodlog, and :func:`moodlog.storage.database.open_database` refuses it.
"""

from typing import TYPE_CHECKING

from moodlog.domain.scales import SCALE_KEYS
from moodlog.domain.side_effects import DEFAULT_SIDE_EFFECTS
from moodlog.domain.trackers import BUILTIN_TRACKERS
from moodlog.storage.sqlite_utils_loader import load_sqlite_utils

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "moodlog"

_ISO_DAY = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"


def create_diary_tables(db: "Database") -> None:
    scale_columns = ",\n".join(
        f"{key} INTEGER CHECK ({key} BETWEEN 0 AND 10)" for key in SCALE_KEYS
    )
    # One statement at a time: sqlite3's executescript() would COMMIT the migration's
    # transaction before it starts.
    ddl = f"""
        CREATE TABLE check_ins (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL CHECK (day {_ISO_DAY}),
            recorded_at TEXT NOT NULL,
            {scale_columns},
            note TEXT NOT NULL DEFAULT '',
            for_clinician INTEGER NOT NULL DEFAULT 0 CHECK (for_clinician IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX check_ins_by_day ON check_ins (day, recorded_at);

        CREATE TABLE sleep (
            night_of TEXT PRIMARY KEY CHECK (night_of {_ISO_DAY}),
            mode TEXT NOT NULL CHECK (mode IN ('minimal', 'full')),
            quality INTEGER CHECK (quality BETWEEN 1 AND 5),
            hours_slept REAL CHECK (hours_slept BETWEEN 0 AND 24),
            into_bed TEXT,
            tried_to_sleep TEXT,
            minutes_to_fall_asleep INTEGER NOT NULL DEFAULT 0,
            awakenings INTEGER NOT NULL DEFAULT 0,
            minutes_awake INTEGER NOT NULL DEFAULT 0,
            final_awakening TEXT,
            out_of_bed TEXT,
            naps INTEGER NOT NULL DEFAULT 0,
            nap_minutes INTEGER NOT NULL DEFAULT 0,
            comment TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE side_effects (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            is_builtin INTEGER NOT NULL DEFAULT 0,
            is_tracked INTEGER NOT NULL DEFAULT 1,
            sort_order INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE side_effect_ratings (
            day TEXT NOT NULL CHECK (day {_ISO_DAY}),
            side_effect_id INTEGER NOT NULL REFERENCES side_effects (id),
            severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
            PRIMARY KEY (day, side_effect_id)
        ) STRICT;

        CREATE TABLE trackers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            kind TEXT NOT NULL CHECK (kind IN ('number', 'yes_no', 'scale')),
            unit TEXT NOT NULL DEFAULT '',
            is_builtin INTEGER NOT NULL DEFAULT 0,
            is_visible INTEGER NOT NULL DEFAULT 1,
            sort_order INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE tracker_values (
            day TEXT NOT NULL CHECK (day {_ISO_DAY}),
            tracker_id INTEGER NOT NULL REFERENCES trackers (id),
            value REAL NOT NULL,
            PRIMARY KEY (day, tracker_id)
        ) STRICT;

        CREATE TABLE drafts (
            day TEXT PRIMARY KEY CHECK (day {_ISO_DAY}),
            payload TEXT NOT NULL,
            saved_at TEXT NOT NULL
        ) STRICT;
    """
    for statement in ddl.split(";"):
        if statement.strip():
            db.execute(statement)


def seed_default_side_effects_and_trackers(db: "Database") -> None:
    db.conn.executemany(
        "INSERT INTO side_effects (name, is_builtin, is_tracked, sort_order) VALUES (?, 1, 1, ?)",
        [(name, order) for order, name in enumerate(DEFAULT_SIDE_EFFECTS)],
    )
    db.conn.executemany(
        "INSERT INTO trackers (name, kind, unit, is_builtin, is_visible, sort_order) "
        "VALUES (?, ?, ?, 1, 1, ?)",
        [(t.name, t.kind.value, t.unit, order) for order, t in enumerate(BUILTIN_TRACKERS)],
    )


# The steps, in order. Append only: never edit, reorder or remove a step that has shipped.
STEPS = (create_diary_tables, seed_default_side_effects_and_trackers)


def known_migration_names() -> list[str]:
    """Every migration this build knows, in order (without loading sqlite-utils)."""
    return [step.__name__ for step in STEPS]


def build_migrations() -> "Migrations":
    """The steps as a sqlite-utils ``Migrations`` set (this loads sqlite-utils)."""
    load_sqlite_utils()
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    for step in STEPS:
        migrations()(step)
    return migrations
