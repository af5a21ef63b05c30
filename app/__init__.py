"""Bangfu core: domain, storage, services, sync client, reports, import/export, CLI (never Qt)."""

__version__ = "0.1.0"
