"""What `moodlog import` needs besides the diary: its arguments read, and the preview and
the outcome put in words (plain text, one fact a line)."""

from collections.abc import Sequence

from moodlog.domain.day_text import day_text
from moodlog.domain.import_batch import ImportBatch
from moodlog.domain.import_preview import ImportPreview, MoodMapping, mood_key
from moodlog.domain.scales import SCALE_MAX, SCALE_MIN, mood_word
from moodlog.domain.translation import translate
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
            raise RequestProblem(
                translate(
                    "ImportRequest", '--mood-map "{item}": write it as NAME=VALUE, e.g. "meh=5".'
                ).format(item=item)
            )
        try:
            number = int(value.strip())
        except ValueError:
            number = -1
        if not SCALE_MIN <= number <= SCALE_MAX:
            raise RequestProblem(
                translate(
                    "ImportRequest",
                    '--mood-map "{item}": the value must be a whole number from {low} (worst) to '
                    "{high} (best).",
                ).format(item=item, low=SCALE_MIN, high=SCALE_MAX)
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
                translate(
                    "ImportRequest",
                    '--columns "{text}": write it as date=COLUMN,mood=COLUMN (time= and note= '
                    "are optional), with the column names of the file's header.",
                ).format(text=text)
            )
        roles[role] = column.strip()
    if "date" not in roles:
        raise RequestProblem(
            translate(
                "ImportRequest", "--columns needs date=COLUMN: the column that holds the day."
            )
        )
    low_text, dash, high_text = mood_range.strip().partition("-")
    try:
        low, high = float(low_text), float(high_text)
    except ValueError:
        low = high = 0.0
    if not dash or low == high:
        raise RequestProblem(
            translate(
                "ImportRequest",
                '--mood-range "{range}": write the worst and the best value, e.g. "1-5".',
            ).format(range=mood_range)
        )
    if date_order not in DATE_ORDERS:
        raise RequestProblem(
            translate("ImportRequest", "--date-order must be one of {orders}.").format(
                orders=", ".join(DATE_ORDERS)
            )
        )
    return Columns(**roles, low=low, high=high, date_order=date_order)


def _one_or_many(count: int, one: str, many: str) -> str:
    """The sentence for ``count``: ``one`` for 1, else ``many`` (both already translated)."""
    return one if count == 1 else many


def summary_lines(preview: ImportPreview, mapping: MoodMapping) -> list[str]:
    """The preview for a terminal: format, rows, span, how moods map, problem rows."""
    lines = [
        translate("ImportRequest", "Format: {format} ({file})").format(
            format=preview.format_name, file=preview.file_name
        )
    ]
    if preview.entries and preview.first_day and preview.last_day:
        found = _one_or_many(
            len(preview.entries),
            translate("ImportRequest", "Found {count} check-in, {first} to {last}."),
            translate("ImportRequest", "Found {count} check-ins, {first} to {last}."),
        )
        lines.append(
            found.format(
                count=f"{len(preview.entries):,}",
                first=day_text(preview.first_day),
                last=day_text(preview.last_day),
            )
        )
    else:
        lines.append(translate("ImportRequest", "Found no check-ins to import."))
    placed = [
        f"{name} → {mapping[mood_key(name)]} ({mood_word(mapping[mood_key(name)]).lower()})"
        for name in preview.mood_names
        if mood_key(name) in mapping
    ]
    if placed:
        lines.append(translate("ImportRequest", "Moods: {moods}.").format(moods=", ".join(placed)))
    lines += [f"  {note}" for note in preview.mapping_notes]
    unplaced = preview.unplaced(mapping)
    if unplaced:
        names = ", ".join(f'"{name}"' for name in unplaced)
        lines.append(
            translate(
                "ImportRequest",
                "Moods to place on moodlog's 0-10 scale: {names}. Add --mood-map NAME=VALUE for "
                "each (0 worst, 10 best); moodlog remembers them for the next import.",
            ).format(names=names)
        )
    if preview.problems:
        problems = _one_or_many(
            len(preview.problems),
            translate("ImportRequest", "{count} row can't be imported as written:"),
            translate("ImportRequest", "{count} rows can't be imported as written:"),
        )
        lines.append(problems.format(count=f"{len(preview.problems):,}"))
        lines += [f"  {problem}" for problem in preview.problems]
    return lines


def blocking_problem(preview: ImportPreview, mapping: MoodMapping, skip_problems: bool) -> str:
    """Why nothing may be written yet ("" when the import can go ahead)."""
    unchanged = translate("ImportRequest", "Nothing was written; your diary has not changed.")
    if preview.unplaced(mapping):
        return translate(
            "ImportRequest", "Some moods aren't placed yet (listed above). {unchanged}"
        ).format(unchanged=unchanged)
    if preview.problems and not skip_problems:
        return translate(
            "ImportRequest",
            "Some rows can't be imported (listed above). {unchanged} Mend them in the file, or "
            "run again with --skip-problem-rows to import the other rows.",
        ).format(unchanged=unchanged)
    if not preview.entries:
        return translate(
            "ImportRequest", "The file holds no check-ins moodlog can import. {unchanged}"
        ).format(unchanged=unchanged)
    return ""


def outcome_text(batch: ImportBatch) -> str:
    imported = _one_or_many(
        batch.added,
        translate(
            "ImportRequest", "Imported {count} check-in from {file} (import number {number})."
        ),
        translate(
            "ImportRequest", "Imported {count} check-ins from {file} (import number {number})."
        ),
    )
    text = imported.format(count=f"{batch.added:,}", file=batch.file_name, number=batch.id)
    if batch.skipped:
        there = _one_or_many(
            batch.skipped,
            translate("ImportRequest", "{count} row was already in your diary."),
            translate("ImportRequest", "{count} rows were already in your diary."),
        )
        text += " " + there.format(count=f"{batch.skipped:,}")
    return text
