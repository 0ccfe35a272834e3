"""Where the files of `resources/` are: inside the installed package (`moodlog.resources`,
mapped in pyproject.toml) or, in a source checkout, beside the package."""

from importlib import resources
from pathlib import Path


def resource_path(name: str) -> Path:
    """The path of ``resources/<name>``."""
    try:
        installed = Path(str(resources.files("moodlog.resources") / name))
        if installed.exists():
            return installed
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources" / name
