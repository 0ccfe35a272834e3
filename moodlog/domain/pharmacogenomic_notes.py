"""Which published gene–drug guidelines touch the person's medicines and test results.

moodlog only says that a guideline exists and suggests talking it over with a clinician; it
never turns a result into dose advice. The list of guidelines
(``resources/pharmacogenomic_guidelines.json``) is not covered by the project's clinical
reference, so every entry carries an "unverified" status until checked at cpicpgx.org.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from moodlog.domain.medication_reference import MedicationReference, name_key
from moodlog.domain.pharmacogenetics import PgxResult
from moodlog.domain.translation import translate
from moodlog.resource_files import resource_path

RESOURCE_NAME = "pharmacogenomic_guidelines.json"

_FIELDS = ("gene", "drugs", "guideline", "organisation", "year", "status")


@dataclass(frozen=True, slots=True)
class GeneDrugGuideline:
    """A published guideline (``organisation``, ``year``) covering ``gene`` and ``drugs``."""

    gene: str
    drugs: tuple[str, ...]
    guideline: str
    organisation: str
    year: int
    status: str

    def covers(self, drug_name: str) -> bool:
        """Whether ``drug_name`` (any case, surrounding spaces ignored) is one of ``drugs``."""
        key = name_key(drug_name)
        return any(name_key(drug) == key for drug in self.drugs)


def parse_gene_drug_guidelines(text: str) -> tuple[GeneDrugGuideline, ...]:
    """Read the guideline list from its JSON text. Raises ``ValueError`` naming the entry and
    field at fault if the text is not valid JSON or does not have the expected shape."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"gene-drug guidelines are not valid JSON: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("guidelines"), list):
        raise ValueError("gene-drug guidelines: expected an object with a 'guidelines' list")
    return tuple(
        _guideline(entry, number) for number, entry in enumerate(data["guidelines"], start=1)
    )


@cache
def load_gene_drug_guidelines() -> tuple[GeneDrugGuideline, ...]:
    """The shipped guideline list (read once)."""
    return parse_gene_drug_guidelines(resource_path(RESOURCE_NAME).read_text(encoding="utf-8"))


def guideline_notes(
    results: Sequence[PgxResult],
    drug_names: Iterable[str],
    guidelines: Iterable[GeneDrugGuideline],
    *,
    reference: MedicationReference | None = None,
) -> list[str]:
    """One neutral note per (gene, drug) where the person has a result for a gene and takes a
    drug that a published guideline covers for that gene.

    Drug names match case-insensitively; with a ``reference``, brand names and other aliases
    are first resolved to the drug's name. Where a gene was tested more than once, the most
    recently dated result is described.
    """
    guidelines = tuple(guidelines)
    drugs: dict[str, str] = {}
    for name in drug_names:
        known = reference.find(name) if reference is not None else None
        resolved = known.name if known is not None else name
        drugs.setdefault(name_key(resolved), resolved)

    notes: list[str] = []
    for gene_key, result in _latest_result_per_gene(results).items():
        for drug_key in drugs:
            guideline = next(
                (g for g in guidelines if name_key(g.gene) == gene_key and g.covers(drug_key)),
                None,
            )
            if guideline is not None:
                drug = next(d for d in guideline.drugs if name_key(d) == drug_key)
                notes.append(_note(guideline, drug, result))
    return notes


def _note(guideline: GeneDrugGuideline, drug: str, result: PgxResult) -> str:
    if result.phenotype is not None:
        label = result.phenotype.label
        detail = f"{label[0].lower()}{label[1:]}"
    else:
        detail = result.genotype.strip()
    values = {
        "organisation": guideline.organisation,
        "year": guideline.year,
        "gene": guideline.gene,
        "drug": drug,
        "detail": detail,
    }
    if detail:
        #: {detail} is the person's test result, e.g. "poor metaboliser" or "*1/*4"
        text = translate(
            "PharmacogenomicNotes",
            "A published guideline ({organisation}, {year}) covers {gene} and {drug}. You may "
            "want to discuss your {gene} result ({detail}) with your clinician.",
        )
    else:
        text = translate(
            "PharmacogenomicNotes",
            "A published guideline ({organisation}, {year}) covers {gene} and {drug}. You may "
            "want to discuss your {gene} result with your clinician.",
        )
    return text.format(**values)


def _latest_result_per_gene(results: Sequence[PgxResult]) -> dict[str, PgxResult]:
    latest: dict[str, PgxResult] = {}
    for result in results:
        key = name_key(result.gene)
        if not key:
            continue
        current = latest.get(key)
        if current is None or _tested(result) > _tested(current):
            latest[key] = result
    return latest


def _tested(result: PgxResult) -> date:
    return result.tested_on or date.min


def _guideline(entry: object, number: int) -> GeneDrugGuideline:
    where = f"gene-drug guidelines, entry #{number}"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: must be a JSON object")
    missing = [name for name in _FIELDS if name not in entry]
    if missing:
        raise ValueError(f"{where}: missing field(s) {', '.join(map(repr, missing))}")
    for name in ("gene", "guideline", "organisation", "status"):
        if not isinstance(entry[name], str) or not entry[name].strip():
            raise ValueError(f"{where}: {name!r} must be a non-empty string")
    drugs = entry["drugs"]
    if (
        not isinstance(drugs, list)
        or not drugs
        or not all(isinstance(drug, str) and drug.strip() for drug in drugs)
    ):
        raise ValueError(f"{where}: 'drugs' must be a non-empty list of drug names")
    year = entry["year"]
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"{where}: 'year' must be a whole number")
    return GeneDrugGuideline(
        gene=entry["gene"].strip(),
        drugs=tuple(drug.strip() for drug in drugs),
        guideline=entry["guideline"],
        organisation=entry["organisation"],
        year=year,
        status=entry["status"],
    )
