"""Conversion between treatment objects and their table rows."""

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from moodlog.domain.medications import (
    Benefit,
    DoseStep,
    Medication,
    MedicationRole,
    Schedule,
    StopReason,
)
from moodlog.domain.pharmacogenetics import PgxResult, Phenotype
from moodlog.domain.side_effects import Severity
from moodlog.domain.treatments import (
    BloodPressure,
    CourseKind,
    TreatmentCourse,
    TreatmentSession,
)
from moodlog.storage.row_mapping import Row

_V = TypeVar("_V")


def _maybe(convert: Callable[[Any], _V], value: object) -> _V | None:
    """``convert(value)``, or ``None`` for a NULL column."""
    return None if value is None else convert(value)


def _day(value: str | None) -> date | None:
    return _maybe(date.fromisoformat, value)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def medication_to_row(medication: Medication) -> Row:
    return {
        "name": medication.name.strip(),
        "drug_class": medication.drug_class,
        "role": medication.role.value,
        "unit": medication.unit,
        "formulation": medication.formulation,
        "schedule": medication.schedule.value,
        "started": medication.started.isoformat(),
        "stopped": _iso(medication.stopped),
        "stop_reason": None if medication.stop_reason is None else medication.stop_reason.value,
        "benefit": None if medication.benefit is None else int(medication.benefit),
        "adequate_min_dose": medication.adequate_min_dose,
        "dates_approximate": int(medication.dates_approximate),
        "note": medication.note,
    }


def medication_from_row(row: Row, doses: tuple[DoseStep, ...]) -> Medication:
    return Medication(
        id=row["id"],
        name=row["name"],
        drug_class=row["drug_class"],
        role=MedicationRole(row["role"]),
        unit=row["unit"],
        formulation=row["formulation"],
        schedule=Schedule(row["schedule"]),
        started=date.fromisoformat(row["started"]),
        stopped=_day(row["stopped"]),
        stop_reason=_maybe(StopReason, row["stop_reason"]),
        benefit=_maybe(Benefit, row["benefit"]),
        adequate_min_dose=row["adequate_min_dose"],
        dates_approximate=bool(row["dates_approximate"]),
        note=row["note"],
        doses=doses,
    )


def course_to_row(course: TreatmentCourse) -> Row:
    return {
        "kind": course.kind.value,
        "variant": course.variant,
        "started": course.started.isoformat(),
        "ended": _iso(course.ended),
        "planned_sessions": course.planned_sessions,
        "benefit": None if course.benefit is None else int(course.benefit),
        "arm": course.arm,
        "note": course.note,
    }


def course_from_row(row: Row) -> TreatmentCourse:
    return TreatmentCourse(
        id=row["id"],
        kind=CourseKind(row["kind"]),
        variant=row["variant"],
        started=date.fromisoformat(row["started"]),
        ended=_day(row["ended"]),
        planned_sessions=row["planned_sessions"],
        benefit=_maybe(Benefit, row["benefit"]),
        arm=row["arm"],
        note=row["note"],
    )


def _bp(systolic: int | None, diastolic: int | None) -> BloodPressure | None:
    if systolic is None or diastolic is None:
        return None
    return BloodPressure(systolic, diastolic)


def session_to_row(session: TreatmentSession) -> Row:
    return {
        "course_id": session.course_id,
        "at": session.at.isoformat(timespec="minutes"),
        "day": session.at.date().isoformat(),
        "number": session.number,
        "intensity_percent": session.intensity_percent,
        "dose_mg": session.dose_mg,
        "bp_before_systolic": session.bp_before.systolic if session.bp_before else None,
        "bp_before_diastolic": session.bp_before.diastolic if session.bp_before else None,
        "bp_after_systolic": session.bp_after.systolic if session.bp_after else None,
        "bp_after_diastolic": session.bp_after.diastolic if session.bp_after else None,
        "dissociation": session.dissociation,
        "nausea": session.nausea,
        "sedation": session.sedation,
        "electrode_placement": session.electrode_placement,
        "memory_complaints": (
            None if session.memory_complaints is None else int(session.memory_complaints)
        ),
        "side_effects": json.dumps(list(session.side_effects)),
        "setting": session.setting,
        "note": session.note,
    }


def session_from_row(row: Row) -> TreatmentSession:
    return TreatmentSession(
        id=row["id"],
        course_id=row["course_id"],
        at=datetime.fromisoformat(row["at"]),
        number=row["number"],
        intensity_percent=row["intensity_percent"],
        dose_mg=row["dose_mg"],
        bp_before=_bp(row["bp_before_systolic"], row["bp_before_diastolic"]),
        bp_after=_bp(row["bp_after_systolic"], row["bp_after_diastolic"]),
        dissociation=row["dissociation"],
        nausea=row["nausea"],
        sedation=row["sedation"],
        electrode_placement=row["electrode_placement"],
        memory_complaints=_maybe(Severity, row["memory_complaints"]),
        side_effects=tuple(json.loads(row["side_effects"])),
        setting=row["setting"],
        note=row["note"],
    )


def pgx_to_row(result: PgxResult) -> Row:
    return {
        "gene": result.gene.strip(),
        "phenotype": None if result.phenotype is None else result.phenotype.value,
        "genotype": result.genotype,
        "tested_on": _iso(result.tested_on),
        "lab": result.lab,
        "note": result.note,
    }


def pgx_from_row(row: Row) -> PgxResult:
    return PgxResult(
        id=row["id"],
        gene=row["gene"],
        phenotype=_maybe(Phenotype, row["phenotype"]),
        genotype=row["genotype"],
        tested_on=_day(row["tested_on"]),
        lab=row["lab"],
        note=row["note"],
    )
