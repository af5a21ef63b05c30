"""Tx.create_rows: the bulk path writes the same rows, audit entries and outbox ops as create()."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from app.domain import AuditEntry, Household, Member, OutboxOp, SyncMeta, uuid7
from app.services.audit import verify
from app.services.tx import write
from app.store.search import search
from tests.conftest import synthetic_id


def test_create_rows_writes_rows_audit_outbox_and_search(db, village):
    hid = uuid7()
    ids = [synthetic_id(date(1980, 1, 1)), synthetic_id(date(1982, 2, 2), "2")]
    with write(db, reason="import") as tx:
        tx.create_rows(Household, [{"id": hid, "village_id": village.id, "hh_number": "H-1", "size": 2,
                                    "head_name": "王大山"}])
        tx.create_rows(Member, [
            {"household_id": hid, "name": "王大山", "relation": "01", "id_number": ids[0], "birth_date": date(1980, 1, 1)},
            {"household_id": hid, "name": "刘小花", "relation": "02", "id_number": ids[1]},
        ])
    with db.read() as s:
        hh = s.get(Household, hid)
        assert hh is not None and hh.size == 2 and hh.other_causes == [] and hh.exit_status == "01"
        members = s.exec(select(Member).where(Member.household_id == hid).order_by(Member.relation)).all()
        assert [m.name for m in members] == ["王大山", "刘小花"]
        assert members[0].birth_date == date(1980, 1, 1) and members[1].active is True
        checked, problems = verify(s)
        assert problems == [] and checked >= 4
        audits = s.exec(select(AuditEntry).where(AuditEntry.entity_id.in_([hid, members[0].id]))).all()
        assert {a.action for a in audits} == {"create"} and all(a.reason == "import" for a in audits)
        assert audits[0].fields["village_id"] == village.id
        ops = s.exec(select(OutboxOp).where(OutboxOp.entity.in_(["household", "member"]))
                     .order_by(OutboxOp.device_seq)).all()
        mine = [o for o in ops if o.entity_id in {hid, members[0].id, members[1].id}]
        assert [o.entity for o in mine] == ["household", "member", "member"]
        hlcs = [o.hlc for o in ops]
        assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
        assert s.get(SyncMeta, "hlc").value == hlcs[-1]
        assert mine[1].fields["birth_date"] == "1980-01-01"
    raw = db.raw()
    try:
        assert [h.household_id for h in search(raw, "王大山")] == [hid]
    finally:
        raw.close()


def test_create_rows_then_create_keeps_one_audit_chain(db, village):
    from app.services import registry

    with write(db) as tx:
        tx.create_rows(Household, [{"village_id": village.id, "hh_number": f"B-{i}"} for i in range(3)])
    registry.create_household(db, village.id, {"name": "赵一", "id_number": synthetic_id()}, hh_number="B-9", main_cause="01")
    with db.read() as s:
        assert verify(s)[1] == []


def test_create_rows_rolls_back_with_the_transaction(db, village):
    try:
        with write(db) as tx:
            tx.create_rows(Household, [{"village_id": village.id, "hh_number": "R-1"}])
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with db.read() as s:
        assert s.exec(select(Household).where(Household.hh_number == "R-1")).first() is None
        assert s.exec(select(OutboxOp).where(OutboxOp.entity == "household")).all() == []
