"""The only package that speaks SQL: opening the diary file, its migrations, and the
DiaryStore that reads and writes domain objects."""

import sys

# sqlite-utils imports numpy and pandas when they are installed, only to convert their
# scalar types on insert. numpy is installed for matplotlib, and importing it costs about
# 50 ms of start-up; moodlog never hands numpy values to storage. So sqlite_utils is
# loaded with both hidden (an entry of None makes `import numpy` raise ImportError, which
# sqlite-utils expects), and both are put back at once for matplotlib's later use.
if "sqlite_utils" not in sys.modules:
    _hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for _name in _hidden:
        sys.modules[_name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for _name in _hidden:
            del sys.modules[_name]
