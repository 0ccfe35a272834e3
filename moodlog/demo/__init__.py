"""Demo data for trying moodlog out: pure, seeded, built from domain objects only."""
