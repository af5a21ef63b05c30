"""Lifecycle requests: every transition allowed and refused, the evidence, the approvals, the audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from app.domain import Household, LifecycleEvent, LifecycleRequest
from app.errors import BangfuError, ValidationFailed
from app.services import lifecycle as lc
from app.services import registry
from app.services.tx import write
from tests.fieldwork.conftest import ASSESS_ON, YEAR, as_role, audit, counts, fid, outbox, png_bytes

DELIB = date(2020, 11, 2)
N_START, N_END = date(2020, 11, 3), date(2020, 11, 9)  # 7 days inclusive
REVIEW, DECIDE = date(2020, 11, 12), date(2020, 11, 20)


def _set_state(db, hh_id, state):
    """Test set-up: put a household in a register state directly."""
    with write(db) as tx:
        hh = tx.session.get(Household, hh_id)
        if state == lc.CANDIDATE:
            tx.patch(hh, {"identified_year": None})
        elif state == lc.REMOVED:
            tx.delete(hh)
        else:
            tx.patch(hh, {"exit_status": state, "identified_year": 2016})


def _hh(db, hh_id):
    with db.read() as s:
        return s.get(Household, hh_id)


def _reason(kind):
    return {lc.REMOVE: "06", lc.DECREASE: "01", lc.INCREASE: "07"}.get(kind, "")


def _evidence(db, req, kind):
    if "deliberation" in lc.REQUIRED_EVIDENCE[kind]:
        lc.record_deliberation(db, req.id, DELIB, attended=30, total=35, agreed=28, result=True)
    if "notice" in lc.REQUIRED_EVIDENCE[kind]:
        lc.record_notice(db, req.id, N_START, N_END, objections=0)
    if "confirmation" in lc.REQUIRED_EVIDENCE[kind]:
        lc.record_confirmation(db, req.id, N_END, image=png_bytes((500, 200), "white"), kind="signature")


def _through(db, hh_id, kind, year=YEAR):
    """File a request and take it all the way to the county's approval."""
    req = lc.file_request(db, hh_id, kind, year, reason=_reason(kind), today=ASSESS_ON)
    _evidence(db, req, kind)
    lc.submit(db, req.id, on=date(2020, 11, 10))
    with as_role(db, "township"):
        lc.township_review(db, req.id, True, on=REVIEW)
    with as_role(db, "county"):
        return lc.county_decide(db, req.id, True, on=DECIDE)


# -- the transition table -------------------------------------------------------------------------
@pytest.mark.parametrize("kind", lc.KINDS)
@pytest.mark.parametrize("state", lc.STATES)
def test_filing_follows_the_transition_table(db, household, kind, state):
    _set_state(db, household.id, state)
    allowed = state in lc.ALLOWED_FROM[kind]
    if allowed:
        req = lc.file_request(db, household.id, kind, YEAR, reason=_reason(kind), today=ASSESS_ON)
        assert req.status == lc.DRAFT and req.steps["filed"]["state"] == state
    else:
        before = counts(db)
        with pytest.raises(BangfuError) as err:
            lc.file_request(db, household.id, kind, YEAR, reason=_reason(kind), today=ASSESS_ON)
        assert err.value.code == "lifecycle.not_allowed"
        assert counts(db) == before


def test_the_table_is_complete_and_sensible():
    assert set(lc.ALLOWED_FROM) == set(lc.KINDS)
    assert lc.ALLOWED_FROM[lc.EXIT] == {"01", "04"}  # not yet out, or returned
    assert lc.ALLOWED_FROM[lc.RETURN] == {"02", "03"}  # only exited households return
    assert lc.CANDIDATE in lc.ALLOWED_FROM[lc.IDENTIFY] and "01" not in lc.ALLOWED_FROM[lc.IDENTIFY]


@pytest.mark.parametrize("kind", lc.KINDS)
def test_each_kind_approved_changes_the_household_only_on_approval(db, exit_ready, kind):
    start = {lc.IDENTIFY: lc.CANDIDATE, lc.EXIT: "01", lc.RETURN: "02", lc.REMOVE: "01",
             lc.DECREASE: "01", lc.INCREASE: lc.REMOVED}[kind]
    _set_state(db, exit_ready.id, start)
    req = lc.file_request(db, exit_ready.id, kind, YEAR, reason=_reason(kind), today=ASSESS_ON)
    _evidence(db, req, kind)
    lc.submit(db, req.id, on=date(2020, 11, 10))
    with as_role(db, "township"):
        lc.township_review(db, req.id, True, on=REVIEW)
    assert lc.household_state(_hh(db, exit_ready.id)) == start  # nothing changes before the county decides
    with as_role(db, "county"):
        lc.county_decide(db, req.id, True, on=DECIDE)
    hh = _hh(db, exit_ready.id)
    expected = {lc.IDENTIFY: "01", lc.EXIT: "02", lc.RETURN: "04", lc.REMOVE: lc.REMOVED,
                lc.DECREASE: lc.REMOVED, lc.INCREASE: "01"}[kind]
    assert lc.household_state(hh) == expected
    if kind == lc.EXIT:
        assert hh.exit_year == YEAR
    if kind == lc.RETURN:
        assert hh.return_year == YEAR
    if kind == lc.IDENTIFY:
        assert hh.identified_year == YEAR
    with db.read() as s:
        event = s.exec(select(LifecycleEvent).where(LifecycleEvent.request_id == req.id)).one()
        assert (event.kind, event.from_status, event.to_status, event.date) == (kind, start, expected, DECIDE)
        assert s.get(LifecycleRequest, req.id).status == lc.APPROVED


# -- request status actions -----------------------------------------------------------------------
EVIDENCE = {
    "deliberation": {"date": DELIB.isoformat(), "attended": 30, "total": 35, "agreed": 28, "result": True},
    "notice": {"start": N_START.isoformat(), "end": N_END.isoformat(), "days": 7, "objections": 0},
    "confirmation": {"date": N_END.isoformat(), "kind": "sheet", "sha256": ""},
    "township_review": {"date": REVIEW.isoformat(), "decision": "approved"},
}


def _at(db, hh_id, status):
    """A return request already at ``status`` (set up directly: the steps themselves are tested
    one by one elsewhere; here only the status table is)."""
    req = lc.file_request(db, hh_id, lc.RETURN, YEAR, today=ASSESS_ON)
    if status != lc.DRAFT:
        with write(db) as tx:
            row = tx.session.get(LifecycleRequest, req.id)
            tx.patch(row, {"status": status, "steps": {**row.steps, **EVIDENCE}})
    return req


def _do(db, req, action):
    if action == "deliberation":
        return lc.record_deliberation(db, req.id, DELIB, 30, 35, 28, True)
    if action == "notice":
        return lc.record_notice(db, req.id, N_START, N_END)
    if action == "confirmation":
        return lc.record_confirmation(db, req.id, N_END, image=png_bytes(), kind="sheet")
    if action == "withdraw":
        return lc.withdraw(db, req.id, "重复申请")
    if action == "submit":
        return lc.submit(db, req.id, on=date(2020, 11, 10))
    role = "county"
    with as_role(db, role):
        if action == "township_approve":
            return lc.township_review(db, req.id, True, on=REVIEW)
        if action == "township_return":
            return lc.township_review(db, req.id, False, on=REVIEW, note="缺评议记录")
        if action == "county_approve":
            return lc.county_decide(db, req.id, True, on=DECIDE)
        return lc.county_decide(db, req.id, False, on=DECIDE, note="不符合条件")


@pytest.mark.parametrize("action", sorted(lc.ACTIONS))
@pytest.mark.parametrize("status", [lc.DRAFT, lc.SUBMITTED, lc.REVIEWED, lc.APPROVED, lc.REJECTED])
def test_request_actions_follow_the_status_table(db, household, status, action):
    _set_state(db, household.id, "02")
    req = _at(db, household.id, status)
    needed, after = lc.ACTIONS[action]
    if status == needed:
        if action == "submit":
            _evidence(db, req, lc.RETURN)
        _do(db, req, action)
        with db.read() as s:
            row = s.get(LifecycleRequest, req.id)
            assert row.status == after
            assert row.deleted == (action == "withdraw")
    else:
        before = counts(db)
        with pytest.raises(BangfuError) as err:
            _do(db, req, action)
        assert err.value.code == "lifecycle.wrong_status"
        assert counts(db) == before


# -- evidence -------------------------------------------------------------------------------------
def test_notice_period_must_reach_the_configured_days(db, household):
    from app.codes import override_setting, reset_overrides

    req = lc.file_request(db, household.id, lc.REMOVE, YEAR, reason="03", today=ASSESS_ON)
    with pytest.raises(ValidationFailed) as err:
        lc.record_notice(db, req.id, date(2020, 11, 3), date(2020, 11, 8))  # 6 days
    assert "公示期至少 7 天，实际 6 天" in str(err.value)
    with pytest.raises(ValidationFailed) as err:
        lc.record_notice(db, req.id, date(2020, 11, 9), date(2020, 11, 3))
    assert err.value.errors[0].code == "lifecycle.notice_end_before_start"
    override_setting("notice_days_household", "5")
    try:
        lc.record_notice(db, req.id, date(2020, 11, 3), date(2020, 11, 7))  # 5 days: enough in this province
    finally:
        reset_overrides()


def test_deliberation_counts_and_order(db, household):
    req = lc.file_request(db, household.id, lc.REMOVE, YEAR, reason="03", today=ASSESS_ON)
    with pytest.raises(ValidationFailed) as err:
        lc.record_deliberation(db, req.id, DELIB, attended=40, total=35, agreed=41, result=True)
    assert {e.code for e in err.value.errors} == {"lifecycle.attended_over_total", "lifecycle.agreed_over_attended"}
    with pytest.raises(ValidationFailed) as err:
        lc.record_deliberation(db, req.id, date(2099, 1, 1), attended=10, total=12, agreed=9, result=True)
    assert err.value.errors[0].code == "value.future_date"
    lc.record_deliberation(db, req.id, DELIB, attended=30, total=35, agreed=28, result=True)
    with pytest.raises(ValidationFailed) as err:
        lc.record_notice(db, req.id, date(2020, 10, 1), date(2020, 10, 10))
    assert err.value.errors[0].code == "lifecycle.notice_before_deliberation"


def test_submit_needs_all_evidence_and_an_agreeing_deliberation(db, household):
    _set_state(db, household.id, "02")
    req = lc.file_request(db, household.id, lc.RETURN, YEAR, today=ASSESS_ON)
    with pytest.raises(BangfuError) as err:
        lc.submit(db, req.id, on=date(2020, 11, 10))
    assert err.value.code == "lifecycle.evidence_missing" and "民主评议、公示、户主确认" in str(err.value)
    lc.record_deliberation(db, req.id, DELIB, 30, 35, 10, False)
    lc.record_notice(db, req.id, N_START, N_END)
    lc.record_confirmation(db, req.id, N_END, image=png_bytes(), kind="sheet")
    with pytest.raises(BangfuError) as err:
        lc.submit(db, req.id, on=date(2020, 11, 10))
    assert err.value.code == "lifecycle.deliberation_against"


def test_confirmation_must_be_an_image(db, household):
    _set_state(db, household.id, "02")
    req = lc.file_request(db, household.id, lc.RETURN, YEAR, today=ASSESS_ON)
    before = counts(db)
    with pytest.raises(ValidationFailed) as err:
        lc.record_confirmation(db, req.id, N_END, image=b"GIF89a-but-not-really", kind="sheet")
    assert "不是可识别的图片" in str(err.value)
    assert counts(db) == before


def test_one_open_request_per_household(db, household):
    lc.file_request(db, household.id, lc.REMOVE, YEAR, reason="03", today=ASSESS_ON)
    with pytest.raises(BangfuError) as err:
        lc.file_request(db, household.id, lc.EXIT, YEAR, today=ASSESS_ON)
    assert err.value.code == "lifecycle.already_open"


def test_removal_needs_a_removal_reason_code(db, household):
    with pytest.raises(ValidationFailed) as err:
        lc.file_request(db, household.id, lc.REMOVE, YEAR, today=ASSESS_ON)
    assert err.value.for_field("reason")[0].code == "value.required"
    with pytest.raises(ValidationFailed) as err:
        lc.file_request(db, household.id, lc.DECREASE, YEAR, reason="06", today=ASSESS_ON)  # 新生儿 is "in"
    assert err.value.errors[0].code == "member.reason_direction"


def test_township_cannot_pass_a_running_notice_and_county_not_before_review(db, household):
    _set_state(db, household.id, "02")
    req = lc.file_request(db, household.id, lc.RETURN, YEAR, today=ASSESS_ON)
    _evidence(db, req, lc.RETURN)
    lc.submit(db, req.id, on=date(2020, 11, 10))
    with as_role(db, "township"), pytest.raises(BangfuError) as err:
        lc.township_review(db, req.id, True, on=N_END)
    assert err.value.code == "lifecycle.notice_running"
    with as_role(db, "township"):
        lc.township_review(db, req.id, True, on=REVIEW)
    with as_role(db, "county"), pytest.raises(ValidationFailed) as err2:
        lc.county_decide(db, req.id, True, on=date(2020, 11, 11))
    assert err2.value.errors[0].code == "lifecycle.before_review"


def test_roles_village_cannot_review_township_cannot_approve(db, household):
    _set_state(db, household.id, "02")
    req = _at(db, household.id, lc.SUBMITTED)
    with pytest.raises(BangfuError) as err:
        lc.township_review(db, req.id, True, on=REVIEW)
    assert err.value.code == "user.not_allowed"
    with as_role(db, "township"):
        lc.township_review(db, req.id, True, on=REVIEW)
        with pytest.raises(BangfuError) as err:
            lc.county_decide(db, req.id, True, on=DECIDE)
    assert err.value.code == "user.not_allowed"
    with as_role(db, "township"):
        assert lc.next_actions(db, _req(db, req.id)) == []
    with as_role(db, "county"):
        assert lc.next_actions(db, _req(db, req.id)) == ["county_approve", "county_reject"]


def _req(db, req_id):
    with db.read() as s:
        return s.get(LifecycleRequest, req_id)


def test_township_return_sends_the_request_back_to_the_village(db, household):
    _set_state(db, household.id, "02")
    req = _at(db, household.id, lc.SUBMITTED)
    with as_role(db, "township"), pytest.raises(ValidationFailed):
        lc.township_review(db, req.id, False, on=REVIEW)  # returning needs a note
    with as_role(db, "township"):
        lc.township_review(db, req.id, False, on=REVIEW, note="请补充评议记录")
    row = _req(db, req.id)
    assert row.status == lc.DRAFT and row.steps["township_review"]["decision"] == "returned"
    lc.submit(db, req.id, on=REVIEW)  # the village may submit again
    assert _req(db, req.id).status == lc.SUBMITTED


# -- exit blocked, override -------------------------------------------------------------------------
def test_exit_blocked_when_the_assessment_fails(db, exit_ready):
    registry.update_conditions(db, exit_ready.id, {"house_danger_level": "D"})
    req = lc.file_request(db, exit_ready.id, lc.EXIT, YEAR, today=ASSESS_ON)
    _evidence(db, req, lc.EXIT)
    before = counts(db)
    with pytest.raises(lc.ExitBlocked) as err:
        lc.submit(db, req.id, on=date(2020, 11, 10))
    assert [c.code for c in err.value.assessment.failures] == ["housing", "must_not_exit"]
    text = str(err.value)
    assert "脱贫评估有 2 项未达标" in text and "住房鉴定为 D 级危房" in text
    assert counts(db) == before and _req(db, req.id).status == lc.DRAFT
    # a village worker cannot override
    with pytest.raises(BangfuError) as err2:
        lc.submit(db, req.id, on=date(2020, 11, 10), override_reason="已开工改造")
    assert err2.value.code == "lifecycle.override_not_allowed"


def test_exit_override_by_the_township_is_audited_and_carries_through(db, exit_ready):
    registry.update_conditions(db, exit_ready.id, {"house_danger_level": "C"})
    req = lc.file_request(db, exit_ready.id, lc.EXIT, YEAR, today=ASSESS_ON)
    _evidence(db, req, lc.EXIT)
    with as_role(db, "township"):
        lc.submit(db, req.id, on=date(2020, 11, 10), override_reason="危房改造已竣工验收，等级待更新")
        lc.township_review(db, req.id, True, on=REVIEW)
    with as_role(db, "county"):
        lc.county_decide(db, req.id, True, on=DECIDE)
    row = _req(db, req.id)
    assert row.override_reason == "危房改造已竣工验收，等级待更新"
    assert row.steps["override"]["role"] == "township" and row.steps["override"]["failures"] == ["housing", "must_not_exit"]
    assert row.steps["assessment"]["passed"] is False
    overrides = audit(db, "lifecycle_request", "override")
    assert len(overrides) == 1 and overrides[0].reason == "危房改造已竣工验收，等级待更新"
    assert _hh(db, exit_ready.id).exit_status == "02"


def test_county_reassesses_at_approval(db, exit_ready):
    req = lc.file_request(db, exit_ready.id, lc.EXIT, YEAR, today=ASSESS_ON)
    _evidence(db, req, lc.EXIT)
    lc.submit(db, req.id, on=date(2020, 11, 10))
    with as_role(db, "township"):
        lc.township_review(db, req.id, True, on=REVIEW)
    registry.set_income(db, exit_ready.id, YEAR, {"wage_fen": 0})  # the facts changed meanwhile
    with as_role(db, "county"), pytest.raises(lc.ExitBlocked):
        lc.county_decide(db, req.id, True, on=DECIDE)
    assert _hh(db, exit_ready.id).exit_status == "01"


# -- audit and outbox -------------------------------------------------------------------------------
def test_every_step_is_audited_and_synced(db, exit_ready):
    req = _through(db, exit_ready.id, lc.EXIT)
    patches = [e for e in audit(db, "lifecycle_request") if e.action == "patch"]
    assert [e.reason for e in patches] == ["lifecycle.deliberation", "lifecycle.notice", "lifecycle.confirmation",
                                           "lifecycle.submit", "lifecycle.township_approve", "lifecycle.county_approve"]
    assert [e.user_id for e in patches] == [db.actor.user_id] * 6
    ops = outbox(db, "lifecycle_request")
    assert [op.kind for op in ops] == ["create"] + ["patch"] * 6
    assert ops[-1].fields["status"] == "approved"
    hh_ops = [op for op in outbox(db, "household") if "exit_status" in op.fields]
    assert hh_ops[-1].fields == {"exit_status": "02", "exit_year": YEAR}
    assert outbox(db, "lifecycle_event")[-1].kind == "append"
    assert audit(db, "attachment", "link")[-1].fields["entity"] == "lifecycle_request"
    assert lc.household_events(db, exit_ready.id)[0].request_id == req.id
    assert [r.request.id for r in lc.requests(db, status=lc.APPROVED)] == [req.id]


def test_removed_household_can_be_identified_again(db, household):
    _through(db, household.id, lc.REMOVE)
    assert _hh(db, household.id).deleted
    _through(db, household.id, lc.IDENTIFY)
    hh = _hh(db, household.id)
    assert not hh.deleted and hh.exit_status == "01" and hh.identified_year == YEAR


def test_exit_year_not_before_identification(db, exit_ready):
    with pytest.raises(ValidationFailed) as err:
        lc.file_request(db, exit_ready.id, lc.EXIT, 2015, today=ASSESS_ON)
    assert err.value.errors[0].code == "lifecycle.exit_before_identified"


def test_withdraw_needs_a_reason(db, household):
    req = lc.file_request(db, household.id, lc.REMOVE, YEAR, reason="03", today=ASSESS_ON)
    with pytest.raises(ValidationFailed):
        lc.withdraw(db, req.id, "")
    lc.withdraw(db, req.id, "误报")
    assert audit(db, "lifecycle_request", "delete")[-1].reason == "误报"
    assert lc.requests(db, household_id=household.id) == []
    registry.add_member(db, household.id, {"name": "新人", "relation": "20", "id_number": fid()}, reason="07")


def test_status_changes_only_through_an_approved_request(db, household):
    """Editing the card cannot change the register status: exit_status/exit_year/return_year are not
    editable fields, and a candidate cannot be made poor (nor a poor household un-identified) by
    setting or clearing the year of identification. Correcting that year stays possible."""
    before = counts(db)
    for changes in ({"exit_status": "02"}, {"exit_year": 2020}, {"return_year": 2021}, {"identified_year": None}):
        with pytest.raises(ValidationFailed) as err:
            registry.update_household(db, household.id, changes)
        assert err.value.errors[0].field == next(iter(changes))
    assert "须经动态管理申请审定" in str(err.value)
    assert counts(db) == before and lc.household_state(_hh(db, household.id)) == "01"
    registry.update_household(db, household.id, {"identified_year": 2016})  # a correction of the year
    assert _hh(db, household.id).identified_year == 2016
    _set_state(db, household.id, lc.CANDIDATE)
    with pytest.raises(ValidationFailed) as err:
        registry.update_household(db, household.id, {"identified_year": YEAR})
    assert err.value.errors[0].code == "household.identify_via_request"
    assert lc.household_state(_hh(db, household.id)) == lc.CANDIDATE
    _through(db, household.id, lc.IDENTIFY)  # the way it is done
    assert lc.household_state(_hh(db, household.id)) == "01"
