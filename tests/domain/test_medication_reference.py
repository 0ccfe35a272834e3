"""Tests for moodlog/domain/medication_reference.py and resources/medication_reference.json."""

import json
from typing import Any

import pytest

from moodlog.domain.medication_reference import (
    MedicationReference,
    ReferenceDrug,
    ReferenceStatus,
    load_medication_reference,
    parse_medication_reference,
)
from moodlog.domain.medications import MedicationRole
from moodlog.resource_files import resource_path

# Every row of clinical-reference §5.3 and §5.4, by the name the shipped file gives it.
ANTIDEPRESSANTS = [
    "Fluoxetine",
    "Sertraline",
    "Paroxetine",
    "Citalopram",
    "Escitalopram",
    "Fluvoxamine",
    "Venlafaxine",
    "Desvenlafaxine",
    "Duloxetine",
    "Levomilnacipran",
    "Bupropion",
    "Mirtazapine",
    "Vortioxetine",
    "Vilazodone",
    "Trazodone",
    "Nefazodone",
    "Amitriptyline",
    "Nortriptyline",
    "Imipramine",
    "Desipramine",
    "Clomipramine",
    "Doxepin",
    "Phenelzine",
    "Tranylcypromine",
    "Isocarboxazid",
    "Selegiline transdermal",
]
AUGMENTATION = [
    "Lithium",
    "Liothyronine (T3)",
    "Aripiprazole",
    "Brexpiprazole",
    "Quetiapine XR",
    "Cariprazine",
    "Olanzapine–fluoxetine",
]


@pytest.fixture(scope="module")
def reference() -> MedicationReference:
    return load_medication_reference()


def shipped_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("medication_reference.json").read_text(encoding="utf-8")
    )
    return data


def drug(reference: MedicationReference, name: str) -> ReferenceDrug:
    found = reference.find(name)
    assert found is not None, name
    return found


def test_the_shipped_file_holds_exactly_the_reference_rows(reference: MedicationReference) -> None:
    assert [d.name for d in reference.drugs] == ANTIDEPRESSANTS + AUGMENTATION
    assert reference.names() == sorted(ANTIDEPRESSANTS + AUGMENTATION, key=str.casefold)
    assert reference.editable_default is True
    assert "not ATRQ/ATHF thresholds" in reference.caution
    assert "§12 item 16" in reference.caution


def test_loading_is_cached() -> None:
    assert load_medication_reference() is load_medication_reference()


def test_roles_follow_the_reference_sections(reference: MedicationReference) -> None:
    for name in ANTIDEPRESSANTS:
        assert drug(reference, name).role is MedicationRole.ANTIDEPRESSANT, name
    for name in AUGMENTATION:
        assert drug(reference, name).role is MedicationRole.AUGMENTATION, name


def test_every_entry_has_class_role_status_and_source(reference: MedicationReference) -> None:
    for entry in reference.drugs:
        assert entry.drug_class.strip(), entry.name
        assert entry.role in (MedicationRole.ANTIDEPRESSANT, MedicationRole.AUGMENTATION)
        assert isinstance(entry.status, ReferenceStatus), entry.name
        assert entry.source.startswith("clinical-reference §5."), entry.name
        assert entry.unit in ("mg", "mg/24 h", "µg"), entry.name


def test_ranges_are_ordered_and_minimums_lie_within_them(reference: MedicationReference) -> None:
    for entry in reference.drugs:
        low, high, minimum = entry.usual_range_low, entry.usual_range_high, entry.adequate_min
        if low is not None and high is not None:
            assert low <= high, entry.name
        if minimum is not None:
            assert low is not None, entry.name
            assert high is not None, entry.name
            assert low <= minimum <= high, entry.name


@pytest.mark.parametrize(
    ("name", "drug_class", "start", "low", "high", "minimum"),
    [
        ("Sertraline", "SSRI", 50, 50, 200, 50),
        ("Fluoxetine", "SSRI", 20, 20, 60, 20),
        ("Escitalopram", "SSRI", 10, 10, 20, 10),
        ("Venlafaxine", "SNRI", 37.5, 75, 375, 75),
        ("Duloxetine", "SNRI", 30, 60, 60, 60),
        ("Bupropion", "NDRI", 150, 300, 450, 300),
        ("Mirtazapine", "NaSSA", 15, 15, 45, 15),
        ("Vortioxetine", "Multimodal", 10, 5, 20, 10),
        ("Vilazodone", "SPARI", 10, 20, 40, 20),
        ("Trazodone", "Serotonin modulator", 100, 200, 400, 200),
        ("Nefazodone", "Serotonin modulator", 200, 300, 600, 300),
        ("Amitriptyline", "TCA", 25, 150, 300, 150),
        ("Nortriptyline", "TCA", 25, 50, 150, 50),
        ("Clomipramine", "TCA", 25, 100, 250, 100),
        ("Doxepin", "TCA", 25, 100, 300, 100),
        ("Tranylcypromine", "MAOI", 10, 30, 60, 30),
        ("Phenelzine", "MAOI", 15, 15, 90, None),
        ("Isocarboxazid", "MAOI", 10, 10, 40, None),
    ],
)
def test_spot_checks_against_the_reference_table(
    reference: MedicationReference,
    name: str,
    drug_class: str,
    start: float,
    low: float,
    high: float,
    minimum: float | None,
) -> None:
    entry = drug(reference, name)
    assert entry.drug_class == drug_class
    assert (entry.usual_start, entry.usual_range_low, entry.usual_range_high) == (start, low, high)
    assert entry.adequate_min == minimum
    assert entry.unit == "mg"


def test_phenelzine_and_isocarboxazid_are_only_partly_verified(
    reference: MedicationReference,
) -> None:
    assert drug(reference, "Phenelzine").status is ReferenceStatus.PARTLY_VERIFIED
    assert drug(reference, "Isocarboxazid").status is ReferenceStatus.PARTLY_VERIFIED
    assert drug(reference, "Sertraline").status is ReferenceStatus.VERIFIED


def test_selegiline_is_dosed_per_24_hours(reference: MedicationReference) -> None:
    entry = drug(reference, "Selegiline transdermal")
    assert entry.unit == "mg/24 h"
    assert (entry.usual_start, entry.usual_range_low, entry.usual_range_high) == (6, 6, 12)
    assert entry.adequate_min == 6


def test_doxepin_note_warns_about_the_hypnotic_product(reference: MedicationReference) -> None:
    assert "not an antidepressant dose" in drug(reference, "Doxepin").note


def test_augmentation_agents_have_no_adequacy_minimum(reference: MedicationReference) -> None:
    for name in AUGMENTATION:
        assert drug(reference, name).adequate_min is None, name
    t3 = drug(reference, "T3")
    assert t3.name == "Liothyronine (T3)"
    assert t3.unit == "µg"
    assert t3.drug_class == "Thyroid hormone"
    assert drug(reference, "Lithium").drug_class == "Lithium"
    assert drug(reference, "Olanzapine–fluoxetine").drug_class == (
        "Antipsychotic + SSRI combination"
    )
    aripiprazole = drug(reference, "Aripiprazole")
    assert aripiprazole.drug_class == "Atypical antipsychotic"
    assert (aripiprazole.usual_range_low, aripiprazole.usual_range_high) == (5, 10)


def test_augmentation_agents_without_doses_in_the_reference_have_none(
    reference: MedicationReference,
) -> None:
    for name in ("Lithium", "Liothyronine (T3)", "Cariprazine", "Olanzapine–fluoxetine"):
        entry = drug(reference, name)
        assert (entry.usual_start, entry.usual_range_low, entry.usual_range_high) == (
            None,
            None,
            None,
        ), name


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Sertraline", "Sertraline"),
        ("sertraline", "Sertraline"),
        ("  SERTRALINE \t", "Sertraline"),
        ("zoloft", "Sertraline"),
        (" Prozac ", "Fluoxetine"),
        ("liothyronine", "Liothyronine (T3)"),
        ("t3", "Liothyronine (T3)"),
        ("olanzapine-fluoxetine", "Olanzapine–fluoxetine"),
        ("selegiline   TRANSDERMAL", "Selegiline transdermal"),
    ],
)
def test_find_by_name_alias_case_and_spaces(
    reference: MedicationReference, typed: str, expected: str
) -> None:
    assert drug(reference, typed).name == expected


@pytest.mark.parametrize("typed", ["", "   ", "aspirin", "sertraline 50 mg"])
def test_find_returns_none_for_unknown_names(reference: MedicationReference, typed: str) -> None:
    assert reference.find(typed) is None


def test_names_can_include_aliases(reference: MedicationReference) -> None:
    names = reference.names(include_aliases=True)
    assert "Zoloft" in names
    assert "Sertraline" in names
    assert "Zoloft" not in reference.names()


# --- malformed data ------------------------------------------------------------------------


def test_invalid_json_is_rejected_clearly() -> None:
    with pytest.raises(ValueError, match="medication reference is not valid JSON"):
        parse_medication_reference('{"drugs": [')


def test_a_top_level_list_is_rejected() -> None:
    with pytest.raises(ValueError, match="top level must be a JSON object"):
        parse_medication_reference("[]")


def test_a_missing_caution_is_rejected() -> None:
    data = shipped_data()
    del data["caution"]
    with pytest.raises(ValueError, match="'caution' must be a non-empty string"):
        parse_medication_reference(json.dumps(data))


def test_an_empty_drug_list_is_rejected() -> None:
    data = shipped_data()
    data["drugs"] = []
    with pytest.raises(ValueError, match="'drugs' must be a non-empty list"):
        parse_medication_reference(json.dumps(data))


@pytest.mark.parametrize("missing", ["drug_class", "role", "status", "source", "adequate_min"])
def test_a_missing_field_is_named(missing: str) -> None:
    data = shipped_data()
    del data["drugs"][1][missing]
    with pytest.raises(
        ValueError, match=rf"drug #2 \('Sertraline'\): missing field\(s\) '{missing}'"
    ):
        parse_medication_reference(json.dumps(data))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("usual_start", "fifty", "'usual_start' must be a non-negative number or null"),
        ("adequate_min", -5, "'adequate_min' must be a non-negative number or null"),
        ("usual_range_low", True, "'usual_range_low' must be a non-negative number or null"),
        ("usual_range_low", 300, "'usual_range_low' is above 'usual_range_high'"),
        ("role", "other", "'role' must be one of 'antidepressant', 'augmentation'"),
        ("status", "checked", "'status' must be one of 'verified', 'partly verified'"),
        ("aliases", "Zoloft", "'aliases' must be a list of non-empty strings"),
        ("name", "", "'name' must be a non-empty string"),
        ("source", None, "'source' must be a non-empty string"),
        ("note", 3, "'note' must be a string"),
    ],
)
def test_a_bad_field_is_named(field: str, value: object, message: str) -> None:
    data = shipped_data()
    data["drugs"][1][field] = value
    with pytest.raises(ValueError, match=rf"drug #2\b.*{message}"):
        parse_medication_reference(json.dumps(data))


def test_an_unknown_field_is_rejected() -> None:
    data = shipped_data()
    data["drugs"][0]["max_dose"] = 80
    with pytest.raises(ValueError, match="unknown field"):
        parse_medication_reference(json.dumps(data))


def test_a_name_used_twice_is_rejected() -> None:
    data = shipped_data()
    data["drugs"][0]["aliases"] = ["Prozac", "zoloft"]
    with pytest.raises(
        ValueError, match="name 'Zoloft' is used by both 'Fluoxetine' and 'Sertraline'"
    ):
        parse_medication_reference(json.dumps(data))
