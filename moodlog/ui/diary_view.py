"""DiaryView: a tab that shows what the diary holds and reloads it lazily."""

from PySide6.QtWidgets import QWidget


class DiaryView(QWidget):
    """A view over the diary. When the diary changes elsewhere (a day saved on Today), the
    window calls :meth:`mark_stale`: a visible view reloads at once, a hidden one the next
    time it is shown (:meth:`refresh_if_stale`), so hidden tabs cost nothing per save."""

    _stale = True

    def refresh(self) -> None:
        """Reload everything from the diary; subclasses call ``self._refreshed()``."""
        raise NotImplementedError

    def _refreshed(self) -> None:
        self._stale = False

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()
