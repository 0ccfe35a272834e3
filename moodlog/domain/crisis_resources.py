"""What the crisis panel and "Get help now" say (clinical-reference.md §1.8, §10.1).

Only US numbers are known to moodlog's reference (988, 911); other countries' numbers were
not researched, so none is hard-coded: the person adds their own local emergency number.
"""

from dataclasses import dataclass

# §10.1: live since 16 July 2022; call or text 988, chat at 988lifeline.org; free,
# confidential, 24/7; press 1 for the Veterans Crisis Line, 2 for Spanish.
LIFELINE_NAME = "988 Suicide & Crisis Lifeline (US)"
LIFELINE_HOW = "Call or text 988, or chat at 988lifeline.org. Free, confidential, 24 hours a day."
LIFELINE_OPTIONS = "Press 1 for the Veterans Crisis Line, 2 for Spanish."
US_EMERGENCY = "911"

NOBODY_MONITORS = (
    "Nobody monitors this diary, and moodlog contacts no one: what you write stays on this "
    "computer. If you need help, please reach out yourself — to the people and numbers here."
)
OUTSIDE_US = "Outside the US, call your local emergency number."


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
        how_often = "nearly every day" if answer >= 3 else "on more than half the days"
        return CrisisMessage(
            heading="Please reach out for help today",
            body=(
                "You said that thoughts of being better off dead, or of hurting yourself, have "
                f"come {how_often}. That is a lot to carry alone. Please contact "
                "a crisis line or your clinician today — now, if you feel unsafe. If you might "
                "act on these thoughts, call emergency services."
            ),
            urgent=True,
        )
    return CrisisMessage(
        heading="You don't have to face these thoughts alone",
        body=(
            "You said that thoughts of being better off dead, or of hurting yourself, have "
            "come on some days. Talking to someone can help: a crisis line, someone you trust, "
            "or your clinician."
        ),
        urgent=False,
    )


GET_HELP_HEADING = "Get help now"
GET_HELP_BODY = (
    "If you are thinking about suicide or about hurting yourself, or you are worried about "
    "your safety, you can talk to someone right now."
)
