"""Tests for moodlog/domain/side_effects.py."""

from moodlog.domain.side_effects import DEFAULT_SIDE_EFFECTS, Severity


def test_severity_labels() -> None:
    assert [s.label for s in Severity] == ["None", "Mild", "Moderate", "Severe"]


def test_default_side_effects_are_unique_ignoring_case() -> None:
    assert len({name.casefold() for name in DEFAULT_SIDE_EFFECTS}) == len(DEFAULT_SIDE_EFFECTS)
