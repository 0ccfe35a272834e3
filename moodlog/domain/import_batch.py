"""One import from another app, as recorded in the diary (so it can be undone)."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """``added`` check-ins went in; ``skipped`` rows were already in the diary."""

    id: int
    format: str
    file_name: str
    file_hash: str
    imported_at: datetime
    added: int
    skipped: int
