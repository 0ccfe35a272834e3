"""Where the files of `resources/` are: inside the installed package (`moodlog/resources`,
mapped in pyproject.toml) or, in a source checkout, beside the package."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """The path of ``resources/<name>``."""
    installed = _PACKAGE / "resources" / name
    return installed if installed.exists() else _PACKAGE.parent / "resources" / name
