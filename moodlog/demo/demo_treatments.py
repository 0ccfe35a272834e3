"""The demo diary's treatment history: a seeded, realistic course of treatment-resistant
depression, dated back from ``today`` so the demo always looks current.

Pure: it builds domain objects and never touches storage. The story:

- an earlier episode about 8 years ago, when fluoxetine helped (a past trial, by month);
- the current episode, begun about 34 months ago (severe): sertraline and venlafaxine XR
  (both adequate trials), bupropion XL (stopped after 3 weeks, too short), mirtazapine,
  and a course of CBT; pharmacogenetic tests about 2 years ago;
- escitalopram from about 14 months ago (still taken), aripiprazole added about 10 months
  ago for 12 weeks, zopiclone as needed;
- an iTBS course of 36 sessions begun about 7 months ago, after which things turned, and an
  esketamine induction begun 5 weeks ago, still under way.

Doses stay within the usual ranges and the TMS and esketamine schedules follow the
clinical reference (clinical-reference.md §5.3, §5.4, §9.2, §9.4). The TMS taper schedule
is not known (§12 item 9), so the course says it is the clinic's.

The app stores the history with ``store.treatments`` (sessions get their course's id once
the course is stored: :meth:`DemoTreatmentHistory.stored_sessions`) and writes
:func:`demo_adherence` records on the diary's logged days.
"""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from random import Random

from moodlog.demo.daily_moods import daily_mood_means
from moodlog.domain.adherence import Adherence
from moodlog.domain.calendar_months import add_months
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.episode import Episode, EpisodeSeverity
from moodlog.domain.medications import (
    Benefit,
    DoseStep,
    Medication,
    MedicationRole,
    Schedule,
    StopReason,
)
from moodlog.domain.pharmacogenetics import PgxResult, Phenotype
from moodlog.domain.treatments import (
    TMS_SIDE_EFFECTS,
    BloodPressure,
    CourseKind,
    TreatmentCourse,
    TreatmentSession,
)

TMS_SESSIONS = 36
TMS_DAILY_SESSIONS = 30  # weekdays over 6 weeks (§9.1: 20 to 30 sessions over 4 to 6 weeks)
TMS_TAPER_WEEKDAYS = (0, 3)  # Monday and Thursday, for 3 weeks: the clinic's schedule
ESKETAMINE_INDUCTION_WEEKS = 4  # twice a week (§9.4), then once a week
ESKETAMINE_WEEKDAY_OFFSETS = (0, 3)  # Monday and Thursday, or Tuesday and Friday
# Adherence on a logged day (per scheduled medication): a whole day forgotten is likelier
# on a low day; a single medicine is sometimes taken only in part or missed alone.
DAY_MISSED_WHEN_LOW = 0.11
DAY_MISSED_OTHERWISE = 0.03
ONE_PARTLY = 0.04
ONE_MISSED = 0.015
LOW_MOOD = 3.0  # a day whose mean mood rating is at or below this is a low day

_DAYS_PER_MONTH = 30.44


@dataclass(frozen=True, slots=True)
class DemoSession:
    """A session of the course at ``course`` (an index into ``courses``); its ``course_id``
    is 0 until the course is stored."""

    course: int
    session: TreatmentSession


@dataclass(frozen=True, slots=True)
class SuspectedCause:
    """What the person suspects causes the side effect called ``side_effect``: the
    medication or the course at that index (exactly one of them)."""

    side_effect: str
    medication: int | None = None
    course: int | None = None


@dataclass(frozen=True, slots=True)
class MoodResponse:
    """How treatment moves the demo's hidden mood (points on the 0–10 scale).

    From ``tms_turn`` (the third week of TMS) mood rises by ``tms_lift`` over about two and
    a half weeks, holds until ``tms_fade_from``, then fades towards ``tms_kept`` of the lift
    (half the way every ``fade_half_life_days``). From ``esketamine_start`` it rises by
    ``esketamine_lift`` over about ten days.

    Before TMS things had got worse (which is why TMS was tried): from five weeks before the
    turn, mood sinks by ``low_before_tms`` over two weeks, and that low lifts as TMS works.
    """

    tms_turn: date
    tms_lift: float
    tms_fade_from: date
    tms_kept: float
    fade_half_life_days: float
    esketamine_start: date
    esketamine_lift: float
    low_before_tms: float = 0.0

    def shift(self, day: date) -> float:
        """The change to the mood of ``day``: 0 until the low before TMS."""
        since_turn = (day - self.tms_turn).days
        low = self.low_before_tms * _ramp((since_turn + 35) / 14) * (1 - _ramp(since_turn / 18))
        tms = self.tms_lift * _ramp(since_turn / 18)
        fading = (day - self.tms_fade_from).days
        if fading > 0:
            left = 0.5 ** (fading / self.fade_half_life_days)
            tms *= self.tms_kept + (1 - self.tms_kept) * left
        esketamine = self.esketamine_lift * _ramp((day - self.esketamine_start).days / 10)
        return tms + esketamine - low


def _ramp(x: float) -> float:
    """0 up to 0, 1 from 1, smooth in between."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    return x * x * (3 - 2 * x)


@dataclass(frozen=True, slots=True)
class DemoTreatmentHistory:
    medications: tuple[Medication, ...]  # oldest start first
    courses: tuple[TreatmentCourse, ...]  # oldest start first
    sessions: tuple[DemoSession, ...]  # in time order
    episode: Episode
    pgx: tuple[PgxResult, ...]
    causes: tuple[SuspectedCause, ...]
    mood_response: MoodResponse

    def sessions_of(self, course: int) -> list[TreatmentSession]:
        """The sessions of the course at index ``course``, in time order."""
        return [s.session for s in self.sessions if s.course == course]

    def stored_sessions(self, stored_courses: Sequence[TreatmentCourse]) -> list[TreatmentSession]:
        """Every session with its course's id, given ``courses`` as stored (same order)."""
        ids = _ids(stored_courses, len(self.courses), "course")
        return [replace(s.session, course_id=ids[s.course]) for s in self.sessions]

    def cause_ids(
        self, stored_medications: Sequence[Medication], stored_courses: Sequence[TreatmentCourse]
    ) -> list[tuple[str, int | None, int | None]]:
        """Each suspected cause as (side-effect name, medication id, course id), given the
        medications and courses as stored (same order)."""
        medication_ids = _ids(stored_medications, len(self.medications), "medication")
        course_ids = _ids(stored_courses, len(self.courses), "course")
        return [
            (
                cause.side_effect,
                None if cause.medication is None else medication_ids[cause.medication],
                None if cause.course is None else course_ids[cause.course],
            )
            for cause in self.causes
        ]


def _ids(stored: Sequence[Medication | TreatmentCourse], count: int, what: str) -> list[int]:
    if len(stored) != count:
        raise ValueError(f"expected {count} stored {what}s, got {len(stored)}")
    ids = [item.id for item in stored]
    if any(i is None for i in ids):
        raise ValueError(f"every {what} must be stored (have an id) first")
    return [i for i in ids if i is not None]


def demo_treatment_history(today: date, seed: int) -> DemoTreatmentHistory:
    """The story, dated back from ``today``; the same for the same arguments. Nothing is
    dated after ``today``, and every session is before it."""
    rng = Random(f"moodlog demo treatments {seed}")

    def ago(months: float, jitter_days: int = 0) -> date:
        days = round(months * _DAYS_PER_MONTH) + rng.randint(-jitter_days, jitter_days)
        return today - timedelta(days=days)

    def after(day: date, shortest: int, longest: int) -> date:
        return day + timedelta(days=rng.randint(shortest, longest))

    def weekday_after(day: date | None, shortest: int, longest: int) -> date:
        """A weekday ``shortest`` to ``longest`` days after ``day`` (the Monday after, at a
        weekend): when the next trial starts after ``day``, when the last one stopped."""
        assert day is not None
        return _weekday(after(day, shortest, longest))

    episode = Episode(started=_month_start(today, 34), severity=EpisodeSeverity.SEVERE)

    fluoxetine_start = _month_start(today, 96 + rng.randint(-2, 2))
    fluoxetine = Medication(
        name="Fluoxetine",
        drug_class="SSRI",
        started=fluoxetine_start,
        stopped=add_months(fluoxetine_start, 7),
        doses=(DoseStep(fluoxetine_start, 20),),
        stop_reason=StopReason.OTHER,
        benefit=Benefit.MUCH,
        adequate_min_dose=20,
        dates_approximate=True,
        note="Stopped when well",
    )

    sertraline = _trial(
        "Sertraline",
        "SSRI",
        weekday_after(episode.started, 7 * 7, 9 * 7),
        ((0, 50), (21, 100), (56, 150)),
        days=112 + rng.randint(0, 4),
        reason=StopReason.NOT_EFFECTIVE,
        benefit=Benefit.SOME,
        adequate_min_dose=50,
    )
    venlafaxine = _trial(
        "Venlafaxine",
        "SNRI",
        weekday_after(sertraline.stopped, 10, 20),
        ((0, 75), (14, 150), (42, 225)),
        days=98 + rng.randint(0, 5),
        reason=StopReason.SIDE_EFFECTS,
        benefit=Benefit.SOME,
        adequate_min_dose=75,
        formulation="XR",
        note="Sweating and nausea at 225 mg",
    )
    bupropion = _trial(
        "Bupropion",
        "NDRI",
        weekday_after(venlafaxine.stopped, 14, 24),
        ((0, 150),),
        days=21 + rng.randint(0, 2),
        reason=StopReason.SIDE_EFFECTS,
        benefit=None,
        adequate_min_dose=300,
        formulation="XL",
        note="Couldn't sleep and felt wired",
    )
    mirtazapine = _trial(
        "Mirtazapine",
        "NaSSA",
        weekday_after(bupropion.stopped, 7, 14),
        ((0, 15), (21, 30)),
        days=63 + rng.randint(0, 4),
        reason=StopReason.NOT_EFFECTIVE,
        benefit=Benefit.NONE,
        adequate_min_dose=15,
        note="Put on weight; mood no better",
    )

    escitalopram = _trial(
        "Escitalopram",
        "SSRI",
        _weekday(ago(14, jitter_days=6)),
        ((0, 10), (28, 20)),
        adequate_min_dose=10,
        note="Started after seeing the psychiatrist",
    )

    tms_start = _on_or_after(ago(7, jitter_days=4), 0)  # a Monday
    aripiprazole_stop = tms_start - timedelta(days=rng.randint(7, 14))
    aripiprazole = _trial(
        "Aripiprazole",
        "Atypical antipsychotic",
        aripiprazole_stop - timedelta(days=84),
        ((0, 2), (14, 5)),
        days=84,
        reason=StopReason.SIDE_EFFECTS,
        benefit=Benefit.SOME,
        role=MedicationRole.AUGMENTATION,
        note="Restless, couldn't sit still",
    )
    zopiclone = _trial(
        "Zopiclone",
        "Hypnotic",
        _weekday(ago(12, jitter_days=10)),
        ((0, 3.75),),
        role=MedicationRole.OTHER,
        schedule=Schedule.AS_NEEDED,
        note="For the worst nights",
    )

    cbt_start = _weekday(ago(24, jitter_days=10))
    cbt_days = _weekly(cbt_start, 16, skip_week=rng.randint(5, 12))
    cbt = TreatmentCourse(
        kind=CourseKind.PSYCHOTHERAPY,
        variant="CBT",
        started=cbt_start,
        ended=cbt_days[-1],
        planned_sessions=16,
        benefit=Benefit.SOME,
        note="Weekly sessions. Behavioural activation helped a bit.",
    )
    cbt_sessions = _cbt_sessions(cbt_days, rng)

    tms_days = _tms_days(tms_start)
    tms = TreatmentCourse(
        kind=CourseKind.TMS,
        variant="iTBS (theta burst)",
        started=tms_start,
        ended=tms_days[-1],
        planned_sessions=TMS_SESSIONS,
        benefit=Benefit.MUCH,
        note=(
            f"{TMS_DAILY_SESSIONS} sessions on weekdays over 6 weeks, then "
            f"{TMS_SESSIONS - TMS_DAILY_SESSIONS} taper sessions twice a week for 3 weeks "
            "(the clinic's schedule)."
        ),
    )
    tms_sessions = _tms_sessions(tms_days, rng)

    five_weeks_ago = today - timedelta(weeks=5)  # on its week's Monday or Tuesday
    esketamine_start = five_weeks_ago - timedelta(days=five_weeks_ago.weekday() - rng.randint(0, 1))
    esketamine = TreatmentCourse(
        kind=CourseKind.ESKETAMINE,
        started=esketamine_start,
        note="Taken with escitalopram. Twice a week for 4 weeks, then once a week.",
    )
    esketamine_sessions = _esketamine_sessions(esketamine_start, today, rng)

    medications = tuple(
        sorted(
            (
                fluoxetine,
                sertraline,
                venlafaxine,
                bupropion,
                mirtazapine,
                escitalopram,
                zopiclone,
                aripiprazole,
            ),
            key=lambda m: m.started,
        )
    )
    courses = (cbt, tms, esketamine)
    sessions = sorted(
        (
            *(DemoSession(0, s) for s in cbt_sessions),
            *(DemoSession(1, s) for s in tms_sessions),
            *(DemoSession(2, s) for s in esketamine_sessions),
        ),
        key=lambda s: s.session.at,
    )
    tested = _weekday(ago(24, jitter_days=20))
    pgx = (
        PgxResult(
            gene="CYP2C19",
            phenotype=Phenotype.INTERMEDIATE,
            genotype="*1/*2",
            tested_on=tested,
            lab="Hospital genetics lab",
        ),
        PgxResult(
            gene="CYP2D6",
            phenotype=Phenotype.NORMAL,
            genotype="*1/*1",
            tested_on=tested,
            lab="Hospital genetics lab",
        ),
    )
    causes = (
        SuspectedCause("Emotional blunting", medication=medications.index(escitalopram)),
        SuspectedCause("Headache", course=courses.index(tms)),
    )
    response = MoodResponse(
        tms_turn=tms_start + timedelta(days=14),
        tms_lift=rng.uniform(2.0, 2.4),
        tms_fade_from=tms_days[-1] + timedelta(days=rng.randint(35, 56)),
        tms_kept=rng.uniform(0.35, 0.5),
        fade_half_life_days=rng.uniform(35, 55),
        esketamine_start=esketamine_start,
        esketamine_lift=rng.uniform(0.4, 0.7),
        low_before_tms=rng.uniform(1.0, 1.4),
    )
    return DemoTreatmentHistory(
        medications=medications,
        courses=courses,
        sessions=tuple(sessions),
        episode=episode,
        pgx=pgx,
        causes=causes,
        mood_response=response,
    )


def _trial(
    name: str,
    drug_class: str,
    started: date,
    steps: tuple[tuple[int, float], ...],
    *,
    days: int | None = None,
    reason: StopReason | None = None,
    benefit: Benefit | None = None,
    adequate_min_dose: float | None = None,
    role: MedicationRole = MedicationRole.ANTIDEPRESSANT,
    schedule: Schedule = Schedule.SCHEDULED,
    formulation: str = "",
    note: str = "",
) -> Medication:
    """A trial followed day by day: dose steps at day offsets, stopped after ``days`` days
    (``None``: still taking)."""
    return Medication(
        name=name,
        drug_class=drug_class,
        started=started,
        doses=tuple(DoseStep(started + timedelta(days=offset), dose) for offset, dose in steps),
        stopped=None if days is None else started + timedelta(days=days),
        stop_reason=reason,
        benefit=benefit,
        adequate_min_dose=adequate_min_dose,
        role=role,
        schedule=schedule,
        formulation=formulation,
        note=note,
    )


def _month_start(today: date, months_before: int) -> date:
    return add_months(date(today.year, today.month, 1), -months_before)


def _weekday(day: date) -> date:
    """``day``, or the Monday after it if it falls at a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _weekly(first: date, count: int, skip_week: int) -> list[date]:
    """``count`` weekly days from ``first``, with a week off after the ``skip_week``-th."""
    days: list[date] = []
    week = 0
    while len(days) < count:
        if week != skip_week:
            days.append(first + timedelta(weeks=week))
        week += 1
    return days


def _cbt_sessions(days: list[date], rng: Random) -> list[TreatmentSession]:
    minute = rng.choice((0, 30))
    notes = {1: "Assessment and goals.", 16: "Last session: relapse-prevention plan."}
    return [
        TreatmentSession(0, _at(day, 17, minute), number=n, note=notes.get(n, ""))
        for n, day in enumerate(days, start=1)
    ]


def _tms_days(start: date) -> list[date]:
    """30 weekdays from ``start`` (a Monday), then twice a week for 3 weeks."""
    days: list[date] = []
    day = start
    while len(days) < TMS_DAILY_SESSIONS:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    taper_monday = start + timedelta(weeks=6)
    for week in range(3):
        for offset in TMS_TAPER_WEEKDAYS:
            days.append(taper_monday + timedelta(weeks=week, days=offset))
    return days


_TMS_NOTES = {
    1: "Motor threshold measured first. The tapping took getting used to.",
    13: "Walked home the long way after. First time in ages I wanted to.",
    TMS_DAILY_SESSIONS + 1: "Taper from today: twice a week.",
    TMS_SESSIONS: "Last session.",
}


def _tms_sessions(days: list[date], rng: Random) -> list[TreatmentSession]:
    """Early in the morning before work; built up to 120 % over the first two sessions;
    headache or scalp pain after the first session and some other early ones, rarely
    later."""
    sessions = []
    for number, day in enumerate(days, start=1):
        at = _at(day, 8, 5 * rng.randint(0, 8))
        intensity = {1: 100.0, 2: 110.0}.get(number, 120.0)
        chance = 1.0 if number == 1 else 0.5 if number <= 3 else 0.25 if number <= 8 else 0.02
        effects: tuple[str, ...] = ()
        if rng.random() < chance:
            effects = (rng.choice(TMS_SIDE_EFFECTS[:2]),)
            if number <= 3 and rng.random() < 0.3:
                effects = TMS_SIDE_EFFECTS[:2]
        sessions.append(
            TreatmentSession(
                0,
                at,
                number=number,
                intensity_percent=intensity,
                side_effects=effects,
                note=_TMS_NOTES.get(number, ""),
            )
        )
    return sessions


def _esketamine_sessions(start: date, today: date, rng: Random) -> list[TreatmentSession]:
    """Twice a week for the induction weeks, then once a week; only sessions before today.
    56 mg first, then 84 mg. Blood pressure rises a little after each dose; dissociation,
    nausea and sedation (0–10) ease as the sessions go on."""
    days = [
        start + timedelta(weeks=week, days=offset)
        for week in range(ESKETAMINE_INDUCTION_WEEKS)
        for offset in ESKETAMINE_WEEKDAY_OFFSETS
    ]
    week = ESKETAMINE_INDUCTION_WEEKS
    while (day := start + timedelta(weeks=week)) < today:
        days.append(day)
        week += 1
    notes = {
        1: "First dose. Felt far away for about an hour. Partner drove me home.",
        2: "First time on 84 mg. Stronger, but it passed.",
    }
    sessions = []
    for number, day in enumerate((d for d in days if d < today), start=1):
        systolic = round(rng.gauss(124, 4))
        diastolic = round(rng.gauss(80, 3))
        rise = round(rng.gauss(14, 3))
        easing = (number - 1) / 2
        sessions.append(
            TreatmentSession(
                0,
                _at(day, 10, 5 * rng.randint(0, 6)),
                number=number,
                dose_mg=56.0 if number == 1 else 84.0,
                bp_before=BloodPressure(systolic, diastolic),
                bp_after=BloodPressure(systolic + rise, diastolic + round(rng.gauss(6, 2))),
                dissociation=_rating(7 - easing * 1.1, rng),
                nausea=_rating(4.5 - easing * 0.8, rng),
                sedation=_rating(5 - easing * 0.8, rng),
                note=notes.get(number, ""),
            )
        )
    return sessions


def _rating(mean: float, rng: Random) -> int:
    return min(10, max(0, round(mean + rng.gauss(0, 0.7))))


def adherence_days(entries: Iterable[DayEntry]) -> tuple[list[date], frozenset[date]]:
    """The logged days that get adherence records, oldest first: those with a check-in
    (today holds only last night's sleep and is left for the person), and the low days
    among them (mean mood rating at or below :data:`LOW_MOOD`)."""
    moods = daily_mood_means(entries)
    low = frozenset(day for day, mood in moods.items() if mood <= LOW_MOOD)
    return sorted(moods), low


def demo_adherence(
    medications: Sequence[Medication],
    logged_days: Iterable[date],
    seed: int,
    low_days: Collection[date] = frozenset(),
) -> dict[tuple[int, date], Adherence]:
    """Adherence for every scheduled medication (followed day by day, i.e. not a past trial
    entered by month) on each of ``logged_days`` it was taken: mostly taken, sometimes
    partly or missed, whole missed days likelier on ``low_days``. Nothing on other days:
    no record means "not recorded". The medications must be stored (have ids)."""
    followed = [
        m for m in medications if m.schedule is Schedule.SCHEDULED and not m.dates_approximate
    ]
    if any(m.id is None for m in followed):
        raise ValueError("every medication must be stored (have an id) first")
    rng = Random(f"moodlog demo adherence {seed}")
    records: dict[tuple[int, date], Adherence] = {}
    for day in sorted(set(logged_days)):
        active = [m for m in followed if m.is_active_on(day)]
        if not active:
            continue
        missed_day = DAY_MISSED_WHEN_LOW if day in low_days else DAY_MISSED_OTHERWISE
        whole_day_missed = rng.random() < missed_day
        for medication in active:
            assert medication.id is not None
            roll = rng.random()
            if whole_day_missed or roll < ONE_MISSED:
                status = Adherence.MISSED
            elif roll < ONE_MISSED + ONE_PARTLY:
                status = Adherence.PARTLY
            else:
                status = Adherence.TAKEN
            records[(medication.id, day)] = status
    return records
