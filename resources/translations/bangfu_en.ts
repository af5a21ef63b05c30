<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>App</name>
        <message>
            <source>Cannot open the database</source>
            <translation>Cannot open the database</translation>
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
            <extracomment>initial widths of the list's columns in character widths (ResizeToContents would read every row) a household was changed (by the card or a plugin): lists and panels refresh the database is attached and the models are loading True when the window locks, False when someone signs in again the integrity check finished: "ok", "backup_failed" or "damaged"</extracomment>
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
            <source>Search: name, pinyin (zs), ID digits, household no. (Ctrl+F)</source>
            <translation>Search: name, pinyin (zs), ID digits, household no. (Ctrl+F)</translation>
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
    </context>
    <context>
        <name>MembersTab</name>
        <message>
            <source>Age</source>
            <translation>Age</translation>
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
        <name>PlaceTreeModel</name>
        <message>
            <source>Group {n}</source>
            <translation>Group {n}</translation>
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
        <name>RemoveMemberDialog</name>
        <message>
            <source>Member leaves the household</source>
            <translation>Member leaves the household</translation>
        </message>
        <message>
            <source>{name} will no longer be counted in the household. The record is kept.</source>
            <translation>{name} will no longer be counted in the household. The record is kept.</translation>
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
        <name>Task</name>
        <message>
            <source>Cancel</source>
            <extracomment>emitted (on the GUI thread) after every task finished; count of tasks still running.</extracomment>
            <translation>Cancel</translation>
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
