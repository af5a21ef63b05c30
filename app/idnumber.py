"""Citizen ID numbers (公民身份号码, GB 11643-1999).

Member records are keyed in practice by the ID number, and the data-quality rules of the campaign
(domain.md §7) start with "invalid ID checksum, birth date or sex inconsistent with the ID".  This
module validates and normalises numbers as typed in the field (spaces, full-width digits, a lower-case
x, old 15-digit numbers) and reports *why* a number is wrong with a message code the UI can show in
either language.

Privacy: an ID number is personal data.  Errors and reprs never contain it — only positions, the
province prefix and single characters — so it cannot leak into logs or crash reports.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from app.codes import code_list
from app.i18n import t

__all__ = [
    "IdInfo",
    "IdNumberError",
    "check_digit",
    "is_valid_id",
    "make_id",
    "mask_id",
    "normalise_id",
    "validate_id",
]

_DIGITS = frozenset("0123456789")
#: ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for positions 1..17.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_OLDEST = date(1900, 1, 1)


class IdNumberError(ValueError):
    """Why an ID number is invalid: a message ``code`` (``id.*``) and harmless ``params``.

    ``str()`` renders the message in the current language via :func:`app.i18n.t`, so the same
    exception serves the Chinese UI, English tests and logs without carrying the number itself.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return t(self.code, **self.params)

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword params do not survive default exception pickling (multiprocessing, sync workers).
        return (_rebuild_error, (self.code, self.params))


def _rebuild_error(code: str, params: dict[str, object]) -> IdNumberError:
    return IdNumberError(code, **params)


@dataclass(frozen=True)
class IdInfo:
    """What a valid ID number says: the normalised 18-character number, birth date, sex, region.

    ``sex`` uses the GB/T 2261.1 codes of ``resources/codes/sex.csv`` ("1" male, "2" female) so it
    can be compared directly with a member's recorded sex.
    """

    number: str
    birth_date: date
    sex: str
    region: str

    def __repr__(self) -> str:
        # Masked so that logging an IdInfo never writes a full ID number.
        return f"IdInfo(number={mask_id(self.number)!r}, region={self.region[:2]!r}, sex={self.sex!r})"


def normalise_id(text: str) -> str:
    """Fold what people type without meaning it: full-width digits (NFKC), spaces, a lower-case x."""
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(folded.split()).upper()


def check_digit(first17: str) -> str:
    """The 18th character (0-9 or X) for the first 17 digits (ISO 7064 MOD 11-2)."""
    if len(first17) != 17 or not set(first17) <= _DIGITS:
        raise ValueError("check_digit needs exactly 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _is_province(prefix: str) -> bool:
    # Province codes are reference data (resources/codes/province.csv), not a list in code.
    return prefix in code_list("province")


def validate_id(text: str, today: date | None = None) -> IdInfo:
    """Validate and normalise an ID number; raise IdNumberError with the first problem found.

    Checks run from the most basic to the most specific (empty, length, characters, province,
    date, checksum) so the message names the problem the user can fix first.  Character positions
    count the normalised number (spaces removed), i.e. as the user sees the digits.  15-digit numbers
    issued before 1999 (YYMMDD, no check digit) are converted to their 18-digit form.
    """
    number = normalise_id(text)
    if not number:
        raise IdNumberError("id.empty")
    if len(number) not in (15, 18):
        raise IdNumberError("id.length", length=len(number))
    for index, char in enumerate(number, start=1):
        if char not in _DIGITS and not (char == "X" and index == 18):
            raise IdNumberError("id.chars", position=index, char=char)
    if not _is_province(number[:2]):
        raise IdNumberError("id.region", province=number[:2])

    legacy = len(number) == 15
    digits = number[6:12] if legacy else number[6:14]
    year = 1900 + int(digits[:2]) if legacy else int(digits[:4])
    try:
        birth = date(year, int(digits[-4:-2]), int(digits[-2:]))
    except ValueError:
        raise IdNumberError("id.date") from None
    if birth < _OLDEST:
        raise IdNumberError("id.too_old")
    if birth > (today or date.today()):
        raise IdNumberError("id.future")

    if legacy:
        first17 = number[:6] + "19" + number[6:]
        number = first17 + check_digit(first17)
    else:
        expected = check_digit(number[:17])
        if number[17] != expected:
            raise IdNumberError("id.checksum", expected=expected, actual=number[17])

    sex = "1" if int(number[16]) % 2 else "2"
    return IdInfo(number=number, birth_date=birth, sex=sex, region=number[:6])


def is_valid_id(text: str) -> bool:
    """True if :func:`validate_id` accepts ``text`` today."""
    try:
        validate_id(text)
    except IdNumberError:
        return False
    return True


def mask_id(number: str) -> str:
    """Mask an ID number for notices and screens: first 4 and last 4 kept (5101**********123X).

    Anything of 8 characters or fewer is masked completely: keeping 8 would reveal all of it.
    """
    value = normalise_id(number)
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def make_id(region: str, birth: date, seq: int, sex: str) -> str:
    """Build a synthetic, checksum-valid 18-digit number for demo and test data.

    The 3-digit sequence is ``seq`` (0-99) followed by a digit whose parity encodes ``sex``
    ("1" male → odd, "2" female → even), varied with ``seq`` so numbers look natural.
    """
    if len(region) != 6 or not set(region) <= _DIGITS or not _is_province(region[:2]):
        raise ValueError("region must be a 6-digit division code of a valid province")
    if not 0 <= seq <= 99:
        raise ValueError("seq must be between 0 and 99")
    if sex not in ("1", "2"):
        raise ValueError('sex must be "1" (male) or "2" (female)')
    if birth < _OLDEST:
        raise ValueError("birth date must be from 1900 on")
    sex_digit = (seq % 5) * 2 + (1 if sex == "1" else 0)
    first17 = f"{region}{birth:%Y%m%d}{seq:02d}{sex_digit}"
    return first17 + check_digit(first17)
