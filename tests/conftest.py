"""Shared fixtures. Qt must be told to draw offscreen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
os.environ.setdefault("BANGFU_LANG", "zh_CN")

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.i18n import set_language

#: Cheap scrypt parameters for tests only; real databases use keyslots.DEFAULT_KDF.
FAST_KDF = {"n": 2**10, "r": 8, "p": 1}
PASSPHRASE = "correct horse battery"
USER = "测试员"


@pytest.fixture(autouse=True)
def _chinese_by_default() -> Iterator[None]:
    set_language("zh_CN")
    yield
    set_language("zh_CN")


class UnansweredMessageBox(AssertionError):
    """A modal message box opened that no test answers: offscreen it would wait for ever."""


@pytest.fixture(autouse=True)
def _no_unanswered_message_box(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every test: a modal QMessageBox (the static question/warning/... or ``exec``) that the test
    did not answer by monkeypatching it fails the test at once instead of hanging the run, also
    when it opens at teardown (a window closed by pytest-qt after the database fixture asking
    "unsaved changes?"). Tests that expect a box patch it themselves; theirs wins."""
    from PySide6.QtWidgets import QMessageBox

    opened: list[str] = []

    def refuse(kind: str) -> Any:
        def box(*args: Any, **_kwargs: Any) -> Any:
            if kind == "exec" and args and isinstance(args[0], QMessageBox):
                text = f"{args[0].windowTitle()}: {args[0].text()}"
            else:
                text = ": ".join(str(a) for a in args[1:3] if isinstance(a, str))
            opened.append(f"QMessageBox.{kind} {text}")
            raise UnansweredMessageBox(f"unanswered modal QMessageBox.{kind}: {text}")
        return box

    for kind in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(refuse(kind)))
    monkeypatch.setattr(QMessageBox, "exec", refuse("exec"))
    yield opened
    # the box may have opened inside a Qt virtual (closeEvent) or code that caught the exception
    assert not opened, f"a modal message box waited for an answer: {opened}"


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "bangfu.db"


@pytest.fixture()
def db(db_path: Path) -> Iterator[Any]:
    """A fresh encrypted database with one user (role village) and no data."""
    from app.store.database import create_database

    database = create_database(db_path, USER, PASSPHRASE, kdf=FAST_KDF)
    yield database
    database.close()


@pytest.fixture()
def village(db: Any) -> Any:
    from app.services.registry import create_village

    return create_village(db, "520123001001", "石门村", "龙场镇", "云岭县", groups=6)


_seq = iter(range(1, 10**6))


def synthetic_id(birth: date = date(1975, 6, 1), sex: str = "1") -> str:
    """A valid-checksum synthetic ID number (region 520123 of the fictional demo county)."""
    from app.idnumber import make_id

    return make_id("520123", birth, next(_seq) % 100, sex)


@pytest.fixture()
def household(db: Any, village: Any) -> Any:
    """A household 'zs' (张三, head) + spouse 李四 + a child of 10."""
    from app.services import registry

    hh = registry.create_household(
        db, village.id, {"name": "张三", "id_number": synthetic_id(date(1970, 3, 5), "1"), "med_insurance": True},
        group_no=2, main_cause="01", hh_number="5201230010010001", identified_year=2015,
    )
    registry.add_member(db, hh.id, {"name": "李四", "relation": "02",
                                    "id_number": synthetic_id(date(1972, 1, 1), "2")}, reason="05")
    registry.add_member(db, hh.id, {"name": "张小明", "relation": "03", "school_status": "03",
                                    "id_number": synthetic_id(date(2015, 9, 1), "1")}, reason="06")
    with db.read() as s:
        from app.domain import Household

        return s.get(Household, hh.id)
