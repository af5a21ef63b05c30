"""A small streaming reader of .xlsx cell values (what openpyxl's read-only mode returns, faster).

Imports read tens of thousands of rows; openpyxl builds an object per cell and looks up styles,
which costs more than all of the import's own checking. This reader streams each sheet's XML with
the C-accelerated ElementTree parser and yields plain values:

- shared and inline strings as ``str`` (rich-text runs joined, phonetic guides dropped),
- numbers as ``int`` when written without a decimal point or exponent, else ``float``
  (like openpyxl), booleans as ``bool``, formula results as their cached value, error cells as
  their text (``#N/A``), ISO dates (``t="d"``) as text;
- no date conversion from number formats: no import column is a date, and a year typed into a
  date-formatted cell then fails loudly as an out-of-range number instead of turning into 1905.

Rows come in sheet order with gaps filled by empty tuples, so list positions are Excel row
numbers minus one. Both the transitional and the strict OOXML namespaces are understood. Anything
unexpected raises ``XlsxFormatError`` and the caller falls back to openpyxl.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
RELS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships")
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REF = re.compile(r"([A-Z]+)([0-9]+)")


class XlsxFormatError(ValueError):
    """The file is a zip but not laid out the way this reader expects."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def _text_of(element: ElementTree.Element) -> str:
    """The text of an <si> or <is>: its <t>, or its runs' <t>s, without phonetic (<rPh>) runs."""
    parts: list[str] = []
    for child in element:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            for sub in child:
                if _local(sub.tag) == "t":
                    parts.append(sub.text or "")
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, path: str | None) -> list[str]:
    if path is None or path not in archive.namelist():
        return []
    strings: list[str] = []
    with archive.open(path) as fh:
        for _event, element in ElementTree.iterparse(fh, events=("end",)):
            if _local(element.tag) == "si":
                strings.append(_text_of(element))
                element.clear()
    return strings


def _relationships(archive: zipfile.ZipFile, path: str) -> dict[str, tuple[str, str]]:
    """rId → (type, target path inside the archive) for the part whose rels file is ``path``."""
    base = posixpath.dirname(posixpath.dirname(path))
    root = ElementTree.fromstring(archive.read(path))
    out: dict[str, tuple[str, str]] = {}
    for rel in root:
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), full)
    return out


def _workbook_part(archive: zipfile.ZipFile) -> str:
    for _kind, target in _relationships(archive, "_rels/.rels").values():
        if target.endswith(".xml") and "workbook" in posixpath.basename(target).lower():
            return target
    return "xl/workbook.xml"


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _sheet_rows(fh: Any, shared: list[str]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for _event, element in ElementTree.iterparse(fh, events=("end",)):
        tag = element.tag
        if not tag.endswith("}row"):
            continue
        number = element.get("r")
        row_no = int(number) if number else len(rows) + 1
        while len(rows) < row_no - 1:
            rows.append(())
        values: list[Any] = []
        for cell in element:
            if not cell.tag.endswith("}c"):
                continue
            ref = cell.get("r")
            if ref:
                match = _REF.match(ref)
                if match is None:
                    raise XlsxFormatError(ref)
                position = _column_index(match.group(1))
                if position < len(values):
                    raise XlsxFormatError(ref)
                values.extend([None] * (position - len(values)))
            kind = cell.get("t", "n")
            value: Any = None
            if kind == "inlineStr":
                for child in cell:
                    if child.tag.endswith("}is"):
                        value = _text_of(child)
            else:
                raw = None
                for child in cell:
                    if child.tag.endswith("}v"):
                        raw = child.text
                if raw is not None:
                    if kind == "n":
                        value = _number(raw)
                    elif kind == "s":
                        value = shared[int(raw)]
                    elif kind == "b":
                        value = raw.strip() == "1"
                    else:  # str (formula text), e (error), d (ISO date)
                        value = raw
            values.append(value)
        while values and values[-1] is None:
            values.pop()
        rows.append(tuple(values))
        element.clear()
    return rows


def read_sheets(path: Path | str) -> Iterator[tuple[str, str, list[tuple[Any, ...]]]]:
    """(sheet name, state "visible"/"hidden"/"veryHidden", rows) for every worksheet, in order."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise XlsxFormatError("not a zip") from exc
    with archive:
        try:
            workbook = _workbook_part(archive)
            rels_path = posixpath.join(posixpath.dirname(workbook), "_rels", posixpath.basename(workbook) + ".rels")
            rels = _relationships(archive, rels_path)
            shared_path = next((t for k, t in rels.values() if k.endswith("/sharedStrings")), None)
            shared = _shared_strings(archive, shared_path)
            root = ElementTree.fromstring(archive.read(workbook))
            sheets = [el for el in root.iter() if _local(el.tag) == "sheet"]
            for sheet in sheets:
                rid = next((sheet.get(f"{{{ns}}}id") for ns in RELS if sheet.get(f"{{{ns}}}id")), None)
                kind, target = rels.get(rid or "", ("", ""))
                if not kind.endswith("/worksheet"):
                    continue  # chart sheets, dialog sheets
                with archive.open(target) as fh:
                    rows = _sheet_rows(fh, shared)
                yield sheet.get("name", ""), sheet.get("state", "visible"), rows
        except (KeyError, IndexError, ValueError, ElementTree.ParseError) as exc:
            raise XlsxFormatError(str(exc)[:80]) from exc
