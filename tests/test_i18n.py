"""The core message catalogue: completeness of both languages, safe formatting, registration."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from app import i18n
from app.i18n import MESSAGES, current_language, register, set_language, t, t_in

CJK = re.compile(r"[\u4e00-\u9fff]")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _restore_language():
    saved = current_language()
    yield
    set_language(saved)


@pytest.fixture
def scratch_codes():
    """Codes registered by a test are removed afterwards so the catalogue stays as shipped."""
    added: list[str] = []
    yield added
    for code in added:
        MESSAGES.pop(code, None)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


#: Texts that are bilingual on purpose in both catalogues (the training stamp reads "培训 / TRAINING"
#: on every printed page whatever the language, as the training-mode issue asks).
BILINGUAL = frozenset({"report.training"})


def _check_entry(code: str, zh: str, en: str) -> None:
    # A pure composition template such as "{field}：{message}" needs no Chinese characters.
    zh_words = string.Formatter().vformat(zh, (), {name: "" for name in _placeholders(zh)})
    assert zh.strip(), f"{code}: Chinese text missing"
    assert CJK.search(zh) or not re.search(r"[A-Za-z]", zh_words), f"{code}: Chinese text has no Chinese"
    symbols_only = not re.search(r"\w", zh) and zh == en  # e.g. "—" for an empty cell
    assert en.strip() and (symbols_only or re.search("[A-Za-z]", en)), f"{code}: English text missing"
    assert code in BILINGUAL or not CJK.search(en), f"{code}: English text contains Chinese"
    assert _placeholders(zh) == _placeholders(en), f"{code}: zh and en use different placeholders"


def test_every_registered_message_has_both_languages():
    """Runs over whatever is registered by the time it runs (other modules add codes at import)."""
    assert MESSAGES
    for code, (zh, en) in sorted(MESSAGES.items()):
        _check_entry(code, zh, en)


def test_check_entry_catches_mistakes():
    with pytest.raises(AssertionError):
        _check_entry("x", "zhengjian haoma", "ID number")
    with pytest.raises(AssertionError):
        _check_entry("x", "号码", "号码 number")
    with pytest.raises(AssertionError):
        _check_entry("x", "第 {n} 位", "character {position}")
    with pytest.raises(AssertionError):
        _check_entry("x", "号码", "")
    _check_entry("x", "{field}：{message}", "{field}: {message}")
    _check_entry("x", "住房面积（平方米）", "house area (m²)")


@pytest.mark.parametrize("code", ["id.empty", "id.length", "id.chars", "id.region", "id.date", "id.future",
                                  "id.too_old", "id.checksum"])
def test_id_messages_strict(code):
    zh, en = MESSAGES[code]
    _check_entry(code, zh, en)
    assert CJK.search(zh) and en.isascii()
    assert "number}" not in zh + en and "{id" not in zh + en, "messages must not carry the ID number"


def test_id_messages_present():
    expected = {"id.empty", "id.length", "id.chars", "id.region", "id.date", "id.future", "id.too_old", "id.checksum"}
    assert expected <= set(MESSAGES)


def test_default_language_is_chinese_without_env():
    env = {k: v for k, v in os.environ.items() if k != "BANGFU_LANG"}
    out = subprocess.run(
        [sys.executable, "-c", "from app.i18n import current_language as c; print(c())"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "zh_CN"


@pytest.mark.parametrize(("value", "expected"), [("en_US", "en"), ("zh-CN", "zh_CN"), ("klingon", "zh_CN")])
def test_env_var_honoured_at_import(value, expected):
    env = dict(os.environ, BANGFU_LANG=value)
    out = subprocess.run(
        [sys.executable, "-c", "from app.i18n import current_language as c; print(c())"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == expected


def test_set_language_switches_t():
    set_language("zh_CN")
    assert t("id.checksum", expected="7", actual="3") == "证件号码校验码错误：第18位应为 7，实际为 3"
    set_language("en")
    assert current_language() == "en"
    assert t("id.checksum", expected="7", actual="3") == (
        "ID number check digit is wrong: the 18th character should be 7, not 3"
    )
    set_language("en_GB")
    assert current_language() == "en"
    set_language("zh")
    assert current_language() == "zh_CN"


def test_set_language_rejects_unknown():
    set_language("en")
    with pytest.raises(ValueError):
        set_language("fr_FR")
    assert current_language() == "en"


def test_t_in_does_not_switch_language():
    set_language("zh_CN")
    assert t_in("en", "id.empty") == "The ID number is empty"
    assert t_in("zh_CN", "id.empty") == "证件号码不能为空"
    assert current_language() == "zh_CN"


def test_t_never_raises():
    assert t("no.such.code", x=1) == "no.such.code"
    set_language("en")
    # A missing parameter stays visible instead of raising KeyError.
    assert t("id.length") == "An ID number has 18 characters (15 for old numbers); this one has {length}"
    assert "{length}" in t("id.length", unrelated=1)


def test_register_adds_and_guards(scratch_codes):
    scratch_codes.append("test.hello")
    register({"test.hello": ("你好，{name}", "Hello, {name}")})
    set_language("en")
    assert t("test.hello", name="Li") == "Hello, Li"
    set_language("zh_CN")
    assert t("test.hello", name="李") == "你好，李"
    register({"test.hello": ("你好，{name}", "Hello, {name}")})  # identical: allowed
    with pytest.raises(ValueError, match="test.hello"):
        register({"test.hello": ("您好，{name}", "Hello, {name}")})
    assert MESSAGES["test.hello"] == ("你好，{name}", "Hello, {name}")


def test_register_is_all_or_nothing(scratch_codes):
    scratch_codes.extend(["test.ok", "test.bad"])
    with pytest.raises(ValueError):
        register({"test.ok": ("好", "OK"), "test.bad": ("", "Bad")})
    assert "test.ok" not in MESSAGES


def test_message_codes_can_use_code_placeholder(scratch_codes):
    scratch_codes.append("test.codeparam")
    register({"test.codeparam": ("未知代码 {code}", "Unknown code {code}")})
    assert i18n.t_in("en", "test.codeparam", code="99") == "Unknown code 99"
