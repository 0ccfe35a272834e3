"""Short, everyday notes for the demo diary, matched to how the day went."""

from random import Random

from moodlog.demo.mood_course import Stretch

_NOTES = {
    Stretch.LOW: (
        "Couldn't face getting up. Stayed in bed until midday.",
        "Everything felt heavy today.",
        "Cancelled plans again.",
        "No appetite, skipped lunch.",
        "Felt flat and far away all day.",
        "Couldn't read more than a page.",
        "Didn't answer the phone.",
    ),
    Stretch.USUAL: (
        "Did the shopping, which felt like a lot.",
        "Okay morning, dipped in the afternoon.",
        "Short walk round the block.",
        "Tired, but got through work.",
        "Watched a film with J.",
        "Forgot my morning dose, took it at lunch.",
    ),
    Stretch.BETTER: (
        "Good day. Met a friend for coffee.",
        "Cooked a proper meal.",
        "Enjoyed the walk by the river.",
        "Got lots done at work.",
        "Laughed properly for the first time in a while.",
    ),
}
_FOR_CLINICIAN = {
    Stretch.LOW: (
        "Mood has been low for weeks now. Want to talk about options.",
        "Sleeping badly for two weeks. Mention at the appointment.",
        "Struggling to keep up with work. Ask about a fit note.",
    ),
    Stretch.USUAL: (
        "Dry mouth is worse since the dose went up. Ask about it.",
        "Ask whether the afternoon drowsiness is the medication.",
        "Missed two doses this week.",
    ),
    Stretch.BETTER: (
        "Noticeably better this week. Worth mentioning.",
        "Ask about the plan if this keeps up.",
    ),
}


def demo_note(stretch: Stretch, rng: Random) -> tuple[str, bool]:
    """A note and whether it is marked for the clinician (more often in a low stretch)."""
    flag_chance = 0.35 if stretch is Stretch.LOW else 0.15
    if rng.random() < flag_chance:
        return rng.choice(_FOR_CLINICIAN[stretch]), True
    return rng.choice(_NOTES[stretch]), False
