"""The person's safety plan, in their own words, and their own crisis contacts.

The sections follow the usual structure of a safety plan (warning signs, what I can do myself,
people and places that distract me, people I can ask for help, professionals and crisis lines,
making my surroundings safer, reasons for living); the prompts are moodlog's own words.
Both are health data, so they live in the diary (and its backups), not in the settings.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

MAX_SECTION_CHARS = 4000
MAX_CONTACT_CHARS = 120


class PlanSection(StrEnum):
    WARNING_SIGNS = "warning_signs"
    COPING = "coping"
    DISTRACTIONS = "distractions"
    PEOPLE_TO_ASK = "people_to_ask"
    PROFESSIONALS = "professionals"
    SAFER_SURROUNDINGS = "safer_surroundings"
    REASONS_FOR_LIVING = "reasons_for_living"

    @property
    def heading(self) -> str:
        return translate("SafetyPlan", _TITLES[self])

    @property
    def prompt(self) -> str:
        return translate("SafetyPlan", _PROMPTS[self])


_TITLES = {
    #: A safety plan section's heading, in the person's own voice
    PlanSection.WARNING_SIGNS: QT_TRANSLATE_NOOP("SafetyPlan", "1. My warning signs"),
    PlanSection.COPING: QT_TRANSLATE_NOOP("SafetyPlan", "2. Things I can do on my own"),
    PlanSection.DISTRACTIONS: QT_TRANSLATE_NOOP(
        "SafetyPlan", "3. People and places that take my mind off things"
    ),
    PlanSection.PEOPLE_TO_ASK: QT_TRANSLATE_NOOP("SafetyPlan", "4. People I can ask for help"),
    PlanSection.PROFESSIONALS: QT_TRANSLATE_NOOP("SafetyPlan", "5. Professionals and crisis lines"),
    PlanSection.SAFER_SURROUNDINGS: QT_TRANSLATE_NOOP(
        "SafetyPlan", "6. Making my surroundings safer"
    ),
    PlanSection.REASONS_FOR_LIVING: QT_TRANSLATE_NOOP("SafetyPlan", "7. My reasons for living"),
}
_PROMPTS = {
    PlanSection.WARNING_SIGNS: QT_TRANSLATE_NOOP(
        "SafetyPlan", "Thoughts, feelings or situations that tell me a crisis may be coming."
    ),
    PlanSection.COPING: QT_TRANSLATE_NOOP(
        "SafetyPlan",
        "What helps me get through, without contacting anyone: a walk, music, a shower, "
        "breathing slowly…",
    ),
    PlanSection.DISTRACTIONS: QT_TRANSLATE_NOOP(
        "SafetyPlan", "Who I can be with, and where I can go, to be among people."
    ),
    PlanSection.PEOPLE_TO_ASK: QT_TRANSLATE_NOOP(
        "SafetyPlan", "Names and numbers of people I can tell that I'm struggling."
    ),
    PlanSection.PROFESSIONALS: QT_TRANSLATE_NOOP(
        "SafetyPlan", "My clinician, an out-of-hours number, a crisis line."
    ),
    PlanSection.SAFER_SURROUNDINGS: QT_TRANSLATE_NOOP(
        "SafetyPlan", "What I can put away or hand to someone while things are hard."
    ),
    PlanSection.REASONS_FOR_LIVING: QT_TRANSLATE_NOOP(
        "SafetyPlan", "People, plans, pets, anything that matters to me."
    ),
}


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    sections: dict[PlanSection, str] = field(default_factory=dict)

    def text(self, section: PlanSection) -> str:
        return self.sections.get(section, "")

    @property
    def is_empty(self) -> bool:
        return not any(text.strip() for text in self.sections.values())

    @property
    def written_sections(self) -> list[PlanSection]:
        return [s for s in PlanSection if self.text(s).strip()]


@dataclass(frozen=True, slots=True)
class CrisisContacts:
    """The person's own numbers. ``emergency_number`` is their local emergency number
    (moodlog knows only the US numbers; clinical-reference §10.1)."""

    emergency_number: str = ""
    trusted_name: str = ""
    trusted_phone: str = ""
    clinician_name: str = ""
    clinician_phone: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(
            value.strip()
            for value in (
                self.emergency_number,
                self.trusted_name,
                self.trusted_phone,
                self.clinician_name,
                self.clinician_phone,
            )
        )


def validate_safety_plan(plan: SafetyPlan, contacts: CrisisContacts) -> None:
    for section, text in plan.sections.items():
        if len(text) > MAX_SECTION_CHARS:
            raise InvalidEntry(
                translate(
                    "SafetyPlan",
                    "“{section}” is longer than {maximum} characters; please shorten it.",
                ).format(section=section.heading, maximum=f"{MAX_SECTION_CHARS:,}"),
                section.value,
            )
    for name in ("emergency_number", "trusted_name", "trusted_phone", "clinician_name",
                 "clinician_phone"):  # fmt: skip
        if len(getattr(contacts, name)) > MAX_CONTACT_CHARS:
            raise InvalidEntry(
                translate("SafetyPlan", "Keep each contact under {maximum} characters.").format(
                    maximum=MAX_CONTACT_CHARS
                ),
                name,
            )
