<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionForm</name>
    <message>
        <source>Create or update the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the changed fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation type="unfinished">Tags hinzufügen</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation type="unfinished">Tags entfernen</translation>
    </message>
    <message>
        <source>Delete the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome {{data.firstName}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text with {{data.field}} placeholders; {{changes}} lists what an update changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fixed delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days after the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. customer, plan {{data.plan}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also add a &amp;note saying what changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due at &amp;payload date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assi&amp;gnee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>HighLevel could not be reached. Check the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke after the change was sent; it may or may not have been saved. ContactDesk will check before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests for now; ContactDesk will continue shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s request quota for this location is used up; work continues when it resets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel refused the API version ContactDesk sent (%1). This is a setup problem, not a sign-in problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel did not accept the sign-in. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is not allowed to do this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection has no access to that location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It no longer exists in HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact with the same %1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel refused the data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too large for HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel had a problem (HTTP %1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel sent an answer ContactDesk does not understand: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection was not granted the %1 scope; add it to the connection to do this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Without a keychain or a memory-only session, only the built-in sandbox can be used.</source>
        <translation>Ohne Schlüsselbund oder eine Sitzung nur im Arbeitsspeicher kann nur die eingebaute Sandbox genutzt werden.</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start, so there is nothing to show. Connect a HighLevel account in Settings.</source>
        <translation>Die eingebaute Sandbox konnte nicht starten, daher gibt es nichts anzuzeigen. Verbinden Sie ein HighLevel-Konto in den Einstellungen.</translation>
    </message>
    <message>
        <source>“%1” needs the keychain or a memory-only session; the built-in sandbox is shown instead.</source>
        <translation>„%1“ braucht den Schlüsselbund oder eine Sitzung nur im Arbeitsspeicher; stattdessen wird die eingebaute Sandbox angezeigt.</translation>
    </message>
    <message>
        <source>The local cache could not be opened.</source>
        <translation>Der lokale Zwischenspeicher konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>AppointmentListModel</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutomationController</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no signing secret yet: generate one first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret could not be kept in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no signing secret yet: generate one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver is not listening: switch it on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is not valid JSON: %1 (at character %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event was sent before (event %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inbox could not store the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the PEM files of HighLevel&apos;s webhook public keys for this connection in the Automations window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test webhooks come from the built-in sandbox; open it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox does not deliver webhooks here yet: switch the receiver on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>polling every %n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>polling only when you sync (F5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutomationsWindow</name>
    <message>
        <source>No connection is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recei&amp;ver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Test Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automations — built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkTagsDialog</name>
    <message numerus="yes">
        <source>%n contact</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tags of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tags to the selected contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tags from the selected contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &amp;every tag from these contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every tag from the selected contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* Enter at least one tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every tag will be removed from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be removed from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be added to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation type="unfinished">Tags entfernen</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation type="unfinished">Tags hinzufügen</translation>
    </message>
</context>
<context>
    <name>ChildTab</name>
    <message>
        <source>State of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished">&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Try loading the list again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1 – may be out of date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the list again from HighLevel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the list from HighLevel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Send to production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(pick an operation of the catalog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk&apos;s API client sets these itself: the connection&apos;s token (refreshed when it expires), the API version and the content type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON body (for operations that take one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed before the answer came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to send %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in %1 in the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This exchange went through “%1”, which is not the open connection; open it to replay the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the start of this request&apos;s body was kept, so it cannot be sent again as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded exchange #%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is no operation of the endpoint catalog; ContactDesk sends only the operations it knows. Pick one above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no body; empty the body to send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 (at character %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes data of “%2”, a production account. Send it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by ContactDesk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded exchange #%1. The log keeps no secret: fill in %2 before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed in HighLevel while your changes were waiting to be sent. Choose which value to keep for each field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In HighLevel now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (changed on both sides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take HighLevel&apos;s %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all your values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take all of HighLevel&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the values selected in each row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide later; the update stays held</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Add a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Main office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom server</source>
        <translation type="unfinished">Eigener Server</translation>
    </message>
    <message>
        <source>Built-in sandbox (demo data, no sign-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API origin, served over https (http only on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private integration token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the token in HighLevel under Settings &gt; Private Integrations &gt; Create new integration, with the scopes contacts.readonly and contacts.write. The location id is under Settings &gt; Business Profile, and in the sub-account&apos;s address (…/location/&lt;id&gt;/…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Location id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the redirect URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorize host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. marketplace.leadconnectorhq.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for HighLevel&apos;s standard sign-in page. A white-label agency enters its own sign-in host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency-level app: choose the sub-account after signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a ContactDesk window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In my web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For setups that refuse embedded sign-in windows: ContactDesk receives the answer on this computer only (127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the client id and secret in HighLevel&apos;s developer marketplace under My Apps &gt; your app &gt; Auth (Client Keys / Secrets). There, enable the scopes contacts.readonly and contacts.write, and add this redirect URI exactly as shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authorize host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox runs inside ContactDesk with demo contacts. It needs no sign-in and is always in the list of connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URI was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must be an https address (http only for 127.0.0.1 or localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client id cannot contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authorize host must be a host name or an https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cannot contain spaces; copy it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the location id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The location id holds only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the token with HighLevel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in to HighLevel there and allow access. ContactDesk is waiting for the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to HighLevel in the window that opened, then allow access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the sub-account to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a token for the sub-account %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in is for the sub-account %1, but the connection is for %2. Sign in to the same sub-account, or add a new connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. Checking access to the contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the connection…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionsDialog</name>
    <message>
        <source>Built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private integration token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished">Verbindungen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace &amp;token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate client &amp;secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox is always available and cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file could not be written; &quot;%1&quot; is active until ContactDesk quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is now the active connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of &quot;%1&quot;? Its tokens and secrets are deleted from the keychain. The connection and its local data stay; sign in again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new credential is stored and in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot;? Its tokens and secrets are deleted from the keychain, its local cache (with any change not sent yet) is deleted from this computer, and it leaves this list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>The contact could not be created.</source>
        <translation>Der Kontakt konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 angelegt</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>The change is kept in memory until the cache can be written.</source>
        <translation>Die Änderung bleibt im Arbeitsspeicher, bis der Zwischenspeicher geschrieben werden kann.</translation>
    </message>
    <message>
        <source>The contact is no longer in the cache; the change was dropped.</source>
        <translation>Der Kontakt ist nicht mehr im Zwischenspeicher; die Änderung wurde verworfen.</translation>
    </message>
    <message>
        <source>The conflict could not be settled: %1</source>
        <translation>Der Konflikt konnte nicht gelöst werden: %1</translation>
    </message>
    <message>
        <source>Conflict settled</source>
        <translation>Konflikt gelöst</translation>
    </message>
    <message>
        <source>Nothing was deleted: the contacts are gone already.</source>
        <translation>Nichts wurde gelöscht: Die Kontakte sind bereits weg.</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contacts</source>
        <translation>
            <numerusform>%n Kontakt gelöscht</numerusform>
            <numerusform>%n Kontakte gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no deleted contact to restore.</source>
        <translation>Es gibt keinen gelöschten Kontakt zum Wiederherstellen.</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n contact(s) with their tasks and notes</source>
        <translation>
            <numerusform>%n Kontakt mit Aufgaben und Notizen wiederhergestellt</numerusform>
            <numerusform>%n Kontakte mit Aufgaben und Notizen wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags added to %n contact(s)</source>
        <translation>
            <numerusform>Tags zu %n Kontakt hinzugefügt</numerusform>
            <numerusform>Tags zu %n Kontakten hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags removed from %n contact(s)</source>
        <translation>
            <numerusform>Tags von %n Kontakt entfernt</numerusform>
            <numerusform>Tags von %n Kontakten entfernt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDesk::Api</name>
    <message>
        <source>No access token is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private integration token was rejected; replace it in the connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Api::ApiClient</name>
    <message>
        <source>this connection was not granted the %1 scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is larger than %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a JSON object (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>got %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer lacks &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a header needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk sets the %1 header itself; remove it from the request&apos;s headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of %1 holds a line break</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Api::ContactWalker</name>
    <message>
        <source>the search page gives no cursor to the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the contact list gives no position for the next page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Api::EndpointVerifier</name>
    <message>
        <source>the answer says it did not succeed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the temporary contact could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no existing contact to read (get-contacts found none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no task to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no note to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writes are not allowed against this target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk verification task (updated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary note from an endpoint check (updated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new contact lacks the tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked for %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not show the new last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upsert made contact %1 instead of matching the email of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the contact read has no email to look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tags do not include %1 afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tags still include %1 afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer has no line for the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create-%1 did not make a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the contact read has no %1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list lacks the %1 just created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked for %1 %2, got %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk verification task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary task from an endpoint check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not show the new title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task is not completed afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary note from an endpoint check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not show the new text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user id given for the follower calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no campaign id given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no workflow id given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no business id given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the followers do not include %1 afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the followers still include %1 afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered HTTP %1; the contract says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not decode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no custom field to read (get-custom-fields did not list one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tag to read (get-location-tags did not list one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user to read (get-user-by-location did not list one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no calendar to read (get-calendars did not list one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the temporary custom field could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the temporary tag could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the location has no custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the location has no tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the location has no users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no company id known (search-users needs companyId)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search does not find the location&apos;s user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the location has no calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary field from an endpoint check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new field is named &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new field has the data type %1, not TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not show the new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new tag is named &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Auth</name>
    <message>
        <source>&quot;%1&quot; is not an http or https URL with a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; carries a user name or password; put credentials in the connection, not in the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses plain http to another machine, which would send the sign-in unencrypted. Use https (plain http is allowed only for 127.0.0.1 or localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Auth::ConnectionCheck</name>
    <message>
        <source>HighLevel accepted the token for the location %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel did not accept the client id and secret (%1). Copy both again from My Apps &gt; your app &gt; Auth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel accepted the client id and secret. Sign in to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client id and secret could not be confirmed: %1 answered HTTP %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Auth::ConnectionStore</name>
    <message>
        <source>Built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Auth::KeychainSecretStore</name>
    <message>
        <source>access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private integration token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access was denied; unlock the keychain and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain service failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the %1 in the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the %1 from the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the %1 from the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not return what was stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event signing secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Auth::OAuthFlow</name>
    <message>
        <source>The sign-in ended at an address that is not this app&apos;s redirect URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from HighLevel did not belong to this sign-in (the state did not match), so it was ignored. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in was cancelled by the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel&apos;s answer carried no authorization code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel did not accept the authorization: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel&apos;s token names no sub-account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel did not list the agency&apos;s sub-accounts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app is not installed on any sub-account of this agency. Install it on one in HighLevel, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel did not issue a token for the sub-account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk could not listen on 127.0.0.1:%1 for HighLevel&apos;s answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk has received HighLevel&apos;s answer. You can close this tab and return to ContactDesk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Auth::OAuthTokenProvider</name>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; needs a new sign-in (%2). Sign in again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the sign-in from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last refresh was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sign-in is stored for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel refused an access token it had just issued. Check that the app is still installed on this sub-account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no refresh token is stored for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the client secret from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its client secret is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel refused its refresh token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel did not accept the app&apos;s client id and secret (%1). Check the client secret in the connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not renew the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the renewed sign-in to the keychain (%1). ContactDesk will try again with the next request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not produce a sub-account token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in is for sub-account %1, but the connection is for %2. Sign in to the same sub-account, or add a new connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Auth::PrivateTokenProvider</name>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No private integration token is stored for this connection. Use &quot;Replace token&quot; in the connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel refused the private integration token. Use &quot;Replace token&quot; in the connection settings to paste a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Automation</name>
    <message>
        <source>data does not match its schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>%1: expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event must be a JSON object {&quot;type&quot;: ..., &quot;data&quot;: {...}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type: expected a string such as &quot;user.signed_up&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown event type &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data: expected object</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the secret file %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret file %1 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret file %1 is readable by group or others (mode %2); make it private with chmod 600 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the secret file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;{{&quot; at character %1 is never closed with &quot;}}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty placeholder {{}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown placeholder {{%1}}: use {{changes}} or a path into the event such as {{data.firstName}}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Automation::AutomationEngine</name>
    <message>
        <source>Waiting for an earlier event of Your App user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gave up after waiting %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{new contact}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create or update the contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add the tags %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create the task &apos;%1&apos; due %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete the task &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove the tags %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete the contact (a copy stays in the trash)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Automation::EventPlanner</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sign-up of Your App user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s data does not make a valid contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed in Your App: {{changes}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: the task&apos;s title is empty for this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task was made for Your App task %1 (its task.created never arrived or made no task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;: the note is empty for this event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Automation::RuleSet</name>
    <message>
        <source>&apos;%1&apos; is not a set of automation rules: it must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the automation rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a set of automation rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Automation::RuleSetReader</name>
    <message>
        <source>This is not a set of ContactDesk automation rules: it has no &quot;version&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version: must be a whole number, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These automation rules were made by a newer ContactDesk (format version %1; this version reads up to %2). Update ContactDesk to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version: %1 is not an automation rules format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile: must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linkField: must be a string, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waitTimeoutMs: must be a whole number of milliseconds, 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rules: must be an array, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must be an object, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: name: must be a string, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: enabled: must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: needs an &quot;event&quot; (one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown event type &apos;%2&apos; (one of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 condition %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: conditions: must be an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: needs at least one action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 action %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: path must name a field of the event, such as &quot;data.plan&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown op &apos;%2&apos; (one of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; needs a &quot;value&quot; (a string, number or boolean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: needs an &quot;action&quot; (one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown action &apos;%2&apos; (one of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; does not apply to %3 events (only %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: must be a string, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: dueInDays: must be a whole number of days from 0 to 3650</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: duePath must name a field of the event, such as &quot;data.dueAt&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: tags: every tag must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: tags: must be an array of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: noteOfChanges: must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: addTask needs a &quot;title&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: addNote needs a &quot;body&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 needs at least one tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown key &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Inspector::TrafficLog</name>
    <message>
        <source>retried after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retried after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent again with a refreshed token</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>gave up after %n attempt(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not sent again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping</name>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::CsvSource</name>
    <message>
        <source>&apos;%1&apos;: the delimiter must be one of , ; tab |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: columns %2 and %3 are both named &quot;%4&quot;; rename one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has a header row but no records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;, line %2: a quoted field is never closed (a &quot; is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 (line %2) has %3 cells, the header has %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 (line %2) has %3 cells, the first row has %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::ImportPlanner</name>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same %1 as row %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged into row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a contact with this %1 exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no contact with this %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{new contact of row %1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::ImportRun</name>
    <message>
        <source>This import is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import has no source to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no unfinished import of %1 to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed since its import began (its size or modification time differs), so the rows cannot be matched up again. Start a new import instead of resuming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import cannot be recorded in the local cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 could not be written to the local cache: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::JsonSource</name>
    <message>
        <source>&apos;%1&apos; holds no records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; ends before its array is closed (the file looks truncated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;, line %2: an element is larger than 16 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds one JSON object, not an array of objects (use NDJSON for one object per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a JSON array of objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;, line %2: an array element is missing before &apos;,&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;, line %2: text after the end of the array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2 at column %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element %1 (line %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 is %2, not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element %1 (line %2) is %3, not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::LineReader</name>
    <message>
        <source>&apos;%1&apos;: line %2 is longer than 16 MiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::Profile</name>
    <message>
        <source>&apos;%1&apos; is not a mapping profile: it must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mapping profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a mapping profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::ProfileReader</name>
    <message>
        <source>name: must be a string, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source: must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a ContactDesk mapping profile: it has no &quot;version&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns.%1: the target must be a string, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version: must be a whole number, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mapping profile was made by a newer ContactDesk (format version %1; this version reads up to %2). Update ContactDesk to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version: %1 is not a mapping profile format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write: must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write.mode: must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write.duplicates: must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write.defaultRegion: must be a two-letter country code such as US or DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write.match: must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write.match.by: must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write.match.customField: name the custom field that holds the other app&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rules: must be an array of rules, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must be an object, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is already the target of rule %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: sources must be an array of column names, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: every source must be a non-empty column name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: target &apos;%2&apos; is not a contact field HighLevel lets you write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: target must be a string, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: transform %2 must be an object with an &quot;op&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: transform %2 &apos;%3&apos;: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: transforms must be an array, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: needs at least one source column (or a constant transform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: policy must be one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: replaceTags must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: replaceTags only applies to a tags rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: suggested.confidence must be a number from 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: suggested must be an object, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified: must be an array, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified: environment must be sandbox or production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified: at must be a date and time (ISO 8601)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown key &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: target &apos;%2&apos; is not a target (a contact field such as email, customField:&lt;name&gt;, tags, assignee, contactId or ignore)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::ResultsFile</name>
    <message>
        <source>Cannot write the results to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a ContactDesk results file (it must start with the columns row,outcome,contact id,error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of the results file has no row number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::SourceOptions</name>
    <message>
        <source>source.kind: must be one of csv, json, ndjson, vcard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source.encoding: must be a text (an encoding name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source.encoding: unknown encoding &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source.delimiter: must be one of , ; tab |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source.header: must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source.%1: unknown key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::SourceReader</name>
    <message>
        <source>&apos;%1&apos; is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::TextStream</name>
    <message>
        <source>&apos;%1&apos;: unknown encoding &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a text file (it holds NUL bytes or control characters, or bytes that no text encoding explains)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not readable as %2 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;, line %2: bytes that are not valid %3 text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Mapping::VCardSource</name>
    <message>
        <source>&apos;%1&apos; holds no vCard (no BEGIN:VCARD line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;, line %2: a property is longer than 16 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 is not a vCard property (no &apos;:&apos;): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card that starts at line %1 has no END:VCARD</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Store::Database</name>
    <message>
        <source>The local cache could not be opened.</source>
        <translation type="unfinished">Der lokale Zwischenspeicher konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Unknown cache schema version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder for the local cache could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 It could not be moved aside: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 It was moved to %2 and the cache will be rebuilt from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache file is not a database (it is damaged or was replaced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache file could not be opened as a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache file belongs to another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache file was written by a newer version of ContactDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache cannot change from schema version %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a connection id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache of the connection could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Store::ImportJournal</name>
    <message>
        <source>The server refused the change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Store::LocalEdits</name>
    <message>
        <source>New contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished">%1 angelegt</translation>
    </message>
    <message>
        <source>Change of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deletion of %n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %1 with %n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n note(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags %1 added to %n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags %1 removed from %n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New task “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added task “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed task “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened task “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed a task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed a note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion of a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion of a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted task “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restored %1 with %n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 from Your App</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Store::Outbox</name>
    <message>
        <source>Changed on the server as well: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded the creation of this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded a new task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded a new note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded the deletion of this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded a deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved a conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Store::StoreError</name>
    <message>
        <source>The local cache could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Your change is kept in memory until there is room to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache cannot be written (read-only disk or file). Your change is kept in memory until it can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache is damaged. Restart ContactDesk to rebuild it from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache is in use by another program. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache could not be read or written (disk error).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Ui</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an amount of money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Ui::AppointmentListModel</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Ui::Fields</name>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State or region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDesk::Ui::SandboxFaultsForm</name>
    <message>
        <source>HTTP status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop after the change is made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed JSON answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy HTML error page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire access tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke refresh tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search index lag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDetailPane</name>
    <message>
        <source>Contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the tasks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tasks yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tasks have not been loaded from HighLevel yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes have not been loaded from HighLevel yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading appointments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the appointments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointments have not been loaded from HighLevel yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ppointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a contact to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact is no longer here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task could not be added: the contact is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task could not be changed: it is no longer here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the task “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tasks?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete task</source>
        <translation type="unfinished">
            <numerusform>Aufgabe löschen</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The note could not be added: the contact is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note could not be changed: it is no longer here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete note</source>
        <translation type="unfinished">
            <numerusform>Notiz löschen</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the note “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n notes?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Contact detail pages</source>
        <translation>Seiten der Kontaktdetails</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the existing contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the new contact anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems HighLevel reported with the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number as it will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth is known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the contact came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Trade show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company and address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the company cannot be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel takes the company only when a contact is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tate or region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>P&amp;ostal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cou&amp;ntry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* Enter at least one of these: a first or last name, an email address or a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation type="unfinished">Kontakt anlegen</translation>
    </message>
    <message>
        <source>HighLevel&apos;s message about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address. Enter one like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in %2. Check the digits, or start with + and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a contact without a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact with this phone number already exists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact with this email already exists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel did not accept the contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assi&amp;gned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactHeader</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync state of the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished">&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Send the failed change again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up the failed change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation type="unfinished">&amp;Lösen…</translation>
    </message>
    <message>
        <source>Choose between your change and the one in HighLevel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created here: waiting to be sent to HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to be sent to HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change could not be saved in HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change could not be saved in HighLevel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact was changed in HighLevel too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not retry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the change that could not be saved? The contact goes back to what HighLevel has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not discard: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent to HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved on HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved on HighLevel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed here and on HighLevel: open the contact to choose what to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed here and on HighLevel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change was discarded; the contact is being fetched again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactListPane</name>
    <message>
        <source>Contact list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, email, phone, company or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts match &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts have the tag &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactOverview</name>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Business messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb (permanent: the contact opted out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished">Kontakt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message numerus="yes">
        <source>Show empty fields (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show empty custom fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Replace token of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate client secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the new private integration token for the location %1. It is checked with HighLevel before it replaces the stored one; your local contacts and pending changes stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the new client secret from HighLevel&apos;s developer marketplace (My Apps &gt; your app &gt; Auth). It is checked with HighLevel before it replaces the stored one; you stay signed in and your local data stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot contain spaces; copy it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the new token with HighLevel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the new client secret with HighLevel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomFieldEditor</name>
    <message>
        <source>One entry per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files are added and removed in HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number. Check the digits, or start with + and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteContactDialog</name>
    <message numerus="yes">
        <source>%n task</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 and %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation type="unfinished">Kontakt löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contacts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contacts?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This removes the contact with its tasks and notes from HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This removes the %n contacts with their tasks and notes from HighLevel.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the %n contacts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This removes %1 from HighLevel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local backup is kept: you can undo with Ctrl+Z or restore it from the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local backup is kept: you can undo with Ctrl+Z or restore them from the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n contacts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel, keep the data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DndEditor</name>
    <message>
        <source>Calls and voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text messages (SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Business messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facebook messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCS messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb on all channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact opted out of this channel for good; it cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DryRunDialog</name>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry Run: What Would Be Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>%1 rows, %2 requests. %3. Nothing has been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned requests by row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Body of the chosen request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a request to see its JSON body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Requests:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished">Wartet</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished">Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Duplicate ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook-id %1, from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate ignored (of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your App user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished">Kontakt</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLogPage</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your App user, webhook-id or contact id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished">&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Show &amp;Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Event %1 (%2, webhook-id %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone from the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Re&amp;quests in Inspector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeDetail</name>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an exchange to see it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 → %3 in %4 ms · %5 · %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request got no answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What ContactDesk did: not known yet (the next step of this request has not been seen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What ContactDesk did: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1
Duration: %2 ms
Attempt: %3
Caused by: %4
Rate limit left: %5
Sent: %6 · Received: %7
Environment: %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no answer: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n contact</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contacts the list &amp;shows (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current &amp;search “%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CSV with the chosen columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;vCard 4.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;olumns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts.vcf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The se&amp;lected contacts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Results File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;Again with Failed Rows Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the rows to HighLevel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of about %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows per second, time left: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every row is queued; %n change(s) still to send.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The import has finished; some rows failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1, updated: %2, unchanged: %3, skipped: %4, failed: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) still wait to be sent (see the outbox).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results file was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after %1 rows. What was sent stays in HighLevel; the rest was not sent. Resume sends the remaining rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped: %1 It can be resumed once that is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact files (*.csv *.tsv *.txt *.json *.ndjson *.jsonl *.vcf *.vcard);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map Fields: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map Fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recognised: every column is mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns mapped by suggestion: check the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into HighLevel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into the production account “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile has never run against a production account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has not been tried on the sandbox either: a dry run and an import there show what it would do, without touching real contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It was verified on the sandbox (%1) on %2 with %n row(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The profile was not kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished: %1 created, %2 updated, %3 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorWindow</name>
    <message>
        <source>Inspector — ContactDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonBodyView</name>
    <message>
        <source>Search the body…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the JSON as a tree whose objects and arrays fold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the start of this body was kept (the inspector caps each body).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeychainUnavailableDialog</name>
    <message>
        <source>No keychain available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk keeps your tokens and secrets only in the system keychain, and no keychain can be used on this computer right now.

%1

You can use a session kept in memory only: your sign-in works until you quit ContactDesk, nothing secret is written to disk, and you sign in again next time. Or cancel, start or unlock your keychain, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a session kept in memory only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationPickerDialog</name>
    <message>
        <source>Choose a sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in for an agency. Choose the sub-account (location) ContactDesk should work with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, address or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter sub-accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sub-account(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 sub-accounts match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginBrowser</name>
    <message>
        <source>Sign in to HighLevel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the sign-in page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in cannot start: no redirect URI is set for this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 opened in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to HighLevel and choose the sub-account to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the sign-in page from %1: %2. Check the network connection and the server address, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not succeed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open outside ContactDesk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in page wants to open this address outside ContactDesk:

%1

Open it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1 (not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ContactDesk</source>
        <translation>ContactDesk</translation>
    </message>
    <message>
        <source>Sandbox data - connect your HighLevel account</source>
        <translation>Sandbox-Daten – verbinden Sie Ihr HighLevel-Konto</translation>
    </message>
    <message>
        <source>&amp;Connect HighLevel…</source>
        <translation>HighLevel &amp;verbinden…</translation>
    </message>
    <message>
        <source>Opening the contacts…</source>
        <translation>Kontakte werden geöffnet…</translation>
    </message>
    <message>
        <source>ContactDesk — %1: %2</source>
        <translation>ContactDesk — %1: %2</translation>
    </message>
    <message>
        <source>“%1” needs you to sign in again. Your changes wait in the outbox and are sent once you have signed in.</source>
        <translation>„%1“ verlangt eine erneute Anmeldung. Ihre Änderungen warten im Postausgang und werden nach der Anmeldung gesendet.</translation>
    </message>
    <message>
        <source>HighLevel refused the token of “%1”. Your changes wait in the outbox; replace the token to send them.</source>
        <translation>HighLevel hat das Token von „%1“ abgelehnt. Ihre Änderungen warten im Postausgang; ersetzen Sie das Token, um sie zu senden.</translation>
    </message>
    <message>
        <source>&amp;Sign in again…</source>
        <translation>Erneut &amp;anmelden…</translation>
    </message>
    <message>
        <source>&amp;Replace token…</source>
        <translation>Token &amp;ersetzen…</translation>
    </message>
    <message>
        <source>Syncing with HighLevel…</source>
        <translation>Abgleich mit HighLevel…</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Ein Abgleich läuft bereits.</translation>
    </message>
    <message>
        <source>&amp;New Contact…</source>
        <translation>&amp;Neuer Kontakt…</translation>
    </message>
    <message>
        <source>&amp;Edit Contact…</source>
        <translation>Kontakt &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete Contact…</source>
        <translation>Kontakt &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>Löschen &amp;rückgängig</translation>
    </message>
    <message>
        <source>Add &amp;Task…</source>
        <translation>&amp;Aufgabe hinzufügen…</translation>
    </message>
    <message>
        <source>Add N&amp;ote…</source>
        <translation>N&amp;otiz hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Add Tags to Selected…</source>
        <translation>Tags zu Ausgewählten &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove Tags from Selected…</source>
        <translation>Tags von Ausgewählten &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;Fix Refused Change…</source>
        <translation>Abgelehnte Änderung &amp;korrigieren…</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;abgleichen</translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation>&amp;Postausgang…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Connect &amp;HighLevel Account…</source>
        <translation>&amp;HighLevel-Konto verbinden…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About ContactDesk</source>
        <translation>&amp;Über ContactDesk</translation>
    </message>
    <message>
        <source>&amp;Reload Tasks, Notes and Appointments</source>
        <translation>Aufgaben, Notizen und Termine &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Kontakt</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>A&amp;bgleich</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> (needs sign-in)</source>
        <translation> (Anmeldung nötig)</translation>
    </message>
    <message>
        <source>Connections need the keychain or a memory-only session, which is not set up yet.</source>
        <translation>Verbindungen brauchen den Schlüsselbund oder eine Sitzung nur im Arbeitsspeicher, die noch nicht eingerichtet ist.</translation>
    </message>
    <message>
        <source>Connecting needs the keychain or a memory-only session, which is not set up yet.</source>
        <translation>Zum Verbinden wird der Schlüsselbund oder eine Sitzung nur im Arbeitsspeicher gebraucht, die noch nicht eingerichtet ist.</translation>
    </message>
    <message>
        <source>About ContactDesk</source>
        <translation>Über ContactDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;ContactDesk %1&lt;/b&gt;&lt;p&gt;A desktop contact manager for HighLevel: contacts, tasks and notes kept in a local cache that works offline, with every change sent through an outbox.&lt;/p&gt;</source>
        <translation type="vanished">&lt;b&gt;ContactDesk %1&lt;/b&gt;&lt;p&gt;Eine Kontaktverwaltung für HighLevel auf dem Desktop: Kontakte, Aufgaben und Notizen in einem lokalen Zwischenspeicher, der auch offline funktioniert; jede Änderung geht über einen Postausgang.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The kept edit is saved in the local cache now.</source>
        <translation>Die zurückgehaltene Änderung ist jetzt im lokalen Zwischenspeicher gesichert.</translation>
    </message>
    <message numerus="yes">
        <source>The %n kept edits are saved in the local cache now.</source>
        <translation>
            <numerusform>Die %n zurückgehaltene Änderung ist jetzt im lokalen Zwischenspeicher gesichert.</numerusform>
            <numerusform>Die %n zurückgehaltenen Änderungen sind jetzt im lokalen Zwischenspeicher gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>The edits still cannot be saved: %1.</source>
        <translation>Die Änderungen können noch immer nicht gesichert werden: %1.</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Nicht gesicherte Änderungen</translation>
    </message>
    <message>
        <source>1 edit is not saved yet. If you quit now it is lost.</source>
        <translation>1 Änderung ist noch nicht gesichert. Wenn Sie jetzt beenden, geht sie verloren.</translation>
    </message>
    <message numerus="yes">
        <source>%n edits are not saved yet. If you quit now they are lost.</source>
        <translation>
            <numerusform>%n Änderung ist noch nicht gesichert. Wenn Sie jetzt beenden, geht sie verloren.</numerusform>
            <numerusform>%n Änderungen sind noch nicht gesichert. Wenn Sie jetzt beenden, gehen sie verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>Trotzdem &amp;beenden</translation>
    </message>
    <message>
        <source>Some names cannot be shown, so ids appear instead: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ContactDesk %1&lt;/b&gt;&lt;p&gt;A desktop contact manager for HighLevel: contacts, tasks and notes kept in a local cache that works offline, with every change sent through an outbox.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Qt %3 (built with %4), SQLite %5, %6&lt;/p&gt;&lt;p&gt;Data folder: %7&lt;br&gt;Settings: %8&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk cannot open &quot;%1&quot;: not a contactdesk:// link or a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Automations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event from Your App failed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every request and answer, copy as curl, exports, replay and compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rate Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>San&amp;dbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <source>Map Fields for Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the profile names that is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click gives the chosen rule this target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;HighLevel fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the first 50 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;blems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view (first 50 records):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading or saving the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the requests the selected preview rows would send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the file with sample values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click adds a rule for the column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns of the file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules, one per target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Del removes the rule; Ctrl+Up and Ctrl+Down move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;emove Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create new contacts only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or update (upsert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update existing contacts only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match existing contacts by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom field holding the other app&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows of the file with the same match key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge them into one contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report and skip the later ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Match by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicate rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in this location)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Mapping Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping profiles (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a profile this editor can use:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Mapping Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping profiles (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1, %2, &apos;%3&apos;: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;blems: none in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;blems (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile names things that are missing, so it cannot import:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends every record of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix what the notice at the top lists first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dr&amp;y Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact id (a ContactDesk export)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPreviewModel</name>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (custom field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record&apos;s number in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact id (match only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, what was agreed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* Required. Press Ctrl+Enter to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished">Notiz hinzufügen</translation>
    </message>
    <message>
        <source>A note needs some text. To get rid of the note, delete it instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteListModel</name>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Outbox: changes waiting to be sent</source>
        <translation>Postausgang: Änderungen, die auf das Senden warten</translation>
    </message>
    <message>
        <source>Changes made here are sent to HighLevel in order. Failed changes wait for you: fix, retry or discard them.</source>
        <translation>Hier gemachte Änderungen werden der Reihe nach an HighLevel gesendet. Fehlgeschlagene Änderungen warten auf Sie: korrigieren, erneut senden oder verwerfen.</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Änderungen, die auf das Senden warten</translation>
    </message>
    <message>
        <source>Nothing is waiting: every change has reached HighLevel.</source>
        <translation>Nichts wartet: Jede Änderung ist bei HighLevel angekommen.</translation>
    </message>
    <message>
        <source>&amp;Fix…</source>
        <translation>&amp;Korrigieren…</translation>
    </message>
    <message>
        <source>Fix the refused contact</source>
        <translation>Den abgelehnten Kontakt korrigieren</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>&amp;Lösen…</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Den Konflikt lösen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Send the change again now</source>
        <translation>Die Änderung jetzt erneut senden</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Die Änderung verwerfen</translation>
    </message>
    <message>
        <source>The change could not be queued again: %1</source>
        <translation>Die Änderung konnte nicht erneut eingereiht werden: %1</translation>
    </message>
    <message>
        <source>Discard “%1”? It will not be sent, and the local change is undone.</source>
        <translation>„%1“ verwerfen? Sie wird nicht gesendet, und die lokale Änderung wird rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The change could not be discarded: %1</source>
        <translation>Die Änderung konnte nicht verworfen werden: %1</translation>
    </message>
    <message>
        <source>Changes not saved in the local cache</source>
        <translation>Nicht im lokalen Zwischenspeicher gesicherte Änderungen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Vorgenommen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Try to save the kept changes again</source>
        <translation>Die zurückgehaltenen Änderungen erneut sichern</translation>
    </message>
    <message>
        <source>D&amp;iscard unsaved…</source>
        <translation>N&amp;icht Gesichertes verwerfen…</translation>
    </message>
    <message>
        <source>Discard the change that was not saved</source>
        <translation>Die nicht gesicherte Änderung verwerfen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gesichert: %1</translation>
    </message>
    <message>
        <source>1 change could not be saved in the local cache (%1). It is kept in memory and tried again by itself; it is lost if ContactDesk quits first.</source>
        <translation>1 Änderung konnte nicht im lokalen Zwischenspeicher gesichert werden (%1). Sie bleibt im Arbeitsspeicher und wird von selbst erneut versucht; sie geht verloren, wenn ContactDesk vorher beendet wird.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes could not be saved in the local cache (%1). They are kept in memory and tried again by themselves; they are lost if ContactDesk quits first.</source>
        <translation>
            <numerusform>%n Änderung konnte nicht im lokalen Zwischenspeicher gesichert werden (%1). Sie bleibt im Arbeitsspeicher und wird von selbst erneut versucht; sie geht verloren, wenn ContactDesk vorher beendet wird.</numerusform>
            <numerusform>%n Änderungen konnten nicht im lokalen Zwischenspeicher gesichert werden (%1). Sie bleiben im Arbeitsspeicher und werden von selbst erneut versucht; sie gehen verloren, wenn ContactDesk vorher beendet wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>The kept changes are saved in the local cache and queued.</source>
        <translation>Die zurückgehaltenen Änderungen sind im lokalen Zwischenspeicher gesichert und warten im Postausgang.</translation>
    </message>
    <message>
        <source>The changes still cannot be saved: %1.</source>
        <translation>Die Änderungen können noch immer nicht gesichert werden: %1.</translation>
    </message>
    <message>
        <source>Discard the unsaved change</source>
        <translation>Die nicht gesicherte Änderung verwerfen</translation>
    </message>
    <message>
        <source>Discard “%1”? It was never saved, so it is lost.</source>
        <translation>„%1“ verwerfen? Sie wurde nie gesichert und geht damit verloren.</translation>
    </message>
    <message>
        <source>Nothing is queued for HighLevel yet: the changes above are not saved.</source>
        <translation>Für HighLevel wartet noch nichts: Die Änderungen oben sind nicht gesichert.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>(deleted contact)</source>
        <translation>(gelöschter Kontakt)</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>Kontakt anlegen</translation>
    </message>
    <message>
        <source>Change contact</source>
        <translation>Kontakt ändern</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Kontakt löschen</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>Tags hinzufügen</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>Tags entfernen</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Change task</source>
        <translation>Aufgabe ändern</translation>
    </message>
    <message>
        <source>Complete task</source>
        <translation>Aufgabe erledigen</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Aufgabe löschen</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>Notiz ändern</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Wartet auf erneuten Versuch</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Import contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RateChartPanel</name>
    <message numerus="yes">
        <source>Last %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst budget left (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily budget left (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>429 Too Many Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget left (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>burst %1/%2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily %1/%2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused after a 429</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n throttled (429)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in the last %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiverPage</name>
    <message>
        <source>&amp;Receive events from Your App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ This address is reachable from other machines: anyone who can reach it and knows the secret can create contacts. Prefer 127.0.0.1 and a reverse proxy with TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy c&amp;url Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command that sends a signed user.signed_up event now; its timestamp is accepted for five minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret (Standard Webhooks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished">%1: %2 {1 ?}</translation>
    </message>
    <message>
        <source>%1  %2 %3</source>
        <translation type="unfinished">%1: %2 %3 {1 ?}</translation>
    </message>
    <message>
        <source>“%1” is not an IP address (for example 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1/events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no secret yet: generate one and give it to Your App.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is kept only until ContactDesk quits (no keychain is in use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is kept in the keychain. It is shown only when generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the new secret into Your App now: it is not shown again. Events signed with the old one are refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestHeadersEditor</name>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers sent with the request besides the ones ContactDesk sets itself. One named like a default (Accept, User-Agent) replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move header</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Set by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sure (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source columns of the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target of the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the rule does to a field that has a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill only when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never touch an existing contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transform steps, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Del removes the step; Ctrl+Up and Ctrl+Down move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transform to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trans&amp;forms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in this location)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the contact&apos;s ta&amp;gs instead of adding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;nsert Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field p&amp;olicy:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleForm</name>
    <message>
        <source>equals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Co&amp;ndition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add A&amp;ction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When Your App sends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and every condition holds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions, in order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ules (checked ones run):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Mapping Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How an event&apos;s data becomes contact fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also keep Your App&apos;s user id in the custom &amp;field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task or note for an unknown user &amp;waits up to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the default rules; on the built-in sandbox they run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the default rules, all switched off: check the ones that should run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rules are saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (the link lives in this cache only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in this location)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation rules (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules were not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation rules (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules were not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping of Your App&apos;s events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxFaultsForm</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An exact path, or a prefix ending in * (&quot;*&quot; alone: every operation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;robability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Times:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules in force (first match applies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long search misses a contact after each write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the answer waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox refused the rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxLogModel</name>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxPanel</name>
    <message>
        <source>The built-in sandbox is not running, so there is nothing to control here. These controls are for the built-in sandbox only; a HighLevel location has no faults to inject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished">Kontakt</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed makes the same contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces every contact with new ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts, default settings, no faults, no OAuth tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow &amp;duplicate contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst limit (requests):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily limit (requests):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token lifetime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search index lag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk is working on “%1”, not on the built-in sandbox: these controls change the sandbox only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection is open; these controls change the built-in sandbox only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location %1 (%2): %3 contacts, %4 tasks, %5 notes, %6 appointments, %7 businesses; %8 custom fields, %9 tags, %10 users, %11 calendars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact (latest %1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox refused the settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Working on: %1</source>
        <translation>Aktuelle Verbindung: %1</translation>
    </message>
    <message>
        <source>&amp;Manage connections…</source>
        <translation>Verbindungen &amp;verwalten…</translation>
    </message>
    <message>
        <source>Manage connections</source>
        <translation>Verbindungen verwalten</translation>
    </message>
    <message>
        <source>Contacts and sync</source>
        <translation>Kontakte und Abgleich</translation>
    </message>
    <message>
        <source>Default phone country</source>
        <translation>Standardland für Telefonnummern</translation>
    </message>
    <message>
        <source>Default phone &amp;country:</source>
        <translation>Standard&amp;land für Telefonnummern:</translation>
    </message>
    <message>
        <source>Phone numbers typed without a country code are read as numbers of this country.</source>
        <translation>Telefonnummern ohne Ländervorwahl werden als Nummern dieses Landes gelesen.</translation>
    </message>
    <message>
        <source>Minutes between automatic syncs</source>
        <translation>Minuten zwischen automatischen Abgleichen</translation>
    </message>
    <message>
        <source>Only when asked (F5)</source>
        <translation>Nur auf Anfrage (F5)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Sync every:</source>
        <translation>&amp;Abgleich alle:</translation>
    </message>
    <message>
        <source>Contact list columns</source>
        <translation>Spalten der Kontaktliste</translation>
    </message>
    <message>
        <source>Keep at least one column.</source>
        <translation>Mindestens eine Spalte muss bleiben.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Another start of ContactDesk could not reach this window: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk is already running (process %1) but does not answer; close it or end that process, then start again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StandardWebhooks</name>
    <message>
        <source>the signing secret holds characters that are not base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signing secret is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signing secret is not a whsec_ secret (whsec_ followed by base64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing webhook-id, webhook-timestamp or webhook-signature header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook-timestamp is not a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook-timestamp is too old (outside the allowed window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook-timestamp is too far in the future (outside the allowed window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature does not match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Undo the delete</source>
        <translation>Das Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Open the outbox: changes waiting to be sent</source>
        <translation>Postausgang öffnen: Änderungen, die auf das Senden warten</translation>
    </message>
    <message>
        <source>API requests left in this window</source>
        <translation>Verbleibende API-Anfragen in diesem Zeitfenster</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Custom server</source>
        <translation>Eigener Server</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation>Abgleich läuft… %1 von %2</translation>
    </message>
    <message>
        <source>Syncing… %1</source>
        <translation>Abgleich läuft… %1</translation>
    </message>
    <message>
        <source>offline, changes wait</source>
        <translation>offline, Änderungen warten</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Postausgang: %1</translation>
    </message>
    <message numerus="yes">
        <source>Outbox, %n change(s) waiting to be sent</source>
        <translation>
            <numerusform>Postausgang, %n Änderung wartet auf das Senden</numerusform>
            <numerusform>Postausgang, %n Änderungen warten auf das Senden</numerusform>
        </translation>
    </message>
    <message>
        <source>API %1/%2</source>
        <translation>API %1/%2</translation>
    </message>
    <message>
        <source>%1 of %2 requests left in this %3-second window.</source>
        <translation>%1 von %2 Anfragen in diesem %3-Sekunden-Fenster übrig.</translation>
    </message>
    <message>
        <source>%1 of %2 requests left today.</source>
        <translation>%1 von %2 Anfragen heute übrig.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting for budget.</source>
        <translation>
            <numerusform>%n Anfrage wartet auf Kontingent.</numerusform>
            <numerusform>%n Anfragen warten auf Kontingent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Abgleich fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Letzter Abgleich %1</translation>
    </message>
    <message>
        <source>%1 · Undo</source>
        <translation>%1 · Rückgängig</translation>
    </message>
    <message>
        <source>Restore with its tasks and notes (Ctrl+Z)</source>
        <translation>Mit Aufgaben und Notizen wiederherstellen (Strg+Z)</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a tag and press Enter or a comma. Backspace in the empty field removes the last tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Space, Backspace or Delete to remove this tag, Left or Right for the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (new)  ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a new tag for this location; it is created when the contact is saved. Click to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1, new to this location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Call back about the quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has a due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date and time, in your time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone of the due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your time zone (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add task</source>
        <translation type="unfinished">Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* Required. HighLevel needs a due date for every new task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed: untick to reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick when done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestEventPage</name>
    <message>
        <source>E&amp;xample Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dry Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the requests the rules would make, and sends nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send Test Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data (JSON):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It would fail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It would wait: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enabled rule matches this event: nothing would be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The rule “%1” would make %n request(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Event %1 is in the inbox; the event log shows what it does.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficModel</name>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished">Verbindung</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished">Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficPane</name>
    <message>
        <source>Filter: operation, path, status, connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (4xx, 5xx, failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed (no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Paused: %n new exchange(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected request again through its connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit and Send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected request in Compose to change it before sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected exchange as a curl command (the token as $TOKEN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection as Postman Collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection as HAR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered Exchanges as Postman Collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered Exchanges as HAR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole Endpoint Catalog as Postman Collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following the newest exchanges (they are still recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep last </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many exchanges the inspector keeps in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the exchange to replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the exchange to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the exchange to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 as a curl command; set TOKEN in the shell before running it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished">%1. gespeichert</translation>
    </message>
    <message>
        <source>Nothing to export: select exchanges, or change the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as HAR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAR files (*.har *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactDesk traffic %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as Postman Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postman collections (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Endpoint Catalog</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransformOptionsForm</name>
    <message>
        <source>This step has no options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsavedEditsGuard</name>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the cache is read-only</source>
        <translation>der Zwischenspeicher ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the cache file is damaged</source>
        <translation>die Datei des Zwischenspeichers ist beschädigt</translation>
    </message>
    <message>
        <source>the cache is busy</source>
        <translation>der Zwischenspeicher ist belegt</translation>
    </message>
    <message>
        <source>the cache cannot be written</source>
        <translation>der Zwischenspeicher kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>1 edit could not be saved to the local cache: %1. It is kept in memory.</source>
        <translation>1 Änderung konnte nicht im lokalen Zwischenspeicher gesichert werden: %1. Sie bleibt im Arbeitsspeicher.</translation>
    </message>
    <message numerus="yes">
        <source>%n edits could not be saved to the local cache: %1. They are kept in memory.</source>
        <translation>
            <numerusform>%n Änderung konnte nicht im lokalen Zwischenspeicher gesichert werden: %1. Sie bleibt im Arbeitsspeicher.</numerusform>
            <numerusform>%n Änderungen konnten nicht im lokalen Zwischenspeicher gesichert werden: %1. Sie bleiben im Arbeitsspeicher.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <source>no answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished">Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow &amp;writes (creates, changes and deletes data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run was stopped: the connection closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): every operation runs; what the run creates is deleted at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): only the reads run unless writes are allowed. A run with writes creates a temporary contact, field and tag and deletes them at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying %1 operations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying… %1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified yet on this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified %1/%2 on %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n failed)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n skipped)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n skipped: reads only)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebhookDeliveryModel</name>
    <message>
        <source>(unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified, applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified, waiting to be applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified, ignored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature and result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebhooksPage</name>
    <message>
        <source>Send &amp;Test Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox sends a signed ContactUpdate of its newest contact to this app&apos;s receiver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel&apos;s public keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM file of the x-wh-signature key (RSA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM file of the x-ghl-signature key (Ed25519)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use These Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;RSA key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ed25519 key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not receiving webhooks: the receiver is off (switch it on in the Receiver tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox delivers its changes to %1, signed with its own keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox does not deliver here yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving at %1/hooks/highlevel, verified with HighLevel&apos;s public keys. HighLevel reaches it only at a public HTTPS address (run contactdesk-cli serve behind your reverse proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes from HighLevel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received · %2 accepted · %3 refused · %4 ignored · %5 applied · %6 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last: %1 answered %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox sent webhook %1; it is listed below once it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keys: webhooks are refused until keys are set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys loaded; webhooks are verified with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HighLevel&apos;s Webhook Public Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM public keys (*.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop contact manager for HighLevel.</source>
        <translation>Kontaktverwaltung für HighLevel auf dem Desktop.</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to FILE once the contacts are shown, then quit.</source>
        <translation>Ein PNG des Hauptfensters in DATEI speichern, sobald die Kontakte angezeigt werden, dann beenden.</translation>
    </message>
    <message>
        <source>Keep passwords and tokens in memory for this run only, without asking for the system keychain.</source>
        <translation>Passwörter und Tokens nur für diesen Lauf im Speicher halten, ohne nach dem Schlüsselbund des Systems zu fragen.</translation>
    </message>
    <message>
        <source>Print the milliseconds from process start to the first painted contact list to standard error, as JSON, then quit.</source>
        <translation>Die Millisekunden vom Prozessstart bis zur ersten gezeichneten Kontaktliste als JSON auf die Standardfehlerausgabe schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>A contactdesk://contact/ID link to show, or a file (CSV, JSON, NDJSON, vCard) to import. When ContactDesk already runs, it gets them and comes to the front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the inspector, with the first sync&apos;s traffic, to FILE, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
