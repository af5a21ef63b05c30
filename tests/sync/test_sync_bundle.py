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
)

from app.errors import BangfuError
from app.services import registry
from app.sync import client
from app.sync.bundle import export_bundle, import_bundle
from app.sync.bundlefile import read_header
from server.bundles import export_bundle as server_export
from server.bundles import import_bundle as server_import
from server.db import ServerDB


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
