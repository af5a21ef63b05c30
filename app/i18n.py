"""The core's message catalogue (Simplified Chinese first, English second).

The Qt UI translates its own widgets with Qt's tools; everything below the UI (validation, services,
sync) reports problems as a stable message *code* plus parameters, and renders text only when a person
reads it.  That keeps the core testable in either language and keeps personal data out of messages:
templates carry only harmless parameters (positions, expected digits), never an ID number, name or
bank account.

Other modules add their own codes at import time with :func:`register`.
"""

from __future__ import annotations

import os
import string
import threading
from collections.abc import Mapping

DEFAULT_LANGUAGE = "zh_CN"

#: message code -> (Simplified Chinese template, English template); ``{name}`` placeholders.
MESSAGES: dict[str, tuple[str, str]] = {
    "id.empty": ("证件号码不能为空", "The ID number is empty"),
    "id.length": (
        "证件号码应为18位（旧版为15位），实际为 {length} 位",
        "An ID number has 18 characters (15 for old numbers); this one has {length}",
    ),
    "id.chars": (
        "证件号码第 {position} 位的字符“{char}”无效",
        "ID number character {position} ('{char}') is not allowed",
    ),
    "id.region": (
        "证件号码前两位 {province} 不是有效的省级行政区划代码",
        "The first two digits of the ID number ({province}) are not a valid province code",
    ),
    "id.date": (
        "证件号码中的出生日期不存在",
        "The birth date in the ID number is not a real calendar date",
    ),
    "id.future": (
        "证件号码中的出生日期晚于今天",
        "The birth date in the ID number is in the future",
    ),
    "id.too_old": (
        "证件号码中的出生日期早于1900年",
        "The birth date in the ID number is before 1900",
    ),
    "id.checksum": (
        "证件号码校验码错误：第18位应为 {expected}，实际为 {actual}",
        "ID number check digit is wrong: the 18th character should be {expected}, not {actual}",
    ),
}

_lock = threading.Lock()
_language = DEFAULT_LANGUAGE


def _normalise_language(lang: str) -> str:
    """Map locale spellings (``zh``, ``zh-CN``, ``en_US``…) onto the two catalogues we have."""
    key = lang.strip().replace("-", "_").lower()
    if key.startswith("zh"):
        return "zh_CN"
    if key.startswith("en"):
        return "en"
    raise ValueError(f"unsupported language {lang!r}: use zh_CN or en")


def set_language(lang: str) -> None:
    """Switch the language used by :func:`t` (process-wide, like the UI's locale).

    Raises ValueError for languages without a catalogue, so a typo does not silently show Chinese.
    """
    global _language
    _language = _normalise_language(lang)


def current_language() -> str:
    """Return ``"zh_CN"`` or ``"en"``."""
    return _language


def _column(lang: str | None) -> int:
    """Index into a MESSAGES tuple: 0 for Chinese, 1 for English."""
    return 1 if (lang or _language).lower().startswith("en") else 0


class _KeepMissing(dict[str, object]):
    """Format mapping that leaves unknown placeholders visible instead of raising KeyError."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(code: str, /, **params: object) -> str:
    """Render message ``code`` in the current language.

    Never raises: an unknown code renders as the code itself and a missing parameter stays as
    ``{name}`` — an error *message* must never turn into a second error while reporting the first.
    ``code`` is positional-only so a template may itself use a ``{code}`` placeholder.
    """
    return t_in(None, code, **params)


def t_in(lang: str | None, code: str, /, **params: object) -> str:
    """Render message ``code`` in ``lang`` without switching the process language.

    For places that need both languages at once (bilingual exports, tests); ``None`` means current.
    """
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry[_column(lang)]
    try:
        return string.Formatter().vformat(template, (), _KeepMissing(params))
    except (ValueError, IndexError, AttributeError, TypeError):
        return template


def register(messages: Mapping[str, tuple[str, str]]) -> None:
    """Add message codes owned by another module (call at its import time).

    Re-registering the identical text is allowed (modules may be reloaded); a *different* text for an
    existing code raises ValueError, because two modules disagreeing on a code is a bug.
    """
    with _lock:
        for code, texts in messages.items():
            if len(texts) != 2 or not all(isinstance(s, str) and s.strip() for s in texts):
                raise ValueError(f"message {code!r} needs non-empty (zh, en) texts")
            existing = MESSAGES.get(code)
            if existing is not None and existing != tuple(texts):
                raise ValueError(f"message code {code!r} is already registered with different text")
        for code, texts in messages.items():
            MESSAGES[code] = (texts[0], texts[1])


def _language_from_environment() -> None:
    """Honour ``BANGFU_LANG`` at import; an unusable value keeps the default rather than crash."""
    value = os.environ.get("BANGFU_LANG")
    if value:
        try:
            set_language(value)
        except ValueError:
            pass


_language_from_environment()
