"""PHQ-9 and GAD-7 wording, scoring and bands, and the totals entered from elsewhere
(clinical-reference.md §1-§4)."""

from datetime import date

import pytest

from moodlog.domain import questionnaire_texts as texts
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.instruments import INSTRUMENTS, Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source, validate_result

TODAY = date(2026, 11, 21)


def phq9(*answers: int | None) -> QuestionnaireResult:
    return QuestionnaireResult(Instrument.PHQ9, TODAY, answers=tuple(answers))


def gad7(*answers: int | None) -> QuestionnaireResult:
    return QuestionnaireResult(Instrument.GAD7, TODAY, answers=tuple(answers))


# -- wording ----------------------------------------------------------------------------------


def test_answer_options_are_the_published_ones() -> None:
    assert texts.ANSWER_OPTIONS == (
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    )


def test_gad7_zero_answer_is_not_at_all_not_the_known_misprint() -> None:
    # Zorowitz et al. 2021: many publications misprinted "Not at all sure" (§2.4).
    gad = INSTRUMENTS[Instrument.GAD7]
    assert gad.items == texts.GAD7_ITEMS
    assert texts.ANSWER_OPTIONS[0] == "Not at all"
    assert all("sure" not in option for option in texts.ANSWER_OPTIONS)


def test_phq9_items_and_codes_line_up() -> None:
    phq = INSTRUMENTS[Instrument.PHQ9]
    assert len(phq.items) == len(phq.item_loinc) == 9
    assert phq.items[0] == "Little interest or pleasure in doing things"
    assert phq.item_loinc[0] == "44250-9"
    assert phq.items[8].startswith("Thoughts that you would be better off dead")
    assert phq.item_loinc[8] == "44260-8"
    assert phq.stem.startswith("Over the last 2 weeks, how often have you been bothered by any")
    assert "how difficult have these problems made it" in phq.difficulty_question


def test_gad7_items_and_codes_line_up() -> None:
    gad = INSTRUMENTS[Instrument.GAD7]
    assert len(gad.items) == len(gad.item_loinc) == 7
    assert gad.items[1] == "Not being able to stop or control worrying"
    assert gad.item_loinc[1] == "68509-9"  # not 69726-8, a discharge-instructions code (§2.3)
    assert "69726-8" not in gad.item_loinc


def test_difficulty_codes_are_not_swapped() -> None:
    # §1.5: Very = LA6575-0, Extremely = LA6574-3.
    very = texts.DIFFICULTY_OPTIONS.index("Very difficult")
    extremely = texts.DIFFICULTY_OPTIONS.index("Extremely difficult")
    assert texts.DIFFICULTY_LOINC[very] == "LA6575-0"
    assert texts.DIFFICULTY_LOINC[extremely] == "LA6574-3"


def test_attribution_names_pfizer_and_the_free_reproduction() -> None:
    assert "Pfizer" in texts.ATTRIBUTION
    assert "No permission required to reproduce" in texts.ATTRIBUTION


def test_scales_from_elsewhere_carry_no_item_texts() -> None:
    for instrument in (Instrument.QIDS_SR16, Instrument.MADRS, Instrument.HAMD17):
        info = INSTRUMENTS[instrument]
        assert info.items == ()
        assert info.stem == ""
        assert not info.asked_in_app


# -- scoring ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "total"),
    [
        ((0, 0, 0, 0, 0, 0, 0, 0, 0), 0),
        ((3, 3, 3, 3, 3, 3, 3, 3, 3), 27),
        ((1, 2, 0, 3, 1, 1, 2, 0, 0), 10),
        ((2, 2, 1, 3, 0, 2, 1, 0, 1), 12),
    ],
)
def test_phq9_total_is_the_sum_of_the_nine_items(answers: tuple[int, ...], total: int) -> None:
    assert phq9(*answers).total == total


def test_gad7_total_is_the_sum_of_the_seven_items() -> None:
    assert gad7(3, 2, 2, 1, 0, 1, 3).total == 12


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "Minimal or none"),
        (4, "Minimal or none"),
        (5, "Mild"),
        (9, "Mild"),
        (10, "Moderate"),
        (14, "Moderate"),
        (15, "Moderately severe"),
        (19, "Moderately severe"),
        (20, "Severe"),
        (27, "Severe"),
    ],
)
def test_phq9_band_boundaries(total: int, band: str) -> None:
    assert INSTRUMENTS[Instrument.PHQ9].band_label(total) == band


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "Minimal"),
        (4, "Minimal"),
        (5, "Mild"),
        (9, "Mild"),
        (10, "Moderate"),
        (14, "Moderate"),
        (15, "Severe"),
        (21, "Severe"),
    ],
)
def test_gad7_band_boundaries(total: int, band: str) -> None:
    assert INSTRUMENTS[Instrument.GAD7].band_label(total) == band


@pytest.mark.parametrize(
    ("total", "band"),
    [(5, "None"), (6, "Mild"), (10, "Mild"), (11, "Moderate"), (21, "Very severe")],
)
def test_qids_band_boundaries(total: int, band: str) -> None:
    assert INSTRUMENTS[Instrument.QIDS_SR16].band_label(total) == band


def test_clinician_scales_have_no_invented_bands() -> None:
    for instrument in (Instrument.MADRS, Instrument.HAMD17):
        info = INSTRUMENTS[instrument]
        assert info.band(12) is None
        assert "doesn't group this scale's totals into severity bands" in info.remission_text


@pytest.mark.parametrize(
    ("instrument", "remitted", "not_remitted"),
    [
        (Instrument.PHQ9, 4, 5),
        (Instrument.QIDS_SR16, 5, 6),
        (Instrument.HAMD17, 7, 8),
        (Instrument.MADRS, 10, 11),
    ],
)
def test_remission_thresholds(instrument: Instrument, remitted: int, not_remitted: int) -> None:
    info = INSTRUMENTS[instrument]
    assert info.is_remission(remitted) is True
    assert info.is_remission(not_remitted) is False


def test_gad7_has_no_remission_rule() -> None:
    assert INSTRUMENTS[Instrument.GAD7].is_remission(2) is None


def test_every_band_table_covers_its_range_without_gaps() -> None:
    for info in INSTRUMENTS.values():
        if not info.bands:
            continue
        covered = [total for band in info.bands for total in range(band.low, band.high + 1)]
        assert covered == list(range(info.max_total + 1)), info.name


# -- missing items ----------------------------------------------------------------------------


def test_a_missing_item_gives_no_total() -> None:
    result = phq9(1, 2, None, 3, 1, 1, 2, 0, 0)
    assert result.total is None
    assert result.band is None
    assert result.missing_items == 1
    assert result.total_text.startswith("No total: 1 question unanswered")


def test_prorated_total_is_offered_only_marked_and_only_for_up_to_two_missing() -> None:
    one_missing = phq9(2, 2, None, 2, 2, 2, 2, 2, 2)
    assert one_missing.prorated_total == 18  # mean 2 x 9 items
    assert "prorated estimate 18" in one_missing.total_text
    three_missing = phq9(2, 2, None, None, None, 2, 2, 2, 2)
    assert three_missing.prorated_total is None
    assert "prorated" not in three_missing.total_text


def test_gad7_is_never_prorated() -> None:
    assert gad7(1, None, 1, 1, 1, 1, 1).prorated_total is None


def test_complete_result_text_shows_total_and_band() -> None:
    assert phq9(1, 2, 0, 3, 1, 1, 2, 0, 0).total_text == "10 of 27 — Moderate"
    assert gad7(0, 0, 1, 0, 0, 0, 0).total_text == "1 of 21 — Minimal"


def test_safety_answer_is_phq9_item_nine_only() -> None:
    assert phq9(0, 0, 0, 0, 0, 0, 0, 0, 2).safety_answer == 2
    assert phq9(0, 0, 0, 0, 0, 0, 0, 0, None).safety_answer is None
    assert gad7(0, 0, 0, 0, 0, 0, 3).safety_answer is None
    total_only = QuestionnaireResult(
        Instrument.PHQ9, TODAY, entered_total=12, source=Source.CLINICIAN
    )
    assert total_only.safety_answer is None
    assert total_only.total == 12


# -- validation -------------------------------------------------------------------------------


def test_valid_results_pass() -> None:
    validate_result(phq9(1, 2, 0, 3, 1, 1, 2, 0, 0), TODAY)
    validate_result(
        QuestionnaireResult(Instrument.MADRS, TODAY, entered_total=22, source=Source.CLINICIAN),
        TODAY,
    )


@pytest.mark.parametrize(
    ("result", "field", "words"),
    [
        (QuestionnaireResult(Instrument.PHQ9, date(2026, 11, 22), (1,) * 9), "date", "future"),
        (phq9(1, 2, 3), "answers", "9 questions"),
        (phq9(*([None] * 9)), "answers", "at least one"),
        (phq9(0, 0, 0, 0, 0, 0, 0, 0, 4), "answers", "0 to 3"),
        (
            QuestionnaireResult(Instrument.QIDS_SR16, TODAY, entered_total=28, source=Source.OTHER),
            "total",
            "between 0 and 27",
        ),
        (QuestionnaireResult(Instrument.MADRS, TODAY, source=Source.CLINICIAN), "total", "total"),
        (
            QuestionnaireResult(Instrument.HAMD17, TODAY, answers=(1,) * 17, source=Source.OTHER),
            "total",
            "Only a total",
        ),
        (QuestionnaireResult(Instrument.MADRS, TODAY, entered_total=9), "source", "came from"),
    ],
)
def test_invalid_results_name_their_field(
    result: QuestionnaireResult, field: str, words: str
) -> None:
    with pytest.raises(InvalidEntry) as raised:
        validate_result(result, TODAY)
    assert raised.value.field == field
    assert words in raised.value.message
