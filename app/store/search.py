"""Search-as-you-type over names, pinyin, ID numbers and household numbers (SQLite FTS5).

One index row per living member. Columns hold prepared tokens so that every lookup is an FTS5
prefix query, which the ``prefix='1 2 3 4'`` index answers without scanning:

- ``name``: the full name and the given name (surname dropped), so 张三丰 is found by 三丰 too;
- ``pinyin``: full pinyin and initials of the full and the given name, for **every** reading of
  polyphonic characters (单 dan/shan/chan, 曾 zeng/ceng…), capped to keep rows small;
- ``idno`` / ``ridno``: the ID number and its reverse, so a suffix (last 4–6 digits) becomes a
  prefix query;
- ``hhno``: the household number (户编号);
- ``head``: the token ``h`` on the head's row, so "heads first" is a second, cheap FTS term
  rather than a sort over every match (a one-letter query can match most of the county).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MAX_READINGS = 16
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[0-9a-zA-Z\u3400-\u9fff\uf900-\ufaff]+")
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 独孤 南宫 西门 端木 呼延 赫连".split()
)


@lru_cache(maxsize=20000)
def readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading of one character (letters and digits map to themselves)."""
    if not _CJK.match(ch):
        return (ch.lower(),) if ch.isalnum() else ()
    from pypinyin import Style, pinyin  # imported on first use: it costs ~0.5 s at start-up

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    values = tuple(dict.fromkeys(r.replace("ü", "v") for r in found[0])) if found else ()
    return values or (ch,)


@lru_cache(maxsize=16384)
def _combos(text: str) -> tuple[tuple[str, str], ...]:
    """(full pinyin, initials) of the first ``MAX_READINGS`` reading combinations of ``text``, in
    ``itertools.product`` order. Cached: surnames and given names repeat across a county."""
    per_char = [r for r in (readings(c) for c in text) if r]
    return tuple(("".join(combo), "".join(p[0] for p in combo))
                 for combo in itertools.islice(itertools.product(*per_char), MAX_READINGS))


def pinyin_forms(text: str) -> set[str]:
    """Full pinyin and initials for the reading combinations of ``text`` (capped)."""
    out: set[str] = set()
    for full, initials in _combos(text):
        out.add(full)
        out.add(initials)
    return out


def _joined_forms(head: str, tail: str) -> set[str]:
    """``pinyin_forms(head + tail)`` from the cached combinations of the two parts: the product of
    the characters' readings is the product of the parts' combinations, in the same order."""
    out: set[str] = set()
    count = 0
    tails = _combos(tail)
    for head_full, head_initials in _combos(head):
        for tail_full, tail_initials in tails:
            out.add(head_full + tail_full)
            out.add(head_initials + tail_initials)
            count += 1
            if count == MAX_READINGS:
                return out
    return out


def given_name(name: str) -> str:
    if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
        return name[2:]
    return name[1:] if len(name) >= 2 else ""


def member_row(name: str, id_number: str, hh_number: str) -> tuple[str, str, str, str, str]:
    """The (name, pinyin, idno, ridno, hhno) token columns for one member."""
    name = unicodedata.normalize("NFKC", name).strip()
    given = given_name(name)
    names = {name}
    forms = _joined_forms(name[: len(name) - len(given)], given)  # = pinyin_forms(name)
    if given:
        names.add(given)
        forms |= pinyin_forms(given)
    idno = id_number.strip().lower()
    return (
        " ".join(sorted(names)),
        " ".join(sorted(forms)),
        idno,
        idno[::-1],
        hh_number.strip().lower(),
    )


def _phrase(token: str) -> str:
    return '"' + token.replace('"', "") + '"*'


def build_match(query: str) -> str | None:
    """Translate what the user typed into an FTS5 MATCH expression (None: nothing to search)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", query).lower())
    parts: list[str] = []
    for word in words:
        if _CJK.search(word):
            parts.append(f"name : {_phrase(word)}")
        elif word.isalpha():
            parts.append(f"pinyin : {_phrase(word)}")
        else:
            options = [f"idno : {_phrase(word)}", f"hhno : {_phrase(word)}"]
            if len(word) >= 4:
                options.append(f"ridno : {_phrase(word[::-1])}")
            parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts) if parts else None


@dataclass(frozen=True)
class Hit:
    household_id: str
    member_id: str
    is_head: bool


_QUERY = "SELECT household_id, member_id, head FROM search_index WHERE search_index MATCH ? LIMIT ?"


def search(conn: Any, query: str, limit: int = 200) -> list[Hit]:
    """Households matching ``query``, matches on the head first; one hit per household.

    Two bounded FTS queries (heads, then anyone) keep every keystroke cheap however many
    households a short prefix matches.
    """
    match = build_match(query)
    if match is None:
        return []
    best: dict[str, Hit] = {}
    for hid, mid, _head in conn.execute(_QUERY, (f"({match}) AND head : h", limit)).fetchall():
        best.setdefault(hid, Hit(hid, mid, True))
    if len(best) < limit:
        for hid, mid, head in conn.execute(_QUERY, (match, 2 * limit)).fetchall():
            if len(best) >= limit:
                break
            best.setdefault(hid, Hit(hid, mid, head == "h"))
    return list(best.values())


_MEMBERS_SQL = (
    "SELECT m.household_id, m.id, m.relation = '01', m.name, m.id_number, h.hh_number "
    "FROM member m JOIN household h ON h.id = m.household_id "
    "WHERE m.active AND NOT m.deleted AND NOT h.deleted"
)


def _rows(records: Iterable[tuple[Any, ...]]) -> Iterable[tuple[Any, ...]]:
    for hid, mid, head, name, idno, hhno in records:
        yield (hid, mid, "h" if head else "", *member_row(name or "", idno or "", hhno or ""))


def reindex_households(conn: Any, household_ids: Iterable[str]) -> None:
    """Replace the index rows of these households (called inside the writing transaction)."""
    ids = list(household_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM search_index WHERE household_id IN ({marks})", chunk)
        records = conn.execute(f"{_MEMBERS_SQL} AND m.household_id IN ({marks})", chunk).fetchall()
        conn.executemany("INSERT INTO search_index VALUES (?,?,?,?,?,?,?,?)", list(_rows(records)))


def rebuild(conn: Any) -> int:
    """Rebuild the whole index (after a bulk load); returns the number of rows indexed."""
    conn.execute("DELETE FROM search_index")
    cur = conn.execute(_MEMBERS_SQL)
    count = 0
    while batch := cur.fetchmany(5000):
        rows = list(_rows(batch))
        conn.executemany("INSERT INTO search_index VALUES (?,?,?,?,?,?,?,?)", rows)
        count += len(rows)
    conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    return count
