"""The PHQ-9 and GAD-7, word for word (clinical-reference.md §1.2–§1.5, §2.1, §1.9, §2.5).

Both are free to reproduce, translate, display or distribute; the attribution line must stay
with them, in the app and in the report. Where reproductions differ in punctuation, one form
is chosen here and used everywhere: "2 weeks" as on the printed Pfizer form, the em dash in
PHQ-9 items 6 and 8, the comma after "dead" in item 9 (as LOINC displays it), and the GAD-7
commas of the Spitzer 2006 paper.

Nothing else in moodlog may hold a copy of these texts: tests compare against this module.
"""

# §1.4: the four answers, scored 0-3, shared by both questionnaires (§2.1).
ANSWER_OPTIONS: tuple[str, ...] = (
    "Not at all",
    "Several days",
    "More than half the days",
    "Nearly every day",
)
# LOINC answer codes, in score order (§1.4). GAD-7 item 2's LOINC list labels value 2
# differently (§2.3); the standard wording above is shown and ordinal values are stored.
ANSWER_LOINC: tuple[str, ...] = ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")

# §1.5: the difficulty question's answers (not scored).
DIFFICULTY_OPTIONS: tuple[str, ...] = (
    "Not difficult at all",
    "Somewhat difficult",
    "Very difficult",
    "Extremely difficult",
)
# Very = LA6575-0 and Extremely = LA6574-3, as the terminology server expands LL359-1 (§1.5).
DIFFICULTY_LOINC: tuple[str, ...] = ("LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3")

PHQ9_STEM = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)
PHQ9_ITEMS: tuple[str, ...] = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead, or of hurting yourself in some way",
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
    "If you checked off any problems, how difficult have these problems made it for you to do "
    "your work, take care of things at home, or get along with other people?"
)

GAD7_STEM = "Over the last 2 weeks, how often have you been bothered by the following problems?"
GAD7_ITEMS: tuple[str, ...] = (
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
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
    "If you checked any problems, how difficult have they made it for you to do your work, "
    "take care of things at home, or get along with other people?"
)

# §1.9, §2.5: kept with the questionnaires wherever they appear.
ATTRIBUTION = (
    "PHQ-9 and GAD-7: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke "
    "and colleagues, with an educational grant from Pfizer Inc. No permission required to "
    "reproduce, translate, display or distribute."
)
