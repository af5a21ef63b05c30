"""`bangfu notice ...` and `bangfu print ...` end to end: files written, refusals write nothing."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from reports_helpers import bulk_households
from reports_pdf import all_text

from app.cli import main
from app.i18n import set_language
from app.services import projects as prj
from app.services.registry import create_village
from tests.conftest import PASSPHRASE, USER


@pytest.fixture()
def cli_db(db, village, db_path, monkeypatch):
    bulk_households(db, village.id, 10, "exit", 2017)
    second = create_village(db, "520123001002", "红岩村", "龙场镇", "云岭县", groups=4)
    bulk_households(db, second.id, 4, "exit", 2017, seed=3)
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    return db_path


def _run(cli_db, *args):
    return main([*args, "--db", str(cli_db)])


def _notice_id(out: str) -> str:
    return re.search(r"公示编号 ([0-9a-f-]{36})", out).group(1)


def test_household_notice_then_history_verify_objection_photo(cli_db, db, tmp_path, capsys):
    out = tmp_path / "exit.pdf"
    assert _run(cli_db, "notice", "household", "--kind", "exit", "--village", "520123001001", "--year", "2017",
                "--out", str(out), "--start", "2017-11-01", "--hotline", "0851-1234567") == 0
    printed = capsys.readouterr().out
    assert "已发布并写入" in printed and out.exists()
    assert "石门村2017年拟退出贫困户公示" in all_text(out)
    notice_id = _notice_id(printed)

    assert _run(cli_db, "notice", "list", "--village", "520123001001") == 0
    assert notice_id in capsys.readouterr().out
    assert _run(cli_db, "notice", "verify", notice_id) == 0
    assert "一致" in capsys.readouterr().out
    from app.services.notices import qr_payload

    with db.read() as s:
        from app.domain.notices import Notice

        digest = s.get(Notice, notice_id).content_hash
    assert _run(cli_db, "notice", "verify", "--qr", qr_payload(notice_id, digest)) == 0
    capsys.readouterr()
    assert _run(cli_db, "notice", "verify", notice_id, "--hash", "0" * 64) == 1
    assert "不一致" in capsys.readouterr().err

    assert _run(cli_db, "notice", "objection", notice_id, "--date", "2017-11-03", "--channel", "02",
                "--summary", "对名单中一户有异议") == 0
    objection_id = re.search(r"已登记异议 (\S+)", capsys.readouterr().out).group(1)
    assert _run(cli_db, "notice", "resolve", objection_id, "--resolution", "已核实", "--date", "2017-11-05") == 0
    photo = tmp_path / "posted.png"
    buf = io.BytesIO()
    Image.new("RGB", (800, 600), (90, 90, 90)).save(buf, format="PNG")
    photo.write_bytes(buf.getvalue())
    assert _run(cli_db, "notice", "photo", notice_id, str(photo)) == 0
    capsys.readouterr()
    assert _run(cli_db, "notice", "show", notice_id) == 0
    shown = capsys.readouterr().out
    assert "照片：1 张" in shown and "异议：1 条（未处理 0）" in shown and "已核实" in shown

    # the listed requests were already submitted: the 公示 step is not recorded on them, and it says why
    assert _run(cli_db, "notice", "close", notice_id) == 0
    closed = capsys.readouterr().out
    assert "已登记到 0 份申请" in closed and closed.count("未登记申请") == 10

    again = tmp_path / "again.pdf"
    assert _run(cli_db, "notice", "reprint", notice_id, "--out", str(again)) == 0
    assert again.read_bytes() == out.read_bytes()


def test_refusals_print_a_message_and_write_no_file(cli_db, tmp_path, capsys):
    out = tmp_path / "none.pdf"
    assert _run(cli_db, "notice", "household", "--kind", "remove", "--village", "520123001001", "--year", "2017",
                "--out", str(out)) == 1
    assert "没有需要列入" in capsys.readouterr().err and not out.exists()
    assert _run(cli_db, "notice", "household", "--kind", "exit", "--village", "520123001001", "--year", "2017",
                "--out", str(out), "--start", "2017-11-10", "--end", "2017-11-01") == 1
    assert "公示结束日期早于开始日期" in capsys.readouterr().err and not out.exists()
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*part")) == []


def test_english_messages(cli_db, tmp_path, capsys):
    try:
        assert main(["--lang", "en", "notice", "household", "--kind", "remove", "--village", "520123001001",
                     "--year", "2017", "--out", str(tmp_path / "x.pdf"), "--db", str(cli_db)]) == 1
        assert "nothing was produced" in capsys.readouterr().err
    finally:
        set_language("zh_CN")


def test_township_batch_per_village_and_combined(cli_db, tmp_path, capsys):
    out_dir = tmp_path / "batch"
    assert _run(cli_db, "notice", "household", "--kind", "exit", "--village", "520123001001,520123001002",
                "--year", "2017", "--out-dir", str(out_dir), "--start", "2017-11-01") == 0
    assert len(list(out_dir.glob("*.pdf"))) == 2
    combined = tmp_path / "combined"
    assert _run(cli_db, "notice", "household", "--kind", "exit", "--village", "520123001001,520123001002",
                "--year", "2017", "--out-dir", str(combined), "--combined", "--start", "2017-11-20") == 0
    files = list(combined.glob("*.pdf"))
    assert len(files) == 1 and "龙场镇2017年退出公示汇总" in files[0].name
    assert "合并写入" in capsys.readouterr().out


def test_preview_writes_a_draft_without_issuing(cli_db, tmp_path, capsys):
    out = tmp_path / "preview.pdf"
    assert _run(cli_db, "notice", "household", "--kind", "exit", "--village", "520123001001", "--year", "2017",
                "--out", str(out), "--preview") == 0
    assert "样稿" in capsys.readouterr().out and out.exists()
    assert _run(cli_db, "notice", "list") == 0
    assert "没有公示记录" in capsys.readouterr().out


def test_project_notice_and_print_commands(cli_db, db, village, tmp_path, capsys):
    from sqlmodel import select

    from app.domain import Household

    with db.read() as s:
        households = s.exec(select(Household).where(Household.village_id == village.id)).all()
    project = prj.create_project(db, "石门村光伏扶贫项目", project_type="06", village_id=village.id, household_level=True)
    prj.set_funding(db, project.id, {"01": 10_000_000})
    out = tmp_path / "p.pdf"
    assert _run(cli_db, "notice", "project", "--project", project.id, "--stage", "plan", "--out", str(out)) == 1
    assert "受益户" in capsys.readouterr().err and not out.exists()
    prj.set_beneficiaries(db, project.id, {h.id: 100_000 for h in households[:5]})
    assert _run(cli_db, "notice", "project", "--project", project.id, "--stage", "plan", "--out", str(out)) == 0
    assert "石门村光伏扶贫项目计划公示" in all_text(out)
    for kind in ("card", "mingbai", "visit-sheet"):
        target = tmp_path / f"{kind}.pdf"
        assert _run(cli_db, "print", kind, "--household", households[0].hh_number, "--out", str(target)) == 0
        assert target.exists()
    assert _run(cli_db, "print", "mingbai", "--village", village.code, "--out", str(tmp_path / "all.pdf")) == 0
    assert "10 户" in capsys.readouterr().out
