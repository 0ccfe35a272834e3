"""Outcomes of a course measured by questionnaire totals: baseline selection, response,
remission, meaningful change, sustained remission and relapse (clinical-reference.md §4)."""

from datetime import date, timedelta

from moodlog.domain.course_outcome import (
    BASELINE_WINDOW_DAYS,
    END_GRACE_DAYS,
    CourseOutcome,
    OutcomeStatus,
    course_outcome,
    course_outcomes,
    primary_outcome,
)
from moodlog.domain.instruments import Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source

START = date(2026, 9, 1)
TODAY = date(2026, 11, 21)


def score(day: date, total: int, instrument: Instrument = Instrument.PHQ9) -> QuestionnaireResult:
    return QuestionnaireResult(instrument, day, entered_total=total, source=Source.CLINICIAN)


def answered(day: date, *answers: int | None) -> QuestionnaireResult:
    return QuestionnaireResult(Instrument.PHQ9, day, answers=tuple(answers))


def days(n: int) -> date:
    return START + timedelta(days=n)


def outcome(*scores: QuestionnaireResult, ended: date | None = None) -> CourseOutcome:
    return course_outcome(scores, Instrument.PHQ9, START, ended, TODAY)


def test_no_score_at_all_means_no_baseline() -> None:
    result = outcome()
    assert result.status is OutcomeStatus.NO_BASELINE
    assert result.baseline is None
    assert result.response is None
    assert result.remission is None
    assert "no baseline" in result.headline


def test_scores_only_after_the_start_give_no_baseline() -> None:
    result = outcome(score(days(14), 12), score(days(28), 6))
    assert result.status is OutcomeStatus.NO_BASELINE
    assert result.change is None


def test_baseline_is_the_last_score_before_the_start() -> None:
    result = outcome(score(days(-20), 22), score(days(-3), 18), score(days(14), 12))
    assert result.baseline is not None
    assert result.baseline.taken_on == days(-3)
    assert result.baseline.total == 18


def test_a_score_on_the_first_day_is_the_baseline() -> None:
    result = outcome(score(days(-10), 20), score(days(0), 16), score(days(14), 12))
    assert result.baseline is not None
    assert result.baseline.taken_on == START
    assert [s.taken_on for s in result.follow_up] == [days(14)]


def test_baseline_at_the_edge_of_the_window_counts_and_one_day_older_does_not() -> None:
    inside = outcome(score(days(-BASELINE_WINDOW_DAYS), 18), score(days(14), 9))
    assert inside.status is OutcomeStatus.MEASURED
    too_old = outcome(score(days(-BASELINE_WINDOW_DAYS - 1), 18), score(days(14), 9))
    assert too_old.status is OutcomeStatus.BASELINE_TOO_OLD
    assert too_old.baseline is None
    assert too_old.stale_baseline is not None
    assert too_old.response is None
    assert "too old" in too_old.headline


def test_a_single_score_gives_a_baseline_and_no_follow_up() -> None:
    result = outcome(score(days(-2), 17))
    assert result.status is OutcomeStatus.NO_FOLLOW_UP
    assert result.latest is None
    assert result.change is None
    assert result.remission is None
    assert result.findings == ()
    assert "no later score yet" in result.headline


def test_response_is_a_drop_of_at_least_half() -> None:
    exactly_half = outcome(score(days(-1), 18), score(days(28), 9))
    assert exactly_half.change == -9
    assert exactly_half.change_fraction == -0.5
    assert exactly_half.response is True
    just_under = outcome(score(days(-1), 18), score(days(28), 10))
    assert just_under.response is False


def test_remission_is_under_five() -> None:
    assert outcome(score(days(-1), 18), score(days(28), 4)).remission is True
    assert outcome(score(days(-1), 18), score(days(28), 5)).remission is False


def test_meaningful_change_is_five_points_either_way() -> None:
    assert outcome(score(days(-1), 12), score(days(28), 7)).meaningful_change is True
    assert outcome(score(days(-1), 12), score(days(28), 8)).meaningful_change is False
    worse = outcome(score(days(-1), 8), score(days(28), 14))
    assert worse.meaningful_change is True
    assert "worse by 5 points or more" in worse.findings


def test_latest_is_the_last_follow_up_and_the_headline_says_so() -> None:
    result = outcome(score(days(-1), 18), score(days(14), 12), score(days(42), 7))
    assert result.latest is not None
    assert result.latest.total == 7
    assert result.headline == "PHQ-9 18 → 7 (−11 points, −61 %)"
    assert "response (a drop of 50 % or more)" in result.findings
    assert "not in remission at the latest score" in result.findings
    assert "improved by 5 points or more" in result.findings


def test_baseline_of_zero_has_no_percentage_or_response() -> None:
    result = outcome(score(days(-1), 0), score(days(14), 3))
    assert result.change == 3
    assert result.change_fraction is None
    assert result.response is None
    assert result.headline == "PHQ-9 0 → 3 (+3 points)"


def test_sustained_remission_needs_two_remitted_scores_in_a_row() -> None:
    once = outcome(score(days(-1), 18), score(days(28), 4), score(days(42), 8), score(days(56), 3))
    assert once.sustained_remission is False
    twice = outcome(score(days(-1), 18), score(days(28), 4), score(days(42), 3))
    assert twice.sustained_remission is True


def test_relapse_is_a_return_to_ten_or_more_after_remission() -> None:
    relapsed = outcome(score(days(-1), 18), score(days(28), 4), score(days(56), 11))
    assert relapsed.relapse is not None
    assert relapsed.relapse.taken_on == days(56)
    assert any(word.startswith("relapse on") for word in relapsed.findings)
    # Above remission but under 10 is not a relapse.
    assert outcome(score(days(-1), 18), score(days(28), 4), score(days(56), 9)).relapse is None
    # 10 or more without a remission before it is not a relapse either.
    assert outcome(score(days(-1), 18), score(days(28), 12), score(days(56), 14)).relapse is None


def test_qids_relapse_uses_the_star_d_threshold() -> None:
    qids = Instrument.QIDS_SR16
    scores = [score(days(-1), 16, qids), score(days(28), 5, qids), score(days(56), 11, qids)]
    result = course_outcome(scores, qids, START, None, TODAY)
    assert result.remission is False  # latest is 11
    assert result.relapse is not None


def test_incomplete_questionnaires_are_never_used() -> None:
    incomplete = answered(days(-1), 3, 3, 3, 3, 3, 3, 3, 3, None)
    result = outcome(incomplete, score(days(28), 4))
    assert result.status is OutcomeStatus.NO_BASELINE


def test_follow_up_stops_two_weeks_after_the_end() -> None:
    end = days(30)
    result = outcome(
        score(days(-1), 18),
        score(end + timedelta(days=END_GRACE_DAYS), 8),
        score(end + timedelta(days=END_GRACE_DAYS + 1), 2),
        ended=end,
    )
    assert result.latest is not None
    assert result.latest.total == 8


def test_other_scales_do_not_mix_in() -> None:
    result = outcome(score(days(-1), 18), score(days(28), 2, Instrument.GAD7))
    assert result.status is OutcomeStatus.NO_FOLLOW_UP


def test_course_outcomes_lists_phq9_first_and_other_scales_with_data() -> None:
    scores = [score(days(-1), 30, Instrument.MADRS), score(days(30), 9, Instrument.MADRS)]
    outcomes = course_outcomes(scores, START, None, TODAY)
    assert [o.instrument for o in outcomes] == [Instrument.PHQ9, Instrument.MADRS]
    primary = primary_outcome(outcomes)
    assert primary is not None
    assert primary.instrument is Instrument.MADRS
    assert primary.remission is True  # 9 <= 10
    assert primary.meaningful_change is None  # no 5-point rule for the MADRS


def test_follow_up_stops_when_another_treatment_begins() -> None:
    from moodlog.domain.course_outcome import next_treatment_after

    scores = (score(days(-1), 18), score(days(42), 14), score(days(70), 3))
    cut_off = next_treatment_after(START, [("Aripiprazole", days(56)), ("Earlier", days(-30))])
    assert cut_off == ("Aripiprazole", days(56))
    result = course_outcome(scores, Instrument.PHQ9, START, None, TODAY, cut_off)
    assert result.latest is not None
    assert result.latest.total == 14  # the 3 came after aripiprazole was added
    assert result.remission is False
    assert result.text.endswith("(scores after Aripiprazole began on 27 Oct 2026 not counted)")
    # A score on the day the next treatment began still counts (it looks back two weeks).
    same_day = course_outcome(
        (score(days(-1), 18), score(days(56), 6)), Instrument.PHQ9, START, None, TODAY, cut_off
    )
    assert same_day.latest is not None
    assert same_day.latest.taken_on == days(56)
    # Nothing begun before the end: nothing is cut, and nothing is said.
    ended = course_outcome(scores, Instrument.PHQ9, START, days(30), TODAY, cut_off)
    assert ended.cut_off is None
    assert "not counted" not in ended.text
