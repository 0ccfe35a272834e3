"""Property-based: random bytes and truncated real files, thrown at every importer, end in
a clean preview or a clear UnreadableFile; applying what was read leaves the diary as it was
when anything goes wrong. Kept small (max_examples) so the suite stays fast."""

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moodlog.domain.import_preview import ImportPreview
from moodlog.importers.format_detection import detect, read_preview
from moodlog.importers.generic_csv import Columns
from moodlog.importers.unreadable_file import UnreadableFile
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

NOW = datetime(2026, 11, 21, 9, 30)
FORMATS = ("daylio", "bearable", "imoodjournal", "pixels", "emoods", "generic")
COLUMNS = Columns(date="date", time="time", mood="mood", note="note")


def _emoods() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "entry.csv",
            "ID,DATE,IRRITABILITY,ANXIETY,DEPRESSED,ELEVATED,SLEEP,PSYCHOTIC SYMPTOMS,NOTE\n"
            + "".join(f'{n},2024-03-{n:02d},1,2,3,1,7.0,0,"note {n}, ok"\n' for n in range(1, 20)),
        )
    return buffer.getvalue()


SAMPLES = {
    "daylio": (
        "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\r\n"
        + "".join(
            f'2026-01-{d:02d},Jan {d},x,{d % 12 + 1}:05 PM,{m},"a | b",T,"n ""{d}"",\nx"\r\n'
            for d, m in zip(
                range(1, 25), ["rad", "good", "meh", "bad", "awful", "odd"] * 4, strict=True
            )
        )
    ).encode(),
    "bearable": (
        '"date","weekday","time of day","category","rating/amount","detail","notes"\n'
        + "".join(
            f'"{d}th Jan 2021","x","am","Mood","{d % 10}","calm | ok",""\n'
            f'"{d}th Jan 2021","x","am","Energy","{d % 5 + 1}","",""\n'
            for d in range(4, 20)
        )
    ).encode(),
    "imoodjournal": (
        "Date, Day of week, Hour, Minute, Level, LevelText, Comment, #a\n"
        + "".join(f'"May {d}, 2020",x,9,15,{d % 10 + 1},x,"c {d}\nmore",1\n' for d in range(1, 20))
    ).encode(),
    "pixels": json.dumps(
        [{"date": f"2023-1-{d}", "mood": d % 5 + 1, "notes": f"n{d}"} for d in range(1, 20)]
    ).encode(),
    "emoods": _emoods(),
    "generic": (
        "date,time,mood,note\n"
        + "".join(f"{d}/03/2024,08:00,{d % 5 + 1},n\n" for d in range(1, 20))
    ).encode(),
}


def read_or_refuse(data: bytes, format_key: str | None) -> ImportPreview | None:
    """The preview, or ``None`` after a clear refusal; anything else fails the test."""
    try:
        preview = read_preview(data, "f", NOW.date(), format_key, COLUMNS)
    except UnreadableFile as error:
        message = error.message
    else:
        assert preview.format in FORMATS
        for entry in preview.entries:
            assert entry.day <= NOW.date()
        for problem in preview.problems:
            assert problem.line >= 1
            assert problem.reason
        return preview
    assert message.strip()  # a clear error: one line, saying something
    assert "\n" not in message
    return None


@pytest.fixture(scope="module")
def diary() -> Iterator[DiaryStore]:
    store = DiaryStore(open_database(None))
    yield store
    store.close()


def check_apply(store: DiaryStore, preview: ImportPreview) -> None:
    """Apply with every name placed at 5, then undo: the diary ends as it began."""
    before = store.trend_data(date(1900, 1, 1), NOW.date()).ratings
    mapping = dict.fromkeys(preview.unplaced(preview.mapping()), 5)
    batch_id = store.imports.apply(preview, mapping, NOW)
    assert len(store.imports.check_in_ids(batch_id)) == store.imports.batch(batch_id).added
    store.imports.undo(batch_id)
    assert store.trend_data(date(1900, 1, 1), NOW.date()).ratings == before
    assert store.imports.batches() == []


def test_every_sample_reads_cleanly(diary: DiaryStore) -> None:
    for key, data in SAMPLES.items():
        preview = read_or_refuse(data, key)
        assert preview is not None, key
        assert len(preview.entries) >= 15, key
        check_apply(diary, preview)


fast = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fast
@given(data=st.binary(max_size=400), format_key=st.sampled_from((None, *FORMATS)))
def test_random_bytes_end_in_a_preview_or_a_clear_error(
    data: bytes, format_key: str | None
) -> None:
    detect(data)  # never raises
    read_or_refuse(data, format_key)


@fast
@given(
    format_key=st.sampled_from(FORMATS),
    cut=st.floats(min_value=0, max_value=1),
    flip=st.integers(min_value=0, max_value=10_000),
    noise=st.binary(max_size=8),
)
def test_truncated_and_damaged_files_end_in_a_preview_or_a_clear_error(
    diary: DiaryStore, format_key: str, cut: float, flip: int, noise: bytes
) -> None:
    sample = SAMPLES[format_key]
    data = sample[: int(len(sample) * cut)]
    if data and noise:
        at = flip % len(data)
        data = data[:at] + noise + data[at + len(noise) :]
    preview = read_or_refuse(data, format_key)
    if preview is not None and preview.entries:
        check_apply(diary, preview)


@fast
@given(
    text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300),
    format_key=st.sampled_from(FORMATS),
)
def test_random_text_under_a_real_header(diary: DiaryStore, text: str, format_key: str) -> None:
    header = SAMPLES[format_key].split(b"\n", 1)[0] + b"\n"
    if format_key in ("pixels", "emoods"):
        return  # not line-based; covered by the truncation test
    preview = read_or_refuse(header + text.encode(), format_key)
    if preview is not None and preview.entries:
        check_apply(diary, preview)
