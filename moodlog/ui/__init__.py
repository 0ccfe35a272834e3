"""The PySide6 window: the only package (with the composition root) that uses QtWidgets."""
