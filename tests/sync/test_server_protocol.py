"""The county server's protocol against a real server on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import httpx
import pytest
from sqlmodel import select
from sync_support import (
    OTHER_VILLAGE,
    VILLAGE,
    add_visit,
    client_state,
    enroll,
    fast_backoff,
    seed_village,
    server_ops,
    server_state,
    server_table,
)

from app.domain import Household, LifecycleRequest, OutboxOp, Visit
from app.errors import BangfuError
from app.protocol import SERVER_TIME_HEADER, Op, PushRequest, compress
from app.services import registry
from app.services.tx import write
from app.sync import client, outbox
from server.models import Batch, ConflictLog, OpLog


def _token(db) -> str:
    from app.sync import state

    return state.read(db, state.TOKEN) or ""


def _headers(db) -> dict[str, str]:
    return {"Authorization": f"Bearer {_token(db)}"}


def _push_raw(url: str, db, req: PushRequest) -> httpx.Response:
    body = compress(json.dumps(req.model_dump(mode="json")).encode())
    return httpx.post(f"{url}/sync/push", content=body,
                      headers={**_headers(db), "Content-Encoding": "gzip", "Content-Type": "application/json"})


def test_push_pull_between_two_laptops(server, db_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, server.url, db_url)
    enroll(b, server.url, db_url)
    _village, (hh,) = seed_village(a)
    add_visit(a, hh.id)
    report = client.sync(a, backoff=fast_backoff())
    assert report.rejected == 0 and report.conflicts == 0 and report.applied == outbox_total(a)
    assert report.pending == 0
    pulled = client.sync(b, backoff=fast_backoff())
    assert pulled.pulled >= 5
    client.sync(a, backoff=fast_backoff())  # a learns the server revisions of its own rows
    assert client_state(a) == client_state(b) == server_state(db_url)
    with b.read() as s:
        assert s.get(Household, hh.id).size == 2
        assert len(list(s.exec(select(Visit)))) == 1


def outbox_total(db) -> int:
    with db.read() as s:
        return len(list(s.exec(select(OutboxOp))))


def test_replayed_batch_returns_the_stored_answer(server, db_url, laptops, tmp_path: Path) -> None:
    a = laptops.new(tmp_path)
    enroll(a, server.url, db_url)
    seed_village(a)
    batch = outbox.next_batch(a)
    first = _push_raw(server.url, a, batch.request)
    second = _push_raw(server.url, a, batch.request)
    assert first.status_code == second.status_code == 200
    one, two = first.json(), second.json()
    assert one["replayed"] is False and two["replayed"] is True
    assert one["results"] == two["results"]
    assert all(r["status"] == "applied" for r in one["results"])
    ops = server_ops(db_url)
    assert len(ops) == batch.size and set(ops.values()) == {1}
    assert len(server_table(db_url, Batch)) == 1


def test_same_op_id_with_other_content_is_an_explicit_error(server, db_url, laptops, tmp_path: Path) -> None:
    a = laptops.new(tmp_path)
    enroll(a, server.url, db_url)
    seed_village(a)
    batch = outbox.next_batch(a)
    assert _push_raw(server.url, a, batch.request).status_code == 200
    op = batch.request.ops[0]
    forged = op.model_copy(update={"fields": {**op.fields, "name": "另一个村"}})
    req = PushRequest(batch_id="01a22500-0000-7000-8000-000000000001", device_id=a.device_id, ops=[forged])
    answer = _push_raw(server.url, a, req).json()
    assert answer["results"][0]["status"] == "rejected"
    assert answer["results"][0]["code"] == "op_id_reused"
    # and the same batch id with other content is refused as a whole
    other = batch.request.model_copy(update={"ops": batch.request.ops[:1]})
    resp = _push_raw(server.url, a, other)
    assert resp.status_code == 409 and resp.json()["code"] == "batch_reused"
    assert server_state(db_url)[("village", op.entity_id)]["name"] == "石门村"


def test_field_level_conflict_is_kept_for_review_on_both_sides(server, db_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, server.url, db_url)
    enroll(b, server.url, db_url)
    _v, (hh,) = seed_village(a)
    client.sync(a, backoff=fast_backoff())
    client.sync(b, backoff=fast_backoff())
    registry.update_household(a, hh.id, {"phone": "13800000001", "address": "一组"})
    registry.update_household(b, hh.id, {"phone": "13900000002", "group_no": 5})
    client.sync(a, backoff=fast_backoff())
    report = client.sync(b, backoff=fast_backoff())
    assert report.conflicts == 1
    from app.sync.conflicts import open_conflicts

    (conflict,) = open_conflicts(b)
    assert (conflict.field, conflict.ours, conflict.theirs) == ("phone", "13900000002", "13800000001")
    assert conflict.their_author and conflict.their_at is not None
    (kept,) = server_table(db_url, ConflictLog)
    assert (kept.field, kept.ours, kept.theirs) == ("phone", "13900000002", "13800000001")
    client.sync(a, backoff=fast_backoff())
    # the non-conflicting fields of both edits applied; the server's phone stands everywhere
    for db in (a, b):
        with db.read() as s:
            row = s.get(Household, hh.id)
            assert (row.phone, row.address, row.group_no) == ("13800000001", "一组", 5)
    assert client_state(a) == client_state(b) == server_state(db_url)
    # resolving with "ours" is a new edit on a fresh base, which then applies cleanly
    from app.sync.conflicts import resolve

    resolve(b, conflict.id, "ours")
    assert client.sync(b, backoff=fast_backoff()).conflicts == 0
    client.sync(a, backoff=fast_backoff())
    with a.read() as s:
        assert s.get(Household, hh.id).phone == "13900000002"


def test_pull_is_paged_with_count_and_checksum_and_each_page_is_fk_safe(server, db_url, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, server.url, db_url)
    enroll(b, server.url, db_url)
    _v, households = seed_village(a, households=4)
    client.sync(a, backoff=fast_backoff())
    # later edits give the households higher sequence numbers than their members
    for hh in households:
        registry.update_household(a, hh.id, {"address": "新址"})
    client.sync(a, backoff=fast_backoff())
    resp = httpx.get(f"{server.url}/sync/pull", params={"since": 0, "limit": 3}, headers=_headers(b)).json()
    from app.protocol import PullResponse, page_checksum

    page = PullResponse.model_validate(resp)
    assert page.has_more and page.count == len(page.changes) + len(page.reference)
    assert page.checksum == page_checksum(page.changes, page.reference)
    present = {(c.entity, c.entity_id) for c in page.changes}
    for c in page.changes:
        if c.entity == "member":
            assert ("household", c.fields["household_id"]) in present
    # a small page size still ends equal (every page applies on its own)
    client.sync(b, backoff=fast_backoff(), pull_limit=3)
    client.sync(a, backoff=fast_backoff())
    assert client_state(b) == client_state(a) == server_state(db_url)


def test_other_village_is_neither_readable_nor_writable(server, db_url, laptops, tmp_path: Path) -> None:
    a, other = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "o")
    enroll(a, server.url, db_url, [VILLAGE])
    enroll(other, server.url, db_url, [OTHER_VILLAGE])
    _v, (hh,) = seed_village(a)
    client.sync(a, backoff=fast_backoff())
    # reading: the other village's laptop gets nothing of it, even when it asks by id
    client.sync(other, backoff=fast_backoff())
    assert client_state(other, ["household", "member", "village"]) == {}
    got = httpx.post(f"{server.url}/sync/fetch", json={"items": [{"entity": "household", "entity_id": hh.id}]},
                     headers=_headers(other)).json()
    assert got["changes"] == [] and got["missing"] == [{"entity": "household", "entity_id": hh.id}]
    # writing: a patch of that household and a new member in it are refused
    patch = Op(op_id="01a22500-0000-7000-8000-0000000000a1", device_seq=1, entity="household", entity_id=hh.id,
               kind="patch", fields={"phone": "13700000000"}, base_rev=0)
    member = Op(op_id="01a22500-0000-7000-8000-0000000000a2", device_seq=2, entity="member",
                entity_id="01a22500-0000-7000-8000-0000000000a3", kind="create",
                fields={"household_id": hh.id, "name": "冒名", "relation": "03"})
    own_village = Op(op_id="01a22500-0000-7000-8000-0000000000a4", device_seq=3, entity="village",
                     entity_id="01a22500-0000-7000-8000-0000000000a5", kind="create",
                     fields={"code": VILLAGE, "name": "假村", "township_name": "镇", "county_name": "县"})
    req = PushRequest(batch_id="01a22500-0000-7000-8000-0000000000b1", device_id=other.device_id,
                      ops=[patch, member, own_village])
    results = _push_raw(server.url, other, req).json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 3
    assert [r["code"] for r in results] == ["out_of_scope", "out_of_scope", "out_of_scope"]
    assert server_state(db_url)[("household", hh.id)]["phone"] == ""
    # and a device cannot push in another device's name
    spoof = req.model_copy(update={"device_id": a.device_id, "batch_id": "01a22500-0000-7000-8000-0000000000b2"})
    assert _push_raw(server.url, other, spoof).status_code == 403


def test_revoked_device_and_bad_codes_are_refused(server, db_url, laptops, tmp_path: Path) -> None:
    from datetime import timedelta

    from server.auth import issue_enrollment, revoke
    from server.db import ServerDB
    from server.models import Enrollment

    a = laptops.new(tmp_path, "a")
    enroll(a, server.url, db_url)
    seed_village(a)
    sdb = ServerDB(db_url)
    try:
        assert revoke(sdb, a.device_id)
        with pytest.raises(BangfuError) as err:
            client.sync(a, backoff=fast_backoff())
        assert err.value.code == "sync.revoked"
        assert httpx.get(f"{server.url}/sync/pull", headers=_headers(a)).status_code == 403
        assert httpx.get(f"{server.url}/sync/pull", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert httpx.get(f"{server.url}/sync/pull").status_code == 401
        # an expired code
        code, row = issue_enrollment(sdb, [VILLAGE], "village", hours=1)
        with sdb.write_plain() as s:
            stored = s.get(Enrollment, row.id)
            stored.expires_at = stored.expires_at - timedelta(hours=2)
            s.add(stored)
        b = laptops.new(tmp_path, "b")
        with pytest.raises(BangfuError) as err:
            client.enroll(b, code, server.url)
        assert err.value.code == "sync.enroll_refused"
        # a code used once cannot be used again
        code, _row = issue_enrollment(sdb, [VILLAGE], "village")
        client.enroll(b, code, server.url)
        c = laptops.new(tmp_path, "c")
        with pytest.raises(BangfuError) as err:
            client.enroll(c, code, server.url)
        assert err.value.code == "sync.enroll_refused"
        # the revoked device cannot come back with a fresh code either
        code, _row = issue_enrollment(sdb, [VILLAGE], "village")
        with pytest.raises(BangfuError) as err:
            client.enroll(a, code, server.url)
        assert err.value.code == "sync.revoked"
    finally:
        sdb.dispose()


def test_request_size_limits_and_compression_bombs(server, db_url, laptops, tmp_path: Path) -> None:
    a = laptops.new(tmp_path)
    enroll(a, server.url, db_url)
    headers = {**_headers(a), "Content-Type": "application/json"}
    big = b"x" * (2 * 1024 * 1024)
    resp = httpx.post(f"{server.url}/sync/push", content=big, headers=headers)
    assert resp.status_code == 413 and resp.json()["code"] == "too_large"
    bomb = gzip.compress(b"[" + b" " * (40 * 1024 * 1024) + b"]")
    assert len(bomb) < 1024 * 1024
    resp = httpx.post(f"{server.url}/sync/push", content=bomb, headers={**headers, "Content-Encoding": "gzip"})
    assert resp.status_code == 413
    resp = httpx.post(f"{server.url}/sync/fetch", content=b"{" + b" " * 300_000 + b"}", headers=headers)
    assert resp.status_code == 413
    resp = httpx.post(f"{server.url}/sync/push", content=b"not gzip", headers={**headers, "Content-Encoding": "gzip"})
    assert resp.status_code == 400
    resp = httpx.post(f"{server.url}/sync/push", content=b"{}", headers=headers)
    assert resp.status_code == 422
    for r in (resp, httpx.get(f"{server.url}/health"), httpx.get(f"{server.url}/nowhere")):
        assert SERVER_TIME_HEADER.lower() in {k.lower() for k in r.headers}


def test_no_personal_data_in_server_logs(server, db_url, laptops, tmp_path: Path, caplog) -> None:
    import logging

    a = laptops.new(tmp_path)
    enroll(a, server.url, db_url)
    from sync_support import synthetic_id

    number = synthetic_id()
    _v, (hh,) = seed_village(a)
    registry.add_member(a, hh.id, {"name": "王秘密", "relation": "03", "id_number": number}, reason="06")
    registry.update_household(a, hh.id, {"bank_account": "6222020200112233445"})
    with caplog.at_level(logging.DEBUG):
        client.sync(a, backoff=fast_backoff())
        httpx.post(f"{server.url}/sync/fetch", json={"items": [{"entity": "王秘密", "entity_id": number}]},
                   headers=_headers(a))
        httpx.post(f"{server.url}/sync/push", content=json.dumps({"ops": [{"author": "王秘密"}]}).encode(),
                   headers=_headers(a))
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "POST /sync/push 200" in text  # the server does log requests…
    for secret in ("王秘密", number, "6222020200112233445"):
        assert secret not in text  # …but never what is in them


def test_reference_data_and_county_approval_flow_down(server, db_url, laptops, tmp_path: Path) -> None:
    from app.codes import poverty_line_fen, reset_overrides, setting
    from server.county import decide_request, set_poverty_line, set_setting
    from server.db import ServerDB

    a, county = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "county")
    enroll(a, server.url, db_url)
    enroll(county, server.url, db_url, ["520123"], role="county")
    _v, (hh,) = seed_village(a)
    with write(a) as tx:
        request = LifecycleRequest(household_id=hh.id, kind="02", year=2019, status="submitted", author="甲")
        tx.create(request)
    # a village laptop cannot approve its own request
    registry_patch = Op(op_id="01a22500-0000-7000-8000-0000000000c1", device_seq=99, entity="lifecycle_request",
                        entity_id=request.id, kind="patch", fields={"status": "approved"}, base_rev=0)
    client.sync(a, backoff=fast_backoff())
    req = PushRequest(batch_id="01a22500-0000-7000-8000-0000000000c2", device_id=a.device_id, ops=[registry_patch])
    (res,) = _push_raw(server.url, a, req).json()["results"]
    assert (res["status"], res["code"]) == ("rejected", "forbidden_role")
    sdb = ServerDB(db_url)
    try:
        set_setting(sdb, "notice_days_household", "5")
        set_poverty_line(sdb, 2019, "52", "3800")
        # the county approves through the API with its own device (a village device may not)
        url = f"{server.url}/lifecycle/{request.id}/decision"
        assert httpx.post(url, json={"decision": "approved"}, headers=_headers(a)).status_code == 403
        ok = httpx.post(url, json={"decision": "approved", "user": "县扶贫办"}, headers=_headers(county))
        assert ok.status_code == 200
        again = httpx.post(url, json={"decision": "approved"}, headers=_headers(county))
        assert again.status_code == 409
        with pytest.raises(Exception, match="already_decided"):
            decide_request(sdb, request.id, "rejected", "县扶贫办")
    finally:
        sdb.dispose()
    try:
        report = client.sync(a, backoff=fast_backoff())
        assert report.reference == 2
        assert setting("notice_days_household") == "5"
        assert poverty_line_fen(2019, "520123") == 380000
        with a.read() as s:
            got = s.get(LifecycleRequest, request.id)
            assert got.status == "approved" and got.steps["county_approval"]["by"] == "县扶贫办"
            assert s.get(Household, hh.id).exit_status == "02"
            assert s.get(Household, hh.id).exit_year == 2019
            from app.domain import LifecycleEvent

            (event,) = s.exec(select(LifecycleEvent)).all()
            assert (event.kind, event.request_id, event.to_status) == ("02", request.id, "02")
        assert client_state(a) == server_state(db_url, prefix=VILLAGE)
        # the reference data survives a restart of the app
        reset_overrides()
        from app.sync.reference import load_reference

        assert load_reference(a) == 2 and setting("notice_days_household") == "5"
    finally:
        reset_overrides()


def test_attachments_resume_dedup_and_verify(server, db_url, laptops, tmp_path: Path) -> None:
    import hashlib
    import os

    from app.domain import Attachment
    from app.sync import state

    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, server.url, db_url)
    enroll(b, server.url, db_url)
    photo = os.urandom(300_000)
    sha = hashlib.sha256(photo).hexdigest()
    headers = _headers(a)
    # half uploaded, then the link drops: the status tells where to go on
    r = httpx.put(f"{server.url}/attachments/{sha}", params={"offset": 0, "total": len(photo)},
                  content=photo[:100_000], headers=headers)
    assert r.json()["received"] == 100_000 and not r.json()["complete"]
    r = httpx.put(f"{server.url}/attachments/{sha}", params={"offset": 200_000, "total": len(photo)},
                  content=photo[200_000:], headers=headers)
    assert r.status_code == 409 and r.json()["code"] == "gap"
    # the laptop's own upload resumes from 100 000
    _v, (hh,) = seed_village(a)
    with write(a) as tx:
        tx.session.add(Attachment(sha256=sha, mime="image/jpeg", size=len(photo), data=photo))
        visit = Visit(household_id=hh.id, visited_at=__import__("app.domain", fromlist=["utcnow"]).utcnow(),
                      confirmation_sha256=sha)
        tx.append(visit)
    from app.sync.transport import HttpTransport

    transport = HttpTransport(server.url, state.read(a, state.TOKEN))
    try:
        report = client.sync(a, transport=transport, backoff=fast_backoff())
    finally:
        transport.close()
    assert report.uploaded == 1
    assert transport.bytes_sent < 200_000 + 50_000  # the first 100 000 bytes were not sent again
    status = httpx.get(f"{server.url}/attachments/{sha}", headers=headers).json()
    assert status["complete"] and status["received"] == len(photo)
    # a second laptop with the same photo sends nothing; it downloads what pulled rows name
    report = client.sync(b, backoff=fast_backoff())
    assert report.downloaded == 1
    with b.read() as s:
        assert s.get(Attachment, sha).data == photo
    # bytes that do not match their hash are thrown away, never completed
    wrong = os.urandom(1000)
    bad_sha = hashlib.sha256(b"something else").hexdigest()
    r = httpx.put(f"{server.url}/attachments/{bad_sha}", params={"offset": 0, "total": 1000}, content=wrong,
                  headers=headers)
    assert r.status_code == 422
    assert httpx.get(f"{server.url}/attachments/{bad_sha}", headers=headers).json()["complete"] is False


def test_rejected_op_is_quarantined_and_never_blocks_the_rest(server, db_url, laptops, tmp_path: Path) -> None:
    a = laptops.new(tmp_path)
    enroll(a, server.url, db_url)
    _v, (hh,) = seed_village(a)
    # an op the server will refuse: a member moved into a household that does not exist there
    with write(a) as tx:
        tx._outbox("member", "01a22500-0000-7000-8000-0000000000d1", "create",
                   {"household_id": "01a22500-0000-7000-8000-0000000000d2", "name": "无户", "relation": "03"}, 0)
    add_visit(a, hh.id)
    report = client.sync(a, backoff=fast_backoff())
    assert report.rejected == 1 and report.pending == 0
    (bad,) = outbox.quarantined(a)
    assert bad.result_code == "missing_parent:household_id"
    with a.read() as s:
        assert len(list(s.exec(select(Visit)))) == 1
    assert ("visit", next(iter(k for k in server_state(db_url) if k[0] == "visit"))[1]) in server_state(db_url)
    from app.commands.sync import reject_reason

    assert "不存在" in reject_reason(bad.result_code)
    outbox.discard(a, bad.op_id)
    assert outbox.quarantined(a) == []
    with pytest.raises(BangfuError):
        outbox.discard(a, bad.op_id)
    assert sum(1 for op in server_table(db_url, OpLog) if op.status == "rejected") == 1
