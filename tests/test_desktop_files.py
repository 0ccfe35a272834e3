"""The files a desktop needs to show moodlog in its menus and software centre: the icon in
every size, the .desktop launcher, the AppStream metadata, and the user guide; and that
pyproject.toml ships every file of resources/."""

import configparser
import fnmatch
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from moodlog import __version__
from moodlog.ui.app_icon import ICON_SIZES, app_icon
from tools.render_icons import icon_path, render_icon

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DESKTOP_FILE = RESOURCES / "moodlog.desktop"
METAINFO = RESOURCES / "io.github.moodlog.metainfo.xml"


def largest_channel_difference(a: QImage, b: QImage) -> int:
    """Compared premultiplied, so a nearly transparent edge pixel counts for little."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    b = b.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            for shift in (0, 8, 16, 24):
                worst = max(worst, abs(((pa >> shift) & 0xFF) - ((pb >> shift) & 0xFF)))
    return worst


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_icon_is_the_svg_at_that_size(qapp: QApplication, size: int) -> None:
    committed = QImage(str(icon_path(size)))
    assert (committed.width(), committed.height()) == (size, size)
    # Regenerate with `python -m tools.render_icons` when the SVG changes. A little slack
    # for antialiasing differences between Qt versions.
    assert largest_channel_difference(committed, render_icon(size)) <= 8


@pytest.mark.parametrize("size", [16, 256])
def test_the_window_icon_draws_the_same_picture(qapp: QApplication, size: int) -> None:
    drawn = app_icon().pixmap(size, size).toImage()
    assert (drawn.width(), drawn.height()) == (size, size)
    assert largest_channel_difference(drawn, QImage(str(icon_path(size)))) <= 8


def test_the_desktop_file_launches_moodlog_with_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "moodlog"
    assert entry["Exec"].split()[0] == "moodlog"  # the gui-script the wheel installs
    assert entry["Icon"] == icon_path(16).stem  # the hicolor icon's name
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert entry["Comment"]
    # app.py names the same file, so the desktop can match the window to its launcher.
    assert 'setDesktopFileName("moodlog")' in (ROOT / "moodlog" / "app.py").read_text()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)
def test_desktop_file_validate_accepts_the_desktop_file() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_the_appstream_metadata_names_the_app_its_licences_and_this_release() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component"
    assert component.get("type") == "desktop-application"

    def text(tag: str) -> str:
        element = component.find(tag)
        assert element is not None, tag
        return (element.text or "").strip()

    assert text("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert text("metadata_license") == "CC0-1.0"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert text("project_license") == project["license"]
    assert text("name") == "moodlog"
    assert text("summary")
    assert text("launchable") == DESKTOP_FILE.name
    assert text("provides/binary") == "moodlog"
    description = " ".join(p.text or "" for p in component.iterfind("description/p"))
    assert "no network connections" in description
    assert "not a medical device" in description
    releases = component.findall("releases/release")
    assert releases[0].get("version") == __version__  # the newest first


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstream")
def test_appstreamcli_validates_the_metadata() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert problems == []


def test_the_shipped_user_guide_is_the_one_in_docs() -> None:
    shipped = RESOURCES / "user-guide.md"
    assert shipped.read_text() == (ROOT / "docs" / "user-guide.md").read_text()
    guide = shipped.read_text()
    for heading in (
        "Your first day",
        "A check-in in 30 seconds, by keyboard",
        "Filling in days",
        "Medications",
        "Questionnaires",
        "Charts",
        "A report for your doctor",
        "Backups, export",
        "Privacy",
    ):
        assert f"\n## {heading}" in guide, heading
    assert "does not diagnose or advise on treatment" in guide


def test_pyproject_ships_every_file_in_resources() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = config["package-data"]["moodlog.resources"]
    assert config["package-dir"]["moodlog.resources"] == "resources"
    files = [
        path.relative_to(RESOURCES).as_posix()
        for path in RESOURCES.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    assert len(files) >= len(ICON_SIZES) + 4
    # setuptools matches package-data globs segment by segment ("*" never crosses a "/").
    unshipped = [
        name
        for name in files
        if not any(
            name.count("/") == p.count("/") and fnmatch.fnmatchcase(name, p) for p in patterns
        )
    ]
    assert unshipped == []
