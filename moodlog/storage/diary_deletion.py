"""Deleting a diary from the computer: the file, SQLite's files beside it, the copies moodlog
set aside, and the automatic backups.

Drafts (unsaved form contents) live inside the diary file, so they go with it. moodlog's
settings are Qt's, not the diary's: the window clears them itself.

Only files moodlog names are touched, so a diary kept in a folder of other things leaves
those things alone: the copies aside are ``<stem>.<reason>-<YYYYmmdd-HHMMSS>.sqlite`` (see
database.copy_aside), and the automatic backups are the ones backups.list_backups finds for
this diary in ``backups/`` beside it; that folder goes too once it is empty.
"""

import re
from pathlib import Path

from moodlog.domain.translation import translate
from moodlog.storage.backups import backup_folder, list_backups
from moodlog.storage.errors import DiaryUnavailable

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")


def diary_files(path: Path) -> list[Path]:
    """Every file of the diary at ``path`` that exists now, the diary itself first."""
    found = [path] if path.exists() else []
    found += _with_sidecars(path)
    found.append(path.with_name(f"{path.name}.new"))  # an interrupted encryption change
    aside = re.compile(re.escape(path.stem) + r"\.[a-z0-9-]+-\d{8}-\d{6}\.sqlite")
    for candidate in sorted(path.parent.iterdir()) if path.parent.is_dir() else []:
        if aside.fullmatch(candidate.name):
            found += [candidate, *_with_sidecars(candidate)]
    for backup in list_backups(backup_folder(path), path.stem):
        found += [backup.path, *_with_sidecars(backup.path)]
    return [file for file in dict.fromkeys(found) if file.is_file()]


def delete_diary_files(path: Path) -> list[Path]:
    """Delete the diary at ``path`` (closed) and everything :func:`diary_files` lists, then
    the backups folder if nothing else is in it. Returns what was deleted. Raises
    :class:`DiaryUnavailable` if a file can't be deleted; what could be is gone."""
    deleted: list[Path] = []
    for file in diary_files(path):
        try:
            file.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DiaryUnavailable(
                translate(
                    "DiaryDeletion",
                    "{file} couldn't be deleted ({reason}). Check the folder's permissions, "
                    "then try again, or delete the file yourself.",
                ).format(file=file, reason=error.strerror)
            ) from error
        deleted.append(file)
    backups = backup_folder(path)
    if backups.is_dir() and not any(backups.iterdir()):
        backups.rmdir()
    return deleted


def _with_sidecars(path: Path) -> list[Path]:
    sidecars = (path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES)
    return [sidecar for sidecar in sidecars if sidecar.exists()]
