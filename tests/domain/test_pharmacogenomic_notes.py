"""Tests for moodlog/domain/pharmacogenomic_notes.py and
resources/pharmacogenomic_guidelines.json."""

import json
import re
from datetime import date

import pytest

from moodlog.domain.medication_reference import load_medication_reference
from moodlog.domain.pharmacogenetics import PgxResult, Phenotype
from moodlog.domain.pharmacogenomic_notes import (
    GeneDrugGuideline,
    guideline_notes,
    load_gene_drug_guidelines,
    parse_gene_drug_guidelines,
)

SSRI_2023 = GeneDrugGuideline(
    gene="CYP2D6",
    drugs=("paroxetine", "fluvoxamine"),
    guideline="SSRI guideline",
    organisation="CPIC",
    year=2023,
    status="unverified",
)
CYP2C19_2023 = GeneDrugGuideline(
    gene="CYP2C19",
    drugs=("citalopram", "escitalopram", "sertraline"),
    guideline="SSRI guideline",
    organisation="CPIC",
    year=2023,
    status="unverified",
)
GUIDELINES = (SSRI_2023, CYP2C19_2023)

# Words that would turn a note into advice or alarm.
NOT_NEUTRAL = re.compile(
    r"\b(dose|dosing|should|must|avoid|stop|increase|decrease|reduce|switch|risk|danger)",
    re.IGNORECASE,
)


def poor(gene: str = "CYP2D6") -> PgxResult:
    return PgxResult(gene=gene, phenotype=Phenotype.POOR)


def test_a_note_for_a_matching_gene_and_drug() -> None:
    notes = guideline_notes([poor()], ["Paroxetine"], GUIDELINES)
    assert notes == [
        "A published guideline (CPIC, 2023) covers CYP2D6 and paroxetine. You may want to "
        "discuss your CYP2D6 result (poor metaboliser) with your clinician."
    ]


def test_names_and_genes_match_regardless_of_case_and_spaces() -> None:
    result = PgxResult(gene=" cyp2d6 ", phenotype=Phenotype.INTERMEDIATE)
    notes = guideline_notes([result], ["  PAROXETINE "], GUIDELINES)
    assert len(notes) == 1
    assert "CYP2D6 and paroxetine" in notes[0]
    assert "(intermediate metaboliser)" in notes[0]


def test_no_note_for_a_drug_without_a_guideline() -> None:
    assert guideline_notes([poor()], ["Mirtazapine", "Lithium"], GUIDELINES) == []


def test_no_note_for_a_gene_the_drug_is_not_listed_under() -> None:
    assert guideline_notes([poor("CYP2D6")], ["Sertraline"], GUIDELINES) == []
    assert guideline_notes([poor("CYP3A4")], ["Paroxetine"], GUIDELINES) == []


def test_no_results_or_no_drugs_give_no_notes() -> None:
    assert guideline_notes([], ["Paroxetine"], GUIDELINES) == []
    assert guideline_notes([poor()], [], GUIDELINES) == []


def test_one_note_per_gene_and_drug() -> None:
    older = PgxResult(gene="CYP2D6", phenotype=Phenotype.NORMAL, tested_on=date(2020, 1, 1))
    newer = PgxResult(gene="CYP2D6", phenotype=Phenotype.POOR, tested_on=date(2024, 1, 1))
    notes = guideline_notes([newer, older], ["Paroxetine", "paroxetine"], (SSRI_2023, SSRI_2023))
    assert len(notes) == 1
    assert "(poor metaboliser)" in notes[0]  # the most recent result


def test_several_genes_and_drugs_each_get_their_note() -> None:
    notes = guideline_notes(
        [poor("CYP2D6"), poor("CYP2C19")], ["Sertraline", "Fluvoxamine"], GUIDELINES
    )
    assert sorted(notes) == sorted(
        [
            "A published guideline (CPIC, 2023) covers CYP2D6 and fluvoxamine. You may want to "
            "discuss your CYP2D6 result (poor metaboliser) with your clinician.",
            "A published guideline (CPIC, 2023) covers CYP2C19 and sertraline. You may want to "
            "discuss your CYP2C19 result (poor metaboliser) with your clinician.",
        ]
    )


def test_a_result_without_a_phenotype_is_described_by_its_genotype_or_not_at_all() -> None:
    with_genotype = guideline_notes(
        [PgxResult(gene="CYP2D6", genotype="*4/*4")], ["Paroxetine"], GUIDELINES
    )
    assert "your CYP2D6 result (*4/*4) with" in with_genotype[0]
    bare = guideline_notes([PgxResult(gene="CYP2D6")], ["Paroxetine"], GUIDELINES)
    assert "your CYP2D6 result with" in bare[0]
    indeterminate = guideline_notes(
        [PgxResult(gene="CYP2D6", phenotype=Phenotype.INDETERMINATE)], ["Paroxetine"], GUIDELINES
    )
    assert "(indeterminate)" in indeterminate[0]


def test_brand_names_resolve_through_the_medication_reference() -> None:
    reference = load_medication_reference()
    assert guideline_notes([poor()], ["Paxil"], GUIDELINES) == []
    notes = guideline_notes([poor()], ["Paxil"], GUIDELINES, reference=reference)
    assert len(notes) == 1
    assert "CYP2D6 and paroxetine" in notes[0]


@pytest.mark.parametrize("phenotype", [*Phenotype, None])
def test_every_note_is_neutral(phenotype: Phenotype | None) -> None:
    results = [
        PgxResult(gene=gene, phenotype=phenotype, genotype="*1/*2")
        for gene in ("CYP2D6", "CYP2C19", "CYP2B6")
    ]
    drugs = [d.name for d in load_medication_reference().drugs]
    notes = guideline_notes(results, drugs, load_gene_drug_guidelines())
    assert notes
    for note in notes:
        assert NOT_NEUTRAL.search(note) is None, note
        assert "clinician" in note


# --- the shipped guideline list ------------------------------------------------------------


def test_the_shipped_list_covers_the_expected_pairs() -> None:
    pairs = {(g.gene, drug) for g in load_gene_drug_guidelines() for drug in g.drugs}
    assert {
        ("CYP2D6", "paroxetine"),
        ("CYP2D6", "fluvoxamine"),
        ("CYP2D6", "vortioxetine"),
        ("CYP2C19", "citalopram"),
        ("CYP2C19", "escitalopram"),
        ("CYP2C19", "sertraline"),
        ("CYP2B6", "sertraline"),
        ("CYP2D6", "nortriptyline"),
        ("CYP2D6", "desipramine"),
        ("CYP2C19", "amitriptyline"),
    } <= pairs
    assert ("CYP2C19", "nortriptyline") not in pairs


def test_every_shipped_guideline_is_marked_unverified_and_names_known_drugs() -> None:
    reference = load_medication_reference()
    guidelines = load_gene_drug_guidelines()
    assert guidelines
    assert load_gene_drug_guidelines() is guidelines  # cached
    for guideline in guidelines:
        assert guideline.status.startswith("unverified"), guideline
        assert "cpicpgx.org" in guideline.status
        assert guideline.organisation == "CPIC"
        assert guideline.year in (2016, 2023)
        for drug in guideline.drugs:
            found = reference.find(drug)
            assert found is not None, drug
            assert found.role == "antidepressant", drug


def test_invalid_json_is_rejected_clearly() -> None:
    with pytest.raises(ValueError, match="gene-drug guidelines are not valid JSON"):
        parse_gene_drug_guidelines("{")


def test_the_wrong_shape_is_rejected_clearly() -> None:
    with pytest.raises(ValueError, match="expected an object with a 'guidelines' list"):
        parse_gene_drug_guidelines('{"drugs": []}')


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"gene": ""}, "entry #1: 'gene' must be a non-empty string"),
        ({"drugs": []}, "entry #1: 'drugs' must be a non-empty list of drug names"),
        ({"year": "2023"}, "entry #1: 'year' must be a whole number"),
        ({"status": None}, "entry #1: 'status' must be a non-empty string"),
    ],
)
def test_a_bad_field_is_named(change: dict[str, object], message: str) -> None:
    entry: dict[str, object] = {
        "gene": "CYP2D6",
        "drugs": ["paroxetine"],
        "guideline": "SSRI guideline",
        "organisation": "CPIC",
        "year": 2023,
        "status": "unverified",
    }
    assert parse_gene_drug_guidelines(json.dumps({"guidelines": [entry]}))[0].drugs == (
        "paroxetine",
    )
    entry.update(change)
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_gene_drug_guidelines(json.dumps({"guidelines": [entry]}))


def test_a_missing_field_is_named() -> None:
    text = json.dumps({"guidelines": [{"gene": "CYP2D6", "drugs": ["paroxetine"]}]})
    with pytest.raises(ValueError, match="entry #1: missing field"):
        parse_gene_drug_guidelines(text)
