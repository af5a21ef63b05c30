"""Messages of the sync client and the offline bundle (zh, en). No personal data in any template."""

from app.i18n import register

register({
    # bundles
    "bundle.invalid": ("这不是有效的帮扶通同步包文件，或文件已损坏", "This is not a valid Bangfu sync bundle, or the file is damaged"),
    "bundle.bad_signature": ("同步包签名无效：文件被改动过，或不是由对方生成的",
                             "The bundle's signature is invalid: the file was altered or not made by the sender"),
    "bundle.wrong_kind": ("同步包类型不符（例如把上传包当作回传包导入）",
                          "Wrong kind of bundle (e.g. a push bundle imported as a return bundle)"),
    "bundle.wrong_recipient": ("这个同步包不是发给本设备（或本服务器）的", "This bundle is addressed to another device or server"),
    "bundle.cannot_decrypt": ("同步包无法解密", "The bundle cannot be decrypted"),
    "bundle.bad_attachment": ("回传包中的附件与其校验值不符，整个回传包未导入",
                              "An attachment in the return bundle does not match its checksum; nothing was imported"),
    "bundle.unknown_device": ("同步包来自未登记或已停用的设备", "The bundle comes from an unknown or revoked device"),
    # client
    "sync.scope_removed": ("本机已不再负责村 {villages}：已从本机删除这些村的 {rows} 条记录（县服务器上的数据不受影响）",
                           "This laptop is no longer enrolled for village(s) {villages}: their {rows} records were removed "
                           "from this laptop (the county server keeps them)"),
    "sync.scope_kept": ("本机已不再负责村 {villages}，但这些村还有未发送的修改（或照片），数据暂时保留在本机；"
                        "修改发送（或在隔离区放弃）后才删除",
                        "This laptop is no longer enrolled for village(s) {villages}, but they still have unsent changes "
                        "(or photos): their records stay on this laptop until the changes are sent (or discarded from "
                        "the quarantine)"),
    "sync.reenroll_unsent": ("未重新登记：本机还有未发送的修改，必须先发送到县服务器，但现在连不上。本机数据没有删除；"
                             "请在能连上服务器时再试",
                             "Not re-enrolled: this laptop's unsent changes must reach the county server first, but it "
                             "cannot be reached. Nothing was removed; try again when the server can be reached"),
    "sync.not_enrolled": ("本机尚未在县服务器登记，请先用登记码登记（bangfu sync enroll）",
                          "This laptop is not enrolled with the county server yet: enroll with a code first (bangfu sync enroll)"),
    "sync.no_server": ("没有设置县服务器地址", "No county server address is set"),
    "sync.unauthorized": ("县服务器拒绝了本机的凭据，请重新登记", "The county server refused this laptop's credentials: enroll again"),
    "sync.revoked": ("本机已被县管理员停用，不能同步", "This laptop has been revoked by the county administrator and cannot sync"),
    "sync.enroll_refused": ("登记码无效、已过期或已被使用", "The enrollment code is invalid, expired or already used"),
    "sync.network": ("无法连接县服务器（已重试 {attempts} 次），数据都保存在本机，有网络时会继续同步",
                     "Cannot reach the county server (tried {attempts} times); everything is kept on this laptop and will sync when the network is back"),
    "sync.server_error": ("县服务器出错（状态 {status}），请稍后再试", "The county server failed (status {status}); try again later"),
    "sync.bad_page": ("下载的数据校验失败，已丢弃，将重新下载", "Downloaded data failed its checksum and was discarded; it will be fetched again"),
    "sync.protocol": ("县服务器的回答无法识别（{what}）", "The county server's answer was not understood ({what})"),
    "sync.batch_reused": ("同步批次编号冲突，请联系县管理员", "Sync batch id clash: contact the county administrator"),
    "sync.cancelled": ("同步已取消，已完成的部分已保存", "Sync cancelled; what was finished is kept"),
    "sync.clock_skew": ("本机时间与县服务器相差约 {minutes} 分钟，请校准电脑时间",
                        "This laptop's clock is about {minutes} minutes off the county server's: please set the time"),
    "sync.conflict_unknown": ("找不到这条冲突记录", "No such conflict"),
    "sync.quarantine_unknown": ("找不到这条被退回的修改", "No such rejected change"),
    "sync.attachment_mismatch": ("附件上传后校验不符，将重新上传", "An uploaded attachment failed its check and will be uploaded again"),
    "sync.too_large": ("提交的数据太大，县服务器拒收", "The data sent is too large for the county server"),
    "sync.busy": ("正在同步，请稍候", "A sync is already running"),
    # why the county refused a change (quarantine list)
    "sync.reject.unknown_entity": ("县服务器不认识这类记录（软件版本不一致？）", "The county server does not know this kind of record (version mismatch?)"),
    "sync.reject.bad_kind": ("这类记录不能这样修改", "This kind of record cannot be changed this way"),
    "sync.reject.unknown_field": ("修改中含有县服务器不认识的字段", "The change contains a field the county server does not know"),
    "sync.reject.invalid": ("数据不符合要求：{field}", "The data is not valid: {field}"),
    "sync.reject.out_of_scope": ("本机无权修改其他村的数据", "This laptop may not change another village's data"),
    "sync.reject.missing_parent": ("所属的户或村在县服务器上不存在（可能已被退回）",
                                   "The household or village it belongs to is not on the county server (maybe rejected too)"),
    "sync.reject.not_found": ("要修改的记录在县服务器上不存在", "The record to change does not exist on the county server"),
    "sync.reject.exists": ("县服务器上已有相同编号的记录", "The county server already has a record with this id"),
    "sync.reject.deleted": ("这条记录已在县服务器上删除", "This record was deleted on the county server"),
    "sync.reject.append_only": ("走访、帮扶措施等记录只能新增，不能修改", "Visits, measures and events can only be added, not changed"),
    "sync.reject.scope_change": ("不能把记录移到其他户或其他村", "A record cannot be moved to another household or village"),
    "sync.reject.forbidden_role": ("您的角色无权做这项修改（例如县级审定）", "Your role may not make this change (e.g. county approval)"),
    "sync.reject.op_id_reused": ("同一修改编号的内容不一致，已拒收", "The same change id arrived with different content and was refused"),
})
