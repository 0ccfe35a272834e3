"""One dated questionnaire result: answers given in the app or copied from a paper form, or a
total typed in from elsewhere (a clinician, a clinic's letter)."""

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from moodlog.domain.day_text import day_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.instruments import SAFETY_ITEM_INDEX, Band, Instrument, InstrumentInfo
from moodlog.domain.translation import translate


class Source(StrEnum):
    ANSWERED_HERE = "answered_here"
    PAPER_FORM = "paper_form"
    CLINICIAN = "clinician"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            #: Where a questionnaire result came from
            Source.ANSWERED_HERE: translate("QuestionnaireResult", "Answered in moodlog"),
            Source.PAPER_FORM: translate("QuestionnaireResult", "From a paper form"),
            Source.CLINICIAN: translate("QuestionnaireResult", "From my clinician or clinic"),
            Source.OTHER: translate("QuestionnaireResult", "Somewhere else"),
        }[self]


@dataclass(frozen=True, slots=True)
class QuestionnaireResult:
    """``answers`` holds one 0-3 score (or ``None`` for unanswered) per item, or is empty
    when only a total was entered (``entered_total``). ``difficulty`` is the unscored
    difficulty question's answer (0-3), if given. ``source_note`` says where a total came
    from in the person's words (e.g. "Dr Lee, TMS clinic")."""

    instrument: Instrument
    taken_on: date
    answers: tuple[int | None, ...] = ()
    entered_total: int | None = None
    difficulty: int | None = None
    source: Source = Source.ANSWERED_HERE
    source_note: str = ""
    note: str = ""
    id: int | None = None

    def with_id(self, new_id: int) -> "QuestionnaireResult":
        return replace(self, id=new_id)

    @property
    def info(self) -> InstrumentInfo:
        return self.instrument.info

    @property
    def has_items(self) -> bool:
        return bool(self.answers)

    @property
    def missing_items(self) -> int:
        return sum(1 for answer in self.answers if answer is None)

    @property
    def total(self) -> int | None:
        """The total, or ``None`` when any item is unanswered: never silently prorated."""
        if not self.answers:
            return self.entered_total
        if self.missing_items:
            return None
        return sum(answer for answer in self.answers if answer is not None)

    @property
    def prorated_total(self) -> int | None:
        """The mean of the answered items times the number of items, rounded, when only a
        few items are missing (§1.6); ``None`` when complete or too many are missing. Show it
        only marked "prorated"; outcomes never use it."""
        missing = self.missing_items
        if not missing or missing > self.info.max_prorated_missing:
            return None
        answered = [answer for answer in self.answers if answer is not None]
        return round(sum(answered) / len(answered) * len(self.answers))

    @property
    def band(self) -> Band | None:
        total = self.total
        return None if total is None else self.info.band(total)

    @property
    def safety_answer(self) -> int | None:
        """PHQ-9 item 9 (thoughts of death or self-harm), when it was answered."""
        if self.instrument is not Instrument.PHQ9 or len(self.answers) <= SAFETY_ITEM_INDEX:
            return None
        return self.answers[SAFETY_ITEM_INDEX]

    @property
    def total_text(self) -> str:
        """ "14 of 27 — Moderate", "No total: 2 questions unanswered (prorated 13)"."""
        info = self.info
        total = self.total
        if total is not None:
            band = info.band(total)
            if band is None:
                #: A questionnaire total, e.g. "14 of 27"
                return translate("QuestionnaireResult", "{total} of {maximum}").format(
                    total=total, maximum=info.max_total
                )
            #: A questionnaire total and its severity band, e.g. "14 of 27 — Moderate"
            return translate("QuestionnaireResult", "{total} of {maximum} — {band}").format(
                total=total, maximum=info.max_total, band=band.label
            )
        missing = self.missing_items
        prorated = self.prorated_total
        if missing == 1:
            if prorated is None:
                return translate("QuestionnaireResult", "No total: 1 question unanswered")
            return translate(
                "QuestionnaireResult",
                "No total: 1 question unanswered (prorated estimate {prorated}, for reference "
                "only)",
            ).format(prorated=prorated)
        if prorated is None:
            return translate(
                "QuestionnaireResult", "No total: {count} questions unanswered"
            ).format(count=missing)
        return translate(
            "QuestionnaireResult",
            "No total: {count} questions unanswered (prorated estimate {prorated}, for "
            "reference only)",
        ).format(count=missing, prorated=prorated)

    @property
    def summary(self) -> str:
        #: e.g. "PHQ-9 on 3 Mar 2026: 14 of 27 — Moderate"
        return translate("QuestionnaireResult", "{name} on {day}: {total}").format(
            name=self.info.name, day=day_text(self.taken_on), total=self.total_text
        )


def validate_result(result: QuestionnaireResult, today: date) -> None:
    """Raise :class:`InvalidEntry` (naming the field) if ``result`` cannot be saved."""
    info = result.info
    if result.taken_on > today:
        raise InvalidEntry(
            translate(
                "QuestionnaireResult", "The date is in the future; pick today or an earlier day."
            ),
            "date",
        )
    if result.answers:
        if not info.asked_in_app:
            raise InvalidEntry(
                translate(
                    "QuestionnaireResult", "Only a total can be entered for the {name}."
                ).format(name=info.name),
                "total",
            )
        if len(result.answers) != len(info.source_items):
            raise InvalidEntry(
                translate("QuestionnaireResult", "The {name} has {count} questions.").format(
                    name=info.name, count=len(info.source_items)
                ),
                "answers",
            )
        if any(answer is not None and not 0 <= answer <= 3 for answer in result.answers):
            raise InvalidEntry(
                translate("QuestionnaireResult", "Each answer is scored 0 to 3."), "answers"
            )
        if result.missing_items == len(result.answers):
            raise InvalidEntry(
                translate("QuestionnaireResult", "Answer at least one question, or cancel."),
                "answers",
            )
        if result.entered_total is not None:
            raise InvalidEntry(
                translate("QuestionnaireResult", "Enter either the answers or a total, not both."),
                "total",
            )
    elif result.entered_total is None:
        raise InvalidEntry(
            translate("QuestionnaireResult", "Enter the {name} total.").format(name=info.name),
            "total",
        )
    elif not 0 <= result.entered_total <= info.max_total:
        raise InvalidEntry(
            translate(
                "QuestionnaireResult",
                "A {name} total is between 0 and {maximum}; please check the number.",
            ).format(name=info.name, maximum=info.max_total),
            "total",
        )
    if result.difficulty is not None and not 0 <= result.difficulty <= 3:
        raise InvalidEntry(
            translate("QuestionnaireResult", "Pick one of the four difficulty answers."),
            "difficulty",
        )
    if result.source is Source.ANSWERED_HERE and result.entered_total is not None:
        raise InvalidEntry(
            translate("QuestionnaireResult", "Say where this total came from."), "source"
        )
    if len(result.source_note) > 200:
        raise InvalidEntry(
            translate("QuestionnaireResult", "Keep where it came from under 200 characters."),
            "source",
        )
    if len(result.note) > 2000:
        raise InvalidEntry(
            translate("QuestionnaireResult", "Keep the note under 2,000 characters."), "note"
        )
