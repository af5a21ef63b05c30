"""Update the UI translation catalogues and compile them.

    uv run python scripts/update_translations.py            # lupdate → .ts, fill en, lrelease → .qm
    uv run python scripts/update_translations.py --check    # also fail if a message is unfinished
    uv run python scripts/update_translations.py --import-tsv zh.tsv   # fill zh_CN from "source<TAB>text"

Source strings in ``ui/`` are English (``self.tr("…")`` / ``QCoreApplication.translate(ctx, "…")``).
``resources/translations/bangfu_zh_CN.ts`` holds the Chinese, edited with Qt Linguist
(``uv run pyside6-linguist resources/translations/bangfu_zh_CN.ts``) or imported from a TSV;
``bangfu_en.ts`` is filled with the source text automatically, so that both catalogues can be
checked for completeness by the same test (tests/ui/test_ui_translations.py).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
CATALOGUE = "bangfu"


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{lang}.ts"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the venv running this script, else from PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (uv sync)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(targets: list[Path], files: list[Path] | None = None) -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    cmd = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
           *[str(p) for p in (files or sources())], "-ts", *[str(t) for t in targets]]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)
    return qm


def read(ts: Path) -> ET.ElementTree:
    return ET.parse(ts)


def write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def messages(tree: ET.ElementTree) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) for every message."""
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation", {"type": "unfinished"})
            out.append((name, message.findtext("source", ""), translation))
    return out


def unfinished(tree: ET.ElementTree) -> list[tuple[str, str]]:
    return [(ctx, src) for ctx, src, tr in messages(tree)
            if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()]


def fill_english(ts: Path) -> int:
    """English is the source language: every message translates to itself."""
    tree = read(ts)
    tree.getroot().set("language", "en")
    changed = 0
    for _ctx, source, translation in messages(tree):
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = source
            translation.attrib.pop("type", None)
            changed += 1
    write(tree, ts)
    return changed


def import_tsv(ts: Path, tsv: Path) -> int:
    """Fill translations from lines ``source<TAB>translation`` (``\\n`` for line breaks)."""
    table: dict[str, str] = {}
    for line in tsv.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        source, text = line.split("\t", 1)
        table[source.replace("\\n", "\n")] = text.replace("\\n", "\n")
    tree = read(ts)
    changed = 0
    for _ctx, source, translation in messages(tree):
        text = table.get(source)
        if text and (translation.text != text or translation.get("type")):
            translation.text = text
            translation.attrib.pop("type", None)
            changed += 1
    write(tree, ts)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any message is unfinished")
    parser.add_argument("--import-tsv", type=Path, help="fill zh_CN translations from a TSV file")
    args = parser.parse_args(argv)
    targets = [ts_path(lang) for lang in LANGUAGES]
    lupdate(targets)
    filled = fill_english(ts_path("en"))
    if args.import_tsv:
        print(f"zh_CN: {import_tsv(ts_path('zh_CN'), args.import_tsv)} translations imported")
    status = 0
    for ts in targets:
        missing = unfinished(read(ts))
        total = len(messages(read(ts)))
        print(f"{ts.name}: {total} messages, {len(missing)} unfinished" + (f" ({filled} filled)" if "en" in ts.name
                                                                            else ""))
        for ctx, src in missing[:20]:
            print(f"  [{ctx}] {src!r}")
        if missing and args.check:
            status = 1
        print(f"  -> {lrelease(ts).name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
