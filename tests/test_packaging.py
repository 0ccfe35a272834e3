"""The wheel a newcomer installs: it declares the `moodlog` launcher, carries every module
and every file of resources/ (icons, .desktop, AppStream metadata, data, the user guide),
and once installed, the launcher opens the window.

The wheel is built once for the whole module (about 2 s), from a copy of the sources, with
this environment's setuptools and without the network."""

import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS_NEEDED = 77  # pyproject.toml's [build-system]; the test extra installs it


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, zipfile.ZipFile]:
    """(the copied source tree, the wheel built from it)."""
    major = int(version("setuptools").split(".")[0])
    assert major >= SETUPTOOLS_NEEDED, "install the test extra: pip install -e '.[test]'"
    tmp = tmp_path_factory.mktemp("packaging")
    source = tmp / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("moodlog", "resources"):
        # A copy, so the build leaves nothing behind in the checkout; symlinks (the user
        # guide) are copied as the files they point to, as setuptools does.
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    out = tmp / "dist"
    if shutil.which("pyproject-build") or _has_module("build"):
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir"]
        run([*command, str(out), str(source)], tmp)
    else:
        pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
        run([*pip, "--no-index", "--wheel-dir", str(out), str(source)], tmp)
    (wheel,) = out.glob("moodlog-*.whl")
    return source, zipfile.ZipFile(wheel)


def _has_module(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(name) is not None


def dist_info(wheel: zipfile.ZipFile, name: str) -> str:
    (path,) = [n for n in wheel.namelist() if n.endswith(f".dist-info/{name}")]
    return wheel.read(path).decode()


def test_the_wheel_declares_the_moodlog_launcher(built: tuple[Path, zipfile.ZipFile]) -> None:
    _source, wheel = built
    entry_points = dist_info(wheel, "entry_points.txt")
    assert "[gui_scripts]\nmoodlog = moodlog.app:run" in entry_points
    metadata = dist_info(wheel, "METADATA")
    assert "License-Expression: GPL-3.0-or-later" in metadata
    assert "Requires-Dist: PySide6-Essentials" in metadata


def test_the_wheel_carries_every_module_and_resource(
    built: tuple[Path, zipfile.ZipFile],
) -> None:
    source, wheel = built
    names = set(wheel.namelist())
    modules = {p.relative_to(source).as_posix() for p in (source / "moodlog").rglob("*.py")}
    assert sorted(modules - names) == []  # a new subpackage needs adding to pyproject.toml
    assert "moodlog/py.typed" in names
    resources = {
        "moodlog/resources/" + p.relative_to(source / "resources").as_posix()
        for p in (source / "resources").rglob("*")
        if p.is_file()
    }
    assert sorted(resources - names) == []
    for expected in (
        "moodlog/resources/moodlog.svg",
        "moodlog/resources/icons/hicolor/16x16/apps/moodlog.png",
        "moodlog/resources/icons/hicolor/256x256/apps/moodlog.png",
        "moodlog/resources/moodlog.desktop",
        "moodlog/resources/io.github.moodlog.metainfo.xml",
        "moodlog/resources/medication_reference.json",
    ):
        assert expected in names
    guide = wheel.read("moodlog/resources/user-guide.md").decode()
    assert guide == (ROOT / "docs" / "user-guide.md").read_text()


def _installed_files() -> list[str]:
    """The files of the moodlog installed in this environment (none when it isn't)."""
    try:
        return sorted(str(f) for f in importlib.metadata.distribution("moodlog").files or ())
    except importlib.metadata.PackageNotFoundError:
        return []


def test_installed_the_launcher_opens_the_window(
    built: tuple[Path, zipfile.ZipFile], tmp_path: Path
) -> None:
    _source, wheel = built
    prefix = tmp_path / "prefix"
    # --ignore-installed: without it pip uninstalls the environment's own (editable)
    # moodlog before installing into the prefix, taking the developer's launcher with it.
    pip = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--no-compile"]
    installed_here = _installed_files()
    run([*pip, "--ignore-installed", "--prefix", str(prefix), str(wheel.filename)], tmp_path)
    assert _installed_files() == installed_here  # this environment's moodlog is untouched
    scheme = sysconfig.get_paths(vars={"base": str(prefix), "platbase": str(prefix)})
    site = Path(scheme["purelib"])
    launcher = Path(scheme["scripts"]) / "moodlog"
    # The installed copy, not this checkout, and its resources from inside the package.
    code = (
        "import moodlog, moodlog.resource_files as r;"
        "print(moodlog.__file__);print(r.resource_path('user-guide.md'))"
    )
    env = {"PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    where = run([sys.executable, "-c", code], tmp_path, **env).stdout.split()
    assert all(Path(line).is_relative_to(site) for line in where), where
    diary = tmp_path / "diary" / "moodlog.sqlite"
    run([str(launcher), "--db", str(diary), "--benchmark-startup"], tmp_path, **env)
    assert diary.exists()
