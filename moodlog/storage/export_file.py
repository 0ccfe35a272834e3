"""Writing an export to a file, for the window and the command line: the whole diary as
moodlog JSON, or its days as CSV. The file is written under a temporary name beside the
destination and renamed into place, so a failed export leaves no partial file; it is
readable by its owner only (0600), as it holds health data."""

import contextlib
import os
import tempfile
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from moodlog.domain.translation import translate
from moodlog.storage.database import FILE_MODE, open_database
from moodlog.storage.days_csv import days_csv
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.diary_transfer import TransferError, dump_export, export_json


class ExportKind(StrEnum):
    JSON = "json"
    CSV = "csv"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


def export_bytes(store: DiaryStore, kind: ExportKind, now: datetime) -> bytes:
    """The export's file contents: UTF-8 JSON, or UTF-8 CSV with a byte-order mark."""
    if kind is ExportKind.JSON:
        return dump_export(export_json(store, now)).encode("utf-8")
    return days_csv(store).encode("utf-8-sig")


def check_destination(destination: Path, diary: Path | None = None) -> None:
    """Raise :class:`TransferError` if ``destination`` can't take an export (or is the
    diary itself)."""
    folder = destination.parent
    if destination.is_dir():
        raise TransferError(
            translate(
                "ExportFile", "{destination} is a folder; give a file name for the export."
            ).format(destination=destination)
        )
    if not folder.is_dir():
        raise TransferError(
            translate(
                "ExportFile", "The folder {folder} doesn't exist; create it or choose another."
            ).format(folder=folder)
        )
    if diary is not None and _same_file(destination, diary):
        raise TransferError(
            translate(
                "ExportFile",
                "{destination} is your diary itself; choose another file name for the export.",
            ).format(destination=destination)
        )
    if not os.access(folder, os.W_OK):
        raise TransferError(
            translate(
                "ExportFile", "moodlog may not write to {folder}; choose another place."
            ).format(folder=folder)
        )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or (one.exists() and one.samefile(other))
    except OSError:
        return False


def write_file(data: bytes, destination: Path) -> None:
    """Write ``data`` to ``destination`` (0600) through a temporary file and a rename;
    raises :class:`TransferError` (no file left behind) when it can't."""
    check_destination(destination)
    partial: Path | None = None
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent
        )
        partial = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        partial.chmod(FILE_MODE)
        partial.replace(destination)
        partial = None
    except OSError as error:
        raise TransferError(
            translate(
                "ExportFile",
                "The export could not be saved to {folder} ({reason}). Choose another place, or "
                "free some space, and export again. Your diary has not changed.",
            ).format(folder=destination.parent, reason=error.strerror or error)
        ) from error
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink()


def save_export(store: DiaryStore, kind: ExportKind, destination: Path, now: datetime) -> None:
    """Export the diary to ``destination``; raises :class:`TransferError`."""
    write_file(export_bytes(store, kind, now), destination)


def export_diary_file(
    db: Path, kind: ExportKind, destination: Path, now: datetime, passphrase: str | None = None
) -> str:
    """`moodlog export`: export the diary file ``db`` (``passphrase``: an encrypted one's);
    returns the line to print. Never creates a diary: a missing file is an error. The export
    itself is plain text: asking for it is the explicit request."""
    if not db.is_file():
        raise TransferError(
            translate("ExportFile", "There is no diary at {diary}; nothing was created.").format(
                diary=db
            )
        )
    check_destination(destination, diary=db)
    store = DiaryStore(open_database(db, now, passphrase))
    try:
        save_export(store, kind, destination, now)
    finally:
        store.close()
    if kind is ExportKind.JSON:
        done = translate(
            "ExportFile",
            "Your whole diary went to {destination} ({format}). This file is not protected; "
            "keep it somewhere private.",
        )
    else:
        done = translate(
            "ExportFile",
            "Your daily entries went to {destination} ({format}). This file is not protected; "
            "keep it somewhere private.",
        )
    return done.format(destination=destination, format=kind.value.upper())
