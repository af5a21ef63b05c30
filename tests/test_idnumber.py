"""GB 11643-1999 ID numbers. All numbers here are synthetic, built with check_digit()."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from app.i18n import current_language, set_language, t_in
from app.idnumber import (
    IdInfo,
    IdNumberError,
    check_digit,
    is_valid_id,
    make_id,
    mask_id,
    validate_id,
)

TODAY = date(2020, 6, 30)


def full(first17: str) -> str:
    return first17 + check_digit(first17)


def error_of(text: str, today: date = TODAY) -> IdNumberError:
    with pytest.raises(IdNumberError) as info:
        validate_id(text, today=today)
    return info.value


@pytest.fixture(autouse=True)
def _restore_language():
    saved = current_language()
    yield
    set_language(saved)


# -- check digit -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("first17", "expected"),
    [
        # Hand-computed: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; remainder r -> "10X98765432"[r].
        ("00000000000000000", "1"),   # sum 0
        ("10000000000000000", "5"),   # sum 7
        ("00000010000000000", "X"),   # sum 2
        ("01000000000000000", "3"),   # sum 9
        ("00000000000000001", "X"),   # sum 2
        ("00000000000000011", "6"),   # sum 6
        ("00100000000000000", "2"),   # sum 10
    ],
)
def test_check_digit_known_answers(first17, expected):
    assert check_digit(first17) == expected


@pytest.mark.parametrize("bad", ["", "1234", "0000000000000000a", "000000000000000000", "０００００００００００００００００"])
def test_check_digit_rejects_bad_input(bad):
    with pytest.raises(ValueError):
        check_digit(bad)


def test_checksum_detects_every_single_digit_error_and_transposition():
    number = full("52010219900307123")
    for i in range(17):
        for d in "0123456789":
            if d != number[i]:
                mutated = number[:i] + d + number[i + 1:]
                assert check_digit(mutated[:17]) != mutated[17], (i, d)
                assert not is_valid_id(mutated), (i, d)
    for i in range(16):
        if number[i] != number[i + 1]:
            swapped = number[:i] + number[i + 1] + number[i] + number[i + 2:]
            assert check_digit(swapped[:17]) != swapped[17], i
            assert not is_valid_id(swapped), i


# -- valid numbers -----------------------------------------------------------------------------

def test_valid_male_number():
    number = full("52010219900307123")
    info = validate_id(number, today=TODAY)
    assert info == IdInfo(number=number, birth_date=date(1990, 3, 7), sex="1", region="520102")


def test_valid_female_number():
    info = validate_id(full("52010219851111004"), today=TODAY)
    assert info.sex == "2"
    assert info.birth_date == date(1985, 11, 11)


def _first17_with_x() -> str:
    for seq in range(1000):
        first17 = f"51010419920501{seq:03d}"
        if check_digit(first17) == "X":
            return first17
    raise AssertionError("no X found")


def test_check_digit_x_upper_and_lower_case():
    first17 = _first17_with_x()
    assert validate_id(first17 + "X", today=TODAY).number == first17 + "X"
    assert validate_id(first17 + "x", today=TODAY).number == first17 + "X"
    assert is_valid_id(first17 + "x")


def test_normalisation_full_width_and_spaces():
    number = full("52010219900307123")
    typed = " " + "".join(chr(ord(c) + 0xFEE0) for c in number[:6]) + "\u3000" + number[6:14] + " " + number[14:] + "\n"
    assert validate_id(typed, today=TODAY).number == number
    first17 = _first17_with_x()
    assert validate_id(first17 + "ｘ", today=TODAY).number == first17 + "X"


def test_leap_days():
    assert validate_id(full("52010220000229001"), today=TODAY).birth_date == date(2000, 2, 29)
    assert error_of(full("52010219000229001")).code == "id.date"   # 1900 is not a leap year
    assert validate_id(full("52010219000228001"), today=TODAY).birth_date == date(1900, 2, 28)


def test_birth_today_is_valid():
    assert validate_id(full("52010220200630001"), today=TODAY).birth_date == TODAY


def test_uses_real_today_by_default():
    assert is_valid_id(full("52010219900307123"))
    next_year = date.today().year + 1
    assert not is_valid_id(full(f"520102{next_year}0101001"))


# -- 15-digit legacy numbers -------------------------------------------------------------------

def test_fifteen_digit_number_converted():
    info = validate_id("520102900307123", today=TODAY)
    assert info.number == full("52010219900307123")
    assert len(info.number) == 18
    assert info.birth_date == date(1990, 3, 7)
    assert info.sex == "1"
    assert validate_id("520102900307124", today=TODAY).sex == "2"


def test_fifteen_digit_errors():
    assert error_of("520102900230123").code == "id.date"
    err = error_of("52010290030712X")
    assert (err.code, err.params) == ("id.chars", {"position": 15, "char": "X"})


# -- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty(text):
    assert error_of(text).code == "id.empty"


@pytest.mark.parametrize("length", [1, 14, 16, 17, 19, 20])
def test_length(length):
    err = error_of("5" * length)
    assert err.code == "id.length"
    assert err.params == {"length": length}


def test_illegal_character_position():
    number = full("52010219900307123")
    err = error_of(number[:5] + "A" + number[6:])
    assert (err.code, err.params) == ("id.chars", {"position": 6, "char": "A"})
    err = error_of(number[:9] + "X" + number[10:])   # X only allowed as the 18th character
    assert (err.code, err.params) == ("id.chars", {"position": 10, "char": "X"})
    err = error_of(number[:17] + "Y")
    assert (err.code, err.params) == ("id.chars", {"position": 18, "char": "Y"})
    err = error_of(number[:3] + "٣" + number[4:])   # a non-ASCII digit is not a digit here
    assert (err.code, err.params["position"]) == ("id.chars", 4)


@pytest.mark.parametrize("prefix", ["00", "10", "19", "20", "38", "55", "66", "70", "72", "80", "83", "90", "99"])
def test_region(prefix):
    err = error_of(full(prefix + "010219900307123"))
    assert (err.code, err.params) == ("id.region", {"province": prefix})


@pytest.mark.parametrize("prefix", ["11", "15", "23", "37", "46", "50", "54", "65", "71", "81", "82"])
def test_valid_regions(prefix):
    assert validate_id(full(prefix + "010219900307123"), today=TODAY).region == prefix + "0102"


@pytest.mark.parametrize("birth", ["19900230", "19901301", "19900001", "19900100", "19900431", "20010229"])
def test_impossible_dates(birth):
    assert error_of(full("520102" + birth + "123")).code == "id.date"


def test_future_and_too_old():
    assert error_of(full("52010220200701001")).code == "id.future"
    assert error_of(full("52010218991231001")).code == "id.too_old"


def test_wrong_checksum():
    number = full("52010219900307123")
    wrong = "0" if number[17] != "0" else "1"
    err = error_of(number[:17] + wrong)
    assert err.code == "id.checksum"
    assert err.params == {"expected": number[17], "actual": wrong}


# -- messages ----------------------------------------------------------------------------------

def test_messages_both_languages_and_no_personal_data():
    number = full("52010219900307123")
    wrong = "0" if number[17] != "0" else "1"
    err = error_of(number[:17] + wrong)
    set_language("zh_CN")
    assert str(err) == f"证件号码校验码错误：第18位应为 {number[17]}，实际为 {wrong}"
    set_language("en")
    assert str(err) == f"ID number check digit is wrong: the 18th character should be {number[17]}, not {wrong}"
    for text in (str(err), repr(err), t_in("zh_CN", err.code, **err.params), *map(str, err.args)):
        assert number[:17] not in text and "19900307" not in text


@pytest.mark.parametrize(
    ("text", "zh_part", "en_part"),
    [
        ("", "不能为空", "empty"),
        ("5" * 17, "17 位", "has 17"),
        ("52010A199003071234", "第 6 位", "character 6"),
        ("990102199003071234", "99", "(99)"),
        (full("52010219900230123"), "出生日期不存在", "not a real calendar date"),
        (full("52010220200701001"), "晚于今天", "future"),
        (full("52010218991231001"), "1900", "before 1900"),
    ],
)
def test_each_error_renders_in_both_languages(text, zh_part, en_part):
    err = error_of(text)
    assert zh_part in t_in("zh_CN", err.code, **err.params)
    assert en_part in t_in("en", err.code, **err.params)
    set_language("en")
    assert en_part in str(err)


def test_error_is_value_error_and_pickles():
    err = error_of("5" * 17)
    assert isinstance(err, ValueError)
    clone = pickle.loads(pickle.dumps(err))
    assert (clone.code, clone.params) == ("id.length", {"length": 17})


def test_idinfo_repr_is_masked():
    number = full("52010219900307123")
    text = repr(validate_id(number, today=TODAY))
    assert number not in text and "19900307" not in text
    assert mask_id(number) in text


# -- mask / make -------------------------------------------------------------------------------

def test_mask_id():
    first17 = _first17_with_x()
    assert mask_id(first17 + "x") == first17[:4] + "*" * 10 + first17[14:] + "X"
    assert mask_id("5101 0419 9205 0012 3X") == "5101**********123X"
    assert mask_id("12345678") == "********"
    assert mask_id("") == ""
    assert mask_id("520102900307123") == "5201*******7123"


def test_make_id_valid_and_unique():
    seen = set()
    birth = date(1975, 12, 31)
    for seq in range(100):
        for sex in ("1", "2"):
            number = make_id("520102", birth, seq, sex)
            info = validate_id(number, today=TODAY)
            assert (info.sex, info.birth_date, info.region) == (sex, birth, "520102")
            assert number[14:16] == f"{seq:02d}"
            seen.add(number)
    assert len(seen) == 200


@pytest.mark.parametrize(
    "args",
    [
        ("52010", date(1990, 1, 1), 1, "1"),
        ("99010", date(1990, 1, 1), 1, "1"),
        ("990102", date(1990, 1, 1), 1, "1"),
        ("520102", date(1899, 12, 31), 1, "1"),
        ("520102", date(1990, 1, 1), 100, "1"),
        ("520102", date(1990, 1, 1), -1, "1"),
        ("520102", date(1990, 1, 1), 1, "M"),
    ],
)
def test_make_id_rejects_bad_arguments(args):
    with pytest.raises(ValueError):
        make_id(*args)
