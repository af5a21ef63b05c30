"""Places: villages (行政村) identified by the 12-digit statistical division code."""

from __future__ import annotations

from sqlmodel import Field

from app.domain.base import Synced


class Village(Synced, table=True):
    """A 行政村. ``code`` = 6-digit county + 3-digit township + 3-digit village."""

    __tablename__ = "village"

    code: str = Field(index=True, unique=True, min_length=12, max_length=12)
    name: str
    township_name: str
    county_name: str
    city_name: str = ""
    province_name: str = ""
    groups: int = Field(default=0, description="number of 村民小组 (组 1..groups)")
    is_poor_village: bool = Field(default=False, description="贫困村")

    @property
    def county_code(self) -> str:
        return self.code[:6]

    @property
    def township_code(self) -> str:
        return self.code[:9]

    @property
    def province_code(self) -> str:
        return self.code[:2]
