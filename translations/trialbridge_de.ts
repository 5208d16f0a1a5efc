<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RunHistoryModel</name>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="27"/>
        <source>%1 does not exist yet: run a pipeline to create it</source>
        <translation>%1 existiert noch nicht: führen Sie eine Pipeline aus, um sie anzulegen</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="127"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="128"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="129"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="130"/>
        <source>Started (UTC)</source>
        <translation>Begonnen (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="131"/>
        <source>Ended (UTC)</source>
        <translation>Beendet (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="132"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="133"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="134"/>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="135"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="136"/>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="14"/>
        <source>TrialBridge desktop console</source>
        <translation>TrialBridge-Desktopkonsole</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="18"/>
        <source>Workspace folder to open.</source>
        <translation>Zu öffnender Arbeitsbereichsordner.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="21"/>
        <source>Write a PNG of every page to DIR and quit.</source>
        <translation>Jede Seite als PNG in DIR schreiben und beenden.</translation>
    </message>
</context>
<context>
    <name>tb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="37"/>
        <source>TrialBridge</source>
        <translation>TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="42"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="43"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="44"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="65"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="66"/>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="69"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="71"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="73"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>&amp;Workspace</source>
        <translation>&amp;Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="76"/>
        <source>R&amp;uns</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="79"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="84"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="85"/>
        <source>&amp;About TrialBridge</source>
        <translation>Ü&amp;ber TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="88"/>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="96"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="122"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="155"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="122"/>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="126"/>
        <source>%1 — TrialBridge</source>
        <translation>%1 — TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="127"/>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="129"/>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="130"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="171"/>
        <source>About TrialBridge</source>
        <translation>Über TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="172"/>
        <source>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Moves clinical-trial data between the systems of a study — EDC, CTMS, ERP and BI — with validation, atomic loads and an audit trail.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Überträgt Daten klinischer Studien zwischen den Systemen einer Studie — EDC, CTMS, ERP und BI — mit Validierung, atomaren Ladevorgängen und Audit-Trail.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="188"/>
        <source>Running %1…</source>
        <translation>%1 läuft…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="207"/>
        <source>Run %1 of %2: %3 — %4 read, %5 inserted, %6 updated, %7 rejected</source>
        <translation>Lauf %1 von %2: %3 — %4 gelesen, %5 eingefügt, %6 geändert, %7 abgewiesen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="214"/>
        <source>Run of %1: %2</source>
        <translation>Lauf von %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="242"/>
        <source>Cancelling the run…</source>
        <translation>Lauf wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>tb::ui::RunsPage</name>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="49"/>
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
</TS>
