"""The same row created offline on two laptops (same village code, same household income year):
the county merges the second into the first, the laptop re-keys its copy, nothing blocks a pull."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select
from sync_support import (
    client_state,
    enroll,
    fast_backoff,
    seed_village,
    server_state,
    server_table,
    synthetic_id,
)

from app.domain import Household, Income, Village
from app.services import registry
from app.sync import client, outbox
from server.models import ConflictLog


def test_one_village_created_on_two_laptops(lite_server, lite_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    va, (ha,) = seed_village(a)  # both set the village up before ever syncing
    vb = registry.create_village(b, va.code, "石门村", "龙场镇", "云岭县", groups=8)
    hb = registry.create_household(b, vb.id, {"name": "乙户主", "id_number": synthetic_id()}, main_cause="02")
    assert va.id != vb.id
    client.sync(a, backoff=fast_backoff())
    report = client.sync(b, backoff=fast_backoff())
    assert report.rejected == 0
    client.sync(a, backoff=fast_backoff())
    client.sync(b, backoff=fast_backoff())
    assert client_state(a) == client_state(b) == server_state(lite_url)
    with b.read() as s:
        assert [v.id for v in s.exec(select(Village))] == [va.id]  # b's copy took the county's id
        assert {h.village_id for h in s.exec(select(Household))} == {va.id}
        assert s.get(Household, hb.id) is not None and s.get(Household, ha.id) is not None
    # the groups differed: that surfaced as a conflict, nothing was silently overwritten
    (conflict,) = [c for c in server_table(lite_url, ConflictLog) if c.entity == "village"]
    assert (conflict.field, conflict.ours, conflict.theirs) == ("groups", 8, 6)
    assert all(op.status in ("applied", "conflict") for op in outbox.quarantined(b) + _ops(b))


def _ops(db):
    from app.domain import OutboxOp

    with db.read() as s:
        return list(s.exec(select(OutboxOp)))


def test_one_income_year_entered_on_two_laptops(lite_server, lite_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    _v, (hh,) = seed_village(a)
    client.sync(a, backoff=fast_backoff())
    client.sync(b, backoff=fast_backoff())
    registry.set_income(a, hh.id, 2019, {"wage_fen": 1_200_000, "business_fen": 300_000})
    registry.set_income(b, hh.id, 2019, {"wage_fen": 1_500_000, "business_fen": 300_000})
    client.sync(a, backoff=fast_backoff())
    # b pulls a's income while its own is still unsent (as if the push had failed): no unique clash
    from app.protocol import page_checksum
    from app.sync.apply import apply_changes
    from app.sync.client import transport_for

    t = transport_for(b)
    try:
        with b.read() as s:
            from app.sync import state

            cursor = state.cursor(s)
        page = t.pull(cursor, 500)
        assert page.checksum == page_checksum(page.changes, page.reference)
        apply_changes(b, page.changes, page.reference, cursor=page.cursor)
    finally:
        t.close()
    with b.read() as s:
        (income,) = s.exec(select(Income)).all()
        assert income.wage_fen == 1_500_000  # b's own unsent value is kept until the county answers
    report = client.sync(b, backoff=fast_backoff())
    assert report.conflicts == 1 and report.rejected == 0
    client.sync(a, backoff=fast_backoff())
    assert client_state(a) == client_state(b) == server_state(lite_url)
    with a.read() as s:
        (income,) = s.exec(select(Income)).all()
        assert (income.wage_fen, income.business_fen) == (1_200_000, 300_000)
    from app.sync.conflicts import open_conflicts

    (conflict,) = open_conflicts(b)
    assert (conflict.field, conflict.ours, conflict.theirs) == ("wage_fen", 1_500_000, 1_200_000)
