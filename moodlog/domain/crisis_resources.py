"""What the crisis panel and "Get help now" say (clinical-reference.md §1.8, §10.1).

Only US numbers are known to moodlog's reference (988, 911); other countries' numbers were
not researched, so none is hard-coded: the person adds their own local emergency number.

The constants hold the English; read them through :func:`crisis_text` (context
"CrisisResources") to show them in the person's language. Numbers and addresses stay as they
are inside the translated sentences.
"""

from dataclasses import dataclass

from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

US_EMERGENCY = "911"

# §10.1: live since 16 July 2022; call or text 988, chat at 988lifeline.org; free,
# confidential, 24/7; press 1 for the Veterans Crisis Line, 2 for Spanish.

#: The US lifeline's own name; (US) says it serves the United States only
LIFELINE_NAME = QT_TRANSLATE_NOOP(
    "CrisisResources",
    "988 Suicide & Crisis Lifeline (US)",
)
#: US-only service: keep the number 988 and the address 988lifeline.org as they are
LIFELINE_HOW = QT_TRANSLATE_NOOP(
    "CrisisResources",
    "Call or text 988, or chat at 988lifeline.org. Free, confidential, 24 hours a day.",
)
#: The US lifeline's phone menu: keep the digits 1 and 2 as they are
LIFELINE_OPTIONS = QT_TRANSLATE_NOOP(
    "CrisisResources",
    "Press 1 for the Veterans Crisis Line, 2 for Spanish.",
)

NOBODY_MONITORS = QT_TRANSLATE_NOOP(
    "CrisisResources",
    "Nobody monitors this diary, and moodlog contacts no one: what you write stays on this "
    "computer. If you need help, please reach out yourself — to the people and numbers here.",
)
OUTSIDE_US = QT_TRANSLATE_NOOP(
    "CrisisResources", "Outside the US, call your local emergency number."
)


def crisis_text(text: str) -> str:
    """One of this module's constants in the person's language."""
    return translate("CrisisResources", text)


@dataclass(frozen=True, slots=True)
class CrisisMessage:
    heading: str
    body: str
    urgent: bool


def message_for_safety_answer(answer: int | None) -> CrisisMessage | None:
    """The crisis panel's words for a PHQ-9 item-9 answer, or ``None`` for 0 or no answer.

    Answers of 2 or 3 ("More than half the days", "Nearly every day") get stronger wording
    (§1.8: markedly higher risk from "more than half the days" on).
    """
    if answer is None or answer <= 0:
        return None
    if answer >= 2:
        if answer >= 3:
            body = translate(
                "CrisisResources",
                "You said that thoughts of being better off dead, or of hurting yourself, have "
                "come nearly every day. That is a lot to carry alone. Please contact a crisis "
                "line or your clinician today — now, if you feel unsafe. If you might act on "
                "these thoughts, call emergency services.",
            )
        else:
            body = translate(
                "CrisisResources",
                "You said that thoughts of being better off dead, or of hurting yourself, have "
                "come on more than half the days. That is a lot to carry alone. Please contact "
                "a crisis line or your clinician today — now, if you feel unsafe. If you might "
                "act on these thoughts, call emergency services.",
            )
        return CrisisMessage(
            heading=translate("CrisisResources", "Please reach out for help today"),
            body=body,
            urgent=True,
        )
    return CrisisMessage(
        heading=translate("CrisisResources", "You don't have to face these thoughts alone"),
        body=translate(
            "CrisisResources",
            "You said that thoughts of being better off dead, or of hurting yourself, have "
            "come on some days. Talking to someone can help: a crisis line, someone you trust, "
            "or your clinician.",
        ),
        urgent=False,
    )


GET_HELP_HEADING = QT_TRANSLATE_NOOP("CrisisResources", "Get help now")
GET_HELP_BODY = QT_TRANSLATE_NOOP(
    "CrisisResources",
    "If you are thinking about suicide or about hurting yourself, or you are worried about "
    "your safety, you can talk to someone right now.",
)
