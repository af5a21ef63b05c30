<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name />
        <message>
            <source>Visits are recorded with the visit wizard: open the {menu} menu and choose {action} (Ctrl+Shift+V).</source>
            <translation>Visits are recorded with the visit wizard: open the {menu} menu and choose {action} (Ctrl+Shift+V).</translation>
        </message>
        <message>
            <source>Which household? Type {initials} and click {name} in the search results (households due for a visit are listed on the right).</source>
            <translation>Which household? Type {initials} and click {name} in the search results (households due for a visit are listed on the right).</translation>
        </message>
        <message>
            <source>Check the date and time of the visit, then click &lt;b&gt;Next&lt;/b&gt;. Every page is kept as a draft: a flat battery loses nothing.</source>
            <translation>Check the date and time of the visit, then click &lt;b&gt;Next&lt;/b&gt;. Every page is kept as a draft: a flat battery loses nothing.</translation>
        </message>
        <message>
            <source>Who lives here now? Everyone is marked present; record births, deaths, marriages and moves with their reason. Then &lt;b&gt;Next&lt;/b&gt;.</source>
            <translation>Who lives here now? Everyone is marked present; record births, deaths, marriages and moves with their reason. Then &lt;b&gt;Next&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>The 'two assurances and three guarantees' (两不愁三保障) and safe water: answer every question (the button sets them all to yes), note what is wrong. Then &lt;b&gt;Next&lt;/b&gt;.</source>
            <translation>The 'two assurances and three guarantees' (两不愁三保障) and safe water: answer every question (the button sets them all to yes), note what is wrong. Then &lt;b&gt;Next&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>This year's income: &lt;b&gt;copy last year's&lt;/b&gt; and correct what changed; the per-capita income is compared with the poverty line. Then &lt;b&gt;Next&lt;/b&gt;.</source>
            <translation>This year's income: &lt;b&gt;copy last year's&lt;/b&gt; and correct what changed; the per-capita income is compared with the poverty line. Then &lt;b&gt;Next&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Agree a measure with the household: choose a category, describe it (e.g. {example}) and click &lt;b&gt;Add measure&lt;/b&gt;.</source>
            <translation>Agree a measure with the household: choose a category, describe it (e.g. {example}) and click &lt;b&gt;Add measure&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>a public-welfare job</source>
            <translation>a public-welfare job</translation>
        </message>
        <message>
            <source>Click &lt;b&gt;Next&lt;/b&gt; and ask how satisfied the household is with the support.</source>
            <translation>Click &lt;b&gt;Next&lt;/b&gt; and ask how satisfied the household is with the support.</translation>
        </message>
        <message>
            <source>Click &lt;b&gt;Next&lt;/b&gt;. The head of household confirms the visit: let them sign here with the mouse, touch pad or pen (or photograph the signed sheet).</source>
            <translation>Click &lt;b&gt;Next&lt;/b&gt;. The head of household confirms the visit: let them sign here with the mouse, touch pad or pen (or photograph the signed sheet).</translation>
        </message>
        <message>
            <source>Click &lt;b&gt;Next&lt;/b&gt; to read the summary, then &lt;b&gt;Save visit&lt;/b&gt;: the visit, the measure and the changes to the card are saved together.</source>
            <translation>Click &lt;b&gt;Next&lt;/b&gt; to read the summary, then &lt;b&gt;Save visit&lt;/b&gt;: the visit, the measure and the changes to the card are saved together.</translation>
        </message>
        <message>
            <source>Open the &lt;b&gt;Visits&lt;/b&gt; tab: your visit is there, with its time and author.</source>
            <translation>Open the &lt;b&gt;Visits&lt;/b&gt; tab: your visit is there, with its time and author.</translation>
        </message>
        <message>
            <source>Record a visit</source>
            <translation>Record a visit</translation>
        </message>
        <message>
            <source>Walk through a household visit: checks, changes, the family's confirmation.</source>
            <translation>Walk through a household visit: checks, changes, the family's confirmation.</translation>
        </message>
        <message>
            <source>the visit wizard (field work)</source>
            <translation>the visit wizard (field work)</translation>
        </message>
        <message>
            <source>Open the &lt;b&gt;Assistance log&lt;/b&gt; tab: every measure the household received, and everything that happened to it.</source>
            <translation>Open the &lt;b&gt;Assistance log&lt;/b&gt; tab: every measure the household received, and everything that happened to it.</translation>
        </message>
        <message>
            <source>Click &lt;b&gt;Log a measure…&lt;/b&gt;.</source>
            <translation>Click &lt;b&gt;Log a measure…&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Choose the category {category}, describe the measure (e.g. {example}), tick the members who benefit, and click &lt;b&gt;OK&lt;/b&gt;.</source>
            <translation>Choose the category {category}, describe the measure (e.g. {example}), tick the members who benefit, and click &lt;b&gt;OK&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>forest ranger, 800 yuan a month</source>
            <translation>forest ranger, 800 yuan a month</translation>
        </message>
        <message>
            <source>When the support is delivered, record its progress: select the measure, click &lt;b&gt;Record progress…&lt;/b&gt;, choose {status} and &lt;b&gt;OK&lt;/b&gt;.</source>
            <translation>When the support is delivered, record its progress: select the measure, click &lt;b&gt;Record progress…&lt;/b&gt;, choose {status} and &lt;b&gt;OK&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>The measure and its progress are now in the household's history, next to its visits and status changes: the record a county checks when it assesses the exit.</source>
            <translation>The measure and its progress are now in the household's history, next to its visits and status changes: the record a county checks when it assesses the exit.</translation>
        </message>
        <message>
            <source>Log an assistance measure</source>
            <translation>Log an assistance measure</translation>
        </message>
        <message>
            <source>Record a measure the household received and its progress.</source>
            <translation>Record a measure the household received and its progress.</translation>
        </message>
        <message>
            <source>the assistance-measure form (field work)</source>
            <translation>the assistance-measure form (field work)</translation>
        </message>
        <message>
            <source>Open the &lt;b&gt;Exit assessment&lt;/b&gt; tab: the household's data against the exit criteria of {year}.</source>
            <translation>Open the &lt;b&gt;Exit assessment&lt;/b&gt; tab: the household's data against the exit criteria of {year}.</translation>
        </message>
        <message>
            <source>Green lines are met; red ones block an exit, and so do amber ones: not checked this year. The criteria: income stably above the line, not worrying about food and clothing, schooling, basic medical care, safe housing and water. The marks of a real exit at the bottom are advisory.</source>
            <translation>Green lines are met; red ones block an exit, and so do amber ones: not checked this year. The criteria: income stably above the line, not worrying about food and clothing, schooling, basic medical care, safe housing and water. The marks of a real exit at the bottom are advisory.</translation>
        </message>
        <message>
            <source>Before an exit the task force verifies everything at home (入户核实). Record the visit: {menu} → {action} ({name} is already chosen, the date is {day}: the scenario's today), answer every check — all yes if all hold — and save.</source>
            <translation>Before an exit the task force verifies everything at home (入户核实). Record the visit: {menu} → {action} ({name} is already chosen, the date is {day}: the scenario's today), answer every check — all yes if all hold — and save.</translation>
        </message>
        <message>
            <source>Every line of {year} is green now: {name} meets the exit criteria.</source>
            <translation>Every line of {year} is green now: {name} meets the exit criteria.</translation>
        </message>
        <message>
            <source>An exit is a request that the county approves. Open the &lt;b&gt;Requests&lt;/b&gt; tab.</source>
            <translation>An exit is a request that the county approves. Open the &lt;b&gt;Requests&lt;/b&gt; tab.</translation>
        </message>
        <message>
            <source>Click &lt;b&gt;New request…&lt;/b&gt;, choose {kind}, year {year}, and &lt;b&gt;OK&lt;/b&gt;.</source>
            <translation>Click &lt;b&gt;New request…&lt;/b&gt;, choose {kind}, year {year}, and &lt;b&gt;OK&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Record the village representatives' deliberation (民主评议): date, how many were there and how many agreed. &lt;b&gt;OK&lt;/b&gt;.</source>
            <translation>Record the village representatives' deliberation (民主评议): date, how many were there and how many agreed. &lt;b&gt;OK&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Record the public notice in the village (公示): it runs at least 7 days. &lt;b&gt;OK&lt;/b&gt;.</source>
            <translation>Record the public notice in the village (公示): it runs at least 7 days. &lt;b&gt;OK&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>The household confirms it agrees (贫困户认可): let the head sign on the pad, then &lt;b&gt;OK&lt;/b&gt;.</source>
            <translation>The household confirms it agrees (贫困户认可): let the head sign on the pad, then &lt;b&gt;OK&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Everything is recorded: click &lt;b&gt;Submit&lt;/b&gt; to send the request to the township.</source>
            <translation>Everything is recorded: click &lt;b&gt;Submit&lt;/b&gt; to send the request to the township.</translation>
        </message>
        <message>
            <source>The township reviews the request and the county approves it; only then does the card show the household as out of poverty. The household now appears on the village's exit notice for {year} (tour: Print an exit notice).</source>
            <translation>The township reviews the request and the county approves it; only then does the card show the household as out of poverty. The household now appears on the village's exit notice for {year} (tour: Print an exit notice).</translation>
        </message>
        <message>
            <source>Assess a household for exit and file the request</source>
            <translation>Assess a household for exit and file the request</translation>
        </message>
        <message>
            <source>Check income and the 'two assurances, three guarantees', then file the exit request.</source>
            <translation>Check income and the 'two assurances, three guarantees', then file the exit request.</translation>
        </message>
        <message>
            <source>the exit assessment and lifecycle-request screens (field work)</source>
            <translation>the exit assessment and lifecycle-request screens (field work)</translation>
        </message>
        <message>
            <source>Notices are prepared in the {menu} menu: open it and choose {action}.</source>
            <translation>Notices are prepared in the {menu} menu: open it and choose {action}.</translation>
        </message>
        <message>
            <source>Choose the kind of notice: {kind}.</source>
            <translation>Choose the kind of notice: {kind}.</translation>
        </message>
        <message>
            <source>Set the year to {year}: the notice lists the households proposed to exit that year.</source>
            <translation>Set the year to {year}: the notice lists the households proposed to exit that year.</translation>
        </message>
        <message>
            <source>Tick the village {village}.</source>
            <translation>Tick the village {village}.</translation>
        </message>
        <message>
            <source>Click &lt;b&gt;Preview&lt;/b&gt; to see the notice exactly as it will be printed.</source>
            <translation>Click &lt;b&gt;Preview&lt;/b&gt; to see the notice exactly as it will be printed.</translation>
        </message>
        <message>
            <source>Check the list with the village committee: group, head of household, household size, per-capita income. Until it is issued every page says 样稿 (draft); in training every page also says 培训 / TRAINING.</source>
            <translation>Check the list with the village committee: group, head of household, household size, per-capita income. Until it is issued every page says 样稿 (draft); in training every page also says 培训 / TRAINING.</translation>
        </message>
        <message>
            <source>If the list is right, click {issue} and save the PDF. Issuing freezes the notice: what is printed can later be proven unchanged.</source>
            <translation>If the list is right, click {issue} and save the PDF. Issuing freezes the notice: what is printed can later be proven unchanged.</translation>
        </message>
        <message>
            <source>The issued notice is saved as a PDF: print that file (A3 for the notice board) and post it for at least 7 days with the 12317 hotline. Reprints come from the notice history.</source>
            <translation>The issued notice is saved as a PDF: print that file (A3 for the notice board) and post it for at least 7 days with the 12317 hotline. Reprints come from the notice history.</translation>
        </message>
        <message>
            <source>Print an exit notice</source>
            <translation>Print an exit notice</translation>
        </message>
        <message>
            <source>Prepare the village's exit notice (公示), check it, issue it and print it.</source>
            <translation>Prepare the village's exit notice (公示), check it, issue it and print it.</translation>
        </message>
        <message>
            <source>the notice screens (notices and printing)</source>
            <translation>the notice screens (notices and printing)</translation>
        </message>
        <message>
            <source>In training the county server is a demo server on this laptop. Open the {menu} menu and choose {action}.</source>
            <translation>In training the county server is a demo server on this laptop. Open the {menu} menu and choose {action}.</translation>
        </message>
        <message>
            <source>Make a change to send: open {name}'s card (type {initials}), correct something — the phone number, say — and save.</source>
            <translation>Make a change to send: open {name}'s card (type {initials}), correct something — the phone number, say — and save.</translation>
        </message>
        <message>
            <source>Open the {menu} menu and choose {action}.</source>
            <translation>Open the {menu} menu and choose {action}.</translation>
        </message>
        <message>
            <source>The panel shows the county server (here: the demo server), the last sync and the changes waiting to be sent. Changes stay safe on the laptop until the county has them, however long the village is offline.</source>
            <translation>The panel shows the county server (here: the demo server), the last sync and the changes waiting to be sent. Changes stay safe on the laptop until the county has them, however long the village is offline.</translation>
        </message>
        <message>
            <source>Click &lt;b&gt;Sync now&lt;/b&gt;: your changes go to the county, and the county's come back.</source>
            <translation>Click &lt;b&gt;Sync now&lt;/b&gt;: your changes go to the county, and the county's come back.</translation>
        </message>
        <message>
            <source>Done: nothing is waiting any more. Conflicts (someone at the county changed the same field) and refused changes would be listed here to review. A training laptop syncs only with a demo server: the real county server refuses it, and it refuses the real server.</source>
            <translation>Done: nothing is waiting any more. Conflicts (someone at the county changed the same field) and refused changes would be listed here to review. A training laptop syncs only with a demo server: the real county server refuses it, and it refuses the real server.</translation>
        </message>
        <message>
            <source>Sync with the county server</source>
            <translation>Sync with the county server</translation>
        </message>
        <message>
            <source>Send your changes to the county and receive theirs (in training: the demo server).</source>
            <translation>Send your changes to the county and receive theirs (in training: the demo server).</translation>
        </message>
        <message>
            <source>the sync panel (sync)</source>
            <translation>the sync panel (sync)</translation>
        </message>
        <message>
            <source>Every search starts here. Click in the &lt;b&gt;search box&lt;/b&gt; (or press Ctrl+F).</source>
            <translation>Every search starts here. Click in the &lt;b&gt;search box&lt;/b&gt; (or press Ctrl+F).</translation>
        </message>
        <message>
            <source>Type the pinyin initials {initials} of {name} — no Chinese input method needed. Full pinyin, part of the ID number or the household number work too.</source>
            <translation>Type the pinyin initials {initials} of {name} — no Chinese input method needed. Full pinyin, part of the ID number or the household number work too.</translation>
        </message>
        <message>
            <source>The list shows only the households that match. Double-click the row of {name} (household number ending in {tail}), or select it and press Enter.</source>
            <translation>The list shows only the households that match. Double-click the row of {name} (household number ending in {tail}), or select it and press Enter.</translation>
        </message>
        <message>
            <source>This is the household card of {name}. The coloured badge is the poverty status (red: not yet out of poverty); the line below gives the household number, group, members, per-capita income and helper.</source>
            <translation>This is the household card of {name}. The coloured badge is the poverty status (red: not yet out of poverty); the line below gives the household number, group, members, per-capita income and helper.</translation>
        </message>
        <message>
            <source>Find a household by pinyin</source>
            <translation>Find a household by pinyin</translation>
        </message>
        <message>
            <source>Search by pinyin initials and open the household card.</source>
            <translation>Search by pinyin initials and open the household card.</translation>
        </message>
        <message>
            <source>Open the card of {name}: type {initials} in the search box and double-click the row.</source>
            <translation>Open the card of {name}: type {initials} in the search box and double-click the row.</translation>
        </message>
        <message>
            <source>The card has one tab per part of the household's poverty-alleviation handbook (扶贫手册). Read it first: open the &lt;b&gt;Members&lt;/b&gt; tab to see who lives here.</source>
            <translation>The card has one tab per part of the household's poverty-alleviation handbook (扶贫手册). Read it first: open the &lt;b&gt;Members&lt;/b&gt; tab to see who lives here.</translation>
        </message>
        <message>
            <source>Now open the &lt;b&gt;Basic data&lt;/b&gt; tab: address, phone, bank, causes of poverty.</source>
            <translation>Now open the &lt;b&gt;Basic data&lt;/b&gt; tab: address, phone, bank, causes of poverty.</translation>
        </message>
        <message>
            <source>During the visit the family told you their new phone number. Replace the phone number with {phone}.</source>
            <translation>During the visit the family told you their new phone number. Replace the phone number with {phone}.</translation>
        </message>
        <message>
            <source>Click &lt;b&gt;Save&lt;/b&gt; (or press Ctrl+S). The card is checked first: a mistake is shown in red next to its field and nothing is written.</source>
            <translation>Click &lt;b&gt;Save&lt;/b&gt; (or press Ctrl+S). The card is checked first: a mistake is shown in red next to its field and nothing is written.</translation>
        </message>
        <message>
            <source>Nothing is changed silently: open the &lt;b&gt;Change history&lt;/b&gt; tab.</source>
            <translation>Nothing is changed silently: open the &lt;b&gt;Change history&lt;/b&gt; tab.</translation>
        </message>
        <message>
            <source>Your correction is listed with your name, the time, the old and the new value. The county can verify that this history was never rewritten.</source>
            <translation>Your correction is listed with your name, the time, the old and the new value. The county can verify that this history was never rewritten.</translation>
        </message>
        <message>
            <source>Read and correct a household card</source>
            <translation>Read and correct a household card</translation>
        </message>
        <message>
            <source>Open a card, correct a field, save, and find the change in the history.</source>
            <translation>Open a card, correct a field, save, and find the change in the history.</translation>
        </message>
        <message>
            <source>Training mode</source>
            <translation>Training mode</translation>
        </message>
        <message>
            <source>The training sandbox could not be opened: {reason}</source>
            <translation>The training sandbox could not be opened: {reason}</translation>
        </message>
        <message>
            <source>Preparing the training sandbox…</source>
            <translation>Preparing the training sandbox…</translation>
        </message>
        <message>
            <source>Reset the training sandbox to a clean start?</source>
            <translation>Reset the training sandbox to a clean start?</translation>
        </message>
        <message>
            <source>Start the training sandbox afresh with the scenario “{title}”?</source>
            <translation>Start the training sandbox afresh with the scenario “{title}”?</translation>
        </message>
        <message>
            <source>Everything entered in the sandbox is thrown away. The real database is not touched.</source>
            <translation>Everything entered in the sandbox is thrown away. The real database is not touched.</translation>
        </message>
    </context>
    <context>
        <name>AddMemberDialog</name>
        <message>
            <source>A member joins the household</source>
            <translation>A member joins the household</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Cannot open the database</source>
            <translation>Cannot open the database</translation>
        </message>
    </context>
    <context>
        <name>AssistanceTab</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Funding source</source>
            <translation>Funding source</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Beneficiaries</source>
            <translation>Beneficiaries</translation>
        </message>
        <message>
            <source>Fund project</source>
            <translation>Fund project</translation>
        </message>
        <message>
            <source>Log a measure…</source>
            <translation>Log a measure…</translation>
        </message>
        <message>
            <source>Record progress…</source>
            <translation>Record progress…</translation>
        </message>
        <message>
            <source>Everything that happened to this household</source>
            <translation>Everything that happened to this household</translation>
        </message>
        <message>
            <source>Visit by {who}: {summary}</source>
            <translation>Visit by {who}: {summary}</translation>
        </message>
        <message>
            <source>Measure: {category} {content}</source>
            <translation>Measure: {category} {content}</translation>
        </message>
        <message>
            <source>Measure progress: {status} {note}</source>
            <translation>Measure progress: {status} {note}</translation>
        </message>
        <message>
            <source>Status: {event} ({year})</source>
            <translation>Status: {event} ({year})</translation>
        </message>
        <message>
            <source>Took part: {kind} {note}</source>
            <translation>Took part: {kind} {note}</translation>
        </message>
        <message>
            <source>Fund project: {name}</source>
            <translation>Fund project: {name}</translation>
        </message>
        <message>
            <source>(no fund project)</source>
            <translation>(no fund project)</translation>
        </message>
        <message>
            <source>Beneficiary members (select one or more):</source>
            <translation>Beneficiary members (select one or more):</translation>
        </message>
        <message>
            <source>Log an assistance measure</source>
            <translation>Log an assistance measure</translation>
        </message>
        <message>
            <source>Fund project (optional)</source>
            <translation>Fund project (optional)</translation>
        </message>
        <message>
            <source>Select a measure first.</source>
            <translation>Select a measure first.</translation>
        </message>
        <message>
            <source>Progress of the measure</source>
            <translation>Progress of the measure</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Actual amount (if different)</source>
            <translation>Actual amount (if different)</translation>
        </message>
    </context>
    <context>
        <name>AtRiskDialog</name>
        <message>
            <source>Risk</source>
            <translation>Risk</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>Head of household</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>Flags</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>Households at risk of returning to poverty</source>
            <translation>Households at risk of returning to poverty</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Include households not yet out of poverty</source>
            <translation>Include households not yet out of poverty</translation>
        </message>
        <message>
            <source>Open the household card</source>
            <translation>Open the household card</translation>
        </message>
        <message>
            <source>No household at risk.</source>
            <translation>No household at risk.</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsTab</name>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>Caption</translation>
        </message>
        <message>
            <source>Belongs to</source>
            <translation>Belongs to</translation>
        </message>
        <message>
            <source>File type</source>
            <translation>File type</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Pixels</source>
            <translation>Pixels</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Added</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>No photos or scanned sheets attached yet.</source>
            <translation>No photos or scanned sheets attached yet.</translation>
        </message>
    </context>
    <context>
        <name>BasicTab</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Revert</translation>
        </message>
        <message>
            <source>Save the changes on this page (Ctrl+S)</source>
            <translation>Save the changes on this page (Ctrl+S)</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>Nothing to save.</translation>
        </message>
    </context>
    <context>
        <name>CardTab</name>
        <message>
            <source>Not saved: {kind}</source>
            <translation>Not saved: {kind}</translation>
        </message>
    </context>
    <context>
        <name>ChecksPage</name>
        <message>
            <source>Two no-worries, three guarantees, drinking water</source>
            <translation>Two no-worries, three guarantees, drinking water</translation>
        </message>
        <message>
            <source>Answer what you checked yourself; leave the rest as not checked.</source>
            <translation>Answer what you checked yourself; leave the rest as not checked.</translation>
        </message>
        <message>
            <source>Two no-worries (food, clothing)</source>
            <translation>Two no-worries (food, clothing)</translation>
        </message>
        <message>
            <source>Three guarantees (education, medical care, housing)</source>
            <translation>Three guarantees (education, medical care, housing)</translation>
        </message>
        <message>
            <source>Safe drinking water</source>
            <translation>Safe drinking water</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>not checked</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>note (e.g. why a child is excused from school)</source>
            <translation>note (e.g. why a child is excused from school)</translation>
        </message>
        <message>
            <source>note</source>
            <translation>note</translation>
        </message>
        <message>
            <source>House rating seen at this visit</source>
            <translation>House rating seen at this visit</translation>
        </message>
        <message>
            <source>Mark everything not yet answered as yes</source>
            <translation>Mark everything not yet answered as yes</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>unchanged</translation>
        </message>
    </context>
    <context>
        <name>ConditionsTab</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Revert</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>Nothing to save.</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Conflicts to review</source>
            <translation>Conflicts to review</translation>
        </message>
        <message>
            <source>These fields were changed at the county while this laptop changed them too. The county's value is in effect; choose which one to keep.</source>
            <translation>These fields were changed at the county while this laptop changed them too. The county's value is in effect; choose which one to keep.</translation>
        </message>
        <message>
            <source>Keep the county's value</source>
            <translation>Keep the county's value</translation>
        </message>
        <message>
            <source>Use our value</source>
            <translation>Use our value</translation>
        </message>
    </context>
    <context>
        <name>ConflictModel</name>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>County's value</source>
            <translation>County's value</translation>
        </message>
        <message>
            <source>Changed there by</source>
            <translation>Changed there by</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Our value</source>
            <translation>Our value</translation>
        </message>
    </context>
    <context>
        <name>DashboardDialog</name>
        <message>
            <source>Dashboard</source>
            <extracomment>figures loaded and charts drawn (the Dashboard) a file was written (its path)</extracomment>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>Everything</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>Place:</source>
            <translation>Place:</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Save chart as &amp;image…</source>
            <translation>Save chart as &amp;image…</translation>
        </message>
        <message>
            <source>Save &amp;PDF report…</source>
            <translation>Save &amp;PDF report…</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>By poverty status</source>
            <translation>By poverty status</translation>
        </message>
        <message>
            <source>Households by poverty status</source>
            <translation>Households by poverty status</translation>
        </message>
        <message>
            <source>By household type</source>
            <translation>By household type</translation>
        </message>
        <message>
            <source>Households by household type</source>
            <translation>Households by household type</translation>
        </message>
        <message>
            <source>By cause</source>
            <translation>By cause</translation>
        </message>
        <message>
            <source>Households by main cause of poverty</source>
            <translation>Households by main cause of poverty</translation>
        </message>
        <message>
            <source>Exits and plan</source>
            <translation>Exits and plan</translation>
        </message>
        <message>
            <source>Households exiting by year against the annual plan</source>
            <translation>Households exiting by year against the annual plan</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>Exited</source>
            <translation>Exited</translation>
        </message>
        <message>
            <source>Number of measures</source>
            <translation>Number of measures</translation>
        </message>
        <message>
            <source>Assistance measures by category</source>
            <translation>Assistance measures by category</translation>
        </message>
        <message>
            <source>Funds</source>
            <translation>Funds</translation>
        </message>
        <message>
            <source>Project funds by source (yuan)</source>
            <translation>Project funds by source (yuan)</translation>
        </message>
        <message>
            <source>Yuan</source>
            <translation>Yuan</translation>
        </message>
        <message>
            <source>Number of households</source>
            <translation>Number of households</translation>
        </message>
        <message>
            <source>Save chart as image</source>
            <translation>Save chart as image</translation>
        </message>
        <message>
            <source>chart</source>
            <translation>chart</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <source>Saved {name}</source>
            <translation>Saved {name}</translation>
        </message>
        <message>
            <source>Save PDF report</source>
            <translation>Save PDF report</translation>
        </message>
        <message>
            <source>dashboard</source>
            <translation>dashboard</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Writing the report…</source>
            <translation>Writing the report…</translation>
        </message>
    </context>
    <context>
        <name>DraftsDialog</name>
        <message>
            <source>Household</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>(not chosen yet)</source>
            <translation>(not chosen yet)</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>Last saved</source>
            <translation>Last saved</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Step</translation>
        </message>
        <message>
            <source>Unfinished visits</source>
            <translation>Unfinished visits</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
    </context>
    <context>
        <name>Entities</name>
        <message>
            <source>Household</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Income</source>
            <translation>Income</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>Conditions</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>Helper</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Measure</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>Request</translation>
        </message>
    </context>
    <context>
        <name>EntryTable</name>
        <message>
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
    </context>
    <context>
        <name>ExitTab</name>
        <message>
            <source>Result</source>
            <extracomment>data arrived and is shown (tests wait on it) something was written through a service</extracomment>
            <translation>Result</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Assess the exit for the year</source>
            <translation>Assess the exit for the year</translation>
        </message>
        <message>
            <source>Red and amber lines in the upper part block an exit; the five marks of a real exit at the bottom are advisory.</source>
            <translation>Red and amber lines in the upper part block an exit; the five marks of a real exit at the bottom are advisory.</translation>
        </message>
        <message>
            <source>Meets the exit criteria for {year}.</source>
            <translation>Meets the exit criteria for {year}.</translation>
        </message>
        <message>
            <source>Does not yet meet the exit criteria for {year}: {n} point(s) open.</source>
            <translation>Does not yet meet the exit criteria for {year}: {n} point(s) open.</translation>
        </message>
        <message>
            <source>{n} mark(s) of a real exit not shown.</source>
            <translation>{n} mark(s) of a real exit not shown.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export to Excel/CSV</source>
            <extracomment>the export finished: (path, rows)</extracomment>
            <translation>Export to Excel/CSV</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Household records</source>
            <translation>Household records</translation>
        </message>
        <message>
            <source>Incomes</source>
            <translation>Incomes</translation>
        </message>
        <message>
            <source>Assistance measures</source>
            <translation>Assistance measures</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>Everything</translation>
        </message>
        <message>
            <source>The selected township or village ({code})</source>
            <translation>The selected township or village ({code})</translation>
        </message>
        <message>
            <source>Only the income year</source>
            <translation>Only the income year</translation>
        </message>
        <message>
            <source>Include full ID numbers and bank accounts (recorded in the audit trail)</source>
            <translation>Include full ID numbers and bank accounts (recorded in the audit trail)</translation>
        </message>
        <message>
            <source>What:</source>
            <translation>What:</translation>
        </message>
        <message>
            <source>Place:</source>
            <translation>Place:</translation>
        </message>
        <message>
            <source>Poverty status:</source>
            <translation>Poverty status:</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx);;CSV files (*.csv)</source>
            <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
        </message>
        <message>
            <source>The file will contain full ID numbers and bank accounts. Keep it safe and delete it when done. Continue?</source>
            <translation>The file will contain full ID numbers and bank accounts. Keep it safe and delete it when done. Continue?</translation>
        </message>
        <message>
            <source>{n} row(s) written to {path}</source>
            <translation>{n} row(s) written to {path}</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
    </context>
    <context>
        <name>Fieldwork</name>
        <message>
            <source>Something went wrong ({name}); nothing was saved.</source>
            <translation>Something went wrong ({name}); nothing was saved.</translation>
        </message>
    </context>
    <context>
        <name>FieldworkMenu</name>
        <message>
            <source>Field &amp;work</source>
            <extracomment>a window or wizard was opened (tests and tours) the start-up reminder was computed: (due count, overdue count, draft count)</extracomment>
            <translation>Field &amp;work</translation>
        </message>
        <message>
            <source>&amp;New visit…</source>
            <translation>&amp;New visit…</translation>
        </message>
        <message>
            <source>&amp;Resume an unfinished visit…</source>
            <translation>&amp;Resume an unfinished visit…</translation>
        </message>
        <message>
            <source>Visits &amp;due…</source>
            <translation>Visits &amp;due…</translation>
        </message>
        <message>
            <source>Lifecycle re&amp;quests…</source>
            <translation>Lifecycle re&amp;quests…</translation>
        </message>
        <message>
            <source>Households at &amp;risk…</source>
            <translation>Households at &amp;risk…</translation>
        </message>
        <message>
            <source>&amp;Points scheme…</source>
            <translation>&amp;Points scheme…</translation>
        </message>
        <message>
            <source>Exit assessment</source>
            <translation>Exit assessment</translation>
        </message>
        <message>
            <source>Assistance log</source>
            <translation>Assistance log</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Participation</source>
            <translation>Participation</translation>
        </message>
        <message>
            <source>{due} household visit(s) are due, {overdue} of them overdue.</source>
            <translation>{due} household visit(s) are due, {overdue} of them overdue.</translation>
        </message>
        <message>
            <source>{n} unfinished visit(s) can be resumed.</source>
            <translation>{n} unfinished visit(s) can be resumed.</translation>
        </message>
        <message>
            <source>Field work</source>
            <translation>Field work</translation>
        </message>
        <message>
            <source>Show visits due</source>
            <translation>Show visits due</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Later</translation>
        </message>
    </context>
    <context>
        <name>FindingsModel</name>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>Finding</translation>
        </message>
        <message>
            <source>Village code</source>
            <translation>Village code</translation>
        </message>
        <message>
            <source>Household no.</source>
            <translation>Household no.</translation>
        </message>
        <message>
            <source>Head</source>
            <translation>Head</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Bangfu</source>
            <translation>Welcome to Bangfu</translation>
        </message>
        <message>
            <source>No database was found on this computer. Create a new encrypted database for your task force, or open the demo county to look around and practise.</source>
            <translation>No database was found on this computer. Create a new encrypted database for your task force, or open the demo county to look around and practise.</translation>
        </message>
        <message>
            <source>Create a new database</source>
            <translation>Create a new database</translation>
        </message>
        <message>
            <source>Encrypted with your passphrase. You become its first user; colleagues can be added later.</source>
            <translation>Encrypted with your passphrase. You become its first user; colleagues can be added later.</translation>
        </message>
        <message>
            <source>Open the demo county</source>
            <translation>Open the demo county</translation>
        </message>
        <message>
            <source>Invented households for training. Kept apart from real data; nothing in it is real.</source>
            <translation>Invented households for training. Kept apart from real data; nothing in it is real.</translation>
        </message>
        <message>
            <source>&amp;Your name</source>
            <translation>&amp;Your name</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>&amp;Role</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <source>Passphrase &amp;again</source>
            <translation>Passphrase &amp;again</translation>
        </message>
        <message>
            <source>Database file</source>
            <translation>Database file</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Back</translation>
        </message>
        <message>
            <source>Creating…</source>
            <translation>Creating…</translation>
        </message>
        <message>
            <source>&amp;Create database</source>
            <translation>&amp;Create database</translation>
        </message>
        <message>
            <source>Enter your name as colleagues know it.</source>
            <translation>Enter your name as colleagues know it.</translation>
        </message>
        <message>
            <source>At least {n} characters.</source>
            <translation>At least {n} characters.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>The two passphrases differ.</translation>
        </message>
        <message>
            <source>Preparing the demo county…</source>
            <translation>Preparing the demo county…</translation>
        </message>
        <message>
            <source>Something went wrong: {kind}</source>
            <translation>Something went wrong: {kind}</translation>
        </message>
    </context>
    <context>
        <name>HeadDialog</name>
        <message>
            <source>Former head's new relation</source>
            <translation>Former head's new relation</translation>
        </message>
        <message>
            <source>Change the head of household</source>
            <translation>Change the head of household</translation>
        </message>
        <message>
            <source>{name} becomes the head of household.</source>
            <translation>{name} becomes the head of household.</translation>
        </message>
    </context>
    <context>
        <name>HelperDialog</name>
        <message>
            <source>New helper</source>
            <translation>New helper</translation>
        </message>
    </context>
    <context>
        <name>HelpersTab</name>
        <message>
            <source>current</source>
            <translation>current</translation>
        </message>
        <message>
            <source>&amp;Change helper…</source>
            <translation>&amp;Change helper…</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <source>created</source>
            <translation>created</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>deleted</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Change history</source>
            <translation>Change history</translation>
        </message>
        <message>
            <source>No changes recorded.</source>
            <translation>No changes recorded.</translation>
        </message>
    </context>
    <context>
        <name>HouseholdCard</name>
        <message>
            <source>Basic data</source>
            <extracomment>the card's data arrived (after opening or after a save)</extracomment>
            <translation>Basic data</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Income</source>
            <translation>Income</translation>
        </message>
        <message>
            <source>Living conditions</source>
            <translation>Living conditions</translation>
        </message>
        <message>
            <source>Helpers</source>
            <translation>Helpers</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Measures</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Status history</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>Change history</source>
            <translation>Change history</translation>
        </message>
        <message>
            <source>The household could not be loaded: {reason}</source>
            <translation>The household could not be loaded: {reason}</translation>
        </message>
        <message>
            <source>{head} household</source>
            <translation>{head} household</translation>
        </message>
        <message>
            <source>Household no. {number}</source>
            <translation>Household no. {number}</translation>
        </message>
        <message>
            <source>{place}, group {group}</source>
            <translation>{place}, group {group}</translation>
        </message>
        <message>
            <source>{n} members</source>
            <translation>{n} members</translation>
        </message>
        <message>
            <source>main cause: {cause}</source>
            <translation>main cause: {cause}</translation>
        </message>
        <message>
            <source>per capita {year}: {amount}</source>
            <translation>per capita {year}: {amount}</translation>
        </message>
        <message>
            <source>helper: {name}</source>
            <translation>helper: {name}</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
    </context>
    <context>
        <name>HouseholdListModel</name>
        <message>
            <source>Household no.</source>
            <translation>Household no.</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>Head of household</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Household size</source>
            <translation>Household size</translation>
        </message>
        <message>
            <source>Household type</source>
            <translation>Household type</translation>
        </message>
        <message>
            <source>Main cause</source>
            <translation>Main cause</translation>
        </message>
        <message>
            <source>Poverty status</source>
            <translation>Poverty status</translation>
        </message>
        <message>
            <source>Per-capita income {year}</source>
            <translation>Per-capita income {year}</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>Helper</translation>
        </message>
        <message>
            <source>Last visit</source>
            <translation>Last visit</translation>
        </message>
        <message>
            <source>Poverty line {year}: {line}</source>
            <extracomment>(rows) after every reload; the status bar shows the count a block of rows arrived (tests wait on it)</extracomment>
            <translation>Poverty line {year}: {line}</translation>
        </message>
    </context>
    <context>
        <name>HouseholdNoticeDialog</name>
        <message>
            <source>Household list notice</source>
            <extracomment>notices issued (their ids) and the files written a refusal or failure was shown (the message) a preview is ready (the PdfPreviewDialog)</extracomment>
            <translation>Household list notice</translation>
        </message>
        <message>
            <source>A4 portrait</source>
            <translation>A4 portrait</translation>
        </message>
        <message>
            <source>A4 landscape</source>
            <translation>A4 landscape</translation>
        </message>
        <message>
            <source>A3 portrait (board)</source>
            <translation>A3 portrait (board)</translation>
        </message>
        <message>
            <source>A3 landscape (board)</source>
            <translation>A3 landscape (board)</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Posted from</source>
            <translation>Posted from</translation>
        </message>
        <message>
            <source>Posted until</source>
            <translation>Posted until</translation>
        </message>
        <message>
            <source>Issuing body</source>
            <translation>Issuing body</translation>
        </message>
        <message>
            <source>Local supervision phone</source>
            <translation>Local supervision phone</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>Add the head's ID number (masked)</source>
            <translation>Add the head's ID number (masked)</translation>
        </message>
        <message>
            <source>One combined PDF for all villages</source>
            <translation>One combined PDF for all villages</translation>
        </message>
        <message>
            <source>Skip villages with nobody to list</source>
            <translation>Skip villages with nobody to list</translation>
        </message>
        <message>
            <source>default: the villagers' committee</source>
            <translation>default: the villagers' committee</translation>
        </message>
        <message>
            <source>Empty: {days} days from the first day</source>
            <translation>Empty: {days} days from the first day</translation>
        </message>
        <message>
            <source>Villages</source>
            <translation>Villages</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Preview</translation>
        </message>
        <message>
            <source>&amp;Issue and save…</source>
            <translation>&amp;Issue and save…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Printing failed: {error}</source>
            <translation>Printing failed: {error}</translation>
        </message>
        <message>
            <source>&amp;Issue this notice…</source>
            <translation>&amp;Issue this notice…</translation>
        </message>
        <message>
            <source>Save the notice</source>
            <translation>Save the notice</translation>
        </message>
        <message>
            <source>notice</source>
            <translation>notice</translation>
        </message>
        <message>
            <source>Folder for the notices</source>
            <translation>Folder for the notices</translation>
        </message>
        <message>
            <source>Cancelled: nothing was issued or written.</source>
            <translation>Cancelled: nothing was issued or written.</translation>
        </message>
        <message>
            <source>Printing the notices…</source>
            <translation>Printing the notices…</translation>
        </message>
        <message>
            <source>Issued {n} notice(s); saved {files}</source>
            <translation>Issued {n} notice(s); saved {files}</translation>
        </message>
        <message>
            <source>({n} village(s) without anybody to list were skipped)</source>
            <translation>({n} village(s) without anybody to list were skipped)</translation>
        </message>
    </context>
    <context>
        <name>HouseholdPage</name>
        <message>
            <source>Household and time of the visit</source>
            <extracomment>how often the open wizard writes its draft when something changed (besides every page change) which page shows a field the service complains about (entity, field) → page</extracomment>
            <translation>Household and time of the visit</translation>
        </message>
        <message>
            <source>Search by name, pinyin initials, ID digits or household number, or pick from the visits due.</source>
            <translation>Search by name, pinyin initials, ID digits or household number, or pick from the visits due.</translation>
        </message>
        <message>
            <source>Visited at</source>
            <translation>Visited at</translation>
        </message>
        <message>
            <source>Search households…</source>
            <translation>Search households…</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>Visits due</source>
            <translation>Visits due</translation>
        </message>
        <message>
            <source>{n} days overdue</source>
            <translation>{n} days overdue</translation>
        </message>
        <message>
            <source>due {day}</source>
            <translation>due {day}</translation>
        </message>
        <message>
            <source>No household chosen yet.</source>
            <translation>No household chosen yet.</translation>
        </message>
        <message>
            <source>Visiting: {head} household, no. {number}, group {group}</source>
            <translation>Visiting: {head} household, no. {number}, group {group}</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import registry spreadsheet</source>
            <extracomment>a check finished (the ImportResult) the import finished (the ImportResult) the check or import failed (the exception)</extracomment>
            <translation>Import registry spreadsheet</translation>
        </message>
        <message>
            <source>An .xlsx file in the national system's person-level export shape</source>
            <translation>An .xlsx file in the national system's person-level export shape</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>Save an empty template…</source>
            <translation>Save an empty template…</translation>
        </message>
        <message>
            <source>Per-capita income is for the year</source>
            <translation>Per-capita income is for the year</translation>
        </message>
        <message>
            <source>As written in the file</source>
            <translation>As written in the file</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>File:</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Village:</source>
            <translation>Village:</translation>
        </message>
        <message>
            <source>Choose a file and press Check.</source>
            <translation>Choose a file and press Check.</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Check</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>Registry spreadsheet</source>
            <translation>Registry spreadsheet</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx *.xlsm)</source>
            <translation>Excel files (*.xlsx *.xlsm)</translation>
        </message>
        <message>
            <source>Save an empty template</source>
            <translation>Save an empty template</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Checking the file…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>Header</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>({n} warning(s))</source>
            <translation>({n} warning(s))</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importing…</translation>
        </message>
    </context>
    <context>
        <name>IncomePage</name>
        <message>
            <source>Income this year</source>
            <translation>Income this year</translation>
        </message>
        <message>
            <source>Item by item, in yuan. Net income = wages + business + property + transfers − business expenses.</source>
            <translation>Item by item, in yuan. Net income = wages + business + property + transfers − business expenses.</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Out-of-pocket costs this year (return-to-poverty risk)</source>
            <translation>Out-of-pocket costs this year (return-to-poverty risk)</translation>
        </message>
        <message>
            <source>Net income {net}; {size} people; per capita {pc}</source>
            <translation>Net income {net}; {size} people; per capita {pc}</translation>
        </message>
        <message>
            <source>above the line {line} by {margin}</source>
            <translation>above the line {line} by {margin}</translation>
        </message>
        <message>
            <source>below the line {line} by {margin}</source>
            <translation>below the line {line} by {margin}</translation>
        </message>
        <message>
            <source>Start from last year's figures</source>
            <translation>Start from last year's figures</translation>
        </message>
        <message>
            <source>no poverty line is known for {year}</source>
            <translation>no poverty line is known for {year}</translation>
        </message>
    </context>
    <context>
        <name>IncomeTab</name>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Net income</source>
            <translation>Net income</translation>
        </message>
        <message>
            <source>Household size</source>
            <translation>Household size</translation>
        </message>
        <message>
            <source>Per capita</source>
            <translation>Per capita</translation>
        </message>
        <message>
            <source>Poverty line</source>
            <translation>Poverty line</translation>
        </message>
        <message>
            <source>Compared with the line</source>
            <translation>Compared with the line</translation>
        </message>
        <message>
            <source>&amp;Year</source>
            <translation>&amp;Year</translation>
        </message>
        <message>
            <source>Computed</source>
            <translation>Computed</translation>
        </message>
        <message>
            <source>Transfer income</source>
            <translation>Transfer income</translation>
        </message>
        <message>
            <source>Per-capita net income</source>
            <translation>Per-capita net income</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>All years</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Revert</translation>
        </message>
        <message>
            <source>No members: per-capita income cannot be computed</source>
            <translation>No members: per-capita income cannot be computed</translation>
        </message>
        <message>
            <source>No poverty line recorded for {year}</source>
            <translation>No poverty line recorded for {year}</translation>
        </message>
        <message>
            <source>{amount} above the line</source>
            <translation>{amount} above the line</translation>
        </message>
        <message>
            <source>{amount} below the line</source>
            <translation>{amount} below the line</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>Nothing to save.</translation>
        </message>
    </context>
    <context>
        <name>LifecycleTab</name>
        <message>
            <source>Request</source>
            <translation>Request</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Filed by</source>
            <translation>Filed by</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Last change</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Status changes</source>
            <translation>Status changes</translation>
        </message>
        <message>
            <source>No status changes recorded yet.</source>
            <translation>No status changes recorded yet.</translation>
        </message>
        <message>
            <source>Requests awaiting or past approval</source>
            <translation>Requests awaiting or past approval</translation>
        </message>
        <message>
            <source>No requests.</source>
            <translation>No requests.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>All statuses</source>
            <extracomment>typical widest content of each list column: ResizeToContents would read all 100,000 rows connections of running integrity checks, interrupted when the window closes a household was changed (by the card or a plugin): lists and panels refresh the database is attached and the models are loading True when the window locks, False when someone signs in again the integrity check finished: "ok", "backup_failed" or "damaged" the feature plugins of ui/plugins.py were loaded (after the first rows were on screen)</extracomment>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>All household types</source>
            <translation>All household types</translation>
        </message>
        <message>
            <source>All causes</source>
            <translation>All causes</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Household</source>
            <translation>&amp;Household</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Bangfu — poverty-alleviation registry</source>
            <translation>Bangfu — poverty-alleviation registry</translation>
        </message>
        <message>
            <source>[demo data]</source>
            <translation>[demo data]</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Opening the database…</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Lock</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Back up now</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Open household card</source>
            <translation>&amp;Open household card</translation>
        </message>
        <message>
            <source>&amp;Close card</source>
            <translation>&amp;Close card</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Find…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>&amp;Clear search and filters</source>
            <translation>&amp;Clear search and filters</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Text size</source>
            <translation>&amp;Text size</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Large</source>
            <translation>Large</translation>
        </message>
        <message>
            <source>Extra large</source>
            <translation>Extra large</translation>
        </message>
        <message>
            <source>&amp;Users…</source>
            <translation>&amp;Users…</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Preferences…</translation>
        </message>
        <message>
            <source>&amp;Check database integrity</source>
            <translation>&amp;Check database integrity</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <source>&amp;About Bangfu</source>
            <translation>&amp;About Bangfu</translation>
        </message>
        <message>
            <source>Name, pinyin (zs), ID digits, household no.</source>
            <translation>Name, pinyin (zs), ID digits, household no.</translation>
        </message>
        <message>
            <source>Search as you type (Ctrl+F); Enter opens the only match, Esc clears</source>
            <translation>Search as you type (Ctrl+F); Enter opens the only match, Esc clears</translation>
        </message>
        <message>
            <source>All groups</source>
            <translation>All groups</translation>
        </message>
        <message>
            <source> (group)</source>
            <translation> (group)</translation>
        </message>
        <message>
            <source>Visit overdue</source>
            <translation>Visit overdue</translation>
        </message>
        <message>
            <source>Households whose last visit is older than their helper's visit plan (30 days if none)</source>
            <translation>Households whose last visit is older than their helper's visit plan (30 days if none)</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>Households</translation>
        </message>
        <message>
            <source>Checking the database…</source>
            <translation>Checking the database…</translation>
        </message>
        <message>
            <source>Database checked; the automatic backup failed (disk full?)</source>
            <translation>Database checked; the automatic backup failed (disk full?)</translation>
        </message>
        <message>
            <source>Database checked</source>
            <translation>Database checked</translation>
        </message>
        <message>
            <source>Database damaged: read-only</source>
            <translation>Database damaged: read-only</translation>
        </message>
        <message>
            <source>Database damaged</source>
            <translation>Database damaged</translation>
        </message>
        <message>
            <source>{problem}

The program continues read-only so that nothing more is lost.</source>
            <translation>{problem}

The program continues read-only so that nothing more is lost.</translation>
        </message>
        <message>
            <source>Backup written: {name}</source>
            <translation>Backup written: {name}</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>Writing a backup…</source>
            <translation>Writing a backup…</translation>
        </message>
        <message>
            <source>The list could not be loaded: {reason}</source>
            <translation>The list could not be loaded: {reason}</translation>
        </message>
        <message>
            <source>{n} households found</source>
            <translation>{n} households found</translation>
        </message>
        <message>
            <source>{n} households</source>
            <translation>{n} households</translation>
        </message>
        <message>
            <source>Signed in: {name} ({role})</source>
            <translation>Signed in: {name} ({role})</translation>
        </message>
        <message>
            <source>read-only</source>
            <translation>read-only</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>This card has changes that were not saved. Close it anyway?</source>
            <translation>This card has changes that were not saved. Close it anyway?</translation>
        </message>
        <message>
            <source>{n} feature module(s) could not be loaded</source>
            <translation>{n} feature module(s) could not be loaded</translation>
        </message>
        <message>
            <source>Search households</source>
            <translation>Search households</translation>
        </message>
        <message>
            <source>Open the selected household</source>
            <translation>Open the selected household</translation>
        </message>
        <message>
            <source>Save the page of the card in front</source>
            <translation>Save the page of the card in front</translation>
        </message>
        <message>
            <source>Close the card</source>
            <translation>Close the card</translation>
        </message>
        <message>
            <source>Previous / next tab</source>
            <translation>Previous / next tab</translation>
        </message>
        <message>
            <source>Place tree / household list</source>
            <translation>Place tree / household list</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Lock now</source>
            <translation>Lock now</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>Clear the search</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>About Bangfu</source>
            <translation>About Bangfu</translation>
        </message>
        <message>
            <source>Bangfu {version}
Offline registry and field work for village poverty-alleviation task forces.
Data stays encrypted on this computer and syncs with the county server.</source>
            <translation>Bangfu {version}
Offline registry and field work for village poverty-alleviation task forces.
Data stays encrypted on this computer and syncs with the county server.</translation>
        </message>
        <message>
            <source>Some cards have changes that were not saved. Quit anyway?</source>
            <translation>Some cards have changes that were not saved. Quit anyway?</translation>
        </message>
    </context>
    <context>
        <name>MeasuresTab</name>
        <message>
            <source>Date</source>
            <extracomment>lifecycle kinds whose reason is a code: 剔除 → removal_reason, 自然减少/增加 → member_change_reason</extracomment>
            <translation>Date</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Funding source</source>
            <translation>Funding source</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Assistance measures</source>
            <translation>Assistance measures</translation>
        </message>
        <message>
            <source>No assistance measures recorded yet.</source>
            <translation>No assistance measures recorded yet.</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>Add a member</source>
            <translation>Add a member</translation>
        </message>
        <message>
            <source>Edit member</source>
            <translation>Edit member</translation>
        </message>
        <message>
            <source>Why and when the member joins</source>
            <translation>Why and when the member joins</translation>
        </message>
        <message>
            <source>Sex and date of birth are taken from an 18-digit ID number when left empty.</source>
            <translation>Sex and date of birth are taken from an 18-digit ID number when left empty.</translation>
        </message>
    </context>
    <context>
        <name>MembersPage</name>
        <message>
            <source>Age</source>
            <translation>Age</translation>
        </message>
        <message>
            <source>Insured</source>
            <translation>Insured</translation>
        </message>
        <message>
            <source>At this visit</source>
            <translation>At this visit</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Confirm who lives here; record births, deaths, marriages and moves with their reason, and changes in schooling, health or insurance.</source>
            <translation>Confirm who lives here; record births, deaths, marriages and moves with their reason, and changes in schooling, health or insurance.</translation>
        </message>
        <message>
            <source>Everyone is marked present; select a member to change that.</source>
            <translation>Everyone is marked present; select a member to change that.</translation>
        </message>
        <message>
            <source>Present / not seen</source>
            <translation>Present / not seen</translation>
        </message>
        <message>
            <source>Birth or moved in…</source>
            <translation>Birth or moved in…</translation>
        </message>
        <message>
            <source>Death or moved out…</source>
            <translation>Death or moved out…</translation>
        </message>
        <message>
            <source>Update facts…</source>
            <translation>Update facts…</translation>
        </message>
        <message>
            <source>Undo last change</source>
            <translation>Undo last change</translation>
        </message>
        <message>
            <source>not seen</source>
            <translation>not seen</translation>
        </message>
        <message>
            <source>present</source>
            <translation>present</translation>
        </message>
        <message>
            <source>leaves: {reason}</source>
            <translation>leaves: {reason}</translation>
        </message>
        <message>
            <source>updated</source>
            <translation>updated</translation>
        </message>
        <message>
            <source>joins: {reason}</source>
            <translation>joins: {reason}</translation>
        </message>
    </context>
    <context>
        <name>MembersTab</name>
        <message>
            <source>Age</source>
            <translation>Age</translation>
        </message>
        <message>
            <source>Med. insurance</source>
            <translation>Med. insurance</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Living in the household</source>
            <translation>Living in the household</translation>
        </message>
        <message>
            <source>Left: {reason}, {date}</source>
            <translation>Left: {reason}, {date}</translation>
        </message>
        <message>
            <source>&amp;Add member…</source>
            <translation>&amp;Add member…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Member &amp;leaves…</source>
            <translation>Member &amp;leaves…</translation>
        </message>
        <message>
            <source>Make &amp;head…</source>
            <translation>Make &amp;head…</translation>
        </message>
        <message>
            <source>Show former members</source>
            <translation>Show former members</translation>
        </message>
    </context>
    <context>
        <name>NoticeHistoryDialog</name>
        <message>
            <source>Notice history</source>
            <extracomment>something was recorded (what: photo|objection|resolution|withdrawn|reprinted)</extracomment>
            <translation>Notice history</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>Photos</translation>
        </message>
        <message>
            <source>Objections (open)</source>
            <translation>Objections (open)</translation>
        </message>
        <message>
            <source>Photos of the posted notice</source>
            <translation>Photos of the posted notice</translation>
        </message>
        <message>
            <source>Objections</source>
            <translation>Objections</translation>
        </message>
        <message>
            <source>&amp;Reprint…</source>
            <translation>&amp;Reprint…</translation>
        </message>
        <message>
            <source>Attach &amp;photo…</source>
            <translation>Attach &amp;photo…</translation>
        </message>
        <message>
            <source>Log &amp;objection…</source>
            <translation>Log &amp;objection…</translation>
        </message>
        <message>
            <source>Record re&amp;solution…</source>
            <translation>Record re&amp;solution…</translation>
        </message>
        <message>
            <source>&amp;Withdraw…</source>
            <translation>&amp;Withdraw…</translation>
        </message>
        <message>
            <source>Period over: record on the re&amp;quests</source>
            <translation>Period over: record on the re&amp;quests</translation>
        </message>
        <message>
            <source>Record this notice (period and objections) on the lifecycle requests of the households it listed</source>
            <translation>Record this notice (period and objections) on the lifecycle requests of the households it listed</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>No notice selected.</source>
            <translation>No notice selected.</translation>
        </message>
        <message>
            <source>Posted {start} – {end}; issued by {issuer} on {when} ({who})</source>
            <translation>Posted {start} – {end}; issued by {issuer} on {when} ({who})</translation>
        </message>
        <message>
            <source>Notice {id}; content hash {hash}</source>
            <translation>Notice {id}; content hash {hash}</translation>
        </message>
        <message>
            <source>Withdrawn: {reason}</source>
            <translation>Withdrawn: {reason}</translation>
        </message>
        <message>
            <source>(after the period)</source>
            <translation>(after the period)</translation>
        </message>
        <message>
            <source>The operation failed: {error}</source>
            <translation>The operation failed: {error}</translation>
        </message>
        <message>
            <source>Photo of the posted notice</source>
            <translation>Photo of the posted notice</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</source>
            <translation>Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</translation>
        </message>
        <message>
            <source>Select the objection first.</source>
            <translation>Select the objection first.</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Resolution</translation>
        </message>
        <message>
            <source>How was it resolved?</source>
            <translation>How was it resolved?</translation>
        </message>
        <message>
            <source>Withdraw the notice</source>
            <translation>Withdraw the notice</translation>
        </message>
        <message>
            <source>Why is it withdrawn? (kept with the notice)</source>
            <translation>Why is it withdrawn? (kept with the notice)</translation>
        </message>
        <message>
            <source>Recorded on {n} request(s).</source>
            <translation>Recorded on {n} request(s).</translation>
        </message>
        <message>
            <source>Not recorded: {reasons}</source>
            <translation>Not recorded: {reasons}</translation>
        </message>
        <message>
            <source>Save the notice</source>
            <translation>Save the notice</translation>
        </message>
    </context>
    <context>
        <name>NoticeObjectionDialog</name>
        <message>
            <source>Log an objection</source>
            <translation>Log an objection</translation>
        </message>
        <message>
            <source>Received on</source>
            <translation>Received on</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>What it says</source>
            <translation>What it says</translation>
        </message>
        <message>
            <source>Resolution (if already known)</source>
            <translation>Resolution (if already known)</translation>
        </message>
    </context>
    <context>
        <name>NoticesMenu</name>
        <message>
            <source>&amp;Notices</source>
            <extracomment>a dialog or preview was opened (for tests and tours)</extracomment>
            <translation>&amp;Notices</translation>
        </message>
        <message>
            <source>&amp;Household list notice…</source>
            <translation>&amp;Household list notice…</translation>
        </message>
        <message>
            <source>&amp;Fund projects…</source>
            <translation>&amp;Fund projects…</translation>
        </message>
        <message>
            <source>Notice his&amp;tory…</source>
            <translation>Notice his&amp;tory…</translation>
        </message>
        <message>
            <source>Print the household's &amp;information card (明白卡)…</source>
            <translation>Print the household's &amp;information card (明白卡)…</translation>
        </message>
        <message>
            <source>Print the household &amp;card (扶贫手册)…</source>
            <translation>Print the household &amp;card (扶贫手册)…</translation>
        </message>
        <message>
            <source>Print a &amp;visit record sheet…</source>
            <translation>Print a &amp;visit record sheet…</translation>
        </message>
        <message>
            <source>Open a household first.</source>
            <translation>Open a household first.</translation>
        </message>
        <message>
            <source>Information card (明白卡)</source>
            <translation>Information card (明白卡)</translation>
        </message>
        <message>
            <source>Household card</source>
            <translation>Household card</translation>
        </message>
        <message>
            <source>Visit record sheet</source>
            <translation>Visit record sheet</translation>
        </message>
    </context>
    <context>
        <name>OverrideDialog</name>
        <message>
            <source>Exit blocked by the assessment</source>
            <translation>Exit blocked by the assessment</translation>
        </message>
        <message>
            <source>The household does not meet these exit criteria:</source>
            <translation>The household does not meet these exit criteria:</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>To pass it on anyway, write why (this is recorded in the audit trail):</source>
            <translation>To pass it on anyway, write why (this is recorded in the audit trail):</translation>
        </message>
        <message>
            <source>Only township or county staff may override the assessment. Correct the household's data or wait for the conditions to be met.</source>
            <translation>Only township or county staff may override the assessment. Correct the household's data or wait for the conditions to be met.</translation>
        </message>
    </context>
    <context>
        <name>ParticipationTab</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>For</source>
            <translation>For</translation>
        </message>
        <message>
            <source>Record participation…</source>
            <translation>Record participation…</translation>
        </message>
        <message>
            <source>Award or deduct points…</source>
            <translation>Award or deduct points…</translation>
        </message>
        <message>
            <source>Redeem points…</source>
            <translation>Redeem points…</translation>
        </message>
        <message>
            <source>{year}: took part {n} time(s).</source>
            <translation>{year}: took part {n} time(s).</translation>
        </message>
        <message>
            <source>Points this year: +{earned} / −{deducted}; balance {balance}.</source>
            <translation>Points this year: +{earned} / −{deducted}; balance {balance}.</translation>
        </message>
        <message>
            <source>The village does not run a points scheme.</source>
            <translation>The village does not run a points scheme.</translation>
        </message>
        <message>
            <source>(the household)</source>
            <translation>(the household)</translation>
        </message>
        <message>
            <source>(no points)</source>
            <translation>(no points)</translation>
        </message>
        <message>
            <source>(choose a rule)</source>
            <translation>(choose a rule)</translation>
        </message>
        <message>
            <source>Record participation</source>
            <translation>Record participation</translation>
        </message>
        <message>
            <source>Points rule</source>
            <translation>Points rule</translation>
        </message>
        <message>
            <source>Award or deduct points</source>
            <translation>Award or deduct points</translation>
        </message>
        <message>
            <source>Redeem points</source>
            <translation>Redeem points</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Change my passphrase</source>
            <translation>Change my passphrase</translation>
        </message>
        <message>
            <source>Set a new passphrase</source>
            <translation>Set a new passphrase</translation>
        </message>
        <message>
            <source>Add a user</source>
            <translation>Add a user</translation>
        </message>
        <message>
            <source>Your new passphrase replaces the old one on this laptop.</source>
            <translation>Your new passphrase replaces the old one on this laptop.</translation>
        </message>
        <message>
            <source>Give {name} a new passphrase and tell it to them in person.</source>
            <translation>Give {name} a new passphrase and tell it to them in person.</translation>
        </message>
        <message>
            <source>A colleague gets their own passphrase; everything they change is recorded under their name.</source>
            <translation>A colleague gets their own passphrase; everything they change is recorded under their name.</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>&amp;Role</translation>
        </message>
        <message>
            <source>C&amp;urrent passphrase</source>
            <translation>C&amp;urrent passphrase</translation>
        </message>
        <message>
            <source>&amp;New passphrase</source>
            <translation>&amp;New passphrase</translation>
        </message>
        <message>
            <source>Passphrase &amp;again</source>
            <translation>Passphrase &amp;again</translation>
        </message>
        <message>
            <source>Enter the colleague's name.</source>
            <translation>Enter the colleague's name.</translation>
        </message>
        <message>
            <source>The passphrase needs at least {n} characters.</source>
            <translation>The passphrase needs at least {n} characters.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>The two passphrases differ.</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <source>Save PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>{n} page(s)</source>
            <translation>{n} page(s)</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>&amp;Save PDF…</source>
            <translation>&amp;Save PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Saved {path}</translation>
        </message>
    </context>
    <context>
        <name>PhotosPage</name>
        <message>
            <source>Photos and the household's confirmation</source>
            <translation>Photos and the household's confirmation</translation>
        </message>
        <message>
            <source>Photos are reduced to 1600 pixels on import. The household confirms the visit by signing here or on the paper sheet.</source>
            <translation>Photos are reduced to 1600 pixels on import. The household confirms the visit by signing here or on the paper sheet.</translation>
        </message>
        <message>
            <source>Add photos…</source>
            <translation>Add photos…</translation>
        </message>
        <message>
            <source>Remove selected photo</source>
            <translation>Remove selected photo</translation>
        </message>
        <message>
            <source>Household's confirmation</source>
            <translation>Household's confirmation</translation>
        </message>
        <message>
            <source>Not confirmed (nobody able to sign was at home)</source>
            <translation>Not confirmed (nobody able to sign was at home)</translation>
        </message>
        <message>
            <source>Signature drawn on the screen</source>
            <translation>Signature drawn on the screen</translation>
        </message>
        <message>
            <source>Photo of the signed paper sheet</source>
            <translation>Photo of the signed paper sheet</translation>
        </message>
        <message>
            <source>Clear the signature</source>
            <translation>Clear the signature</translation>
        </message>
        <message>
            <source>Choose the photo of the sheet…</source>
            <translation>Choose the photo of the sheet…</translation>
        </message>
        <message>
            <source>sheet photo added</source>
            <translation>sheet photo added</translation>
        </message>
        <message>
            <source>Sign here with the mouse, touch pad or pen</source>
            <translation>Sign here with the mouse, touch pad or pen</translation>
        </message>
        <message>
            <source>Choose photos</source>
            <translation>Choose photos</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.bmp *.heic *.webp);;All files (*)</source>
            <translation>Images (*.jpg *.jpeg *.png *.bmp *.heic *.webp);;All files (*)</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>The file could not be read.</translation>
        </message>
        <message>
            <source>Photo of the signed sheet</source>
            <translation>Photo of the signed sheet</translation>
        </message>
    </context>
    <context>
        <name>PlaceTreeModel</name>
        <message>
            <source>Group {n}</source>
            <translation>Group {n}</translation>
        </message>
        <message>
            <source>No group</source>
            <translation>No group</translation>
        </message>
        <message>
            <source>{n} households</source>
            <translation>{n} households</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Places</translation>
        </message>
    </context>
    <context>
        <name>PlanTable</name>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Number of households</source>
            <translation>Number of households</translation>
        </message>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
    </context>
    <context>
        <name>PlansDialog</name>
        <message>
            <source>Exit plans</source>
            <translation>Exit plans</translation>
        </message>
        <message>
            <source>Add a year</source>
            <translation>Add a year</translation>
        </message>
        <message>
            <source>Version drawn up in:</source>
            <translation>Version drawn up in:</translation>
        </message>
        <message>
            <source>Annual plan</source>
            <translation>Annual plan</translation>
        </message>
        <message>
            <source>Rolling plan</source>
            <translation>Rolling plan</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Village:</source>
            <translation>Village:</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Planned households</source>
            <translation>Planned households</translation>
        </message>
        <message>
            <source>Planned people</source>
            <translation>Planned people</translation>
        </message>
        <message>
            <source>Rolling plan households</source>
            <translation>Rolling plan households</translation>
        </message>
        <message>
            <source>Exited households</source>
            <translation>Exited households</translation>
        </message>
        <message>
            <source>Exited people</source>
            <translation>Exited people</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>PointsSchemeDialog</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>Head of household</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Earned this year</source>
            <translation>Earned this year</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Points scheme (积分制)</source>
            <translation>Points scheme (积分制)</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>The village runs a points scheme</source>
            <translation>The village runs a points scheme</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Points a year that show a changed attitude</source>
            <translation>Points a year that show a changed attitude</translation>
        </message>
        <message>
            <source>Save the scheme</source>
            <translation>Save the scheme</translation>
        </message>
        <message>
            <source>Add a rule…</source>
            <translation>Add a rule…</translation>
        </message>
        <message>
            <source>Switch the rule on/off</source>
            <translation>Switch the rule on/off</translation>
        </message>
        <message>
            <source>Ranking this year</source>
            <translation>Ranking this year</translation>
        </message>
        <message>
            <source>New points rule</source>
            <translation>New points rule</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Text size</source>
            <translation>&amp;Text size</translation>
        </message>
        <message>
            <source>&amp;Lock after</source>
            <translation>&amp;Lock after</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Large</source>
            <translation>Large</translation>
        </message>
        <message>
            <source>Extra large</source>
            <translation>Extra large</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Never</translation>
        </message>
        <message>
            <source>{n} minutes idle</source>
            <translation>{n} minutes idle</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message>
            <source>Problems and measures</source>
            <translation>Problems and measures</translation>
        </message>
        <message>
            <source>What is still difficult for the household, and what was agreed to do about it.</source>
            <translation>What is still difficult for the household, and what was agreed to do about it.</translation>
        </message>
        <message>
            <source>Problems found</source>
            <translation>Problems found</translation>
        </message>
        <message>
            <source>Measures agreed (logged as planned)</source>
            <translation>Measures agreed (logged as planned)</translation>
        </message>
        <message>
            <source>Describe the problem</source>
            <translation>Describe the problem</translation>
        </message>
        <message>
            <source>Add problem</source>
            <translation>Add problem</translation>
        </message>
        <message>
            <source>Remove selected</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <source>Add measure</source>
            <translation>Add measure</translation>
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <source>Village profile</source>
            <translation>Village profile</translation>
        </message>
        <message>
            <source>yuan</source>
            <translation>yuan</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Figures</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Until</translation>
        </message>
        <message>
            <source>Industry</source>
            <translation>Industry</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>Remarks</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>{label}:</source>
            <translation>{label}:</translation>
        </message>
        <message>
            <source>Line of work</source>
            <translation>Line of work</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>Amount (yuan)</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>&amp;Save a new snapshot</source>
            <translation>&amp;Save a new snapshot</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Village:</source>
            <translation>Village:</translation>
        </message>
        <message>
            <source>Poor households / people when last saved: {h} / {p}</source>
            <translation>Poor households / people when last saved: {h} / {p}</translation>
        </message>
        <message>
            <source>No profile yet.</source>
            <translation>No profile yet.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>Nothing changed.</translation>
        </message>
    </context>
    <context>
        <name>ProjectHouseholdPicker</name>
        <message>
            <source>Add beneficiary households</source>
            <translation>Add beneficiary households</translation>
        </message>
        <message>
            <source>Filter by name or number</source>
            <translation>Filter by name or number</translation>
        </message>
    </context>
    <context>
        <name>ProjectRegistryDialog</name>
        <message>
            <source>Fund projects</source>
            <extracomment>data (re)loaded a project was saved (its id) a stage change was recorded (project id) a notice was issued (notice id, file) a refusal was shown (message) a notice preview is open (the dialog)</extracomment>
            <translation>Fund projects</translation>
        </message>
        <message>
            <source>&amp;New project</source>
            <translation>&amp;New project</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>Funds by source (yuan)</source>
            <translation>Funds by source (yuan)</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>Amount (yuan)</translation>
        </message>
        <message>
            <source>Beneficiary households</source>
            <translation>Beneficiary households</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>Head of household</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Subsidy (yuan)</source>
            <translation>Subsidy (yuan)</translation>
        </message>
        <message>
            <source>&amp;Add households…</source>
            <translation>&amp;Add households…</translation>
        </message>
        <message>
            <source>Remove selected</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <source>Stage and notices</source>
            <translation>Stage and notices</translation>
        </message>
        <message>
            <source>Next &amp;stage…</source>
            <translation>Next &amp;stage…</translation>
        </message>
        <message>
            <source>P&amp;lan notice…</source>
            <translation>P&amp;lan notice…</translation>
        </message>
        <message>
            <source>&amp;Completion notice…</source>
            <translation>&amp;Completion notice…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Delete project</source>
            <translation>&amp;Delete project</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Total: {amount}</source>
            <translation>Total: {amount}</translation>
        </message>
        <message>
            <source>The operation failed: {error}</source>
            <translation>The operation failed: {error}</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Save the project first.</source>
            <translation>Save the project first.</translation>
        </message>
        <message>
            <source>Stage: {stage}</source>
            <translation>Stage: {stage}</translation>
        </message>
        <message>
            <source>Notice: {title} ({start} – {end}, {status})</source>
            <translation>Notice: {title} ({start} – {end}, {status})</translation>
        </message>
        <message>
            <source>&amp;Issue this notice…</source>
            <translation>&amp;Issue this notice…</translation>
        </message>
        <message>
            <source>Save the notice</source>
            <translation>Save the notice</translation>
        </message>
        <message>
            <source>Issued; saved {path}</source>
            <translation>Issued; saved {path}</translation>
        </message>
    </context>
    <context>
        <name>ProjectStageDialog</name>
        <message>
            <source>Next stage: {stage}</source>
            <translation>Next stage: {stage}</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>No plan notice has been issued. Starting anyway needs a reason, which is kept in the audit trail.</source>
            <translation>No plan notice has been issued. Starting anyway needs a reason, which is kept in the audit trail.</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>QualityDialog</name>
        <message>
            <source>Data-quality check</source>
            <extracomment>a check finished (the list of findings) a household was opened from the list (its id) the findings were written to a file (its path)</extracomment>
            <translation>Data-quality check</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>Everything</translation>
        </message>
        <message>
            <source>Ages and school grades are counted on this day</source>
            <translation>Ages and school grades are counted on this day</translation>
        </message>
        <message>
            <source>&amp;Run the checks</source>
            <translation>&amp;Run the checks</translation>
        </message>
        <message>
            <source>All rules</source>
            <translation>All rules</translation>
        </message>
        <message>
            <source>Errors and warnings</source>
            <translation>Errors and warnings</translation>
        </message>
        <message>
            <source>Errors only</source>
            <translation>Errors only</translation>
        </message>
        <message>
            <source>Warnings only</source>
            <translation>Warnings only</translation>
        </message>
        <message>
            <source>Place:</source>
            <translation>Place:</translation>
        </message>
        <message>
            <source>Ages on:</source>
            <translation>Ages on:</translation>
        </message>
        <message>
            <source>Press Run to check the data.</source>
            <translation>Press Run to check the data.</translation>
        </message>
        <message>
            <source>Save as &amp;Excel…</source>
            <translation>Save as &amp;Excel…</translation>
        </message>
        <message>
            <source>Save as &amp;PDF…</source>
            <translation>Save as &amp;PDF…</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>{n} finding(s) in {h} household(s): {e} error(s), {w} warning(s)</source>
            <translation>{n} finding(s) in {h} household(s): {e} error(s), {w} warning(s)</translation>
        </message>
        <message>
            <source>No findings.</source>
            <translation>No findings.</translation>
        </message>
        <message>
            <source>data-quality findings</source>
            <translation>data-quality findings</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Saved {name}</source>
            <translation>Saved {name}</translation>
        </message>
    </context>
    <context>
        <name>RemoveMemberDialog</name>
        <message>
            <source>Member leaves the household</source>
            <translation>Member leaves the household</translation>
        </message>
        <message>
            <source>{name} will no longer be counted in the household. The record is kept.</source>
            <translation>{name} will no longer be counted in the household. The record is kept.</translation>
        </message>
        <message>
            <source>{name} leaves the household</source>
            <translation>{name} leaves the household</translation>
        </message>
    </context>
    <context>
        <name>RequestsDialog</name>
        <message>
            <source>Request</source>
            <translation>Request</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>Head of household</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>Override</translation>
        </message>
        <message>
            <source>Filed by</source>
            <translation>Filed by</translation>
        </message>
        <message>
            <source>Lifecycle requests</source>
            <translation>Lifecycle requests</translation>
        </message>
        <message>
            <source>All open requests</source>
            <translation>All open requests</translation>
        </message>
        <message>
            <source>Open the household's requests</source>
            <translation>Open the household's requests</translation>
        </message>
    </context>
    <context>
        <name>RequestsTab</name>
        <message>
            <source>Request</source>
            <translation>Request</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>Override</translation>
        </message>
        <message>
            <source>Filed by</source>
            <translation>Filed by</translation>
        </message>
        <message>
            <source>New request…</source>
            <translation>New request…</translation>
        </message>
        <message>
            <source>Deliberation…</source>
            <translation>Deliberation…</translation>
        </message>
        <message>
            <source>Public notice…</source>
            <translation>Public notice…</translation>
        </message>
        <message>
            <source>Household confirmation…</source>
            <translation>Household confirmation…</translation>
        </message>
        <message>
            <source>Submit</source>
            <translation>Submit</translation>
        </message>
        <message>
            <source>Township review…</source>
            <translation>Township review…</translation>
        </message>
        <message>
            <source>County decision…</source>
            <translation>County decision…</translation>
        </message>
        <message>
            <source>Withdraw…</source>
            <translation>Withdraw…</translation>
        </message>
        <message>
            <source>Register status: {state}</source>
            <translation>Register status: {state}</translation>
        </message>
        <message>
            <source>New lifecycle request</source>
            <translation>New lifecycle request</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Select a request first.</source>
            <translation>Select a request first.</translation>
        </message>
        <message>
            <source>agreed</source>
            <translation>agreed</translation>
        </message>
        <message>
            <source>did not agree</source>
            <translation>did not agree</translation>
        </message>
        <message>
            <source>Village deliberation (民主评议)</source>
            <translation>Village deliberation (民主评议)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>The notice must run at least {n} days.</source>
            <translation>The notice must run at least {n} days.</translation>
        </message>
        <message>
            <source>Public notice (公示)</source>
            <translation>Public notice (公示)</translation>
        </message>
        <message>
            <source>Or choose a photo of the signed sheet…</source>
            <translation>Or choose a photo of the signed sheet…</translation>
        </message>
        <message>
            <source>Photo of the signed sheet</source>
            <translation>Photo of the signed sheet</translation>
        </message>
        <message>
            <source>Sheet photo chosen</source>
            <translation>Sheet photo chosen</translation>
        </message>
        <message>
            <source>The household's confirmation (贫困户认可)</source>
            <translation>The household's confirmation (贫困户认可)</translation>
        </message>
        <message>
            <source>Only if the exit assessment fails: the written reason to override it</source>
            <translation>Only if the exit assessment fails: the written reason to override it</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Write a reason to override, or return the request.</source>
            <translation>Write a reason to override, or return the request.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Township review (乡镇审核)</source>
            <translation>Township review (乡镇审核)</translation>
        </message>
        <message>
            <source>pass on to the county</source>
            <translation>pass on to the county</translation>
        </message>
        <message>
            <source>return to the village</source>
            <translation>return to the village</translation>
        </message>
        <message>
            <source>County decision (县审定)</source>
            <translation>County decision (县审定)</translation>
        </message>
        <message>
            <source>approve</source>
            <translation>approve</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>reject</translation>
        </message>
        <message>
            <source>Withdraw the request</source>
            <translation>Withdraw the request</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
    </context>
    <context>
        <name>SatisfactionPage</name>
        <message>
            <source>Satisfaction and living environment</source>
            <translation>Satisfaction and living environment</translation>
        </message>
        <message>
            <source>How satisfied the household is with the assistance, and how the home looks.</source>
            <translation>How satisfied the household is with the assistance, and how the home looks.</translation>
        </message>
        <message>
            <source>Environment note</source>
            <translation>Environment note</translation>
        </message>
        <message>
            <source>Sanitary toilet in use</source>
            <translation>Sanitary toilet in use</translation>
        </message>
        <message>
            <source>Yard tidy</source>
            <translation>Yard tidy</translation>
        </message>
        <message>
            <source>Kitchen clean</source>
            <translation>Kitchen clean</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Sign here with the mouse, touch pad or pen</source>
            <extracomment>the drawing changed (a stroke finished or the pad was cleared)</extracomment>
            <translation>Sign here with the mouse, touch pad or pen</translation>
        </message>
    </context>
    <context>
        <name>StrengthHint</name>
        <message>
            <source>At least {n} characters; a short sentence is easy to remember and hard to guess.</source>
            <translation>At least {n} characters; a short sentence is easy to remember and hard to guess.</translation>
        </message>
        <message>
            <source>Too short: at least {n} characters</source>
            <translation>Too short: at least {n} characters</translation>
        </message>
        <message>
            <source>Too simple</source>
            <translation>Too simple</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>Weak</translation>
        </message>
        <message>
            <source>Fair</source>
            <translation>Fair</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>Good</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>Strong</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Check everything, then save. The visit, its measures and the changes to the card are saved together.</source>
            <translation>Check everything, then save. The visit, its measures and the changes to the card are saved together.</translation>
        </message>
        <message>
            <source>{head} household</source>
            <translation>{head} household</translation>
        </message>
        <message>
            <source>Visited at</source>
            <translation>Visited at</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>{n} confirmed present, {c} change(s)</source>
            <translation>{n} confirmed present, {c} change(s)</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Checks</translation>
        </message>
        <message>
            <source>Net income {year}: {amount}</source>
            <translation>Net income {year}: {amount}</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Measure</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>Photos</translation>
        </message>
        <message>
            <source>Household confirmation</source>
            <translation>Household confirmation</translation>
        </message>
        <message>
            <source>signature drawn on the screen</source>
            <translation>signature drawn on the screen</translation>
        </message>
        <message>
            <source>joins: {name} ({detail})</source>
            <translation>joins: {name} ({detail})</translation>
        </message>
        <message>
            <source>leaves: {name} ({detail})</source>
            <translation>leaves: {name} ({detail})</translation>
        </message>
        <message>
            <source>updated: {name} ({fields})</source>
            <translation>updated: {name} ({fields})</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>photo of the signed sheet</source>
            <translation>photo of the signed sheet</translation>
        </message>
        <message>
            <source>The household has not confirmed this visit.</source>
            <translation>The household has not confirmed this visit.</translation>
        </message>
    </context>
    <context>
        <name>Sync</name>
        <message>
            <source>Village</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Income</source>
            <translation>Income</translation>
        </message>
        <message>
            <source>Living conditions</source>
            <translation>Living conditions</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>Helper</translation>
        </message>
        <message>
            <source>Assistance measure</source>
            <translation>Assistance measure</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Status change request</source>
            <translation>Status change request</translation>
        </message>
        <message>
            <source>Status change</source>
            <translation>Status change</translation>
        </message>
        <message>
            <source>Fund project</source>
            <translation>Fund project</translation>
        </message>
        <message>
            <source>new</source>
            <translation>new</translation>
        </message>
        <message>
            <source>change</source>
            <translation>change</translation>
        </message>
        <message>
            <source>deletion</source>
            <translation>deletion</translation>
        </message>
    </context>
    <context>
        <name>SyncMenu</name>
        <message>
            <source>S&amp;ync</source>
            <extracomment>start the automatic sync once enrolled (tests that drive syncs by hand switch it off) a sync finished (report) or failed (error message); for the panel and tests automatic sync reported from its thread (queued to the GUI thread) a dialog was opened (for tests and tours)</extracomment>
            <translation>S&amp;ync</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Sync now</translation>
        </message>
        <message>
            <source>Sync &amp;panel…</source>
            <translation>Sync &amp;panel…</translation>
        </message>
        <message>
            <source>&amp;Conflicts to review…</source>
            <translation>&amp;Conflicts to review…</translation>
        </message>
        <message>
            <source>&amp;Enroll this laptop…</source>
            <translation>&amp;Enroll this laptop…</translation>
        </message>
        <message>
            <source>E&amp;xport offline bundle (USB)…</source>
            <translation>E&amp;xport offline bundle (USB)…</translation>
        </message>
        <message>
            <source>&amp;Import return bundle…</source>
            <translation>&amp;Import return bundle…</translation>
        </message>
        <message>
            <source>Not enrolled with the county server</source>
            <translation>Not enrolled with the county server</translation>
        </message>
        <message>
            <source>Last sync: {when} · Pending: {n}</source>
            <translation>Last sync: {when} · Pending: {n}</translation>
        </message>
        <message>
            <source> · Conflicts: {n}</source>
            <translation> · Conflicts: {n}</translation>
        </message>
        <message>
            <source>Sync done: {sent} sent, {received} received, {conflicts} conflicts, {refused} refused</source>
            <translation>Sync done: {sent} sent, {received} received, {conflicts} conflicts, {refused} refused</translation>
        </message>
        <message>
            <source>The sync stopped unexpectedly.</source>
            <translation>The sync stopped unexpectedly.</translation>
        </message>
        <message>
            <source>Enroll this laptop</source>
            <translation>Enroll this laptop</translation>
        </message>
        <message>
            <source>County server address (e.g. http://10.1.2.3:8765):</source>
            <translation>County server address (e.g. http://10.1.2.3:8765):</translation>
        </message>
        <message>
            <source>One-time enrollment code from the county:</source>
            <translation>One-time enrollment code from the county:</translation>
        </message>
        <message>
            <source>Enrolled: role {role}, villages {villages}</source>
            <translation>Enrolled: role {role}, villages {villages}</translation>
        </message>
        <message>
            <source>Export offline bundle</source>
            <translation>Export offline bundle</translation>
        </message>
        <message>
            <source>Sync bundles (*.bfb)</source>
            <translation>Sync bundles (*.bfb)</translation>
        </message>
        <message>
            <source>Bundle written: {ops} changes, {files} attachments</source>
            <translation>Bundle written: {ops} changes, {files} attachments</translation>
        </message>
        <message>
            <source>Import return bundle</source>
            <translation>Import return bundle</translation>
        </message>
        <message>
            <source>Bundle imported: {n} answers, {m} changes received</source>
            <translation>Bundle imported: {n} answers, {m} changes received</translation>
        </message>
    </context>
    <context>
        <name>SyncPanel</name>
        <message>
            <source>Sync with the county</source>
            <translation>Sync with the county</translation>
        </message>
        <message>
            <source>County server:</source>
            <translation>County server:</translation>
        </message>
        <message>
            <source>Role and villages:</source>
            <translation>Role and villages:</translation>
        </message>
        <message>
            <source>Last successful sync:</source>
            <translation>Last successful sync:</translation>
        </message>
        <message>
            <source>Changes waiting to be sent:</source>
            <translation>Changes waiting to be sent:</translation>
        </message>
        <message>
            <source>Conflicts to review:</source>
            <translation>Conflicts to review:</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Review conflicts…</source>
            <translation>Review conflicts…</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Send again</translation>
        </message>
        <message>
            <source>Discard (take the county's data)</source>
            <translation>Discard (take the county's data)</translation>
        </message>
        <message>
            <source>Changes the county refused (they never hold up the others):</source>
            <translation>Changes the county refused (they never hold up the others):</translation>
        </message>
        <message>
            <source>not enrolled</source>
            <translation>not enrolled</translation>
        </message>
        <message>
            <source>{entity} ({kind}) on {when}: {reason}</source>
            <translation>{entity} ({kind}) on {when}: {reason}</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <source>Sending changes</source>
            <translation>Sending changes</translation>
        </message>
        <message>
            <source>Sending photos</source>
            <translation>Sending photos</translation>
        </message>
        <message>
            <source>Receiving changes</source>
            <translation>Receiving changes</translation>
        </message>
        <message>
            <source>Fetching photos</source>
            <translation>Fetching photos</translation>
        </message>
    </context>
    <context>
        <name>Task</name>
        <message>
            <source>Cancel</source>
            <extracomment>set (True) on a top-level window closed for good: late results of its tasks are dropped emitted (on the GUI thread) after every task finished; count of tasks still running.</extracomment>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>TourRunner</name>
        <message>
            <source>{tour} — finished</source>
            <extracomment>called once the step is done, before the next one shows (e.g. to reload what another window changed) the step was reached with Back: it waits for "Got it" even when it is done already</extracomment>
            <translation>{tour} — finished</translation>
        </message>
        <message>
            <source>Well done: you did every step of this tour. You can start it again at any time from Help → Guided tours.</source>
            <translation>Well done: you did every step of this tour. You can start it again at any time from Help → Guided tours.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>{tour} — step {i} of {n}</source>
            <translation>{tour} — step {i} of {n}</translation>
        </message>
        <message>
            <source>(The place to do this is not on screen yet.)</source>
            <translation>(The place to do this is not on screen yet.)</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>Got it</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>End tour</source>
            <translation>End tour</translation>
        </message>
    </context>
    <context>
        <name>Township</name>
        <message>
            <source>Something went wrong ({name}); nothing was changed.</source>
            <translation>Something went wrong ({name}); nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>TownshipMenu</name>
        <message>
            <source>&amp;Township</source>
            <extracomment>a dialog was opened (tests and tours)</extracomment>
            <translation>&amp;Township</translation>
        </message>
        <message>
            <source>&amp;Import registry spreadsheet…</source>
            <translation>&amp;Import registry spreadsheet…</translation>
        </message>
        <message>
            <source>&amp;Export to Excel/CSV…</source>
            <translation>&amp;Export to Excel/CSV…</translation>
        </message>
        <message>
            <source>Data-&amp;quality check…</source>
            <translation>Data-&amp;quality check…</translation>
        </message>
        <message>
            <source>&amp;Dashboard…</source>
            <translation>&amp;Dashboard…</translation>
        </message>
        <message>
            <source>Exit &amp;plans…</source>
            <translation>Exit &amp;plans…</translation>
        </message>
        <message>
            <source>Village &amp;profile…</source>
            <translation>Village &amp;profile…</translation>
        </message>
    </context>
    <context>
        <name>Training</name>
        <message>
            <source>【TRAINING】</source>
            <translation>【TRAINING】</translation>
        </message>
    </context>
    <context>
        <name>TrainingMenu</name>
        <message>
            <source>&amp;Training mode</source>
            <extracomment>The last user of the real database, kept apart so training sessions do not overwrite it.</extracomment>
            <translation>&amp;Training mode</translation>
        </message>
        <message>
            <source>&amp;Open the training sandbox</source>
            <translation>&amp;Open the training sandbox</translation>
        </message>
        <message>
            <source>&amp;Reset the sandbox to a clean start…</source>
            <translation>&amp;Reset the sandbox to a clean start…</translation>
        </message>
        <message>
            <source>Sign-&amp;in details…</source>
            <translation>Sign-&amp;in details…</translation>
        </message>
        <message>
            <source>&amp;Leave training mode</source>
            <translation>&amp;Leave training mode</translation>
        </message>
        <message>
            <source>&amp;Scenario</source>
            <translation>&amp;Scenario</translation>
        </message>
        <message>
            <source>&amp;Guided tours</source>
            <translation>&amp;Guided tours</translation>
        </message>
        <message>
            <source>Scenario: {title}</source>
            <translation>Scenario: {title}</translation>
        </message>
        <message>
            <source>Reset…</source>
            <translation>Reset…</translation>
        </message>
        <message>
            <source>Throw away everything done in the sandbox and start afresh</source>
            <translation>Throw away everything done in the sandbox and start afresh</translation>
        </message>
        <message>
            <source>Training sign-in</source>
            <translation>Training sign-in</translation>
        </message>
        <message>
            <source>The training sandbox opens with this sign-in (the data is fictional, so it is no secret):

User: {user}
Passphrase: {passphrase}

Sandbox: {path}</source>
            <translation>The training sandbox opens with this sign-in (the data is fictional, so it is no secret):

User: {user}
Passphrase: {passphrase}

Sandbox: {path}</translation>
        </message>
        <message>
            <source>Stop the demo county server ({url})</source>
            <translation>Stop the demo county server ({url})</translation>
        </message>
        <message>
            <source>Start the demo county server</source>
            <translation>Start the demo county server</translation>
        </message>
        <message>
            <source>Starting the demo county server…</source>
            <translation>Starting the demo county server…</translation>
        </message>
        <message>
            <source>The demo county server is running at {url}; this sandbox syncs with it.</source>
            <translation>The demo county server is running at {url}; this sandbox syncs with it.</translation>
        </message>
        <message>
            <source>Training mode</source>
            <translation>Training mode</translation>
        </message>
        <message>
            <source>{title} (coming)</source>
            <translation>{title} (coming)</translation>
        </message>
        <message>
            <source>Waiting for {what}</source>
            <translation>Waiting for {what}</translation>
        </message>
        <message>
            <source>{title} (at step {i} of {n})</source>
            <translation>{title} (at step {i} of {n})</translation>
        </message>
        <message>
            <source>Forget the progress of all tours</source>
            <translation>Forget the progress of all tours</translation>
        </message>
        <message>
            <source>You stopped this tour at step {i} of {n}. Continue there, or start again?</source>
            <translation>You stopped this tour at step {i} of {n}. Continue there, or start again?</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>Start again</source>
            <translation>Start again</translation>
        </message>
        <message>
            <source>This scenario has nothing to practise this tour on. Pick another scenario in the Training mode menu (the village in its exit year suits every tour).</source>
            <translation>This scenario has nothing to practise this tour on. Pick another scenario in the Training mode menu (the village in its exit year suits every tour).</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Bangfu — sign in</source>
            <translation>Bangfu — sign in</translation>
        </message>
    </context>
    <context>
        <name>UnlockPanel</name>
        <message>
            <source>Bangfu</source>
            <translation>Bangfu</translation>
        </message>
        <message>
            <source>Registry and field work for village task forces</source>
            <translation>Registry and field work for village task forces</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>&amp;User</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>Unlocking…</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <source>Forgot your passphrase? A colleague who manages users can set a new one.</source>
            <translation>Forgot your passphrase? A colleague who manages users can set a new one.</translation>
        </message>
        <message>
            <source>Enter your passphrase.</source>
            <translation>Enter your passphrase.</translation>
        </message>
        <message>
            <source>The database could not be opened: {kind}</source>
            <translation>The database could not be opened: {kind}</translation>
        </message>
    </context>
    <context>
        <name>UpdateMemberDialog</name>
        <message>
            <source>Update {name}</source>
            <translation>Update {name}</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>Name</source>
            <extracomment>an add/remove/passphrase/role change finished (True) or was refused (False)</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>Signed in</translation>
        </message>
        <message>
            <source>Users of this laptop</source>
            <translation>Users of this laptop</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Add…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>&amp;New passphrase…</source>
            <translation>&amp;New passphrase…</translation>
        </message>
        <message>
            <source>Change &amp;my passphrase…</source>
            <translation>Change &amp;my passphrase…</translation>
        </message>
        <message>
            <source>Set r&amp;ole</source>
            <translation>Set r&amp;ole</translation>
        </message>
        <message>
            <source>{name} was added.</source>
            <translation>{name} was added.</translation>
        </message>
        <message>
            <source>Remove user</source>
            <translation>Remove user</translation>
        </message>
        <message>
            <source>Remove {name}? They can no longer sign in; what they recorded stays.</source>
            <translation>Remove {name}? They can no longer sign in; what they recorded stays.</translation>
        </message>
        <message>
            <source>{name} was removed.</source>
            <translation>{name} was removed.</translation>
        </message>
        <message>
            <source>The passphrase was changed.</source>
            <translation>The passphrase was changed.</translation>
        </message>
        <message>
            <source>The role was changed.</source>
            <translation>The role was changed.</translation>
        </message>
    </context>
    <context>
        <name>VisitWizard</name>
        <message>
            <source>Saving…</source>
            <extracomment>the visit was saved (the Visit row) saving failed (the exception); the wizard stays open on the page concerned the draft was written (draft id) the page holding the first problem of a refused save (for the user, and tests) between page changes too: what was typed on a long page survives a crash within this interval</extracomment>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>The visit was saved.</source>
            <translation>The visit was saved.</translation>
        </message>
        <message>
            <source>Go back to the page concerned to correct it.</source>
            <translation>Go back to the page concerned to correct it.</translation>
        </message>
        <message>
            <source>The unfinished visit was kept as a draft.</source>
            <translation>The unfinished visit was kept as a draft.</translation>
        </message>
        <message>
            <source>Household visit</source>
            <translation>Household visit</translation>
        </message>
        <message>
            <source>Save visit</source>
            <translation>Save visit</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Next &gt;</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Back</translation>
        </message>
        <message>
            <source>Close (keep draft)</source>
            <translation>Close (keep draft)</translation>
        </message>
    </context>
    <context>
        <name>VisitsDueDialog</name>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>Head of household</translation>
        </message>
        <message>
            <source>Household no.</source>
            <translation>Household no.</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>Helper</translation>
        </message>
        <message>
            <source>Every (days)</source>
            <translation>Every (days)</translation>
        </message>
        <message>
            <source>Last visit</source>
            <translation>Last visit</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>{n} days overdue</source>
            <translation>{n} days overdue</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>due today</translation>
        </message>
        <message>
            <source>due soon</source>
            <translation>due soon</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>planned</translation>
        </message>
        <message>
            <source>Visits due</source>
            <translation>Visits due</translation>
        </message>
        <message>
            <source>Show every planned household</source>
            <translation>Show every planned household</translation>
        </message>
        <message>
            <source>Start the visit…</source>
            <translation>Start the visit…</translation>
        </message>
        <message>
            <source>Open the household card</source>
            <translation>Open the household card</translation>
        </message>
        <message>
            <source>Change the visit frequency…</source>
            <translation>Change the visit frequency…</translation>
        </message>
        <message>
            <source>All helpers</source>
            <translation>All helpers</translation>
        </message>
        <message>
            <source>No visit is due.</source>
            <translation>No visit is due.</translation>
        </message>
        <message>
            <source>Visit frequency</source>
            <translation>Visit frequency</translation>
        </message>
        <message>
            <source>Visit every how many days?</source>
            <translation>Visit every how many days?</translation>
        </message>
    </context>
    <context>
        <name>VisitsTab</name>
        <message>
            <source>Visited</source>
            <translation>Visited</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>Helper</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <source>Confirmed by the household</source>
            <translation>Confirmed by the household</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>No visits recorded yet.</source>
            <translation>No visits recorded yet.</translation>
        </message>
    </context>
</TS>
