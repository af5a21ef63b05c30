"""Fund projects: registry services, funding by source, beneficiaries, status steps, project notices."""

from __future__ import annotations

from datetime import date

import pytest
from reports_helpers import bulk_households
from reports_pdf import all_text
from sqlmodel import select

from app.domain import AuditEntry, OutboxOp, ProjectFunding
from app.domain.notices import ProjectStatusEvent
from app.errors import BangfuError, ValidationFailed
from app.reports import notices as rep
from app.services import projects as prj
from app.services.registry import create_village

START = date(2018, 3, 1)


@pytest.fixture()
def project(db, village):
    return prj.create_project(
        db, "石门村2018年生猪养殖到户项目", project_type="01", village_id=village.id, place="石门村1至6组",
        content="为30户建档立卡贫困户每户发放仔猪3头及饲料", subsidy_standard="每户补助3,000元",
        implementer="石门村村民委员会", responsible_person="王建国", start_date=date(2018, 3, 15),
        end_date=date(2018, 10, 31), performance_targets="受益贫困户户均增收2,000元以上",
        benefit_mechanism="直接到户扶持发展生猪养殖", household_level=True,
    )


def test_create_validates_before_writing(db, village):
    with pytest.raises(ValidationFailed) as err:
        prj.create_project(db, "", project_type="99", start_date=date(2018, 5, 1), end_date=date(2018, 4, 1),
                           village_id="nope")
    fields = {e.field for e in err.value.errors}
    assert {"name", "project_type", "end_date", "village_id"} <= fields
    assert prj.list_projects(db) == []


def test_funding_by_source_is_integer_fen_and_replaceable(db, project):
    rows = prj.set_funding(db, project.id, {"01": 6_000_000, "06": 300_000})
    assert [(r.source, r.amount_fen) for r in rows] == [("01", 6_000_000), ("06", 300_000)]
    rows = prj.set_funding(db, project.id, {"01": 5_000_000, "04": 1_000_000})
    assert [(r.source, r.amount_fen) for r in rows] == [("01", 5_000_000), ("04", 1_000_000)]
    assert prj.project_summary(db, project.id).total_fen == 6_000_000
    with db.read() as s:
        gone = s.exec(select(ProjectFunding).where(ProjectFunding.source == "06")).one()
        assert gone.deleted  # a tombstone, so the removal syncs
    with pytest.raises(ValidationFailed):
        prj.set_funding(db, project.id, {"01": 12.5})  # money is never float
    with pytest.raises(ValidationFailed):
        prj.set_funding(db, project.id, {"99": 100})


def test_beneficiaries_link_households_of_the_village(db, village, project):
    ids = bulk_households(db, village.id, 3, None)
    prj.add_beneficiary(db, project.id, ids[0], 300_000)
    with pytest.raises(ValidationFailed) as err:
        prj.add_beneficiary(db, project.id, ids[0], 300_000)
    assert err.value.errors[0].code == "project.duplicate_beneficiary"
    other = create_village(db, "520123001009", "别的村", "龙场镇", "云岭县")
    stranger = bulk_households(db, other.id, 1, None, seed=9)[0]
    with pytest.raises(ValidationFailed) as err:
        prj.add_beneficiary(db, project.id, stranger, 0)
    assert err.value.errors[0].code == "project.other_village"
    rows = prj.set_beneficiaries(db, project.id, {ids[1]: 300_000, ids[2]: 250_000})
    assert sorted(r.household_id for r in rows) == sorted(ids[1:])
    summary = prj.project_summary(db, project.id)
    assert len(summary.beneficiaries) == 2 and summary.beneficiary_people == 4
    prj.remove_beneficiary(db, project.id, ids[1])
    assert len(prj.project_summary(db, project.id).beneficiaries) == 1


def test_status_moves_one_step_at_a_time_and_needs_a_plan_notice(db, village, project, tmp_path):
    with pytest.raises(BangfuError) as err:
        prj.set_status(db, project.id, "03", date(2018, 4, 1))
    assert err.value.code == "project.bad_transition"
    with pytest.raises(BangfuError) as err:
        prj.set_status(db, project.id, "02", date(2018, 3, 15))
    assert err.value.code == "project.plan_notice_missing"
    ids = bulk_households(db, village.id, 2, None)
    prj.set_beneficiaries(db, project.id, {i: 300_000 for i in ids})
    prj.set_funding(db, project.id, {"01": 600_000})
    rep.render_project_notice(db, project.id, "plan", tmp_path / "plan.pdf", period_start=START)
    prj.set_status(db, project.id, "02", date(2018, 3, 15), note="开工")
    with pytest.raises(ValidationFailed):
        prj.set_status(db, project.id, "03", date(2018, 3, 1))  # before the previous step
    prj.set_status(db, project.id, "03", date(2018, 10, 20))
    prj.set_status(db, project.id, "04", date(2018, 11, 5))
    with pytest.raises(BangfuError):
        prj.set_status(db, project.id, "04", date(2018, 11, 6))
    summary = prj.project_summary(db, project.id)
    assert summary.project.status == "04"
    assert [e.to_status for e in summary.events] == ["02", "03", "04"]
    with db.read() as s:
        ops = s.exec(select(OutboxOp).where(OutboxOp.entity == "project_status_event")).all()
    assert {op.kind for op in ops} == {"append"}


def test_override_reason_allows_a_start_without_plan_notice_and_is_kept(db, project):
    prj.set_status(db, project.id, "02", date(2018, 3, 20), override_reason="县扶贫办批准先行开工")
    with db.read() as s:
        event = s.exec(select(ProjectStatusEvent)).one()
        audit = s.exec(select(AuditEntry).where(AuditEntry.entity == "fund_project")).all()
    assert "县扶贫办批准先行开工" in event.note
    assert any(a.reason == "县扶贫办批准先行开工" for a in audit)


def test_project_without_beneficiaries_gets_no_notice_and_no_file(db, project, tmp_path):
    prj.set_funding(db, project.id, {"01": 600_000})
    out = tmp_path / "plan.pdf"
    with pytest.raises(BangfuError) as err:
        rep.render_project_notice(db, project.id, "plan", out, period_start=START)
    assert err.value.code == "notice.no_beneficiaries"
    assert "受益户" in str(err.value)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


def test_project_without_funding_gets_no_notice(db, village, project, tmp_path):
    ids = bulk_households(db, village.id, 2, None)
    prj.set_beneficiaries(db, project.id, {i: 1 for i in ids})
    with pytest.raises(BangfuError) as err:
        rep.render_project_notice(db, project.id, "plan", tmp_path / "p.pdf", period_start=START)
    assert err.value.code == "notice.no_funding"


def test_plan_notice_lists_funds_by_source_and_beneficiaries(db, village, project, tmp_path):
    ids = bulk_households(db, village.id, 30, None)
    prj.set_beneficiaries(db, project.id, {i: 300_000 for i in ids})
    prj.set_funding(db, project.id, {"01": 6_000_000, "03": 2_000_000, "06": 1_000_000})
    out = tmp_path / "plan.pdf"
    issued = rep.render_project_notice(db, project.id, "plan", out, period_start=START, local_hotline="0851-1234567")
    text = all_text(out)
    squashed = text.replace(" ", "").replace("\n", "")
    assert "石门村2018年生猪养殖到户项目计划公示" in squashed
    assert "总投资90,000.00元" in squashed and "中央财政专项60,000.00元" in squashed
    assert "群众自筹10,000.00元" in squashed
    assert "受益户名单" in text and "补助金额" in text and "30户60人" in squashed
    assert "合计：30户60人，补助金额90,000.00元" in squashed
    assert "12317" in text and "0851-1234567" in text
    assert "2018年3月1日至2018年3月10日" in squashed  # 10-day project notice period by default
    assert issued.pages >= 2


def test_completion_notice_needs_completion_and_shows_dates(db, village, project, tmp_path):
    ids = bulk_households(db, village.id, 4, None)
    prj.set_beneficiaries(db, project.id, {i: 300_000 for i in ids})
    prj.set_funding(db, project.id, {"01": 1_200_000})
    with pytest.raises(BangfuError) as err:
        rep.render_project_notice(db, project.id, "completion", tmp_path / "c.pdf", period_start=START)
    assert err.value.code == "notice.not_completed"
    rep.render_project_notice(db, project.id, "plan", tmp_path / "plan.pdf", period_start=START)
    prj.set_status(db, project.id, "02", date(2018, 3, 15))
    with pytest.raises(BangfuError) as err:
        rep.render_project_notice(db, project.id, "plan", tmp_path / "again.pdf", period_start=START)
    assert err.value.code == "notice.plan_after_start"
    prj.set_status(db, project.id, "03", date(2018, 10, 20))
    out = tmp_path / "completion.pdf"
    rep.render_project_notice(db, project.id, "completion", out, period_start=date(2018, 10, 25))
    squashed = all_text(out).replace(" ", "").replace("\n", "")
    assert "竣工公告" in squashed and "开工日期2018年3月15日" in squashed and "完工日期2018年10月20日" in squashed
    notices = prj.project_summary(db, project.id).notices
    assert [n.kind for n in notices] == ["project_plan", "project_completion"]


def test_infrastructure_project_without_household_list_prints_its_mechanism(db, village, tmp_path):
    p = prj.create_project(db, "石门村3组通组硬化路", project_type="02", village_id=village.id,
                           content="硬化道路2.5公里，宽4.5米", benefit_mechanism="解决3组86户312人出行难，其中贫困户21户",
                           household_level=False)
    prj.set_funding(db, p.id, {"04": 150_000_000})
    out = tmp_path / "road.pdf"
    rep.render_project_notice(db, p.id, "plan", out, period_start=START)
    squashed = all_text(out).replace(" ", "").replace("\n", "")
    assert "解决3组86户312人出行难" in squashed and "受益户名单" not in squashed
    assert "1,500,000.00元" in squashed


def test_delete_only_a_planned_project(db, project):
    prj.set_status(db, project.id, "02", date(2018, 3, 20), override_reason="先行开工")
    with pytest.raises(BangfuError):
        prj.delete_project(db, project.id)
    other = prj.create_project(db, "录错的项目")
    prj.delete_project(db, other.id)
    assert [p.id for p in prj.list_projects(db)] == [project.id]
