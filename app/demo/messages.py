"""Message codes of the demo generator and the ``bangfu demo`` command (zh, en)."""

from __future__ import annotations

from app.i18n import register

register({
    "demo.bad_scenario": ("未知的演示场景：{name}（可选：{choices}）", "Unknown demo scenario {name} (choose from {choices})"),
    "demo.bad_households": ("演示户数应在 {low} 到 {high} 之间", "The number of demo households must be between {low} and {high}"),
    "demo.real_data": (
        "该数据库已有真实农户数据，不能加入演示数据",
        "This database holds real household data; demo data cannot be added to it",
    ),
    "demo.exists": (
        "该数据库已有演示数据；如要重新生成请使用 --replace",
        "This database already holds demo data; use --replace to generate it again",
    ),
    "demo.cancelled": ("已取消生成演示数据，数据库未改变", "Demo generation cancelled; the database is unchanged"),
    "cmd.demo": ("生成演示县数据（虚构，可重复生成）", "generate a fictional demo county (reproducible by seed)"),
    "cmd.demo.households": ("农户数", "number of households"),
    "cmd.demo.seed": ("随机种子（相同种子生成相同数据）", "random seed (the same seed gives the same data)"),
    "cmd.demo.scenario": ("场景：{choices}", "scenario: {choices}"),
    "cmd.demo.replace": ("替换已有的演示数据", "replace existing demo data"),
    "cmd.demo.notice": (
        "注意：这是演示数据库，使用公开的默认口令“{passphrase}”（用户“{user}”），请勿录入真实数据。",
        "Note: this is a demo database with the well-known passphrase '{passphrase}' (user '{user}'); "
        "do not enter real data.",
    ),
    "cmd.demo.progress": ("已生成 {done}/{total} 户", "{done}/{total} households generated"),
    "cmd.demo.done": (
        "已生成演示数据：{townships} 个乡镇、{villages} 个村、{households} 户、{members} 人，用时 {seconds} 秒",
        "Demo data generated: {townships} townships, {villages} villages, {households} households, "
        "{members} people in {seconds} s",
    ),
})
