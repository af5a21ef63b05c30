"""The registered-poor-household card (建档立卡, domain.md §2).

Code-valued fields hold stable codes from resources/codes (never labels). Money is integer fen.
Derived figures (household size, head, per-capita net income) are computed by the services and
never typed in.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field

from app.domain.base import Synced


class Household(Synced, table=True):
    __tablename__ = "household"

    village_id: str = Field(foreign_key="village.id", index=True)
    group_no: int = Field(default=1, description="村民小组 (组) number")
    hh_number: str = Field(default="", index=True, description="户编号, county-assigned")
    address: str = ""
    phone: str = ""
    bank_name: str = ""
    bank_account: str = ""
    id_standard: str = Field(default="01", description="识别标准 code")
    household_attr: str = Field(default="01", description="贫困户属性 code")
    main_cause: str = Field(default="", description="主要致贫原因 code")
    other_causes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    military_family: bool = False
    only_child: bool = False
    two_daughters: bool = False
    relocated: bool = False
    identified_year: int | None = None
    planned_exit_year: int | None = None
    exit_year: int | None = None
    return_year: int | None = None
    exit_status: str = Field(default="01", index=True, description="脱贫属性 code")
    size: int = Field(default=0, description="derived: living members")
    head_name: str = Field(default="", description="derived: name of the member who is 户主")


class Member(Synced, table=True):
    __tablename__ = "member"

    household_id: str = Field(foreign_key="household.id", index=True)
    name: str
    sex: str = ""
    id_type: str = Field(default="01", description="证件类型 code")
    id_number: str = Field(default="", index=True)
    birth_date: date | None = None
    relation: str = Field(default="", description="与户主关系 code; 01 = 户主")
    ethnicity: str = "01"
    political: str = ""
    education: str = ""
    school_status: str = ""
    health: str = ""
    disability_type: str = ""
    disability_grade: str = ""
    labour_skill: str = ""
    work_status: str = ""
    work_months: int = 0
    work_employer: str = ""
    med_insurance: bool = False
    serious_illness_insurance: bool = False
    pension_insurance: bool = False
    dibao: bool = False
    tekun: bool = False
    residence_months: int = 12
    active: bool = Field(default=True, description="False once removed (death, moved out…)")
    change_reason: str = Field(default="", description="member_change_reason code of the last move")
    change_date: date | None = None


class Income(Synced, table=True):
    """One household's income for one year, item by item (yuan stored as fen)."""

    __tablename__ = "income"
    __table_args__ = (UniqueConstraint("household_id", "year"),)

    household_id: str = Field(foreign_key="household.id", index=True)
    year: int
    wage_fen: int = 0
    business_fen: int = 0
    property_fen: int = 0
    transfer_family_planning_fen: int = 0
    transfer_dibao_fen: int = 0
    transfer_tekun_fen: int = 0
    transfer_pension_fen: int = 0
    transfer_eco_fen: int = 0
    transfer_other_fen: int = 0
    business_expense_fen: int = 0

    @property
    def transfer_fen(self) -> int:
        return (
            self.transfer_family_planning_fen
            + self.transfer_dibao_fen
            + self.transfer_tekun_fen
            + self.transfer_pension_fen
            + self.transfer_eco_fen
            + self.transfer_other_fen
        )

    @property
    def net_fen(self) -> int:
        """年纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出 (domain.md §2)."""
        return self.wage_fen + self.business_fen + self.property_fen + self.transfer_fen - self.business_expense_fen


INCOME_ITEMS: tuple[str, ...] = (
    "wage_fen",
    "business_fen",
    "property_fen",
    "transfer_family_planning_fen",
    "transfer_dibao_fen",
    "transfer_tekun_fen",
    "transfer_pension_fen",
    "transfer_eco_fen",
    "transfer_other_fen",
    "business_expense_fen",
)


class Conditions(Synced, table=True):
    """生产生活条件: one current-fact row per household."""

    __tablename__ = "conditions"

    household_id: str = Field(foreign_key="household.id", unique=True, index=True)
    farmland_mu: float = 0.0
    irrigated_mu: float = 0.0
    forest_mu: float = 0.0
    returned_forest_mu: float = 0.0
    orchard_mu: float = 0.0
    pasture_mu: float = 0.0
    water_surface_mu: float = 0.0
    house_area_m2: float = 0.0
    house_structure: str = ""
    house_built_year: int | None = None
    house_dangerous: bool = False
    house_danger_level: str = Field(default="", description="A/B safe, C/D must be rebuilt")
    water_difficulty: bool = False
    water_safe: bool = True
    power_living: bool = True
    power_production: bool = False
    radio_tv: bool = True
    distance_to_road_km: float = 0.0
    road_type: str = ""
    fuel_type: str = ""
    sanitary_toilet: bool = False
    in_cooperative: bool = False
    led_by_enterprise: bool = False


class HelperAssignment(Synced, table=True):
    """帮扶责任人 history: a change of person starts a new row with its start date."""

    __tablename__ = "helper_assignment"

    household_id: str = Field(foreign_key="household.id", index=True)
    name: str
    unit: str = ""
    unit_level: str = ""
    post: str = ""
    phone: str = ""
    start_date: date
    end_date: date | None = None
    visit_every_days: int = Field(default=30, description="visit plan frequency")
