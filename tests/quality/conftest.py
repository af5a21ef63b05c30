"""A small, complete and consistent registry for the quality-rule tests (built with the services).

Household A (未脱贫): head (45), spouse (43), a primary-school child (8), an employment-support
measure and wage income in 2020. Household B (已脱贫 in 2019): head (50), a junior-secondary
child (13), income above the line, a B-rated house. Ages are on AS_OF.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.idnumber import make_id

AS_OF = date(2020, 12, 31)


@dataclass
class Registry:
    db: Any
    village: Any
    a: str
    b: str
    a_head: str
    a_spouse: str
    a_child: str
    b_head: str
    b_child: str

    def sql(self, statement: str, params: tuple[Any, ...] = (), foreign_keys: bool = True) -> None:
        """Plant a defect directly (the services would refuse most of them)."""
        conn = self.db.raw()
        try:
            if not foreign_keys:
                conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(statement, params)
            conn.execute("COMMIT")
        finally:
            conn.close()


def _person(name: str, birth: date, sex: str, seq: int, **extra: Any) -> dict[str, Any]:
    data = {"name": name, "id_number": make_id("520123", birth, seq, sex), "education": "03", "health": "01",
            "labour_skill": "01", "work_status": "06", "school_status": "01", "med_insurance": True}
    data.update(extra)
    return data


@pytest.fixture(scope="module")
def _template(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Build the registry once per module; each test gets its own copy of the database file."""
    from app.services.registry import create_village
    from app.store.database import create_database
    from tests.conftest import FAST_KDF, PASSPHRASE, USER

    path = tmp_path_factory.mktemp("quality") / "template.db"
    db = create_database(path, USER, PASSPHRASE, kdf=FAST_KDF)
    village = create_village(db, "520123001001", "石门村", "龙场镇", "云岭县", groups=6)
    built = _build(db, village)
    db.close()
    return path, {k: v for k, v in vars(built).items() if isinstance(v, str)}


@pytest.fixture()
def registry(_template, tmp_path) -> Iterator[Registry]:
    from app.domain import Village
    from app.store.database import open_database
    from app.store.keyslots import SlotFile
    from tests.conftest import PASSPHRASE, USER

    source, ids = _template
    path = tmp_path / "bangfu.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{path}{suffix}")
    shutil.copy(SlotFile.path_for(source), SlotFile.path_for(path))
    db = open_database(path, USER, PASSPHRASE, check=False, backup=False)
    with db.read() as s:
        village = s.exec(select(Village)).one()
    yield Registry(db, village, **ids)
    db.close()


def _build(db: Any, village: Any) -> Registry:
    from app.domain import Household, Measure
    from app.services import registry as reg
    from app.services.tx import write

    a = reg.create_household(db, village.id, _person("赵大牛", date(1975, 5, 5), "1", 11), hh_number="5201230010010101",
                             main_cause="01", household_attr="01", identified_year=2015, group_no=1)
    spouse = reg.add_member(db, a.id, {**_person("钱小芳", date(1977, 7, 7), "2", 12), "relation": "02"}, reason="05")
    child = reg.add_member(db, a.id, {**_person("赵小宝", date(2012, 3, 3), "1", 13, education="02",
                                                school_status="03", labour_skill="05"), "relation": "03"}, reason="06")
    reg.set_income(db, a.id, 2020, {"wage_fen": 1_800_000, "business_fen": 300_000})
    with write(db) as tx:
        tx.append(Measure(household_id=a.id, category="02", content="转移就业（省外务工）", date=date(2020, 3, 1),
                          amount_fen=0, status="03"))
    b = reg.create_household(db, village.id, _person("孙老三", date(1970, 1, 1), "1", 14), hh_number="5201230010010102",
                             main_cause="07", household_attr="01", identified_year=2014, group_no=2)
    b_child = reg.add_member(db, b.id, {**_person("孙小妹", date(2007, 8, 8), "2", 15, education="02",
                                                  school_status="05", labour_skill="05"), "relation": "04"}, reason="06")
    reg.set_income(db, b.id, 2019, {"wage_fen": 900_000, "business_fen": 200_000})
    reg.update_conditions(db, b.id, {"house_danger_level": "B"})
    with write(db) as tx:
        hh = tx.session.get(Household, b.id)
        tx.patch(hh, {"exit_status": "02", "exit_year": 2019})
    with db.read() as s:
        heads = {hh_id: s.get(Household, hh_id).head_name for hh_id in (a.id, b.id)}
    assert heads == {a.id: "赵大牛", b.id: "孙老三"}
    from app.domain import Member

    with db.read() as s:
        a_head = s.exec(select(Member.id).where(Member.household_id == a.id, Member.relation == "01")).one()
        b_head = s.exec(select(Member.id).where(Member.household_id == b.id, Member.relation == "01")).one()
    return Registry(db, village, a.id, b.id, a_head, spouse.id, child.id, b_head, b_child.id)
