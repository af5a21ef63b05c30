"""A laptop re-enrolled for fewer villages: unsent work goes first, then the dropped village's rows
are removed from the laptop (every table), in one audited step; nothing is removed when the
unsent work cannot be sent."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select
from sync_support import (
    OTHER_VILLAGE,
    VILLAGE,
    add_visit,
    client_state,
    enroll,
    fast_backoff,
    free_port,
    point_at,
    seed_village,
    server_state,
)

from app.domain import Attachment, AttachmentLink, AuditEntry, Conflict, OutboxOp, Visit, utcnow
from app.domain.drafts import VisitDraft
from app.errors import BangfuError
from app.i18n import t
from app.services import assistance, registry
from app.services.audit import verify
from app.services.drafts import save_draft
from app.services.photos import link_in_tx
from app.services.tx import write
from app.sync import client, outbox, state


def _photo_visit(db, household_id: str, photo: bytes) -> str:
    sha = hashlib.sha256(photo).hexdigest()
    with write(db) as tx:
        tx.session.add(Attachment(sha256=sha, mime="image/jpeg", size=len(photo), data=photo))
        visit = Visit(household_id=household_id, visited_at=utcnow(), author=db.actor.name, summary="入户拍照",
                      data={"photos": [{"sha256": sha, "caption": "门前"}]})
        tx.append(visit)
        link_in_tx(tx, sha, "visit", visit.id)
    return sha


def _two_villages(db, url: str, db_url: str):
    enroll(db, url, db_url, villages=[VILLAGE, OTHER_VILLAGE])
    _v1, (kept_hh,) = seed_village(db, VILLAGE)
    _v2, gone = seed_village(db, OTHER_VILLAGE, households=2)
    add_visit(db, kept_hh.id)
    add_visit(db, gone[0].id)
    for hh in (kept_hh, gone[0]):
        registry.set_income(db, hh.id, 2025, {"wage_fen": 1_200_000})
        registry.assign_helper(db, hh.id, "帮扶干部", date(2025, 1, 1), unit="县农业局")
        assistance.add_measure(db, hh.id, "05", date(2025, 3, 1), content="雨露计划助学", amount_fen=300_000)
    kept_sha = _photo_visit(db, kept_hh.id, b"kept-photo")
    gone_sha = _photo_visit(db, gone[1].id, b"gone-photo")
    client.sync(db, backoff=fast_backoff())
    save_draft(db, {"household_id": gone[0].id, "summary": "草稿"}, 1)
    save_draft(db, {"household_id": kept_hh.id, "summary": "草稿"}, 1)
    return kept_hh, gone, kept_sha, gone_sha


def _search_rows(db, household_ids: list[str]) -> int:
    raw = db.raw()
    try:
        marks = ",".join("?" * len(household_ids))
        return raw.execute(f"SELECT count(*) FROM search_index WHERE household_id IN ({marks})",
                           household_ids).fetchone()[0]
    finally:
        raw.close()


def _table_counts(db) -> dict[str, int]:
    raw = db.raw()
    try:
        names = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'")]
        return {n: raw.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        raw.close()


def test_rescoped_laptop_sends_its_edits_then_removes_the_other_village(lite_server, lite_url, laptops,
                                                                         tmp_path: Path) -> None:
    a = laptops.new(tmp_path, "a")
    kept_hh, gone, kept_sha, gone_sha = _two_villages(a, lite_server.url, lite_url)
    registry.update_household(a, gone[0].id, {"phone": "13800000077"})  # unsent edit of the dropped village
    registry.update_household(a, kept_hh.id, {"phone": "13800000088"})
    assert outbox.pending_count(a) == 2
    dropped = set(server_state(lite_url, prefix=OTHER_VILLAGE))
    assert {"village", "household", "member", "visit", "income", "helper_assignment", "measure",
            "conditions"} <= {e for e, _i in dropped}
    before = _table_counts(a)
    assert _search_rows(a, [h.id for h in gone]) > 0

    enroll(a, lite_server.url, lite_url, villages=[VILLAGE])

    # (1) the unsent edits reached the county before anything was removed
    assert server_state(lite_url, ["household"])[("household", gone[0].id)]["phone"] == "13800000077"
    assert outbox.pending_count(a) == 0
    # (2) every row of the dropped village is gone, in every table; the kept village is untouched
    held = client_state(a)
    assert not dropped & set(held)
    assert set(held) == set(server_state(lite_url, prefix=VILLAGE))
    with a.read() as s:
        assert s.exec(select(VisitDraft).where(VisitDraft.household_id == gone[0].id)).all() == []
        assert s.exec(select(VisitDraft).where(VisitDraft.household_id == kept_hh.id)).all() != []
        assert s.get(Attachment, gone_sha) is None and s.get(Attachment, kept_sha) is not None
        links = s.exec(select(AttachmentLink)).all()
        assert [link.sha256 for link in links] == [kept_sha]
        assert [o for o in s.exec(select(OutboxOp)) if (o.entity, o.entity_id) in dropped] == []
        assert [c for c in s.exec(select(Conflict)) if (c.entity, c.entity_id) in dropped] == []
    assert _search_rows(a, [h.id for h in gone]) == 0
    assert _search_rows(a, [kept_hh.id]) > 0
    after = _table_counts(a)
    for entity in {e for e, _i in dropped}:
        assert after[entity] == before[entity] - sum(1 for e, _i in dropped if e == entity), entity
    assert after["visit_draft"] == before["visit_draft"] - 1
    assert after["attachment"] == before["attachment"] - 1
    # (3) one audit entry, counts only, and the chain still verifies
    with a.read() as s:
        checked, problems = verify(s)
        purges = s.exec(select(AuditEntry).where(AuditEntry.action == "sync.scope_purge")).all()
    assert problems == [] and checked > 0
    assert len(purges) == 1
    entry = purges[0]
    assert entry.fields["villages"] == [OTHER_VILLAGE]
    assert entry.fields["counts"]["household"] == 2 and entry.fields["counts"]["member"] == 4
    assert "户主" not in str(entry.fields) and "成员" not in str(entry.fields)
    # no soft delete went out: the county still has the village's households
    assert server_state(lite_url, ["household"])[("household", gone[1].id)]["deleted"] is False
    # the next sync has nothing more to remove, and pulls nothing of the dropped village back
    report = client.sync(a, backoff=fast_backoff())
    assert report.scope_removed == [] and report.scope_kept == []
    assert client_state(a) == server_state(lite_url, prefix=VILLAGE)
    assert client.status(a)["villages"] == [VILLAGE]


def test_nothing_is_removed_while_the_unsent_edits_cannot_be_sent(lite_server, lite_url, laptops,
                                                                  tmp_path: Path) -> None:
    a = laptops.new(tmp_path, "a")
    _kept_hh, gone, _k, gone_sha = _two_villages(a, lite_server.url, lite_url)
    registry.update_household(a, gone[0].id, {"phone": "13800000077"})
    held = client_state(a)
    point_at(a, f"http://127.0.0.1:{free_port()}")  # the county server this laptop syncs with is unreachable
    with pytest.raises(BangfuError) as err:
        enroll(a, lite_server.url, lite_url, villages=[VILLAGE])
    assert err.value.code == "sync.reenroll_unsent"
    assert client_state(a) == held
    assert outbox.pending_count(a) == 1
    assert state.read_json(a, state.VILLAGES) == [VILLAGE, OTHER_VILLAGE]
    with a.read() as s:
        assert s.get(Attachment, gone_sha) is not None
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "sync.scope_purge")).all() == []
    # once the server is reachable again the same re-enrollment sends the edit, then removes the village
    point_at(a, lite_server.url)
    enroll(a, lite_server.url, lite_url, villages=[VILLAGE])
    assert server_state(lite_url, ["household"])[("household", gone[0].id)]["phone"] == "13800000077"
    assert ("household", gone[0].id) not in client_state(a)


def test_a_refused_edit_keeps_its_village_until_discarded_and_the_sync_says_so(lite_server, lite_url, laptops,
                                                                                tmp_path: Path) -> None:
    a = laptops.new(tmp_path, "a")
    _kept_hh, gone, _k, _g = _two_villages(a, lite_server.url, lite_url)
    registry.update_household(a, gone[0].id, {"phone": "13800000077"})
    with state.meta_session(a) as s:  # the county refused it (quarantined): it was never taken
        s.execute(text("UPDATE outbox_op SET status = 'rejected', result_code = 'invalid' WHERE status = 'pending'"))
    info = client.enroll(a, _code(lite_url, [VILLAGE]), lite_server.url, "test laptop")
    assert info["scope_removed"] == [] and info["scope_kept"] == [OTHER_VILLAGE]
    assert info["messages"] == [t("sync.scope_kept", villages=OTHER_VILLAGE)]
    assert ("household", gone[0].id) in client_state(a)
    report = client.sync(a, backoff=fast_backoff())
    assert report.scope_kept == [OTHER_VILLAGE] and report.scope_removed == []
    assert t("sync.scope_kept", villages=OTHER_VILLAGE) in report.warnings
    assert client.status(a)["scope_kept"] == [OTHER_VILLAGE]
    (op,) = outbox.quarantined(a)
    outbox.discard(a, op.op_id)
    report = client.sync(a, backoff=fast_backoff())
    assert report.scope_removed == [OTHER_VILLAGE] and report.scope_rows > 0
    assert t("sync.scope_removed", villages=OTHER_VILLAGE, rows=report.scope_rows) in report.warnings
    assert client.status(a)["scope_kept"] == []
    assert not set(server_state(lite_url, prefix=OTHER_VILLAGE)) & set(client_state(a))
    with a.read() as s:
        assert verify(s)[1] == []


def _code(db_url: str, villages: list[str]) -> str:
    from server.auth import issue_enrollment
    from server.db import ServerDB

    sdb = ServerDB(db_url)
    try:
        return issue_enrollment(sdb, villages, "village")[0]
    finally:
        sdb.dispose()
