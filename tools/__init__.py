"""Developer tools run by hand from a checkout (not shipped in the wheel)."""
