from app.services import registry


def test_household_fixture_has_three_members_and_head(db, household):
    with db.read() as s:
        members = registry.living_members(s, household.id)
    assert household.size == 3
    assert household.head_name == "张三"
    assert sum(1 for m in members if m.relation == "01") == 1
