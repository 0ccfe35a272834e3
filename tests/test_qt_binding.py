"""The installed Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 releases one reference to ``None`` on every call that returns nothing. On
Python 3.11 ``None`` is an ordinary object, so after a few thousand such calls (one paint
of the treatment timeline makes hundreds) Python frees it and aborts. pyproject.toml
excludes that release; this test fails loudly if another one does the same.
"""

import sys

import pytest
from PySide6.QtCore import QObject


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 (PEP 683)"
)
def test_calls_returning_nothing_keep_nones_reference_count() -> None:
    target = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        target.setObjectName("x")
    # Other references to None come and go a little; 200 lost ones would not.
    assert abs(sys.getrefcount(None) - before) < 50
