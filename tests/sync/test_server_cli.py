"""``bangfu-server`` administration on a SQLite database in a data directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import enroll, fast_backoff, seed_village

from app.domain import LifecycleRequest
from app.services.tx import write
from app.sync import client
from server.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_admin_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str], laptops) -> None:
    home = str(tmp_path / "srv")
    code, out = run(capsys, "--data-dir", home, "init")
    assert code == 0 and "server.db" in out
    assert (tmp_path / "srv" / "server.db").exists()
    code, out = run(capsys, "enroll", "--data-dir", home, "--villages", "520123001001,520123001002",
                    "--role", "township", "--hours", "2")
    assert code == 0 and "登记码" in out and "520123001001,520123001002" in out
    code, out = run(capsys, "--data-dir", home, "enroll", "--villages", "12345", "--role", "village")
    assert code == 2 and "输入有误" in out
    code, out = run(capsys, "--data-dir", home, "users", "add", "--name", "县扶贫办张", "--role", "county")
    user_id = out.strip().split()[-1]
    assert code == 0
    code, out = run(capsys, "--data-dir", home, "users", "list")
    assert "县扶贫办张" in out and "在岗" in out
    assert run(capsys, "--data-dir", home, "users", "disable", user_id)[0] == 0
    assert "已停用" in run(capsys, "--data-dir", home, "users", "list")[1]
    assert run(capsys, "--data-dir", home, "users", "disable", "nobody")[0] == 1
    code, out = run(capsys, "--data-dir", home, "reference", "setting", "--key", "notice_days_household",
                    "--value", "5")
    assert code == 0 and "参考数据已发布" in out
    assert run(capsys, "--data-dir", home, "reference", "poverty-line", "--year", "2020", "--province", "52",
               "--yuan", "4100")[0] == 0
    assert run(capsys, "--data-dir", home, "reference", "poverty-line", "--year", "2020", "--yuan", "-3")[0] == 2
    codes = tmp_path / "sex.csv"
    codes.write_text("code,zh,en\n1,男,Male\n2,女,Female\n9,未说明,Unstated\n", encoding="utf-8")
    assert run(capsys, "--data-dir", home, "reference", "code-list", "--name", "sex", "--file", str(codes))[0] == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("code,zh,en\n1,男,Male\n1,女,Female\n", encoding="utf-8")
    assert run(capsys, "--data-dir", home, "reference", "code-list", "--name", "sex", "--file", str(bad))[0] == 2
    code, out = run(capsys, "--data-dir", home, "reference", "list")
    assert "notice_days_household" in out and "2020:52" in out and "[3]" in out
    assert "没有待处理的冲突" in run(capsys, "--data-dir", home, "conflicts")[1]
    assert "还没有登记的设备" in run(capsys, "--data-dir", home, "devices", "list")[1]
    assert run(capsys, "--data-dir", home, "devices", "revoke", "nope")[0] == 1


def test_approve_and_export_from_the_command_line(lite_server, lite_url, laptops, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    a = laptops.new(tmp_path)
    enroll(a, lite_server.url, lite_url)
    _v, (hh,) = seed_village(a)
    with write(a) as tx:
        request = LifecycleRequest(household_id=hh.id, kind="03", year=2020, status="submitted")
        tx.create(request)
    client.sync(a, backoff=fast_backoff())
    code, out = run(capsys, "--db-url", lite_url, "approve", request.id, "--user", "县扶贫办", "--note", "同意")
    assert code == 0 and request.id in out
    code, out = run(capsys, "--db-url", lite_url, "approve", request.id)
    assert code == 1 and "already_decided" in out
    client.sync(a, backoff=fast_backoff())
    from app.domain import Household

    with a.read() as s:
        assert s.get(LifecycleRequest, request.id).status == "approved"
        assert (s.get(Household, hh.id).exit_status, s.get(Household, hh.id).return_year) == ("04", 2020)
    out_file = tmp_path / "seed.bfb"
    assert run(capsys, "--db-url", lite_url, "export-bundle", "--device", a.device_id, "--out", str(out_file))[0] == 0
    assert out_file.stat().st_size > 100
    code, out = run(capsys, "--db-url", lite_url, "devices", "list")
    assert a.device_id in out
    assert run(capsys, "--db-url", lite_url, "devices", "revoke", a.device_id)[0] == 0
    assert "已停用" in run(capsys, "--db-url", lite_url, "devices", "list")[1]
