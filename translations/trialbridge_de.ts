<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RunHistoryModel</name>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="27"/>
        <source>%1 does not exist yet: run a pipeline to create it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="127"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="128"/>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="129"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="130"/>
        <source>Started (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="131"/>
        <source>Ended (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="132"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="133"/>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="134"/>
        <source>Inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="135"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="136"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="14"/>
        <source>TrialBridge desktop console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="18"/>
        <source>Workspace folder to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="21"/>
        <source>Write a PNG of every page to DIR and quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="37"/>
        <source>TrialBridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="42"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="43"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="44"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="65"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="66"/>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="69"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="71"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="73"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="76"/>
        <source>R&amp;uns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="79"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="84"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="85"/>
        <source>&amp;About TrialBridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="88"/>
        <source>No workspace open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="96"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="122"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="155"/>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="122"/>
        <source>%1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="126"/>
        <source>%1 — TrialBridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="127"/>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="129"/>
        <source>No target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="130"/>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="171"/>
        <source>About TrialBridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="172"/>
        <source>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Moves clinical-trial data between the systems of a study — EDC, CTMS, ERP and BI — with validation, atomic loads and an audit trail.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="188"/>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="207"/>
        <source>Run %1 of %2: %3 — %4 read, %5 inserted, %6 updated, %7 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="214"/>
        <source>Run of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="242"/>
        <source>Cancelling the run…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::RunsPage</name>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="49"/>
        <source>Target database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="64"/>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="64"/>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="71"/>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="106"/>
        <source>This workspace has no pipeline, so no target database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs/RunsPage.cpp" line="110"/>
        <source>%n run(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::WorkspacePage</name>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="23"/>
        <source>Studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="24"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="25"/>
        <source>Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="26"/>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="39"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="42"/>
        <source>Workspace documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="52"/>
        <source>&amp;Run pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="54"/>
        <source>Run the selected pipeline into its target (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="62"/>
        <source>Select a document to see its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="131"/>
        <source>No workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="138"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
