"""Start moodlog from a source checkout: `python main.py [--db PATH]`."""

import sys

from moodlog.app import run

if __name__ == "__main__":
    sys.exit(run())
