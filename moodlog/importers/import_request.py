"""What `moodlog import` needs besides the diary: its arguments read, and the preview and
the outcome put in words (plain text, one fact a line)."""

from collections.abc import Sequence

from moodlog.domain.day_text import day_text
from moodlog.domain.import_batch import ImportBatch
from moodlog.domain.import_preview import ImportPreview, MoodMapping, mood_key
from moodlog.domain.scales import SCALE_MAX, SCALE_MIN, mood_word
from moodlog.importers.generic_csv import DATE_ORDERS, Columns


class RequestProblem(Exception):
    """An argument that can't be used; the message says how to write it."""

    @property
    def message(self) -> str:
        return str(self.args[0])


def mood_map_from(items: Sequence[str]) -> dict[str, int]:
    """``NAME=VALUE`` items (VALUE 0-10) as a mapping keyed by ``mood_key``."""
    mapping: dict[str, int] = {}
    for item in items:
        name, equals, value = item.rpartition("=")
        if not equals or not name.strip():
            raise RequestProblem(f'--mood-map "{item}": write it as NAME=VALUE, e.g. "meh=5".')
        try:
            number = int(value.strip())
        except ValueError:
            number = -1
        if not SCALE_MIN <= number <= SCALE_MAX:
            raise RequestProblem(
                f'--mood-map "{item}": the value must be a whole number from {SCALE_MIN} '
                f"(worst) to {SCALE_MAX} (best)."
            )
        mapping[mood_key(name)] = number
    return mapping


def columns_from(text: str, mood_range: str, date_order: str) -> Columns:
    """``date=COL,time=COL,mood=COL,note=COL`` (date required) and ``LOW-HIGH``."""
    roles: dict[str, str] = {}
    for part in text.split(","):
        role, equals, column = part.partition("=")
        role = role.strip().casefold()
        if not equals or role not in ("date", "time", "mood", "note") or not column.strip():
            raise RequestProblem(
                f'--columns "{text}": write it as date=COLUMN,mood=COLUMN (time= and note= '
                "are optional), with the column names of the file's header."
            )
        roles[role] = column.strip()
    if "date" not in roles:
        raise RequestProblem("--columns needs date=COLUMN: the column that holds the day.")
    low_text, dash, high_text = mood_range.strip().partition("-")
    try:
        low, high = float(low_text), float(high_text)
    except ValueError:
        low = high = 0.0
    if not dash or low == high:
        raise RequestProblem(
            f'--mood-range "{mood_range}": write the worst and the best value, e.g. "1-5".'
        )
    if date_order not in DATE_ORDERS:
        raise RequestProblem(f"--date-order must be one of {', '.join(DATE_ORDERS)}.")
    return Columns(**roles, low=low, high=high, date_order=date_order)


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def summary_lines(preview: ImportPreview, mapping: MoodMapping) -> list[str]:
    """The preview for a terminal: format, rows, span, how moods map, problem rows."""
    lines = [f"Format: {preview.format_name} ({preview.file_name})"]
    if preview.entries and preview.first_day and preview.last_day:
        span = f"{day_text(preview.first_day)} to {day_text(preview.last_day)}"
        lines.append(f"Found {_count(len(preview.entries), 'check-in', 'check-ins')}, {span}.")
    else:
        lines.append("Found no check-ins to import.")
    placed = [
        f"{name} → {mapping[mood_key(name)]} ({mood_word(mapping[mood_key(name)]).lower()})"
        for name in preview.mood_names
        if mood_key(name) in mapping
    ]
    if placed:
        lines.append("Moods: " + ", ".join(placed) + ".")
    lines += [f"  {note}" for note in preview.mapping_notes]
    unplaced = preview.unplaced(mapping)
    if unplaced:
        names = ", ".join(f'"{name}"' for name in unplaced)
        lines.append(
            f"Moods to place on moodlog's 0-10 scale: {names}. Add --mood-map NAME=VALUE for "
            "each (0 worst, 10 best); moodlog remembers them for the next import."
        )
    if preview.problems:
        lines.append(
            f"{_count(len(preview.problems), 'row', 'rows')} can't be imported as written:"
        )
        lines += [f"  {problem}" for problem in preview.problems]
    return lines


def blocking_problem(preview: ImportPreview, mapping: MoodMapping, skip_problems: bool) -> str:
    """Why nothing may be written yet ("" when the import can go ahead)."""
    unchanged = "Nothing was written; your diary has not changed."
    if preview.unplaced(mapping):
        return f"Some moods aren't placed yet (listed above). {unchanged}"
    if preview.problems and not skip_problems:
        return (
            f"Some rows can't be imported (listed above). {unchanged} Mend them in the file, "
            "or run again with --skip-problem-rows to import the other rows."
        )
    if not preview.entries:
        return f"The file holds no check-ins moodlog can import. {unchanged}"
    return ""


def outcome_text(batch: ImportBatch) -> str:
    added = _count(batch.added, "check-in", "check-ins")
    text = f"Imported {added} from {batch.file_name} (import number {batch.id})."
    if batch.skipped:
        text += f" {_count(batch.skipped, 'row was', 'rows were')} already in your diary."
    return text
