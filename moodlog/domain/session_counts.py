"""How many sessions of a course, in the word its kind uses for one (``CourseKind.session_word``:
session, infusion, treatment, setting change). Whole phrases per word and per number, so a
translation can make the number and the word agree."""

from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.domain.treatments import CourseKind

# (one, several, several of a planned number, none yet) for each word.
_SESSIONS = (
    QT_TRANSLATE_NOOP("SessionCounts", "1 session"),
    QT_TRANSLATE_NOOP("SessionCounts", "{count} sessions"),
    QT_TRANSLATE_NOOP("SessionCounts", "{count} of {planned} sessions"),
    QT_TRANSLATE_NOOP("SessionCounts", "no sessions recorded"),
)
_SETTING_CHANGES = (
    #: VNS and DBS: each entry is a change to the device's settings.
    QT_TRANSLATE_NOOP("SessionCounts", "1 setting change"),
    QT_TRANSLATE_NOOP("SessionCounts", "{count} setting changes"),
    QT_TRANSLATE_NOOP("SessionCounts", "{count} of {planned} setting changes"),
    QT_TRANSLATE_NOOP("SessionCounts", "no setting changes recorded"),
)
_INFUSIONS = (
    QT_TRANSLATE_NOOP("SessionCounts", "1 infusion"),
    QT_TRANSLATE_NOOP("SessionCounts", "{count} infusions"),
    QT_TRANSLATE_NOOP("SessionCounts", "{count} of {planned} infusions"),
    QT_TRANSLATE_NOOP("SessionCounts", "no infusions recorded"),
)
_TREATMENTS = (
    #: ECT: each session is called a treatment.
    QT_TRANSLATE_NOOP("SessionCounts", "1 treatment"),
    QT_TRANSLATE_NOOP("SessionCounts", "{count} treatments"),
    QT_TRANSLATE_NOOP("SessionCounts", "{count} of {planned} treatments"),
    QT_TRANSLATE_NOOP("SessionCounts", "no treatments recorded"),
)
SESSION_PHRASES = {
    CourseKind.VNS: _SETTING_CHANGES,
    CourseKind.DBS: _SETTING_CHANGES,
    CourseKind.IV_KETAMINE: _INFUSIONS,
    CourseKind.ECT: _TREATMENTS,
}


def session_count(kind: CourseKind, count: int) -> str:
    """ "1 session", "7 sessions" (and "0 sessions")."""
    one, several, _of_planned, _none = SESSION_PHRASES.get(kind, _SESSIONS)
    if count == 1:
        return translate("SessionCounts", one)
    return translate("SessionCounts", several).format(count=count)


def sessions_of_planned(kind: CourseKind, count: int, planned: int | None) -> str:
    """ "24 of 36 sessions"; without a planned number, :func:`session_count`."""
    if not planned:
        return session_count(kind, count)
    _one, _several, of_planned, _none = SESSION_PHRASES.get(kind, _SESSIONS)
    return translate("SessionCounts", of_planned).format(count=count, planned=planned)


def planned_count(count: int, planned: int | None) -> str:
    """ "24 of 36 planned", or "24" without a planned number."""
    if not planned:
        return str(count)
    return translate("SessionCounts", "{count} of {planned} planned").format(
        count=count, planned=planned
    )


def none_recorded(kind: CourseKind) -> str:
    """ "no sessions recorded", in ``kind``'s word."""
    return translate("SessionCounts", SESSION_PHRASES.get(kind, _SESSIONS)[3])
