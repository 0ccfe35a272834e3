"""Pharmacogenetic test results (e.g. CYP2D6 metaboliser status), kept beside the
medication list. moodlog never turns them into dose advice."""

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from moodlog.domain.translation import translate


class Phenotype(StrEnum):
    POOR = "poor"
    INTERMEDIATE = "intermediate"
    NORMAL = "normal"
    RAPID = "rapid"
    ULTRARAPID = "ultrarapid"
    INDETERMINATE = "indeterminate"

    @property
    def label(self) -> str:
        return {
            Phenotype.POOR: translate("Pharmacogenetics", "Poor metaboliser"),
            Phenotype.INTERMEDIATE: translate("Pharmacogenetics", "Intermediate metaboliser"),
            Phenotype.NORMAL: translate("Pharmacogenetics", "Normal metaboliser"),
            Phenotype.RAPID: translate("Pharmacogenetics", "Rapid metaboliser"),
            Phenotype.ULTRARAPID: translate("Pharmacogenetics", "Ultrarapid metaboliser"),
            #: A pharmacogenetic test result that could not assign a phenotype
            Phenotype.INDETERMINATE: translate("Pharmacogenetics", "Indeterminate"),
        }[self]


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
