<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Visits are recorded with the visit wizard: open the {menu} menu and choose {action} (Ctrl+Shift+V).</source>
        <translation>入户走访用走访向导记录：打开{menu}菜单，选择{action}（Ctrl+Shift+V）。</translation>
    </message>
    <message>
        <source>Which household? Type {initials} and click {name} in the search results (households due for a visit are listed on the right).</source>
        <translation>走访哪一户？输入 {initials}，在搜索结果中点击{name}（右边列出的是该走访的农户）。</translation>
    </message>
    <message>
        <source>Check the date and time of the visit, then click &lt;b&gt;Next&lt;/b&gt;. Every page is kept as a draft: a flat battery loses nothing.</source>
        <translation>核对走访的日期和时间，然后点击&lt;b&gt;下一步&lt;/b&gt;。每一页都会存为草稿：电脑没电也不会丢失。</translation>
    </message>
    <message>
        <source>Who lives here now? Everyone is marked present; record births, deaths, marriages and moves with their reason. Then &lt;b&gt;Next&lt;/b&gt;.</source>
        <translation>现在家里有哪些人？默认每个人都在；出生、死亡、婚嫁、迁入迁出要在这里登记并写明原因。然后点击&lt;b&gt;下一步&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>The &apos;two assurances and three guarantees&apos; (两不愁三保障) and safe water: answer every question (the button sets them all to yes), note what is wrong. Then &lt;b&gt;Next&lt;/b&gt;.</source>
        <translation>“两不愁三保障”和饮水安全：每一项都要回答（按钮可把全部设为“是”），有问题的写明情况。然后点击&lt;b&gt;下一步&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>This year&apos;s income: &lt;b&gt;copy last year&apos;s&lt;/b&gt; and correct what changed; the per-capita income is compared with the poverty line. Then &lt;b&gt;Next&lt;/b&gt;.</source>
        <translation>今年的收入：&lt;b&gt;复制去年的数据&lt;/b&gt;，再改动有变化的项目；人均纯收入会与贫困线比较。然后点击&lt;b&gt;下一步&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Agree a measure with the household: choose a category, describe it (e.g. {example}) and click &lt;b&gt;Add measure&lt;/b&gt;.</source>
        <translation>和农户商定一项帮扶措施：选择类别，写明内容（例如{example}），然后点击&lt;b&gt;添加措施&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>a public-welfare job</source>
        <translation>安排一个公益岗位</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;Next&lt;/b&gt; and ask how satisfied the household is with the support.</source>
        <translation>点击&lt;b&gt;下一步&lt;/b&gt;，问一问农户对帮扶工作是否满意。</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;Next&lt;/b&gt;. The head of household confirms the visit: let them sign here with the mouse, touch pad or pen (or photograph the signed sheet).</source>
        <translation>点击&lt;b&gt;下一步&lt;/b&gt;。户主确认这次走访：请户主用鼠标、触摸板或手写笔在这里签名（也可以拍下签字的纸质表）。</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;Next&lt;/b&gt; to read the summary, then &lt;b&gt;Save visit&lt;/b&gt;: the visit, the measure and the changes to the card are saved together.</source>
        <translation>点击&lt;b&gt;下一步&lt;/b&gt;查看汇总，然后点击&lt;b&gt;保存走访&lt;/b&gt;：走访、帮扶措施和户卡的修改一起保存。</translation>
    </message>
    <message>
        <source>Open the &lt;b&gt;Visits&lt;/b&gt; tab: your visit is there, with its time and author.</source>
        <translation>打开&lt;b&gt;走访记录&lt;/b&gt;标签页：您刚才的走访就在这里，有时间和记录人。</translation>
    </message>
    <message>
        <source>Record a visit</source>
        <translation>记录一次入户走访</translation>
    </message>
    <message>
        <source>Walk through a household visit: checks, changes, the family&apos;s confirmation.</source>
        <translation>完整走一遍入户走访：核实情况、记录变化、农户确认。</translation>
    </message>
    <message>
        <source>the visit wizard (field work)</source>
        <translation>入户走访向导（驻村工作功能）</translation>
    </message>
    <message>
        <source>Open the &lt;b&gt;Assistance log&lt;/b&gt; tab: every measure the household received, and everything that happened to it.</source>
        <translation>打开&lt;b&gt;帮扶记录&lt;/b&gt;标签页：这一户得到的每一项帮扶措施，以及发生过的所有事情。</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;Log a measure…&lt;/b&gt;.</source>
        <translation>点击&lt;b&gt;登记帮扶措施…&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Choose the category {category}, describe the measure (e.g. {example}), tick the members who benefit, and click &lt;b&gt;OK&lt;/b&gt;.</source>
        <translation>选择类别{category}，写明措施内容（例如{example}），勾选受益的家庭成员，然后点击&lt;b&gt;确定&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>forest ranger, 800 yuan a month</source>
        <translation>生态护林员，每月800元</translation>
    </message>
    <message>
        <source>When the support is delivered, record its progress: select the measure, click &lt;b&gt;Record progress…&lt;/b&gt;, choose {status} and &lt;b&gt;OK&lt;/b&gt;.</source>
        <translation>帮扶落实后要登记进展：选中这项措施，点击&lt;b&gt;登记进展…&lt;/b&gt;，选择{status}，然后点击&lt;b&gt;确定&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>The measure and its progress are now in the household&apos;s history, next to its visits and status changes: the record a county checks when it assesses the exit.</source>
        <translation>这项措施和它的进展已经记入这一户的历程，和走访、状态变化排在一起：县里评估脱贫时要核查的就是这些记录。</translation>
    </message>
    <message>
        <source>Log an assistance measure</source>
        <translation>登记帮扶措施</translation>
    </message>
    <message>
        <source>Record a measure the household received and its progress.</source>
        <translation>登记农户得到的帮扶措施及其进展。</translation>
    </message>
    <message>
        <source>the assistance-measure form (field work)</source>
        <translation>帮扶措施登记表（驻村工作功能）</translation>
    </message>
    <message>
        <source>Open the &lt;b&gt;Exit assessment&lt;/b&gt; tab: the household&apos;s data against the exit criteria of {year}.</source>
        <translation>打开&lt;b&gt;脱贫评估&lt;/b&gt;标签页：对照{year}年的脱贫标准检查这一户的数据。</translation>
    </message>
    <message>
        <source>Green lines are met; red ones block an exit, and so do amber ones: not checked this year. The criteria: income stably above the line, not worrying about food and clothing, schooling, basic medical care, safe housing and water. The marks of a real exit at the bottom are advisory.</source>
        <translation>绿色表示达标；红色会阻止脱贫，黄色（今年还没有核实）也会。标准是：收入稳定超过贫困线，不愁吃、不愁穿，义务教育、基本医疗、住房安全和饮水安全有保障。最下面几条“真脱贫”的标志仅供参考。</translation>
    </message>
    <message>
        <source>Before an exit the task force verifies everything at home (入户核实). Record the visit: {menu} → {action} ({name} is already chosen, the date is {day}: the scenario&apos;s today), answer every check — all yes if all hold — and save.</source>
        <translation>脱贫前，工作队要入户逐项核实。记录这次走访：{menu} → {action}（已经选好{name}家，日期已是 {day}，即场景中的“今天”），每一项核实都要回答——全部符合就全选“是”——然后保存。</translation>
    </message>
    <message>
        <source>Every line of {year} is green now: {name} meets the exit criteria.</source>
        <translation>{year}年的各项现在都是绿色：{name}家达到了脱贫标准。</translation>
    </message>
    <message>
        <source>An exit is a request that the county approves. Open the &lt;b&gt;Requests&lt;/b&gt; tab.</source>
        <translation>脱贫要提出申请，由县里审定。打开&lt;b&gt;动态管理申请&lt;/b&gt;标签页。</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;New request…&lt;/b&gt;, choose {kind}, year {year}, and &lt;b&gt;OK&lt;/b&gt;.</source>
        <translation>点击&lt;b&gt;新建申请…&lt;/b&gt;，选择{kind}，年度 {year}，然后点击&lt;b&gt;确定&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Record the village representatives&apos; deliberation (民主评议): date, how many were there and how many agreed. &lt;b&gt;OK&lt;/b&gt;.</source>
        <translation>登记村民代表民主评议：日期、应到人数、实到人数和同意人数，然后点击&lt;b&gt;确定&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Record the public notice in the village (公示): it runs at least 7 days. &lt;b&gt;OK&lt;/b&gt;.</source>
        <translation>登记村内公示：公示期至少 7 天，然后点击&lt;b&gt;确定&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>The household confirms it agrees (贫困户认可): let the head sign on the pad, then &lt;b&gt;OK&lt;/b&gt;.</source>
        <translation>贫困户认可：请户主在签名板上签名，然后点击&lt;b&gt;确定&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Everything is recorded: click &lt;b&gt;Submit&lt;/b&gt; to send the request to the township.</source>
        <translation>材料齐全了：点击&lt;b&gt;提交&lt;/b&gt;，把申请报到乡镇。</translation>
    </message>
    <message>
        <source>The township reviews the request and the county approves it; only then does the card show the household as out of poverty. The household now appears on the village&apos;s exit notice for {year} (tour: Print an exit notice).</source>
        <translation>乡镇审核、县里审定之后，户卡上才会显示这一户已脱贫。现在这一户会出现在本村{year}年的拟退出贫困户公示上（见引导“打印脱贫公示”）。</translation>
    </message>
    <message>
        <source>Assess a household for exit and file the request</source>
        <translation>脱贫评估并提交脱贫申请</translation>
    </message>
    <message>
        <source>Check income and the &apos;two assurances, three guarantees&apos;, then file the exit request.</source>
        <translation>核对收入和“两不愁三保障”，然后提交脱贫申请。</translation>
    </message>
    <message>
        <source>the exit assessment and lifecycle-request screens (field work)</source>
        <translation>脱贫评估和动态管理申请界面（驻村工作功能）</translation>
    </message>
    <message>
        <source>Notices are prepared in the {menu} menu: open it and choose {action}.</source>
        <translation>公示在{menu}菜单里准备：打开它，选择{action}。</translation>
    </message>
    <message>
        <source>Choose the kind of notice: {kind}.</source>
        <translation>选择公示类别：{kind}。</translation>
    </message>
    <message>
        <source>Set the year to {year}: the notice lists the households proposed to exit that year.</source>
        <translation>把年度设为 {year}：公示列出当年拟退出的贫困户。</translation>
    </message>
    <message>
        <source>Tick the village {village}.</source>
        <translation>勾选{village}。</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;Preview&lt;/b&gt; to see the notice exactly as it will be printed.</source>
        <translation>点击&lt;b&gt;预览&lt;/b&gt;，看看公示打印出来的样子。</translation>
    </message>
    <message>
        <source>Check the list with the village committee: group, head of household, household size, per-capita income. Until it is issued every page says 样稿 (draft); in training every page also says 培训 / TRAINING.</source>
        <translation>和村两委一起核对名单：组、户主、家庭人口、人均纯收入。发布之前每页都印有“样稿”；培训时每页还印有“培训 / TRAINING”。</translation>
    </message>
    <message>
        <source>If the list is right, click {issue} and save the PDF. Issuing freezes the notice: what is printed can later be proven unchanged.</source>
        <translation>名单无误后，点击{issue}并保存 PDF。发布后公示内容即被固定，日后可以证明印出的内容没有被改动。</translation>
    </message>
    <message>
        <source>The issued notice is saved as a PDF: print that file (A3 for the notice board) and post it for at least 7 days with the 12317 hotline. Reprints come from the notice history.</source>
        <translation>发布的公示已保存为 PDF：打印这个文件（公示栏用 A3 纸），张贴至少 7 天，并附 12317 监督举报电话。需要补印时，从“公示记录”中重新打印。</translation>
    </message>
    <message>
        <source>Print an exit notice</source>
        <translation>打印脱贫公示</translation>
    </message>
    <message>
        <source>Prepare the village&apos;s exit notice (公示), check it, issue it and print it.</source>
        <translation>准备本村的拟退出贫困户公示，核对、发布并打印。</translation>
    </message>
    <message>
        <source>the notice screens (notices and printing)</source>
        <translation>公示界面（公示与打印功能）</translation>
    </message>
    <message>
        <source>In training the county server is a demo server on this laptop. Open the {menu} menu and choose {action}.</source>
        <translation>培训时的县服务器是本机上的演示服务器。打开{menu}菜单，选择{action}。</translation>
    </message>
    <message>
        <source>Make a change to send: open {name}&apos;s card (type {initials}), correct something — the phone number, say — and save.</source>
        <translation>先做一处要发送的修改：打开{name}家的户卡（输入 {initials}），更正一个栏目，比如联系电话，然后保存。</translation>
    </message>
    <message>
        <source>Open the {menu} menu and choose {action}.</source>
        <translation>打开{menu}菜单，选择{action}。</translation>
    </message>
    <message>
        <source>The panel shows the county server (here: the demo server), the last sync and the changes waiting to be sent. Changes stay safe on the laptop until the county has them, however long the village is offline.</source>
        <translation>面板上显示县服务器（这里是演示服务器）、上次同步的时间和等待发送的修改。无论村里断网多久，修改都安全地保存在本机，直到县里收到为止。</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;Sync now&lt;/b&gt;: your changes go to the county, and the county&apos;s come back.</source>
        <translation>点击&lt;b&gt;立即同步&lt;/b&gt;：您的修改发送到县里，县里的更新也同步回来。</translation>
    </message>
    <message>
        <source>Done: nothing is waiting any more. Conflicts (someone at the county changed the same field) and refused changes would be listed here to review. A training laptop syncs only with a demo server: the real county server refuses it, and it refuses the real server.</source>
        <translation>完成了：没有等待发送的修改了。如果有冲突（县里有人改了同一个栏目）或被退回的修改，会列在这里供核对。培训用的电脑只能和演示服务器同步：正式的县服务器会拒绝它，它也会拒绝正式服务器。</translation>
    </message>
    <message>
        <source>Sync with the county server</source>
        <translation>与县服务器同步</translation>
    </message>
    <message>
        <source>Send your changes to the county and receive theirs (in training: the demo server).</source>
        <translation>把本机的修改发送到县里，并接收县里的更新（培训时连接演示服务器）。</translation>
    </message>
    <message>
        <source>the sync panel (sync)</source>
        <translation>同步面板（同步功能）</translation>
    </message>
    <message>
        <source>Every search starts here. Click in the &lt;b&gt;search box&lt;/b&gt; (or press Ctrl+F).</source>
        <translation>查找农户都从这里开始。请点击&lt;b&gt;搜索框&lt;/b&gt;（或按 Ctrl+F）。</translation>
    </message>
    <message>
        <source>Type the pinyin initials {initials} of {name} — no Chinese input method needed. Full pinyin, part of the ID number or the household number work too.</source>
        <translation>输入{name}的拼音首字母 {initials}，不用切换中文输入法。全拼、证件号的几位数字或户编号也都可以搜索。</translation>
    </message>
    <message>
        <source>The list shows only the households that match. Double-click the row of {name} (household number ending in {tail}), or select it and press Enter.</source>
        <translation>列表里只剩下匹配的农户。双击{name}这一行（户编号末四位 {tail}），或选中后按回车键。</translation>
    </message>
    <message>
        <source>This is the household card of {name}. The coloured badge is the poverty status (red: not yet out of poverty); the line below gives the household number, group, members, per-capita income and helper.</source>
        <translation>这是{name}家的户卡。彩色标签是脱贫属性（红色：未脱贫）；下面一行是户编号、组、家庭人口、人均纯收入和帮扶责任人。</translation>
    </message>
    <message>
        <source>Find a household by pinyin</source>
        <translation>用拼音查找农户</translation>
    </message>
    <message>
        <source>Search by pinyin initials and open the household card.</source>
        <translation>用拼音首字母搜索并打开户卡。</translation>
    </message>
    <message>
        <source>Open the card of {name}: type {initials} in the search box and double-click the row.</source>
        <translation>打开{name}家的户卡：在搜索框输入 {initials}，然后双击这一行。</translation>
    </message>
    <message>
        <source>The card has one tab per part of the household&apos;s poverty-alleviation handbook (扶贫手册). Read it first: open the &lt;b&gt;Members&lt;/b&gt; tab to see who lives here.</source>
        <translation>户卡按扶贫手册的各部分分成标签页。先看一看：打开&lt;b&gt;家庭成员&lt;/b&gt;标签页，看看这户有哪些人。</translation>
    </message>
    <message>
        <source>Now open the &lt;b&gt;Basic data&lt;/b&gt; tab: address, phone, bank, causes of poverty.</source>
        <translation>再打开&lt;b&gt;基本信息&lt;/b&gt;标签页：住址、电话、开户银行、致贫原因。</translation>
    </message>
    <message>
        <source>During the visit the family told you their new phone number. Replace the phone number with {phone}.</source>
        <translation>走访时农户告诉您换了新的电话号码。请把联系电话改成 {phone}。</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;Save&lt;/b&gt; (or press Ctrl+S). The card is checked first: a mistake is shown in red next to its field and nothing is written.</source>
        <translation>点击&lt;b&gt;保存&lt;/b&gt;（或按 Ctrl+S）。保存前会先检查：有错误时会在对应栏目旁用红字标出，什么也不会写入。</translation>
    </message>
    <message>
        <source>Nothing is changed silently: open the &lt;b&gt;Change history&lt;/b&gt; tab.</source>
        <translation>任何修改都有记录：打开&lt;b&gt;变更记录&lt;/b&gt;标签页。</translation>
    </message>
    <message>
        <source>Your correction is listed with your name, the time, the old and the new value. The county can verify that this history was never rewritten.</source>
        <translation>您刚才的更正已经列出：修改人、时间、原值和新值。县里可以核验这些记录从未被改写。</translation>
    </message>
    <message>
        <source>Read and correct a household card</source>
        <translation>查看并更正户卡</translation>
    </message>
    <message>
        <source>Open a card, correct a field, save, and find the change in the history.</source>
        <translation>打开户卡，更正一个栏目并保存，再在变更记录中找到这次修改。</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>培训模式</translation>
    </message>
    <message>
        <source>The training sandbox could not be opened: {reason}</source>
        <translation>无法打开培训沙盒：{reason}</translation>
    </message>
    <message>
        <source>Preparing the training sandbox…</source>
        <translation>正在准备培训沙盒……</translation>
    </message>
    <message>
        <source>Reset the training sandbox to a clean start?</source>
        <translation>把培训沙盒恢复到干净的初始状态吗？</translation>
    </message>
    <message>
        <source>Start the training sandbox afresh with the scenario “{title}”?</source>
        <translation>用场景“{title}”重新生成培训沙盒吗？</translation>
    </message>
    <message>
        <source>Everything entered in the sandbox is thrown away. The real database is not touched.</source>
        <translation>沙盒里录入的所有内容都会被丢弃。正式数据库不受任何影响。</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>A member joins the household</source>
        <translation>新增家庭成员</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>AssistanceTab</name>
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
        <source>Beneficiaries</source>
        <translation>受益人数</translation>
    </message>
    <message>
        <source>Fund project</source>
        <translation>扶贫项目</translation>
    </message>
    <message>
        <source>Log a measure…</source>
        <translation>登记帮扶措施…</translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation>登记进展…</translation>
    </message>
    <message>
        <source>Everything that happened to this household</source>
        <translation>该户全部记录</translation>
    </message>
    <message>
        <source>Visit by {who}: {summary}</source>
        <translation>走访（{who}）：{summary}</translation>
    </message>
    <message>
        <source>Measure: {category} {content}</source>
        <translation>帮扶措施：{category} {content}</translation>
    </message>
    <message>
        <source>Measure progress: {status} {note}</source>
        <translation>措施进展：{status} {note}</translation>
    </message>
    <message>
        <source>Status: {event} ({year})</source>
        <translation>状态变更：{event}（{year}）</translation>
    </message>
    <message>
        <source>Took part: {kind} {note}</source>
        <translation>参与：{kind} {note}</translation>
    </message>
    <message>
        <source>Fund project: {name}</source>
        <translation>扶贫项目：{name}</translation>
    </message>
    <message>
        <source>(no fund project)</source>
        <translation>（不关联扶贫项目）</translation>
    </message>
    <message>
        <source>Beneficiary members (select one or more):</source>
        <translation>受益成员（可多选）：</translation>
    </message>
    <message>
        <source>Log an assistance measure</source>
        <translation>登记帮扶措施</translation>
    </message>
    <message>
        <source>Fund project (optional)</source>
        <translation>扶贫项目（可选）</translation>
    </message>
    <message>
        <source>Select a measure first.</source>
        <translation>请先选择一项措施。</translation>
    </message>
    <message>
        <source>Progress of the measure</source>
        <translation>措施进展</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Actual amount (if different)</source>
        <translation>实际金额（如有不同）</translation>
    </message>
</context>
<context>
    <name>AtRiskDialog</name>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>风险因素</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Households at risk of returning to poverty</source>
        <translation>返贫风险户</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Include households not yet out of poverty</source>
        <translation>包括未脱贫户</translation>
    </message>
    <message>
        <source>Open the household card</source>
        <translation>打开农户档案</translation>
    </message>
    <message>
        <source>No household at risk.</source>
        <translation>没有返贫风险户。</translation>
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
    <name>ChecksPage</name>
    <message>
        <source>Two no-worries, three guarantees, drinking water</source>
        <translation>两不愁三保障和饮水安全</translation>
    </message>
    <message>
        <source>Answer what you checked yourself; leave the rest as not checked.</source>
        <translation>只填写亲自核实的项目，其余保持“未核查”。</translation>
    </message>
    <message>
        <source>Two no-worries (food, clothing)</source>
        <translation>两不愁（吃、穿）</translation>
    </message>
    <message>
        <source>Three guarantees (education, medical care, housing)</source>
        <translation>三保障（义务教育、基本医疗、住房安全）</translation>
    </message>
    <message>
        <source>Safe drinking water</source>
        <translation>饮水安全</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未核查</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>note (e.g. why a child is excused from school)</source>
        <translation>说明（如儿童因病免于入学的原因）</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>House rating seen at this visit</source>
        <translation>本次看到的住房等级</translation>
    </message>
    <message>
        <source>Mark everything not yet answered as yes</source>
        <translation>未填写的项目全部标为“是”</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
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
    <name>ConflictDialog</name>
    <message>
        <source>Conflicts to review</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <source>These fields were changed at the county while this laptop changed them too. The county&apos;s value is in effect; choose which one to keep.</source>
        <translation>这些字段在县服务器上被他人修改，本机也修改了同一字段。目前以县里的值为准；请选择保留哪一个。</translation>
    </message>
    <message>
        <source>Keep the county&apos;s value</source>
        <translation>保留县里的值</translation>
    </message>
    <message>
        <source>Use our value</source>
        <translation>采用本机的值</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>County&apos;s value</source>
        <translation>县里的值</translation>
    </message>
    <message>
        <source>Changed there by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Our value</source>
        <translation>本机的值</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <source>Dashboard</source>
        <extracomment>figures loaded and charts drawn (the Dashboard) a file was written (its path)</extracomment>
        <translation>统计看板</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Save chart as &amp;image…</source>
        <translation>图表另存为图片(&amp;I)…</translation>
    </message>
    <message>
        <source>Save &amp;PDF report…</source>
        <translation>保存 PDF 报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>By poverty status</source>
        <translation>按脱贫属性</translation>
    </message>
    <message>
        <source>Households by poverty status</source>
        <translation>按脱贫属性统计户数</translation>
    </message>
    <message>
        <source>By household type</source>
        <translation>按贫困户属性</translation>
    </message>
    <message>
        <source>Households by household type</source>
        <translation>按贫困户属性统计户数</translation>
    </message>
    <message>
        <source>By cause</source>
        <translation>按致贫原因</translation>
    </message>
    <message>
        <source>Households by main cause of poverty</source>
        <translation>按主要致贫原因统计户数</translation>
    </message>
    <message>
        <source>Exits and plan</source>
        <translation>脱贫与计划</translation>
    </message>
    <message>
        <source>Households exiting by year against the annual plan</source>
        <translation>历年脱贫户数与年度计划</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>实际脱贫</translation>
    </message>
    <message>
        <source>Number of measures</source>
        <translation>措施数</translation>
    </message>
    <message>
        <source>Assistance measures by category</source>
        <translation>帮扶措施（按类别）</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Project funds by source (yuan)</source>
        <translation>项目资金（按来源，元）</translation>
    </message>
    <message>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Number of households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Save chart as image</source>
        <translation>图表另存为图片</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Save PDF report</source>
        <translation>保存 PDF 报告</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>(not chosen yet)</source>
        <translation>（尚未选择）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>最后保存</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Unfinished visits</source>
        <translation>未完成的走访</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>Household</source>
        <translation>农户</translation>
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
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请类型</translation>
    </message>
</context>
<context>
    <name>EntryTable</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ExitTab</name>
    <message>
        <source>Result</source>
        <extracomment>data arrived and is shown (tests wait on it) something was written through a service</extracomment>
        <translation>结果</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评估项目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Assess the exit for the year</source>
        <translation>评估年度</translation>
    </message>
    <message>
        <source>Red and amber lines in the upper part block an exit; the five marks of a real exit at the bottom are advisory.</source>
        <translation>上方红色、黄色项目不能脱贫；下方“真脱贫”五项标志仅供参考。</translation>
    </message>
    <message>
        <source>Meets the exit criteria for {year}.</source>
        <translation>符合 {year} 年脱贫条件。</translation>
    </message>
    <message>
        <source>Does not yet meet the exit criteria for {year}: {n} point(s) open.</source>
        <translation>尚未达到 {year} 年脱贫条件：{n} 项未达标。</translation>
    </message>
    <message>
        <source>{n} mark(s) of a real exit not shown.</source>
        <translation>有 {n} 项“真脱贫”标志未体现。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to Excel/CSV</source>
        <extracomment>the export finished: (path, rows)</extracomment>
        <translation>导出到 Excel/CSV</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Household records</source>
        <translation>户信息</translation>
    </message>
    <message>
        <source>Incomes</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Assistance measures</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>The selected township or village ({code})</source>
        <translation>所选乡镇或村（{code}）</translation>
    </message>
    <message>
        <source>Only the income year</source>
        <translation>只导出该收入年度</translation>
    </message>
    <message>
        <source>Include full ID numbers and bank accounts (recorded in the audit trail)</source>
        <translation>包含完整证件号码和银行账号（将记入审计日志）</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>导出内容：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Poverty status:</source>
        <translation>脱贫属性：</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The file will contain full ID numbers and bank accounts. Keep it safe and delete it when done. Continue?</source>
        <translation>文件将包含完整的证件号码和银行账号。请妥善保管，用完后删除。继续吗？</translation>
    </message>
    <message>
        <source>{n} row(s) written to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>Fieldwork</name>
    <message>
        <source>Something went wrong ({name}); nothing was saved.</source>
        <translation>出现错误（{name}），未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>FieldworkMenu</name>
    <message>
        <source>Field &amp;work</source>
        <extracomment>a window or wizard was opened (tests and tours) the start-up reminder was computed: (due count, overdue count, draft count)</extracomment>
        <translation>驻村工作(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;New visit…</source>
        <translation>新建走访(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Resume an unfinished visit…</source>
        <translation>继续未完成的走访(&amp;R)…</translation>
    </message>
    <message>
        <source>Visits &amp;due…</source>
        <translation>应访名单(&amp;D)…</translation>
    </message>
    <message>
        <source>Lifecycle re&amp;quests…</source>
        <translation>动态管理申请(&amp;Q)…</translation>
    </message>
    <message>
        <source>Households at &amp;risk…</source>
        <translation>返贫风险户(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Points scheme…</source>
        <translation>积分制(&amp;P)…</translation>
    </message>
    <message>
        <source>Exit assessment</source>
        <translation>脱贫评估</translation>
    </message>
    <message>
        <source>Assistance log</source>
        <translation>帮扶记录</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>动态管理申请</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>参与和积分</translation>
    </message>
    <message>
        <source>{due} household visit(s) are due, {overdue} of them overdue.</source>
        <translation>有 {due} 户应走访，其中 {overdue} 户已逾期。</translation>
    </message>
    <message>
        <source>{n} unfinished visit(s) can be resumed.</source>
        <translation>有 {n} 个未完成的走访可以继续。</translation>
    </message>
    <message>
        <source>Field work</source>
        <translation>驻村工作</translation>
    </message>
    <message>
        <source>Show visits due</source>
        <translation>查看应访名单</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题说明</translation>
    </message>
    <message>
        <source>Village code</source>
        <translation>村代码</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户编号</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提示</translation>
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
        <source>Former head&apos;s new relation</source>
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
        <extracomment>the card&apos;s data arrived (after opening or after a save)</extracomment>
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
        <translation>上次走访</translation>
    </message>
    <message>
        <source>Poverty line {year}: {line}</source>
        <extracomment>(rows) after every reload; the status bar shows the count a block of rows arrived (tests wait on it)</extracomment>
        <translation>{year}年贫困线：{line}</translation>
    </message>
</context>
<context>
    <name>HouseholdNoticeDialog</name>
    <message>
        <source>Household list notice</source>
        <extracomment>notices issued (their ids) and the files written a refusal or failure was shown (the message) a preview is ready (the PdfPreviewDialog)</extracomment>
        <translation>农户名单公示</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A3 portrait (board)</source>
        <translation>A3 纵向（公示栏）</translation>
    </message>
    <message>
        <source>A3 landscape (board)</source>
        <translation>A3 横向（公示栏）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Posted from</source>
        <translation>公示开始日期</translation>
    </message>
    <message>
        <source>Posted until</source>
        <translation>公示结束日期</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Local supervision phone</source>
        <translation>本地监督电话</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Add the head&apos;s ID number (masked)</source>
        <translation>加印户主身份证号（自动打码）</translation>
    </message>
    <message>
        <source>One combined PDF for all villages</source>
        <translation>所有村合并为一个 PDF</translation>
    </message>
    <message>
        <source>Skip villages with nobody to list</source>
        <translation>跳过没有相应农户的村</translation>
    </message>
    <message>
        <source>default: the villagers&apos; committee</source>
        <translation>默认：××村民委员会</translation>
    </message>
    <message>
        <source>Empty: {days} days from the first day</source>
        <translation>不填则按规定公示 {days} 天</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Issue and save…</source>
        <translation>发布并保存(&amp;I)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Printing failed: {error}</source>
        <translation>打印失败：{error}</translation>
    </message>
    <message>
        <source>&amp;Issue this notice…</source>
        <translation>发布此公示(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>保存公示</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Folder for the notices</source>
        <translation>公示保存目录</translation>
    </message>
    <message>
        <source>Cancelled: nothing was issued or written.</source>
        <translation>已取消：未发布任何公示，也未写入任何文件。</translation>
    </message>
    <message>
        <source>Printing the notices…</source>
        <translation>正在生成公示…</translation>
    </message>
    <message>
        <source>Issued {n} notice(s); saved {files}</source>
        <translation>已发布 {n} 份公示，已保存 {files}</translation>
    </message>
    <message>
        <source>({n} village(s) without anybody to list were skipped)</source>
        <translation>（已跳过 {n} 个没有相应农户的村）</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Household and time of the visit</source>
        <extracomment>how often the open wizard writes its draft when something changed (besides every page change) which page shows a field the service complains about (entity, field) → page</extracomment>
        <translation>走访对象和时间</translation>
    </message>
    <message>
        <source>Search by name, pinyin initials, ID digits or household number, or pick from the visits due.</source>
        <translation>按姓名、拼音首字母、证件号或户编号搜索，或从应访名单中选择。</translation>
    </message>
    <message>
        <source>Visited at</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <source>Search households…</source>
        <translation>搜索农户…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Visits due</source>
        <translation>应访名单</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>逾期 {n} 天</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>{day}到期</translation>
    </message>
    <message>
        <source>No household chosen yet.</source>
        <translation>尚未选择农户。</translation>
    </message>
    <message>
        <source>Visiting: {head} household, no. {number}, group {group}</source>
        <translation>走访对象：{head}户，户编号 {number}，{group}组</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import registry spreadsheet</source>
        <extracomment>a check finished (the ImportResult) the import finished (the ImportResult) the check or import failed (the exception)</extracomment>
        <translation>导入建档立卡名单</translation>
    </message>
    <message>
        <source>An .xlsx file in the national system&apos;s person-level export shape</source>
        <translation>全国扶贫开发信息系统人员明细导出格式的 .xlsx 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save an empty template…</source>
        <translation>保存空白模板…</translation>
    </message>
    <message>
        <source>Per-capita income is for the year</source>
        <translation>人均纯收入所属年度</translation>
    </message>
    <message>
        <source>As written in the file</source>
        <translation>按表中填写的村</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Village:</source>
        <translation>村：</translation>
    </message>
    <message>
        <source>Choose a file and press Check.</source>
        <translation>请选择文件，然后点“检查”。</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Registry spreadsheet</source>
        <translation>建档立卡名单</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx *.xlsm)</source>
        <translation>Excel 文件 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Save an empty template</source>
        <translation>保存空白模板</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>({n} warning(s))</source>
        <translation>（{n} 个提示）</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>IncomePage</name>
    <message>
        <source>Income this year</source>
        <translation>本年收入</translation>
    </message>
    <message>
        <source>Item by item, in yuan. Net income = wages + business + property + transfers − business expenses.</source>
        <translation>逐项填写（元）。纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Out-of-pocket costs this year (return-to-poverty risk)</source>
        <translation>本年自付支出（返贫风险）</translation>
    </message>
    <message>
        <source>Net income {net}; {size} people; per capita {pc}</source>
        <translation>纯收入 {net}；{size} 人；人均 {pc}</translation>
    </message>
    <message>
        <source>above the line {line} by {margin}</source>
        <translation>高于标准 {line}，高出 {margin}</translation>
    </message>
    <message>
        <source>below the line {line} by {margin}</source>
        <translation>低于标准 {line}，差 {margin}</translation>
    </message>
    <message>
        <source>Start from last year&apos;s figures</source>
        <translation>按上年数据填入</translation>
    </message>
    <message>
        <source>no poverty line is known for {year}</source>
        <translation>系统中没有 {year} 年的扶贫标准</translation>
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
        <translation>申请类型</translation>
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
        <extracomment>typical widest content of each list column: ResizeToContents would read all 100,000 rows connections of running integrity checks, interrupted when the window closes a household was changed (by the card or a plugin): lists and panels refresh the database is attached and the models are loading True when the window locks, False when someone signs in again the integrity check finished: &quot;ok&quot;, &quot;backup_failed&quot; or &quot;damaged&quot; the feature plugins of ui/plugins.py were loaded (after the first rows were on screen)</extracomment>
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
        <source>Name, pinyin (zs), ID digits, household no.</source>
        <translation>姓名、拼音（如 zs）、证件号码、户编号</translation>
    </message>
    <message>
        <source>Search as you type (Ctrl+F); Enter opens the only match, Esc clears</source>
        <translation>边输入边搜索（Ctrl+F）；只有一户时按回车直接打开，Esc 清除</translation>
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
        <source>Households whose last visit is older than their helper&apos;s visit plan (30 days if none)</source>
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
        <extracomment>lifecycle kinds whose reason is a code: 剔除 → removal_reason, 自然减少/增加 → member_change_reason</extracomment>
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
    <message>
        <source>Why and when the member joins</source>
        <translation>加入原因和日期</translation>
    </message>
    <message>
        <source>Sex and date of birth are taken from an 18-digit ID number when left empty.</source>
        <translation>性别和出生日期可不填，将按18位证件号码自动填写。</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Insured</source>
        <translation>参保</translation>
    </message>
    <message>
        <source>At this visit</source>
        <translation>本次走访</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Confirm who lives here; record births, deaths, marriages and moves with their reason, and changes in schooling, health or insurance.</source>
        <translation>确认在家人员；登记出生、死亡、婚嫁、迁移及原因，以及就学、健康、参保的变化。</translation>
    </message>
    <message>
        <source>Everyone is marked present; select a member to change that.</source>
        <translation>默认全员在家；选中成员可更改。</translation>
    </message>
    <message>
        <source>Present / not seen</source>
        <translation>在家 / 未见到</translation>
    </message>
    <message>
        <source>Birth or moved in…</source>
        <translation>出生或迁入…</translation>
    </message>
    <message>
        <source>Death or moved out…</source>
        <translation>死亡或迁出…</translation>
    </message>
    <message>
        <source>Update facts…</source>
        <translation>更新情况…</translation>
    </message>
    <message>
        <source>Undo last change</source>
        <translation>撤销上一项变更</translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>未见到</translation>
    </message>
    <message>
        <source>present</source>
        <translation>在家</translation>
    </message>
    <message>
        <source>leaves: {reason}</source>
        <translation>减少：{reason}</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>joins: {reason}</source>
        <translation>增加：{reason}</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Med. insurance</source>
        <translation>医保</translation>
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
    <name>NoticeHistoryDialog</name>
    <message>
        <source>Notice history</source>
        <extracomment>something was recorded (what: photo|objection|resolution|withdrawn|reprinted)</extracomment>
        <translation>公示记录</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Objections (open)</source>
        <translation>异议（未处理）</translation>
    </message>
    <message>
        <source>Photos of the posted notice</source>
        <translation>张贴现场照片</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>&amp;Reprint…</source>
        <translation>重新打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Attach &amp;photo…</source>
        <translation>上传照片(&amp;P)…</translation>
    </message>
    <message>
        <source>Log &amp;objection…</source>
        <translation>登记异议(&amp;O)…</translation>
    </message>
    <message>
        <source>Record re&amp;solution…</source>
        <translation>登记处理结果(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>撤回(&amp;W)…</translation>
    </message>
    <message>
        <source>Period over: record on the re&amp;quests</source>
        <translation>公示期满，登记到申请(&amp;Q)</translation>
    </message>
    <message>
        <source>Record this notice (period and objections) on the lifecycle requests of the households it listed</source>
        <translation>把本公示（公示期和异议情况）登记到所列农户的动态管理申请中</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No notice selected.</source>
        <translation>未选择公示。</translation>
    </message>
    <message>
        <source>Posted {start} – {end}; issued by {issuer} on {when} ({who})</source>
        <translation>公示期 {start} 至 {end}；发布单位 {issuer}，发布于 {when}（{who}）</translation>
    </message>
    <message>
        <source>Notice {id}; content hash {hash}</source>
        <translation>公示编号 {id}；校验码 {hash}</translation>
    </message>
    <message>
        <source>Withdrawn: {reason}</source>
        <translation>已撤回：{reason}</translation>
    </message>
    <message>
        <source>(after the period)</source>
        <translation>（公示期后收到）</translation>
    </message>
    <message>
        <source>The operation failed: {error}</source>
        <translation>操作失败：{error}</translation>
    </message>
    <message>
        <source>Photo of the posted notice</source>
        <translation>张贴现场照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Select the objection first.</source>
        <translation>请先选择一条异议。</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>How was it resolved?</source>
        <translation>处理结果如何？</translation>
    </message>
    <message>
        <source>Withdraw the notice</source>
        <translation>撤回公示</translation>
    </message>
    <message>
        <source>Why is it withdrawn? (kept with the notice)</source>
        <translation>撤回理由（与公示一并保存）</translation>
    </message>
    <message>
        <source>Recorded on {n} request(s).</source>
        <translation>已登记到 {n} 份申请。</translation>
    </message>
    <message>
        <source>Not recorded: {reasons}</source>
        <translation>未登记：{reasons}</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>保存公示</translation>
    </message>
</context>
<context>
    <name>NoticeObjectionDialog</name>
    <message>
        <source>Log an objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>反映方式</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>Resolution (if already known)</source>
        <translation>处理结果（如已处理）</translation>
    </message>
</context>
<context>
    <name>NoticesMenu</name>
    <message>
        <source>&amp;Notices</source>
        <extracomment>a dialog or preview was opened (for tests and tours)</extracomment>
        <translation>公示与打印(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Household list notice…</source>
        <translation>农户名单公示(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Fund projects…</source>
        <translation>扶贫资金项目(&amp;F)…</translation>
    </message>
    <message>
        <source>Notice his&amp;tory…</source>
        <translation>公示记录(&amp;T)…</translation>
    </message>
    <message>
        <source>Print the household&apos;s &amp;information card (明白卡)…</source>
        <translation>打印本户明白卡(&amp;I)…</translation>
    </message>
    <message>
        <source>Print the household &amp;card (扶贫手册)…</source>
        <translation>打印本户扶贫手册户卡(&amp;C)…</translation>
    </message>
    <message>
        <source>Print a &amp;visit record sheet…</source>
        <translation>打印入户走访记录表(&amp;V)…</translation>
    </message>
    <message>
        <source>Open a household first.</source>
        <translation>请先打开一户。</translation>
    </message>
    <message>
        <source>Information card (明白卡)</source>
        <translation>明白卡</translation>
    </message>
    <message>
        <source>Household card</source>
        <translation>扶贫手册户卡</translation>
    </message>
    <message>
        <source>Visit record sheet</source>
        <translation>入户走访记录表</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Exit blocked by the assessment</source>
        <translation>脱贫评估未通过</translation>
    </message>
    <message>
        <source>The household does not meet these exit criteria:</source>
        <translation>该户以下脱贫条件未达标：</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评估项目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>To pass it on anyway, write why (this is recorded in the audit trail):</source>
        <translation>如仍要上报，请写明理由（将记入审计日志）：</translation>
    </message>
    <message>
        <source>Only township or county staff may override the assessment. Correct the household&apos;s data or wait for the conditions to be met.</source>
        <translation>只有乡镇或县级工作人员可以越过评估。请更正该户信息，或等条件满足后再申请。</translation>
    </message>
</context>
<context>
    <name>ParticipationTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>For</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Record participation…</source>
        <translation>登记参与…</translation>
    </message>
    <message>
        <source>Award or deduct points…</source>
        <translation>加分/扣分…</translation>
    </message>
    <message>
        <source>Redeem points…</source>
        <translation>积分兑换…</translation>
    </message>
    <message>
        <source>{year}: took part {n} time(s).</source>
        <translation>{year} 年：参与 {n} 次。</translation>
    </message>
    <message>
        <source>Points this year: +{earned} / −{deducted}; balance {balance}.</source>
        <translation>本年积分：+{earned} / −{deducted}；余额 {balance}。</translation>
    </message>
    <message>
        <source>The village does not run a points scheme.</source>
        <translation>本村未实行积分制。</translation>
    </message>
    <message>
        <source>(the household)</source>
        <translation>（全户）</translation>
    </message>
    <message>
        <source>(no points)</source>
        <translation>（不计分）</translation>
    </message>
    <message>
        <source>(choose a rule)</source>
        <translation>（选择规则）</translation>
    </message>
    <message>
        <source>Record participation</source>
        <translation>登记参与</translation>
    </message>
    <message>
        <source>Points rule</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>Award or deduct points</source>
        <translation>加分或扣分</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>积分兑换</translation>
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
        <source>Enter the colleague&apos;s name.</source>
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
    <name>PdfPreviewDialog</name>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>{n} page(s)</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <source>Photos and the household&apos;s confirmation</source>
        <translation>照片和户主确认</translation>
    </message>
    <message>
        <source>Photos are reduced to 1600 pixels on import. The household confirms the visit by signing here or on the paper sheet.</source>
        <translation>照片导入时缩小到1600像素。农户在屏幕上或纸质确认单上签字确认本次走访。</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Remove selected photo</source>
        <translation>删除所选照片</translation>
    </message>
    <message>
        <source>Household&apos;s confirmation</source>
        <translation>户主确认</translation>
    </message>
    <message>
        <source>Not confirmed (nobody able to sign was at home)</source>
        <translation>未确认（家中无人可签字）</translation>
    </message>
    <message>
        <source>Signature drawn on the screen</source>
        <translation>屏幕签名</translation>
    </message>
    <message>
        <source>Photo of the signed paper sheet</source>
        <translation>已签字纸质确认单的照片</translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <source>Choose the photo of the sheet…</source>
        <translation>选择确认单照片…</translation>
    </message>
    <message>
        <source>sheet photo added</source>
        <translation>已添加确认单照片</translation>
    </message>
    <message>
        <source>Sign here with the mouse, touch pad or pen</source>
        <translation>请用鼠标、触摸板或手写笔在此签名</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.heic *.webp);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.heic *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>Photo of the signed sheet</source>
        <translation>已签字确认单的照片</translation>
    </message>
</context>
<context>
    <name>PlaceTreeModel</name>
    <message>
        <source>Group {n}</source>
        <translation>{n}组</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>未分组</translation>
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
    <name>PlanTable</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Number of households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>PlansDialog</name>
    <message>
        <source>Exit plans</source>
        <translation>脱贫计划</translation>
    </message>
    <message>
        <source>Add a year</source>
        <translation>添加年度</translation>
    </message>
    <message>
        <source>Version drawn up in:</source>
        <translation>制定年度：</translation>
    </message>
    <message>
        <source>Annual plan</source>
        <translation>年度计划</translation>
    </message>
    <message>
        <source>Rolling plan</source>
        <translation>滚动计划</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Village:</source>
        <translation>村：</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Planned households</source>
        <translation>计划户数</translation>
    </message>
    <message>
        <source>Planned people</source>
        <translation>计划人数</translation>
    </message>
    <message>
        <source>Rolling plan households</source>
        <translation>滚动计划户数</translation>
    </message>
    <message>
        <source>Exited households</source>
        <translation>实际脱贫户数</translation>
    </message>
    <message>
        <source>Exited people</source>
        <translation>实际脱贫人数</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PointsSchemeDialog</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Earned this year</source>
        <translation>本年获得</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Points scheme (积分制)</source>
        <translation>积分制</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>The village runs a points scheme</source>
        <translation>本村实行积分制</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Points a year that show a changed attitude</source>
        <translation>体现观念转变的年度积分</translation>
    </message>
    <message>
        <source>Save the scheme</source>
        <translation>保存积分制</translation>
    </message>
    <message>
        <source>Add a rule…</source>
        <translation>添加规则…</translation>
    </message>
    <message>
        <source>Switch the rule on/off</source>
        <translation>启用/停用规则</translation>
    </message>
    <message>
        <source>Ranking this year</source>
        <translation>本年积分榜</translation>
    </message>
    <message>
        <source>New points rule</source>
        <translation>新建积分规则</translation>
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
    <name>ProblemsPage</name>
    <message>
        <source>Problems and measures</source>
        <translation>问题和措施</translation>
    </message>
    <message>
        <source>What is still difficult for the household, and what was agreed to do about it.</source>
        <translation>该户仍有哪些困难，商定了哪些帮扶措施。</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Measures agreed (logged as planned)</source>
        <translation>商定的帮扶措施（登记为计划）</translation>
    </message>
    <message>
        <source>Describe the problem</source>
        <translation>描述问题</translation>
    </message>
    <message>
        <source>Add problem</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>添加措施</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Village profile</source>
        <translation>贫困村档案</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>Line of work</source>
        <translation>从事领域</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历次变化</translation>
    </message>
    <message>
        <source>&amp;Save a new snapshot</source>
        <translation>保存新的档案快照(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Village:</source>
        <translation>村：</translation>
    </message>
    <message>
        <source>Poor households / people when last saved: {h} / {p}</source>
        <translation>上次保存时贫困户/贫困人口：{h} / {p}</translation>
    </message>
    <message>
        <source>No profile yet.</source>
        <translation>还没有档案。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有变化，未保存。</translation>
    </message>
</context>
<context>
    <name>ProjectHouseholdPicker</name>
    <message>
        <source>Add beneficiary households</source>
        <translation>添加受益户</translation>
    </message>
    <message>
        <source>Filter by name or number</source>
        <translation>按姓名或户编号筛选</translation>
    </message>
</context>
<context>
    <name>ProjectRegistryDialog</name>
    <message>
        <source>Fund projects</source>
        <extracomment>data (re)loaded a project was saved (its id) a stage change was recorded (project id) a notice was issued (notice id, file) a refusal was shown (message) a notice preview is open (the dialog)</extracomment>
        <translation>扶贫资金项目</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Funds by source (yuan)</source>
        <translation>资金来源及金额（元）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Beneficiary households</source>
        <translation>受益户</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Subsidy (yuan)</source>
        <translation>补助金额（元）</translation>
    </message>
    <message>
        <source>&amp;Add households…</source>
        <translation>添加受益户(&amp;A)…</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Stage and notices</source>
        <translation>项目进度与公示</translation>
    </message>
    <message>
        <source>Next &amp;stage…</source>
        <translation>推进到下一阶段(&amp;S)…</translation>
    </message>
    <message>
        <source>P&amp;lan notice…</source>
        <translation>计划公示(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Completion notice…</source>
        <translation>竣工公告(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete project</source>
        <translation>删除项目(&amp;D)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>合计：{amount}</translation>
    </message>
    <message>
        <source>The operation failed: {error}</source>
        <translation>操作失败：{error}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Save the project first.</source>
        <translation>请先保存项目。</translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>项目状态：{stage}</translation>
    </message>
    <message>
        <source>Notice: {title} ({start} – {end}, {status})</source>
        <translation>公示：{title}（{start} 至 {end}，{status}）</translation>
    </message>
    <message>
        <source>&amp;Issue this notice…</source>
        <translation>发布此公示(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>保存公示</translation>
    </message>
    <message>
        <source>Issued; saved {path}</source>
        <translation>已发布，已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ProjectStageDialog</name>
    <message>
        <source>Next stage: {stage}</source>
        <translation>推进到：{stage}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>No plan notice has been issued. Starting anyway needs a reason, which is kept in the audit trail.</source>
        <translation>该项目尚未发布计划公示。如确需开工，请填写理由，理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <source>Data-quality check</source>
        <extracomment>a check finished (the list of findings) a household was opened from the list (its id) the findings were written to a file (its path)</extracomment>
        <translation>数据质量检查</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Ages and school grades are counted on this day</source>
        <translation>按这一天计算年龄和在校年级</translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation>开始检查(&amp;R)</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>错误和提示</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>只看错误</translation>
    </message>
    <message>
        <source>Warnings only</source>
        <translation>只看提示</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Ages on:</source>
        <translation>年龄计算日：</translation>
    </message>
    <message>
        <source>Press Run to check the data.</source>
        <translation>点“开始检查”检查数据。</translation>
    </message>
    <message>
        <source>Save as &amp;Excel…</source>
        <translation>保存为 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>保存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>{n} finding(s) in {h} household(s): {e} error(s), {w} warning(s)</source>
        <translation>共 {n} 个问题，涉及 {h} 户：{e} 个错误，{w} 个提示</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>data-quality findings</source>
        <translation>数据质量问题</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
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
    <message>
        <source>{name} leaves the household</source>
        <translation>{name} 离开本户</translation>
    </message>
</context>
<context>
    <name>RequestsDialog</name>
    <message>
        <source>Request</source>
        <translation>申请类型</translation>
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
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>越过评估</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Lifecycle requests</source>
        <translation>动态管理申请</translation>
    </message>
    <message>
        <source>All open requests</source>
        <translation>全部未办结申请</translation>
    </message>
    <message>
        <source>Open the household&apos;s requests</source>
        <translation>打开该户的申请</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>Request</source>
        <translation>申请类型</translation>
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
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>越过评估</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <source>Deliberation…</source>
        <translation>民主评议…</translation>
    </message>
    <message>
        <source>Public notice…</source>
        <translation>公示…</translation>
    </message>
    <message>
        <source>Household confirmation…</source>
        <translation>户主确认…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Township review…</source>
        <translation>乡镇审核…</translation>
    </message>
    <message>
        <source>County decision…</source>
        <translation>县审定…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Register status: {state}</source>
        <translation>建档立卡状态：{state}</translation>
    </message>
    <message>
        <source>New lifecycle request</source>
        <translation>新建动态管理申请</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Select a request first.</source>
        <translation>请先选择一项申请。</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>did not agree</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Village deliberation (民主评议)</source>
        <translation>民主评议</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>评议结果</translation>
    </message>
    <message>
        <source>The notice must run at least {n} days.</source>
        <translation>公示期至少 {n} 天。</translation>
    </message>
    <message>
        <source>Public notice (公示)</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Or choose a photo of the signed sheet…</source>
        <translation>或选择已签字确认单的照片…</translation>
    </message>
    <message>
        <source>Photo of the signed sheet</source>
        <translation>已签字确认单的照片</translation>
    </message>
    <message>
        <source>Sheet photo chosen</source>
        <translation>已选择确认单照片</translation>
    </message>
    <message>
        <source>The household&apos;s confirmation (贫困户认可)</source>
        <translation>户主确认（贫困户认可）</translation>
    </message>
    <message>
        <source>Only if the exit assessment fails: the written reason to override it</source>
        <translation>仅在脱贫评估未通过时填写：越过评估的书面理由</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Write a reason to override, or return the request.</source>
        <translation>请填写越过评估的理由，或退回申请。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Township review (乡镇审核)</source>
        <translation>乡镇审核</translation>
    </message>
    <message>
        <source>pass on to the county</source>
        <translation>报县审定</translation>
    </message>
    <message>
        <source>return to the village</source>
        <translation>退回村里</translation>
    </message>
    <message>
        <source>County decision (县审定)</source>
        <translation>县审定</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Withdraw the request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>SatisfactionPage</name>
    <message>
        <source>Satisfaction and living environment</source>
        <translation>满意度和人居环境</translation>
    </message>
    <message>
        <source>How satisfied the household is with the assistance, and how the home looks.</source>
        <translation>农户对帮扶的满意程度，以及家中环境情况。</translation>
    </message>
    <message>
        <source>Environment note</source>
        <translation>人居环境说明</translation>
    </message>
    <message>
        <source>Sanitary toilet in use</source>
        <translation>使用卫生厕所</translation>
    </message>
    <message>
        <source>Yard tidy</source>
        <translation>院落整洁</translation>
    </message>
    <message>
        <source>Kitchen clean</source>
        <translation>厨房干净</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here with the mouse, touch pad or pen</source>
        <extracomment>the drawing changed (a stroke finished or the pad was cleared)</extracomment>
        <translation>请用鼠标、触摸板或手写笔在此签名</translation>
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
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>小结</translation>
    </message>
    <message>
        <source>Check everything, then save. The visit, its measures and the changes to the card are saved together.</source>
        <translation>请核对无误后保存。走访记录、帮扶措施和档案变更将一并保存。</translation>
    </message>
    <message>
        <source>{head} household</source>
        <translation>{head}户</translation>
    </message>
    <message>
        <source>Visited at</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>{n} confirmed present, {c} change(s)</source>
        <translation>{n} 人确认在家，{c} 项变更</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Net income {year}: {amount}</source>
        <translation>{year} 年纯收入：{amount}</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Household confirmation</source>
        <translation>户主确认</translation>
    </message>
    <message>
        <source>signature drawn on the screen</source>
        <translation>屏幕签名</translation>
    </message>
    <message>
        <source>joins: {name} ({detail})</source>
        <translation>增加：{name}（{detail}）</translation>
    </message>
    <message>
        <source>leaves: {name} ({detail})</source>
        <translation>减少：{name}（{detail}）</translation>
    </message>
    <message>
        <source>updated: {name} ({fields})</source>
        <translation>更新：{name}（{fields}）</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>photo of the signed sheet</source>
        <translation>已签字确认单的照片</translation>
    </message>
    <message>
        <source>The household has not confirmed this visit.</source>
        <translation>农户尚未确认本次走访。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
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
        <source>Living conditions</source>
        <translation>生产生活条件</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>帮扶责任人</translation>
    </message>
    <message>
        <source>Assistance measure</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Status change request</source>
        <translation>动态管理申请</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>动态管理记录</translation>
    </message>
    <message>
        <source>Fund project</source>
        <translation>扶贫项目</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>S&amp;ync</source>
        <extracomment>start the automatic sync once enrolled (tests that drive syncs by hand switch it off) a sync finished (report) or failed (error message); for the panel and tests automatic sync reported from its thread (queued to the GUI thread) a dialog was opened (for tests and tours)</extracomment>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;panel…</source>
        <translation>同步面板(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts to review…</source>
        <translation>待处理的冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Enroll this laptop…</source>
        <translation>登记本机(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;xport offline bundle (USB)…</source>
        <translation>导出离线同步包（U 盘）(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import return bundle…</source>
        <translation>导入回传包(&amp;I)…</translation>
    </message>
    <message>
        <source>Not enrolled with the county server</source>
        <translation>本机尚未在县服务器登记</translation>
    </message>
    <message>
        <source>Last sync: {when} · Pending: {n}</source>
        <translation>上次同步：{when} · 待同步：{n} 条</translation>
    </message>
    <message>
        <source> · Conflicts: {n}</source>
        <translation> · 冲突：{n} 条</translation>
    </message>
    <message>
        <source>Sync done: {sent} sent, {received} received, {conflicts} conflicts, {refused} refused</source>
        <translation>同步完成：上传 {sent} 条，接收 {received} 条，冲突 {conflicts} 条，退回 {refused} 条</translation>
    </message>
    <message>
        <source>The sync stopped unexpectedly.</source>
        <translation>同步意外中断，已完成的部分已保存。</translation>
    </message>
    <message>
        <source>Enroll this laptop</source>
        <translation>登记本机</translation>
    </message>
    <message>
        <source>County server address (e.g. http://10.1.2.3:8765):</source>
        <translation>县服务器地址（例如 http://10.1.2.3:8765）：</translation>
    </message>
    <message>
        <source>One-time enrollment code from the county:</source>
        <translation>县里发的一次性登记码：</translation>
    </message>
    <message>
        <source>Enrolled: role {role}, villages {villages}</source>
        <translation>登记成功：角色 {role}，范围 {villages}</translation>
    </message>
    <message>
        <source>Export offline bundle</source>
        <translation>导出离线同步包</translation>
    </message>
    <message>
        <source>Sync bundles (*.bfb)</source>
        <translation>同步包 (*.bfb)</translation>
    </message>
    <message>
        <source>Bundle written: {ops} changes, {files} attachments</source>
        <translation>同步包已写入：{ops} 条修改，{files} 个附件</translation>
    </message>
    <message>
        <source>Import return bundle</source>
        <translation>导入回传包</translation>
    </message>
    <message>
        <source>Bundle imported: {n} answers, {m} changes received</source>
        <translation>回传包已导入：答复 {n} 条，接收 {m} 条修改</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync with the county</source>
        <translation>与县服务器同步</translation>
    </message>
    <message>
        <source>County server:</source>
        <translation>县服务器：</translation>
    </message>
    <message>
        <source>Role and villages:</source>
        <translation>角色与范围：</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>上次成功同步：</translation>
    </message>
    <message>
        <source>Changes waiting to be sent:</source>
        <translation>待上传的修改：</translation>
    </message>
    <message>
        <source>Conflicts to review:</source>
        <translation>待处理的冲突：</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Review conflicts…</source>
        <translation>处理冲突…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <source>Discard (take the county&apos;s data)</source>
        <translation>放弃（采用县里的数据）</translation>
    </message>
    <message>
        <source>Changes the county refused (they never hold up the others):</source>
        <translation>被县服务器退回的修改（不影响其他修改的同步）：</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>{entity} ({kind}) on {when}: {reason}</source>
        <translation>{entity}（{kind}，{when}）：{reason}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>正在上传修改</translation>
    </message>
    <message>
        <source>Sending photos</source>
        <translation>正在上传照片</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>正在接收修改</translation>
    </message>
    <message>
        <source>Fetching photos</source>
        <translation>正在下载照片</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <extracomment>set (True) on a top-level window closed for good: late results of its tasks are dropped emitted (on the GUI thread) after every task finished; count of tasks still running.</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TourRunner</name>
    <message>
        <source>{tour} — finished</source>
        <extracomment>called once the step is done, before the next one shows (e.g. to reload what another window changed) the step was reached with Back: it waits for &quot;Got it&quot; even when it is done already</extracomment>
        <translation>{tour} — 已完成</translation>
    </message>
    <message>
        <source>Well done: you did every step of this tour. You can start it again at any time from Help → Guided tours.</source>
        <translation>做得好！这个引导的每一步您都完成了。随时可以从“帮助 → 操作引导”重新开始。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{tour} — step {i} of {n}</source>
        <translation>{tour} — 第 {i} 步，共 {n} 步</translation>
    </message>
    <message>
        <source>(The place to do this is not on screen yet.)</source>
        <translation>（要操作的地方现在还没有显示出来。）</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>End tour</source>
        <translation>结束引导</translation>
    </message>
</context>
<context>
    <name>Township</name>
    <message>
        <source>Something went wrong ({name}); nothing was changed.</source>
        <translation>出现错误（{name}），未做任何更改。</translation>
    </message>
</context>
<context>
    <name>TownshipMenu</name>
    <message>
        <source>&amp;Township</source>
        <extracomment>a dialog was opened (tests and tours)</extracomment>
        <translation>乡镇(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Import registry spreadsheet…</source>
        <translation>导入建档立卡名单(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel/CSV…</source>
        <translation>导出到 Excel/CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Data-&amp;quality check…</source>
        <translation>数据质量检查(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Dashboard…</source>
        <translation>统计看板(&amp;D)…</translation>
    </message>
    <message>
        <source>Exit &amp;plans…</source>
        <translation>脱贫计划(&amp;P)…</translation>
    </message>
    <message>
        <source>Village &amp;profile…</source>
        <translation>贫困村档案(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>【TRAINING】</source>
        <translation>【培训】</translation>
    </message>
</context>
<context>
    <name>TrainingMenu</name>
    <message>
        <source>&amp;Training mode</source>
        <extracomment>The last user of the real database, kept apart so training sessions do not overwrite it.</extracomment>
        <translation>培训模式(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Open the training sandbox</source>
        <translation>打开培训沙盒(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset the sandbox to a clean start…</source>
        <translation>把沙盒恢复到初始状态(&amp;R)…</translation>
    </message>
    <message>
        <source>Sign-&amp;in details…</source>
        <translation>培训账号(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Leave training mode</source>
        <translation>退出培训模式(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>培训场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Guided tours</source>
        <translation>操作引导(&amp;G)</translation>
    </message>
    <message>
        <source>Scenario: {title}</source>
        <translation>场景：{title}</translation>
    </message>
    <message>
        <source>Reset…</source>
        <translation>重置…</translation>
    </message>
    <message>
        <source>Throw away everything done in the sandbox and start afresh</source>
        <translation>丢弃沙盒中做过的所有操作，重新开始</translation>
    </message>
    <message>
        <source>Training sign-in</source>
        <translation>培训账号</translation>
    </message>
    <message>
        <source>The training sandbox opens with this sign-in (the data is fictional, so it is no secret):

User: {user}
Passphrase: {passphrase}

Sandbox: {path}</source>
        <translation>培训沙盒使用下面的账号登录（数据都是虚构的，账号公开）：

用户：{user}
口令：{passphrase}

沙盒位置：{path}</translation>
    </message>
    <message>
        <source>Stop the demo county server ({url})</source>
        <translation>停止演示县服务器（{url}）</translation>
    </message>
    <message>
        <source>Start the demo county server</source>
        <translation>启动演示县服务器</translation>
    </message>
    <message>
        <source>Starting the demo county server…</source>
        <translation>正在启动演示县服务器……</translation>
    </message>
    <message>
        <source>The demo county server is running at {url}; this sandbox syncs with it.</source>
        <translation>演示县服务器已在 {url} 运行；本沙盒将与它同步。</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>培训模式</translation>
    </message>
    <message>
        <source>{title} (coming)</source>
        <translation>{title}（即将提供）</translation>
    </message>
    <message>
        <source>Waiting for {what}</source>
        <translation>等待{what}完成</translation>
    </message>
    <message>
        <source>{title} (at step {i} of {n})</source>
        <translation>{title}（进行到第 {i} 步，共 {n} 步）</translation>
    </message>
    <message>
        <source>Forget the progress of all tours</source>
        <translation>清除所有引导的进度</translation>
    </message>
    <message>
        <source>You stopped this tour at step {i} of {n}. Continue there, or start again?</source>
        <translation>上次这个引导停在第 {i} 步（共 {n} 步）。从那里继续，还是重新开始？</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>This scenario has nothing to practise this tour on. Pick another scenario in the Training mode menu (the village in its exit year suits every tour).</source>
        <translation>这个场景里没有可以练习这个引导的数据。请在“培训模式”菜单中换一个场景（“脱贫年度的村”适合所有引导）。</translation>
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
    <name>UpdateMemberDialog</name>
    <message>
        <source>Update {name}</source>
        <translation>更新 {name} 的情况</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Name</source>
        <extracomment>an add/remove/passphrase/role change finished (True) or was refused (False)</extracomment>
        <translation>名称</translation>
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
    <name>VisitWizard</name>
    <message>
        <source>Saving…</source>
        <extracomment>the visit was saved (the Visit row) saving failed (the exception); the wizard stays open on the page concerned the draft was written (draft id) the page holding the first problem of a refused save (for the user, and tests) between page changes too: what was typed on a long page survives a crash within this interval</extracomment>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The visit was saved.</source>
        <translation>走访已保存。</translation>
    </message>
    <message>
        <source>Go back to the page concerned to correct it.</source>
        <translation>请返回相应页面更正。</translation>
    </message>
    <message>
        <source>The unfinished visit was kept as a draft.</source>
        <translation>未完成的走访已保存为草稿。</translation>
    </message>
    <message>
        <source>Household visit</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation>保存走访</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Close (keep draft)</source>
        <translation>关闭（保留草稿）</translation>
    </message>
</context>
<context>
    <name>VisitsDueDialog</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应访日期</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户编号</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>帮扶责任人</translation>
    </message>
    <message>
        <source>Every (days)</source>
        <translation>周期（天）</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>逾期 {n} 天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Visits due</source>
        <translation>应访名单</translation>
    </message>
    <message>
        <source>Show every planned household</source>
        <translation>显示全部计划走访户</translation>
    </message>
    <message>
        <source>Start the visit…</source>
        <translation>开始走访…</translation>
    </message>
    <message>
        <source>Open the household card</source>
        <translation>打开农户档案</translation>
    </message>
    <message>
        <source>Change the visit frequency…</source>
        <translation>修改走访周期…</translation>
    </message>
    <message>
        <source>All helpers</source>
        <translation>全部帮扶责任人</translation>
    </message>
    <message>
        <source>No visit is due.</source>
        <translation>没有到期的走访。</translation>
    </message>
    <message>
        <source>Visit frequency</source>
        <translation>走访周期</translation>
    </message>
    <message>
        <source>Visit every how many days?</source>
        <translation>每隔多少天走访一次？</translation>
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
        <translation>小结</translation>
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
