"""What every tab of the household card shares: access to the card, saving through a service in a
worker, and showing the service's validation errors next to the fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from app.errors import BangfuError, ValidationFailed
from ui.forms import FormPanel, error_summary
from ui.widgets import MessageLine
from ui.workers import run_task

if TYPE_CHECKING:
    from ui.card.card import HouseholdCard
    from ui.card.data import CardData


class CardTab(QWidget):
    """A tab on the card. Subclasses implement ``show_data`` and ``retranslate``."""

    def __init__(self, card: HouseholdCard) -> None:
        super().__init__(card)
        self.card = card
        self.busy = False

    def show_data(self, data: CardData) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def retranslate(self) -> None:
        pass

    def is_dirty(self) -> bool:
        return False

    def save(self) -> None:
        """Ctrl+S on this tab; tabs without a form ignore it."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def run_write(owner: QWidget, fn: Callable[..., Any], *args: Any,
              form: FormPanel | Sequence[FormPanel] | None = None, message: MessageLine | None = None,
              on_saved: Callable[[Any], None] | None = None, on_finally: Callable[[], None] | None = None,
              **kwargs: Any) -> None:
    """Call a service in a worker; validation errors go next to their fields in ``form`` (one
    form or several), other refusals into ``message`` (or the first form's banner). Nothing is
    saved when the service refuses."""
    forms = [form] if isinstance(form, FormPanel) else list(form or [])

    def done(result: Any) -> None:
        if on_finally:
            on_finally()
        for f in forms:
            f.clear_errors()
        if message is not None:
            message.clear_message()
        if on_saved:
            on_saved(result)

    def failed(exc: BaseException) -> None:
        if on_finally:
            on_finally()
        for f in forms:
            f.clear_errors()
        if isinstance(exc, ValidationFailed):
            show_validation(exc, forms, message)
            return
        text = str(exc) if isinstance(exc, BangfuError) else QCoreApplication.translate(
            "CardTab", "Not saved: {kind}").format(kind=exc.__class__.__name__)
        if message is not None:
            message.error(text)
        elif forms:
            forms[0].banner.setText(text)
            forms[0].banner.show()

    run_task(fn, *args, on_done=done, on_error=failed, owner=owner, **kwargs)


def show_validation(exc: ValidationFailed, forms: Sequence[FormPanel], message: MessageLine | None) -> None:
    """Each error under its field in whichever form has it; the rest in ``message``."""
    summary = error_summary(len(exc.errors))
    rest = list(exc.errors)
    for i, f in enumerate(forms):
        mine = [e for e in rest if e.field in f.errors]
        rest = [e for e in rest if e.field not in f.errors]
        if mine or i == 0:
            f.show_errors(mine, summary if i == 0 else "")
    if message is not None:
        if rest:
            message.error("\n".join(e.message() for e in rest))
        elif not forms:
            message.error(summary)
