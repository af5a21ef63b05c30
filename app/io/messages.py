"""Message codes of the import/export area (Simplified Chinese first, English second).

Parameters are positions, column headers, counts and code labels — never names, ID numbers or
bank accounts, because these messages reach logs and the console.
"""

from __future__ import annotations

from app.i18n import register

MESSAGES: dict[str, tuple[str, str]] = {
    "import.location": ("工作表“{sheet}”第 {row} 行 {column} 列（{header}）", "sheet '{sheet}' row {row} column {column} ({header})"),
    "import.location_row": ("工作表“{sheet}”第 {row} 行", "sheet '{sheet}' row {row}"),
    "import.location_sheet": ("工作表“{sheet}”", "sheet '{sheet}'"),
    "import.location_file": ("文件", "file"),
    "import.error": ("错误", "error"),
    "import.warning": ("提示", "warning"),
    "import.file_unreadable": ("无法读取文件 {name}：不是有效的 Excel（.xlsx）文件", "Cannot read {name}: not a valid Excel (.xlsx) file"),
    "import.xls_unsupported": ("不支持旧版 .xls 文件：请在 Excel 中“另存为” .xlsx 后再导入",
                               "Old .xls files are not supported: save the file as .xlsx in Excel and import that"),
    "import.no_header": ("文件中找不到表头行（需要“户编号”“姓名”“证件号码”等列）",
                         "No header row found (the file needs columns such as household number, name and ID number)"),
    "import.sheet_skipped": ("该工作表没有可识别的表头，已跳过", "this sheet has no recognisable header row and was skipped"),
    "import.missing_column": ("缺少必需的列“{column}”", "required column '{column}' is missing"),
    "import.missing_place": ("缺少村庄信息：需要“村”“乡(镇)”“县”列或“行政区划代码”列（或在命令中指定 --village）",
                             "no village information: the file needs village, township and county columns or a "
                             "division code column (or give --village)"),
    "import.unknown_column": ("未识别的列“{header}”，已忽略", "unknown column '{header}' was ignored"),
    "import.duplicate_column": ("列“{header}”与 {other} 列表示同一项，只能出现一次",
                                "column '{header}' means the same as column {other}; it may appear only once"),
    "import.empty": ("文件中没有数据行", "the file has no data rows"),
    "import.row_skipped": ("该行没有户编号、姓名和证件号码，已跳过（如为表尾说明可忽略）",
                           "this row has no household number, name or ID number and was skipped (fine for notes "
                           "below the table)"),
    "import.id_numeric": (
        "证件号码被 Excel 存成了数字（末几位可能已丢失或变成科学计数法），无法可靠还原；请把该列设为“文本”格式后重新录入",
        "Excel stored this ID number as a number (trailing digits may be lost or shown in scientific notation), so it "
        "cannot be recovered reliably; format the column as text and enter the numbers again",
    ),
    "import.number_precision": ("该数字超过 15 位，Excel 已丢失末几位；请把该列设为“文本”格式后重新录入",
                                "this number has more than 15 digits and Excel has lost the last ones; format the "
                                "column as text and enter it again"),
    "import.bool": ("应填“是”或“否”", "must be yes or no"),
    "import.household_conflict": ("同一户在第 {other_row} 行填写的值不同", "differs from row {other_row} of the same household"),
    "import.no_head": ("该户没有户主（与户主关系为“户主”的成员）", "this household has no head of household"),
    "import.two_heads": ("该户有 {count} 位户主，只能有一位", "this household has {count} heads; it must have exactly one"),
    "import.person_two_households": ("同一人出现在两户中：该证件号码也在第 {other_row} 行（户编号不同）",
                                     "the same person is in two households: this ID number is also on row {other_row} "
                                     "(another household number)"),
    "import.duplicate_person": ("该证件号码在本户中重复（第 {other_row} 行）",
                                "this ID number appears twice in the household (row {other_row})"),
    "import.person_elsewhere": ("该证件号码已登记在本库另一户中；成员迁移须先在原户办理迁出",
                                "this ID number is already registered in another household; move the member out "
                                "of that household first"),
    "import.member_inactive": ("该成员已从本户迁出（本库记录），不能通过导入恢复",
                               "this member has left the household according to the registry; an import cannot "
                               "bring them back"),
    "import.village_unknown": ("本库中找不到村“{village}”（{township}，{county}）；请先建村，或在表中加入“行政区划代码”列",
                               "village '{village}' ({township}, {county}) is not in this database; create it first "
                               "or add a division code column"),
    "import.village_ambiguous": ("村“{village}”在本库中有多个同名村，请在表中加入“行政区划代码”列",
                                 "several villages are called '{village}'; add a division code column"),
    "import.village_names_needed": ("新建村需要填写“村”“乡(镇)”“县”", "creating a village needs the village, township and county names"),
    "import.village_not_given": ("村“{village}”与指定的村不一致", "village '{village}' does not match the village given"),
    "import.village_moved": ("该户编号在本库中属于另一个村", "this household number belongs to another village in the database"),
    "import.village_names_differ": ("行政区划代码对应的村在本库中名为“{name}”，与表中不同（已按代码导入）",
                                    "the division code belongs to '{name}' in the database, a different name (imported "
                                    "by code)"),
    "import.hh_ambiguous": ("该户编号在本库中对应多户，无法确定更新哪一户",
                            "several households in the database have this household number"),
    "import.year_missing": ("填写了人均纯收入但没有年度：请加“年度”列或在命令中指定 --year",
                            "per-capita income given without a year: add a year column or give --year"),
    "import.status_change": ("该户的脱贫属性与本库不同（本库为“{current}”）；状态变更须走动态管理审批，导入不会修改",
                             "the poverty status differs from the database ('{current}'); status changes go through "
                             "the lifecycle approval, not an import"),
    "import.members_not_in_file": ("本库中该户另有 {count} 名成员不在文件中，未作更改（迁出须注明原因）",
                                   "{count} other member(s) of this household in the database are not in the file; "
                                   "they were left unchanged (moving out needs a reason)"),
    "import.danger_conflict": ("危房等级为 C/D 时“是否危房”应为“是”", "a C or D rating means the house must be marked dilapidated"),
    "import.refused": ("发现 {count} 处错误，未导入任何内容", "{count} error(s) found; nothing was imported"),
    "import.done": ("导入完成：新建 {villages} 个村、{households} 户、{members} 人；修改 {patched} 条记录",
                    "Import done: {villages} village(s), {households} household(s) and {members} member(s) created; "
                    "{patched} record(s) changed"),
    "import.preview": ("预览：将新建 {villages} 个村、{households} 户、{members} 人，修改 {patched} 条记录（尚未写入）",
                       "Preview: would create {villages} village(s), {households} household(s) and {members} "
                       "member(s) and change {patched} record(s) (nothing written yet)"),
    "import.nothing": ("文件内容与本库一致，未做任何更改", "the file matches the database; nothing was changed"),
    "import.template_written": ("已写入空白模板 {path}", "empty template written to {path}"),
    "io.cli.import_help": ("从 Excel 导入建档立卡名单（全国系统人员明细导出格式）",
                        "import a registry spreadsheet (the national system's person-level export)"),
    "io.cli.import_file": ("要导入的 .xlsx 文件", "the .xlsx file to import"),
    "io.cli.import_dry_run": ("只检查并预览，不写入", "check and preview only; write nothing"),
    "io.cli.import_year": ("人均纯收入所属年度（表中无“年度”列时）", "year of the per-capita income (when the file has no year column)"),
    "io.cli.import_template": ("写出空白导入模板到该文件", "write an empty import template to this file"),
    "io.cli.import_village": ("所有行都导入到该村（12位行政区划代码）", "import every row into this village (12-digit division code)"),
    "io.cli.import_json": ("以 JSON 输出问题清单", "print the problems as JSON"),
    "io.cli.export_help": ("导出户、成员、收入、帮扶措施或走访记录到 Excel/CSV",
                        "export households, members, incomes, measures or visits to Excel/CSV"),
    "io.cli.export_what": ("导出内容", "what to export"),
    "io.cli.export_out": ("输出文件（.xlsx 或 .csv）", "output file (.xlsx or .csv)"),
    "io.cli.export_village": ("只导出该村（12位代码）", "only this village (12-digit code)"),
    "io.cli.export_township": ("只导出该乡镇（9位代码）", "only this township (9-digit code)"),
    "io.cli.export_status": ("只导出该脱贫属性（代码或名称）", "only this poverty status (code or label)"),
    "io.cli.export_year": ("收入年度（默认：全部年度）", "income year (default: all years)"),
    "io.cli.export_sensitive": ("包含完整证件号码和银行账号（会记入审计日志）",
                             "include full ID numbers and bank accounts (recorded in the audit trail)"),
    "export.done": ("已导出 {count} 行到 {path}", "{count} row(s) exported to {path}"),
    "export.bad_format": ("只支持 .xlsx 或 .csv 文件", "only .xlsx or .csv files are supported"),
    "export.bad_status": ("未知的脱贫属性“{value}”", "unknown poverty status '{value}'"),
    "export.bad_place": ("找不到代码为 {place} 的村或乡镇", "no village or township with code {place}"),
}

register(MESSAGES)
