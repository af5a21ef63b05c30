"""Data-quality checks (domain.md §7): a rules table and SQL checks over the whole database."""

from app.quality.checks import Finding, run_checks, summary
from app.quality.rules import Rule, rules

__all__ = ["Finding", "Rule", "rules", "run_checks", "summary"]
