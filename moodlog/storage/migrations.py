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


def create_treatment_tables(db: "Database") -> None:
    """Medications and their doses, daily adherence, procedure courses and their sessions,
    pharmacogenetic results, the current episode, and a side effect's suspected cause."""
    ddl = f"""
        CREATE TABLE medications (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            drug_class TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('antidepressant', 'augmentation', 'other')),
            unit TEXT NOT NULL DEFAULT 'mg',
            formulation TEXT NOT NULL DEFAULT '',
            schedule TEXT NOT NULL CHECK (schedule IN ('scheduled', 'as_needed')),
            started TEXT NOT NULL CHECK (started {_ISO_DAY}),
            stopped TEXT CHECK (stopped {_ISO_DAY} AND stopped >= started),
            stop_reason TEXT CHECK (stop_reason IN
                ('not_effective', 'side_effects', 'cost_or_access', 'other')),
            benefit INTEGER CHECK (benefit BETWEEN 0 AND 3),
            adequate_min_dose REAL CHECK (adequate_min_dose > 0),
            dates_approximate INTEGER NOT NULL DEFAULT 0 CHECK (dates_approximate IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE dose_steps (
            medication_id INTEGER NOT NULL REFERENCES medications (id) ON DELETE CASCADE,
            start TEXT NOT NULL CHECK (start {_ISO_DAY}),
            dose REAL NOT NULL CHECK (dose > 0),
            PRIMARY KEY (medication_id, start)
        ) STRICT;
        CREATE TABLE adherence (
            day TEXT NOT NULL CHECK (day {_ISO_DAY}),
            medication_id INTEGER NOT NULL REFERENCES medications (id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('taken', 'partly', 'missed')),
            PRIMARY KEY (day, medication_id)
        ) STRICT;
        CREATE INDEX adherence_by_medication ON adherence (medication_id, day);

        CREATE TABLE treatment_courses (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('tms', 'esketamine', 'iv_ketamine', 'ect', 'vns',
                'dbs', 'psychotherapy', 'lifestyle', 'clinical_trial')),
            variant TEXT NOT NULL DEFAULT '',
            started TEXT NOT NULL CHECK (started {_ISO_DAY}),
            ended TEXT CHECK (ended {_ISO_DAY} AND ended >= started),
            planned_sessions INTEGER CHECK (planned_sessions > 0),
            benefit INTEGER CHECK (benefit BETWEEN 0 AND 3),
            arm TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE treatment_sessions (
            id INTEGER PRIMARY KEY,
            course_id INTEGER NOT NULL REFERENCES treatment_courses (id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            day TEXT NOT NULL CHECK (day {_ISO_DAY}),
            number INTEGER CHECK (number > 0),
            intensity_percent REAL CHECK (intensity_percent BETWEEN 1 AND 200),
            dose_mg REAL CHECK (dose_mg > 0),
            bp_before_systolic INTEGER,
            bp_before_diastolic INTEGER,
            bp_after_systolic INTEGER,
            bp_after_diastolic INTEGER,
            dissociation INTEGER CHECK (dissociation BETWEEN 0 AND 10),
            nausea INTEGER CHECK (nausea BETWEEN 0 AND 10),
            sedation INTEGER CHECK (sedation BETWEEN 0 AND 10),
            electrode_placement TEXT NOT NULL DEFAULT '',
            memory_complaints INTEGER CHECK (memory_complaints BETWEEN 0 AND 3),
            side_effects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(side_effects)),
            setting TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX treatment_sessions_by_course ON treatment_sessions (course_id, at);

        CREATE TABLE pgx_results (
            id INTEGER PRIMARY KEY,
            gene TEXT NOT NULL CHECK (trim(gene) <> ''),
            phenotype TEXT CHECK (phenotype IN ('poor', 'intermediate', 'normal', 'rapid',
                'ultrarapid', 'indeterminate')),
            genotype TEXT NOT NULL DEFAULT '',
            tested_on TEXT CHECK (tested_on {_ISO_DAY}),
            lab TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        ) STRICT;

        CREATE TABLE diary_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;

        ALTER TABLE side_effects ADD COLUMN suspected_medication_id INTEGER
            REFERENCES medications (id) ON DELETE SET NULL;
        ALTER TABLE side_effects ADD COLUMN suspected_course_id INTEGER
            REFERENCES treatment_courses (id) ON DELETE SET NULL
    """
    for statement in ddl.split(";"):
        if statement.strip():
            db.execute(statement)


def create_questionnaire_tables(db: "Database") -> None:
    """Questionnaire results (PHQ-9 and GAD-7 answers, or totals entered from elsewhere).
    The safety plan and crisis contacts live in ``diary_settings``."""
    ddl = f"""
        CREATE TABLE questionnaire_results (
            id INTEGER PRIMARY KEY,
            instrument TEXT NOT NULL CHECK (instrument IN
                ('phq9', 'gad7', 'qids_sr16', 'madrs', 'hamd17')),
            taken_on TEXT NOT NULL CHECK (taken_on {_ISO_DAY}),
            answers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers)
                AND json_type(answers) = 'array'),
            entered_total INTEGER CHECK (entered_total BETWEEN 0 AND 60),
            difficulty INTEGER CHECK (difficulty BETWEEN 0 AND 3),
            source TEXT NOT NULL CHECK (source IN
                ('answered_here', 'paper_form', 'clinician', 'other')),
            source_note TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            CHECK (json_array_length(answers) > 0 OR entered_total IS NOT NULL)
        ) STRICT;
        CREATE INDEX questionnaire_results_by_day
            ON questionnaire_results (instrument, taken_on)
    """
    for statement in ddl.split(";"):
        if statement.strip():
            db.execute(statement)


def create_appointment_tables(db: "Database") -> None:
    """Appointments the person records (a report can cover the time since the last one) and
    their questions for the doctor."""
    ddl = f"""
        CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL CHECK (day {_ISO_DAY}),
            note TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX appointments_by_day ON appointments (day);

        CREATE TABLE clinician_questions (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            created_at TEXT NOT NULL,
            answered INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1))
        ) STRICT
    """
    for statement in ddl.split(";"):
        if statement.strip():
            db.execute(statement)


def create_import_tables(db: "Database") -> None:
    """Imports from other apps: one row per imported file (its hash refuses a second import
    of the same file), and on each check-in the import that added it (undoing the import
    deletes its row, and so, by the cascade, exactly its check-ins)."""
    ddl = """
        CREATE TABLE import_batches (
            id INTEGER PRIMARY KEY,
            format TEXT NOT NULL,
            file_name TEXT NOT NULL,
            file_hash TEXT NOT NULL UNIQUE,
            imported_at TEXT NOT NULL,
            rows INTEGER NOT NULL CHECK (rows >= 0),
            skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0)
        ) STRICT;
        ALTER TABLE check_ins ADD COLUMN import_batch_id INTEGER
            REFERENCES import_batches (id) ON DELETE CASCADE
    """
    for statement in ddl.split(";"):
        if statement.strip():
            db.execute(statement)


# The steps, in order. Append only: never edit, reorder or remove a step that has shipped.
STEPS = (
    create_diary_tables,
    seed_default_side_effects_and_trackers,
    create_treatment_tables,
    create_questionnaire_tables,
    create_appointment_tables,
    create_import_tables,
)


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
