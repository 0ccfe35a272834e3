"""Tests for moodlog/ui/diary_keeper.py, restore_dialog.py, damaged_diary_dialog.py and
start_up_recovery.py: backups and restoring from the window, a damaged diary, and one
moodlog per diary. The real window over a diary file; file choosers replaced."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.backups import backup_folder, list_backups, make_backup
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui import dialogs
from moodlog.ui.damaged_diary_dialog import DamagedDiaryDialog, Recovery
from moodlog.ui.diary_keeper import DiaryKeeper
from moodlog.ui.main_window import MainWindow
from moodlog.ui.restore_dialog import RestoreDialog
from moodlog.ui.single_instance import bring_running_copy_to_front
from moodlog.ui.start_up_recovery import recover_at_start
from tests.storage.diary_files import damage_table, digest, moods, write_diary
from tests.ui.conftest import FakeClock

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def private_runtime_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The single-instance socket in the test's own folder."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    return write_diary(tmp_path / "data" / "moodlog.sqlite", days=30)


class Opened:
    """The window, its store and its keeper over ``diary``, as the app builds them."""

    def __init__(self, qtbot: QtBot, diary: Path, clock: FakeClock, settings: QSettings) -> None:
        self.store = DiaryStore(open_database(diary, clock(), check=False))
        self.window = MainWindow(self.store, clock, settings, diary)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.keeper = DiaryKeeper(self.window, self.store, diary, clock)


@pytest.fixture
def opened(qtbot: QtBot, diary: Path, clock: FakeClock, settings: QSettings) -> Iterator[Opened]:
    result = Opened(qtbot, diary, clock, settings)
    yield result
    if result.keeper.instance is not None:
        result.keeper.instance.close()
    result.window.close()
    result.store.close()


def save_mood(store: DiaryStore, day: date, mood: int, now: datetime) -> None:
    at = datetime.combine(day, datetime.min.time()).replace(hour=9)
    store.save_day(DayEntry(day, CheckIn(at, {"mood": mood})), now)


def file_action(window: MainWindow, text: str) -> None:
    actions = [a for a in window.file_menu.actions() if a.text() == text]
    assert len(actions) == 1, [a.text() for a in window.file_menu.actions()]
    actions[0].trigger()


# -- after the first frame -----------------------------------------------------------------


def test_start_checks_backs_up_and_answers_a_second_copy(
    qtbot: QtBot, opened: Opened, diary: Path, clock: FakeClock
) -> None:
    opened.keeper.start()
    made = list_backups(backup_folder(diary))
    assert [b.reason for b in made] == ["start-up"]
    assert made[0].made_at == clock()
    assert moods(made[0].path) == moods(diary)
    assert opened.keeper.timer.isActive()
    assert not opened.keeper.damaged
    # A second moodlog on the same diary brings this window back instead of opening.
    opened.window.hide()
    assert bring_running_copy_to_front(diary)
    qtbot.waitUntil(opened.window.isVisible, timeout=2000)


def test_a_new_diary_gets_no_start_up_backup(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, settings: QSettings
) -> None:
    path = tmp_path / "new.sqlite"
    store = DiaryStore(open_database(path, clock(), check=False))
    window = MainWindow(store, clock, settings, path)
    qtbot.addWidget(window)
    keeper = DiaryKeeper(window, store, path, clock, back_up_at_start=False)
    keeper.start()
    assert list_backups(backup_folder(path), "new") == []
    assert keeper.timer.isActive()  # the daily one still comes
    assert keeper.instance is not None
    keeper.instance.close()
    window.close()
    store.close()


def test_the_daily_backup_comes_once_the_last_is_a_day_old(
    opened: Opened, diary: Path, clock: FakeClock
) -> None:
    opened.keeper.start()
    clock.now += timedelta(hours=23)
    assert opened.keeper.back_up_if_due() is None
    clock.now += timedelta(hours=2)
    made = opened.keeper.back_up_if_due()
    assert made is not None
    assert made.name == f"moodlog-{clock.now:%Y%m%d-%H%M%S}-daily.sqlite"
    assert len(list_backups(backup_folder(diary))) == 2


def test_an_automatic_backup_that_fails_is_said_quietly(
    opened: Opened, diary: Path, clock: FakeClock
) -> None:
    backup_folder(diary).write_text("a file where the folder should be")
    assert opened.keeper.back_up("daily") is None
    shown = opened.window.statusBar().currentMessage()
    assert shown.startswith("moodlog couldn't make its automatic backup.")
    assert "Your diary has not changed." in shown


# -- Back up now -------------------------------------------------------------------------


def test_back_up_now_writes_where_the_person_chooses(
    opened: Opened, diary: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []

    def ask(_parent: object, title: str, suggested: Path, _filter: str) -> Path:
        asked.append(suggested)
        assert title == "Back up your diary"
        return tmp_path / "usb" / "my backup"

    (tmp_path / "usb").mkdir()
    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    file_action(opened.window, "&Back up now…")
    target = tmp_path / "usb" / "my backup.sqlite"
    assert asked[0].name == "moodlog-backup-2026-11-21.sqlite"
    assert moods(target) == moods(diary)
    assert target.stat().st_mode & 0o777 == 0o600
    assert opened.window.statusBar().currentMessage() == f"Your diary is backed up to {target}."


def test_back_up_now_into_a_place_it_cannot_write_says_so(
    opened: Opened, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: tmp_path / "gone" / "b.sqlite")
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: errors.append((title, text)))
    assert opened.keeper.back_up_now() is None
    assert errors == [
        (
            "No backup was made",
            "No backup was made (No such file or directory). Your diary has not changed.",
        )
    ]


def test_cancelling_back_up_now_writes_nothing(
    opened: Opened, diary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: None)
    assert opened.keeper.back_up_now() is None
    assert not backup_folder(diary).exists()


# -- Restore from a backup ---------------------------------------------------------------


def test_restoring_from_the_menu_goes_back_and_keeps_the_diary_as_it_was(
    qtbot: QtBot,
    opened: Opened,
    diary: Path,
    clock: FakeClock,
    confirmations: list[str],
) -> None:
    store, window = opened.store, opened.window
    save_mood(store, TODAY, 7, clock())
    opened.keeper.back_up("start-up")  # today's mood 7
    clock.now += timedelta(days=1, hours=1)
    save_mood(store, TODAY, 2, clock())  # a second check-in, mood 2
    opened.keeper.back_up("daily")
    window.today_view.show_day(TODAY)
    # The form has something unsaved: it comes along as a draft.
    window.today_view.check_in_panel.focus_first()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)
    assert window.today_view.has_unsaved_changes

    file_action(window, "&Restore from a backup…")
    dialog = opened.keeper.restore_dialog
    assert dialog is not None
    assert dialog.isVisible()
    items = [dialog.backup_list.topLevelItem(i) for i in range(2)]
    texts = [(item.text(0), item.text(1)) for item in items if item is not None]
    assert texts == [
        ("Sun 22 Nov 2026, 10:30", "Daily"),
        ("Sat 21 Nov 2026, 09:30", "When moodlog started"),
    ]
    assert dialog.restore_button.isEnabled()
    older = items[1]
    assert older is not None
    rect = dialog.backup_list.visualItemRect(older)
    qtbot.mouseClick(dialog.backup_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert confirmations == ["Restore this backup?"]
    record = store.day_record(TODAY)
    assert [c.ratings.get("mood") for c in record.check_ins] == [7]
    kept = diary.with_name("moodlog.before-restore-20261122-103000.sqlite")
    assert kept.exists()
    kept_moods = [m for d, m in moods(kept) if d == TODAY.isoformat()]
    assert kept_moods == [7, 2]  # the diary as it was, nothing lost
    message = window.statusBar().currentMessage()
    assert message == (
        "Restored the backup moodlog-20261121-093000-start-up.sqlite. Your diary as it was "
        f"is kept as {kept.name}."
    )
    # The window shows the restored diary, with the unsaved form back as a draft.
    assert store.draft_for(TODAY) is not None
    assert window.today_view.banner.isVisible()
    assert "hadn't saved yet" in window.today_view.banner.label.text()


def test_the_restore_dialog_takes_a_file_from_elsewhere(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "usb" / "my backup.sqlite"
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: chosen)
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.backup_list.isVisible()
    assert "no automatic backups yet" in dialog.findChildren(type(dialog.file_label))[0].text()
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == chosen
    assert dialog.file_label.text() == f"Chosen: {chosen}"
    assert dialog.restore_button.isEnabled()


def test_a_refused_backup_leaves_the_diary_open_as_it_was(
    opened: Opened,
    diary: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = write_diary(tmp_path / "broken.sqlite", days=3)
    damage_table(broken)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, _t: errors.append(title))
    assert opened.keeper.restore(broken) is None
    assert errors == ["The backup was not restored"]
    assert len(moods(diary)) == 30
    first = opened.store.first_day()
    assert first is not None  # the store is open again on the same diary


# -- a damaged diary ---------------------------------------------------------------------


def test_a_damaged_diary_is_found_after_the_first_frame_and_restored(
    qtbot: QtBot,
    diary: Path,
    clock: FakeClock,
    settings: QSettings,
) -> None:
    with_store = DiaryStore(open_database(diary, clock()))
    good = make_backup(
        with_store.connection, backup_folder(diary), clock() - timedelta(days=1), "daily"
    )
    with_store.close()
    damage_table(diary)
    damaged = digest(diary)
    opened = Opened(qtbot, diary, clock, settings)
    try:
        opened.keeper.start()
        dialog = opened.keeper.damaged_dialog
        assert dialog is not None
        assert dialog.isVisible()
        assert opened.keeper.damaged
        assert "part of it can't be read" in dialog.text_label.text()
        assert "moodlog has not changed the file" in dialog.text_label.text()
        assert "Fri 20 Nov 2026, 09:30" in dialog.text_label.text()
        assert dialog.restore_button.isVisible()
        assert not dialog.other_button.isVisible()  # the window is up: no other file here
        assert dialog.not_now_button.text() == "&Not now"
        # No automatic backup of a damaged diary: the good ones must not rotate away.
        assert [b.path for b in list_backups(backup_folder(diary))] == [good]
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert not opened.keeper.damaged
        assert opened.keeper.backups.problems() == []
        assert moods(diary) == moods(good)
        kept = diary.with_name("moodlog.before-restore-20261121-093000.sqlite")
        assert digest(kept) == damaged  # the damaged file, byte for byte
    finally:
        if opened.keeper.instance is not None:
            opened.keeper.instance.close()
        opened.window.close()
        opened.store.close()


def test_not_now_keeps_the_damaged_diary_open_without_automatic_backups(
    qtbot: QtBot, diary: Path, clock: FakeClock, settings: QSettings
) -> None:
    damage_table(diary)
    damaged = digest(diary)
    opened = Opened(qtbot, diary, clock, settings)
    try:
        opened.keeper.start()
        dialog = opened.keeper.damaged_dialog
        assert dialog is not None
        assert not dialog.restore_button.isVisible()  # no backup to offer
        assert "no backup that could replace it" in dialog.text_label.text()
        qtbot.mouseClick(dialog.not_now_button, Qt.MouseButton.LeftButton)
        assert "makes no automatic backups" in opened.window.statusBar().currentMessage()
        assert opened.keeper.back_up("daily") is None
        assert not backup_folder(diary).exists()
        assert not opened.keeper.timer.isActive()
    finally:
        if opened.keeper.instance is not None:
            opened.keeper.instance.close()
        opened.window.close()
        opened.store.close()
    assert digest(diary) == damaged


# -- damaged at start-up, before the window ------------------------------------------------


def answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[DamagedDiaryDialog]:
    """Replace the modal wait: click the button named ``choice`` in the dialog shown."""
    shown: list[DamagedDiaryDialog] = []

    def run(dialog: DamagedDiaryDialog) -> None:
        shown.append(dialog)
        dialog.open()
        getattr(dialog, f"{choice}_button").click()

    monkeypatch.setattr(dialogs, "run_modal", run)
    return shown


@pytest.fixture
def damaged_with_backup(diary: Path, clock: FakeClock) -> tuple[Path, Path, str]:
    """A diary whose migrations table is damaged (it won't open), and a good backup."""
    store = DiaryStore(open_database(diary, clock()))
    good = make_backup(store.connection, backup_folder(diary), clock(), "start-up")
    store.close()
    damage_table(diary, "_sqlite_migrations")
    return diary, good, digest(diary)


def test_at_start_up_the_latest_good_backup_is_offered_and_restored(
    damaged_with_backup: tuple[Path, Path, str],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    diary, good, damaged = damaged_with_backup
    shown = answer(monkeypatch, "restore")
    recovered = recover_at_start(diary, "damaged!", clock)
    assert recovered is not None
    store, path = recovered
    try:
        assert path == diary
        assert len(moods(diary)) == 30
        assert shown[0].other_button.isVisibleTo(shown[0])
        assert shown[0].not_now_button.text() == "&Quit"
        assert shown[0].detail_label.text() == "What SQLite reported: damaged!"
    finally:
        store.close()
    kept = diary.with_name("moodlog.before-restore-20261121-093000.sqlite")
    assert digest(kept) == damaged
    assert good.exists()


def test_at_start_up_another_diary_can_be_opened_instead(
    damaged_with_backup: tuple[Path, Path, str],
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    diary, _good, damaged = damaged_with_backup
    other = write_diary(tmp_path / "other.sqlite", days=4)
    answer(monkeypatch, "other")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: other)
    recovered = recover_at_start(diary, "damaged", clock)
    assert recovered is not None
    store, path = recovered
    store.close()
    assert path == other
    assert digest(diary) == damaged  # untouched


def test_at_start_up_quitting_changes_nothing(
    damaged_with_backup: tuple[Path, Path, str],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    diary, _good, damaged = damaged_with_backup
    answer(monkeypatch, "not_now")
    assert recover_at_start(diary, "damaged", clock) is None
    assert digest(diary) == damaged
    assert sorted(p.name for p in diary.parent.iterdir()) == ["backups", "moodlog.sqlite"]


def test_at_start_up_with_no_backup_the_message_is_shown_as_before(
    diary: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(dialogs, "run_modal", lambda _d: pytest.fail("no dialog to show"))
    assert recover_at_start(diary, "The diary is damaged.", clock) is None
    assert shown == ["The diary is damaged."]


def test_the_damaged_dialog_choices(qtbot: QtBot, diary: Path) -> None:
    dialog = DamagedDiaryDialog(diary, "malformed", None, at_start=True)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.choice() is Recovery.NOT_NOW
    assert not dialog.restore_button.isVisible()
    assert dialog.other_button.isVisible()
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() is Recovery.OPEN_OTHER
    assert dialog.result() == dialog.DialogCode.Accepted
