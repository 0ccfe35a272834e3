"""Loading sqlite-utils when it is first needed, not at start-up.

sqlite-utils (and what it imports: click, pluggy, dateutil) costs about 50 ms, half of a
bare Qt window's start-up; start-up only reads, which plain sqlite3 does. It also imports
numpy and pandas when they are installed, only to convert their scalar types on insert:
numpy is installed for matplotlib, costs another ~50 ms, and moodlog never hands numpy
values to storage. So both are hidden while sqlite-utils loads (an entry of None makes
`import numpy` raise ImportError, which sqlite-utils expects) and put back at once.
"""

import sys


def load_sqlite_utils() -> None:
    """Import sqlite_utils (once); afterwards `from sqlite_utils import ...` is instant."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]
