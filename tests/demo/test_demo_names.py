"""Synthetic names and places look real (frequencies, polyphonic and compound surnames, codes)."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from app.demo.names import COMPOUND_SURNAMES, FORCED_HEADS, POLYPHONIC_SURNAMES, NameMaker
from app.demo.places import COUNTY_CODE, village_names
from app.store.search import COMPOUND_SURNAMES as SEARCH_COMPOUNDS
from app.store.search import given_name, readings


def test_surname_frequencies() -> None:
    names = NameMaker(random.Random(1))
    counts = Counter(names.surname() for _ in range(50_000))
    top = [s for s, _c in counts.most_common(6)]
    assert {"王", "李", "张"} <= set(top)
    assert counts["王"] > 20 * counts["单"] > 0
    assert all(counts[s] for s in POLYPHONIC_SURNAMES)
    assert sum(counts[s] for s in COMPOUND_SURNAMES) > 0


def test_polyphonic_surnames_really_have_several_readings() -> None:
    for surname in POLYPHONIC_SURNAMES:
        assert len(readings(surname)) >= 2, surname


def test_compound_surnames_are_known_to_search() -> None:
    assert set(COMPOUND_SURNAMES) <= SEARCH_COMPOUNDS
    names = NameMaker(random.Random(2))
    name = names.full("1", 1970, "欧阳")
    assert given_name(name) == name[2:] and 1 <= len(name[2:]) <= 2


def test_given_names_depend_on_sex_and_cohort() -> None:
    names = NameMaker(random.Random(3))
    old_women = Counter(c for _ in range(2000) for c in names.given("2", 1940))
    girls = Counter(c for _ in range(2000) for c in names.given("2", 2012))
    assert old_women.most_common(1)[0][0] not in girls
    boys = {names.given("1", 2012) for _ in range(500)}
    assert all(1 <= len(g) <= 2 for g in boys)


def test_village_names_unique_and_codes(demo300: tuple[Any, Any]) -> None:
    names = village_names(random.Random(4), 900)
    assert len(set(names)) == 900 and names[0] == "石门村"
    db, summary = demo300
    conn = db.raw()
    try:
        villages = conn.execute("SELECT code, name, township_name, county_name, city_name, province_name, groups "
                                "FROM village ORDER BY code").fetchall()
    finally:
        conn.close()
    assert len(villages) == summary.villages
    assert 6 <= summary.townships <= 10
    for code, _name, _township, county, city, province, groups in villages:
        assert len(code) == 12 and code.startswith(COUNTY_CODE) and code[6:9] >= "001"
        assert (county, city, province) == ("云岭县", "黔中市", "贵州省") and 4 <= groups <= 12
    assert villages[0][:3] == ("520123001001", "石门村", "龙场镇")


def test_forced_heads_cover_the_search_cases() -> None:
    heads = {s + g for s, g, _sex in FORCED_HEADS}
    assert "张三" in heads and "张珊" in heads and "章山" in heads
    assert {s for s, _g, _x in FORCED_HEADS} >= set(POLYPHONIC_SURNAMES)
