"""After a notice is issued: photos of the posted board, objections, withdrawal, history; batches."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image
from reports_helpers import bulk_households
from reports_pdf import page_texts
from sqlmodel import select

from app.domain import Attachment, OutboxOp
from app.domain.notices import Notice
from app.errors import BangfuError, ValidationFailed
from app.reports import notices as rep
from app.services import notices as svc
from app.services.registry import create_village

START = date(2017, 11, 1)


@pytest.fixture()
def issued(db, village, tmp_path):
    bulk_households(db, village.id, 6, "exit", 2017)
    return rep.render_household_notice(db, village.code, "exit", 2017, tmp_path / "n.pdf", period_start=START)


def _photo(width: int, height: int, fmt: str = "PNG") -> bytes:
    image = Image.new("RGB", (width, height), (200, 180, 160))
    for x in range(0, width, 50):
        for y in range(0, height, 50):
            image.putpixel((x, y), (0, 0, 0))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def test_photo_of_posted_notice_is_downscaled_jpeg_stored_once(db, issued):
    sha = svc.attach_photo(db, issued.notice_id, _photo(3200, 2400))
    again = svc.attach_photo(db, issued.notice_id, _photo(3200, 2400))
    assert again == sha
    with db.read() as s:
        row = s.get(Attachment, sha)
        notice = s.get(Notice, issued.notice_id)
    assert row.mime == "image/jpeg" and max(row.width, row.height) == 1600 and (row.width, row.height) == (1600, 1200)
    assert Image.open(io.BytesIO(row.data)).format == "JPEG"
    assert notice.photo_sha256s == [sha]
    assert notice.content_hash == issued.content_hash  # the frozen content did not change
    svc.verify_notice(db, issued.notice_id)


def test_not_an_image_is_refused(db, issued):
    with pytest.raises(BangfuError) as err:
        svc.attach_photo(db, issued.notice_id, b"%PDF-1.4 definitely not a photo")
    assert err.value.code == "fieldwork.photo_invalid"
    with db.read() as s:
        assert s.exec(select(Attachment)).all() == []


def test_photo_of_a_draft_is_refused(db, village):
    bulk_households(db, village.id, 2, "exit", 2017)
    draft = svc.save_draft(db, svc.prepare_household_notice(db, village.id, "exit", 2017, period_start=START))
    with pytest.raises(BangfuError) as err:
        svc.attach_photo(db, draft.id, _photo(100, 100))
    assert err.value.code == "notice.not_issued"


def test_objections_are_appended_resolved_and_listed(db, issued):
    first = svc.log_objection(db, issued.notice_id, START + timedelta(days=2), "02", "反映第3户家中有在职公职人员")
    svc.log_objection(db, issued.notice_id, START + timedelta(days=9), "04", "12317转来：公示期内未见张贴")
    svc.resolve_objection(db, first.id, "经入户核实，该户无公职人员，维持公示", START + timedelta(days=5))
    detail = svc.notice_detail(db, issued.notice_id)
    assert len(detail.objections) == 2
    assert detail.objections[0].resolved and detail.objections[0].resolutions[0].refers_to == first.id
    assert not detail.objections[1].resolved and detail.objections[1].late  # received after the period
    assert detail.open_objections == 1
    with db.read() as s:
        kinds = {op.kind for op in s.exec(select(OutboxOp).where(OutboxOp.entity == "notice_objection"))}
    assert kinds == {"append"}


def test_objection_checks(db, issued):
    with pytest.raises(ValidationFailed) as err:
        svc.log_objection(db, issued.notice_id, START - timedelta(days=1), "99", "")
    fields = {e.field: e.code for e in err.value.errors}
    assert fields["channel"] == "value.unknown_code" and fields["summary"] == "value.required"
    with pytest.raises(ValidationFailed) as err:
        svc.log_objection(db, issued.notice_id, START - timedelta(days=1), "01", "有异议")
    assert err.value.errors[0].code == "notice.objection_before"


def test_withdraw_keeps_content_and_history(db, issued):
    svc.withdraw(db, issued.notice_id, "名单有误，更正后重新公示")
    with pytest.raises(BangfuError):
        svc.withdraw(db, issued.notice_id, "again")
    notice = svc.verify_notice(db, issued.notice_id)
    assert notice.status == "withdrawn" and notice.withdrawn_reason == "名单有误，更正后重新公示"
    with pytest.raises(BangfuError) as err:
        svc.update_draft(db, issued.notice_id, {"title": "x"})
    assert err.value.code == "notice.frozen"
    history = svc.notice_history(db, village_id=notice.village_id)
    assert [n.id for n in history] == [issued.notice_id]


def test_history_filters_by_village_kind_and_year(db, village, tmp_path):
    bulk_households(db, village.id, 3, "exit", 2017)
    bulk_households(db, village.id, 3, "identify", 2018, seed=3)
    a = rep.render_household_notice(db, village.code, "exit", 2017, tmp_path / "a.pdf", period_start=START)
    b = rep.render_household_notice(db, village.code, "identify", 2018, tmp_path / "b.pdf",
                                    period_start=date(2018, 6, 1))
    assert [n.id for n in svc.notice_history(db, village_id=village.id)] == [b.notice_id, a.notice_id]
    assert [n.id for n in svc.notice_history(db, kind="exit")] == [a.notice_id]
    assert [n.id for n in svc.notice_history(db, year=2018)] == [b.notice_id]


# -- township batch ----------------------------------------------------------------------------
@pytest.fixture()
def township(db, village):
    second = create_village(db, "520123001002", "红岩村", "龙场镇", "云岭县", groups=4)
    empty = create_village(db, "520123001003", "新寨村", "龙场镇", "云岭县", groups=3)
    bulk_households(db, village.id, 8, "exit", 2017, seed=1)
    bulk_households(db, second.id, 5, "exit", 2017, seed=2)
    bulk_households(db, empty.id, 2, "identify", 2017, seed=4)
    return [village.code, second.code, empty.code]


def test_batch_one_pdf_per_village_with_progress(db, township, tmp_path):
    seen = []
    result = rep.batch_household_notices(db, township[:2], "exit", 2017, tmp_path / "out",
                                         progress=lambda i, n, code: seen.append((i, n, code)), period_start=START)
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(files) == 2 and all(name.endswith(".pdf") for name in files)
    assert any("石门村" in f for f in files) and any("红岩村" in f for f in files)
    assert seen[0] == (0, 2, township[0]) and seen[-1] == (2, 2, "")
    assert len(result.files) == 2 and len(svc.notice_history(db)) == 2


def test_batch_combined_is_one_file_with_every_village(db, township, tmp_path):
    result = rep.batch_household_notices(db, township[:2], "exit", 2017, tmp_path / "out", combined=True,
                                         period_start=START)
    files = list((tmp_path / "out").iterdir())
    assert files == [result.combined]
    text = "".join(page_texts(result.combined))
    assert "石门村2017年拟退出贫困户公示" in text and "红岩村2017年拟退出贫困户公示" in text
    assert len(page_texts(result.combined)) == sum(f.pages for f in result.files)


def test_batch_with_an_empty_village_writes_nothing_unless_skipped(db, township, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(BangfuError) as err:
        rep.batch_household_notices(db, township, "exit", 2017, out, period_start=START)
    assert err.value.code == "notice.nobody" and "新寨村" in str(err.value)
    assert not out.exists() or list(out.iterdir()) == []
    with db.read() as s:
        assert s.exec(select(Notice)).all() == []
    result = rep.batch_household_notices(db, township, "exit", 2017, out, skip_empty=True, period_start=START)
    assert [code for code, _m in result.skipped] == [township[2]]
    assert len(list(out.iterdir())) == 2


def test_batch_cancelled_before_the_end_issues_and_writes_nothing(db, township, tmp_path):
    calls = iter([False, True])
    result = rep.batch_household_notices(db, township[:2], "exit", 2017, tmp_path / "out",
                                         cancelled=lambda: next(calls, True), period_start=START)
    assert result.cancelled and result.files == []
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    with db.read() as s:
        assert s.exec(select(Notice)).all() == []


def test_period_over_records_the_notice_on_the_lifecycle_requests(db, village, household, tmp_path):
    from app.domain import LifecycleRequest
    from app.services import lifecycle

    ready = lifecycle.file_request(db, household.id, "02", 2017)
    lifecycle.record_deliberation(db, ready.id, date(2017, 10, 20), 30, 35, 28, True)
    other = bulk_households(db, village.id, 1, None)[0]
    early = lifecycle.file_request(db, other, "02", 2017)
    # its 民主评议 is dated after the posting began: the lifecycle service refuses the step
    lifecycle.record_deliberation(db, early.id, date(2017, 11, 5), 30, 35, 28, True)
    issued = rep.render_household_notice(db, village.code, "exit", 2017, tmp_path / "n.pdf", period_start=START)
    assert svc.notice_detail(db, issued.notice_id).notice.content["counts"]["households"] == 2
    svc.log_objection(db, issued.notice_id, START + timedelta(days=1), "01", "对名单有异议")
    with pytest.raises(BangfuError) as err:
        svc.record_on_requests(db, issued.notice_id, today=START + timedelta(days=3))
    assert err.value.code == "notice.period_not_over"
    result = svc.record_on_requests(db, issued.notice_id, today=START + timedelta(days=8))
    assert result.recorded == [ready.id] and [r for r, _m in result.skipped] == [early.id]
    with db.read() as s:
        step = s.get(LifecycleRequest, ready.id).steps["notice"]
    assert step["notice_id"] == issued.notice_id and step["objections"] == 1
    assert step["start"] == "2017-11-01" and step["end"] == "2017-11-07"
    again = svc.record_on_requests(db, issued.notice_id, today=START + timedelta(days=9))
    assert again.recorded == []  # already recorded: not twice
