"""Field labels (what a person calls each field) and the core's store/service messages.

Labels are catalogue entries ``field.<entity>.<name>`` so errors can say *which* field is wrong
in the reader's language; an unknown field falls back to its code name.
"""

from __future__ import annotations

from app.i18n import MESSAGES, register, t

_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "village": {
        "code": ("行政区划代码", "division code"), "name": ("村名", "village name"),
        "township_name": ("乡镇", "township"), "county_name": ("县", "county"), "groups": ("村民小组数", "number of groups"),
    },
    "household": {
        "village_id": ("所在村", "village"), "group_no": ("组", "group"), "hh_number": ("户编号", "household number"),
        "address": ("住址", "address"), "phone": ("联系电话", "phone"), "bank_name": ("开户银行", "bank"),
        "bank_account": ("银行账号", "bank account"), "id_standard": ("识别标准", "identification standard"),
        "household_attr": ("贫困户属性", "household type"), "main_cause": ("主要致贫原因", "main cause of poverty"),
        "other_causes": ("其他致贫原因", "other causes of poverty"), "military_family": ("军烈属", "military family"),
        "only_child": ("独生子女户", "one-child household"), "two_daughters": ("双女户", "two-daughter household"),
        "relocated": ("易地搬迁户", "relocated household"), "identified_year": ("识别年度", "year identified"),
        "planned_exit_year": ("计划脱贫年度", "planned exit year"), "exit_year": ("脱贫年度", "exit year"),
        "return_year": ("返贫年度", "year returned to poverty"), "exit_status": ("脱贫属性", "poverty status"),
        "size": ("家庭人口", "household size"), "head_name": ("户主姓名", "head of household"),
        "members": ("家庭成员", "members"),
    },
    "member": {
        "name": ("姓名", "name"), "sex": ("性别", "sex"), "id_type": ("证件类型", "ID type"),
        "id_number": ("证件号码", "ID number"), "birth_date": ("出生日期", "date of birth"),
        "relation": ("与户主关系", "relation to head"), "ethnicity": ("民族", "ethnicity"),
        "political": ("政治面貌", "political status"), "education": ("文化程度", "education"),
        "school_status": ("在校生状况", "schooling"), "health": ("健康状况", "health"),
        "disability_type": ("残疾类别", "disability type"), "disability_grade": ("残疾等级", "disability grade"),
        "labour_skill": ("劳动技能", "labour ability"), "work_status": ("务工状况", "employment"),
        "work_months": ("务工时间（月）", "months of work"), "work_employer": ("务工单位", "employer"),
        "med_insurance": ("城乡居民基本医疗保险", "basic medical insurance"),
        "serious_illness_insurance": ("大病保险", "serious-illness insurance"),
        "pension_insurance": ("城乡居民基本养老保险", "basic pension insurance"),
        "dibao": ("低保人口", "minimum-living-allowance recipient"), "tekun": ("特困供养", "extreme-poverty support"),
        "residence_months": ("年居住时间（月）", "months lived at home"), "change_reason": ("变更原因", "reason for change"),
        "change_date": ("变更日期", "date of change"),
    },
    "income": {
        "year": ("年度", "year"), "wage_fen": ("工资性收入", "wage income"), "business_fen": ("生产经营性收入", "business income"),
        "property_fen": ("财产性收入", "property income"),
        "transfer_family_planning_fen": ("计划生育金", "family-planning payment"),
        "transfer_dibao_fen": ("低保金", "minimum living allowance"), "transfer_tekun_fen": ("特困供养金", "extreme-poverty support"),
        "transfer_pension_fen": ("养老保险金", "pension"), "transfer_eco_fen": ("生态补偿金", "ecological compensation"),
        "transfer_other_fen": ("其他转移性收入", "other transfers"), "business_expense_fen": ("生产经营性支出", "business expenses"),
    },
    "conditions": {
        "farmland_mu": ("耕地面积（亩）", "farmland (mu)"), "irrigated_mu": ("有效灌溉面积（亩）", "irrigated land (mu)"),
        "forest_mu": ("林地面积（亩）", "forest (mu)"), "returned_forest_mu": ("退耕还林面积（亩）", "farmland returned to forest (mu)"),
        "orchard_mu": ("林果面积（亩）", "orchards (mu)"), "pasture_mu": ("牧草地面积（亩）", "pasture (mu)"),
        "water_surface_mu": ("水面面积（亩）", "water surface (mu)"), "house_area_m2": ("住房面积（平方米）", "house area (m²)"),
        "house_structure": ("住房结构", "house structure"), "house_built_year": ("建房年份", "year built"),
        "house_dangerous": ("是否危房", "dilapidated house"), "house_danger_level": ("危房等级", "danger rating"),
        "water_difficulty": ("饮水困难", "drinking-water difficulty"), "water_safe": ("饮水安全", "safe drinking water"),
        "power_living": ("通生活用电", "household electricity"), "power_production": ("通生产用电", "production electricity"),
        "radio_tv": ("通广播电视", "radio and TV"), "distance_to_road_km": ("距村主干路距离（公里）", "distance to main road (km)"),
        "road_type": ("入户路类型", "access road"), "fuel_type": ("主要燃料", "main fuel"),
        "sanitary_toilet": ("卫生厕所", "sanitary toilet"), "in_cooperative": ("加入合作社", "cooperative member"),
        "led_by_enterprise": ("龙头企业带动", "linked to a leading enterprise"),
    },
    "helper_assignment": {
        "name": ("帮扶责任人", "helper"), "unit": ("帮扶单位", "helper's unit"), "unit_level": ("单位级别", "unit level"),
        "post": ("职务", "post"), "phone": ("联系电话", "phone"), "start_date": ("开始日期", "start date"),
        "end_date": ("结束日期", "end date"), "visit_every_days": ("走访周期（天）", "visit every (days)"),
    },
    "user": {
        "name": ("用户名", "user name"), "passphrase": ("口令", "passphrase"), "role": ("角色", "role"),
    },
}

_CORE_MESSAGES: dict[str, tuple[str, str]] = {
    "error.field": ("{field}：{message}", "{field}: {message}"),
    "error.validation": ("有 {count} 处填写有误，未保存任何内容", "{count} problem(s) found; nothing was saved"),
    "value.required": ("必须填写", "is required"),
    "value.unknown_code": ("“{value}”不是有效选项", "'{value}' is not a valid choice"),
    "value.not_integer": ("应为整数", "must be a whole number"),
    "value.not_number": ("应为数字", "must be a number"),
    "value.negative": ("不能为负数", "must not be negative"),
    "value.range": ("应在 {low} 到 {high} 之间", "must be between {low} and {high}"),
    "value.too_long": ("最多 {max} 个字符", "at most {max} characters"),
    "value.bad_date": ("日期无效", "is not a valid date"),
    "value.future_date": ("不能晚于今天", "must not be in the future"),
    "value.money": ("金额格式无效（最多两位小数）", "is not a valid amount (at most two decimals)"),
    "value.phone": ("电话号码格式无效", "is not a valid phone number"),
    "value.division_code": ("应为12位数字的行政区划代码", "must be a 12-digit division code"),
    "value.too_many": ("最多选择 {max} 项", "choose at most {max}"),
    "value.duplicate": ("与“{other}”重复", "duplicates '{other}'"),
    "value.not_found": ("找不到该记录", "no such record"),
    "member.two_heads": ("一户只能有一位户主", "a household has exactly one head"),
    "member.no_head": ("每户必须有一位户主", "every household needs a head"),
    "member.head_remove": ("不能移除户主，请先变更户主", "the head cannot be removed; change the head first"),
    "member.reason_direction": ("该原因不适用于此变更", "this reason does not fit this change"),
    "household.identify_via_request": ("识别为贫困户（或撤销识别）须经动态管理申请审定，不能直接修改识别年度",
                                       "identifying a household (or undoing it) needs an approved lifecycle request; "
                                       "the year of identification cannot be set or cleared directly"),
    "member.id_in_use": ("该证件号码已登记在另一户", "this ID number is already registered in another household"),
    "member.id_sex": ("性别与证件号码不一致", "does not match the sex encoded in the ID number"),
    "member.id_birth": ("出生日期与证件号码不一致", "does not match the birth date in the ID number"),
    "member.inactive": ("该成员已移出本户", "this member has already left the household"),
    "store.missing": ("找不到数据库文件 {path}", "Database file {path} not found"),
    "store.exists": ("数据库 {path} 已存在，未做任何改动", "Database {path} already exists; nothing was changed"),
    "store.no_keys": ("找不到密钥文件 {path}，无法解锁数据库", "Key file {path} not found; the database cannot be unlocked"),
    "store.keys_damaged": ("密钥文件 {path} 已损坏", "Key file {path} is damaged"),
    "store.wrong_passphrase": ("用户“{name}”的口令不正确，数据库未被改动", "Wrong passphrase for user '{name}'; nothing was changed"),
    "store.damaged": (
        "数据库文件 {path} 已损坏（校验失败），未做任何改动。请用“恢复备份”功能恢复最近的备份。",
        "Database file {path} is damaged (verification failed); nothing was changed. Restore the latest backup.",
    ),
    "store.backup_bad": ("备份文件 {path} 无法打开或已损坏", "Backup {path} cannot be opened or is damaged"),
    "store.restored": ("已从备份 {path} 恢复", "Restored from backup {path}"),
    "user.exists": ("用户“{name}”已存在", "User '{name}' already exists"),
    "user.unknown": ("没有用户“{name}”", "There is no user '{name}'"),
    "user.last": ("不能删除最后一位用户", "The last user cannot be removed"),
    "user.name_required": ("用户名不能为空", "The user name is empty"),
    "user.passphrase_short": ("口令至少需要 {min} 个字符", "The passphrase needs at least {min} characters"),
    "user.not_allowed": ("当前角色无权执行此操作", "Your role does not allow this"),
    "cli.description": (
        "帮扶通：驻村工作队建档立卡、走访帮扶、脱贫管理与县级同步（不带参数运行即启动桌面程序）",
        "Bangfu: registry, visits, assistance and exit management for village task forces, with county sync "
        "(run without arguments to start the desktop app)",
    ),
    "cli.help_db": ("数据库文件路径（默认在用户数据目录）", "database file (default: the user data directory)"),
    "cli.help_user": ("用户名（或环境变量 BANGFU_USER）", "user name (or BANGFU_USER)"),
    "cli.help_lang": ("界面语言：zh_CN 或 en", "language: zh_CN or en"),
    "cli.help_self_test": ("自检：临时加密库、演示数据、搜索、公示PDF", "self-test: temporary encrypted database, demo data, search, notice PDF"),
    "cli.prompt_user": ("用户名：", "User name: "),
    "cli.prompt_passphrase": ("口令：", "Passphrase: "),
    "cli.prompt_passphrase_again": ("再次输入口令：", "Passphrase again: "),
    "cli.passphrase_mismatch": ("两次输入的口令不一致", "The two passphrases differ"),
    "cli.error": ("错误：{message}", "Error: {message}"),
    "cli.no_gui": ("此安装不含桌面程序，请使用子命令（bangfu --help）",
                   "This installation has no desktop app: use a subcommand (bangfu --help)"),
    "user.bad_role": ("未知角色“{role}”", "Unknown role '{role}'"),
}


def _register() -> None:
    entries: dict[str, tuple[str, str]] = dict(_CORE_MESSAGES)
    for entity, fields in _LABELS.items():
        for name, pair in fields.items():
            entries[f"field.{entity}.{name}"] = pair
    register(entries)


_register()


def field_label(entity: str, name: str) -> str:
    """What the reader calls ``entity.name`` in the current language (falls back to ``name``)."""
    code = f"field.{entity}.{name}"
    if entity and code in MESSAGES:
        return t(code)
    owner = next((e for e, fields in _LABELS.items() if name in fields), None)
    return t(f"field.{owner}.{name}") if owner else name
