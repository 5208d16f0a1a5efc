<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="21"/>
        <source>TrialBridge desktop console</source>
        <translation>TrialBridge-Desktopkonsole</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="25"/>
        <source>Workspace folder to open.</source>
        <translation>Zu öffnender Arbeitsbereichsordner.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="28"/>
        <source>Write a PNG of every page to DIR and quit.</source>
        <translation>Jede Seite als PNG in DIR schreiben und beenden.</translation>
    </message>
</context>
<context>
    <name>tb::core::AuditTrailModel</name>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="124"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="125"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="126"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="127"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="128"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="129"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="130"/>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="131"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="132"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>tb::core::ConnectionListModel</name>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="95"/>
        <source>none needed</source>
        <translation>keine nötig</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="97"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="100"/>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="102"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="103"/>
        <source>%1 of %2 stored</source>
        <translation>%1 von %2 gespeichert</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="109"/>
        <source>Works</source>
        <translation>Funktioniert</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="110"/>
        <source>Invalid profile</source>
        <translation>Ungültiges Profil</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="111"/>
        <source>Secret not set</source>
        <translation>Geheimnis nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="112"/>
        <source>Secret store failed</source>
        <translation>Geheimnisspeicher fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="113"/>
        <source>Host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="114"/>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="115"/>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="116"/>
        <source>TLS verification failed</source>
        <translation>TLS-Prüfung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="117"/>
        <source>Host key mismatch</source>
        <translation>Host-Schlüssel stimmt nicht überein</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="118"/>
        <source>Credentials refused</source>
        <translation>Zugangsdaten abgelehnt</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="119"/>
        <source>Access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="120"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="121"/>
        <source>Unexpected answer</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="122"/>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/connection/ConnectionListModel.cpp" line="162"/>
        <source>invalid: %n problem(s)</source>
        <translation>
            <numerusform>ungültig: %n Problem</numerusform>
            <numerusform>ungültig: %n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="167"/>
        <source>testing…</source>
        <translation>wird getestet…</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="168"/>
        <source>not tested</source>
        <translation>nicht getestet</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="182"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="183"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="184"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="185"/>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="186"/>
        <source>Last test</source>
        <translation>Letzter Test</translation>
    </message>
</context>
<context>
    <name>tb::core::MappingModel</name>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="305"/>
        <source>The target entity &quot;%1&quot; is not part of the CTMS model.</source>
        <translation>Die Zielentität „%1“ gehört nicht zum CTMS-Modell.</translation>
    </message>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="312"/>
        <source>The required field %1 is not mapped: connect a source column to it.</source>
        <translation>Das Pflichtfeld %1 ist nicht zugeordnet: Verbinden Sie eine Quellspalte damit.</translation>
    </message>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="323"/>
        <source>%1 → %2: %3 has no field %2.</source>
        <translation>%1 → %2: %3 hat kein Feld %2.</translation>
    </message>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="327"/>
        <source>%1 → %2: the source has no column %1.</source>
        <translation>%1 → %2: Die Quelle hat keine Spalte %1.</translation>
    </message>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="337"/>
        <source>%1 has no field %2.</source>
        <translation>%1 hat kein Feld %2.</translation>
    </message>
</context>
<context>
    <name>tb::core::MappingRevisionModel</name>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="90"/>
        <source>in review</source>
        <translation>in Prüfung</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="91"/>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="92"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="93"/>
        <source>retired</source>
        <translation>außer Kraft</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="114"/>
        <source>Mapping</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="115"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="116"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="117"/>
        <source>Since (UTC)</source>
        <translation>Seit (UTC)</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="118"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="119"/>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
</context>
<context>
    <name>tb::core::PipelineListModel</name>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="127"/>
        <source>drop %1 (%2)</source>
        <translation>Ablage %1 (%2)</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="129"/>
        <source>%1 connection %2</source>
        <translation>%1-Verbindung %2</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="141"/>
        <source>%1 (%2), paused</source>
        <translation>%1 (%2), pausiert</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="143"/>
        <source>%1 (%2), next %3 (%4 UTC)</source>
        <translation>%1 (%2), nächster Lauf %3 (%4 UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="178"/>
        <source>%1 (paused)</source>
        <translation>%1 (pausiert)</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="182"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="183"/>
        <source>never run</source>
        <translation>nie gelaufen</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="214"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="215"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="216"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="217"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="218"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="219"/>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="220"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="221"/>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="222"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="223"/>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
</context>
<context>
    <name>tb::core::ReconciliationModel</name>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="47"/>
        <source>%1 has no run of pipeline %2 yet</source>
        <translation>%1 hat noch keinen Lauf der Pipeline %2</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="74"/>
        <source>%1 has no run %2</source>
        <translation>%1 hat keinen Lauf %2</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="178"/>
        <source>%1 of them removed together with their subject (not read, left out of the balance)</source>
        <translation>%1 davon zusammen mit ihrem Probanden entfernt (nicht gelesen, nicht in der Bilanz)</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="181"/>
        <source>Every row read is accounted for</source>
        <translation>Jede gelesene Zeile ist verbucht</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="182"/>
        <source>%1 rows read are not accounted for by the run&apos;s counts</source>
        <translation>%1 gelesene Zeilen sind in den Zählungen des Laufs nicht verbucht</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="184"/>
        <source>Not loaded by this run</source>
        <translation>Von diesem Lauf nicht geladen</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="200"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="201"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="202"/>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="203"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="204"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="205"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="206"/>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="207"/>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="208"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="209"/>
        <source>In target</source>
        <translation>Im Ziel</translation>
    </message>
</context>
<context>
    <name>tb::core::RunHistoryModel</name>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="31"/>
        <source>%1: cannot read the rejected records: %2</source>
        <translation>%1: Die abgewiesenen Datensätze können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="51"/>
        <source>%1 does not exist yet: run a pipeline to create it</source>
        <translation>%1 existiert noch nicht: führen Sie eine Pipeline aus, um sie anzulegen</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="58"/>
        <source>%1: cannot read the run history: %2</source>
        <translation>%1: Die bisherigen Läufe können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="170"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="171"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="172"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="173"/>
        <source>Started (UTC)</source>
        <translation>Begonnen (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="174"/>
        <source>Ended (UTC)</source>
        <translation>Beendet (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="175"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="176"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="177"/>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="178"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="179"/>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
</context>
<context>
    <name>tb::core::SiteCountModel</name>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="106"/>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="107"/>
        <source>Site</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="108"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="109"/>
        <source>Subjects</source>
        <translation>Probanden</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="110"/>
        <source>Visits</source>
        <translation>Visiten</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="111"/>
        <source>Adverse events</source>
        <translation>Unerwünschte Ereignisse</translation>
    </message>
</context>
<context>
    <name>tb::core::SourceSchemaModel</name>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="200"/>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="200"/>
        <source>Study, site, subject and the audit record</source>
        <translation>Studie, Zentrum, Proband und der Audit-Eintrag</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="204"/>
        <source>Vendor attributes</source>
        <translation>Herstellerattribute</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="227"/>
        <source>study event</source>
        <translation>Studienereignis</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="228"/>
        <source>form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="230"/>
        <source>repeating item group</source>
        <translation>wiederholte Item-Gruppe</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="230"/>
        <source>item group</source>
        <translation>Item-Gruppe</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="234"/>
        <source>Items without metadata</source>
        <translation>Items ohne Metadaten</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="238"/>
        <source>Place in the file</source>
        <translation>Stelle in der Datei</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="239"/>
        <source>Line of the element</source>
        <translation>Zeile des Elements</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="240"/>
        <source>XPath of the element</source>
        <translation>XPath des Elements</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="334"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="335"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="336"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>tb::core::TargetSchemaModel</name>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="100"/>
        <source>CTMS entity %1, key: %2</source>
        <translation>CTMS-Entität %1, Schlüssel: %2</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="118"/>
        <source>Modified at (source)</source>
        <translation>Geändert am (Quelle)</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="124"/>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="124"/>
        <source>required</source>
        <translation>Pflicht</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="129"/>
        <source>The source&apos;s modification time: older records than those loaded are not applied</source>
        <translation>Änderungszeit in der Quelle: Datensätze, die älter als die geladenen sind, werden nicht übernommen</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="130"/>
        <source>%1: part of the key, must be mapped</source>
        <translation>%1: Teil des Schlüssels, muss zugeordnet werden</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="131"/>
        <source>%1: required, must be mapped</source>
        <translation>%1: Pflichtfeld, muss zugeordnet werden</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="145"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="146"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="147"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="148"/>
        <source>Required</source>
        <translation>Pflicht</translation>
    </message>
</context>
<context>
    <name>tb::core::ValueMapModel</name>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="149"/>
        <source>No code for &quot;%1&quot;: such values become the default &quot;%2&quot;.</source>
        <translation>Kein Code für „%1“: solche Werte werden zum Standardwert „%2“.</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="151"/>
        <source>No code for &quot;%1&quot;: such values pass unchanged.</source>
        <translation>Kein Code für „%1“: solche Werte bleiben unverändert.</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="152"/>
        <source>No code for &quot;%1&quot;: records with this value are rejected.</source>
        <translation>Kein Code für „%1“: Datensätze mit diesem Wert werden abgewiesen.</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="155"/>
        <source>&quot;%1&quot; is not a term of the codelist %2 (%3): the record will fail validation.</source>
        <translation>„%1“ ist kein Begriff der Codeliste %2 (%3): der Datensatz wird die Prüfung nicht bestehen.</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="188"/>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="239"/>
        <source>Source value</source>
        <translation>Quellwert</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="240"/>
        <source>Target code</source>
        <translation>Zielcode</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="241"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
</context>
<context>
    <name>tb::ui::AuditPage</name>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="19"/>
        <source>Target database</source>
        <translation>Zieldatenbank</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="23"/>
        <source>Audit &amp;trail</source>
        <translation>Audit-&amp;Trail</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="24"/>
        <source>&amp;Mapping revisions</source>
        <translation>&amp;Mapping-Revisionen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="26"/>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
</context>
<context>
    <name>tb::ui::AuditTrailPanel</name>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="62"/>
        <source>from (UTC)</source>
        <translation>von (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="62"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="63"/>
        <source>to (UTC)</source>
        <translation>bis (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="63"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="64"/>
        <source>UTC date or date-time, e.g. 2026-01-31 or 2026-01-31T08:00:00Z; inclusive</source>
        <translation>UTC-Datum oder -Zeitpunkt, z. B. 2026-01-31 oder 2026-01-31T08:00:00Z; einschließlich</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="68"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="69"/>
        <source>All entities</source>
        <translation>Alle Entitäten</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="74"/>
        <source>subject</source>
        <translation>Proband</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="74"/>
        <source>Subject</source>
        <translation>Proband</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="75"/>
        <source>site</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="75"/>
        <source>Site</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="76"/>
        <source>user id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="76"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="77"/>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="77"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="78"/>
        <source>&amp;Apply filters</source>
        <translation>Filter &amp;anwenden</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="96"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="96"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="96"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="101"/>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="103"/>
        <source>Recompute the hash chain and check every checkpoint&apos;s signature</source>
        <translation>Die Hash-Kette neu berechnen und die Signatur jedes Prüfpunkts prüfen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="104"/>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="106"/>
        <source>The QA audit report of the entries the filters select, as PDF or CSV</source>
        <translation>Der QA-Auditbericht der von den Filtern gewählten Einträge, als PDF oder CSV</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="111"/>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="113"/>
        <source>Stop the export; no file is written</source>
        <translation>Den Export anhalten; es wird keine Datei geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="191"/>
        <source>No target database.</source>
        <translation>Keine Zieldatenbank.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="192"/>
        <source>%1 does not exist yet: run a pipeline to create it</source>
        <translation>%1 existiert noch nicht: führen Sie eine Pipeline aus, um sie anzulegen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="202"/>
        <source>The latest %1 of %2 entries (%3): narrow the filters to see the others.</source>
        <translation>Die neuesten %1 von %2 Einträgen (%3): grenzen Sie die Filter ein, um die übrigen zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="206"/>
        <source>%n entries (%1)</source>
        <translation>
            <numerusform>%n Eintrag (%1)</numerusform>
            <numerusform>%n Einträge (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="245"/>
        <source>Verifying…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="264"/>
        <source>Not verified: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="269"/>
        <source>Intact: %n entries, %1 signed checkpoint(s), %2 electronic signature(s) valid; head %3</source>
        <translation>
            <numerusform>Intakt: %n Eintrag, %1 signierte(r) Prüfpunkt(e), %2 elektronische Signatur(en) gültig; Kopf %3</numerusform>
            <numerusform>Intakt: %n Einträge, %1 signierte(r) Prüfpunkt(e), %2 elektronische Signatur(en) gültig; Kopf %3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="278"/>
        <source>BROKEN: %1</source>
        <translation>BESCHÄDIGT: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="282"/>
        <source>BROKEN (%n problem(s)): %1</source>
        <translation>
            <numerusform>BESCHÄDIGT (%n Problem): %1</numerusform>
            <numerusform>BESCHÄDIGT (%n Probleme): %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="295"/>
        <source>Export the audit report</source>
        <translation>Auditbericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="296"/>
        <source>PDF report (*.pdf);;CSV table (*.csv)</source>
        <translation>PDF-Bericht (*.pdf);;CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="306"/>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="334"/>
        <source>%n entries written to %1</source>
        <translation>
            <numerusform>%n Eintrag nach %1 geschrieben</numerusform>
            <numerusform>%n Einträge nach %1 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::AutoMapDialog</name>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="26"/>
        <source>Auto-map</source>
        <translation>Automatisch zuordnen</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="35"/>
        <source>Proposed links</source>
        <translation>Vorgeschlagene Verbindungen</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="44"/>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="46"/>
        <source>Connect the selected proposal&apos;s column to its field</source>
        <translation>Die Spalte des gewählten Vorschlags mit ihrem Feld verbinden</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="47"/>
        <source>&amp;Reject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="49"/>
        <source>Leave the selected proposal out</source>
        <translation>Den gewählten Vorschlag auslassen</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="53"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="55"/>
        <source>Minimum confidence</source>
        <translation>Mindestsicherheit</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="56"/>
        <source>Accept all &amp;above</source>
        <translation>Alle &amp;darüber annehmen</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="58"/>
        <source>Accept every proposed link with at least this confidence, as one undo step</source>
        <translation>Jede vorgeschlagene Verbindung mit mindestens dieser Sicherheit annehmen, als ein Rückgängig-Schritt</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/AutoMapDialog.cpp" line="139"/>
        <source>Auto-map %n link(s)</source>
        <translation>
            <numerusform>%n Verbindung automatisch zuordnen</numerusform>
            <numerusform>%n Verbindungen automatisch zuordnen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="171"/>
        <source>No proposals: every field is mapped, or no source column resembles an unmapped field.</source>
        <translation>Keine Vorschläge: jedes Feld ist zugeordnet, oder keine Quellspalte ähnelt einem nicht zugeordneten Feld.</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="173"/>
        <source>%1 proposed link(s), %2 still to decide. Accepting one connects it (undo with Ctrl+Z).</source>
        <translation>%1 vorgeschlagene Verbindung(en), %2 noch offen. Annehmen verbindet sie (rückgängig mit Strg+Z).</translation>
    </message>
</context>
<context>
    <name>tb::ui::AutoMapModel</name>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="55"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="58"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="58"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="58"/>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="62"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="85"/>
        <source>Source column</source>
        <translation>Quellspalte</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="86"/>
        <source>Target field</source>
        <translation>Zielfeld</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="87"/>
        <source>Confidence</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="88"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="89"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
</context>
<context>
    <name>tb::ui::ConnectCommand</name>
    <message>
        <location filename="../ui/designer/commands/ConnectCommand.cpp" line="12"/>
        <source>Connect %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
    </message>
</context>
<context>
    <name>tb::ui::ConnectionEditor</name>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="43"/>
        <source>EDC REST API</source>
        <translation>EDC-REST-API</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="44"/>
        <source>REDCap</source>
        <translation>REDCap</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="45"/>
        <source>SFTP server</source>
        <translation>SFTP-Server</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="46"/>
        <source>PostgreSQL database</source>
        <translation>PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="47"/>
        <source>ERP API</source>
        <translation>ERP-API</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="48"/>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="49"/>
        <source>BI API</source>
        <translation>BI-API</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="57"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="59"/>
        <source>Pass&amp;word:</source>
        <translation>Passwor&amp;t:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="61"/>
        <source>Pri&amp;vate key:</source>
        <translation>Pri&amp;vater Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="62"/>
        <source>Si&amp;gning secret:</source>
        <translation>Si&amp;gnaturgeheimnis:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="126"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="127"/>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;. The file is NAME.connection.json and the secrets are stored as NAME/FIELD.</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ und „-“. Die Datei heißt NAME.connection.json, die Geheimnisse werden als NAME/FELD gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="131"/>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="133"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="134"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="137"/>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="138"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="143"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="144"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="145"/>
        <source>Da&amp;tabase:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="146"/>
        <source>User na&amp;me:</source>
        <translation>Benutzerna&amp;me:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="147"/>
        <source>&amp;Header:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="148"/>
        <source>Test &amp;path:</source>
        <translation>Test&amp;pfad:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="149"/>
        <source>Appended to the URL for the test request.</source>
        <translation>Wird für die Testanfrage an die URL angehängt.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="150"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="151"/>
        <source>Host ke&amp;y:</source>
        <translation>Host-Schlüss&amp;el:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="152"/>
        <source>The server&apos;s host key fingerprint as &quot;ssh-keygen -l -E sha256 -f KEY.pub&quot; prints it.</source>
        <translation>Der Fingerabdruck des Host-Schlüssels des Servers, wie ihn „ssh-keygen -l -E sha256 -f KEY.pub“ ausgibt.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="155"/>
        <source>Encrypted, certificate and host name verified</source>
        <translation>Verschlüsselt, Zertifikat und Hostname geprüft</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="156"/>
        <source>Not encrypted (Unix socket or loopback only)</source>
        <translation>Unverschlüsselt (nur Unix-Socket oder Loopback)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="157"/>
        <source>&amp;Encryption:</source>
        <translation>&amp;Verschlüsselung:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="161"/>
        <source>the system&apos;s CAs only</source>
        <translation>nur die CAs des Systems</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="162"/>
        <source>CA bundle</source>
        <translation>CA-Bündel</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="163"/>
        <source>&amp;Browse…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="167"/>
        <source>CA Bundle</source>
        <translation>CA-Bündel</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="167"/>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="176"/>
        <source>CA bund&amp;le:</source>
        <translation>CA-Bünde&amp;l:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="177"/>
        <source>P&amp;in:</source>
        <translation>P&amp;in:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="177"/>
        <source>SHA-256 of the server&apos;s public key (Base64 or hex)</source>
        <translation>SHA-256 des öffentlichen Schlüssels des Servers (Base64 oder hex)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="182"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="183"/>
        <source>Timeout in seconds</source>
        <translation>Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="184"/>
        <source>Time&amp;out:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="203"/>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="419"/>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="420"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="210"/>
        <source>From f&amp;ile…</source>
        <translation>A&amp;us Datei…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="212"/>
        <source>Read the private key from a file; it goes to the secret store on save.</source>
        <translation>Den privaten Schlüssel aus einer Datei lesen; beim Speichern kommt er in den Geheimnisspeicher.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="318"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="319"/>
        <source>Basic (user name and password)</source>
        <translation>Basic (Benutzername und Passwort)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="320"/>
        <source>API key in a header</source>
        <translation>API-Schlüssel in einem Header</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="321"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="323"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="324"/>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="386"/>
        <source>db.example.org or a socket folder</source>
        <translation>db.example.org oder ein Socket-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="391"/>
        <source>&lt;b&gt;Secrets&lt;/b&gt; — this connection needs none.</source>
        <translation>&lt;b&gt;Geheimnisse&lt;/b&gt; — diese Verbindung braucht keine.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="393"/>
        <source>&lt;b&gt;Secrets&lt;/b&gt; — the secret store is not open, so they cannot be set here: %1</source>
        <translation>&lt;b&gt;Geheimnisse&lt;/b&gt; — der Geheimnisspeicher ist nicht geöffnet, daher können sie hier nicht gesetzt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="396"/>
        <source>&lt;b&gt;Secrets&lt;/b&gt; — kept in the %1, never in the file. Leave a field empty to keep what is stored.</source>
        <translation>&lt;b&gt;Geheimnisse&lt;/b&gt; — aufbewahrt hier: %1, nie in der Datei. Lassen Sie ein Feld leer, um den gespeicherten Wert zu behalten.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="413"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="414"/>
        <source>the secret store is not open</source>
        <translation>der Geheimnisspeicher ist nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="416"/>
        <source>from file</source>
        <translation>aus Datei</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="417"/>
        <source>read from %1 — saved to the store on Save</source>
        <translation>aus %1 gelesen — wird beim Speichern abgelegt</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="419"/>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="420"/>
        <source>stored — type a new value to replace it</source>
        <translation>gespeichert — geben Sie einen neuen Wert ein, um ihn zu ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="422"/>
        <source>A value is stored in the secret store; it is never shown.</source>
        <translation>Im Geheimnisspeicher ist ein Wert gespeichert; er wird nie angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="435"/>
        <source>New Connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="450"/>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="456"/>
        <source>Edit Connection %1</source>
        <translation>Verbindung %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="461"/>
        <source>The name of an existing connection names its file and its secrets; create a new connection to use another name.</source>
        <translation>Der Name einer bestehenden Verbindung benennt ihre Datei und ihre Geheimnisse; legen Sie für einen anderen Namen eine neue Verbindung an.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="597"/>
        <source>A connection needs a name.</source>
        <translation>Eine Verbindung braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="607"/>
        <source>There is a connection named %1 already.</source>
        <translation>Es gibt bereits eine Verbindung namens %1.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="625"/>
        <source>Required.</source>
        <translation>Erforderlich.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="627"/>
        <source>Use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64), starting with a letter or digit: the name is the file&apos;s name and the prefix of the secrets.</source>
        <translation>Verwenden Sie Buchstaben, Ziffern, „.“, „_“ und „-“ (höchstens 64), beginnend mit einem Buchstaben oder einer Ziffer: Der Name ist der Dateiname und das Präfix der Geheimnisse.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="637"/>
        <source>At least %1 characters: a shorter value could not be kept out of logs reliably.</source>
        <translation>Mindestens %1 Zeichen: Ein kürzerer Wert ließe sich nicht zuverlässig aus Protokollen heraushalten.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="657"/>
        <source>Private Key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="662"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="679"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="703"/>
        <source>The secret store is not open, so the secrets cannot be saved: %1</source>
        <translation>Der Geheimnisspeicher ist nicht geöffnet, daher können die Geheimnisse nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="718"/>
        <source>The secret store was closed; nothing more was saved.</source>
        <translation>Der Geheimnisspeicher wurde geschlossen; es wurde nichts weiter gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="732"/>
        <source>Cannot store %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::ConnectionsPage</name>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="57"/>
        <source>&amp;Open Secret Store…</source>
        <translation>Geheimnisspeicher &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="59"/>
        <source>Try again to open the secret store (asks for the vault&apos;s passphrase)</source>
        <translation>Erneut versuchen, den Geheimnisspeicher zu öffnen (fragt nach der Passphrase des Tresors)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="65"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="87"/>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="87"/>
        <source>Create a connection</source>
        <translation>Eine Verbindung anlegen</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="89"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="90"/>
        <source>Edit the selected connection</source>
        <translation>Die gewählte Verbindung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="91"/>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="92"/>
        <source>Test the selected connection with its stored secrets</source>
        <translation>Die gewählte Verbindung mit ihren gespeicherten Geheimnissen testen</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="93"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="94"/>
        <source>Delete the selected connection and its secrets</source>
        <translation>Die gewählte Verbindung und ihre Geheimnisse löschen</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="116"/>
        <source>Testing</source>
        <translation>Test läuft</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="125"/>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="159"/>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich ist geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="172"/>
        <source>Connections of %1</source>
        <translation>Verbindungen von %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="172"/>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="174"/>
        <source>Select a connection to see its last test, or create one with New.</source>
        <translation>Wählen Sie eine Verbindung, um ihren letzten Test zu sehen, oder legen Sie mit „Neu“ eine an.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="185"/>
        <source>Secrets are kept in the %1; they are never written to the connection files.</source>
        <translation>Geheimnisse werden hier aufbewahrt: %1; sie werden nie in die Verbindungsdateien geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="188"/>
        <source>The secret store is not open (%1): secrets cannot be set or tested.</source>
        <translation>Der Geheimnisspeicher ist nicht geöffnet (%1): Geheimnisse können weder gesetzt noch getestet werden.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="267"/>
        <source>The secret store cannot be read: %1</source>
        <translation>Der Geheimnisspeicher kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="286"/>
        <source>&lt;b&gt;%1 is not valid&lt;/b&gt; — Edit fixes it:</source>
        <translation>&lt;b&gt;%1 ist ungültig&lt;/b&gt; — mit „Bearbeiten“ beheben:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="293"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Not tested in this session: Test checks it with its stored secrets.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;In dieser Sitzung nicht getestet: „Testen“ prüft sie mit ihren gespeicherten Geheimnissen.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="307"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="310"/>
        <source>Edit the connection and type the secret (or: %1)</source>
        <translation>Bearbeiten Sie die Verbindung und geben Sie das Geheimnis ein (oder: %1)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="313"/>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="318"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="356"/>
        <source>Saved the connection &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Verbindung &lt;b&gt;%1&lt;/b&gt; gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="375"/>
        <source>Edit the connection to fix it.</source>
        <translation>Bearbeiten Sie die Verbindung, um das zu beheben.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="378"/>
        <source>the secret store is not open: %1</source>
        <translation>der Geheimnisspeicher ist nicht geöffnet: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="393"/>
        <source>Testing &lt;b&gt;%1&lt;/b&gt; (%2)…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wird getestet (%2)…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="415"/>
        <source>Delete Connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="416"/>
        <source>Delete the connection %1?</source>
        <translation>Die Verbindung %1 löschen?</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="419"/>
        <source>Its file %1 and its secrets in the %2 are removed. This cannot be undone.</source>
        <translation>Ihre Datei %1 und ihre Geheimnisse (%2) werden entfernt. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="421"/>
        <source>Its file %1 is removed. The secret store is not open, so its secrets stay stored (remove them later with &quot;trialbridge-cli secrets delete&quot;).</source>
        <translation>Ihre Datei %1 wird entfernt. Der Geheimnisspeicher ist nicht geöffnet, daher bleiben ihre Geheimnisse gespeichert (entfernen Sie sie später mit „trialbridge-cli secrets delete“).</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="424"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="436"/>
        <source>the secret store is not open</source>
        <translation>der Geheimnisspeicher ist nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="447"/>
        <source>&lt;b&gt;%1 was not deleted:&lt;/b&gt; its secrets cannot be listed: %2</source>
        <translation>&lt;b&gt;%1 wurde nicht gelöscht:&lt;/b&gt; ihre Geheimnisse können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="487"/>
        <source>Deleted the connection &lt;b&gt;%1&lt;/b&gt; and its secrets.</source>
        <translation>Verbindung &lt;b&gt;%1&lt;/b&gt; und ihre Geheimnisse gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="488"/>
        <source>Deleted the connection &lt;b&gt;%1&lt;/b&gt;; its secrets were not removed: %2</source>
        <translation>Verbindung &lt;b&gt;%1&lt;/b&gt; gelöscht; ihre Geheimnisse wurden nicht entfernt: %2</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="491"/>
        <source>&lt;b&gt;%1 was not deleted:&lt;/b&gt; some of its secrets could not be removed: %2</source>
        <translation>&lt;b&gt;%1 wurde nicht gelöscht:&lt;/b&gt; einige ihrer Geheimnisse konnten nicht entfernt werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="494"/>
        <source>&lt;b&gt;%1 was not deleted:&lt;/b&gt; %2: %3</source>
        <translation>&lt;b&gt;%1 wurde nicht gelöscht:&lt;/b&gt; %2: %3</translation>
    </message>
</context>
<context>
    <name>tb::ui::DateTransformEditor</name>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="52"/>
        <source>&quot;iso&quot; or a pattern of yyyy yy MM M MMM dd d HH H mm ss</source>
        <translation>„iso“ oder ein Muster aus yyyy yy MM M MMM dd d HH H mm ss</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="55"/>
        <source>The source&apos;s time zone: UTC, site (the record&apos;s site), study (the study&apos;s default) or an IANA time zone</source>
        <translation>Die Zeitzone der Quelle: UTC, site (das Zentrum des Datensatzes), study (die Vorgabe der Studie) oder eine IANA-Zeitzone</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="59"/>
        <source>Keep partial dates</source>
        <translation>Unvollständige Daten behalten</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="60"/>
        <source>Reject partial dates</source>
        <translation>Unvollständige Daten abweisen</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="63"/>
        <source>Example source value</source>
        <translation>Beispielwert der Quelle</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="66"/>
        <source>The zone the example assumes for the site or the study</source>
        <translation>Die Zeitzone, die das Beispiel für Zentrum oder Studie annimmt</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="83"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="84"/>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="85"/>
        <source>&amp;Partial dates:</source>
        <translation>&amp;Unvollständige Daten:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="86"/>
        <source>E&amp;xample:</source>
        <translation>&amp;Beispiel:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="87"/>
        <source>Example&apos;s site &amp;zone:</source>
        <translation>Zeitzone des &amp;Zentrums im Beispiel:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="93"/>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="97"/>
        <source>Set the date format to %1</source>
        <translation>Datumsformat auf %1 setzen</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="94"/>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="98"/>
        <source>Set the source time zone to %1</source>
        <translation>Zeitzone der Quelle auf %1 setzen</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="101"/>
        <source>Partial dates: %1</source>
        <translation>Unvollständige Daten: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="179"/>
        <source>Not valid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="186"/>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="188"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::DesignerScene</name>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="178"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="178"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="179"/>
        <source>columns the mapping names; open a sample for all</source>
        <translation>die von der Zuordnung genannten Spalten; für alle eine Beispieldatei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="192"/>
        <source>not in the source</source>
        <translation>nicht in der Quelle</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="205"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="205"/>
        <source>Target: no entity</source>
        <translation>Ziel: keine Entität</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="218"/>
        <source>= study parameter %1</source>
        <translation>= Studienparameter %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="220"/>
        <source>= &quot;%1&quot;</source>
        <translation>= „%1“</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="236"/>
        <source>not a field of the entity</source>
        <translation>kein Feld der Entität</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="495"/>
        <source>Choose a source column first, then a target field.</source>
        <translation>Wählen Sie zuerst eine Quellspalte, dann ein Zielfeld.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="506"/>
        <source>Choose a target field for %1.</source>
        <translation>Wählen Sie ein Zielfeld für %1.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="514"/>
        <location filename="../ui/designer/DesignerScene.cpp" line="825"/>
        <location filename="../ui/designer/DesignerScene.cpp" line="832"/>
        <source>%1 is already connected to %2.</source>
        <translation>%1 ist bereits mit %2 verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="520"/>
        <source>Connect %1 to %2 fields</source>
        <translation>%1 mit %2 Feldern verbinden</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="579"/>
        <source>Select a link, or a field whose links to remove.</source>
        <translation>Wählen Sie eine Verbindung oder ein Feld, dessen Verbindungen entfernt werden sollen.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="590"/>
        <source>Select a link, or a field whose links to copy.</source>
        <translation>Wählen Sie eine Verbindung oder ein Feld, dessen Verbindungen kopiert werden sollen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="600"/>
        <source>Copied %n link(s).</source>
        <translation>
            <numerusform>%n Verbindung kopiert.</numerusform>
            <numerusform>%n Verbindungen kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="611"/>
        <source>Cut %n link(s)</source>
        <translation>
            <numerusform>%n Verbindung ausschneiden</numerusform>
            <numerusform>%n Verbindungen ausschneiden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="613"/>
        <source>Cut %n link(s): paste them onto fields of the same name, or one onto a selected field.</source>
        <translation>
            <numerusform>%n Verbindung ausgeschnitten: auf gleichnamige Felder einfügen, oder auf ein gewähltes Feld.</numerusform>
            <numerusform>%n Verbindungen ausgeschnitten: auf gleichnamige Felder einfügen, oder eine auf ein gewähltes Feld.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="623"/>
        <source>The clipboard holds no links.</source>
        <translation>Die Zwischenablage enthält keine Verbindungen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="664"/>
        <source>Paste %n link(s)</source>
        <translation>
            <numerusform>%n Verbindung einfügen</numerusform>
            <numerusform>%n Verbindungen einfügen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="675"/>
        <source>Set the transforms of %1</source>
        <translation>Transformationen von %1 setzen</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="688"/>
        <source>Nothing pasted.</source>
        <translation>Nichts eingefügt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="688"/>
        <source>Pasted %n link(s).</source>
        <translation>
            <numerusform>%n Verbindung eingefügt.</numerusform>
            <numerusform>%n Verbindungen eingefügt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="690"/>
        <source>Not in the source: %1.</source>
        <translation>Nicht in der Quelle: %1.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="692"/>
        <source>Not a field of %1: %2.</source>
        <translation>Kein Feld von %1: %2.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="694"/>
        <source>Already connected: %1.</source>
        <translation>Bereits verbunden: %1.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="696"/>
        <source>Kept the transforms of %1 (they differ from the copied ones).</source>
        <translation>Transformationen von %1 beibehalten (sie weichen von den kopierten ab).</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="817"/>
        <source>Dropped outside a target field: nothing changed.</source>
        <translation>Nicht auf einem Zielfeld abgelegt: nichts geändert.</translation>
    </message>
</context>
<context>
    <name>tb::ui::LinkClipboard</name>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="48"/>
        <source>%1: offset %2: %3</source>
        <translation>%1: Position %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="53"/>
        <source>%1: not links copied from the mapping designer (format &quot;%2&quot; expected)</source>
        <translation>%1: keine aus dem Zuordnungsdesigner kopierten Verbindungen (Format „%2“ erwartet)</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="58"/>
        <source>%1: links: must be a list</source>
        <translation>%1: links: muss eine Liste sein</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="71"/>
        <source>%1: needs a &quot;column&quot; and a &quot;target&quot;</source>
        <translation>%1: braucht „column“ und „target“</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="76"/>
        <source>%1.transforms: must be a list</source>
        <translation>%1.transforms: muss eine Liste sein</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="84"/>
        <source>%1: a transform is an object with one key, its name</source>
        <translation>%1: eine Transformation ist ein Objekt mit einem Schlüssel, ihrem Namen</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="98"/>
        <source>%1: no links</source>
        <translation>%1: keine Verbindungen</translation>
    </message>
</context>
<context>
    <name>tb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="61"/>
        <source>TrialBridge</source>
        <translation>TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="66"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="72"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>Mappings</source>
        <translation>Zuordnungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="76"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="73"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="78"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="115"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="120"/>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="123"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="124"/>
        <source>Open &amp;Secret Store…</source>
        <translation>&amp;Geheimnisspeicher öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="136"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="138"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="72"/>
        <source>&amp;Workspace</source>
        <translation>&amp;Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>&amp;Mappings</source>
        <translation>&amp;Zuordnungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="76"/>
        <source>R&amp;uns</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="73"/>
        <source>&amp;Connections</source>
        <translation>&amp;Verbindungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="75"/>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="75"/>
        <source>&amp;Pipelines</source>
        <translation>&amp;Pipelines</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="77"/>
        <source>Reconciliation</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="77"/>
        <source>R&amp;econciliation</source>
        <translation>Ab&amp;gleich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="78"/>
        <source>&amp;Audit</source>
        <translation>&amp;Audit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="116"/>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="130"/>
        <source>Se&amp;ttings…</source>
        <translation>Eins&amp;tellungen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="146"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="151"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="152"/>
        <source>&amp;About TrialBridge</source>
        <translation>Ü&amp;ber TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="155"/>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="166"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="235"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="286"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="235"/>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="239"/>
        <source>%1 — TrialBridge</source>
        <translation>%1 — TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="240"/>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="242"/>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="243"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="306"/>
        <source>About TrialBridge</source>
        <translation>Über TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="309"/>
        <source>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Moves clinical-trial data between the systems of a study — EDC, CTMS, ERP and BI — with validation, atomic loads and an audit trail.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Überträgt Daten klinischer Studien zwischen den Systemen einer Studie — EDC, CTMS, ERP und BI — mit Validierung, atomaren Ladevorgängen und Audit-Trail.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="313"/>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;&lt;p&gt;Libraries and their licences:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt — GNU LGPL version 3&lt;/li&gt;&lt;li&gt;libsodium — ISC licence&lt;/li&gt;&lt;li&gt;libssh — GNU LGPL version 2.1&lt;/li&gt;&lt;li&gt;QtKeychain — BSD licence (2-clause)&lt;/li&gt;&lt;li&gt;SQLite — public domain&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Erstellt mit Qt %1, läuft mit Qt %2.&lt;/p&gt;&lt;p&gt;Bibliotheken und ihre Lizenzen:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt — GNU LGPL Version 3&lt;/li&gt;&lt;li&gt;libsodium — ISC-Lizenz&lt;/li&gt;&lt;li&gt;libssh — GNU LGPL Version 2.1&lt;/li&gt;&lt;li&gt;QtKeychain — BSD-Lizenz (2-Klausel)&lt;/li&gt;&lt;li&gt;SQLite — gemeinfrei&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="337"/>
        <source>it is being opened</source>
        <translation>er wird gerade geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="338"/>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich ist geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="342"/>
        <source>The secret store is not open: %1</source>
        <translation>Der Geheimnisspeicher ist nicht geöffnet: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="357"/>
        <source>Running %1…</source>
        <translation>%1 läuft…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="383"/>
        <source>Run %1 of %2: %3 — %4 read, %5 inserted, %6 updated, %7 rejected</source>
        <translation>Lauf %1 von %2: %3 — %4 gelesen, %5 eingefügt, %6 geändert, %7 abgewiesen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="390"/>
        <source>Run of %1: %2</source>
        <translation>Lauf von %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="394"/>
        <source>Run Not Started</source>
        <translation>Lauf nicht gestartet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="395"/>
        <source>%1 was not run.</source>
        <translation>%1 wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="483"/>
        <source>Cancelling the run…</source>
        <translation>Lauf wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>tb::ui::MappingDesigner</name>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="63"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="437"/>
        <source>No mapping open</source>
        <translation>Keine Zuordnung geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="72"/>
        <source>Search the source columns (name, label, type)</source>
        <translation>Quellspalten durchsuchen (Name, Bezeichnung, Typ)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="73"/>
        <source>Search the source columns</source>
        <translation>Quellspalten durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="79"/>
        <source>Mapping: source columns and target fields</source>
        <translation>Zuordnung: Quellspalten und Zielfelder</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="88"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="183"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="107"/>
        <source>&amp;Open Mapping…</source>
        <translation>Zuordnung ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="108"/>
        <source>Open S&amp;ample…</source>
        <translation>&amp;Beispieldatei öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="109"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="110"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="111"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="112"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="113"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="114"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="115"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="116"/>
        <source>&amp;Fit to View</source>
        <translation>&amp;An Ansicht anpassen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="117"/>
        <source>Auto-&amp;map…</source>
        <translation>Automatisch &amp;zuordnen…</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="118"/>
        <source>Propose links for the unmapped fields by name, label and OID (Ctrl+Shift+M)</source>
        <translation>Verbindungen für nicht zugeordnete Felder nach Name, Bezeichnung und OID vorschlagen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="120"/>
        <source>&amp;Find Source Column</source>
        <translation>Quellspalte &amp;suchen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="121"/>
        <source>Connect the chosen source column to the selected target field (Ctrl+L)</source>
        <translation>Die gewählte Quellspalte mit dem markierten Zielfeld verbinden (Strg+L)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="122"/>
        <source>Remove the selected links, or the links of the selected fields (Del)</source>
        <translation>Die markierten Verbindungen oder die Verbindungen der markierten Felder entfernen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="128"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="350"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="384"/>
        <source>Save Mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="144"/>
        <source>Cu&amp;t Links</source>
        <translation>Verbindungen &amp;ausschneiden</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="145"/>
        <source>C&amp;opy Links</source>
        <translation>Verbindungen &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="146"/>
        <source>&amp;Paste Links</source>
        <translation>Verbindungen &amp;einfügen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="153"/>
        <source>Cut the selected links, or the links of the selected fields (Ctrl+X)</source>
        <translation>Die gewählten Verbindungen oder die Verbindungen der gewählten Felder ausschneiden (Strg+X)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="154"/>
        <source>Copy the selected links with their transforms (Ctrl+C)</source>
        <translation>Die gewählten Verbindungen mit ihren Transformationen kopieren (Strg+C)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="155"/>
        <source>Paste links onto the fields of the same name, or one link onto the selected field (Ctrl+V)</source>
        <translation>Verbindungen auf die gleichnamigen Felder einfügen, oder eine Verbindung auf das gewählte Feld (Strg+V)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="299"/>
        <source>The sample could not be read: %1</source>
        <translation>Die Beispieldatei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="350"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="393"/>
        <source>Mappings (*.mapping.json)</source>
        <translation>Zuordnungen (*.mapping.json)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="364"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="374"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="375"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="392"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="404"/>
        <source>Open Mapping</source>
        <translation>Zuordnung öffnen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="425"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="431"/>
        <source>Open Sample</source>
        <translation>Beispieldatei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="426"/>
        <source>Source files (*.csv *.txt *.json *.ndjson *.xml);;All files (*)</source>
        <translation>Quelldateien (*.csv *.txt *.json *.ndjson *.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="441"/>
        <source>%1 (revision %2): %3 → %4</source>
        <translation>%1 (Revision %2): %3 → %4</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="456"/>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="456"/>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="457"/>
        <source>Redo: %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="457"/>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="483"/>
        <source>No problems: every required field is mapped and every link has its column.</source>
        <translation>Keine Probleme: Jedes Pflichtfeld ist zugeordnet und jede Verbindung hat ihre Spalte.</translation>
    </message>
</context>
<context>
    <name>tb::ui::MappingsPage</name>
    <message>
        <location filename="../ui/designer/MappingsPage.cpp" line="28"/>
        <source>Mappings</source>
        <translation>Zuordnungen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingsPage.cpp" line="42"/>
        <source>&amp;Mappings</source>
        <translation>&amp;Zuordnungen</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingsPage.cpp" line="157"/>
        <source>Change control in %1: %2</source>
        <translation>Änderungskontrolle in %1: %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::NewWorkspaceDialog</name>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="25"/>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="29"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="36"/>
        <source>e.g. study-abc-123</source>
        <translation>z. B. studie-abc-123</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="37"/>
        <source>Fill with the &amp;demo study</source>
        <translation>Mit der &amp;Demostudie füllen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="39"/>
        <source>A synthetic study exported as EDC CSV files, with its mappings, study document and pipeline into an embedded SQLite CTMS</source>
        <translation>Eine synthetische Studie als EDC-CSV-Export, mit Zuordnungen, Studiendokument und Pipeline in ein eingebettetes SQLite-CTMS</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="45"/>
        <source> subjects</source>
        <translation> Probanden</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="56"/>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="60"/>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="61"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="91"/>
        <source>Enter a name for the workspace folder.</source>
        <translation>Geben Sie einen Namen für den Ordner des Arbeitsbereichs ein.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="95"/>
        <source>The name &apos;%1&apos; cannot be a folder name: leave out / \ : * ? &quot; &lt; &gt; | and control characters.</source>
        <translation>Der Name „%1“ kann kein Ordnername sein: / \ : * ? &quot; &lt; &gt; | und Steuerzeichen weglassen.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="99"/>
        <source>The location &apos;%1&apos; is not an existing folder.</source>
        <translation>Der Ort „%1“ ist kein vorhandener Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="101"/>
        <source>The location &apos;%1&apos; is not writable.</source>
        <translation>In den Ort „%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="105"/>
        <source>&apos;%1&apos; already exists and is not an empty folder: choose another name.</source>
        <translation>„%1“ existiert bereits und ist kein leerer Ordner: wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="114"/>
        <source>Location of the New Workspace</source>
        <translation>Ort des neuen Arbeitsbereichs</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="140"/>
        <source>Cannot create the folder &apos;%1&apos;.</source>
        <translation>Der Ordner „%1“ kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>tb::ui::PassphraseDialog</name>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="18"/>
        <source>New Secret Vault</source>
        <translation>Neuer Geheimnistresor</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="18"/>
        <source>Unlock Secret Vault</source>
        <translation>Geheimnistresor entsperren</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="20"/>
        <source>No keychain is available, so the connection secrets and the audit signing key are kept in an encrypted vault, which does not exist yet:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Choose its passphrase. It cannot be recovered: without it the stored secrets are lost.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher werden die Geheimnisse der Verbindungen und der Audit-Signaturschlüssel in einem verschlüsselten Tresor aufbewahrt, den es noch nicht gibt:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Wählen Sie seine Passphrase. Sie lässt sich nicht wiederherstellen: Ohne sie sind die gespeicherten Geheimnisse verloren.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="24"/>
        <source>The connection secrets and the audit signing key are kept in an encrypted vault:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Enter its passphrase to use them in this session.</source>
        <translation>Die Geheimnisse der Verbindungen und der Audit-Signaturschlüssel werden in einem verschlüsselten Tresor aufbewahrt:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Geben Sie seine Passphrase ein, um sie in dieser Sitzung zu verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="33"/>
        <source>Vault passphrase</source>
        <translation>Passphrase des Tresors</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="35"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="40"/>
        <source>Vault passphrase again</source>
        <translation>Passphrase des Tresors wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="41"/>
        <source>&amp;Again:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="51"/>
        <source>&amp;Create Vault</source>
        <translation>Tresor &amp;anlegen</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="51"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="78"/>
        <source>Enter the passphrase.</source>
        <translation>Geben Sie die Passphrase ein.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="83"/>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>tb::ui::PipelinesPage</name>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="25"/>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="46"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="48"/>
        <source>Run the selected pipeline into its target (Ctrl+R)</source>
        <translation>Die gewählte Pipeline in ihr Ziel ausführen (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="51"/>
        <source>Re&amp;concile</source>
        <translation>A&amp;bgleichen</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="53"/>
        <source>Show the reconciliation of the selected pipeline&apos;s last run</source>
        <translation>Den Abgleich des letzten Laufs der gewählten Pipeline zeigen</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="58"/>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="75"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="60"/>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="63"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="145"/>
        <source>No pipeline in this workspace</source>
        <translation>Keine Pipeline in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="145"/>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="147"/>
        <source>A pipeline is a *.pipeline.json document in the workspace folder.</source>
        <translation>Eine Pipeline ist ein *.pipeline.json-Dokument im Ordner des Arbeitsbereichs.</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="162"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="164"/>
        <source>Schedule: %1 — runs while trialbridge-cli serve is running</source>
        <translation>Zeitplan: %1 — läuft, solange trialbridge-cli serve läuft</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="168"/>
        <source>Last run: %1, %2, started %3 — %4 read, %5 inserted, %6 updated, %7 rejected</source>
        <translation>Letzter Lauf: %1, %2, gestartet %3 — %4 gelesen, %5 eingefügt, %6 aktualisiert, %7 abgewiesen</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="176"/>
        <source>Last run: unknown (%1)</source>
        <translation>Letzter Lauf: unbekannt (%1)</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="178"/>
        <source>Not run yet.</source>
        <translation>Noch nicht gelaufen.</translation>
    </message>
</context>
<context>
    <name>tb::ui::PreviewModel</name>
    <message>
        <location filename="../ui/designer/PreviewModel.cpp" line="38"/>
        <source>%1 records, %2 invalid cells</source>
        <translation>%1 Datensätze, %2 ungültige Zellen</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewModel.cpp" line="39"/>
        <source>%1, %2 warnings</source>
        <translation>%1, %2 Warnungen</translation>
    </message>
</context>
<context>
    <name>tb::ui::PreviewPanel</name>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="27"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="36"/>
        <source>first </source>
        <translation>erste </translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="37"/>
        <source> records</source>
        <translation> Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="38"/>
        <source>Number of source records to preview</source>
        <translation>Anzahl der Quelldatensätze in der Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="41"/>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="43"/>
        <source>Stop following the edits (for large samples)</source>
        <translation>Den Änderungen nicht mehr folgen (für große Stichproben)</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="50"/>
        <source>Preview: target rows of the first source records</source>
        <translation>Vorschau: Zielzeilen der ersten Quelldatensätze</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="99"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="119"/>
        <location filename="../ui/designer/PreviewPanel.cpp" line="154"/>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="171"/>
        <source>No mapping open</source>
        <translation>Keine Zuordnung geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="173"/>
        <source>The mapping cannot be previewed: %1</source>
        <translation>Die Zuordnung kann nicht in der Vorschau gezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="175"/>
        <source>No preview</source>
        <translation>Keine Vorschau</translation>
    </message>
</context>
<context>
    <name>tb::ui::ReconciliationPage</name>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="78"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="80"/>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="92"/>
        <source>Counts per entity</source>
        <translation>Zählungen je Entität</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="95"/>
        <source>Rows per site</source>
        <translation>Zeilen je Zentrum</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="101"/>
        <source>Pipeline:</source>
        <translation>Pipeline:</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="106"/>
        <source>Last run against the target, per entity</source>
        <translation>Letzter Lauf gegen das Ziel, je Entität</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="110"/>
        <source>Rows in the target per site</source>
        <translation>Zeilen im Ziel je Zentrum</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="159"/>
        <source>No pipeline: open a workspace with a *.pipeline.json.</source>
        <translation>Keine Pipeline: öffnen Sie einen Arbeitsbereich mit einer *.pipeline.json.</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="166"/>
        <source>%1 is not valid: see the Pipelines page.</source>
        <translation>%1 ist ungültig: siehe die Seite Pipelines.</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="173"/>
        <source>Run %1 (%2) into %3</source>
        <translation>Lauf %1 (%2) in %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="178"/>
        <source>Every row read is accounted for in all %n entities.</source>
        <translation>
            <numerusform>Jede gelesene Zeile ist in der %n Entität verbucht.</numerusform>
            <numerusform>Jede gelesene Zeile ist in allen %n Entitäten verbucht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="179"/>
        <source>Does not reconcile: %1. Rows read and rows accounted for differ.</source>
        <translation>Stimmt nicht überein: %1. Gelesene und verbuchte Zeilen unterscheiden sich.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="188"/>
        <source>%n site(s): %1 subjects, %2 visits, %3 adverse events</source>
        <translation>
            <numerusform>%n Zentrum: %1 Probanden, %2 Visiten, %3 unerwünschte Ereignisse</numerusform>
            <numerusform>%n Zentren: %1 Probanden, %2 Visiten, %3 unerwünschte Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::RemoveLinksCommand</name>
    <message>
        <location filename="../ui/designer/commands/RemoveLinksCommand.cpp" line="13"/>
        <source>Remove the link %1 → %2</source>
        <translation>Verbindung %1 → %2 entfernen</translation>
    </message>
    <message>
        <location filename="../ui/designer/commands/RemoveLinksCommand.cpp" line="15"/>
        <source>Remove %1 links</source>
        <translation>%1 Verbindungen entfernen</translation>
    </message>
</context>
<context>
    <name>tb::ui::RetargetCommand</name>
    <message>
        <location filename="../ui/designer/commands/RetargetCommand.cpp" line="11"/>
        <source>Re-target %1 from %2 to %3</source>
        <translation>%1 von %2 auf %3 umhängen</translation>
    </message>
</context>
<context>
    <name>tb::ui::RevisionsPanel</name>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Signed by</source>
        <translation>Signiert von</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="123"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="123"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="123"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="123"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="131"/>
        <source>&amp;Submit for review…</source>
        <translation>Zur Prüfung &amp;einreichen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="131"/>
        <source>Re&amp;view…</source>
        <translation>&amp;Prüfen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="132"/>
        <source>A&amp;pprove…</source>
        <translation>&amp;Freigeben…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="132"/>
        <source>Re&amp;ject…</source>
        <translation>A&amp;blehnen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="133"/>
        <source>Re&amp;tire…</source>
        <translation>Außer &amp;Kraft setzen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="133"/>
        <source>Require appro&amp;val…</source>
        <translation>Frei&amp;gabe verlangen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="152"/>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="157"/>
        <source>Changes from the revision before</source>
        <translation>Änderungen gegenüber der vorigen Revision</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="203"/>
        <source>Production runs into this target use approved mapping revisions only.</source>
        <translation>Produktionsläufe in dieses Ziel verwenden nur freigegebene Mapping-Revisionen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="204"/>
        <source>Production runs into this target do not require approved mappings yet.</source>
        <translation>Produktionsläufe in dieses Ziel verlangen noch keine freigegebenen Mappings.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="227"/>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="230"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="231"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="232"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="262"/>
        <source>The secret store is not open: open it (status bar) to sign.</source>
        <translation>Der Geheimnisspeicher ist nicht geöffnet: öffnen Sie ihn (Statusleiste), um zu signieren.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="280"/>
        <source>Done: signed by %1 (%2).</source>
        <translation>Erledigt: signiert von %1 (%2).</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="291"/>
        <source>The workspace has no mapping documents.</source>
        <translation>Der Arbeitsbereich hat keine Mapping-Dokumente.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="295"/>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="311"/>
        <source>Submit for review</source>
        <translation>Zur Prüfung einreichen</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="295"/>
        <source>Mapping:</source>
        <translation>Mapping:</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="312"/>
        <source>You submit %1 for review. The revision is frozen and signed by you as its author.</source>
        <translation>Sie reichen %1 zur Prüfung ein. Die Revision wird eingefroren und von Ihnen als Autor signiert.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="333"/>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="333"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="333"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="335"/>
        <source>You sign that you reviewed %1.</source>
        <translation>Sie bestätigen mit Ihrer Signatur, dass Sie %1 geprüft haben.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="337"/>
        <source>You approve %1 for production runs. Your signature binds its content (%2…).</source>
        <translation>Sie geben %1 für Produktionsläufe frei. Ihre Signatur bindet den Inhalt (%2…).</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="339"/>
        <source>You reject %1.</source>
        <translation>Sie lehnen %1 ab.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="362"/>
        <source>Retire</source>
        <translation>Außer Kraft setzen</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="362"/>
        <source>You take %1 out of production use.</source>
        <translation>Sie nehmen %1 aus dem Produktionseinsatz.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="378"/>
        <source>Require approval</source>
        <translation>Freigabe verlangen</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="379"/>
        <source>From now on production runs into %1 will use approved mapping revisions only. This cannot be undone.</source>
        <translation>Ab jetzt verwenden Produktionsläufe in %1 nur freigegebene Mapping-Revisionen. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>tb::ui::RunsPage</name>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="47"/>
        <source>Target database</source>
        <translation>Zieldatenbank</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="64"/>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="64"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="71"/>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="106"/>
        <source>This workspace has no pipeline, so no target database.</source>
        <translation>Dieser Arbeitsbereich hat keine Pipeline und daher keine Zieldatenbank.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs/RunsPage.cpp" line="110"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%n Lauf in %1</numerusform>
            <numerusform>%n Läufe in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="16"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="22"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="31"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="32"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="33"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="40"/>
        <source>Rows of a source sample the mapping designer shows</source>
        <translation>Zeilen einer Quellstichprobe, die der Zuordnungsdesigner zeigt</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="42"/>
        <source>The new language is used when TrialBridge is started again.</source>
        <translation>Die neue Sprache gilt, wenn TrialBridge neu gestartet wird.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="48"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="50"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="51"/>
        <source>&amp;Preview rows:</source>
        <translation>&amp;Vorschauzeilen:</translation>
    </message>
</context>
<context>
    <name>tb::ui::SignDialog</name>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="45"/>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="48"/>
        <source>&amp;User id:</source>
        <translation>&amp;Benutzer-ID:</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="49"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="50"/>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Grund (erforderlich):</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="50"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="101"/>
        <source>Enter your user id and your passphrase: both are part of the signature.</source>
        <translation>Geben Sie Ihre Benutzer-ID und Ihre Passphrase ein: beide sind Teil der Signatur.</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="103"/>
        <source>Say why: a rejection needs a reason.</source>
        <translation>Begründen Sie: eine Ablehnung braucht einen Grund.</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="105"/>
        <source>The secret store is not open, so no key can be unsealed.</source>
        <translation>Der Geheimnisspeicher ist nicht geöffnet, daher kann kein Schlüssel entsiegelt werden.</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="122"/>
        <source>The key of %1 is not in this workspace&apos;s secret store (users sign on the machine where they were created).</source>
        <translation>Der Schlüssel von %1 ist nicht im Geheimnisspeicher dieses Arbeitsbereichs (Benutzer signieren auf dem Rechner, auf dem sie angelegt wurden).</translation>
    </message>
</context>
<context>
    <name>tb::ui::TransformPanel</name>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="71"/>
        <source>Transforms, applied from top to bottom</source>
        <translation>Transformationen, von oben nach unten angewandt</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="78"/>
        <source>&amp;Transforms (applied top to bottom):</source>
        <translation>&amp;Transformationen (von oben nach unten):</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="99"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="109"/>
        <source>Add a transform after the selected one</source>
        <translation>Eine Transformation nach der gewählten hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="110"/>
        <source>&amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="111"/>
        <source>Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="112"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="113"/>
        <source>Remove the selected transform</source>
        <translation>Die gewählte Transformation entfernen</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="134"/>
        <source>Parameters of the transform (JSON)</source>
        <translation>Parameter der Transformation (JSON)</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="138"/>
        <source>&amp;Parameters (JSON):</source>
        <translation>&amp;Parameter (JSON):</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="154"/>
        <source>The parameters are not JSON: %1</source>
        <translation>Die Parameter sind kein JSON: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="161"/>
        <location filename="../ui/designer/TransformPanel.cpp" line="358"/>
        <source>Not valid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="165"/>
        <source>Edit the parameters of %1</source>
        <translation>Parameter von %1 bearbeiten</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/TransformPanel.cpp" line="284"/>
        <source>valueMap: %n code(s), unmapped %1</source>
        <translation>
            <numerusform>valueMap: %n Code, ohne Code %1</numerusform>
            <numerusform>valueMap: %n Codes, ohne Code %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="287"/>
        <source>date: %1, zone %2</source>
        <translation>Datum: %1, Zeitzone %2</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="303"/>
        <source>Transforms</source>
        <translation>Transformationen</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="304"/>
        <source>Select a link or a target field to see and edit its transforms.</source>
        <translation>Eine Verbindung oder ein Zielfeld wählen, um seine Transformationen zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="306"/>
        <source>Target field: %1</source>
        <translation>Zielfeld: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="311"/>
        <source>From: %1</source>
        <translation>Aus: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="313"/>
        <source>From the study parameter %1</source>
        <translation>Aus dem Studienparameter %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="315"/>
        <source>The constant &quot;%1&quot;</source>
        <translation>Die Konstante „%1“</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="317"/>
        <source>Not mapped: its transforms apply once a source column is connected.</source>
        <translation>Nicht zugeordnet: die Transformationen gelten, sobald eine Quellspalte verbunden ist.</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="349"/>
        <source>No transform selected: the value is used as it is read. Add one with Add.</source>
        <translation>Keine Transformation gewählt: der Wert wird so verwendet, wie er gelesen wird. Mit Hinzufügen eine anlegen.</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="381"/>
        <source>The parameters of %1 as in the mapping document (docs/mapping-format.md).</source>
        <translation>Die Parameter von %1 wie im Mapping-Dokument (docs/mapping-format.md).</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="412"/>
        <source>Add %1 to %2</source>
        <translation>%1 zu %2 hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="425"/>
        <source>Move %1 of %2 %3</source>
        <translation>%1 von %2 %3 verschieben</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="425"/>
        <source>up</source>
        <translation>nach oben</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="425"/>
        <source>down</source>
        <translation>nach unten</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="436"/>
        <source>Remove %1 from %2</source>
        <translation>%1 aus %2 entfernen</translation>
    </message>
</context>
<context>
    <name>tb::ui::ValueMapEditor</name>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="41"/>
        <source>Value map: source values and their target codes</source>
        <translation>Wertezuordnung: Quellwerte und ihre Zielcodes</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="58"/>
        <source>&amp;Profile Values</source>
        <translation>Werte &amp;profilieren</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="60"/>
        <source>Read the distinct values of the source column from the sample and pre-fill the codes that match the codelist</source>
        <translation>Die verschiedenen Werte der Quellspalte aus dem Beispiel lesen und die zur Codeliste passenden Codes vorbelegen</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="68"/>
        <source>Reading the sample</source>
        <translation>Stichprobe wird gelesen</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="75"/>
        <source>Another source value</source>
        <translation>Ein weiterer Quellwert</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="76"/>
        <source>Source value to add</source>
        <translation>Hinzuzufügender Quellwert</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="77"/>
        <source>A&amp;dd Value</source>
        <translation>Wert hinzu&amp;fügen</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="84"/>
        <source>Reject the record</source>
        <translation>Datensatz abweisen</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="85"/>
        <source>Use the default</source>
        <translation>Standardwert verwenden</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="86"/>
        <source>Pass the value unchanged</source>
        <translation>Wert unverändert übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="89"/>
        <source>Default code</source>
        <translation>Standardcode</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="90"/>
        <source>&amp;Ignore case</source>
        <translation>Groß-/Kleinschreibung &amp;ignorieren</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="103"/>
        <source>Values without a code: %1</source>
        <translation>Werte ohne Code: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="108"/>
        <source>Set the default code to %1</source>
        <translation>Standardcode auf %1 setzen</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="117"/>
        <source>Ignore case in the value map</source>
        <translation>Groß-/Kleinschreibung in der Wertezuordnung ignorieren</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="117"/>
        <source>Match case in the value map</source>
        <translation>Groß-/Kleinschreibung in der Wertezuordnung beachten</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="120"/>
        <source>Edit a code of the value map</source>
        <translation>Einen Code der Wertezuordnung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="137"/>
        <source>&amp;Without a code:</source>
        <translation>&amp;Ohne Code:</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="140"/>
        <source>D&amp;efault:</source>
        <translation>Stan&amp;dard:</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="189"/>
        <source>No codelist: any code is accepted.</source>
        <translation>Keine Codeliste: jeder Code wird angenommen.</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="190"/>
        <source>Codelist %1: %2</source>
        <translation>Codeliste %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="201"/>
        <source>Open a sample to profile the values of the source column</source>
        <translation>Ein Beispiel öffnen, um die Werte der Quellspalte zu profilieren</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="202"/>
        <source>Read the distinct values of %1 from %2 and pre-fill the codes that match the codelist</source>
        <translation>Die verschiedenen Werte von %1 aus %2 lesen und die zur Codeliste passenden Codes vorbelegen</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="219"/>
        <source>Reading the values of %1 from %2…</source>
        <translation>Werte von %1 aus %2 werden gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="270"/>
        <source>The values could not be read: %1</source>
        <translation>Die Werte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="276"/>
        <source>%1: %2 distinct values in %3 rows (%4 empty).</source>
        <translation>%1: %2 verschiedene Werte in %3 Zeilen (%4 leer).</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="281"/>
        <source>Only the first %1 distinct values are shown; %2 more rows have other values.</source>
        <translation>Nur die ersten %1 verschiedenen Werte werden gezeigt; %2 weitere Zeilen haben andere Werte.</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="286"/>
        <source>Pre-fill the value map from the values of %1</source>
        <translation>Wertezuordnung aus den Werten von %1 vorbelegen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/ValueMapEditor.cpp" line="320"/>
        <source>%n value(s) without a code.</source>
        <translation>
            <numerusform>%n Wert ohne Code.</numerusform>
            <numerusform>%n Werte ohne Code.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/ValueMapEditor.cpp" line="322"/>
        <source>%n code(s) outside the codelist.</source>
        <translation>
            <numerusform>%n Code außerhalb der Codeliste.</numerusform>
            <numerusform>%n Codes außerhalb der Codeliste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::WorkspacePage</name>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="23"/>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="24"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="25"/>
        <source>Mappings</source>
        <translation>Mappings</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="26"/>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="39"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="42"/>
        <source>Workspace documents</source>
        <translation>Dokumente des Arbeitsbereichs</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="52"/>
        <source>&amp;Run pipeline</source>
        <translation>Pipeline &amp;ausführen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="54"/>
        <source>Run the selected pipeline into its target (Ctrl+R)</source>
        <translation>Die gewählte Pipeline in ihr Ziel laden (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="62"/>
        <source>Select a document to see its content.</source>
        <translation>Wählen Sie ein Dokument, um seinen Inhalt zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="131"/>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="138"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::WorkspaceSecrets</name>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="101"/>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="103"/>
        <source>Secrets: not open</source>
        <translation>Geheimnisse: nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="102"/>
        <source>Secrets: opening…</source>
        <translation>Geheimnisse: werden geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="106"/>
        <source>Secrets: keychain</source>
        <translation>Geheimnisse: Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="107"/>
        <source>Secrets: vault (configured)</source>
        <translation>Geheimnisse: Tresor (eingestellt)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="107"/>
        <source>Secrets: vault (no keychain answered)</source>
        <translation>Geheimnisse: Tresor (kein Schlüsselbund antwortete)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="115"/>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich ist geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="116"/>
        <source>Choosing where the secrets are kept…</source>
        <translation>Es wird gewählt, wo die Geheimnisse aufbewahrt werden…</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="117"/>
        <source>The secret store could not be opened: %1</source>
        <translation>Der Geheimnisspeicher konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="119"/>
        <source>Secrets are kept in the %1: %2.</source>
        <translation>Geheimnisse werden hier aufbewahrt: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="167"/>
        <source>%1=%2: cannot read the passphrase file: %3</source>
        <translation>%1=%2: die Passphrase-Datei kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="176"/>
        <source>%1=%2: the passphrase file is empty</source>
        <translation>%1=%2: die Passphrase-Datei ist leer</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="199"/>
        <source>no passphrase was given for the vault %1 (set %2 to read it from a file)</source>
        <translation>für den Tresor %1 wurde keine Passphrase angegeben (setzen Sie %2, um sie aus einer Datei zu lesen)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="211"/>
        <source>no secret store</source>
        <translation>kein Geheimnisspeicher</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="224"/>
        <source>Wrong passphrase: try again.</source>
        <translation>Falsche Passphrase: versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="252"/>
        <source>cannot sign the audit trail: %1 — nothing was loaded (the workspace&apos;s signing key is kept in the secret store, see docs/audit.md)</source>
        <translation>der Audit-Trail kann nicht signiert werden: %1 — es wurde nichts geladen (der Signaturschlüssel des Arbeitsbereichs liegt im Geheimnisspeicher, siehe docs/audit.md)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="266"/>
        <source>the secret store cannot be opened: %1</source>
        <translation>der Geheimnisspeicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="267"/>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich ist geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="269"/>
        <source>the pipeline belongs to the workspace %1, whose secrets are not open here: open that workspace to run it</source>
        <translation>die Pipeline gehört zum Arbeitsbereich %1, dessen Geheimnisse hier nicht geöffnet sind: öffnen Sie diesen Arbeitsbereich, um sie auszuführen</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="304"/>
        <source>cannot sign the audit trail: the console closed its secret store — nothing was loaded</source>
        <translation>der Audit-Trail kann nicht signiert werden: die Konsole hat ihren Geheimnisspeicher geschlossen — es wurde nichts geladen</translation>
    </message>
</context>
</TS>
