"""Assistance log, visit plan and drafts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from app.domain import Attachment, FundProject, Member, VisitDraft
from app.errors import BangfuError, ValidationFailed
from app.services import assistance, drafts, photos, visit_plan, visits
from app.services.tx import write
from tests.fieldwork.conftest import as_role, audit, counts, outbox, png_bytes


def _ids(db, hh):
    with db.read() as s:
        return {m.name: m.id for m in s.exec(select(Member).where(Member.household_id == hh.id))}


# -- assistance ------------------------------------------------------------------------------------
def test_measure_is_appended_with_its_details(db, household):
    ids = _ids(db, household)
    m = assistance.add_measure(db, household.id, "05", date(2026, 3, 1), content="雨露计划助学", amount_fen=300_000,
                               funding_source="02", beneficiaries=[ids["张小明"]], status="02")
    assert outbox(db, "measure")[-1].kind == "append" and audit(db, "measure", "append")
    views = assistance.household_measures(db, household.id)
    assert [(v.measure.id, v.status, v.amount_fen) for v in views] == [(m.id, "02", 300_000)]


def test_measure_validation(db, household, village):
    from app.services import registry

    other = registry.create_household(db, village.id, {"name": "别户"}, main_cause="01")
    with db.read() as s:
        stranger = s.exec(select(Member).where(Member.household_id == other.id)).one()
    before = counts(db)
    with pytest.raises(ValidationFailed) as err:
        assistance.add_measure(db, household.id, "99", date(2026, 3, 1), amount_fen=-5, funding_source="x",
                               beneficiaries=[stranger.id], status="02", project_id="nope")
    assert {e.field for e in err.value.errors} == {"category", "amount_fen", "funding_source", "beneficiaries",
                                                   "project_id"}
    with pytest.raises(ValidationFailed) as err:
        assistance.add_measure(db, household.id, "01", date.today() + timedelta(days=30), status="03")
    assert err.value.errors[0].code == "value.future_date"
    assert counts(db) == before
    # a planned measure may be dated ahead
    assistance.add_measure(db, household.id, "01", date.today() + timedelta(days=30), status="01")


def test_measure_progress_is_append_only_and_forward_only(db, household):
    m = assistance.add_measure(db, household.id, "04", date(2026, 1, 10), content="危房改造", amount_fen=2_000_000,
                               funding_source="01")
    assistance.update_status(db, m.id, "02", date(2026, 2, 1), note="开工")
    assistance.update_status(db, m.id, "03", date(2026, 6, 1), note="竣工验收", amount_fen=1_950_000)
    with pytest.raises(ValidationFailed) as err:
        assistance.update_status(db, m.id, "02", date(2026, 7, 1))
    assert err.value.errors[0].code == "measure.status_step"
    view = assistance.household_measures(db, household.id)[0]
    assert view.status == "03" and view.amount_fen == 1_950_000 and [u.status for u in view.updates] == ["02", "03"]
    assert view.measure.status == "01"  # the appended measure itself is never patched
    assert [op.kind for op in outbox(db, "measure_update")] == ["append", "append"]
    assert not [op for op in outbox(db, "measure") if op.kind == "patch"]
    with pytest.raises(ValidationFailed) as err:
        m2 = assistance.add_measure(db, household.id, "01", date(2026, 5, 1))
        assistance.update_status(db, m2.id, "02", date(2026, 4, 1))
    assert err.value.errors[0].code == "measure.update_before_start"


def test_project_link_and_history(db, household, village):
    with write(db) as tx:
        project = FundProject(name="光伏扶贫电站", village_id=village.id, start_date=date(2025, 5, 1))
        tx.create(project)
    assistance.add_measure(db, household.id, "08", date(2025, 6, 1), content="光伏收益分红", project_id=project.id,
                           amount_fen=100_000, funding_source="04", status="03")
    visits.record_visit(db, household.id, datetime(2025, 7, 1, tzinfo=UTC), summary="回访")
    history = assistance.household_history(db, household.id)
    assert [i.kind for i in history[:2]] == ["visit", "measure"]
    assert {i.kind for i in history} == {"visit", "measure"}
    assert history[1].record.project_id == project.id


def test_village_worker_may_record_township_may_not(db, household):
    with as_role(db, "township"), pytest.raises(BangfuError) as err:
        assistance.add_measure(db, household.id, "01", date(2026, 1, 1))
    assert err.value.code == "user.not_allowed"


# -- visit plan ------------------------------------------------------------------------------------
def test_due_and_overdue_lists(db, household, village):
    from app.services import registry

    h2 = registry.create_household(db, village.id, {"name": "二户"}, main_cause="02", group_no=1)
    h3 = registry.create_household(db, village.id, {"name": "三户"}, main_cause="02", group_no=1)
    registry.create_household(db, village.id, {"name": "无帮扶"}, main_cause="02")  # no helper: not planned
    today = date(2026, 6, 30)
    registry.assign_helper(db, household.id, "甲", date(2026, 1, 1), visit_every_days=30)
    registry.assign_helper(db, h2.id, "甲", date(2026, 1, 1), visit_every_days=7)
    registry.assign_helper(db, h3.id, "乙", date(2026, 1, 1), visit_every_days=30)
    visits.record_visit(db, household.id, datetime(2026, 6, 20, 4, tzinfo=UTC))  # due 7-20: fine
    visits.record_visit(db, h2.id, datetime(2026, 6, 20, 4, tzinfo=UTC))  # due 6-27: 3 days late
    visits.record_visit(db, h3.id, datetime(2026, 6, 5, 4, tzinfo=UTC))  # due 7-5: soon
    plan = visit_plan.visit_plan(db, today=today)
    assert [(r.head_name, r.state, r.days_late) for r in plan] == [
        ("二户", "overdue", 3), ("三户", "soon", 0), ("张三", "ok", 0)]
    assert [r.head_name for r in visit_plan.due_visits(db, today=today)] == ["二户", "三户"]
    assert [r.head_name for r in visit_plan.overdue_visits(db, today=today)] == ["二户"]
    assert [r.head_name for r in visit_plan.due_visits(db, today=today, helper_name="乙")] == ["三户"]
    assert visit_plan.helpers(db) == sorted(["甲", "乙"])
    # never visited: due from the helper's start
    h4 = registry.create_household(db, village.id, {"name": "四户"}, main_cause="02")
    registry.assign_helper(db, h4.id, "乙", date(2026, 6, 1), visit_every_days=14)
    row = next(r for r in visit_plan.visit_plan(db, today=today) if r.household_id == h4.id)
    assert row.last_visit is None and row.due_on == date(2026, 6, 15) and row.days_late == 15
    # the start-up reminder's counts agree with the list: 二户 and 四户 overdue, 三户 soon
    assert visit_plan.due_counts(db, today=today) == (3, 2)
    assert len(visit_plan.due_visits(db, today=today)) == 3


def test_frequency_is_configurable(db, household):
    from app.services import registry

    helper = registry.assign_helper(db, household.id, "甲", date(2026, 1, 1), visit_every_days=30)
    visit_plan.set_frequency(db, helper.id, 10)
    row = visit_plan.visit_plan(db, today=date(2026, 1, 20))[0]
    assert row.every_days == 10 and row.due_on == date(2026, 1, 11) and row.state == "overdue"
    with pytest.raises(ValidationFailed):
        visit_plan.set_frequency(db, helper.id, 0)
    assert outbox(db, "helper_assignment")[-1].fields == {"visit_every_days": 10}


# -- drafts ----------------------------------------------------------------------------------------
def test_draft_round_trip_resume_and_finish(db, household):
    photo = photos.store_photo(db, png_bytes((2000, 1000)))
    assert (photo.width, photo.height) == (1600, 800)
    state = {"household_id": household.id, "visited_at": "2026-05-01T09:30:00+08:00",
             "checks": {"food": True}, "photos": [{"sha256": photo.sha256, "caption": "门口"}],
             "income": {"wage_fen": 1_000_000}, "income_year": 2026}
    draft_id = drafts.save_draft(db, state, step=3)
    # simulate a crash: nothing but the database survives
    loaded, step = drafts.load_draft(db, draft_id)
    assert loaded == state and step == 3
    assert [d.id for d in drafts.list_drafts(db)] == [draft_id] and drafts.list_drafts(db)[0].head_name == "张三"
    state["checks"]["clothing"] = True
    drafts.save_draft(db, state, step=4, draft_id=draft_id)
    assert drafts.load_draft(db, draft_id) == (state, 4)
    visit = visits.record_visit_from_state(db, state, draft_id=draft_id)
    assert visit.data["checks"] == {"food": True, "clothing": True} and visit.data["photos"][0]["caption"] == "门口"
    assert drafts.list_drafts(db) == []
    with pytest.raises(BangfuError) as err:
        drafts.load_draft(db, draft_id)
    assert err.value.code == "draft.missing"
    assert not outbox(db, "visit_draft")  # drafts never sync


def test_discarding_a_draft_drops_only_its_unlinked_photos(db, household):
    a = photos.store_photo(db, png_bytes(colour="blue"))
    b = photos.store_photo(db, png_bytes(colour="yellow"))
    keep = drafts.save_draft(db, {"household_id": household.id, "photos": [{"sha256": b.sha256}]}, 5)
    gone = drafts.save_draft(db, {"household_id": household.id, "photos": [{"sha256": a.sha256}, {"sha256": b.sha256}]}, 5)
    drafts.discard_draft(db, gone)
    with db.read() as s:
        assert s.get(Attachment, a.sha256) is None and s.get(Attachment, b.sha256) is not None
        assert s.get(VisitDraft, keep) is not None


def test_draft_refuses_non_json_and_other_users(db, household):
    with pytest.raises(BangfuError) as err:
        drafts.save_draft(db, {"household_id": household.id, "blob": b"bytes"}, 1)
    assert err.value.code == "draft.not_json"
    draft_id = drafts.save_draft(db, {"household_id": household.id}, 1)
    import dataclasses

    old = db.actor
    db.actor = dataclasses.replace(old, user_id="someone-else")
    try:
        with pytest.raises(BangfuError) as err:
            drafts.save_draft(db, {}, 2, draft_id=draft_id)
        assert err.value.code == "draft.other_user"
        assert drafts.list_drafts(db) == [] and len(drafts.list_drafts(db, all_users=True)) == 1
    finally:
        db.actor = old


def test_photo_validation(db):
    with pytest.raises(BangfuError) as err:
        photos.store_photo(db, b"")
    assert err.value.code == "fieldwork.photo_invalid"
    with pytest.raises(BangfuError) as err:
        photos.prepare_photo(b"\xff\xd8\xff\xe0 truncated jpeg")
    assert err.value.code == "fieldwork.photo_invalid"
    sig = photos.prepare_signature(png_bytes((2400, 800), "white", "RGBA"))
    assert sig.mime == "image/png" and max(sig.width, sig.height) == 1200
    same = photos.store_photo(db, png_bytes(colour="blue"))
    again = photos.store_photo(db, png_bytes(colour="blue"))
    assert same.sha256 == again.sha256
    with db.read() as s:
        assert len(s.exec(select(Attachment)).all()) == 1  # stored once by content hash
