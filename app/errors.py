"""Errors the core raises for people to read: a message code plus parameters, translated late.

Messages are formatted in the current UI language by ``app.i18n.t`` when shown, so the same
error reads right in the CLI, the GUI and the tests. Parameters must never carry personal data
(names of villagers, ID numbers, bank accounts): errors end up in logs.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


class BangfuError(Exception):
    """An error with a catalogue code (see app.i18n) and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        import app.fields  # noqa: F401  (registers the core's messages)
        from app.i18n import t

        return t(self.code, **self.params)


@dataclass
class FieldError:
    """One problem with one field: where (entity, field, optional row) and what (code, params)."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    entity: str = ""
    row: int | None = None

    def message(self) -> str:
        from app.fields import field_label
        from app.i18n import t

        text = t(self.code, **self.params)
        where = field_label(self.entity, self.field)
        return t("error.field", field=where, message=text)


class ValidationFailed(BangfuError):
    """Raised by services before anything is written; carries every field problem found."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("error.validation", count=len(errors))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(e.message() for e in self.errors)

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]
