"""moodlog: a private desktop diary for treatment-resistant depression."""

__version__ = "0.1.0"
