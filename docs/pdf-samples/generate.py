"""Regenerate the sample renderings in this folder (synthetic data only).

    uv run python docs/pdf-samples/generate.py [--keep-pdf DIR]

Builds a throw-away encrypted database with one fictional village, prints every kind of notice,
card and sheet, and renders page 1 of each with ``pdftoppm -r 60 -png`` (what the tests and the
reviewers look at). The training-mode sample is a second database created with ``training=True``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
GIVEN = "明华国建军平志强伟芳丽秀英兰桂珍玉梅红霞云春兴福贵德文武成家山林海清"


def populate(db, village_code: str, name: str, n: int, seed: int):  # type: ignore[no-untyped-def]
    from app.domain import LifecycleRequest, Measure
    from app.idnumber import make_id
    from app.services import registry
    from app.services.tx import write

    rng = random.Random(seed)
    village = registry.create_village(db, village_code, name, "龙场镇", "云岭县", groups=6)
    ids = []
    for i in range(n):
        head = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        hh = registry.create_household(
            db, village.id, {"name": head, "id_number": make_id("520123", date(1950 + i % 30, 1 + i % 12, 3), i % 100, "1"),
                             "med_insurance": True},
            group_no=1 + i % 6, main_cause=rng.choice(["01", "02", "03", "07", "09"]), identified_year=2014 + i % 3,
            hh_number=f"{village_code}{i + 1:04d}", bank_name="农村信用社", bank_account=f"6217{rng.randrange(10**14, 10**15)}",
            phone=f"139{rng.randrange(10**7, 10**8)}", address=f"{1 + i % 6}组{i + 3}号",
        )
        for j in range(i % 4):
            registry.add_member(db, hh.id, {"name": head[0] + rng.choice(GIVEN) + rng.choice(GIVEN), "relation": "03",
                                            "id_number": make_id("520123", date(1995 + j * 4, 5, 1 + i % 27), (i + j) % 100,
                                                                 "2" if j % 2 else "1"),
                                            "school_status": "03" if j == 2 else "01", "med_insurance": True},
                               reason="06")
        registry.set_income(db, hh.id, 2016, {"wage_fen": rng.randrange(300_000, 900_000)})
        registry.set_income(db, hh.id, 2017, {"wage_fen": rng.randrange(600_000, 2_400_000),
                                              "business_fen": rng.randrange(0, 400_000)})
        registry.assign_helper(db, hh.id, rng.choice(SURNAMES) + rng.choice(GIVEN), date(2016, 3, 1),
                               unit="云岭县农业农村局", post="干部", phone=f"138{rng.randrange(10**7, 10**8)}")
        with write(db) as tx:
            tx.append(Measure(household_id=hh.id, category="01", content="发放仔猪3头及饲料", amount_fen=300_000,
                              date=date(2017, 4, 2), status="03"))
            tx.append(Measure(household_id=hh.id, category="06", content="家庭医生签约服务", date=date(2017, 3, 1),
                              status="02"))
            kind = ["02", "02", "01", "03", "04"][i % 5]
            tx.create(LifecycleRequest(household_id=hh.id, kind=kind, year=2017, status="submitted",
                                       reason="01" if kind == "04" else ""))
        ids.append(hh.id)
    return village, ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep-pdf", help="also keep the PDFs in this folder")
    args = parser.parse_args()

    from app.reports.cards import render_cards
    from app.reports.notices import render_household_notice, render_project_notice
    from app.services import projects as prj
    from app.store.database import create_database

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db = create_database(tmp_path / "s.db", "样例", "sample-passphrase", kdf={"n": 2**10, "r": 8, "p": 1})
        village, ids = populate(db, "520123001001", "石门村", 30, 11)
        pdfs: dict[str, Path] = {}
        start = date(2017, 11, 1)
        for kind in ("exit", "identify", "return", "remove"):
            pdfs[f"notice-{kind}"] = render_household_notice(
                db, village.code, kind, 2017, tmp_path / f"notice-{kind}.pdf", period_start=start,
                local_hotline="0851-88886666", include_id=(kind == "exit")).path
        project = prj.create_project(
            db, "石门村2018年生猪养殖到户项目", project_type="01", village_id=village.id, place="石门村1至6组",
            content="为8户建档立卡贫困户每户发放仔猪3头及饲料、修建标准化圈舍", subsidy_standard="每户补助3,000元",
            implementer="石门村村民委员会", responsible_person="王建国", start_date=date(2018, 3, 15),
            end_date=date(2018, 10, 31), performance_targets="受益贫困户户均年增收2,000元以上，群众满意度90%以上",
            benefit_mechanism="直接扶持到户，发展生猪养殖", household_level=True)
        prj.set_funding(db, project.id, {"01": 1_800_000, "03": 400_000, "06": 200_000})
        prj.set_beneficiaries(db, project.id, {h: 300_000 for h in ids[:8]})
        pdfs["project-plan"] = render_project_notice(db, project.id, "plan", tmp_path / "project-plan.pdf",
                                                     period_start=date(2018, 3, 1), local_hotline="0851-88886666").path
        prj.set_status(db, project.id, "02", date(2018, 3, 15))
        prj.set_status(db, project.id, "03", date(2018, 10, 20))
        pdfs["project-completion"] = render_project_notice(
            db, project.id, "completion", tmp_path / "project-completion.pdf", period_start=date(2018, 10, 25),
            local_hotline="0851-88886666").path
        for kind in ("mingbai", "card", "visit-sheet"):
            pdfs[kind] = render_cards(db, kind, tmp_path / f"{kind}.pdf", [ids[3]], on=date(2017, 11, 1)).path
        db.close()

        training = create_database(tmp_path / "t.db", "培训员", "sample-passphrase", kdf={"n": 2**10, "r": 8, "p": 1},
                                   training=True)
        t_village, _ = populate(training, "520123001002", "培训村", 40, 12)
        pdfs["notice-exit-training-a3"] = render_household_notice(
            training, t_village.code, "exit", 2017, tmp_path / "training.pdf", period_start=start, paper="A3").path
        training.close()

        for name, pdf in pdfs.items():
            target = HERE / name
            for old in HERE.glob(f"{name}*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)],
                           check=True)
            print(target.with_suffix(".png").name)
            if args.keep_pdf:
                Path(args.keep_pdf).mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, Path(args.keep_pdf) / pdf.name)


if __name__ == "__main__":
    main()
