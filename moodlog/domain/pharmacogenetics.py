"""Pharmacogenetic test results (e.g. CYP2D6 metaboliser status), kept beside the
medication list. moodlog never turns them into dose advice."""

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum


class Phenotype(StrEnum):
    POOR = "poor"
    INTERMEDIATE = "intermediate"
    NORMAL = "normal"
    RAPID = "rapid"
    ULTRARAPID = "ultrarapid"
    INDETERMINATE = "indeterminate"

    @property
    def label(self) -> str:
        if self is Phenotype.INDETERMINATE:
            return "Indeterminate"
        return f"{self.value.capitalize()} metaboliser"


@dataclass(frozen=True, slots=True)
class PgxResult:
    gene: str
    phenotype: Phenotype | None = None
    genotype: str = ""
    tested_on: date | None = None
    lab: str = ""
    note: str = ""
    id: int | None = None

    def with_id(self, new_id: int) -> "PgxResult":
        return replace(self, id=new_id)
