"""Field work syncs: everything a village worker records in the field — a whole visit with a birth,
measures and their progress, photos and a drawn signature, participation with points, a lifecycle
request with its evidence — reaches the county server and a second laptop intact, photos and all.

A real server (SQLite, loopback) and two laptop databases (tests/sync/sync_support.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.domain import AttachmentLink, LifecycleRequest, OutboxOp, Visit
from app.services import assistance, participation, photos, registry, visits
from app.services import lifecycle as lc
from app.services.exit_assessment import assess_exit
from app.sync import client
from tests.fieldwork.conftest import ALL_CHECKS, GOOD_INCOME, fid, jpeg_bytes, png_bytes
from tests.sync.sync_support import VILLAGE, Laptops, ServerThread, client_state, enroll, fast_backoff

#: the entities field work writes (the household, members, income and conditions come along)
FIELD = ["household", "member", "income", "conditions", "helper_assignment", "visit", "measure", "measure_update",
         "participation", "points_scheme", "points_rule", "points_entry", "lifecycle_request", "lifecycle_event"]


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[ServerThread, str]]:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    srv = ServerThread(url)
    yield srv, url
    srv.stop()


def _field_work(db: Any) -> dict[str, Any]:
    village = registry.create_village(db, VILLAGE, "石门村", "龙场镇", "云岭县", groups=6)
    hh = registry.create_household(db, village.id, {"name": "王大", "id_number": fid(date(1975, 4, 2), "1"),
                                                    "med_insurance": True, "work_status": "03"},
                                   group_no=3, main_cause="05", hh_number=f"{VILLAGE}0099", identified_year=2016)
    registry.add_member(db, hh.id, {"name": "刘二", "relation": "02", "med_insurance": True,
                                    "id_number": fid(date(1978, 8, 9), "2")}, reason="05", on=date(2000, 5, 1))
    registry.update_conditions(db, hh.id, {"house_danger_level": "A", "water_safe": True})
    registry.assign_helper(db, hh.id, "赵帮扶", date(2019, 3, 1), visit_every_days=30)
    visit = visits.record_visit(
        db, hh.id, datetime(2020, 10, 15, 2, 30, tzinfo=UTC),
        members=[{"action": "add", "reason": "06", "on": "2020-04-02",
                  "data": {"name": "新生儿", "relation": "03", "med_insurance": True,
                           "id_number": fid(date(2020, 4, 2), "2")}}],
        checks=ALL_CHECKS, income=GOOD_INCOME, income_year=2020,
        measures=[{"category": "01", "content": "种植补贴", "amount_fen": 200_000, "funding_source": "03",
                   "status": "01", "on": date(2020, 10, 15)}],
        satisfaction="01", photos=[{"data": jpeg_bytes((2000, 1500)), "caption": "院落"}],
        confirmation={"kind": "signature", "data": png_bytes((600, 200), "white", "RGBA")}, summary="核实两不愁三保障")
    assistance.update_status(db, visit.data["measure_ids"][0], "03", date(2020, 10, 30), note="已发放",
                             amount_fen=200_000)
    participation.set_scheme(db, village.id, name="石门村积分制", exit_threshold=2)
    rule = participation.add_rule(db, village.id, "R01", "参加村民大会", 2, kind="02")
    participation.record_participation(db, hh.id, "02", date(2020, 3, 5), rule_id=rule.id, note="村民大会")
    req = lc.file_request(db, hh.id, lc.EXIT, 2020, today=date(2020, 12, 1))
    lc.record_deliberation(db, req.id, date(2020, 11, 2), attended=30, total=35, agreed=29, result=True)
    lc.record_notice(db, req.id, date(2020, 11, 3), date(2020, 11, 9))
    lc.record_confirmation(db, req.id, date(2020, 11, 9), image=png_bytes((500, 200), "white"), kind="sheet")
    lc.submit(db, req.id, on=date(2020, 11, 10))
    return {"household": hh, "visit": visit, "request": req}


def _links(db: Any) -> set[tuple[str, str, str, str]]:
    with db.read() as s:
        return {(link.sha256, link.entity, link.entity_id, link.role) for link in s.exec(select(AttachmentLink))}


def test_field_work_reaches_the_county_and_another_laptop(server, tmp_path: Path) -> None:
    srv, url = server
    laptops = Laptops(tmp_path / "template")
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    try:
        enroll(a, srv.url, url)
        enroll(b, srv.url, url)
        made = _field_work(a)
        with a.read() as s:
            ops = len(list(s.exec(select(OutboxOp))))
        report = client.sync(a, backoff=fast_backoff())
        # every op the services wrote was accepted: none rejected, none in conflict
        assert (report.rejected, report.conflicts, report.applied, report.pending) == (0, 0, ops, 0)
        assert report.uploaded == 3  # the photo, the drawn signature, the request's signed sheet

        pulled = client.sync(b, backoff=fast_backoff())
        assert pulled.rejected == 0 and pulled.pulled >= ops // 2
        client.sync(a, backoff=fast_backoff())  # a learns the server's revisions of its own rows
        assert client_state(a, FIELD) == client_state(b, FIELD)

        # the other laptop has the photos too (they are named inside the visit's and request's data),
        # and shows them where the first one does
        assert pulled.downloaded == 3
        hh, visit, req = made["household"], made["visit"], made["request"]
        with b.read() as s:
            stored = s.get(Visit, visit.id)
            photo_sha = stored.data["photos"][0]["sha256"]
            sheet_sha = s.get(LifecycleRequest, req.id).steps["confirmation"]["sha256"]
        for sha in (photo_sha, stored.confirmation_sha256, sheet_sha):
            assert photos.image_bytes(b, sha) == photos.image_bytes(a, sha) is not None
        assert _links(b) == _links(a)
        assert {link.role for link in visits.visit_attachments(b, visit.id)} == {"photo", "confirmation_signature"}

        # the same facts give the same exit assessment on both laptops
        assessed = [assess_exit(db, hh.id, 2020, today=date(2020, 12, 1)) for db in (a, b)]
        assert assessed[0].as_dict() == assessed[1].as_dict() and assessed[0].passed
        assert [v.status for v in assistance.household_measures(b, hh.id)] == ["03"]
        assert participation.balance(b, hh.id) == 2
        assert lc.requests(b, household_id=hh.id)[0].request.status == lc.SUBMITTED
    finally:
        a.close()
        b.close()


def _submitted(db: Any, hh_id: str, kind: str, reason: str = "") -> Any:
    req = lc.file_request(db, hh_id, kind, 2020, reason=reason, today=date(2020, 12, 1))
    lc.record_deliberation(db, req.id, date(2020, 11, 2), attended=30, total=35, agreed=29, result=True)
    lc.record_notice(db, req.id, date(2020, 11, 3), date(2020, 11, 9))
    if "confirmation" in lc.REQUIRED_EVIDENCE[kind]:
        lc.record_confirmation(db, req.id, date(2020, 11, 9), image=png_bytes(), kind="sheet")
    lc.submit(db, req.id, on=date(2020, 11, 10))
    return req


def test_county_decisions_on_the_server_follow_the_procedure(server, tmp_path: Path) -> None:
    """The county may decide on the server too: only what the village submitted, and a removal takes
    the household off the register there as on a laptop; identification puts it back."""
    from app.domain import Household, LifecycleEvent
    from server.county import CountyError, decide_request
    from server.db import ServerDB

    srv, url = server
    a = Laptops(tmp_path / "template").new(tmp_path, "a")
    sdb = ServerDB(url)
    try:
        enroll(a, srv.url, url)
        village = registry.create_village(a, VILLAGE, "石门村", "龙场镇", "云岭县", groups=6)
        hh = registry.create_household(a, village.id, {"name": "王大", "id_number": fid(date(1975, 4, 2), "1")},
                                       group_no=3, main_cause="05", hh_number=f"{VILLAGE}0098", identified_year=2016)
        draft = lc.file_request(a, hh.id, lc.REMOVE, 2020, reason="03", today=date(2020, 12, 1))
        client.sync(a, backoff=fast_backoff())
        with pytest.raises(CountyError) as err:
            decide_request(sdb, draft.id, "approved", "县扶贫办")  # the village has not submitted it
        assert err.value.code == "not_submitted"
        lc.withdraw(a, draft.id, "重新申请")

        removal = _submitted(a, hh.id, lc.REMOVE, reason="03")
        client.sync(a, backoff=fast_backoff())
        decide_request(sdb, removal.id, "approved", "县扶贫办")
        report = client.sync(a, backoff=fast_backoff())
        assert report.rejected == 0
        with a.read() as s:
            assert s.get(Household, hh.id).deleted  # off the register, as lc.county_decide does it
            event = s.exec(select(LifecycleEvent).where(LifecycleEvent.request_id == removal.id)).one()
            assert (event.from_status, event.to_status) == ("01", lc.REMOVED)

        again = _submitted(a, hh.id, lc.IDENTIFY)  # a removed household may be identified again
        client.sync(a, backoff=fast_backoff())
        decide_request(sdb, again.id, "approved", "县扶贫办")
        client.sync(a, backoff=fast_backoff())
        with a.read() as s:
            back = s.get(Household, hh.id)
            assert not back.deleted and (back.exit_status, back.identified_year) == ("01", 2020)
            event = s.exec(select(LifecycleEvent).where(LifecycleEvent.request_id == again.id)).one()
            assert (event.from_status, event.to_status) == (lc.REMOVED, "01")
    finally:
        sdb.dispose()
        a.close()
