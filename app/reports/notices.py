"""Notice boards as PDF: household lists (识别/退出/返贫/剔除) and fund-project notices.

The layout only places the notice's frozen ``content`` (see ``app.services.notices``): title,
introduction, the table (its header row repeats on every page), period, how to object, the 12317
and local hotlines, the issuing body with room for the seal, signatures. Every page carries the
notice id and content hash as text and as a QR code, and "培训 / TRAINING" across it when the
database is a training database.

Writing is all-or-nothing: the PDF is rendered in memory, written to a temporary file beside the
target and renamed only after the notice was issued in the database; any refusal or failure leaves
no file behind.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, TableStyle

from app.errors import BangfuError
from app.i18n import register, t_in
from app.reports.common import (
    Furniture,
    Grid,
    Heading,
    LongGrid,
    Text,
    build_pdf,
    column_widths,
    para,
    single_font,
    text_width,
    write_atomic,
)
from app.services import notices as svc
from app.store.database import Database

register({
    "report.draft_mark": ("样稿 / 未发布", "DRAFT / NOT ISSUED"),
    "report.batch_combined_name": ("{township}{year}年{kind}汇总.pdf", "{township}-{year}-{kind}-combined.pdf"),
    "report.batch_failed": ("{count} 个村无法生成公示，未生成任何文件。第一个问题：{first}",
                            "{count} villages could not be printed; no file was written. First problem: {first}"),
    "report.batch_empty": ("所选的村都没有需要公示的农户，未生成任何文件",
                           "None of the selected villages has households in scope; no file was written"),
})

HEADER_GREY = colors.HexColor("#d9d9d9")
ZEBRA = colors.HexColor("#f2f2f2")


@dataclass(frozen=True)
class Scale:
    title: float
    body: float
    cell: float
    small: float


def _scale(paper: str) -> Scale:
    if paper.startswith("A3"):
        return Scale(title=30, body=16, cell=15, small=12)
    return Scale(title=20, body=12, cell=12, small=10)


def _table_section(section: dict[str, Any], width: float, sc: Scale) -> list[Any]:
    """The list table. A column whose cells all need one font only (numbers in DejaVu, names in
    the CJK font) and fit their width is drawn as plain strings, which is several times faster
    than a flowable per cell; other columns use :class:`Text` cells (mixed fonts, wrapping)."""
    columns = section["columns"]
    rows = section["rows"]
    widths = column_widths([c["label"] for c in columns], rows, sc.cell, width)
    aligns = [c.get("align", "center") for c in columns]
    plain: dict[int, str] = {}
    for j in range(len(columns)):
        fonts = {single_font(str(r[j])) for r in rows if str(r[j])}
        if len(fonts) == 1 and None not in fonts and all(
                text_width(str(r[j]), sc.cell) + 8 <= widths[j] for r in rows):
            plain[j] = fonts.pop()  # type: ignore[assignment]
    header = [Text(c["label"], sc.cell, bold=True, align="center") for c in columns]
    body = [[str(v) if j in plain else Text(v, sc.cell, align=aligns[j]) for j, v in enumerate(row)] for row in rows]
    data: list[list[Any]] = [header, *body]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("FONTSIZE", (0, 0), (-1, -1), sc.cell),
        ("LEADING", (0, 0), (-1, -1), sc.cell * 1.3),
    ]
    for j, font in plain.items():
        style.append(("FONTNAME", (j, 1), (j, len(body)), font))
    if len(body) > 1:
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, len(body)), [colors.white, ZEBRA]))
    for i, a in enumerate(aligns):
        if a == "right":
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
        elif a == "left":
            style.append(("ALIGN", (i, 1), (i, -1), "LEFT"))
    if section.get("total"):
        data.append([Text(section["total"], sc.cell, bold=True)] + [""] * (len(columns) - 1))
        style += [("SPAN", (0, -1), (-1, -1)), ("ALIGN", (0, -1), (-1, -1), "LEFT")]
    table = LongGrid(data, colWidths=widths, repeatRows=1, style=TableStyle(style))
    out: list[Any] = []
    if section.get("caption"):
        out += [CondPageBreak(sc.body * 6), Text(section["caption"], sc.body + 2, bold=True), Spacer(1, 2 * mm)]
    out.append(table)
    return out


def _fields_section(section: dict[str, Any], width: float, sc: Scale) -> list[Any]:
    from reportlab.platypus import Paragraph

    from app.reports.common import markup, paragraph_style

    value_style = paragraph_style(sc.cell, leading=sc.cell * 1.45, space_after=0)
    label_w = width * 0.22
    data = [[Text(label, sc.cell, bold=True), Paragraph(markup(value), value_style)] for label, value in section["rows"]]
    style = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
    ])
    return [Grid(data, colWidths=[label_w, width - label_w], style=style, splitByRow=1)]


def _signature_block(content: dict[str, Any], width: float, sc: Scale) -> list[Any]:
    sigs = content.get("signatures", [])
    out: list[Any] = [Spacer(1, 4 * mm)]
    if sigs:
        cells = [Text(s, sc.small + 1) for s in sigs]
        out.append(Grid([cells, [""] * len(sigs)], colWidths=[width / len(sigs)] * len(sigs),
                         rowHeights=[None, 12 * mm], style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)])))
    # free space above the issuer's name for the round seal (about 40 mm across)
    out += [Spacer(1, 14 * mm),
            para(f"{content['issuer']}{content.get('seal', '')}", sc.body + 1, TA_RIGHT, space_after=2),
            para(content["issue_date"], sc.body + 1, TA_RIGHT, space_after=0)]
    return out


def notice_story(content: dict[str, Any], width: float) -> list[Any]:
    """The flowables of a notice (title, intro, sections, closing, signatures)."""
    sc = _scale(content.get("paper", "A4"))
    story: list[Any] = [Heading(content["title"], sc.title, space_after=3 * mm)]
    if content.get("intro"):
        story.append(para(content["intro"], sc.body, indent=True, space_after=3 * mm))
    for section in content.get("sections", []):
        if section["type"] == "table":
            story += _table_section(section, width, sc)
        elif section["type"] == "fields":
            story += _fields_section(section, width, sc)
        story.append(Spacer(1, 4 * mm))
    ending: list[Any] = [para(line, sc.body, indent=True, space_after=2) for line in content.get("closing", [])]
    for line in content.get("hotlines", []):
        ending += [Spacer(1, 1 * mm), Text(line, sc.body + 1, bold=True)]
    ending += _signature_block(content, width, sc)
    story.append(KeepTogether(ending))
    return story


def render_content(content: dict[str, Any], notice_id: str, digest: str, training: bool = False,
                   draft: bool = False) -> tuple[bytes, int]:
    """Render a notice's content to PDF bytes; (pdf, pages). Same input → same bytes."""
    from app.reports.common import page_size

    paper = content.get("paper", "A4")
    lang = content.get("params", {}).get("lang", svc.PRINT_LANG)
    page_w, _h = page_size(paper)
    margin_lr = 15
    width = page_w - 2 * margin_lr * mm
    watermark_text = ""
    if draft:
        watermark_text = t_in(lang, "report.draft_mark")
    furniture = Furniture(
        training=training,
        footer_left=t_in(lang, "notice.footer", id=notice_id, hash=digest[:16]),
        qr_payload=svc.qr_payload(notice_id, digest),
        running_title=content.get("continued", ""),
        lang=lang,
    )
    if watermark_text:
        furniture = _DraftFurniture(**furniture.__dict__, mark=watermark_text)
    story = notice_story(content, width)
    return build_pdf(story, furniture, paper=paper, margins_mm=(16, margin_lr, 30, margin_lr),
                     title=content["title"], author=content.get("issuer", ""))


@dataclass
class _DraftFurniture(Furniture):
    mark: str = ""

    def draw(self, canv: Any, page: int, total: int) -> None:
        from app.reports.common import draw_watermark

        super().draw(canv, page, total)
        draw_watermark(canv, self.mark, shift=1 / 6 if self.training else 0.0)  # not over 培训 / TRAINING


def preview(db: Database, draft: svc.NoticeDraft) -> tuple[bytes, int]:
    """PDF of a prepared (not issued) notice, marked 样稿 on every page: what will be printed."""
    return render_content(draft.content, draft.id, draft.content_hash, db.is_training, draft=True)


@dataclass
class Issued:
    notice_id: str
    content_hash: str
    pdf_sha256: str
    path: Path
    pages: int
    size: int
    title: str


def _write_temp(target: Path, data: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise BangfuError("report.write_failed", path=target.name) from None
    return Path(tmp)


def issue_to_file(db: Database, draft: svc.NoticeDraft, out_path: Path | str) -> Issued:
    """Render the draft, issue (freeze) it with the PDF's sha256, then move the file into place.

    If issuing fails nothing is written; if writing fails the notice is not issued.
    """
    out_path = Path(out_path)
    data, pages = render_content(draft.content, draft.id, draft.content_hash, db.is_training)
    pdf_sha = hashlib.sha256(data).hexdigest()
    try:
        tmp = _write_temp(out_path, data)
    except OSError:
        raise BangfuError("report.write_failed", path=out_path.name) from None
    try:
        svc.issue(db, draft, pdf_sha256=pdf_sha)
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return Issued(draft.id, draft.content_hash, pdf_sha, out_path, pages, len(data), draft.title)


def reprint(db: Database, notice_id: str, out_path: Path | str) -> Issued:
    """Print an issued notice again from its frozen content (after checking its hash)."""
    notice = svc.verify_notice(db, notice_id)
    data, pages = render_content(notice.content, notice.id, notice.content_hash, db.is_training)
    write_atomic(out_path, data)
    return Issued(notice.id, notice.content_hash, hashlib.sha256(data).hexdigest(), Path(out_path), pages,
                  len(data), notice.title)


def render_household_notice(db: Database, village_code: str, kind: str, year: int, out_path: Path | str,
                            **options: Any) -> Issued:
    """Prepare, issue and print a village's household notice (the self-test calls this).

    ``options`` go to :func:`app.services.notices.prepare_household_notice` (period_start,
    period_end, issuer, local_hotline, title, include_id, paper).
    """
    village = svc.village_by_code(db, village_code)
    draft = svc.prepare_household_notice(db, village.id, kind, year, **options)
    return issue_to_file(db, draft, out_path)


def render_project_notice(db: Database, project_id: str, stage: str, out_path: Path | str,
                          **options: Any) -> Issued:
    draft = svc.prepare_project_notice(db, project_id, stage, **options)
    return issue_to_file(db, draft, out_path)


# -- township batch ----------------------------------------------------------------------------
@dataclass
class BatchResult:
    files: list[Issued] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (village code, message)
    combined: Path | None = None
    cancelled: bool = False


def _safe_name(text: str) -> str:
    return "".join(ch for ch in text if ch not in '\\/:*?"<>|\0').strip() or "notice"


def batch_household_notices(db: Database, village_codes: Sequence[str], kind: str, year: int, out_dir: Path | str,
                            combined: bool = False, skip_empty: bool = False,
                            progress: Callable[[int, int, str], None] | None = None,
                            cancelled: Callable[[], bool] | None = None, **options: Any) -> BatchResult:
    """One notice per village (or one combined PDF) for a township, all-or-nothing.

    Every village is prepared and rendered before anything is issued or written; a village with
    nobody in scope stops the batch (listing every such village) unless ``skip_empty``. A cancel
    before the final step leaves no notice issued and no file written.
    """
    from pypdf import PdfReader, PdfWriter

    out_dir = Path(out_dir)
    result = BatchResult()
    drafts: list[tuple[str, svc.NoticeDraft, bytes, int]] = []
    problems: list[BangfuError] = []
    codes = [c.strip() for c in village_codes if c.strip()]
    total = len(codes)
    for i, code in enumerate(codes):
        if cancelled and cancelled():
            result.cancelled = True
            return result
        if progress:
            progress(i, total, code)
        try:
            village = svc.village_by_code(db, code)
            draft = svc.prepare_household_notice(db, village.id, kind, year, **options)
        except BangfuError as exc:
            if skip_empty and exc.code == "notice.nobody":
                result.skipped.append((code, str(exc)))
                continue
            problems.append(exc)
            continue
        data, pages = render_content(draft.content, draft.id, draft.content_hash, db.is_training)
        name = _safe_name(f"{code}_{draft.title}.pdf")
        drafts.append((name, draft, data, pages))
    if problems:
        if len(problems) == 1:
            raise problems[0]
        raise BangfuError("report.batch_failed", count=len(problems), first=str(problems[0]))
    if cancelled and cancelled():
        result.cancelled = True
        return result
    if not drafts:
        raise BangfuError("report.batch_empty")
    if progress:
        progress(total, total, "")
    temps: list[tuple[Path, Path]] = []
    try:
        if combined:
            writer = PdfWriter()
            import io

            for _name, _draft, data, _pages in drafts:
                for page in PdfReader(io.BytesIO(data)).pages:
                    writer.add_page(page)
            buf = io.BytesIO()
            writer.write(buf)
            first = svc.village_by_code(db, codes[0])
            lang = svc.PRINT_LANG
            target = out_dir / _safe_name(t_in(lang, "report.batch_combined_name", township=first.township_name,
                                               year=year, kind=_kind_label(kind, lang)))
            temps.append((_write_temp(target, buf.getvalue()), target))
            result.combined = target
        else:
            for name, _draft, data, _pages in drafts:
                target = out_dir / name
                temps.append((_write_temp(target, data), target))
        shas = [hashlib.sha256(data).hexdigest() for _n, _d, data, _p in drafts]
        svc.issue_many(db, [(draft, sha) for (_n, draft, _d, _p), sha in zip(drafts, shas, strict=True)])
        for (name, draft, data, pages), sha in zip(drafts, shas, strict=True):
            path = result.combined if combined else out_dir / name
            assert path is not None
            result.files.append(Issued(draft.id, draft.content_hash, sha, path, pages, len(data), draft.title))
        for tmp, target in temps:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _target in temps:
            tmp.unlink(missing_ok=True)
        raise
    return result


def _kind_label(kind: str, lang: str) -> str:
    from app.codes import code_list

    return code_list("notice_kind").label(kind, lang)


__all__ = [
    "BatchResult", "Issued", "batch_household_notices", "issue_to_file", "notice_story", "preview",
    "render_content", "render_household_notice", "render_project_notice", "reprint",
]
