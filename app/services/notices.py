"""Public notices (公示/公告): prepare from the registry, issue (freeze), photos, objections, history.

A notice's ``content`` is every word that is printed — title, introduction, table rows, period,
hotlines, issuing body — rendered in Chinese when it is prepared (boards are Chinese whatever the
operator's UI language). The PDF renderer (``app.reports.notices``) only lays that content out, so
the sha256 of the canonical JSON of ``content`` (``content_hash``) identifies what was posted.
Issuing stores content and hash and never changes them again: later edits are refused, a mistaken
notice is withdrawn (with a reason) and a new one issued. The QR code on every page carries the
notice id and the hash, so a township can check a board on the wall against the record
(:func:`verify_notice`).

Households in scope of a household notice are read from the lifecycle requests (not rejected) and
lifecycle events of the village for that kind and year (domain.md §4: the 公示 sits between the
democratic appraisal and the township review).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, select

from app.codes import code_list, setting
from app.domain import (
    Household,
    Income,
    LifecycleEvent,
    LifecycleRequest,
    Member,
    Village,
    utcnow,
    uuid7,
)
from app.domain.notices import Notice, NoticeObjection
from app.errors import BangfuError
from app.i18n import register, t_in
from app.idnumber import mask_id
from app.services.permissions import register_action, require
from app.services.registry import per_capita
from app.services.tx import dumps, write
from app.store.database import Database
from app.validation import Checker, format_date

#: Notices are printed in Chinese whatever the operator's UI language.
PRINT_LANG = "zh_CN"
CONTENT_VERSION = 1
QR_PREFIX = "BANGFU:NOTICE"

#: notice kind → lifecycle_event code whose requests/events put a household on the list.
HOUSEHOLD_KINDS: dict[str, str] = {"identify": "01", "exit": "02", "return": "03", "remove": "04"}
PROJECT_STAGES: dict[str, str] = {"plan": "project_plan", "completion": "project_completion"}
PAPERS = ("A4", "A4L", "A3", "A3L")

register_action("notice.issue", {"village", "township", "trainer", "county"})
register_action("notice.objection", {"village", "township", "trainer", "county"})

register({
    # refusals
    "notice.nobody": (
        "{village}{year}年没有需要列入“{kind}”的农户（没有相应的申请或记录），未生成公示",
        "No household of {village} is in scope of a {kind} for {year} (no matching request or record); "
        "nothing was produced",
    ),
    "notice.no_beneficiaries": (
        "该项目还没有受益户名单，无法生成公示；请先登记受益户",
        "This project has no beneficiary households yet, so no notice was produced; add the beneficiaries first",
    ),
    "notice.no_funding": (
        "该项目还没有登记资金来源和金额，无法生成公示",
        "This project has no funding by source yet, so no notice was produced",
    ),
    "notice.not_completed": (
        "项目尚未完工（当前状态：{status}），不能发布竣工公告",
        "The project is not completed yet (status: {status}); no completion notice can be issued",
    ),
    "notice.plan_after_start": (
        "项目已开工（当前状态：{status}），计划公示应在开工前发布",
        "The project has already started (status: {status}); a plan notice is issued before the start",
    ),
    "notice.period_reversed": ("公示结束日期早于开始日期", "the notice period ends before it starts"),
    "notice.period_short": ("公示期不少于 {days} 天（现为 {actual} 天）", "a notice period lasts at least {days} days "
                                                                 "(this one has {actual})"),
    "notice.frozen": (
        "公示已发布（已固定），内容不能再修改；如有错误请撤回后重新发布",
        "This notice has been issued and is frozen; it cannot be edited. Withdraw it and issue a new one",
    ),
    "notice.not_issued": ("该公示尚未发布", "This notice has not been issued"),
    "notice.period_not_over": ("公示期至{end}结束，期满后才能登记到申请中",
                               "The notice period ends on {end}; record it on the requests after that"),
    "notice.bad_kind": ("公示类型“{kind}”无效，可选：{choices}", "Unknown notice kind '{kind}'; choose {choices}"),
    "notice.bad_stage": ("项目公示阶段“{stage}”无效，可选：plan、completion",
                         "Unknown project notice stage '{stage}'; choose plan or completion"),
    "notice.village_unknown": ("找不到行政区划代码为 {village_code} 的村", "No village with division code {village_code}"),
    "notice.hash_mismatch": (
        "公示内容与发布时的校验码不一致，可能被改动",
        "The notice content does not match the hash recorded when it was issued; it may have been altered",
    ),
    "notice.bad_qr": ("二维码内容不是帮扶通公示编码", "The QR text is not a Bangfu notice code"),
    "notice.objection_before": ("收到异议的日期不能早于公示开始日期", "an objection cannot be received before the "
                                                              "notice period starts"),
    # field labels
    "field.notice.kind": ("公示类型", "notice kind"),
    "field.notice.year": ("年度", "year"),
    "field.notice.title": ("标题", "title"),
    "field.notice.period_start": ("公示开始日期", "notice period start"),
    "field.notice.period_end": ("公示结束日期", "notice period end"),
    "field.notice.issuer": ("发布单位", "issuing body"),
    "field.notice.local_hotline": ("本地监督电话", "local supervision phone"),
    "field.notice.paper": ("纸张", "paper size"),
    "field.notice.withdrawn_reason": ("撤回理由", "reason for withdrawal"),
    "field.notice.id": ("公示", "notice"),
    "field.notice_objection.received_on": ("收到日期", "date received"),
    "field.notice_objection.channel": ("反映方式", "channel"),
    "field.notice_objection.summary": ("异议内容", "objection"),
    "field.notice_objection.resolution": ("处理结果", "resolution"),
    "field.notice_objection.id": ("异议", "objection"),
    # printed text (content of the notices)
    "notice.title.identify": ("{village}{year}年拟新识别贫困户公示", "{village} {year}: households proposed for "
                                                                 "identification"),
    "notice.title.exit": ("{village}{year}年拟退出贫困户公示", "{village} {year}: households proposed to exit poverty"),
    "notice.title.return": ("{village}{year}年拟认定返贫户公示", "{village} {year}: households proposed as returned "
                                                             "to poverty"),
    "notice.title.remove": ("{village}{year}年拟剔除贫困户公示", "{village} {year}: households proposed for removal"),
    "notice.title.project_plan": ("{project}计划公示", "Plan notice: {project}"),
    "notice.title.project_completion": ("{project}竣工公告", "Completion notice: {project}"),
    "notice.intro.identify": (
        "根据精准扶贫建档立卡工作要求，经农户自愿申请、村民代表大会民主评议、村委会和驻村工作队入户核实，"
        "现将我村{year}年拟新识别贫困户名单予以公示（共{households}户{people}人）。",
        "Following household applications, the villagers' representatives' appraisal and home visits, the "
        "households proposed for identification in {year} are announced ({households} households, {people} people).",
    ),
    "notice.intro.exit": (
        "根据贫困户退出有关规定，经村两委和驻村工作队提名、村民代表大会民主评议、入户核实和贫困户认可，"
        "现将我村{year}年拟退出贫困户名单予以公示（共{households}户{people}人）。",
        "Proposed by the village committees and the task force, appraised by the villagers' representatives, "
        "verified at home and confirmed by the households, the households proposed to exit poverty in {year} "
        "are announced ({households} households, {people} people).",
    ),
    "notice.intro.return": (
        "经农户申请、村民代表大会民主评议和入户核实，现将我村{year}年拟认定返贫户名单予以公示"
        "（共{households}户{people}人）。",
        "Following applications, the representatives' appraisal and home visits, the households proposed as "
        "returned to poverty in {year} are announced ({households} households, {people} people).",
    ),
    "notice.intro.remove": (
        "经比对核查、村民代表大会民主评议和入户核实，以下农户不符合建档立卡贫困户识别标准，拟予以剔除，"
        "现予以公示（共{households}户{people}人）。",
        "After register checks, the representatives' appraisal and home visits, the following households do not "
        "meet the criteria and are proposed for removal ({households} households, {people} people).",
    ),
    "notice.intro.project_plan": (
        "按照扶贫资金“谁分配、谁使用、谁公开”的要求，现将以下扶贫资金项目计划予以公示，接受群众监督。",
        "Following the rule that whoever allocates and uses poverty funds makes them public, the following "
        "project plan is announced for public supervision.",
    ),
    "notice.intro.project_completion": (
        "按照扶贫资金“谁分配、谁使用、谁公开”的要求，现将以下扶贫资金项目的实施和竣工情况予以公告，接受群众监督。",
        "Following the rule that whoever allocates and uses poverty funds makes them public, the implementation "
        "and completion of the following project are announced for public supervision.",
    ),
    "notice.period": ("公示时间：{start}至{end}（共{days}天）。", "Notice period: {start} to {end} ({days} days)."),
    "notice.object": (
        "公示期间，如有异议，请以书面、电话或当面方式向村委会、驻村工作队或{township}人民政府反映。"
        "反映情况请实事求是，我们将在15个工作日内核实答复。",
        "During the notice period, objections may be raised in writing, by telephone or in person with the village "
        "committee, the task force or the {township} government; we will check and answer within 15 working days.",
    ),
    "notice.hotline_national": ("全国扶贫监督举报电话：{national}", "National poverty-alleviation supervision "
                                                               "hotline: {national}"),
    "notice.hotline_local": ("本地监督电话：{local}", "Local supervision phone: {local}"),
    "notice.issuer_default": ("{village}村民委员会", "{village} villagers' committee"),
    "notice.issuer_project_default": ("{village}村民委员会", "{village} villagers' committee"),
    "notice.issuer_township_default": ("{township}人民政府", "{township} government"),
    "notice.seal": ("（盖章）", "(seal)"),
    "notice.sign.secretary": ("村党支部书记（签字）：", "Party branch secretary (signature):"),
    "notice.sign.director": ("村委会主任（签字）：", "Village committee director (signature):"),
    "notice.sign.task_force": ("驻村工作队队长（签字）：", "Task force leader (signature):"),
    "notice.sign.project": ("项目责任人（签字）：", "Project manager (signature):"),
    "notice.total": ("合计：{households}户{people}人", "Total: {households} households, {people} people"),
    "notice.total_amount": ("合计：{households}户{people}人，补助金额{amount}元",
                            "Total: {households} households, {people} people, {amount} yuan"),
    "notice.footer": ("公示编号：{id}\n校验码：{hash}", "Notice: {id}\nHash: {hash}"),
    "notice.continued": ("{title}（续）", "{title} (continued)"),
    "notice.none": ("—", "—"),
    "notice.col.no": ("序号", "No."),
    "notice.col.group": ("组", "Group"),
    "notice.col.head": ("户主姓名", "Head of household"),
    "notice.col.head_id": ("户主身份证号", "Head's ID number"),
    "notice.col.size": ("家庭人口", "Household size"),
    "notice.col.attr": ("贫困户属性", "Household type"),
    "notice.col.cause": ("主要致贫原因", "Main cause of poverty"),
    "notice.col.return_cause": ("返贫原因", "Cause of return"),
    "notice.col.income": ("{year}年人均纯收入（元）", "{year} net income per person (yuan)"),
    "notice.col.exit_year": ("脱贫年度", "Exit year"),
    "notice.col.old_exit_year": ("原脱贫年度", "Earlier exit year"),
    "notice.col.identified_year": ("识别年度", "Year identified"),
    "notice.col.remove_reason": ("剔除原因", "Reason for removal"),
    "notice.col.subsidy": ("补助金额（元）", "Subsidy (yuan)"),
    "notice.beneficiaries": ("受益户名单", "Beneficiary households"),
    "notice.field.name": ("项目名称", "Project"),
    "notice.field.type": ("项目类型", "Type"),
    "notice.field.place": ("实施地点", "Place"),
    "notice.field.content": ("建设任务及规模", "Construction content and scale"),
    "notice.field.subsidy": ("补助标准", "Subsidy standard"),
    "notice.field.funds": ("资金规模及来源", "Funds and sources"),
    "notice.field.period": ("实施期限", "Implementation period"),
    "notice.field.implementer": ("实施单位", "Implementing unit"),
    "notice.field.responsible": ("项目责任人", "Responsible person"),
    "notice.field.targets": ("绩效目标", "Performance targets"),
    "notice.field.mechanism": ("带贫减贫机制", "How it benefits poor households"),
    "notice.field.beneficiary_count": ("受益贫困户", "Poor households benefiting"),
    "notice.field.started": ("开工日期", "Started"),
    "notice.field.completed": ("完工日期", "Completed"),
    "notice.field.accepted": ("验收日期", "Accepted"),
    "notice.field.status": ("项目状态", "Status"),
    "notice.funds_total": ("总投资{total}元，其中：{parts}", "Total {total} yuan: {parts}"),
    "notice.funds_part": ("{source}{amount}元", "{source} {amount} yuan"),
    "notice.period_range": ("{start}至{end}", "{start} to {end}"),
    "notice.beneficiary_count": ("{households}户{people}人", "{households} households, {people} people"),
})


# -- small helpers -----------------------------------------------------------------------------
def content_hash(content: dict[str, Any]) -> str:
    """sha256 of the canonical JSON (sorted keys, no spaces, UTF-8) of a notice's content."""
    return hashlib.sha256(dumps(content).encode("utf-8")).hexdigest()


def qr_payload(notice_id: str, digest: str) -> str:
    """What the QR code on every page of a notice says (upper case: QR alphanumeric mode, a smaller
    code that scans more easily from a photo of the board)."""
    return f"{QR_PREFIX}:{notice_id}:{digest}".upper()


def parse_qr_payload(text: str) -> tuple[str, str]:
    """(notice id, content hash) from a scanned QR text; BangfuError ``notice.bad_qr`` otherwise."""
    parts = str(text).strip().split(":")
    if len(parts) != 4 or ":".join(parts[:2]).upper() != QR_PREFIX or len(parts[3]) != 64:
        raise BangfuError("notice.bad_qr")
    return parts[2].lower(), parts[3].lower()


def yuan(fen: int) -> str:
    """12345600 → '123,456.00' (no unit: the column header says 元)."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def _label(list_name: str, code: str, lang: str) -> str:
    return code_list(list_name).label(code, lang) if code else ""


def _days(start: date, end: date) -> int:
    return (end - start).days + 1


def _min_days(kind: str) -> int:
    key = "notice_days_project" if kind.startswith("project") else "notice_days_household"
    try:
        return int(setting(key))
    except (KeyError, ValueError):
        return 7


def _default_local_hotline(db: Database) -> str:
    value = db.meta("hotline_local")
    if value:
        return value
    try:
        return setting("hotline_local")
    except KeyError:
        return ""


# -- drafts ------------------------------------------------------------------------------------
@dataclass
class NoticeDraft:
    """A prepared notice, not yet stored: what the preview shows and what issuing freezes."""

    kind: str
    year: int
    title: str
    period_start: date
    period_end: date
    issuer: str
    local_hotline: str
    content: dict[str, Any]
    village_id: str | None = None
    project_id: str | None = None
    id: str = field(default_factory=uuid7)

    @property
    def content_hash(self) -> str:
        return content_hash(self.content)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: float
    align: str = "center"


def _check_common(c: Checker, kind: str, year: int, start: date, end: date, issuer: str, hotline: str,
                  title: str | None, paper: str) -> None:
    c.integer("year", year, 2000, date.today().year + 1, required=True)
    c.day("period_start", start, required=True, not_future=False)
    c.day("period_end", end, required=True, not_future=False)
    if c.ok("period_start") and c.ok("period_end"):
        if end < start:
            c.fail("period_end", "notice.period_reversed")
        elif _days(start, end) < _min_days(kind):
            c.fail("period_end", "notice.period_short", days=_min_days(kind), actual=_days(start, end))
    c.text("issuer", issuer, 60, required=True)
    c.text("local_hotline", hotline, 40)
    c.phone("local_hotline", hotline)
    if title is not None:
        c.text("title", title, 80, required=True)
    if paper not in PAPERS:
        c.fail("paper", "value.unknown_code", value=str(paper)[:10])


def _period(kind: str, start: date | None, end: date | None) -> tuple[date, date]:
    start = start or date.today()
    return start, end or start + timedelta(days=_min_days(kind) - 1)


def _closing(lang: str, start: date, end: date, township: str) -> list[str]:
    return [
        t_in(lang, "notice.period", start=format_date(start, lang), end=format_date(end, lang), days=_days(start, end)),
        t_in(lang, "notice.object", township=township),
    ]


def _hotlines(lang: str, local_hotline: str) -> list[str]:
    return [t_in(lang, "notice.hotline_national", national=setting("hotline_national")),
            t_in(lang, "notice.hotline_local", local=local_hotline or "________________")]


# -- household notices -------------------------------------------------------------------------
def village_by_code(db: Database, code: str) -> Village:
    with db.read() as s:
        village = s.exec(select(Village).where(Village.code == code, Village.deleted == False)).first()  # noqa: E712
    if village is None:
        raise BangfuError("notice.village_unknown", village_code=str(code)[:20])
    return village


@dataclass(frozen=True)
class InScope:
    household: Household
    reason: str = ""


def households_in_scope(session: Session, village_id: str, kind: str, year: int) -> list[InScope]:
    """Households of the village with a (not rejected) request or a recorded event of this kind and year."""
    event_code = HOUSEHOLD_KINDS[kind]
    found: dict[str, InScope] = {}
    requests = session.exec(
        select(Household, LifecycleRequest.reason).join(LifecycleRequest, Household.id == LifecycleRequest.household_id)
        .where(Household.village_id == village_id, Household.deleted == False,  # noqa: E712
               LifecycleRequest.kind == event_code, LifecycleRequest.year == year,
               LifecycleRequest.deleted == False, LifecycleRequest.status != "rejected")  # noqa: E712
        .order_by(LifecycleRequest.id)
    ).all()
    events = session.exec(
        select(Household, LifecycleEvent.reason).join(LifecycleEvent, Household.id == LifecycleEvent.household_id)
        .where(Household.village_id == village_id, Household.deleted == False,  # noqa: E712
               LifecycleEvent.kind == event_code, LifecycleEvent.year == year, LifecycleEvent.deleted == False)  # noqa: E712
        .order_by(LifecycleEvent.id)
    ).all()
    for hh, reason in [*requests, *events]:
        found.setdefault(hh.id, InScope(hh, reason or ""))
    out = list(found.values())
    out.sort(key=lambda x: (x.household.group_no, x.household.hh_number, x.household.head_name, x.household.id))
    return out


def _columns(kind: str, year: int, include_id: bool, lang: str) -> list[Column]:
    def col(key: str, width: float, align: str = "center", **p: Any) -> Column:
        return Column(key, t_in(lang, f"notice.col.{key}", **p), width, align)

    head = [col("no", 0.7), col("group", 0.6), col("head", 1.4)]
    if include_id:
        head.append(col("head_id", 2.4))
    head.append(col("size", 1.0))
    income_year = year - 1 if kind == "identify" else year
    tail = {
        "identify": [col("attr", 1.6), col("cause", 1.5), col("income", 2.0, "right", year=income_year)],
        "exit": [col("cause", 1.5), col("income", 2.0, "right", year=income_year), col("exit_year", 1.0)],
        "return": [col("old_exit_year", 1.1), col("return_cause", 1.5), col("income", 2.0, "right", year=income_year)],
        "remove": [col("identified_year", 1.0), col("remove_reason", 2.6)],
    }[kind]
    return head + tail


def _incomes(session: Session, ids: list[str], year: int) -> dict[str, Income]:
    if not ids:
        return {}
    rows = session.exec(select(Income).where(Income.household_id.in_(ids), Income.year == year,  # type: ignore[attr-defined]
                                             Income.deleted == False)).all()  # noqa: E712
    return {r.household_id: r for r in rows}


def _heads(session: Session, ids: list[str]) -> dict[str, Member]:
    if not ids:
        return {}
    rows = session.exec(select(Member).where(Member.household_id.in_(ids), Member.relation == "01",  # type: ignore[attr-defined]
                                             Member.active == True, Member.deleted == False)).all()  # noqa: E712
    return {m.household_id: m for m in rows}


def _household_row(kind: str, no: int, item: InScope, year: int, include_id: bool, income: Income | None,
                   head: Member | None, lang: str) -> list[str]:
    hh = item.household
    none = t_in(lang, "notice.none")
    row = [str(no), str(hh.group_no), hh.head_name or none]
    if include_id:
        row.append(mask_id(head.id_number) if head and head.id_number else none)
    row.append(str(hh.size))
    pc = per_capita(income.net_fen, hh.size) if income is not None else None
    income_text = yuan(pc) if pc is not None else none
    cause = _label("poverty_cause", hh.main_cause, lang) or none
    if kind == "identify":
        row += [_label("household_attr", hh.household_attr, lang) or none, cause, income_text]
    elif kind == "exit":
        row += [cause, income_text, str(year)]
    elif kind == "return":
        reason = item.reason if item.reason in code_list("poverty_cause") else ""
        row += [str(hh.exit_year) if hh.exit_year else none,
                _label("poverty_cause", reason, lang) if reason else cause, income_text]
    else:
        if item.reason in code_list("removal_reason"):
            reason_text = _label("removal_reason", item.reason, lang)
        else:
            reason_text = (item.reason or "").strip()[:40] or none
        row += [str(hh.identified_year) if hh.identified_year else none, reason_text]
    return row


def prepare_household_notice(db: Database, village_id: str, kind: str, year: int, *,
                             period_start: date | None = None, period_end: date | None = None,
                             issuer: str | None = None, local_hotline: str | None = None,
                             title: str | None = None, include_id: bool = False, paper: str = "A4",
                             lang: str = PRINT_LANG) -> NoticeDraft:
    """Prepare the household-list notice (识别/退出/返贫/剔除) of a village for a year.

    Nothing is stored. Refuses (translated messages) an unknown kind, a bad period, or a village
    with nobody in scope.
    """
    if kind not in HOUSEHOLD_KINDS:
        raise BangfuError("notice.bad_kind", kind=str(kind)[:20], choices="/".join(HOUSEHOLD_KINDS))
    with db.read() as s:
        village = s.get(Village, village_id)
        if village is None or village.deleted:
            c = Checker("notice")
            c.fail("village_id", "value.not_found")
            c.raise_if_any()
        assert village is not None
        start, end = _period(kind, period_start, period_end)
        issuer = (issuer if issuer is not None else t_in(lang, "notice.issuer_default", village=village.name)).strip()
        hotline = (local_hotline if local_hotline is not None else _default_local_hotline(db)).strip()
        c = Checker("notice")
        _check_common(c, kind, year, start, end, issuer, hotline, title, paper)
        c.raise_if_any()
        scope = households_in_scope(s, village_id, kind, year)
        if not scope:
            raise BangfuError("notice.nobody", village=village.name, year=year,
                              kind=_label("notice_kind", kind, lang))
        ids = [x.household.id for x in scope]
        income_year = year - 1 if kind == "identify" else year
        incomes = _incomes(s, ids, income_year)
        heads = _heads(s, ids) if include_id else {}
        rows = [_household_row(kind, i, item, year, include_id, incomes.get(item.household.id),
                               heads.get(item.household.id), lang) for i, item in enumerate(scope, start=1)]
    households, people = len(scope), sum(x.household.size for x in scope)
    title = (title or t_in(lang, f"notice.title.{kind}", village=village.name, year=year)).strip()
    columns = _columns(kind, year, include_id, lang)
    content = {
        "v": CONTENT_VERSION,
        "kind": kind,
        "year": year,
        "paper": paper,
        "title": title,
        "place": {"village_code": village.code, "village": village.name, "township": village.township_name,
                  "county": village.county_name},
        "intro": t_in(lang, f"notice.intro.{kind}", year=year, households=households, people=people),
        "sections": [{
            "type": "table",
            "caption": "",
            "columns": [{"label": c_.label, "width": c_.width, "align": c_.align} for c_ in columns],
            "rows": rows,
            "total": t_in(lang, "notice.total", households=households, people=people),
        }],
        "closing": _closing(lang, start, end, village.township_name),
        "hotlines": _hotlines(lang, hotline),
        "period": {"start": start.isoformat(), "end": end.isoformat(), "days": _days(start, end)},
        "issuer": issuer,
        "seal": t_in(lang, "notice.seal"),
        "issue_date": format_date(start, lang),
        "signatures": [t_in(lang, "notice.sign.secretary"), t_in(lang, "notice.sign.director"),
                       t_in(lang, "notice.sign.task_force")],
        "counts": {"households": households, "people": people},
        "continued": t_in(lang, "notice.continued", title=title),
        "params": {"include_id": include_id, "lang": lang},
    }
    return NoticeDraft(kind=kind, year=year, title=title, period_start=start, period_end=end, issuer=issuer,
                       local_hotline=hotline, content=content, village_id=village_id)


# -- project notices ---------------------------------------------------------------------------
def prepare_project_notice(db: Database, project_id: str, stage: str, *, period_start: date | None = None,
                           period_end: date | None = None, issuer: str | None = None,
                           local_hotline: str | None = None, title: str | None = None, paper: str = "A4",
                           lang: str = PRINT_LANG) -> NoticeDraft:
    """Prepare a fund project's plan notice (计划公示) or completion notice (竣工公告)."""
    from app.services.projects import COMPLETED, PLANNED, STATUS_ORDER, UNDER_WAY, project_summary

    if stage not in PROJECT_STAGES:
        raise BangfuError("notice.bad_stage", stage=str(stage)[:20])
    kind = PROJECT_STAGES[stage]
    summary = project_summary(db, project_id)
    project, village = summary.project, summary.village
    status_label = _label("project_status", project.status, lang)
    if stage == "completion" and STATUS_ORDER.index(project.status) < STATUS_ORDER.index(COMPLETED):
        raise BangfuError("notice.not_completed", status=status_label)
    if stage == "plan" and project.status != PLANNED:
        raise BangfuError("notice.plan_after_start", status=status_label)
    if not summary.funding:
        raise BangfuError("notice.no_funding")
    if not summary.beneficiaries and (project.household_level or not project.benefit_mechanism.strip()):
        raise BangfuError("notice.no_beneficiaries")
    place_name = village.name if village else ""
    township = village.township_name if village else ""
    start, end = _period(kind, period_start, period_end)
    default_issuer = (t_in(lang, "notice.issuer_project_default", village=village.name) if village
                      else t_in(lang, "notice.issuer_township_default", township=project.implementer or ""))
    issuer = (issuer if issuer is not None else default_issuer).strip()
    hotline = (local_hotline if local_hotline is not None else _default_local_hotline(db)).strip()
    c = Checker("notice")
    year = (project.start_date or start).year
    _check_common(c, kind, year, start, end, issuer, hotline, title, paper)
    c.raise_if_any()

    none = t_in(lang, "notice.none")
    funds = t_in(lang, "notice.funds_total", total=yuan(summary.total_fen), parts="；".join(
        t_in(lang, "notice.funds_part", source=_label("funding_source", f.source, lang), amount=yuan(f.amount_fen))
        for f in summary.funding))
    people = summary.beneficiary_people
    households = len(summary.beneficiaries)
    period = none
    if project.start_date or project.end_date:
        period = t_in(lang, "notice.period_range", start=format_date(project.start_date, lang) or none,
                      end=format_date(project.end_date, lang) or none)
    mechanism = project.benefit_mechanism.strip()
    if households:
        count = t_in(lang, "notice.beneficiary_count", households=households, people=people)
        mechanism = f"{mechanism}（{count}）" if mechanism else count

    def f(key: str, value: str) -> list[str]:
        return [t_in(lang, f"notice.field.{key}"), value.strip() if value and value.strip() else none]

    fields = [
        f("name", project.name), f("type", _label("project_type", project.project_type, lang)),
        f("place", project.place or place_name), f("content", project.content), f("subsidy", project.subsidy_standard),
        f("funds", funds), f("period", period), f("implementer", project.implementer),
        f("responsible", project.responsible_person), f("targets", project.performance_targets),
        f("mechanism", mechanism),
    ]
    if stage == "completion":
        fields += [f("started", format_date(summary.date_of(UNDER_WAY), lang)),
                   f("completed", format_date(summary.date_of(COMPLETED), lang))]
        accepted = summary.date_of("04")
        if accepted:
            fields.append(f("accepted", format_date(accepted, lang)))
        fields.append(f("status", status_label))
    sections: list[dict[str, Any]] = [{"type": "fields", "rows": fields}]
    if summary.beneficiaries:
        total_fen = sum(b.amount_fen for b, _hh in summary.beneficiaries)
        cols = [Column("no", t_in(lang, "notice.col.no"), 0.7), Column("group", t_in(lang, "notice.col.group"), 0.6),
                Column("head", t_in(lang, "notice.col.head"), 1.6), Column("size", t_in(lang, "notice.col.size"), 1.0),
                Column("subsidy", t_in(lang, "notice.col.subsidy"), 1.6, "right")]
        rows = [[str(i), str(hh.group_no), hh.head_name or none, str(hh.size), yuan(b.amount_fen)]
                for i, (b, hh) in enumerate(summary.beneficiaries, start=1)]
        sections.append({
            "type": "table",
            "caption": t_in(lang, "notice.beneficiaries"),
            "columns": [{"label": c_.label, "width": c_.width, "align": c_.align} for c_ in cols],
            "rows": rows,
            "total": t_in(lang, "notice.total_amount", households=households, people=people, amount=yuan(total_fen)),
        })
    project_name = project.name.strip()
    title = (title or t_in(lang, f"notice.title.{kind}", project=project_name if project_name.endswith("项目")
                           else f"{project_name}项目")).strip()
    content = {
        "v": CONTENT_VERSION,
        "kind": kind,
        "year": year,
        "paper": paper,
        "title": title,
        "place": {"village_code": village.code if village else "", "village": place_name, "township": township,
                  "county": village.county_name if village else "", "project_id": project.id},
        "intro": t_in(lang, f"notice.intro.{kind}"),
        "sections": sections,
        "closing": _closing(lang, start, end, township),
        "hotlines": _hotlines(lang, hotline),
        "period": {"start": start.isoformat(), "end": end.isoformat(), "days": _days(start, end)},
        "issuer": issuer,
        "seal": t_in(lang, "notice.seal"),
        "issue_date": format_date(start, lang),
        "signatures": [t_in(lang, "notice.sign.project"), t_in(lang, "notice.sign.director"),
                       t_in(lang, "notice.sign.task_force")],
        "counts": {"households": households, "people": people},
        "continued": t_in(lang, "notice.continued", title=title),
        "params": {"lang": lang, "stage": stage},
    }
    return NoticeDraft(kind=kind, year=year, title=title, period_start=start, period_end=end, issuer=issuer,
                       local_hotline=hotline, content=content, village_id=project.village_id, project_id=project.id)


# -- storing, issuing, freezing ----------------------------------------------------------------
def _get_notice(session: Session, notice_id: str) -> Notice:
    notice = session.get(Notice, notice_id)
    if notice is None or notice.deleted:
        c = Checker("notice")
        c.fail("id", "value.not_found")
        c.raise_if_any()
    assert notice is not None
    return notice


def save_draft(db: Database, draft: NoticeDraft) -> Notice:
    """Keep a prepared notice as a draft (editable until issued)."""
    require(db, "notice.issue")
    with write(db) as tx:
        notice = Notice(id=draft.id, kind=draft.kind, village_id=draft.village_id, project_id=draft.project_id,
                        year=draft.year, title=draft.title, status="draft", period_start=draft.period_start,
                        period_end=draft.period_end, issuer=draft.issuer, local_hotline=draft.local_hotline,
                        content=draft.content)
        tx.create(notice)
        return notice


_DRAFT_CHANGES = frozenset({"period_start", "period_end", "issuer", "local_hotline", "title", "paper", "include_id"})


def update_draft(db: Database, notice_id: str, changes: dict[str, Any]) -> Notice:
    """Change a draft's period, issuer, hotline, title or paper; its list is prepared afresh.

    An issued (or withdrawn) notice is frozen: any change is refused with ``notice.frozen``.
    """
    with db.read() as s:
        notice = _get_notice(s, notice_id)
    if notice.status != "draft":
        raise BangfuError("notice.frozen")
    extra = sorted(set(changes) - _DRAFT_CHANGES)
    if extra:
        c = Checker("notice")
        for name in extra:
            c.fail(name, "value.unknown_code", value=name[:20])
        c.raise_if_any()
    params = dict(notice.content.get("params", {}))
    opts: dict[str, Any] = {
        "period_start": changes.get("period_start", notice.period_start),
        "period_end": changes.get("period_end", notice.period_end if "period_start" not in changes else None),
        "issuer": changes.get("issuer", notice.issuer),
        "local_hotline": changes.get("local_hotline", notice.local_hotline),
        "title": changes.get("title", notice.title),
        "paper": changes.get("paper", notice.content.get("paper", "A4")),
        "lang": params.get("lang", PRINT_LANG),
    }
    if notice.project_id and notice.kind in PROJECT_STAGES.values():
        stage = params.get("stage") or ("plan" if notice.kind == "project_plan" else "completion")
        draft = prepare_project_notice(db, notice.project_id, stage, **opts)
    else:
        assert notice.village_id is not None
        draft = prepare_household_notice(db, notice.village_id, notice.kind, notice.year,
                                         include_id=changes.get("include_id", params.get("include_id", False)), **opts)
    with write(db) as tx:
        row = _get_notice(tx.session, notice_id)
        if row.status != "draft":  # issued meanwhile by someone else
            raise BangfuError("notice.frozen")
        tx.patch(row, {"title": draft.title, "period_start": draft.period_start, "period_end": draft.period_end,
                       "issuer": draft.issuer, "local_hotline": draft.local_hotline, "content": draft.content})
        return row


def draft_of(notice: Notice) -> NoticeDraft:
    """The stored notice as a draft object (for rendering a preview of a saved draft)."""
    return NoticeDraft(kind=notice.kind, year=notice.year, title=notice.title, period_start=notice.period_start,
                       period_end=notice.period_end, issuer=notice.issuer, local_hotline=notice.local_hotline,
                       content=notice.content, village_id=notice.village_id, project_id=notice.project_id, id=notice.id)


def _issue_in(tx: Any, db: Database, draft: NoticeDraft | str, pdf_sha256: str) -> Notice:
    if isinstance(draft, str):
        notice = _get_notice(tx.session, draft)
        if notice.status != "draft":
            raise BangfuError("notice.frozen")
        tx.patch(notice, {"status": "issued", "issued_at": utcnow(), "issued_by": db.actor.name,
                          "content_hash": content_hash(notice.content), "pdf_sha256": pdf_sha256})
        return notice
    if tx.session.get(Notice, draft.id) is not None:
        raise BangfuError("notice.frozen")
    notice = Notice(id=draft.id, kind=draft.kind, village_id=draft.village_id, project_id=draft.project_id,
                    year=draft.year, title=draft.title, status="issued", issued_at=utcnow(),
                    issued_by=db.actor.name, period_start=draft.period_start, period_end=draft.period_end,
                    issuer=draft.issuer, local_hotline=draft.local_hotline, content=draft.content,
                    content_hash=draft.content_hash, pdf_sha256=pdf_sha256)
    tx.create(notice)
    return notice


def issue(db: Database, draft: NoticeDraft | str, pdf_sha256: str = "") -> Notice:
    """Issue (freeze) a prepared draft or a saved draft's id: store content and content hash.

    ``pdf_sha256`` is the hash of the PDF printed from it (``app.reports.notices`` passes it).
    """
    require(db, "notice.issue")
    with write(db) as tx:
        return _issue_in(tx, db, draft, pdf_sha256)


def issue_many(db: Database, items: list[tuple[NoticeDraft | str, str]]) -> list[Notice]:
    """Issue several notices (a township batch) in one transaction: all or none."""
    require(db, "notice.issue")
    with write(db) as tx:
        return [_issue_in(tx, db, draft, sha) for draft, sha in items]


def withdraw(db: Database, notice_id: str, reason: str) -> Notice:
    """Withdraw an issued notice (an error found during the period); its content stays as issued."""
    require(db, "notice.issue")
    c = Checker("notice")
    c.text("withdrawn_reason", reason, 300, required=True)
    c.raise_if_any()
    with write(db) as tx:
        notice = _get_notice(tx.session, notice_id)
        if notice.status != "issued":
            raise BangfuError("notice.not_issued")
        tx.patch(notice, {"status": "withdrawn", "withdrawn_reason": reason.strip()}, reason.strip())
        return notice


def verify_notice(db: Database, notice_id: str, claimed_hash: str | None = None) -> Notice:
    """Check an issued notice: its stored content still hashes to the hash recorded on issue, and
    (when given, e.g. from a scanned QR code) the claimed hash is that same hash."""
    with db.read() as s:
        notice = _get_notice(s, notice_id)
    if notice.status == "draft":
        raise BangfuError("notice.not_issued")
    actual = content_hash(notice.content)
    if actual != notice.content_hash or (claimed_hash is not None and claimed_hash.lower() != notice.content_hash):
        raise BangfuError("notice.hash_mismatch")
    return notice


# -- after issue: photos and objections ---------------------------------------------------------
def attach_photo(db: Database, notice_id: str, data: bytes) -> str:
    """Attach a photo of the posted notice; returns its sha256 (stored once per content).

    The image is validated and downscaled by ``app.services.photos`` (Pillow, EXIF dropped, JPEG,
    long side ``photo_long_side``), like every other photo in the app.
    """
    from app.services import photos

    require(db, "notice.issue")
    prepared = photos.prepare_photo(data)
    with write(db) as tx:
        notice = _get_notice(tx.session, notice_id)
        if notice.status == "draft":
            raise BangfuError("notice.not_issued")
        digest = photos.store_in_tx(tx, prepared)
        if digest not in notice.photo_sha256s:
            photos.link_in_tx(tx, digest, "notice", notice.id, "posted_photo")
            tx.patch(notice, {"photo_sha256s": [*notice.photo_sha256s, digest]})
    return digest


def log_objection(db: Database, notice_id: str, received_on: date, channel: str, summary: str,
                  resolution: str = "") -> NoticeObjection:
    """Record an objection (异议) received about an issued notice (append-only)."""
    require(db, "notice.objection")
    c = Checker("notice_objection")
    c.day("received_on", received_on, required=True)
    c.code("channel", channel, "objection_channel", required=True)
    c.text("summary", summary, 1000, required=True)
    c.text("resolution", resolution, 1000)
    with write(db) as tx:
        notice = _get_notice(tx.session, notice_id)
        if notice.status == "draft":
            raise BangfuError("notice.not_issued")
        if c.ok("received_on") and received_on < notice.period_start:
            c.fail("received_on", "notice.objection_before")
        c.raise_if_any()
        row = NoticeObjection(notice_id=notice_id, received_on=received_on, channel=channel, summary=summary.strip(),
                              resolution=(resolution or "").strip(), author=db.actor.name)
        tx.append(row)
        return row


def resolve_objection(db: Database, objection_id: str, resolution: str, on: date) -> NoticeObjection:
    """Record how an objection was answered: a new row referring to it (objections are append-only)."""
    require(db, "notice.objection")
    c = Checker("notice_objection")
    c.text("resolution", resolution, 1000, required=True)
    c.day("received_on", on, required=True)
    with write(db) as tx:
        original = tx.session.get(NoticeObjection, objection_id)
        if original is None or original.deleted:
            c.fail("id", "value.not_found")
        c.raise_if_any()
        assert original is not None
        if on < original.received_on:
            c.fail("received_on", "value.range", low=original.received_on.isoformat(), high=date.today().isoformat())
            c.raise_if_any()
        row = NoticeObjection(notice_id=original.notice_id, received_on=on, channel=original.channel,
                              resolution=resolution.strip(), refers_to=original.id, author=db.actor.name)
        tx.append(row)
        return row


# -- the lifecycle requests the notice was posted for ------------------------------------------
@dataclass
class RequestsRecorded:
    recorded: list[str] = field(default_factory=list)  # request ids
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (request id, translated reason)


def record_on_requests(db: Database, notice_id: str, today: date | None = None) -> RequestsRecorded:
    """When the period is over (公示期满), record the 公示 step — period, objections received and
    this notice's id — on every open lifecycle request the household notice listed.

    Requests that cannot take the step (already submitted, no 民主评议 yet, …) are skipped with the
    reason the lifecycle service gives; the others are recorded, each in its own transaction.
    """
    from app.services import lifecycle

    with db.read() as s:
        notice = _get_notice(s, notice_id)
    if notice.status != "issued":
        raise BangfuError("notice.not_issued")
    if notice.kind not in HOUSEHOLD_KINDS or notice.village_id is None:
        raise BangfuError("notice.bad_kind", kind=notice.kind, choices="/".join(HOUSEHOLD_KINDS))
    if (today or date.today()) <= notice.period_end:
        raise BangfuError("notice.period_not_over", end=format_date(notice.period_end))
    objections = sum(1 for o in notice_detail(db, notice_id).objections)
    with db.read() as s:
        requests = s.exec(
            select(LifecycleRequest).join(Household, Household.id == LifecycleRequest.household_id).where(
                Household.village_id == notice.village_id, Household.deleted == False,  # noqa: E712
                LifecycleRequest.kind == HOUSEHOLD_KINDS[notice.kind], LifecycleRequest.year == notice.year,
                LifecycleRequest.deleted == False, LifecycleRequest.status != "rejected",  # noqa: E712
            ).order_by(LifecycleRequest.id)
        ).all()
    result = RequestsRecorded()
    for req in requests:
        if (req.steps or {}).get("notice", {}).get("notice_id") == notice_id:
            continue  # recorded before
        try:
            lifecycle.record_notice(db, req.id, notice.period_start, notice.period_end, objections=objections,
                                    notice_id=notice_id)
        except BangfuError as exc:
            result.skipped.append((req.id, str(exc)))
        else:
            result.recorded.append(req.id)
    return result


# -- history -----------------------------------------------------------------------------------
@dataclass
class ObjectionView:
    objection: NoticeObjection
    resolutions: list[NoticeObjection]
    late: bool

    @property
    def resolved(self) -> bool:
        return bool(self.objection.resolution) or bool(self.resolutions)


@dataclass
class NoticeDetail:
    notice: Notice
    objections: list[ObjectionView]

    @property
    def open_objections(self) -> int:
        return sum(1 for o in self.objections if not o.resolved)


def notice_history(db: Database, village_id: str | None = None, project_id: str | None = None,
                   kind: str | None = None, year: int | None = None) -> list[Notice]:
    """Notices (drafts, issued, withdrawn), newest period first."""
    with db.read() as s:
        query = select(Notice).where(Notice.deleted == False)  # noqa: E712
        if village_id is not None:
            query = query.where(Notice.village_id == village_id)
        if project_id is not None:
            query = query.where(Notice.project_id == project_id)
        if kind is not None:
            query = query.where(Notice.kind == kind)
        if year is not None:
            query = query.where(Notice.year == year)
        return list(s.exec(query.order_by(Notice.period_start.desc(), Notice.id.desc())))  # type: ignore[attr-defined]


def notice_detail(db: Database, notice_id: str) -> NoticeDetail:
    with db.read() as s:
        notice = _get_notice(s, notice_id)
        rows = list(s.exec(select(NoticeObjection).where(
            NoticeObjection.notice_id == notice_id, NoticeObjection.deleted == False  # noqa: E712
        ).order_by(NoticeObjection.received_on, NoticeObjection.id)))
    followups: dict[str, list[NoticeObjection]] = {}
    for row in rows:
        if row.refers_to:
            followups.setdefault(row.refers_to, []).append(row)
    views = [ObjectionView(r, followups.get(r.id, []), r.received_on > notice.period_end)
             for r in rows if not r.refers_to]
    return NoticeDetail(notice, views)


__all__ = [
    "HOUSEHOLD_KINDS", "PROJECT_STAGES", "QR_PREFIX", "NoticeDetail", "NoticeDraft", "ObjectionView", "attach_photo",
    "content_hash", "draft_of", "households_in_scope", "issue", "issue_many", "log_objection", "notice_detail",
    "notice_history", "parse_qr_payload", "prepare_household_notice", "prepare_project_notice", "qr_payload",
    "RequestsRecorded", "record_on_requests", "resolve_objection", "save_draft", "update_draft", "verify_notice", "village_by_code", "withdraw", "yuan",
]
