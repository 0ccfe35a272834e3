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
    low: int
    high: int
    label: str

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
    clinically meaningful (``None``: none known for this scale)."""

    instrument: Instrument
    name: str
    full_name: str
    max_total: int
    period: str
    rated_by: str
    bands: tuple[Band, ...]
    remission_max: int | None
    remission_text: str
    relapse_min: int | None
    relapse_text: str
    meaningful_change: int | None
    loinc_panel: str = ""
    loinc_total: str = ""
    stem: str = ""
    items: tuple[str, ...] = ()
    item_loinc: tuple[str, ...] = ()
    difficulty_question: str = ""
    # How many unanswered items a total may be prorated over (§1.6: up to 2 for the PHQ-9,
    # Arrieta 2017); 0 = never prorated. A prorated total is always marked as such.
    max_prorated_missing: int = 0

    @property
    def asked_in_app(self) -> bool:
        return bool(self.items)

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
        return band.label if band is not None else "not grouped into bands in moodlog"

    def is_remission(self, total: float) -> bool | None:
        return None if self.remission_max is None else total <= self.remission_max

    def is_relapse(self, total: float) -> bool | None:
        return None if self.relapse_min is None else total >= self.relapse_min


_NO_BANDS_NOTE = "moodlog doesn't group this scale's totals into severity bands."

INSTRUMENTS: dict[Instrument, InstrumentInfo] = {
    Instrument.PHQ9: InstrumentInfo(
        instrument=Instrument.PHQ9,
        name="PHQ-9",
        full_name="Patient Health Questionnaire-9 (depression)",
        max_total=27,
        period="the last 2 weeks",
        rated_by="yourself",
        bands=(
            Band(0, 4, "Minimal or none"),
            Band(5, 9, "Mild"),
            Band(10, 14, "Moderate"),
            Band(15, 19, "Moderately severe"),
            Band(20, 27, "Severe"),
        ),
        remission_max=4,
        remission_text="Remission: a total under 5.",
        # The app's own rule, for clinician review: back to 10 or more, the PHQ-9's cut-off
        # for major depression (§1.6), after a remitted score. The reference gives no PHQ-9
        # relapse threshold.
        relapse_min=10,
        relapse_text=(
            "Relapse (moodlog's rule, for clinician review): back to 10 or more after remission."
        ),
        meaningful_change=5,
        loinc_panel="44249-1",
        loinc_total="44261-6",
        stem=texts.PHQ9_STEM,
        items=texts.PHQ9_ITEMS,
        item_loinc=texts.PHQ9_ITEM_LOINC,
        difficulty_question=texts.PHQ9_DIFFICULTY,
        max_prorated_missing=2,
    ),
    Instrument.GAD7: InstrumentInfo(
        instrument=Instrument.GAD7,
        name="GAD-7",
        full_name="Generalized Anxiety Disorder-7 (anxiety)",
        max_total=21,
        period="the last 2 weeks",
        rated_by="yourself",
        bands=(
            Band(0, 4, "Minimal"),
            Band(5, 9, "Mild"),
            Band(10, 14, "Moderate"),
            Band(15, 21, "Severe"),
        ),
        remission_max=None,
        remission_text="No remission rule for the GAD-7 in moodlog's reference.",
        relapse_min=None,
        relapse_text="",
        meaningful_change=None,
        loinc_panel="69737-5",
        loinc_total="70274-6",
        stem=texts.GAD7_STEM,
        items=texts.GAD7_ITEMS,
        item_loinc=texts.GAD7_ITEM_LOINC,
        difficulty_question=texts.GAD7_DIFFICULTY,
    ),
    Instrument.QIDS_SR16: InstrumentInfo(
        instrument=Instrument.QIDS_SR16,
        name="QIDS-SR16",
        full_name="Quick Inventory of Depressive Symptomatology, self-report (total only)",
        max_total=27,
        period="the past 7 days",
        rated_by="yourself, on paper",
        bands=(
            Band(0, 5, "None"),
            Band(6, 10, "Mild"),
            Band(11, 15, "Moderate"),
            Band(16, 20, "Severe"),
            Band(21, 27, "Very severe"),
        ),
        remission_max=5,
        remission_text="Remission: 5 or less (STAR*D).",
        relapse_min=11,
        relapse_text="Relapse: 11 or more after remission (STAR*D).",
        meaningful_change=None,
    ),
    Instrument.MADRS: InstrumentInfo(
        instrument=Instrument.MADRS,
        name="MADRS",
        full_name="Montgomery–Åsberg Depression Rating Scale (clinician-rated, total only)",
        # The scale's range (0-60; not in the reference): used only to catch typing slips.
        max_total=60,
        period="as rated by your clinician",
        rated_by="a clinician",
        bands=(),
        remission_max=10,
        remission_text=(
            "Remission: 10 or less (under 11, as in the SAINT study); other studies use "
            "other cut-offs. " + _NO_BANDS_NOTE
        ),
        relapse_min=None,
        relapse_text="",
        meaningful_change=None,
    ),
    Instrument.HAMD17: InstrumentInfo(
        instrument=Instrument.HAMD17,
        name="HAM-D17",
        full_name="Hamilton Depression Rating Scale, 17 items (clinician-rated, total only)",
        # The scale's range (0-52; not in the reference): used only to catch typing slips.
        max_total=52,
        period="as rated by your clinician",
        rated_by="a clinician",
        bands=(),
        remission_max=7,
        remission_text="Remission: 7 or less (a 1991 consensus). " + _NO_BANDS_NOTE,
        relapse_min=None,
        relapse_text="",
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
