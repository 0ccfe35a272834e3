"""The built-in medication reference: usual starting doses, usual therapeutic daily ranges and
a proxy "adequate dose" minimum per drug, read from ``resources/medication_reference.json``.

The figures are editable defaults taken from the project's clinical reference (§5.3, §5.4),
not ATRQ/ATHF thresholds; ``MedicationReference.caution`` says so in words the UI can show.

The JSON file's texts are data, not extracted for translators, except the caution, whose
English is repeated below so that it can be shown in the person's language.
"""

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from moodlog.domain.medications import MedicationRole
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.resource_files import resource_path

RESOURCE_NAME = "medication_reference.json"

# The shipped file's caution, word for word, so that translators see it (a file whose caution
# differs is shown as it is).
_SHIPPED_CAUTION = QT_TRANSLATE_NOOP(
    "MedicationReference",
    "Proxy minimums are the lower end of usual therapeutic ranges, not ATRQ/ATHF thresholds; "
    "verify against the FDA label before release (clinical-reference §12 item 16).",
)


class ReferenceStatus(StrEnum):
    """How far a row was checked, after the clinical reference's ✅ / ◐ / ❓ marks."""

    VERIFIED = "verified"
    PARTLY_VERIFIED = "partly verified"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class ReferenceDrug:
    """One drug's row. Doses are daily amounts in ``unit``; ``None`` where the reference gives
    no figure (``adequate_min`` is ``None`` where no adequacy rule exists)."""

    name: str
    aliases: tuple[str, ...]
    drug_class: str
    role: MedicationRole
    unit: str
    usual_start: float | None
    usual_range_low: float | None
    usual_range_high: float | None
    adequate_min: float | None
    status: ReferenceStatus
    source: str
    note: str = ""


def name_key(name: str) -> str:
    """The form of a name used for look-ups: case-folded, spaces collapsed, dashes unified."""
    return re.sub(r"\s+", " ", re.sub(r"[\u2010-\u2015\u2212]", "-", name)).strip().casefold()


@dataclass(frozen=True, slots=True)
class MedicationReference:
    drugs: tuple[ReferenceDrug, ...]
    source_caution: str  # as the file has it; ``caution`` in the person's language
    description: str = ""
    editable_default: bool = True
    _by_key: dict[str, ReferenceDrug] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, ReferenceDrug] = {}
        for drug in self.drugs:
            for name in (drug.name, *drug.aliases):
                other = by_key.setdefault(name_key(name), drug)
                if other is not drug:
                    raise ValueError(
                        f"medication reference: the name {name!r} is used by both "
                        f"{other.name!r} and {drug.name!r}"
                    )
        object.__setattr__(self, "_by_key", by_key)

    @property
    def caution(self) -> str:
        if self.source_caution == _SHIPPED_CAUTION:
            return translate("MedicationReference", _SHIPPED_CAUTION)
        return self.source_caution

    def find(self, name: str) -> ReferenceDrug | None:
        """The drug called ``name`` or known by it as an alias, ignoring case and surrounding
        spaces; ``None`` if the reference does not list it."""
        return self._by_key.get(name_key(name))

    def names(self, *, include_aliases: bool = False) -> list[str]:
        """Display names (and, if asked, aliases) in alphabetical order, e.g. for a completer."""
        found = [
            name
            for drug in self.drugs
            for name in ((drug.name, *drug.aliases) if include_aliases else (drug.name,))
        ]
        return sorted(found, key=str.casefold)


_DRUG_FIELDS = (
    "name",
    "aliases",
    "drug_class",
    "role",
    "unit",
    "usual_start",
    "usual_range_low",
    "usual_range_high",
    "adequate_min",
    "status",
    "source",
    "note",
)
_ROLES = (MedicationRole.ANTIDEPRESSANT, MedicationRole.AUGMENTATION)


def parse_medication_reference(text: str) -> MedicationReference:
    """Read the reference from its JSON text. Raises ``ValueError`` naming the entry and field
    at fault if the text is not valid JSON or does not have the expected shape."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"medication reference is not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise ValueError("medication reference: the top level must be a JSON object")
    caution = _text(data, "caution", "medication reference")
    description = _text(data, "description", "medication reference")
    editable = data.get("editable_default")
    if not isinstance(editable, bool):
        raise ValueError("medication reference: 'editable_default' must be true or false")
    entries = data.get("drugs")
    if not isinstance(entries, list) or not entries:
        raise ValueError("medication reference: 'drugs' must be a non-empty list")
    drugs = tuple(_drug(entry, number) for number, entry in enumerate(entries, start=1))
    return MedicationReference(
        drugs=drugs, source_caution=caution, description=description, editable_default=editable
    )


@cache
def load_medication_reference() -> MedicationReference:
    """The shipped reference (read once)."""
    return parse_medication_reference(resource_path(RESOURCE_NAME).read_text(encoding="utf-8"))


def _drug(entry: object, number: int) -> ReferenceDrug:
    where = f"medication reference, drug #{number}"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: must be a JSON object")
    if isinstance(entry.get("name"), str):
        where += f" ({entry['name']!r})"
    missing = [name for name in _DRUG_FIELDS if name not in entry]
    if missing:
        raise ValueError(f"{where}: missing field(s) {', '.join(map(repr, missing))}")
    unknown = sorted(set(entry) - set(_DRUG_FIELDS))
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}")

    aliases = entry["aliases"]
    if not isinstance(aliases, list) or not all(
        isinstance(alias, str) and alias.strip() for alias in aliases
    ):
        raise ValueError(f"{where}: 'aliases' must be a list of non-empty strings")
    role = entry["role"]
    if role not in _ROLES:
        allowed = ", ".join(repr(r.value) for r in _ROLES)
        raise ValueError(f"{where}: 'role' must be one of {allowed}")
    status = entry["status"]
    if status not in tuple(ReferenceStatus):
        allowed = ", ".join(repr(s.value) for s in ReferenceStatus)
        raise ValueError(f"{where}: 'status' must be one of {allowed}")
    low = _dose(entry, "usual_range_low", where)
    high = _dose(entry, "usual_range_high", where)
    if low is not None and high is not None and low > high:
        raise ValueError(f"{where}: 'usual_range_low' is above 'usual_range_high'")
    note = entry["note"]
    if not isinstance(note, str):
        raise ValueError(f"{where}: 'note' must be a string")
    return ReferenceDrug(
        name=_text(entry, "name", where).strip(),
        aliases=tuple(alias.strip() for alias in aliases),
        drug_class=_text(entry, "drug_class", where),
        role=MedicationRole(role),
        unit=_text(entry, "unit", where),
        usual_start=_dose(entry, "usual_start", where),
        usual_range_low=low,
        usual_range_high=high,
        adequate_min=_dose(entry, "adequate_min", where),
        status=ReferenceStatus(status),
        source=_text(entry, "source", where),
        note=note,
    )


def _text(data: dict[str, Any], name: str, where: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {name!r} must be a non-empty string")
    return value


def _dose(data: dict[str, Any], name: str, where: str) -> float | None:
    value = data[name]
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"{where}: {name!r} must be a non-negative number or null")
    return float(value)
