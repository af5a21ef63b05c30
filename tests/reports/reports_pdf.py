"""Reading PDFs back for the report tests: text per page (pdftotext), fonts (pypdf), rendering."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

FULL_ID = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")
LONG_DIGITS = re.compile(r"[0-9]{12,}")


def page_texts(path: Path) -> list[str]:
    """The text of each page, as pdftotext (poppler) extracts it in reading order."""
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def all_text(path: Path) -> str:
    pypdf_text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return "\n".join(page_texts(path)) + "\n" + pypdf_text


def fonts(path: Path) -> dict[str, dict[str, object]]:
    """BaseFont name → {'embedded': bool, 'subset': bool} for every font used on any page."""
    found: dict[str, dict[str, object]] = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        font_dict = resources.get("/Font") or {}
        for ref in font_dict.values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", ""))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[name] = {"embedded": embedded, "subset": bool(re.match(r"^/[A-Z]{6}\+", name))}
    return found


def render_png(path: Path, out_prefix: Path, dpi: int = 60, first: int | None = None,
               last: int | None = None) -> list[Path]:
    args = ["pdftoppm", "-r", str(dpi), "-png"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    subprocess.run([*args, str(path), str(out_prefix)], check=True)
    return sorted(out_prefix.parent.glob(out_prefix.name + "*.png"))


def pypdf_pages(path: Path) -> list[str]:
    """Page texts as pypdf extracts them (keeps rotated words such as a watermark together)."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]
