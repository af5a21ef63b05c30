"""Synthetic data for the notice and card tests (no real people): households in the scope of a
lifecycle notice. Hundreds of households are inserted in one plain session (a fixture shortcut,
not audited) so the tests stay fast; the services under test still write through ``tx.write``."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from sqlmodel import Session

from app.domain import Conditions, Household, Income, LifecycleRequest, Member
from app.idnumber import make_id
from app.services.tx import write

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "明华国建军平志强伟芳丽秀英兰桂珍玉梅红霞云春兴福贵德文武成家山林海清"
EVENT = {"identify": "01", "exit": "02", "return": "03", "remove": "04"}


def bulk_households(db: Any, village_id: str, count: int, kind: str | None = "exit", year: int = 2017,
                    seed: int = 7, region: str = "520123", bank: bool = True) -> list[str]:
    """``count`` households (head + spouse), each with an income for ``year`` and, if ``kind``,
    a submitted lifecycle request of that kind. Returns the household ids."""
    rng = random.Random(seed)
    ids: list[str] = []
    with db.write_lock, Session(db.write_engine) as session:
        for i in range(count):
            head_name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            hh = Household(village_id=village_id, group_no=1 + i % 9, hh_number=f"{village_id[:6]}{i:06d}",
                           main_cause=rng.choice(["01", "02", "03", "07", "09"]), identified_year=2014 + i % 3,
                           bank_name="农村信用社" if bank else "",
                           bank_account=f"62170{rng.randrange(10**13, 10**14)}" if bank else "",
                           phone=f"139{rng.randrange(10**7, 10**8)}", size=2, head_name=head_name, exit_year=2016,
                           address=f"{1 + i % 9}组{i + 1}号")
            session.add(hh)
            session.flush()  # no ORM relationships: insert the parent before its children
            birth = date(1950 + i % 40, 1 + i % 12, 1 + i % 28)
            session.add(Member(household_id=hh.id, name=head_name, relation="01", sex="1",
                             id_number=make_id(region, birth, i % 100, "1"), birth_date=birth, med_insurance=True))
            spouse_birth = date(1952 + i % 40, 1 + (i + 3) % 12, 1 + i % 28)
            session.add(Member(household_id=hh.id, name=rng.choice(SURNAMES) + rng.choice(GIVEN), relation="02",
                             sex="2", id_number=make_id(region, spouse_birth, (i + 50) % 100, "2"),
                             birth_date=spouse_birth))
            session.add(Conditions(household_id=hh.id))
            session.add(Income(household_id=hh.id, year=year, wage_fen=rng.randrange(400000, 1500000),
                             business_fen=rng.randrange(0, 300000)))
            if kind:
                session.add(LifecycleRequest(household_id=hh.id, kind=EVENT[kind], year=year, status="submitted",
                                           reason="01" if kind == "remove" else ""))
            ids.append(hh.id)
        session.commit()
    return ids


def request(db: Any, household_id: str, kind: str, year: int, status: str = "submitted", reason: str = "") -> None:
    with write(db) as tx:
        tx.create(LifecycleRequest(household_id=household_id, kind=EVENT[kind], year=year, status=status,
                                   reason=reason))
