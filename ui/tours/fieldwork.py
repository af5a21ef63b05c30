"""Tours of field work (ui/fieldwork): record a visit; log an assistance measure; assess a household
for exit and file the request.

The field-work screens are the visit wizard (Field work → New visit…) and the card tabs the
feature adds (Exit assessment, Assistance log, Requests). Steps find them when they appear and are
done when the database or the screen shows the trainee did what was asked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWizard
from shiboken6 import isValid
from sqlmodel import func, select

from app.domain import LifecycleRequest, Measure, MeasureUpdate, Visit
from ui import formatting as fmt
from ui.tours.engine import Step, Tour, TourContext, tr
from ui.tours.sample import initials, pick_household
from ui.tours.steps import bold, card_page, go_to_tab, open_card_step, plain

EXIT = "02"


def _fieldwork_available(window: Any) -> bool:
    return hasattr(window, "fieldwork")


def _count(db: Any, cls: Any, household_id: str) -> int:
    with db.read() as s:
        return int(s.exec(select(func.count()).select_from(cls).where(cls.household_id == household_id)).one())


def _changed(ctx: TourContext) -> list[Any]:
    return [ctx.window.household_changed]


def _open_dialog(tab: Any) -> Any:
    """The dialog a card tab opened last, while it is on screen."""
    dialogs = [d for d in getattr(tab, "dialogs", []) if isValid(d) and d.isVisible()]
    return dialogs[-1] if dialogs else None


# ================================================================================================
# record a visit
# ================================================================================================
def _wizard(ctx: TourContext) -> Any:
    return ctx.find("visitWizard")


def _page(ctx: TourContext, index: int) -> Any:
    wizard = _wizard(ctx)
    return wizard.pages[index] if wizard is not None else None


def _past(index: int) -> Any:
    def done(ctx: TourContext) -> bool:
        wizard = _wizard(ctx)
        return wizard is not None and wizard.currentId() > index
    return done


def _wizard_signals(ctx: TourContext) -> list[Any]:
    wizard = _wizard(ctx)
    return [wizard.currentIdChanged, wizard.draft_saved] if wizard is not None else []


def _next_button(ctx: TourContext) -> Any:
    wizard = _wizard(ctx)
    return wizard.button(QWizard.WizardButton.NextButton) if wizard is not None else None


def _checks_answered(ctx: TourContext) -> bool:
    from ui.fieldwork.wizard import P_CHECKS

    page = _page(ctx, P_CHECKS)
    return all(combo.currentData() is not None for combo in page.combos.values()) and _past(P_CHECKS)(ctx)


def _visit_prepare(window: Any) -> dict[str, Any] | None:
    data = pick_household(window.db)
    if data is not None:
        data["visits_before"] = _count(window.db, Visit, data["household_id"])
    return data


def record_visit() -> Tour:
    from ui.fieldwork import wizard as wz

    def step_page(key: str, index: int, target: Any, text: Any) -> Step:
        return Step(key, target, text, done=_past(index), signals=_wizard_signals)

    steps = [
        Step("start", lambda ctx: ctx.menu_title(ctx.window.menu("fieldwork")),
             lambda ctx: tr("Visits are recorded with the visit wizard: open the {menu} menu and choose {action} "
                            "(Ctrl+Shift+V).").format(menu=bold(plain(ctx.window.menu("fieldwork").title())),
                                                      action=bold(plain(ctx.window.fieldwork.act_visit.text()))),
             done=lambda ctx: _wizard(ctx) is not None, signals=lambda ctx: [ctx.window.fieldwork.opened]),
        Step("household", lambda ctx: _page(ctx, wz.P_HOUSEHOLD).search,
             lambda ctx: tr("Which household? Type {initials} and click {name} in the search results (households "
                            "due for a visit are listed on the right).").format(
                 initials=bold(ctx["initials"]), name=bold(ctx["name"])),
             done=lambda ctx: getattr(_wizard(ctx).context, "household", None) is not None
             and _wizard(ctx).context.household.id == ctx["household_id"],
             signals=_wizard_signals),
        step_page("time", wz.P_HOUSEHOLD, _next_button, lambda ctx: tr(
            "Check the date and time of the visit, then click <b>Next</b>. Every page is kept as a draft: a flat "
            "battery loses nothing.")),
        step_page("members", wz.P_MEMBERS, lambda ctx: _page(ctx, wz.P_MEMBERS).table, lambda ctx: tr(
            "Who lives here now? Everyone is marked present; record births, deaths, marriages and moves with "
            "their reason. Then <b>Next</b>.")),
        Step("checks", lambda ctx: _page(ctx, wz.P_CHECKS),
             lambda ctx: tr("The 'two assurances and three guarantees' (两不愁三保障) and safe water: answer every "
                            "question (the button sets them all to yes), note what is wrong. Then <b>Next</b>."),
             done=_checks_answered, signals=_wizard_signals),
        step_page("income", wz.P_INCOME, lambda ctx: _page(ctx, wz.P_INCOME).copy, lambda ctx: tr(
            "This year's income: <b>copy last year's</b> and correct what changed; the per-capita income is "
            "compared with the poverty line. Then <b>Next</b>.")),
        Step("measure", lambda ctx: _page(ctx, wz.P_PROBLEMS).m_add,
             lambda ctx: tr("Agree a measure with the household: choose a category, describe it (e.g. {example}) "
                            "and click <b>Add measure</b>.").format(example=bold(tr("a public-welfare job"))),
             done=lambda ctx: bool(_page(ctx, wz.P_PROBLEMS).measures),
             signals=lambda ctx: [*_wizard_signals(ctx), _page(ctx, wz.P_PROBLEMS).m_list.model().rowsInserted]),
        Step("satisfaction", lambda ctx: _page(ctx, wz.P_SATISFACTION).satisfaction,
             lambda ctx: tr("Click <b>Next</b> and ask how satisfied the household is with the support."),
             done=lambda ctx: bool(_page(ctx, wz.P_SATISFACTION).satisfaction.code()),
             signals=lambda ctx: [*_wizard_signals(ctx),
                                  _page(ctx, wz.P_SATISFACTION).satisfaction.currentIndexChanged]),
        Step("confirm", lambda ctx: _page(ctx, wz.P_PHOTOS).pad,
             lambda ctx: tr("Click <b>Next</b>. The head of household confirms the visit: let them sign here with "
                            "the mouse, touch pad or pen (or photograph the signed sheet)."),
             done=lambda ctx: not _page(ctx, wz.P_PHOTOS).pad.is_empty(),
             signals=lambda ctx: [*_wizard_signals(ctx), _page(ctx, wz.P_PHOTOS).pad.changed]),
        Step("save", lambda ctx: _save_button(ctx),
             lambda ctx: tr("Click <b>Next</b> to read the summary, then <b>Save visit</b>: the visit, the measure "
                            "and the changes to the card are saved together."),
             done=lambda ctx: _count(ctx.db, Visit, ctx["household_id"]) > ctx["visits_before"],
             signals=_changed),
        open_card_step("card"),
        go_to_tab("visits", "visits", lambda ctx: tr(
            "Open the <b>Visits</b> tab: your visit is there, with its time and author.")),
    ]
    return Tour("record_visit", lambda: tr("Record a visit"),
                lambda: tr("Walk through a household visit: checks, changes, the family's confirmation."),
                steps, prepare=_visit_prepare, available=_fieldwork_available,
                waiting_for=lambda: tr("the visit wizard (field work)"))


def _save_button(ctx: TourContext) -> Any:
    wizard = _wizard(ctx)
    if wizard is None:
        return None
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    return finish if finish.isVisible() else wizard.button(QWizard.WizardButton.NextButton)


# ================================================================================================
# log an assistance measure
# ================================================================================================
def _assistance(ctx: TourContext) -> Any:
    return card_page(ctx, "AssistanceTab")


def _measure_prepare(window: Any) -> dict[str, Any] | None:
    data = pick_household(window.db)
    if data is not None:
        data["measures_before"] = _count(window.db, Measure, data["household_id"])
        with window.db.read() as s:
            data["updates_before"] = int(s.exec(select(func.count()).select_from(MeasureUpdate).join(
                Measure, Measure.id == MeasureUpdate.measure_id).where(
                Measure.household_id == data["household_id"])).one())
    return data


def _updates(ctx: TourContext) -> int:
    with ctx.db.read() as s:
        return int(s.exec(select(func.count()).select_from(MeasureUpdate).join(
            Measure, Measure.id == MeasureUpdate.measure_id).where(
            Measure.household_id == ctx["household_id"])).one())


def log_measure() -> Tour:
    steps = [
        open_card_step(),
        go_to_tab("tab", "AssistanceTab", lambda ctx: tr(
            "Open the <b>Assistance log</b> tab: every measure the household received, and everything that "
            "happened to it.")),
        Step("add", lambda ctx: _assistance(ctx).b_add,
             lambda ctx: tr("Click <b>Log a measure…</b>."),
             done=lambda ctx: _open_dialog(_assistance(ctx)) is not None),
        Step("fill", lambda ctx: _open_dialog(_assistance(ctx)),
             lambda ctx: tr("Choose the category {category}, describe the measure (e.g. {example}), tick the "
                            "members who benefit, and click <b>OK</b>.").format(
                 category=bold(fmt.label("measure_category", "11")), example=bold(tr("forest ranger, 800 yuan a month"))),
             done=lambda ctx: _count(ctx.db, Measure, ctx["household_id"]) > ctx["measures_before"],
             signals=_changed),
        Step("progress", lambda ctx: _open_dialog(_assistance(ctx)) or _assistance(ctx).b_progress,
             lambda ctx: tr("When the support is delivered, record its progress: select the measure, click "
                            "<b>Record progress…</b>, choose {status} and <b>OK</b>.").format(
                 status=bold(fmt.label("measure_status", "03"))),
             done=lambda ctx: _updates(ctx) > ctx["updates_before"], signals=_changed),
        Step("history", lambda ctx: _assistance(ctx).history,
             lambda ctx: tr("The measure and its progress are now in the household's history, next to its visits "
                            "and status changes: the record a county checks when it assesses the exit.")),
    ]
    return Tour("log_measure", lambda: tr("Log an assistance measure"),
                lambda: tr("Record a measure the household received and its progress."),
                steps, prepare=_measure_prepare, available=_fieldwork_available,
                waiting_for=lambda: tr("the assistance-measure form (field work)"))


# ================================================================================================
# assess a household for exit and file the request
# ================================================================================================
def _requests(ctx: TourContext) -> Any:
    return card_page(ctx, "RequestsTab")


def _request(ctx: TourContext) -> Any:
    with ctx.db.read() as s:
        return s.exec(select(LifecycleRequest).where(
            LifecycleRequest.household_id == ctx["household_id"], LifecycleRequest.kind == EXIT,
            LifecycleRequest.year == ctx["year"], LifecycleRequest.deleted == False,  # noqa: E712
            LifecycleRequest.status != "rejected").order_by(LifecycleRequest.id.desc())).first()  # type: ignore[union-attr]


def _has_step(step: str) -> Any:
    def done(ctx: TourContext) -> bool:
        from app.services import lifecycle as lc

        req = _request(ctx)
        return req is not None and step in lc.evidence_steps(req)
    return done


def pick_exit_candidate(db: Any) -> dict[str, Any] | None:
    """A household planned to exit in the scenario's year whose income is above the line and whose
    other criteria are met or only not yet checked this year (the verification visit, 入户核实,
    answers those); one that already passes everything is preferred."""
    from app.domain import Household
    from app.services import exit_assessment

    as_of = db.meta("demo_as_of") or ""
    year = int(as_of[:4]) if as_of[:4].isdigit() else None
    with db.read() as s:
        rows = s.exec(select(Household).where(Household.deleted == False, Household.exit_status == "01")  # noqa: E712
                      .order_by(Household.planned_exit_year.desc(), Household.hh_number)).all()  # type: ignore[union-attr]
    fallback = None
    for hh in rows[:60]:
        when = year or hh.planned_exit_year
        if not when or not 2 <= len(hh.head_name) <= 3:
            continue
        assessment = exit_assessment.assess_exit(db, hh.id, when)
        data = {"household_id": hh.id, "name": hh.head_name, "initials": initials(hh.head_name),
                "hh_tail": hh.hh_number[-4:], "year": when,
                "day": date.fromisoformat(as_of) if as_of[:4] == str(when) else date(when, 10, 31)}
        if assessment.passed:
            return data
        if fallback is None and assessment.criterion("income").result == exit_assessment.PASS and all(
                c.result == exit_assessment.UNKNOWN for c in assessment.failures):
            fallback = data
    return fallback


def _assessed(ctx: TourContext) -> bool:
    from app.services import exit_assessment

    return exit_assessment.assess_exit(ctx.db, ctx["household_id"], ctx["year"]).passed


def _reload_card(ctx: TourContext) -> None:
    """The visit was saved in the wizard's window: the card in front still shows the old checklist."""
    card = ctx.card(ctx["household_id"])
    if card is not None:
        card.reload()


def _verify_target(ctx: TourContext) -> Any:
    """The visit wizard's next button or its checks while it is open, else the Field work menu."""
    from ui.fieldwork import wizard as wz

    wizard = _wizard(ctx)
    if wizard is None:
        return ctx.menu_title(ctx.window.menu("fieldwork"))
    if wizard.currentId() == wz.P_CHECKS:
        return wizard.pages[wz.P_CHECKS]
    return _save_button(ctx)


def _request_button(name: str) -> Any:
    return lambda ctx: _open_dialog(_requests(ctx)) or _requests(ctx).buttons[name]


def exit_request() -> Tour:
    from app.services import lifecycle as lc

    steps = [
        open_card_step(),
        go_to_tab("assess", "ExitTab", lambda ctx: tr(
            "Open the <b>Exit assessment</b> tab: the household's data against the exit criteria of {year}.").format(
                year=bold(ctx["year"]))),
        Step("read", lambda ctx: card_page(ctx, "ExitTab").table,
             lambda ctx: tr("Green lines are met; red ones block an exit, and so do amber ones: not checked this "
                            "year. The criteria: income stably above the line, not worrying about food and "
                            "clothing, schooling, basic medical care, safe housing and water. The marks of a real "
                            "exit at the bottom are advisory.")),
        Step("verify", _verify_target,
             lambda ctx: tr("Before an exit the task force verifies everything at home (入户核实). Record the visit: "
                            "{menu} → {action} ({name} is already chosen, the date is {day}: the scenario's today), "
                            "answer every check — all yes if all hold — and save.").format(
                 menu=bold(plain(ctx.window.menu("fieldwork").title())),
                 action=bold(plain(ctx.window.fieldwork.act_visit.text())), name=bold(ctx["name"]),
                 day=bold(fmt.day(ctx["day"]))),
             done=_assessed, signals=lambda ctx: [*_changed(ctx), *_wizard_signals(ctx), ctx.window.fieldwork.opened],
             after=_reload_card),
        Step("green", lambda ctx: card_page(ctx, "ExitTab").table,
             lambda ctx: tr("Every line of {year} is green now: {name} meets the exit criteria.").format(
                 year=bold(ctx["year"]), name=bold(ctx["name"]))),
        go_to_tab("requests", "RequestsTab", lambda ctx: tr(
            "An exit is a request that the county approves. Open the <b>Requests</b> tab.")),
        Step("new", lambda ctx: _open_dialog(_requests(ctx)) or _requests(ctx).buttons["new"],
             lambda ctx: tr("Click <b>New request…</b>, choose {kind}, year {year}, and <b>OK</b>.").format(
                 kind=bold(fmt.label("lifecycle_event", EXIT)), year=bold(ctx["year"])),
             done=lambda ctx: _request(ctx) is not None, signals=_changed),
        Step("deliberation", _request_button("deliberation"),
             lambda ctx: tr("Record the village representatives' deliberation (民主评议): date, how many were "
                            "there and how many agreed. <b>OK</b>."),
             done=_has_step("deliberation"), signals=_changed),
        Step("notice", _request_button("notice"),
             lambda ctx: tr("Record the public notice in the village (公示): it runs at least 7 days. <b>OK</b>."),
             done=_has_step("notice"), signals=_changed),
        Step("confirmation", _request_button("confirmation"),
             lambda ctx: tr("The household confirms it agrees (贫困户认可): let the head sign on the pad, then "
                            "<b>OK</b>."),
             done=_has_step("confirmation"), signals=_changed),
        Step("submit", lambda ctx: _requests(ctx).buttons["submit"],
             lambda ctx: tr("Everything is recorded: click <b>Submit</b> to send the request to the township."),
             done=lambda ctx: getattr(_request(ctx), "status", "") == lc.SUBMITTED, signals=_changed),
        Step("after", lambda ctx: _requests(ctx).table,
             lambda ctx: tr("The township reviews the request and the county approves it; only then does the card "
                            "show the household as out of poverty. The household now appears on the village's exit "
                            "notice for {year} (tour: Print an exit notice).").format(year=bold(ctx["year"]))),
    ]
    return Tour("exit_request", lambda: tr("Assess a household for exit and file the request"),
                lambda: tr("Check income and the 'two assurances, three guarantees', then file the exit request."),
                steps, prepare=lambda window: pick_exit_candidate(window.db), available=_fieldwork_available,
                waiting_for=lambda: tr("the exit assessment and lifecycle-request screens (field work)"))
