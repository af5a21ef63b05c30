"""No network at all: the USB bundle, encrypted and signed, with the same exactly-once rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import (
    PASSPHRASE,
    USER,
    add_visit,
    client_state,
    enroll,
    fast_backoff,
    seed_village,
    server_ops,
    server_state,
    server_table,
)

from app.errors import BangfuError
from app.services import registry
from app.sync import client
from app.sync.bundle import export_bundle, import_bundle
from app.sync.bundlefile import read_header
from server.bundles import export_bundle as server_export
from server.bundles import import_bundle as server_import
from server.db import ServerDB
from server.models import StoredAttachment


@pytest.fixture()
def sdb(lite_url: str):
    db = ServerDB(lite_url)
    yield db
    db.dispose()


def test_round_trip_by_usb_stick(lite_server, lite_url, sdb, laptops, tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    _v, (hh,) = seed_village(b)
    client.sync(b, backoff=fast_backoff())  # the county already knows this household
    client.sync(a, backoff=fast_backoff())
    # from here on laptop a has no network: work, then carry a stick to the township
    registry.update_household(a, hh.id, {"address": "搬到河边"})
    add_visit(a, hh.id)
    stick = tmp_path / "push.bfb"
    counts = export_bundle(a, stick)
    assert counts["ops"] == 2 and counts["batches"] == 1
    header = read_header(stick.read_bytes())
    assert header["sender"] == a.device_id and header["recipient"] == "server" and header["kind"] == "push"
    assert "搬到河边".encode() not in stick.read_bytes()  # encrypted
    answer, done = server_import(sdb, stick.read_bytes())
    assert done["ops"] == 2
    ret = tmp_path / "return.bfb"
    ret.write_bytes(answer)
    got = import_bundle(a, ret)
    assert got["answered"] == 2 and got["rejected"] == 0
    assert client.status(a)["pending"] == 0
    client.sync(b, backoff=fast_backoff())
    assert client_state(a) == client_state(b) == server_state(lite_url)
    # the same stick imported again, and the old answer imported again: nothing changes
    before = server_ops(lite_url)
    again, _ = server_import(sdb, stick.read_bytes())
    assert server_ops(lite_url) == before
    ret.write_bytes(again)
    import_bundle(a, ret)
    assert client_state(a) == server_state(lite_url)


def test_a_batch_sent_both_ways_is_applied_once(lite_server, lite_url, sdb, laptops, tmp_path: Path) -> None:
    a = laptops.new(tmp_path)
    enroll(a, lite_server.url, lite_url)
    seed_village(a)
    stick = tmp_path / "push.bfb"
    export_bundle(a, stick)
    client.sync(a, backoff=fast_backoff())  # the network came back before the stick reached the township
    ops = server_ops(lite_url)
    answer, _ = server_import(sdb, stick.read_bytes())
    assert server_ops(lite_url) == ops and set(ops.values()) == {1}
    ret = tmp_path / "return.bfb"
    ret.write_bytes(answer)
    import_bundle(a, ret)
    assert client_state(a) == server_state(lite_url)


def test_forged_altered_and_misdelivered_bundles_are_refused(lite_server, lite_url, sdb, laptops,
                                                             tmp_path: Path) -> None:
    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    seed_village(a)
    stick = tmp_path / "push.bfb"
    export_bundle(a, stick)
    data = bytearray(stick.read_bytes())
    data[len(data) // 2] ^= 0x01
    with pytest.raises(BangfuError) as err:
        server_import(sdb, bytes(data))
    assert err.value.code == "bundle.bad_signature"
    with pytest.raises(BangfuError) as err:
        server_import(sdb, b"PK\x03\x04 not a bundle")
    assert err.value.code == "bundle.invalid"
    # a return bundle for a is useless to b
    ret = tmp_path / "return.bfb"
    ret.write_bytes(server_export(sdb, a.device_id))
    with pytest.raises(BangfuError) as err:
        import_bundle(b, ret)
    assert err.value.code == "bundle.wrong_recipient"
    # a push bundle cannot be imported on a laptop
    with pytest.raises(BangfuError) as err:
        import_bundle(a, stick)
    assert err.value.code in ("bundle.bad_signature", "bundle.wrong_kind")
    # a revoked device's bundle is refused at the county
    from server.auth import revoke

    revoke(sdb, a.device_id)
    with pytest.raises(BangfuError) as err:
        server_import(sdb, stick.read_bytes())
    assert err.value.code == "bundle.unknown_device"
    assert len(server_ops(lite_url)) == 0


def test_both_command_lines(lite_server, lite_url, laptops, tmp_path: Path, monkeypatch, capsys) -> None:
    """bangfu sync export-bundle → bangfu-server import-bundle → bangfu sync import-bundle."""
    from app.cli import main as bangfu
    from server.cli import main as bangfu_server

    a = laptops.new(tmp_path)
    path = a.path
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    assert bangfu_server(["--db-url", lite_url, "enroll", "--villages", "520123001001", "--role", "village"]) == 0
    out = capsys.readouterr().out
    code = next(line.split("：", 1)[1].strip() for line in out.splitlines() if line.startswith("登记码"))
    a.close()
    assert bangfu(["sync", "enroll", code, "--server", lite_server.url, "--db", str(path)]) == 0
    assert "登记成功" in capsys.readouterr().out
    from sync_support import reopen

    a = reopen(a)
    seed_village(a)
    a.close()
    stick, ret = tmp_path / "push.bfb", tmp_path / "return.bfb"
    assert bangfu(["sync", "export-bundle", "--out", str(stick), "--db", str(path)]) == 0
    assert bangfu_server(["--db-url", lite_url, "import-bundle", str(stick), "--out", str(ret)]) == 0
    assert "已导入同步包" in capsys.readouterr().out
    assert bangfu(["sync", "import-bundle", str(ret), "--db", str(path)]) == 0
    assert "回传包已导入" in capsys.readouterr().out
    assert bangfu(["sync", "status", "--db", str(path)]) == 0
    status = capsys.readouterr().out
    assert "待同步：0" in status
    assert bangfu(["sync", "--db", str(path), "--quiet"]) == 0
    assert "同步完成" in capsys.readouterr().out
    assert bangfu(["sync", "conflicts", "--db", str(path)]) == 0
    assert "没有待处理的冲突" in capsys.readouterr().out
    assert bangfu_server(["--db-url", lite_url, "devices", "list"]) == 0
    listing = capsys.readouterr().out
    assert "village" in listing and "有效" in listing


def _visit_with_photos(db, household_id: str, photos: list[bytes]) -> list[str]:
    import hashlib

    from app.domain import Attachment, Visit, utcnow
    from app.services.photos import link_in_tx
    from app.services.tx import write

    hashes = [hashlib.sha256(p).hexdigest() for p in photos]
    with write(db) as tx:
        for sha, photo in zip(hashes, photos, strict=True):
            if tx.session.get(Attachment, sha) is None:
                tx.session.add(Attachment(sha256=sha, mime="image/jpeg", size=len(photo), data=photo))
        visit = Visit(household_id=household_id, visited_at=utcnow(), author=db.actor.name, summary="入户拍照",
                      data={"photos": [{"sha256": sha, "caption": "门前"} for sha in hashes]})
        tx.append(visit)
        for sha in hashes:
            link_in_tx(tx, sha, "visit", visit.id)
    return hashes


def _held(db) -> dict[str, bytes]:
    from sqlmodel import select

    from app.domain import Attachment

    with db.read() as s:
        return {a.sha256: bytes(a.data) for a in s.exec(select(Attachment)) if a.data is not None}


def _linked(db) -> set[str]:
    from sqlmodel import select

    from app.domain import AttachmentLink

    with db.read() as s:
        return set(s.exec(select(AttachmentLink.sha256)))


def test_a_photo_taken_elsewhere_comes_back_on_the_stick(lite_server, lite_url, sdb, laptops, tmp_path: Path) -> None:
    """Laptop a syncs by network; laptop b only ever by USB stick, and still ends with the photo."""
    import os

    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    _v, (hh,) = seed_village(a)
    photo = os.urandom(120_000)
    (sha,) = _visit_with_photos(a, hh.id, [photo])
    client.sync(a, backoff=fast_backoff())
    assert server_table(lite_url, StoredAttachment)[0].complete
    stick, ret = tmp_path / "push.bfb", tmp_path / "return.bfb"
    export_bundle(b, stick)
    answer, done = server_import(sdb, stick.read_bytes())
    assert done["attachments_sent"] == 1 and done["attachments_deferred"] == 0
    ret.write_bytes(answer)
    got = import_bundle(b, ret)
    assert got["attachments"] == 1 and got["attachments_deferred"] == 0
    assert _held(b)[sha] == photo  # verified bytes, linked to the visit like a downloaded file
    assert sha in _linked(b)
    assert client_state(b) == server_state(lite_url)
    # importing the same return bundle again changes nothing
    before = (client_state(b), _held(b), _linked(b))
    again = import_bundle(b, ret)
    assert again["attachments"] == 0
    assert (client_state(b), _held(b), _linked(b)) == before
    # a names the same photo in a new visit; b's next stick says b holds it, so it is not sent again
    _visit_with_photos(a, hh.id, [photo])
    client.sync(a, backoff=fast_backoff())
    export_bundle(b, stick)
    answer, done = server_import(sdb, stick.read_bytes())
    assert done["attachments_sent"] == 0
    ret.write_bytes(answer)
    assert import_bundle(b, ret)["pulled"] == 1
    # the county's own export for b carries it too (no push bundle: b's holdings are unknown)
    counts: dict[str, int] = {}
    server_export(sdb, b.device_id, counts=counts)
    assert counts == {"attachments_sent": 1, "attachments_deferred": 0}
    # ...but never a's own upload back to a
    server_export(sdb, a.device_id, counts=counts)
    assert counts["attachments_sent"] == 0


def test_the_size_cap_leaves_the_rest_for_the_next_stick(lite_server, lite_url, sdb, laptops, tmp_path: Path,
                                                         monkeypatch, capsys) -> None:
    import os

    from app.cli import main as bangfu
    from server.cli import main as bangfu_server

    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    _v, (hh,) = seed_village(a)
    photos = [os.urandom(700_000), os.urandom(800_000)]
    hashes = _visit_with_photos(a, hh.id, photos)
    client.sync(a, backoff=fast_backoff())
    path = b.path
    b.close()
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    stick, ret = tmp_path / "push.bfb", tmp_path / "return.bfb"
    assert bangfu(["sync", "export-bundle", "--out", str(stick), "--db", str(path)]) == 0
    capsys.readouterr()
    assert bangfu_server(["--db-url", lite_url, "import-bundle", str(stick), "--out", str(ret),
                          "--attachment-cap-mb", "1"]) == 0
    out = capsys.readouterr().out
    assert "带回附件 1 个" in out and "还有 1 个附件超出回传包容量（1 MB）" in out
    assert bangfu(["sync", "import-bundle", str(ret), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "附件 1 个" in out and "还有 1 个照片或签字单超出了本回传包的容量" in out
    from sync_support import reopen

    b = reopen(b)
    assert set(_held(b)) == {hashes[0]}  # the smaller one first
    assert _linked(b) == set(hashes)
    # the visit is already on b, so the next stick names the missing photo as wanted
    export_bundle(b, stick)
    answer, done = server_import(sdb, stick.read_bytes(), attachment_cap=1024 * 1024)
    assert done["attachments_sent"] == 1 and done["attachments_deferred"] == 0
    ret.write_bytes(answer)
    import_bundle(b, ret)
    assert _held(b) == dict(zip(hashes, photos, strict=True))


def test_a_tampered_attachment_is_refused(lite_server, lite_url, sdb, laptops, tmp_path: Path) -> None:
    import base64
    import os

    from app.sync import state
    from app.sync.bundlefile import open_sealed, seal
    from server.db import server_keys
    from server.models import Device

    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    _v, (hh,) = seed_village(a)
    (sha,) = _visit_with_photos(a, hh.id, [os.urandom(50_000)])
    client.sync(a, backoff=fast_backoff())
    data = server_export(sdb, b.device_id)
    # the signature covers the attachments: any changed byte refuses the whole file
    altered = bytearray(data)
    altered[-200] ^= 0x01
    ret = tmp_path / "return.bfb"
    ret.write_bytes(bytes(altered))
    with pytest.raises(BangfuError) as err:
        import_bundle(b, ret)
    assert err.value.code == "bundle.bad_signature"
    # and even a correctly signed bundle whose file does not match its hash is refused, before
    # anything is applied
    with b.read() as s:
        keys, server = state.get_json(s, state.KEYS), state.get_json(s, state.SERVER_KEYS)
        cursor = state.cursor(s)
    _header, payload = open_sealed(data, sender_sign_public=server["sign"], box_private=keys["box_private"],
                                   expect_kind="return", recipient=b.device_id)
    assert [f["sha256"] for f in payload["attachments"]] == [sha]
    payload["attachments"][0]["data"] = base64.b64encode(b"not the photo").decode()
    with sdb.read() as s:
        skeys, box = server_keys(s), s.get(Device, b.device_id).box_key
    ret.write_bytes(seal(payload, kind="return", sender="server", recipient=b.device_id,
                         sign_private=skeys["sign"].private, recipient_box_public=box))
    with pytest.raises(BangfuError) as err:
        import_bundle(b, ret)
    assert err.value.code == "bundle.bad_attachment"
    assert _held(b) == {} and client_state(b) == {}
    with b.read() as s:
        assert state.cursor(s) == cursor


def test_a_file_left_behind_by_the_cap_comes_with_the_next_network_sync(lite_server, lite_url, sdb, laptops,
                                                                          tmp_path: Path) -> None:
    import os

    a, b = laptops.new(tmp_path, "a"), laptops.new(tmp_path, "b")
    enroll(a, lite_server.url, lite_url)
    enroll(b, lite_server.url, lite_url)
    _v, (hh,) = seed_village(a)
    photo = os.urandom(40_000)
    (sha,) = _visit_with_photos(a, hh.id, [photo])
    client.sync(a, backoff=fast_backoff())
    ret = tmp_path / "return.bfb"
    counts: dict[str, int] = {}
    ret.write_bytes(server_export(sdb, b.device_id, attachment_cap=1000, counts=counts))
    assert counts == {"attachments_sent": 0, "attachments_deferred": 1}
    assert import_bundle(b, ret)["attachments_deferred"] == 1
    assert sha in _linked(b) and sha not in _held(b)
    report = client.sync(b, backoff=fast_backoff())  # pulls nothing new, still fetches the file
    assert report.pulled == 0 and report.downloaded == 1
    assert _held(b)[sha] == photo
