"""The PHQ-9 and GAD-7, word for word (clinical-reference.md §1.2–§1.5, §2.1, §1.9, §2.5).

Both are free to reproduce, translate, display or distribute; the attribution line must stay
with them, in the app and in the report. Where reproductions differ in punctuation, one form
is chosen here and used everywhere: "2 weeks" as on the printed Pfizer form, the em dash in
PHQ-9 items 6 and 8, the comma after "dead" in item 9 (as LOINC displays it), and the GAD-7
commas of the Spitzer 2006 paper.

Nothing else in moodlog may hold a copy of these texts: tests compare against this module.

The constants hold the English; :func:`translated` (and the functions after it) give the
person's language. Translators are asked to use each instrument's published, validated
translation rather than their own words.
"""

from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

# §1.4: the four answers, scored 0-3, shared by both questionnaires (§2.1).
ANSWER_OPTIONS: tuple[str, ...] = (
    #: PHQ-9 and GAD-7 answer (score 0), word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Not at all"),
    #: PHQ-9 and GAD-7 answer (score 1), word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Several days"),
    #: PHQ-9 and GAD-7 answer (score 2), word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "More than half the days"),
    #: PHQ-9 and GAD-7 answer (score 3), word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Nearly every day"),
)
# LOINC answer codes, in score order (§1.4). GAD-7 item 2's LOINC list labels value 2
# differently (§2.3); the standard wording above is shown and ordinal values are stored.
ANSWER_LOINC: tuple[str, ...] = ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")

# §1.5: the difficulty question's answers (not scored).
DIFFICULTY_OPTIONS: tuple[str, ...] = (
    #: PHQ-9 and GAD-7 difficulty answer, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Not difficult at all"),
    #: PHQ-9 and GAD-7 difficulty answer, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Somewhat difficult"),
    #: PHQ-9 and GAD-7 difficulty answer, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Very difficult"),
    #: PHQ-9 and GAD-7 difficulty answer, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Extremely difficult"),
)
# Very = LA6575-0 and Extremely = LA6574-3, as the terminology server expands LL359-1 (§1.5).
DIFFICULTY_LOINC: tuple[str, ...] = ("LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3")

PHQ9_STEM = (
    #: PHQ-9 question stem, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    )
)
PHQ9_ITEMS: tuple[str, ...] = (
    #: PHQ-9 item 1, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Little interest or pleasure in doing things"),
    #: PHQ-9 item 2, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Feeling down, depressed, or hopeless"),
    #: PHQ-9 item 3, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts", "Trouble falling or staying asleep, or sleeping too much"
    ),
    #: PHQ-9 item 4, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Feeling tired or having little energy"),
    #: PHQ-9 item 5, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Poor appetite or overeating"),
    #: PHQ-9 item 6, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "Feeling bad about yourself — or that you are a failure or have let yourself or "
        "your family down",
    ),
    #: PHQ-9 item 7, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
    ),
    #: PHQ-9 item 8, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "Moving or speaking so slowly that other people could have noticed? Or the "
        "opposite — being so fidgety or restless that you have been moving around a lot "
        "more than usual",
    ),
    #: PHQ-9 item 9, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "Thoughts that you would be better off dead, or of hurting yourself in some way",
    ),
)
PHQ9_ITEM_LOINC: tuple[str, ...] = (
    "44250-9",
    "44255-8",
    "44259-0",
    "44254-1",
    "44251-7",
    "44258-2",
    "44252-5",
    "44253-3",
    "44260-8",
)
PHQ9_DIFFICULTY = (
    #: PHQ-9 difficulty question, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "If you checked off any problems, how difficult have these problems made it for you "
        "to do your work, take care of things at home, or get along with other people?",
    )
)

GAD7_STEM = (
    #: GAD-7 question stem, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "Over the last 2 weeks, how often have you been bothered by the following problems?",
    )
)
GAD7_ITEMS: tuple[str, ...] = (
    #: GAD-7 item 1, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Feeling nervous, anxious, or on edge"),
    #: GAD-7 item 2, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Not being able to stop or control worrying"),
    #: GAD-7 item 3, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Worrying too much about different things"),
    #: GAD-7 item 4, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Trouble relaxing"),
    #: GAD-7 item 5, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Being so restless that it is hard to sit still"),
    #: GAD-7 item 6, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Becoming easily annoyed or irritable"),
    #: GAD-7 item 7, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP("QuestionnaireTexts", "Feeling afraid, as if something awful might happen"),
)
GAD7_ITEM_LOINC: tuple[str, ...] = (
    "69725-0",
    "68509-9",
    "69733-4",
    "69734-2",
    "69735-9",
    "69689-8",
    "69736-7",
)
GAD7_DIFFICULTY = (
    #: GAD-7 difficulty question, word for word from a validated instrument.
    #: Use its published, validated translation for your language (phqscreeners.com;
    #: clinical-reference.md §1.9). Do not translate freely.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "If you checked any problems, how difficult have they made it for you to do your "
        "work, take care of things at home, or get along with other people?",
    )
)

# §1.9, §2.5: kept with the questionnaires wherever they appear.
ATTRIBUTION = (
    #: The copyright holder's attribution line for the PHQ-9 and GAD-7. Keep the names as
    #: they are; use the wording of the validated translation's own attribution if it has one.
    QT_TRANSLATE_NOOP(
        "QuestionnaireTexts",
        "PHQ-9 and GAD-7: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt "
        "Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission "
        "required to reproduce, translate, display or distribute.",
    )
)


def translated(text: str) -> str:
    """One of this module's texts (an item, a stem, an answer…) in the person's language."""
    return translate("QuestionnaireTexts", text)


def answer_options() -> tuple[str, ...]:
    """:data:`ANSWER_OPTIONS` in the person's language."""
    return tuple(translated(option) for option in ANSWER_OPTIONS)


def difficulty_options() -> tuple[str, ...]:
    """:data:`DIFFICULTY_OPTIONS` in the person's language."""
    return tuple(translated(option) for option in DIFFICULTY_OPTIONS)


def attribution() -> str:
    """:data:`ATTRIBUTION` in the person's language."""
    return translated(ATTRIBUTION)
