"""Pure-Python diary concepts and rules. Imports neither Qt nor SQL."""
