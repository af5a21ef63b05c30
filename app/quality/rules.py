"""The data-quality rules table: ``resources/quality/rules.csv`` (code, severity, entity, zh, en).

The table is data so that a province can reword a message or lower a rule to a warning without a
code change; ``app.quality.checks`` holds one SQL predicate per code and a test makes sure the two
agree. Messages are registered in the core catalogue as ``quality.<code>`` and take only harmless
parameters (ages, months, years, amounts, code labels), never names or ID numbers.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from app.i18n import register
from app.paths import resources_dir

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
SEVERITIES: tuple[str, ...] = ("error", "warning")

register({
    "quality.severity.error": ("错误", "error"),
    "quality.severity.warning": ("提示", "warning"),
})


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    entity: str  # household | member
    zh: str
    en: str

    @property
    def message_code(self) -> str:
        return f"quality.{self.code}"

    def title(self, lang: str | None = None) -> str:
        """The message without its figures ("家庭人口数（…）与在册成员数（…）不一致"), for lists of rules."""
        from app.i18n import current_language

        text = self.en if (lang or current_language()).startswith("en") else self.zh
        return _PLACEHOLDER.sub("…", text)


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule in table order (the order findings are listed in)."""
    path = resources_dir() / "quality" / "rules.csv"
    out: list[Rule] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for raw in csv.DictReader(fh):
            row = {k.strip(): (v or "").strip() for k, v in raw.items()}
            if not row.get("code"):
                continue
            rule = Rule(row["code"], row["severity"], row["entity"], row["zh"], row["en"])
            if rule.severity not in SEVERITIES or rule.entity not in ("household", "member"):
                raise ValueError(f"quality rule {rule.code}: bad severity or entity")
            out.append(rule)
    register({r.message_code: (r.zh, r.en) for r in out})
    return tuple(out)


def rule(code: str) -> Rule:
    for r in rules():
        if r.code == code:
            return r
    raise KeyError(code)
