"""Pinyin/name/ID search through FTS5, kept current by the services."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from app.domain import Member
from app.services import registry
from app.services.search import find_households
from app.store.search import build_match, member_row
from tests.conftest import synthetic_id

POLYPHONES = {
    "单": ("dan", "shan", "chan"), "曾": ("zeng", "ceng"), "解": ("jie", "xie"),
    "朴": ("pu", "piao"), "区": ("qu", "ou"), "长": ("chang", "zhang"),
}


@pytest.mark.parametrize("char", sorted(POLYPHONES))
def test_every_reading_of_polyphonic_surnames_is_indexed(char):
    pinyin = member_row(char + "明", "", "")[1].split()
    for reading in POLYPHONES[char]:
        assert reading + "ming" in pinyin
        assert reading[0] + "m" in pinyin


@pytest.fixture()
def people(db, household, village):
    ids = {}
    for name in ("单田芳", "曾国强", "解晓东", "朴正浩", "区志华", "长孙明"):
        hh = registry.create_household(db, village.id, {"name": name, "id_number": synthetic_id()}, main_cause="01",
                                       hh_number=f"52012300100100{len(ids) + 10}")
        ids[name] = hh.id
    ids["张三"] = household.id
    return ids


@pytest.mark.parametrize(
    ("query", "name"),
    [("zs", "张三"), ("zhangsan", "张三"), ("zhangs", "张三"), ("张三", "张三"), ("三", "张三"),
     ("shantianfang", "单田芳"), ("stf", "单田芳"), ("dtf", "单田芳"), ("shan", "单田芳"),
     ("zengguoqiang", "曾国强"), ("cgq", "曾国强"), ("xiexiaodong", "解晓东"), ("jxd", "解晓东"),
     ("piaozhenghao", "朴正浩"), ("pzh", "朴正浩"), ("ouzhihua", "区志华"), ("qzh", "区志华"),
     ("zhangsunming", "长孙明"), ("csm", "长孙明")],
)
def test_search_finds_by_name_and_pinyin(db, people, query, name):
    hits = find_households(db, query)
    assert people[name] in [h.household_id for h in hits]


def test_search_by_id_prefix_suffix_and_household_number(db, household):
    with db.read() as s:
        head = s.exec(select(Member).where(Member.name == "张三")).one()
    number = head.id_number
    for query in (number, number[:10], number[-4:], number[-6:], number[-5:].lower()):
        assert household.id in [h.household_id for h in find_households(db, query)], query
    assert household.id in [h.household_id for h in find_households(db, "5201230010010001")]


def test_member_names_find_their_household_but_heads_come_first(db, household):
    hits = find_households(db, "李四")
    assert [h.household_id for h in hits] == [household.id] and not hits[0].is_head


def test_index_follows_edits_and_removals(db, household):
    with db.read() as s:
        child = s.exec(select(Member).where(Member.name == "张小明")).one()
    assert find_households(db, "zxm")
    registry.update_member(db, child.id, {"name": "张晓敏"})
    assert not find_households(db, "张小明")
    assert find_households(db, "张晓敏")
    registry.remove_member(db, child.id, reason="08", on=date(2020, 1, 1))
    assert not find_households(db, "张晓敏")


def test_nothing_to_search_and_injection_safe(db, household):
    assert build_match("  ") is None
    assert find_households(db, '" OR *') == []
    assert find_households(db, "zs AND") == []


def test_member_row_pinyin_equals_the_plain_definition():
    """member_row builds the full name's forms from cached surname/given-name parts: the same set
    as the reading combinations of the whole name (capped at MAX_READINGS)."""
    import itertools

    from app.store.search import MAX_READINGS, given_name, pinyin_forms, readings

    def plain(text):
        per_char = [r for r in (readings(c) for c in text) if r]
        combos = list(itertools.islice(itertools.product(*per_char), MAX_READINGS))
        return {"".join(c) for c in combos} | {"".join(p[0] for p in c) for c in combos}

    names = ["张三", "单", "单田芳", "长孙明", "欧阳", "欧阳娜娜", "诸葛长乐", "曾解朴区长", "解长行重",
             "乐乐", "Anna李", "王·小明", "李 2", "", "·", "长长长长长长"]
    for name in names:
        given = given_name(name)
        expected = plain(name) | (plain(given) if given else set())
        assert member_row(name, "", "")[1] == " ".join(sorted(expected)), name
        assert pinyin_forms(name) == plain(name), name
