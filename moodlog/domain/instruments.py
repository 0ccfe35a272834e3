"""The rating scales moodlog knows: their totals, severity bands and outcome thresholds.

PHQ-9 and GAD-7 are asked in the app, item by item (texts in :mod:`questionnaire_texts`).
QIDS-SR16, MADRS and HAM-D17 are only ever *totals* typed in from a paper form or a
clinician: their items are not in moodlog (clinical-reference.md §0.1, §3.1).

Sources: bands §1.6, §2.2, §3.2; response, remission and the 5-point PHQ-9 change §4;
the QIDS relapse threshold §3.2 (STAR*D). The reference gives no severity bands for MADRS or
HAM-D17, so none are shown for them, and says so.
"""

from dataclasses import dataclass
from enum import StrEnum

from moodlog.domain import questionnaire_texts as texts
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate


class Instrument(StrEnum):
    PHQ9 = "phq9"
    GAD7 = "gad7"
    QIDS_SR16 = "qids_sr16"
    MADRS = "madrs"
    HAMD17 = "hamd17"

    @property
    def info(self) -> "InstrumentInfo":
        return INSTRUMENTS[self]

    @property
    def label(self) -> str:
        return INSTRUMENTS[self].name


@dataclass(frozen=True, slots=True)
class Band:
    """Totals from ``low`` to ``high``; ``source_label`` is the band's name in English,
    ``label`` in the person's language."""

    low: int
    high: int
    source_label: str

    @property
    def label(self) -> str:
        return translate("Instruments", self.source_label)

    def holds(self, total: float) -> bool:
        return self.low <= total <= self.high

    @property
    def range_text(self) -> str:
        return f"{self.low}–{self.high}"


@dataclass(frozen=True, slots=True)
class InstrumentInfo:
    """One scale. ``remission_max`` is the highest total that counts as remission
    (``None``: no remission rule); ``relapse_min`` the lowest total that counts as relapse
    after remission; ``meaningful_change`` the individual change in points flagged as
    clinically meaningful (``None``: none known for this scale).

    The ``source_…`` fields hold the English; the properties of the same name without the
    prefix give the person's language. ``name`` ("PHQ-9") is the same in every language.
    """

    instrument: Instrument
    name: str
    source_full_name: str
    max_total: int
    source_period: str
    source_rated_by: str
    bands: tuple[Band, ...]
    remission_max: int | None
    source_remission_text: str
    relapse_min: int | None
    source_relapse_text: str
    meaningful_change: int | None
    loinc_panel: str = ""
    loinc_total: str = ""
    source_stem: str = ""
    source_items: tuple[str, ...] = ()
    item_loinc: tuple[str, ...] = ()
    source_difficulty_question: str = ""
    # How many unanswered items a total may be prorated over (§1.6: up to 2 for the PHQ-9,
    # Arrieta 2017); 0 = never prorated. A prorated total is always marked as such.
    max_prorated_missing: int = 0

    @property
    def full_name(self) -> str:
        return translate("Instruments", self.source_full_name)

    @property
    def period(self) -> str:
        return translate("Instruments", self.source_period)

    @property
    def rated_by(self) -> str:
        return translate("Instruments", self.source_rated_by)

    @property
    def remission_text(self) -> str:
        return translate("Instruments", self.source_remission_text)

    @property
    def relapse_text(self) -> str:
        return (
            translate("Instruments", self.source_relapse_text) if self.source_relapse_text else ""
        )

    @property
    def stem(self) -> str:
        return texts.translated(self.source_stem) if self.source_stem else ""

    @property
    def items(self) -> tuple[str, ...]:
        """The questions word for word, in the instrument's validated translation."""
        return tuple(texts.translated(item) for item in self.source_items)

    @property
    def difficulty_question(self) -> str:
        return (
            texts.translated(self.source_difficulty_question)
            if self.source_difficulty_question
            else ""
        )

    @property
    def has_bands(self) -> bool:
        """Whether moodlog groups this scale's totals into severity bands."""
        return bool(self.bands)

    @property
    def asked_in_app(self) -> bool:
        return bool(self.source_items)

    @property
    def has_response_rule(self) -> bool:
        # §4: a >=50% drop from baseline, for each scale with a remission rule.
        return self.remission_max is not None

    def band(self, total: float) -> Band | None:
        """The severity band of ``total``, or ``None`` when the scale has no bands here."""
        for band in self.bands:
            if band.holds(total):
                return band
        return None

    def band_label(self, total: float) -> str:
        band = self.band(total)
        if band is not None:
            return band.label
        #: Said of a scale's total that has no severity band
        return translate("Instruments", "not grouped into bands in moodlog")

    def is_remission(self, total: float) -> bool | None:
        return None if self.remission_max is None else total <= self.remission_max

    def is_relapse(self, total: float) -> bool | None:
        return None if self.relapse_min is None else total >= self.relapse_min


INSTRUMENTS: dict[Instrument, InstrumentInfo] = {
    Instrument.PHQ9: InstrumentInfo(
        instrument=Instrument.PHQ9,
        name="PHQ-9",
        source_full_name=QT_TRANSLATE_NOOP(
            "Instruments", "Patient Health Questionnaire-9 (depression)"
        ),
        max_total=27,
        #: The time a questionnaire asks about, shown after "Period:"
        source_period=QT_TRANSLATE_NOOP("Instruments", "the last 2 weeks"),
        #: Who fills in a questionnaire, shown after "Rated by:"
        source_rated_by=QT_TRANSLATE_NOOP("Instruments", "yourself"),
        bands=(
            #: Severity band of a questionnaire total
            Band(0, 4, QT_TRANSLATE_NOOP("Instruments", "Minimal or none")),
            #: Severity band of a questionnaire total
            Band(5, 9, QT_TRANSLATE_NOOP("Instruments", "Mild")),
            #: Severity band of a questionnaire total
            Band(10, 14, QT_TRANSLATE_NOOP("Instruments", "Moderate")),
            #: Severity band of a questionnaire total
            Band(15, 19, QT_TRANSLATE_NOOP("Instruments", "Moderately severe")),
            #: Severity band of a questionnaire total
            Band(20, 27, QT_TRANSLATE_NOOP("Instruments", "Severe")),
        ),
        remission_max=4,
        source_remission_text=QT_TRANSLATE_NOOP("Instruments", "Remission: a total under 5."),
        # The app's own rule, for clinician review: back to 10 or more, the PHQ-9's cut-off
        # for major depression (§1.6), after a remitted score. The reference gives no PHQ-9
        # relapse threshold.
        relapse_min=10,
        source_relapse_text=QT_TRANSLATE_NOOP(
            "Instruments",
            "Relapse (moodlog's rule, for clinician review): back to 10 or more after remission.",
        ),
        meaningful_change=5,
        loinc_panel="44249-1",
        loinc_total="44261-6",
        source_stem=texts.PHQ9_STEM,
        source_items=texts.PHQ9_ITEMS,
        item_loinc=texts.PHQ9_ITEM_LOINC,
        source_difficulty_question=texts.PHQ9_DIFFICULTY,
        max_prorated_missing=2,
    ),
    Instrument.GAD7: InstrumentInfo(
        instrument=Instrument.GAD7,
        name="GAD-7",
        source_full_name=QT_TRANSLATE_NOOP(
            "Instruments", "Generalized Anxiety Disorder-7 (anxiety)"
        ),
        max_total=21,
        source_period=QT_TRANSLATE_NOOP("Instruments", "the last 2 weeks"),
        source_rated_by=QT_TRANSLATE_NOOP("Instruments", "yourself"),
        bands=(
            Band(0, 4, QT_TRANSLATE_NOOP("Instruments", "Minimal")),
            Band(5, 9, QT_TRANSLATE_NOOP("Instruments", "Mild")),
            Band(10, 14, QT_TRANSLATE_NOOP("Instruments", "Moderate")),
            Band(15, 21, QT_TRANSLATE_NOOP("Instruments", "Severe")),
        ),
        remission_max=None,
        source_remission_text=QT_TRANSLATE_NOOP(
            "Instruments", "No remission rule for the GAD-7 in moodlog's reference."
        ),
        relapse_min=None,
        source_relapse_text="",
        meaningful_change=None,
        loinc_panel="69737-5",
        loinc_total="70274-6",
        source_stem=texts.GAD7_STEM,
        source_items=texts.GAD7_ITEMS,
        item_loinc=texts.GAD7_ITEM_LOINC,
        source_difficulty_question=texts.GAD7_DIFFICULTY,
    ),
    Instrument.QIDS_SR16: InstrumentInfo(
        instrument=Instrument.QIDS_SR16,
        name="QIDS-SR16",
        source_full_name=QT_TRANSLATE_NOOP(
            "Instruments", "Quick Inventory of Depressive Symptomatology, self-report (total only)"
        ),
        max_total=27,
        source_period=QT_TRANSLATE_NOOP("Instruments", "the past 7 days"),
        source_rated_by=QT_TRANSLATE_NOOP("Instruments", "yourself, on paper"),
        bands=(
            Band(0, 5, QT_TRANSLATE_NOOP("Instruments", "None")),
            Band(6, 10, QT_TRANSLATE_NOOP("Instruments", "Mild")),
            Band(11, 15, QT_TRANSLATE_NOOP("Instruments", "Moderate")),
            Band(16, 20, QT_TRANSLATE_NOOP("Instruments", "Severe")),
            Band(21, 27, QT_TRANSLATE_NOOP("Instruments", "Very severe")),
        ),
        remission_max=5,
        source_remission_text=QT_TRANSLATE_NOOP("Instruments", "Remission: 5 or less (STAR*D)."),
        relapse_min=11,
        source_relapse_text=QT_TRANSLATE_NOOP(
            "Instruments", "Relapse: 11 or more after remission (STAR*D)."
        ),
        meaningful_change=None,
    ),
    Instrument.MADRS: InstrumentInfo(
        instrument=Instrument.MADRS,
        name="MADRS",
        source_full_name=QT_TRANSLATE_NOOP(
            "Instruments", "Montgomery–Åsberg Depression Rating Scale (clinician-rated, total only)"
        ),
        # The scale's range (0-60; not in the reference): used only to catch typing slips.
        max_total=60,
        source_period=QT_TRANSLATE_NOOP("Instruments", "as rated by your clinician"),
        source_rated_by=QT_TRANSLATE_NOOP("Instruments", "a clinician"),
        bands=(),
        remission_max=10,
        source_remission_text=QT_TRANSLATE_NOOP(
            "Instruments",
            "Remission: 10 or less (under 11, as in the SAINT study); other studies use "
            "other cut-offs. moodlog doesn't group this scale's totals into severity bands.",
        ),
        relapse_min=None,
        source_relapse_text="",
        meaningful_change=None,
    ),
    Instrument.HAMD17: InstrumentInfo(
        instrument=Instrument.HAMD17,
        name="HAM-D17",
        source_full_name=QT_TRANSLATE_NOOP(
            "Instruments",
            "Hamilton Depression Rating Scale, 17 items (clinician-rated, total only)",
        ),
        # The scale's range (0-52; not in the reference): used only to catch typing slips.
        max_total=52,
        source_period=QT_TRANSLATE_NOOP("Instruments", "as rated by your clinician"),
        source_rated_by=QT_TRANSLATE_NOOP("Instruments", "a clinician"),
        bands=(),
        remission_max=7,
        source_remission_text=QT_TRANSLATE_NOOP(
            "Instruments",
            "Remission: 7 or less (a 1991 consensus). moodlog doesn't group this scale's totals "
            "into severity bands.",
        ),
        relapse_min=None,
        source_relapse_text="",
        meaningful_change=None,
    ),
}

# Asked in the app, item by item.
ASKED_IN_APP = (Instrument.PHQ9, Instrument.GAD7)
# Totals typed in from elsewhere (PHQ-9 and GAD-7 totals from a clinic are allowed too).
TOTALS_FROM_ELSEWHERE = (Instrument.QIDS_SR16, Instrument.MADRS, Instrument.HAMD17)
# The item whose answer above 0 brings up the crisis panel (§1.8): PHQ-9 item 9.
SAFETY_ITEM_INDEX = 8
RESPONSE_DROP = 0.5  # §4: a drop of at least 50 % from baseline
