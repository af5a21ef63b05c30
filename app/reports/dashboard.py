"""The dashboard as a PDF report: key figures, bar charts and tables for a village, township or county.

Charts are drawn here as simple horizontal bars with the project's mixed-script text drawing
(``app.reports.common.draw_text``), so Chinese labels and digits both print with embedded fonts.
The desktop app may pass PNG images of its QtCharts instead (``images``), which then appear in
place of the drawn charts — the same report either way.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer

from app.i18n import register, t_in
from app.reports.common import (
    Furniture,
    Heading,
    LongGrid,
    Text,
    build_pdf,
    column_widths,
    draw_text,
    frame_width,
    text_width,
    write_atomic,
)
from app.services.dashboard import Dashboard
from app.validation import format_money

register({
    "dash.title": ("脱贫攻坚统计", "Poverty-alleviation dashboard"),
    "dash.subtitle": ("{scope}　统计年度 {year}　截至 {date}", "{scope}   year {year}   as of {date}"),
    "dash.key": ("主要指标", "Key figures"),
    "dash.villages": ("村数", "Villages"),
    "dash.households": ("建档立卡户数", "Registered households"),
    "dash.people": ("建档立卡人数", "Registered people"),
    "dash.poor": ("未脱贫（含返贫）户数 / 人数", "Poor households / people (incl. returned)"),
    "dash.incidence": ("贫困发生率", "Poverty incidence"),
    "dash.incidence_value": ("{pct}%（退出标准 {threshold}%）", "{pct}% (exit threshold {threshold}%)"),
    "dash.incidence_partial": ("；{count} 个村无人口数据，未计入", "; {count} village(s) without a population figure left out"),
    "dash.incidence_none": ("无人口数据（请填写贫困村档案）", "no population figure (fill in the village profile)"),
    "dash.visits": ("{year} 年走访覆盖率", "Visit coverage in {year}"),
    "dash.visits_value": ("{pct}%（{visited} / {total} 户）；近30天 {recent} 户",
                          "{pct}% ({visited} of {total} households); last 30 days {recent}"),
    "dash.by_status": ("按脱贫属性（户）", "Households by poverty status"),
    "dash.by_attr": ("按贫困户属性（户）", "Households by household type"),
    "dash.by_cause": ("按主要致贫原因（户）", "Households by main cause of poverty"),
    "dash.exits": ("历年脱贫户数与年度计划", "Exits by year against the annual plan"),
    "dash.planned": ("计划", "planned"),
    "dash.exited": ("实际", "exited"),
    "dash.measures": ("帮扶措施（按类别）", "Assistance measures by category"),
    "dash.funds": ("扶贫资金（按来源，元）", "Funds by source (yuan)"),
    "dash.col.figure": ("指标", "Figure"),
    "dash.col.value": ("数值", "Value"),
    "dash.col.year": ("年度", "Year"),
    "dash.col.planned_hh": ("计划户数", "Planned households"),
    "dash.col.planned_people": ("计划人数", "Planned people"),
    "dash.col.rolling_hh": ("滚动计划户数", "Rolling plan households"),
    "dash.col.exited_hh": ("实际脱贫户数", "Exited households"),
    "dash.col.exited_people": ("实际脱贫人数", "Exited people"),
    "dash.col.share": ("完成率", "Done"),
    "dash.col.category": ("类别", "Category"),
    "dash.col.count": ("项数", "Measures"),
    "dash.col.households": ("户数", "Households"),
    "dash.col.amount": ("金额（元）", "Amount (yuan)"),
    "dash.none": ("无数据", "no data"),
})

PALETTE = (colors.Color(0.80, 0.16, 0.16), colors.Color(0.18, 0.55, 0.24), colors.Color(0.85, 0.65, 0.10),
           colors.Color(0.20, 0.40, 0.75), colors.Color(0.55, 0.35, 0.65))
STATUS_COLOURS = {"red": PALETTE[0], "green": PALETTE[1], "yellow": PALETTE[2]}


class Bars(Flowable):
    """Horizontal bars: one row per label, one bar per series, the value written after the bar."""

    def __init__(self, labels: Sequence[str], series: Sequence[Sequence[float]], names: Sequence[str] = (),
                 bar_colours: Sequence[Any] | None = None, size: float = 9, value_format: str = "{:,.0f}") -> None:
        super().__init__()
        self.labels = list(labels)
        self.series = [list(s) for s in series]
        self.names = list(names)
        self.colours = list(bar_colours or PALETTE)
        self.size = size
        self.fmt = value_format
        self.row_h = size * (1.2 + 0.9 * len(self.series))
        legend = size * 1.8 if self.names else 0
        self.height = self.row_h * max(1, len(self.labels)) + legend

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        canv, size = self.canv, self.size
        label_w = max([text_width(label, size) for label in self.labels] + [10]) + 6
        top = self.height
        if self.names:
            x = label_w
            for i, name in enumerate(self.names):
                canv.setFillColor(self.colours[i % len(self.colours)])
                canv.rect(x, top - size * 1.1, size, size * 0.8, stroke=0, fill=1)
                canv.setFillColor(colors.black)
                x += size * 1.4 + draw_text(canv, x + size * 1.3, top - size * 1.0, name, size) + size
            top -= size * 1.8
        biggest = max([v for s in self.series for v in s] + [0])
        room = self.width - label_w - text_width(self.fmt.format(biggest), size) - 8
        bar_h = size * 0.8
        for row, label in enumerate(self.labels):
            y0 = top - (row + 1) * self.row_h
            canv.setFillColor(colors.black)
            draw_text(canv, label_w - 4, y0 + self.row_h / 2 - size * 0.35, label, size, align="right")
            for k, values in enumerate(self.series):
                value = values[row]
                y = y0 + self.row_h - size * 0.6 - (k + 1) * size * 0.9
                length = room * value / biggest if biggest else 0
                colour = self.colours[(k if len(self.series) > 1 else row) % len(self.colours)]
                canv.setFillColor(colour)
                canv.rect(label_w, y, max(length, 0.5), bar_h, stroke=0, fill=1)
                canv.setFillColor(colors.black)
                draw_text(canv, label_w + length + 3, y + 1, self.fmt.format(value), size * 0.9)


def _figures(board: Dashboard, lang: str) -> list[list[str]]:
    pct = board.incidence_pct
    incidence = (t_in(lang, "dash.incidence_value", pct=f"{pct:.2f}", threshold=f"{board.threshold_pct:g}")
                 if pct is not None else t_in(lang, "dash.incidence_none"))
    if pct is not None and board.villages_without_profile:  # the figure covers only some villages
        incidence += t_in(lang, "dash.incidence_partial", count=len(board.villages_without_profile))
    coverage = board.visit_coverage_pct
    return [
        [t_in(lang, "dash.villages"), str(board.villages)],
        [t_in(lang, "dash.households"), f"{board.households:,}"],
        [t_in(lang, "dash.people"), f"{board.people:,}"],
        [t_in(lang, "dash.poor"), f"{board.poor_households:,} / {board.poor_people:,}"],
        [t_in(lang, "dash.incidence"), incidence],
        [t_in(lang, "dash.visits", year=board.year),
         t_in(lang, "dash.visits_value", pct=f"{coverage or 0:.1f}", visited=board.visited_year,
              total=board.households, recent=board.visited_recent)],
    ]


def _table(header: list[str], rows: list[list[str]], width: float, size: float = 9) -> Any:
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    widths = column_widths(header, rows, size, width)
    cells = [[Text(v, size, bold=True) for v in header]] + [[Text(v, size) for v in row] for row in rows]
    return LongGrid(cells, colWidths=widths, repeatRows=1, style=style)


def _section(title: str, chart: Any, story: list[Any]) -> None:
    """A heading and its chart on one page (a heading alone at the foot of a page reads as lost)."""
    story += [Spacer(1, 5 * mm), KeepTogether([Text(title, 12, bold=True), Spacer(1, 2 * mm), chart])]


def story(board: Dashboard, width: float, lang: str = "zh_CN", images: dict[str, bytes] | None = None) -> list[Any]:
    """The report's flowables; ``images`` (chart name → PNG) replace the drawn charts."""
    from app.codes import code_list

    images = images or {}

    def chart(name: str, drawn: Any) -> Any:
        if name in images:
            picture = Image(io.BytesIO(images[name]))
            scale = min(1.0, width / picture.drawWidth)
            picture.drawWidth *= scale
            picture.drawHeight *= scale
            return picture
        return drawn

    out: list[Any] = [Heading(t_in(lang, "dash.title"), 18),
                      Text(t_in(lang, "dash.subtitle", scope=board.scope_name, year=board.year,
                                date=board.as_of.isoformat()), 10, align="center"),
                      Spacer(1, 4 * mm), Text(t_in(lang, "dash.key"), 12, bold=True), Spacer(1, 2 * mm)]
    out.append(_table([t_in(lang, "dash.col.figure"), t_in(lang, "dash.col.value")], _figures(board, lang), width, 10))
    colours = code_list("exit_status")
    if board.by_status:
        status_colours = [STATUS_COLOURS.get((colours.get(c.code).extra.get("colour") if colours.get(c.code) else ""),
                                             PALETTE[3]) for c in board.by_status]
        _section(t_in(lang, "dash.by_status"), chart("by_status", Bars(
            [c.label for c in board.by_status], [[c.households for c in board.by_status]],
            bar_colours=status_colours)), out)
    for key, counts in (("by_attr", board.by_attr), ("by_cause", board.by_cause)):
        if counts:
            _section(t_in(lang, f"dash.{key}"), chart(key, Bars([c.label for c in counts],
                                                               [[c.households for c in counts]])), out)
    exits = [p for p in board.exits if p.planned_households or p.exited_households]
    if exits:
        _section(t_in(lang, "dash.exits"), chart("exits", Bars(
            [str(p.year) for p in exits], [[p.planned_households for p in exits], [p.exited_households for p in exits]],
            names=[t_in(lang, "dash.planned"), t_in(lang, "dash.exited")], bar_colours=(PALETTE[3], PALETTE[1]))), out)
        header = [t_in(lang, f"dash.col.{k}") for k in ("year", "planned_hh", "planned_people", "rolling_hh",
                                                          "exited_hh", "exited_people", "share")]
        rows = [[str(p.year), str(p.planned_households), str(p.planned_people), str(p.rolling_households),
                 str(p.exited_households), str(p.exited_people), "" if p.share is None else f"{100 * p.share:.0f}%"]
                for p in exits]
        out += [Spacer(1, 2 * mm), _table(header, rows, width)]
    if board.measures:
        _section(t_in(lang, "dash.measures"), chart("measures", Bars([m.label for m in board.measures],
                                                                     [[m.measures for m in board.measures]])), out)
        header = [t_in(lang, f"dash.col.{k}") for k in ("category", "count", "households", "amount")]
        rows = [[m.label, str(m.measures), str(m.households), format_money(m.amount_fen, lang).split(" ")[0]]
                for m in board.measures]
        out += [Spacer(1, 2 * mm), _table(header, rows, width)]
    if board.funds:
        _section(t_in(lang, "dash.funds"), chart("funds", Bars(
            [f.label for f in board.funds], [[f.amount_fen / 100 for f in board.funds]], value_format="{:,.2f}")), out)
    return out


def write_dashboard_pdf(board: Dashboard, path: Path | str, lang: str = "zh_CN", training: bool = False,
                        images: dict[str, bytes] | None = None) -> Path:
    width = frame_width("A4")
    title = t_in(lang, "dash.title")
    data, _pages = build_pdf(story(board, width, lang, images), Furniture(training=training, running_title=title,
                                                                          lang=lang), paper="A4", title=title)
    return write_atomic(path, data)
