"""QuestionnaireFlows: opens the questionnaire, score-entry, "Get help now" and safety-plan
dialogs for the main window, writes what they return, and says when the diary changed.

The dialogs are imported on first use, keeping them off the start-up path. A write that
fails brings its dialog back with everything as typed (a questionnaire says so on its own
result page, where the crisis panel stays visible: saving is never what stands between a
person and the help shown).
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from moodlog.domain.clock import Clock
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.questionnaire_preferences import QuestionnairePreferences

if TYPE_CHECKING:
    from moodlog.domain.instruments import Instrument
    from moodlog.domain.questionnaire_result import QuestionnaireResult
    from moodlog.ui.get_help_dialog import GetHelpDialog
    from moodlog.ui.questionnaire_dialog import QuestionnaireDialog
    from moodlog.ui.safety_plan_dialog import SafetyPlanDialog
    from moodlog.ui.score_entry_dialog import ScoreEntryDialog

_D = TypeVar("_D", bound=QDialog)


class QuestionnaireFlows(QObject):
    """Signals:
    results_changed(): a questionnaire result was added or changed.
    status(str): a short message for the status bar.
    """

    results_changed = Signal()
    status = Signal(str)

    def __init__(
        self,
        store: DiaryStore,
        clock: Clock,
        preferences: QuestionnairePreferences,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._store = store
        self._clock = clock
        self._preferences = preferences
        self._window = window
        # The dialogs showing now, so the safety plan's edits reach every open panel.
        self.questionnaire: QuestionnaireDialog | None = None
        self.get_help: GetHelpDialog | None = None
        self.safety_plan: SafetyPlanDialog | None = None
        self.score_entry: ScoreEntryDialog | None = None

    # -- questionnaires ----------------------------------------------------------------------

    def take_phq9(self) -> "QuestionnaireDialog":
        from moodlog.domain.instruments import Instrument

        return self.take(Instrument.PHQ9)

    def take_gad7(self) -> "QuestionnaireDialog":
        from moodlog.domain.instruments import Instrument

        return self.take(Instrument.GAD7)

    def take(self, instrument: "Instrument") -> "QuestionnaireDialog":
        from moodlog.ui.questionnaire_dialog import QuestionnaireDialog

        questionnaires = self._store.questionnaires
        dialog = QuestionnaireDialog(
            instrument,
            self._clock().date(),
            lambda result: questionnaires.add_result(result, self._clock()),
            questionnaires.crisis_contacts(),
            questionnaires.safety_plan(),
            all_on_one_page=self._preferences.all_on_one_page(),
            parent=self._window,
        )
        dialog.saved.connect(lambda result: self._on_saved(result))
        dialog.safety_plan_requested.connect(self.edit_safety_plan)
        dialog.help_requested.connect(self.show_get_help)
        dialog.layout_changed.connect(self._preferences.set_all_on_one_page)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.questionnaire = dialog
        dialog.open()
        return dialog

    def _on_saved(self, result: "QuestionnaireResult") -> None:
        self.status.emit(
            self.tr("{name} saved: {total}.").format(name=result.info.name, total=result.total_text)
        )
        self.results_changed.emit()

    def enter_score(self, existing: "QuestionnaireResult | None" = None) -> "ScoreEntryDialog":
        from moodlog.ui.score_entry_dialog import ScoreEntryDialog

        today = self._clock().date()
        if existing is None:
            dialog = ScoreEntryDialog(today, parent=self._window)
        else:
            dialog = ScoreEntryDialog(today, existing.instrument, existing, parent=self._window)

        def save() -> bool:
            result = dialog.questionnaire_result()
            questionnaires = self._store.questionnaires
            if result.id is None:
                return self._write(lambda: questionnaires.add_result(result, self._clock()))
            return self._write(lambda: questionnaires.update_result(result, self._clock()))

        self.score_entry = dialog
        return self._open(dialog, save)

    def _write(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except StorageError as error:
            dialogs.show_error(self._window, self.tr("Not saved"), error.message)
            return False
        self.status.emit(self.tr("Score saved."))
        self.results_changed.emit()
        return True

    # -- help and the safety plan ------------------------------------------------------------

    def show_get_help(self) -> "GetHelpDialog":
        from moodlog.ui.get_help_dialog import GetHelpDialog

        if self.get_help is not None:
            self.get_help.raise_()
            self.get_help.activateWindow()
            return self.get_help
        questionnaires = self._store.questionnaires
        # Over an open questionnaire (which blocks the main window), else over the window.
        dialog = GetHelpDialog(
            questionnaires.crisis_contacts(),
            questionnaires.safety_plan(),
            self.questionnaire or self._window,
        )
        dialog.edit_requested.connect(self.edit_safety_plan)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        # Closed with the questionnaire it sits over: forget it then too.
        dialog.destroyed.connect(lambda: setattr(self, "get_help", None))
        self.get_help = dialog
        # Not modal: the person can keep the numbers in view while they do anything else.
        dialog.show()
        return dialog

    def edit_safety_plan(self) -> "SafetyPlanDialog":
        from moodlog.ui.safety_plan_dialog import SafetyPlanDialog

        if self.safety_plan is not None:
            self.safety_plan.raise_()
            self.safety_plan.activateWindow()
            return self.safety_plan
        questionnaires = self._store.questionnaires
        parent = self.questionnaire or self.get_help or self._window
        dialog = SafetyPlanDialog(
            questionnaires.safety_plan(), questionnaires.crisis_contacts(), parent
        )

        def save() -> bool:
            plan, contacts = dialog.plan(), dialog.contacts()
            try:
                questionnaires.set_safety_plan(plan, contacts)
            except StorageError as error:
                dialogs.show_error(dialog, self.tr("Your safety plan was not saved"), error.message)
                return False
            if self.questionnaire is not None:
                self.questionnaire.set_safety_plan(contacts, plan)
            if self.get_help is not None:
                self.get_help.set_contents(contacts, plan)
            self.status.emit(self.tr("Safety plan saved."))
            return True

        self.safety_plan = dialog
        return self._open(dialog, save)

    # -- plumbing ------------------------------------------------------------------------------

    def _open(self, dialog: _D, on_accept: Callable[[], bool]) -> _D:
        """Show ``dialog``; ``on_accept`` writes what it holds. A failed write brings the
        dialog back as typed."""

        def finished(code: int) -> None:
            if code == QDialog.DialogCode.Accepted and not on_accept():
                dialog.open()
                return
            self._forget(dialog)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        for name in ("questionnaire", "get_help", "safety_plan", "score_entry"):
            if getattr(self, name) is dialog:
                setattr(self, name, None)
        dialog.deleteLater()
