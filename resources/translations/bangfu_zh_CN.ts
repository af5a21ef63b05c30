<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>App</name>
        <message>
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsTab</name>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Belongs to</source>
            <translation>所属</translation>
        </message>
        <message>
            <source>File type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Pixels</source>
            <translation>像素</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>添加时间</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>No photos or scanned sheets attached yet.</source>
            <translation>尚无照片或扫描件。</translation>
        </message>
    </context>
    <context>
        <name>BasicTab</name>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>撤销修改(&amp;R)</translation>
        </message>
        <message>
            <source>Save the changes on this page (Ctrl+S)</source>
            <translation>保存本页的修改（Ctrl+S）</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>没有需要保存的修改。</translation>
        </message>
    </context>
    <context>
        <name>CardTab</name>
        <message>
            <source>Not saved: {kind}</source>
            <translation>未保存：{kind}</translation>
        </message>
    </context>
    <context>
        <name>ConditionsTab</name>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>撤销修改(&amp;R)</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>没有需要保存的修改。</translation>
        </message>
    </context>
    <context>
        <name>Entities</name>
        <message>
            <source>Household</source>
            <translation>户</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <source>Income</source>
            <translation>收入</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>生产生活条件</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>帮扶责任人</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>走访</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>帮扶措施</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>申请</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Bangfu</source>
            <translation>欢迎使用帮扶通</translation>
        </message>
        <message>
            <source>No database was found on this computer. Create a new encrypted database for your task force, or open the demo county to look around and practise.</source>
            <translation>本机尚无数据库。请为工作队新建一个加密数据库，或打开演示县数据先熟悉和练习。</translation>
        </message>
        <message>
            <source>Create a new database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Encrypted with your passphrase. You become its first user; colleagues can be added later.</source>
            <translation>用您的口令加密。您是第一位用户，以后可以添加同事。</translation>
        </message>
        <message>
            <source>Open the demo county</source>
            <translation>打开演示县数据</translation>
        </message>
        <message>
            <source>Invented households for training. Kept apart from real data; nothing in it is real.</source>
            <translation>培训用的虚构农户，与正式数据分开存放，其中没有任何真实信息。</translation>
        </message>
        <message>
            <source>&amp;Your name</source>
            <translation>您的姓名(&amp;Y)</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>角色(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>口令(&amp;P)</translation>
        </message>
        <message>
            <source>Passphrase &amp;again</source>
            <translation>再次输入口令(&amp;A)</translation>
        </message>
        <message>
            <source>Database file</source>
            <translation>数据库文件</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>返回(&amp;B)</translation>
        </message>
        <message>
            <source>Creating…</source>
            <translation>正在创建…</translation>
        </message>
        <message>
            <source>&amp;Create database</source>
            <translation>创建数据库(&amp;C)</translation>
        </message>
        <message>
            <source>Enter your name as colleagues know it.</source>
            <translation>请填写同事们熟悉的姓名。</translation>
        </message>
        <message>
            <source>At least {n} characters.</source>
            <translation>至少 {n} 个字符。</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>两次输入的口令不一致。</translation>
        </message>
        <message>
            <source>Preparing the demo county…</source>
            <translation>正在准备演示县数据…</translation>
        </message>
        <message>
            <source>Something went wrong: {kind}</source>
            <translation>出现问题：{kind}</translation>
        </message>
    </context>
    <context>
        <name>HeadDialog</name>
        <message>
            <source>Former head's new relation</source>
            <translation>原户主的新关系</translation>
        </message>
        <message>
            <source>Change the head of household</source>
            <translation>变更户主</translation>
        </message>
        <message>
            <source>{name} becomes the head of household.</source>
            <translation>{name} 将成为户主。</translation>
        </message>
    </context>
    <context>
        <name>HelperDialog</name>
        <message>
            <source>New helper</source>
            <translation>更换帮扶责任人</translation>
        </message>
    </context>
    <context>
        <name>HelpersTab</name>
        <message>
            <source>current</source>
            <translation>至今</translation>
        </message>
        <message>
            <source>&amp;Change helper…</source>
            <translation>更换帮扶责任人(&amp;C)…</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <source>created</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>What</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变更内容</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Change history</source>
            <translation>变更记录</translation>
        </message>
        <message>
            <source>No changes recorded.</source>
            <translation>暂无变更记录。</translation>
        </message>
    </context>
    <context>
        <name>HouseholdCard</name>
        <message>
            <source>Basic data</source>
            <extracomment>the card's data arrived (after opening or after a save)</extracomment>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>家庭成员</translation>
        </message>
        <message>
            <source>Income</source>
            <translation>收入</translation>
        </message>
        <message>
            <source>Living conditions</source>
            <translation>生产生活条件</translation>
        </message>
        <message>
            <source>Helpers</source>
            <translation>帮扶责任人</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>帮扶措施</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>走访记录</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>动态管理</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Change history</source>
            <translation>变更记录</translation>
        </message>
        <message>
            <source>The household could not be loaded: {reason}</source>
            <translation>无法读取该户信息：{reason}</translation>
        </message>
        <message>
            <source>{head} household</source>
            <translation>{head}户</translation>
        </message>
        <message>
            <source>Household no. {number}</source>
            <translation>户编号 {number}</translation>
        </message>
        <message>
            <source>{place}, group {group}</source>
            <translation>{place}{group}组</translation>
        </message>
        <message>
            <source>{n} members</source>
            <translation>{n}人</translation>
        </message>
        <message>
            <source>main cause: {cause}</source>
            <translation>主要致贫原因：{cause}</translation>
        </message>
        <message>
            <source>per capita {year}: {amount}</source>
            <translation>{year}年人均纯收入：{amount}</translation>
        </message>
        <message>
            <source>helper: {name}</source>
            <translation>帮扶责任人：{name}</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
    </context>
    <context>
        <name>HouseholdListModel</name>
        <message>
            <source>Household no.</source>
            <translation>户编号</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>户主</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>组</translation>
        </message>
        <message>
            <source>Household size</source>
            <translation>家庭人口</translation>
        </message>
        <message>
            <source>Household type</source>
            <translation>贫困户属性</translation>
        </message>
        <message>
            <source>Main cause</source>
            <translation>主要致贫原因</translation>
        </message>
        <message>
            <source>Poverty status</source>
            <translation>脱贫属性</translation>
        </message>
        <message>
            <source>Per-capita income {year}</source>
            <translation>{year}年人均纯收入</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>帮扶责任人</translation>
        </message>
        <message>
            <source>Last visit</source>
            <translation>最近走访</translation>
        </message>
        <message>
            <source>Poverty line {year}: {line}</source>
            <extracomment>(rows) after every reload; the status bar shows the count a block of rows arrived (tests wait on it)</extracomment>
            <translation>{year}年贫困线：{line}</translation>
        </message>
    </context>
    <context>
        <name>IncomeTab</name>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Net income</source>
            <translation>年纯收入</translation>
        </message>
        <message>
            <source>Household size</source>
            <translation>家庭人口</translation>
        </message>
        <message>
            <source>Per capita</source>
            <translation>人均纯收入</translation>
        </message>
        <message>
            <source>Poverty line</source>
            <translation>贫困线</translation>
        </message>
        <message>
            <source>Compared with the line</source>
            <translation>与贫困线比较</translation>
        </message>
        <message>
            <source>&amp;Year</source>
            <translation>年度(&amp;Y)</translation>
        </message>
        <message>
            <source>Computed</source>
            <translation>计算结果</translation>
        </message>
        <message>
            <source>Transfer income</source>
            <translation>转移性收入合计</translation>
        </message>
        <message>
            <source>Per-capita net income</source>
            <translation>人均纯收入</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>历年收入</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>撤销修改(&amp;R)</translation>
        </message>
        <message>
            <source>No members: per-capita income cannot be computed</source>
            <translation>没有在册成员，无法计算人均纯收入</translation>
        </message>
        <message>
            <source>No poverty line recorded for {year}</source>
            <translation>没有{year}年的贫困线数据</translation>
        </message>
        <message>
            <source>{amount} above the line</source>
            <translation>高于贫困线 {amount}</translation>
        </message>
        <message>
            <source>{amount} below the line</source>
            <translation>低于贫困线 {amount}</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>没有需要保存的修改。</translation>
        </message>
    </context>
    <context>
        <name>LifecycleTab</name>
        <message>
            <source>Request</source>
            <translation>申请</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Filed by</source>
            <translation>申请人</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>最后更新</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>From</source>
            <translation>原脱贫属性</translation>
        </message>
        <message>
            <source>To</source>
            <translation>新脱贫属性</translation>
        </message>
        <message>
            <source>Status changes</source>
            <translation>动态管理记录</translation>
        </message>
        <message>
            <source>No status changes recorded yet.</source>
            <translation>暂无动态管理记录。</translation>
        </message>
        <message>
            <source>Requests awaiting or past approval</source>
            <translation>审批申请</translation>
        </message>
        <message>
            <source>No requests.</source>
            <translation>暂无申请。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>All statuses</source>
            <extracomment>initial widths of the list's columns in character widths (ResizeToContents would read every row) a household was changed (by the card or a plugin): lists and panels refresh the database is attached and the models are loading True when the window locks, False when someone signs in again the integrity check finished: "ok", "backup_failed" or "damaged"</extracomment>
            <translation>全部脱贫属性</translation>
        </message>
        <message>
            <source>All household types</source>
            <translation>全部贫困户属性</translation>
        </message>
        <message>
            <source>All causes</source>
            <translation>全部致贫原因</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Household</source>
            <translation>农户(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Bangfu — poverty-alleviation registry</source>
            <translation>帮扶通 — 精准扶贫建档立卡</translation>
        </message>
        <message>
            <source>[demo data]</source>
            <translation>[演示数据]</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>正在打开数据库…</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>锁定(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>立即备份(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Open household card</source>
            <translation>打开户卡(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Close card</source>
            <translation>关闭户卡(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>查找(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Clear search and filters</source>
            <translation>清除搜索和筛选(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Text size</source>
            <translation>字体大小(&amp;T)</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>标准</translation>
        </message>
        <message>
            <source>Large</source>
            <translation>大</translation>
        </message>
        <message>
            <source>Extra large</source>
            <translation>特大</translation>
        </message>
        <message>
            <source>&amp;Users…</source>
            <translation>用户管理(&amp;U)…</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Check database integrity</source>
            <translation>检查数据库完整性(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About Bangfu</source>
            <translation>关于帮扶通(&amp;A)</translation>
        </message>
        <message>
            <source>Search: name, pinyin (zs), ID digits, household no. (Ctrl+F)</source>
            <translation>搜索：姓名、拼音（如 zs）、证件号码、户编号（Ctrl+F）</translation>
        </message>
        <message>
            <source>All groups</source>
            <translation>全部组</translation>
        </message>
        <message>
            <source> (group)</source>
            <translation> 组</translation>
        </message>
        <message>
            <source>Visit overdue</source>
            <translation>走访逾期</translation>
        </message>
        <message>
            <source>Households whose last visit is older than their helper's visit plan (30 days if none)</source>
            <translation>最近一次走访已超过帮扶责任人走访周期的农户（未设定时按30天）</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>农户列表</translation>
        </message>
        <message>
            <source>Checking the database…</source>
            <translation>正在校验数据库…</translation>
        </message>
        <message>
            <source>Database checked; the automatic backup failed (disk full?)</source>
            <translation>数据库校验通过；自动备份失败（磁盘已满？）</translation>
        </message>
        <message>
            <source>Database checked</source>
            <translation>数据库校验通过</translation>
        </message>
        <message>
            <source>Database damaged: read-only</source>
            <translation>数据库已损坏：只读</translation>
        </message>
        <message>
            <source>Database damaged</source>
            <translation>数据库已损坏</translation>
        </message>
        <message>
            <source>{problem}

The program continues read-only so that nothing more is lost.</source>
            <translation>{problem}

程序将以只读方式继续运行，以免造成更多损失。</translation>
        </message>
        <message>
            <source>Backup written: {name}</source>
            <translation>已写入备份：{name}</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Writing a backup…</source>
            <translation>正在写入备份…</translation>
        </message>
        <message>
            <source>The list could not be loaded: {reason}</source>
            <translation>无法读取农户列表：{reason}</translation>
        </message>
        <message>
            <source>{n} households found</source>
            <translation>找到 {n} 户</translation>
        </message>
        <message>
            <source>{n} households</source>
            <translation>共 {n} 户</translation>
        </message>
        <message>
            <source>Signed in: {name} ({role})</source>
            <translation>当前用户：{name}（{role}）</translation>
        </message>
        <message>
            <source>read-only</source>
            <translation>只读</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>有未保存的修改</translation>
        </message>
        <message>
            <source>This card has changes that were not saved. Close it anyway?</source>
            <translation>此户卡有未保存的修改，仍要关闭吗？</translation>
        </message>
        <message>
            <source>{n} feature module(s) could not be loaded</source>
            <translation>有 {n} 个功能模块未能加载</translation>
        </message>
        <message>
            <source>Search households</source>
            <translation>搜索农户</translation>
        </message>
        <message>
            <source>Open the selected household</source>
            <translation>打开选中的农户</translation>
        </message>
        <message>
            <source>Save the page of the card in front</source>
            <translation>保存当前户卡页面</translation>
        </message>
        <message>
            <source>Close the card</source>
            <translation>关闭户卡</translation>
        </message>
        <message>
            <source>Previous / next tab</source>
            <translation>上一个/下一个标签页</translation>
        </message>
        <message>
            <source>Place tree / household list</source>
            <translation>地区树/农户列表</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Lock now</source>
            <translation>立即锁定</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>清除搜索</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <source>About Bangfu</source>
            <translation>关于帮扶通</translation>
        </message>
        <message>
            <source>Bangfu {version}
Offline registry and field work for village poverty-alleviation task forces.
Data stays encrypted on this computer and syncs with the county server.</source>
            <translation>帮扶通 {version}
供驻村工作队离线使用的建档立卡与走访帮扶软件。
数据加密保存在本机，并与县级服务器同步。</translation>
        </message>
        <message>
            <source>Some cards have changes that were not saved. Quit anyway?</source>
            <translation>有户卡存在未保存的修改，仍要退出吗？</translation>
        </message>
    </context>
    <context>
        <name>MeasuresTab</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Funding source</source>
            <translation>资金来源</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Assistance measures</source>
            <translation>帮扶措施</translation>
        </message>
        <message>
            <source>No assistance measures recorded yet.</source>
            <translation>暂无帮扶措施记录。</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>Add a member</source>
            <translation>添加家庭成员</translation>
        </message>
        <message>
            <source>Edit member</source>
            <translation>修改家庭成员</translation>
        </message>
    </context>
    <context>
        <name>MembersTab</name>
        <message>
            <source>Age</source>
            <translation>年龄</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Living in the household</source>
            <translation>在册</translation>
        </message>
        <message>
            <source>Left: {reason}, {date}</source>
            <translation>已移出：{reason}，{date}</translation>
        </message>
        <message>
            <source>&amp;Add member…</source>
            <translation>添加成员(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>修改(&amp;E)…</translation>
        </message>
        <message>
            <source>Member &amp;leaves…</source>
            <translation>成员移出(&amp;L)…</translation>
        </message>
        <message>
            <source>Make &amp;head…</source>
            <translation>设为户主(&amp;H)…</translation>
        </message>
        <message>
            <source>Show former members</source>
            <translation>显示已移出成员</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Change my passphrase</source>
            <translation>修改我的口令</translation>
        </message>
        <message>
            <source>Set a new passphrase</source>
            <translation>设置新口令</translation>
        </message>
        <message>
            <source>Add a user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <source>Your new passphrase replaces the old one on this laptop.</source>
            <translation>新口令将替换您在本机的旧口令。</translation>
        </message>
        <message>
            <source>Give {name} a new passphrase and tell it to them in person.</source>
            <translation>为 {name} 设置新口令，并当面告知本人。</translation>
        </message>
        <message>
            <source>A colleague gets their own passphrase; everything they change is recorded under their name.</source>
            <translation>每位同事使用自己的口令；其所做的每项修改都以其姓名记录。</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>角色(&amp;R)</translation>
        </message>
        <message>
            <source>C&amp;urrent passphrase</source>
            <translation>原口令(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;New passphrase</source>
            <translation>新口令(&amp;N)</translation>
        </message>
        <message>
            <source>Passphrase &amp;again</source>
            <translation>再次输入口令(&amp;A)</translation>
        </message>
        <message>
            <source>Enter the colleague's name.</source>
            <translation>请填写同事的姓名。</translation>
        </message>
        <message>
            <source>The passphrase needs at least {n} characters.</source>
            <translation>口令至少需要 {n} 个字符。</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>两次输入的口令不一致。</translation>
        </message>
    </context>
    <context>
        <name>PlaceTreeModel</name>
        <message>
            <source>Group {n}</source>
            <translation>{n}组</translation>
        </message>
        <message>
            <source>{n} households</source>
            <translation>共 {n} 户</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>地区</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Text size</source>
            <translation>字体大小(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Lock after</source>
            <translation>自动锁定(&amp;L)</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>标准</translation>
        </message>
        <message>
            <source>Large</source>
            <translation>大</translation>
        </message>
        <message>
            <source>Extra large</source>
            <translation>特大</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source>{n} minutes idle</source>
            <translation>空闲 {n} 分钟后</translation>
        </message>
    </context>
    <context>
        <name>RemoveMemberDialog</name>
        <message>
            <source>Member leaves the household</source>
            <translation>成员移出本户</translation>
        </message>
        <message>
            <source>{name} will no longer be counted in the household. The record is kept.</source>
            <translation>{name} 将不再计入家庭人口，其记录仍会保留。</translation>
        </message>
    </context>
    <context>
        <name>StrengthHint</name>
        <message>
            <source>At least {n} characters; a short sentence is easy to remember and hard to guess.</source>
            <translation>至少 {n} 个字符；用一句短话既好记又难猜。</translation>
        </message>
        <message>
            <source>Too short: at least {n} characters</source>
            <translation>太短：至少 {n} 个字符</translation>
        </message>
        <message>
            <source>Too simple</source>
            <translation>过于简单</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>弱</translation>
        </message>
        <message>
            <source>Fair</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>较强</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>强</translation>
        </message>
    </context>
    <context>
        <name>Task</name>
        <message>
            <source>Cancel</source>
            <extracomment>emitted (on the GUI thread) after every task finished; count of tasks still running.</extracomment>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Bangfu — sign in</source>
            <translation>帮扶通 — 登录</translation>
        </message>
    </context>
    <context>
        <name>UnlockPanel</name>
        <message>
            <source>Bangfu</source>
            <translation>帮扶通</translation>
        </message>
        <message>
            <source>Registry and field work for village task forces</source>
            <translation>驻村工作队建档立卡与走访帮扶</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>用户(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>口令(&amp;P)</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>正在解锁…</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>解锁(&amp;U)</translation>
        </message>
        <message>
            <source>Forgot your passphrase? A colleague who manages users can set a new one.</source>
            <translation>忘记口令？请负责用户管理的同事为您设置新口令。</translation>
        </message>
        <message>
            <source>Enter your passphrase.</source>
            <translation>请输入口令。</translation>
        </message>
        <message>
            <source>The database could not be opened: {kind}</source>
            <translation>无法打开数据库：{kind}</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>Name</source>
            <extracomment>an add/remove/passphrase/role change finished (True) or was refused (False)</extracomment>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>当前登录</translation>
        </message>
        <message>
            <source>Users of this laptop</source>
            <translation>本机用户</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>添加(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>删除(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;New passphrase…</source>
            <translation>设置新口令(&amp;N)…</translation>
        </message>
        <message>
            <source>Change &amp;my passphrase…</source>
            <translation>修改我的口令(&amp;M)…</translation>
        </message>
        <message>
            <source>Set r&amp;ole</source>
            <translation>更改角色(&amp;O)</translation>
        </message>
        <message>
            <source>{name} was added.</source>
            <translation>已添加 {name}。</translation>
        </message>
        <message>
            <source>Remove user</source>
            <translation>删除用户</translation>
        </message>
        <message>
            <source>Remove {name}? They can no longer sign in; what they recorded stays.</source>
            <translation>删除 {name}？删除后将无法登录，其录入的记录仍会保留。</translation>
        </message>
        <message>
            <source>{name} was removed.</source>
            <translation>已删除 {name}。</translation>
        </message>
        <message>
            <source>The passphrase was changed.</source>
            <translation>口令已更改。</translation>
        </message>
        <message>
            <source>The role was changed.</source>
            <translation>角色已更改。</translation>
        </message>
    </context>
    <context>
        <name>VisitsTab</name>
        <message>
            <source>Visited</source>
            <translation>走访时间</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>帮扶责任人</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>满意度</translation>
        </message>
        <message>
            <source>Confirmed by the household</source>
            <translation>农户确认</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>走访记录</translation>
        </message>
        <message>
            <source>No visits recorded yet.</source>
            <translation>暂无走访记录。</translation>
        </message>
    </context>
</TS>
