"""Tour: print an exit notice (拟退出贫困户公示) with the notices feature (ui/notices, menu 公示与打印).

The notice lists the village's households with an exit request or exit of the year. The tour picks
the latest year with exits in the sandbox (in the exit-year scenario: last year's, until the
trainee files this year's requests) and the village with most of them, so the notice is never empty.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlmodel import select

from ui.tours.engine import Step, Tour, TourContext, tr
from ui.tours.steps import bold, plain

EXIT_EVENT = "02"


def pick_exit_notice(db: Any) -> dict[str, Any] | None:
    """The latest year with exits (requests not rejected, or recorded exits) and its village;
    None when nobody has exited (a freshly identified village)."""
    from app.domain import LifecycleEvent, LifecycleRequest, Village

    as_of = db.meta("demo_as_of") or ""
    last_year = int(as_of[:4]) if as_of[:4].isdigit() else 9999
    with db.read() as s:
        rows = [(r.household_id, r.year) for r in s.exec(select(LifecycleRequest).where(
            LifecycleRequest.kind == EXIT_EVENT, LifecycleRequest.status != "rejected",
            LifecycleRequest.deleted == False))]  # noqa: E712
        rows += [(e.household_id, e.year) for e in s.exec(select(LifecycleEvent).where(
            LifecycleEvent.kind == EXIT_EVENT, LifecycleEvent.deleted == False))]  # noqa: E712
        years = [y for _h, y in rows if y <= last_year]
        if not years:
            return None
        year = max(years)
        from app.domain import Household

        villages = Counter(s.get(Household, h).village_id for h, y in rows if y == year)
        village = s.get(Village, villages.most_common(1)[0][0])
    return {"year": year, "village_code": village.code, "village": village.name}


def _dialog(ctx: TourContext) -> Any:
    return ctx.find("householdNoticeDialog")


def _preview(ctx: TourContext) -> Any:
    dialog = _dialog(ctx)
    return ctx.find("pdfPreview") if dialog is not None else None


def _dialog_signal(*path: str) -> Any:
    """Signals of the notice dialog (or of one of its widgets), once the dialog is open."""
    def signals(ctx: TourContext) -> list[Any]:
        obj = _dialog(ctx)
        for name in path:
            obj = getattr(obj, name, None)
        return [obj]
    return signals


def _issued(ctx: TourContext) -> bool:
    from app.domain import Notice, Village

    with ctx.db.read() as s:
        village = s.exec(select(Village).where(Village.code == ctx["village_code"])).first()
        found = s.exec(select(Notice).where(Notice.village_id == village.id, Notice.kind == "exit",
                                            Notice.year == ctx["year"], Notice.status == "issued")).first()
    return found is not None


def _notices_available(window: Any) -> bool:
    return hasattr(window, "notices_menu") and window.permitted("notice.issue")


def exit_notice() -> Tour:
    def menu_text(ctx: TourContext) -> str:
        notices = ctx.window.notices_menu
        return tr("Notices are prepared in the {menu} menu: open it and choose {action}.").format(
            menu=bold(plain(ctx.window.menu("notices").title())), action=bold(plain(notices.act_household.text())))

    steps = [
        Step("menu", lambda ctx: ctx.menu_title(ctx.window.menu("notices")), menu_text,
             done=lambda ctx: _dialog(ctx) is not None,
             signals=lambda ctx: [ctx.window.notices_menu.opened]),
        Step("kind", lambda ctx: _dialog(ctx).kind,
             lambda ctx: tr("Choose the kind of notice: {kind}.").format(kind=bold(_kind_label("exit"))),
             done=lambda ctx: _dialog(ctx).kind.currentData() == "exit",
             signals=_dialog_signal("kind", "currentIndexChanged")),
        Step("year", lambda ctx: _dialog(ctx).year,
             lambda ctx: tr("Set the year to {year}: the notice lists the households proposed to exit that "
                            "year.").format(year=bold(ctx["year"])),
             done=lambda ctx: _dialog(ctx).year.value() == ctx["year"],
             signals=_dialog_signal("year", "valueChanged")),
        Step("village", lambda ctx: _dialog(ctx).villages,
             lambda ctx: tr("Tick the village {village}.").format(village=bold(ctx["village"])),
             done=lambda ctx: ctx["village_code"] in _dialog(ctx).selected_codes(),
             signals=_dialog_signal("villages", "itemChanged")),
        Step("preview", lambda ctx: _dialog(ctx).btn_preview,
             lambda ctx: tr("Click <b>Preview</b> to see the notice exactly as it will be printed."),
             done=lambda ctx: _preview(ctx) is not None,
             signals=_dialog_signal("previewed")),
        Step("check", lambda ctx: _preview(ctx).view,
             lambda ctx: tr("Check the list with the village committee: group, head of household, household size, "
                            "per-capita income. Until it is issued every page says 样稿 (draft); in training every "
                            "page also says 培训 / TRAINING.")),
        Step("issue", lambda ctx: _preview(ctx).btn_action,
             lambda ctx: tr("If the list is right, click {issue} and save the PDF. Issuing freezes the notice: "
                            "what is printed can later be proven unchanged.").format(
                 issue=bold(plain(_preview(ctx).btn_action.text()))),
             done=_issued, signals=_dialog_signal("issued")),
        Step("print", lambda ctx: _dialog(ctx).message,
             lambda ctx: tr("The issued notice is saved as a PDF: print that file (A3 for the notice board) and "
                            "post it for at least 7 days with the 12317 hotline. Reprints come from the notice "
                            "history.")),
    ]
    return Tour("exit_notice", lambda: tr("Print an exit notice"),
                lambda: tr("Prepare the village's exit notice (公示), check it, issue it and print it."),
                steps, prepare=lambda window: pick_exit_notice(window.db), available=_notices_available,
                waiting_for=lambda: tr("the notice screens (notices and printing)"))


def _kind_label(code: str) -> str:
    from app.codes import code_list
    from app.i18n import current_language

    return code_list("notice_kind").label(code, current_language())
