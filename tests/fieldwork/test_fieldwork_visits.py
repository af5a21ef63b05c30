"""Recording a visit: one transaction, every part validated, nothing half-saved."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from app.domain import Attachment, AttachmentLink, Household, Income, LifecycleEvent, Measure, Member, Visit
from app.errors import ValidationFailed
from app.i18n import set_language
from app.services import visits
from tests.fieldwork.conftest import ALL_CHECKS, audit, counts, fid, jpeg_bytes, outbox, png_bytes

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def _members(db, household):
    with db.read() as s:
        return {m.name: m for m in s.exec(select(Member).where(Member.household_id == household.id))}


def test_whole_visit_in_one_transaction(db, household):
    ms = _members(db, household)
    before = counts(db)
    visit = visits.record_visit(
        db, household.id, datetime(2026, 5, 20, 3, 0, tzinfo=UTC),
        members=[
            {"action": "confirm", "member_id": ms["张三"].id},
            {"action": "update", "member_id": ms["张小明"].id, "changes": {"school_status": "04"}},
            {"action": "add", "reason": "06", "on": "2026-04-02",
             "data": {"name": "张小花", "relation": "04", "id_number": fid(date(2026, 4, 2), "2")}},
            {"action": "remove", "member_id": ms["李四"].id, "reason": "02", "on": "2026-05-01"},
        ],
        checks=ALL_CHECKS, notes={"school": "已入学"},
        income={"wage_fen": 2_400_000, "transfer_dibao_fen": 120_000}, income_year=2026,
        expenses={"medical_fen": 50_000},
        conditions={"house_danger_level": "B", "sanitary_toilet": True},
        problems=[{"category": "06", "text": "户主腰痛需复查"}],
        measures=[{"category": "06", "content": "联系家庭医生签约", "status": "01", "on": date(2026, 5, 20)}],
        satisfaction="01", environment={"rating": "01", "toilet": True, "note": "院落整洁"},
        photos=[{"data": jpeg_bytes(), "caption": "入户"}],
        confirmation={"kind": "signature", "data": png_bytes((600, 200), "white", "RGBA")},
        summary="走访正常", now=NOW,
    )
    after = counts(db)
    assert after["Visit"] == before["Visit"] + 1
    assert after["Member"] == before["Member"] + 1
    assert after["Measure"] == before["Measure"] + 1
    assert after["LifecycleEvent"] == before["LifecycleEvent"] + 2  # 自然增加 (birth) + 自然减少 (married out)
    assert after["Attachment"] == before["Attachment"] + 2
    with db.read() as s:
        hh = s.get(Household, household.id)
        assert hh.size == 3  # 张三, 张小明, 张小花 (李四 left)
        stored = s.get(Visit, visit.id)
        assert stored.author == db.actor.name and stored.satisfaction == "01"
        assert stored.data["checks"]["food"] is True and stored.data["notes"]["school"] == "已入学"
        assert stored.data["measure_ids"] and stored.data["income"]["wage_fen"] == 2_400_000
        assert [m["action"] for m in stored.data["members"]] == ["confirm", "update", "add", "remove"]
        assert s.exec(select(Income).where(Income.household_id == hh.id, Income.year == 2026)).one().wage_fen == 2_400_000
        assert s.exec(select(Member).where(Member.name == "张小明")).one().school_status == "04"
        events = s.exec(select(LifecycleEvent).where(LifecycleEvent.household_id == hh.id)).all()
        assert sorted((e.kind, e.reason) for e in events) == [("05", "02"), ("06", "06")]
        photo = s.get(Attachment, stored.data["photos"][0]["sha256"])
        assert photo.mime == "image/jpeg" and max(photo.width, photo.height) == 1600
        sig = s.get(Attachment, stored.confirmation_sha256)
        assert sig.mime == "image/png"
        links = s.exec(select(AttachmentLink).where(AttachmentLink.entity_id == visit.id)).all()
        assert sorted(link.role for link in links) == ["confirmation_signature", "photo"]
    # every part went through the services: outbox ops and audit entries exist
    assert [op.kind for op in outbox(db, "visit")] == ["append"]
    assert outbox(db, "measure")[-1].kind == "append"
    assert any(op.kind == "patch" and "school_status" in op.fields for op in outbox(db, "member"))
    assert outbox(db, "income") and outbox(db, "conditions")[-1].kind == "patch"
    assert audit(db, "visit", "append") and audit(db, "attachment", "link")
    assert all(e.reason == "visit" for e in audit(db, "visit"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_visit_in_the_future_is_refused(db, household, lang):
    set_language(lang)
    before = counts(db)
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(db, household.id, datetime.now(UTC) + timedelta(days=1), checks={"food": True})
    assert err.value.for_field("visited_at")
    text = str(err.value)
    assert ("走访时间" in text and "不能晚于现在" in text) if lang == "zh_CN" else "future" in text
    assert counts(db) == before


def test_death_before_birth_is_refused_and_nothing_is_saved(db, household):
    ms = _members(db, household)
    before = counts(db)
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(
            db, household.id, NOW - timedelta(days=1), now=NOW,
            members=[{"action": "add", "reason": "06", "on": "2026-01-02",
                      "data": {"name": "新生", "relation": "03", "id_number": fid(date(2026, 1, 2), "1")}},
                     {"action": "remove", "member_id": ms["张小明"].id, "reason": "01", "on": "2010-01-01"}],
            income={"wage_fen": 100})
    assert err.value.errors[0].code == "visit.death_before_birth"
    assert "死亡日期早于出生日期" in str(err.value)
    assert counts(db) == before  # the birth earlier in the same visit was rolled back too


def test_negative_income_is_refused(db, household):
    before = counts(db)
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(db, household.id, NOW - timedelta(hours=1), now=NOW, income={"wage_fen": -500},
                            checks={"food": True})
    assert err.value.for_field("wage_fen")[0].code == "value.negative"
    assert "工资性收入" in str(err.value)
    assert counts(db) == before


def test_a_file_that_is_not_an_image_is_refused(db, household):
    before = counts(db)
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(db, household.id, NOW - timedelta(hours=1), now=NOW,
                            photos=[{"data": jpeg_bytes((100, 80))}, {"data": b"%PDF-1.4 not an image"}])
    msg = str(err.value)
    assert "第 2 张照片" in msg and "不是可识别的图片" in msg
    assert counts(db) == before


def test_bad_signature_and_unknown_codes_are_all_reported(db, household):
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(db, household.id, NOW - timedelta(hours=1), now=NOW, satisfaction="99",
                            checks={"food": "maybe", "nonsense": True},
                            confirmation={"kind": "signature", "data": b"\x89PNG broken"},
                            problems=[{"category": "06", "text": ""}])
    fields = sorted({e.field for e in err.value.errors})
    assert fields == ["checks", "confirmation", "problems", "satisfaction"]


def test_member_of_another_household_is_refused(db, household, village):
    from app.services import registry

    other = registry.create_household(db, village.id, {"name": "外户", "id_number": fid(date(1960, 1, 1))},
                                      main_cause="01")
    with db.read() as s:
        stranger = s.exec(select(Member).where(Member.household_id == other.id)).one()
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(db, household.id, NOW - timedelta(hours=1), now=NOW,
                            members=[{"action": "confirm", "member_id": stranger.id}])
    assert err.value.errors[0].code == "visit.member_not_in_household"


def test_newborn_born_after_the_change_date_and_change_after_visit(db, household):
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(db, household.id, datetime(2026, 3, 1, tzinfo=UTC), now=NOW,
                            members=[{"action": "add", "reason": "06", "on": "2026-02-01",
                                      "data": {"name": "新生", "relation": "03", "birth_date": "2026-02-10"}}])
    assert err.value.errors[0].code == "visit.born_after_change"
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(db, household.id, datetime(2026, 3, 1, tzinfo=UTC), now=NOW,
                            members=[{"action": "add", "reason": "06", "on": "2026-04-01",
                                      "data": {"name": "新生", "relation": "03", "birth_date": "2026-02-10"}}])
    assert err.value.errors[0].code == "visit.change_after_visit"


def test_visit_history_and_attachments(db, household):
    v1 = visits.record_visit(db, household.id, NOW - timedelta(days=40), now=NOW, summary="一")
    v2 = visits.record_visit(db, household.id, NOW - timedelta(days=2), now=NOW, summary="二",
                             photos=[{"data": png_bytes()}])
    assert [v.id for v in visits.household_visits(db, household.id)] == [v2.id, v1.id]
    assert [link.role for link in visits.visit_attachments(db, v2.id)] == ["photo"]
    with db.read() as s:
        assert visits.latest_visit(s, household.id).id == v2.id
        assert visits.latest_visit(s, household.id, until=NOW - timedelta(days=10)).id == v1.id


def test_measures_agreed_at_a_visit_are_validated_with_the_visit(db, household):
    before = counts(db)
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit(db, household.id, NOW - timedelta(hours=1), now=NOW,
                            measures=[{"category": "06", "amount_fen": -1}])
    assert err.value.errors[0].entity == "measure" and err.value.errors[0].field == "amount_fen"
    assert counts(db) == before
    with db.read() as s:
        assert not s.exec(select(Measure)).all()
