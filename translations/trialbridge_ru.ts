<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>RunHistoryModel</name>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="27"/>
        <source>%1 does not exist yet: run a pipeline to create it</source>
        <translation>%1 ещё не существует: запустите конвейер, чтобы создать её</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="127"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="128"/>
        <source>Pipeline</source>
        <translation>Конвейер</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="129"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="130"/>
        <source>Started (UTC)</source>
        <translation>Начало (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="131"/>
        <source>Ended (UTC)</source>
        <translation>Конец (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="132"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="133"/>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="134"/>
        <source>Inserted</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="135"/>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="136"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="14"/>
        <source>TrialBridge desktop console</source>
        <translation>Настольная консоль TrialBridge</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="18"/>
        <source>Workspace folder to open.</source>
        <translation>Папка рабочего пространства.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="21"/>
        <source>Write a PNG of every page to DIR and quit.</source>
        <translation>Сохранить PNG каждой страницы в DIR и выйти.</translation>
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
        <translation>Страницы</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="43"/>
        <source>Workspace</source>
        <translation>Рабочее пространство</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="44"/>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="65"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="66"/>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Открыть рабочее пространство…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="69"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="71"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="73"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>&amp;Workspace</source>
        <translation>&amp;Рабочее пространство</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="76"/>
        <source>R&amp;uns</source>
        <translation>&amp;Запуски</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="79"/>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="84"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="85"/>
        <source>&amp;About TrialBridge</source>
        <translation>&amp;О программе TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="88"/>
        <source>No workspace open</source>
        <translation>Рабочее пространство не открыто</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="96"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="122"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="155"/>
        <source>Open Workspace</source>
        <translation>Открыть рабочее пространство</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="122"/>
        <source>%1 is not a folder.</source>
        <translation>%1 не является папкой.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="126"/>
        <source>%1 — TrialBridge</source>
        <translation>%1 — TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="127"/>
        <source>Workspace: %1</source>
        <translation>Рабочее пространство: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="129"/>
        <source>No target</source>
        <translation>Нет цели</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="130"/>
        <source>Target: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="171"/>
        <source>About TrialBridge</source>
        <translation>О программе TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="172"/>
        <source>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Moves clinical-trial data between the systems of a study — EDC, CTMS, ERP and BI — with validation, atomic loads and an audit trail.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Переносит данные клинических исследований между системами исследования — EDC, CTMS, ERP и BI — с проверкой, атомарной загрузкой и журналом аудита.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="188"/>
        <source>Running %1…</source>
        <translation>Выполняется %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="207"/>
        <source>Run %1 of %2: %3 — %4 read, %5 inserted, %6 updated, %7 rejected</source>
        <translation>Запуск %1 конвейера %2: %3 — прочитано %4, добавлено %5, изменено %6, отклонено %7</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="214"/>
        <source>Run of %1: %2</source>
        <translation>Запуск %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="242"/>
        <source>Cancelling the run…</source>
        <translation>Запуск отменяется…</translation>
    </message>
</context>
<context>
    <name>tb::ui::RunsPage</name>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="49"/>
        <source>Target database</source>
        <translation>Целевая база данных</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Inserted</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="64"/>
        <source>Stale</source>
        <translation>Устарело</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="64"/>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="67"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="71"/>
        <source>Target:</source>
        <translation>Цель:</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="106"/>
        <source>This workspace has no pipeline, so no target database.</source>
        <translation>В этом рабочем пространстве нет конвейера, поэтому нет и целевой базы данных.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs/RunsPage.cpp" line="110"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%n запуск в %1</numerusform>
            <numerusform>%n запуска в %1</numerusform>
            <numerusform>%n запусков в %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::WorkspacePage</name>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="23"/>
        <source>Studies</source>
        <translation>Исследования</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="24"/>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="25"/>
        <source>Mappings</source>
        <translation>Сопоставления</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="26"/>
        <source>Pipelines</source>
        <translation>Конвейеры</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="39"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="42"/>
        <source>Workspace documents</source>
        <translation>Документы рабочего пространства</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="52"/>
        <source>&amp;Run pipeline</source>
        <translation>&amp;Запустить конвейер</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="54"/>
        <source>Run the selected pipeline into its target (Ctrl+R)</source>
        <translation>Загрузить выбранный конвейер в его цель (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="62"/>
        <source>Select a document to see its content.</source>
        <translation>Выберите документ, чтобы увидеть его содержимое.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="131"/>
        <source>No workspace</source>
        <translation>Нет рабочего пространства</translation>
    </message>
    <message>
        <location filename="../ui/workspace/WorkspacePage.cpp" line="138"/>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
</context>
</TS>
