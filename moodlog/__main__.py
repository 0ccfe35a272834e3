"""`python -m moodlog`."""

import sys

from moodlog.app import run

sys.exit(run())
