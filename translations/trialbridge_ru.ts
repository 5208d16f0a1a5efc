<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="21"/>
        <source>TrialBridge desktop console</source>
        <translation>Настольная консоль TrialBridge</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="25"/>
        <source>Workspace folder to open.</source>
        <translation>Папка рабочего пространства.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="28"/>
        <source>Write a PNG of every page to DIR and quit.</source>
        <translation>Сохранить PNG каждой страницы в DIR и выйти.</translation>
    </message>
</context>
<context>
    <name>tb::core::AuditTrailModel</name>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="124"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="125"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="126"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="127"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="128"/>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="129"/>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="130"/>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="131"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../core/audit/AuditTrailModel.cpp" line="132"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
</context>
<context>
    <name>tb::core::ConnectionListModel</name>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="95"/>
        <source>none needed</source>
        <translation>не требуются</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="97"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="100"/>
        <source>stored</source>
        <translation>сохранены</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="102"/>
        <source>not set</source>
        <translation>не заданы</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="103"/>
        <source>%1 of %2 stored</source>
        <translation>сохранено %1 из %2</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="109"/>
        <source>Works</source>
        <translation>Работает</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="110"/>
        <source>Invalid profile</source>
        <translation>Недопустимый профиль</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="111"/>
        <source>Secret not set</source>
        <translation>Секрет не задан</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="112"/>
        <source>Secret store failed</source>
        <translation>Сбой хранилища секретов</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="113"/>
        <source>Host not found</source>
        <translation>Хост не найден</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="114"/>
        <source>Connection refused</source>
        <translation>Соединение отклонено</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="115"/>
        <source>Timed out</source>
        <translation>Превышено время ожидания</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="116"/>
        <source>TLS verification failed</source>
        <translation>Проверка TLS не пройдена</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="117"/>
        <source>Host key mismatch</source>
        <translation>Ключ хоста не совпадает</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="118"/>
        <source>Credentials refused</source>
        <translation>Учётные данные отклонены</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="119"/>
        <source>Access denied</source>
        <translation>Доступ запрещён</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="120"/>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="121"/>
        <source>Unexpected answer</source>
        <translation>Неожиданный ответ</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="122"/>
        <source>Network error</source>
        <translation>Сетевая ошибка</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/connection/ConnectionListModel.cpp" line="162"/>
        <source>invalid: %n problem(s)</source>
        <translation>
            <numerusform>недопустим: %n проблема</numerusform>
            <numerusform>недопустим: %n проблемы</numerusform>
            <numerusform>недопустим: %n проблем</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="167"/>
        <source>testing…</source>
        <translation>проверяется…</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="168"/>
        <source>not tested</source>
        <translation>не проверено</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="182"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="183"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="184"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="185"/>
        <source>Secrets</source>
        <translation>Секреты</translation>
    </message>
    <message>
        <location filename="../core/connection/ConnectionListModel.cpp" line="186"/>
        <source>Last test</source>
        <translation>Последняя проверка</translation>
    </message>
</context>
<context>
    <name>tb::core::MappingModel</name>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="305"/>
        <source>The target entity &quot;%1&quot; is not part of the CTMS model.</source>
        <translation>Сущность назначения «%1» не входит в модель CTMS.</translation>
    </message>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="312"/>
        <source>The required field %1 is not mapped: connect a source column to it.</source>
        <translation>Обязательное поле %1 не сопоставлено: свяжите с ним столбец источника.</translation>
    </message>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="323"/>
        <source>%1 → %2: %3 has no field %2.</source>
        <translation>%1 → %2: у %3 нет поля %2.</translation>
    </message>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="327"/>
        <source>%1 → %2: the source has no column %1.</source>
        <translation>%1 → %2: в источнике нет столбца %1.</translation>
    </message>
    <message>
        <location filename="../core/mapping/MappingModel.cpp" line="337"/>
        <source>%1 has no field %2.</source>
        <translation>У %1 нет поля %2.</translation>
    </message>
</context>
<context>
    <name>tb::core::MappingRevisionModel</name>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="90"/>
        <source>in review</source>
        <translation>на рассмотрении</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="91"/>
        <source>approved</source>
        <translation>утверждена</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="92"/>
        <source>rejected</source>
        <translation>отклонена</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="93"/>
        <source>retired</source>
        <translation>выведена из обращения</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="114"/>
        <source>Mapping</source>
        <translation>Сопоставление</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="115"/>
        <source>Revision</source>
        <translation>Редакция</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="116"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="117"/>
        <source>Since (UTC)</source>
        <translation>С (UTC)</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="118"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../core/changecontrol/MappingRevisionModel.cpp" line="119"/>
        <source>Signatures</source>
        <translation>Подписи</translation>
    </message>
</context>
<context>
    <name>tb::core::PipelineListModel</name>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="127"/>
        <source>drop %1 (%2)</source>
        <translation>папка поставки %1 (%2)</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="129"/>
        <source>%1 connection %2</source>
        <translation>подключение %1 %2</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="141"/>
        <source>%1 (%2), paused</source>
        <translation>%1 (%2), приостановлено</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="143"/>
        <source>%1 (%2), next %3 (%4 UTC)</source>
        <translation>%1 (%2), следующий запуск %3 (%4 UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="178"/>
        <source>%1 (paused)</source>
        <translation>%1 (приостановлено)</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="182"/>
        <source>invalid</source>
        <translation>недействителен</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="183"/>
        <source>never run</source>
        <translation>не запускался</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="214"/>
        <source>Pipeline</source>
        <translation>Конвейер</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="215"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="216"/>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="217"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="218"/>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="219"/>
        <source>Last run</source>
        <translation>Последний запуск</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="220"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="221"/>
        <source>Started (UTC)</source>
        <translation>Начало (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="222"/>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <location filename="../core/run/PipelineListModel.cpp" line="223"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
</context>
<context>
    <name>tb::core::ReconciliationModel</name>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="47"/>
        <source>%1 has no run of pipeline %2 yet</source>
        <translation>В %1 ещё нет запусков конвейера %2</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="74"/>
        <source>%1 has no run %2</source>
        <translation>В %1 нет запуска %2</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="178"/>
        <source>%1 of them removed together with their subject (not read, left out of the balance)</source>
        <translation>Из них %1 удалены вместе со своим субъектом (не прочитаны, не входят в баланс)</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="181"/>
        <source>Every row read is accounted for</source>
        <translation>Каждая прочитанная строка учтена</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="182"/>
        <source>%1 rows read are not accounted for by the run&apos;s counts</source>
        <translation>%1 прочитанных строк не учтены в счётчиках запуска</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="184"/>
        <source>Not loaded by this run</source>
        <translation>Не загружено этим запуском</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="200"/>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="201"/>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="202"/>
        <source>Inserted</source>
        <translation>Вставлено</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="203"/>
        <source>Updated</source>
        <translation>Обновлено</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="204"/>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="205"/>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="206"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="207"/>
        <source>Stale</source>
        <translation>Устаревшие</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="208"/>
        <source>Difference</source>
        <translation>Разница</translation>
    </message>
    <message>
        <location filename="../core/recon/ReconciliationModel.cpp" line="209"/>
        <source>In target</source>
        <translation>В цели</translation>
    </message>
</context>
<context>
    <name>tb::core::RunHistoryModel</name>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="31"/>
        <source>%1: cannot read the rejected records: %2</source>
        <translation>%1: не удаётся прочитать отклонённые записи: %2</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="51"/>
        <source>%1 does not exist yet: run a pipeline to create it</source>
        <translation>%1 ещё не существует: запустите конвейер, чтобы создать её</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="58"/>
        <source>%1: cannot read the run history: %2</source>
        <translation>%1: не удаётся прочитать историю запусков: %2</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="170"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="171"/>
        <source>Pipeline</source>
        <translation>Конвейер</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="172"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="173"/>
        <source>Started (UTC)</source>
        <translation>Начало (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="174"/>
        <source>Ended (UTC)</source>
        <translation>Конец (UTC)</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="175"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="176"/>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="177"/>
        <source>Inserted</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="178"/>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location filename="../core/run/RunHistoryModel.cpp" line="179"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
</context>
<context>
    <name>tb::core::SiteCountModel</name>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="106"/>
        <source>Study</source>
        <translation>Исследование</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="107"/>
        <source>Site</source>
        <translation>Центр</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="108"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="109"/>
        <source>Subjects</source>
        <translation>Субъекты</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="110"/>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <location filename="../core/recon/SiteCountModel.cpp" line="111"/>
        <source>Adverse events</source>
        <translation>Нежелательные явления</translation>
    </message>
</context>
<context>
    <name>tb::core::SourceSchemaModel</name>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="200"/>
        <source>Context</source>
        <translation>Контекст</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="200"/>
        <source>Study, site, subject and the audit record</source>
        <translation>Исследование, центр, субъект и запись аудита</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="204"/>
        <source>Vendor attributes</source>
        <translation>Атрибуты поставщика</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="227"/>
        <source>study event</source>
        <translation>событие исследования</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="228"/>
        <source>form</source>
        <translation>форма</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="230"/>
        <source>repeating item group</source>
        <translation>повторяющаяся группа элементов</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="230"/>
        <source>item group</source>
        <translation>группа элементов</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="234"/>
        <source>Items without metadata</source>
        <translation>Элементы без метаданных</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="238"/>
        <source>Place in the file</source>
        <translation>Место в файле</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="239"/>
        <source>Line of the element</source>
        <translation>Строка элемента</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="240"/>
        <source>XPath of the element</source>
        <translation>XPath элемента</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="334"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="335"/>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../core/mapping/SourceSchemaModel.cpp" line="336"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
</context>
<context>
    <name>tb::core::TargetSchemaModel</name>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="100"/>
        <source>CTMS entity %1, key: %2</source>
        <translation>Сущность CTMS %1, ключ: %2</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="118"/>
        <source>Modified at (source)</source>
        <translation>Изменено (в источнике)</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="124"/>
        <source>key</source>
        <translation>ключ</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="124"/>
        <source>required</source>
        <translation>обязательное</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="129"/>
        <source>The source&apos;s modification time: older records than those loaded are not applied</source>
        <translation>Время изменения в источнике: записи старше загруженных не применяются</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="130"/>
        <source>%1: part of the key, must be mapped</source>
        <translation>%1: часть ключа, должно быть сопоставлено</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="131"/>
        <source>%1: required, must be mapped</source>
        <translation>%1: обязательное, должно быть сопоставлено</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="145"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="146"/>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="147"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../core/mapping/TargetSchemaModel.cpp" line="148"/>
        <source>Required</source>
        <translation>Обязательное</translation>
    </message>
</context>
<context>
    <name>tb::core::ValueMapModel</name>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="149"/>
        <source>No code for &quot;%1&quot;: such values become the default &quot;%2&quot;.</source>
        <translation>Нет кода для «%1»: такие значения получают значение по умолчанию «%2».</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="151"/>
        <source>No code for &quot;%1&quot;: such values pass unchanged.</source>
        <translation>Нет кода для «%1»: такие значения передаются без изменений.</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="152"/>
        <source>No code for &quot;%1&quot;: records with this value are rejected.</source>
        <translation>Нет кода для «%1»: записи с этим значением отклоняются.</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="155"/>
        <source>&quot;%1&quot; is not a term of the codelist %2 (%3): the record will fail validation.</source>
        <translation>«%1» не является термином списка кодов %2 (%3): запись не пройдёт проверку.</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="188"/>
        <source>(missing)</source>
        <translation>(отсутствует)</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="239"/>
        <source>Source value</source>
        <translation>Исходное значение</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="240"/>
        <source>Target code</source>
        <translation>Целевой код</translation>
    </message>
    <message>
        <location filename="../core/mapping/ValueMapModel.cpp" line="241"/>
        <source>Rows</source>
        <translation>Строки</translation>
    </message>
</context>
<context>
    <name>tb::ui::AuditPage</name>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="19"/>
        <source>Target database</source>
        <translation>Целевая база данных</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="23"/>
        <source>Audit &amp;trail</source>
        <translation>&amp;Журнал аудита</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="24"/>
        <source>&amp;Mapping revisions</source>
        <translation>&amp;Редакции сопоставлений</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditPage.cpp" line="26"/>
        <source>Target:</source>
        <translation>Цель:</translation>
    </message>
</context>
<context>
    <name>tb::ui::AuditTrailPanel</name>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="62"/>
        <source>from (UTC)</source>
        <translation>с (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="62"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="63"/>
        <source>to (UTC)</source>
        <translation>по (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="63"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="64"/>
        <source>UTC date or date-time, e.g. 2026-01-31 or 2026-01-31T08:00:00Z; inclusive</source>
        <translation>Дата или дата-время в UTC, например 2026-01-31 или 2026-01-31T08:00:00Z; включительно</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="68"/>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="69"/>
        <source>All entities</source>
        <translation>Все сущности</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="74"/>
        <source>subject</source>
        <translation>субъект</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="74"/>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="75"/>
        <source>site</source>
        <translation>центр</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="75"/>
        <source>Site</source>
        <translation>Центр</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="76"/>
        <source>user id</source>
        <translation>ид. пользователя</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="76"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="77"/>
        <source>run</source>
        <translation>запуск</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="77"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="78"/>
        <source>&amp;Apply filters</source>
        <translation>&amp;Применить фильтры</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="96"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="96"/>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="96"/>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="101"/>
        <source>&amp;Verify</source>
        <translation>&amp;Проверить</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="103"/>
        <source>Recompute the hash chain and check every checkpoint&apos;s signature</source>
        <translation>Пересчитать цепочку хешей и проверить подпись каждой контрольной точки</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="104"/>
        <source>&amp;Export report…</source>
        <translation>&amp;Экспорт отчёта…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="106"/>
        <source>The QA audit report of the entries the filters select, as PDF or CSV</source>
        <translation>Отчёт аудита для QA по выбранным фильтрами записям, в PDF или CSV</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="111"/>
        <source>Cancel export</source>
        <translation>Отменить экспорт</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="113"/>
        <source>Stop the export; no file is written</source>
        <translation>Остановить экспорт; файл не будет записан</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="191"/>
        <source>No target database.</source>
        <translation>Нет целевой базы данных.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="192"/>
        <source>%1 does not exist yet: run a pipeline to create it</source>
        <translation>%1 ещё не существует: запустите конвейер, чтобы создать её</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="202"/>
        <source>The latest %1 of %2 entries (%3): narrow the filters to see the others.</source>
        <translation>Последние %1 из %2 записей (%3): сузьте фильтры, чтобы увидеть остальные.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="206"/>
        <source>%n entries (%1)</source>
        <translation>
            <numerusform>%n запись (%1)</numerusform>
            <numerusform>%n записи (%1)</numerusform>
            <numerusform>%n записей (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="245"/>
        <source>Verifying…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="264"/>
        <source>Not verified: %1</source>
        <translation>Не проверено: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="269"/>
        <source>Intact: %n entries, %1 signed checkpoint(s), %2 electronic signature(s) valid; head %3</source>
        <translation>
            <numerusform>Цел: %n запись, подписанных контрольных точек: %1, действительных электронных подписей: %2; голова %3</numerusform>
            <numerusform>Цел: %n записи, подписанных контрольных точек: %1, действительных электронных подписей: %2; голова %3</numerusform>
            <numerusform>Цел: %n записей, подписанных контрольных точек: %1, действительных электронных подписей: %2; голова %3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="278"/>
        <source>BROKEN: %1</source>
        <translation>НАРУШЕН: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="282"/>
        <source>BROKEN (%n problem(s)): %1</source>
        <translation>
            <numerusform>НАРУШЕН (%n проблема): %1</numerusform>
            <numerusform>НАРУШЕН (%n проблемы): %1</numerusform>
            <numerusform>НАРУШЕН (%n проблем): %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="295"/>
        <source>Export the audit report</source>
        <translation>Экспорт отчёта аудита</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="296"/>
        <source>PDF report (*.pdf);;CSV table (*.csv)</source>
        <translation>Отчёт PDF (*.pdf);;Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="306"/>
        <source>Exporting to %1…</source>
        <translation>Экспорт в %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/AuditTrailPanel.cpp" line="334"/>
        <source>%n entries written to %1</source>
        <translation>
            <numerusform>%n запись записана в %1</numerusform>
            <numerusform>%n записи записаны в %1</numerusform>
            <numerusform>%n записей записано в %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::AutoMapDialog</name>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="26"/>
        <source>Auto-map</source>
        <translation>Автосопоставление</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="35"/>
        <source>Proposed links</source>
        <translation>Предлагаемые связи</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="44"/>
        <source>&amp;Accept</source>
        <translation>&amp;Принять</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="46"/>
        <source>Connect the selected proposal&apos;s column to its field</source>
        <translation>Связать столбец выбранного предложения с его полем</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="47"/>
        <source>&amp;Reject</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="49"/>
        <source>Leave the selected proposal out</source>
        <translation>Пропустить выбранное предложение</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="53"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="55"/>
        <source>Minimum confidence</source>
        <translation>Минимальная уверенность</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="56"/>
        <source>Accept all &amp;above</source>
        <translation>Принять все &amp;выше</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="58"/>
        <source>Accept every proposed link with at least this confidence, as one undo step</source>
        <translation>Принять все предложенные связи не ниже этой уверенности одним шагом отмены</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/AutoMapDialog.cpp" line="139"/>
        <source>Auto-map %n link(s)</source>
        <translation>
            <numerusform>Автосопоставление: %n связь</numerusform>
            <numerusform>Автосопоставление: %n связи</numerusform>
            <numerusform>Автосопоставление: %n связей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="171"/>
        <source>No proposals: every field is mapped, or no source column resembles an unmapped field.</source>
        <translation>Нет предложений: все поля сопоставлены, или ни один исходный столбец не похож на несопоставленное поле.</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapDialog.cpp" line="173"/>
        <source>%1 proposed link(s), %2 still to decide. Accepting one connects it (undo with Ctrl+Z).</source>
        <translation>Предложено связей: %1, ещё не решено: %2. Принятие создаёт связь (отмена — Ctrl+Z).</translation>
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
        <translation>Принято</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="58"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="58"/>
        <source>Proposed</source>
        <translation>Предложено</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="62"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="85"/>
        <source>Source column</source>
        <translation>Исходный столбец</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="86"/>
        <source>Target field</source>
        <translation>Целевое поле</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="87"/>
        <source>Confidence</source>
        <translation>Уверенность</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="88"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../ui/designer/AutoMapModel.cpp" line="89"/>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
</context>
<context>
    <name>tb::ui::ConnectCommand</name>
    <message>
        <location filename="../ui/designer/commands/ConnectCommand.cpp" line="12"/>
        <source>Connect %1 to %2</source>
        <translation>Связать %1 с %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::ConnectionEditor</name>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="43"/>
        <source>EDC REST API</source>
        <translation>REST API системы EDC</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="44"/>
        <source>REDCap</source>
        <translation>REDCap</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="45"/>
        <source>SFTP server</source>
        <translation>SFTP-сервер</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="46"/>
        <source>PostgreSQL database</source>
        <translation>База данных PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="47"/>
        <source>ERP API</source>
        <translation>API системы ERP</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="48"/>
        <source>Webhook</source>
        <translation>Веб-хук</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="49"/>
        <source>BI API</source>
        <translation>API системы BI</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="57"/>
        <source>&amp;Token:</source>
        <translation>&amp;Токен:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="59"/>
        <source>Pass&amp;word:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="61"/>
        <source>Pri&amp;vate key:</source>
        <translation>Закрыт&amp;ый ключ:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="62"/>
        <source>Si&amp;gning secret:</source>
        <translation>Се&amp;крет подписи:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="126"/>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="127"/>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;. The file is NAME.connection.json and the secrets are stored as NAME/FIELD.</source>
        <translation>Буквы, цифры, «.», «_» и «-». Файл называется ИМЯ.connection.json, а секреты хранятся как ИМЯ/ПОЛЕ.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="131"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="133"/>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="134"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="137"/>
        <source>&amp;Authentication:</source>
        <translation>&amp;Аутентификация:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="138"/>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="143"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="144"/>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="145"/>
        <source>Da&amp;tabase:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="146"/>
        <source>User na&amp;me:</source>
        <translation>Им&amp;я пользователя:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="147"/>
        <source>&amp;Header:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="148"/>
        <source>Test &amp;path:</source>
        <translation>Путь п&amp;роверки:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="149"/>
        <source>Appended to the URL for the test request.</source>
        <translation>Добавляется к URL для проверочного запроса.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="150"/>
        <source>&amp;Folder:</source>
        <translation>Пап&amp;ка:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="151"/>
        <source>Host ke&amp;y:</source>
        <translation>Кл&amp;юч хоста:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="152"/>
        <source>The server&apos;s host key fingerprint as &quot;ssh-keygen -l -E sha256 -f KEY.pub&quot; prints it.</source>
        <translation>Отпечаток ключа хоста сервера в том виде, в каком его выводит «ssh-keygen -l -E sha256 -f KEY.pub».</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="155"/>
        <source>Encrypted, certificate and host name verified</source>
        <translation>Зашифровано, сертификат и имя хоста проверяются</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="156"/>
        <source>Not encrypted (Unix socket or loopback only)</source>
        <translation>Без шифрования (только Unix-сокет или loopback)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="157"/>
        <source>&amp;Encryption:</source>
        <translation>&amp;Шифрование:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="161"/>
        <source>the system&apos;s CAs only</source>
        <translation>только системные ЦС</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="162"/>
        <source>CA bundle</source>
        <translation>Сертификаты ЦС</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="163"/>
        <source>&amp;Browse…</source>
        <translation>В&amp;ыбрать…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="167"/>
        <source>CA Bundle</source>
        <translation>Сертификаты ЦС</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="167"/>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>Файлы PEM (*.pem *.crt);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="176"/>
        <source>CA bund&amp;le:</source>
        <translation>&amp;Сертификаты ЦС:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="177"/>
        <source>P&amp;in:</source>
        <translation>Пи&amp;н:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="177"/>
        <source>SHA-256 of the server&apos;s public key (Base64 or hex)</source>
        <translation>SHA-256 открытого ключа сервера (Base64 или hex)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="182"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="183"/>
        <source>Timeout in seconds</source>
        <translation>Тайм-аут в секундах</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="184"/>
        <source>Time&amp;out:</source>
        <translation>Тайм-а&amp;ут:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="203"/>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="419"/>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="420"/>
        <source>not set</source>
        <translation>не задан</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="210"/>
        <source>From f&amp;ile…</source>
        <translation>Из &amp;файла…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="212"/>
        <source>Read the private key from a file; it goes to the secret store on save.</source>
        <translation>Прочитать закрытый ключ из файла; при сохранении он попадёт в хранилище секретов.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="318"/>
        <source>Bearer token</source>
        <translation>Токен Bearer</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="319"/>
        <source>Basic (user name and password)</source>
        <translation>Basic (имя пользователя и пароль)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="320"/>
        <source>API key in a header</source>
        <translation>Ключ API в заголовке</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="321"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="323"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="324"/>
        <source>Private key</source>
        <translation>Закрытый ключ</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="386"/>
        <source>db.example.org or a socket folder</source>
        <translation>db.example.org или папка сокета</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="391"/>
        <source>&lt;b&gt;Secrets&lt;/b&gt; — this connection needs none.</source>
        <translation>&lt;b&gt;Секреты&lt;/b&gt; — этому подключению они не нужны.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="393"/>
        <source>&lt;b&gt;Secrets&lt;/b&gt; — the secret store is not open, so they cannot be set here: %1</source>
        <translation>&lt;b&gt;Секреты&lt;/b&gt; — хранилище секретов не открыто, поэтому задать их здесь нельзя: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="396"/>
        <source>&lt;b&gt;Secrets&lt;/b&gt; — kept in the %1, never in the file. Leave a field empty to keep what is stored.</source>
        <translation>&lt;b&gt;Секреты&lt;/b&gt; — хранятся здесь: %1, и никогда в файле. Оставьте поле пустым, чтобы сохранить текущее значение.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="413"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="414"/>
        <source>the secret store is not open</source>
        <translation>хранилище секретов не открыто</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="416"/>
        <source>from file</source>
        <translation>из файла</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="417"/>
        <source>read from %1 — saved to the store on Save</source>
        <translation>прочитан из %1 — будет сохранён при сохранении</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="419"/>
        <source>stored</source>
        <translation>сохранён</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="420"/>
        <source>stored — type a new value to replace it</source>
        <translation>сохранён — введите новое значение, чтобы заменить его</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="422"/>
        <source>A value is stored in the secret store; it is never shown.</source>
        <translation>В хранилище секретов сохранено значение; оно никогда не показывается.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="435"/>
        <source>New Connection</source>
        <translation>Новое подключение</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="450"/>
        <source>%1 does not exist</source>
        <translation>%1 не существует</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="456"/>
        <source>Edit Connection %1</source>
        <translation>Изменение подключения %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="461"/>
        <source>The name of an existing connection names its file and its secrets; create a new connection to use another name.</source>
        <translation>Имя существующего подключения задаёт имя его файла и его секретов; чтобы использовать другое имя, создайте новое подключение.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="597"/>
        <source>A connection needs a name.</source>
        <translation>Подключению нужно имя.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="607"/>
        <source>There is a connection named %1 already.</source>
        <translation>Подключение с именем %1 уже существует.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="625"/>
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="627"/>
        <source>Use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64), starting with a letter or digit: the name is the file&apos;s name and the prefix of the secrets.</source>
        <translation>Используйте буквы, цифры, «.», «_» и «-» (не более 64), начиная с буквы или цифры: имя — это имя файла и префикс секретов.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="637"/>
        <source>At least %1 characters: a shorter value could not be kept out of logs reliably.</source>
        <translation>Не менее %1 символов: более короткое значение нельзя надёжно скрыть в журналах.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="657"/>
        <source>Private Key</source>
        <translation>Закрытый ключ</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="662"/>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="679"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="703"/>
        <source>The secret store is not open, so the secrets cannot be saved: %1</source>
        <translation>Хранилище секретов не открыто, поэтому секреты нельзя сохранить: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="718"/>
        <source>The secret store was closed; nothing more was saved.</source>
        <translation>Хранилище секретов было закрыто; больше ничего не сохранено.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionEditor.cpp" line="732"/>
        <source>Cannot store %1: %2</source>
        <translation>Не удаётся сохранить %1: %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::ConnectionsPage</name>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="57"/>
        <source>&amp;Open Secret Store…</source>
        <translation>&amp;Открыть хранилище секретов…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="59"/>
        <source>Try again to open the secret store (asks for the vault&apos;s passphrase)</source>
        <translation>Снова попытаться открыть хранилище секретов (запрашивает парольную фразу сейфа)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="65"/>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="87"/>
        <source>&amp;New…</source>
        <translation>Со&amp;здать…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="87"/>
        <source>Create a connection</source>
        <translation>Создать подключение</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="89"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="90"/>
        <source>Edit the selected connection</source>
        <translation>Изменить выбранное подключение</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="91"/>
        <source>&amp;Test</source>
        <translation>&amp;Проверить</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="92"/>
        <source>Test the selected connection with its stored secrets</source>
        <translation>Проверить выбранное подключение с его сохранёнными секретами</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="93"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="94"/>
        <source>Delete the selected connection and its secrets</source>
        <translation>Удалить выбранное подключение и его секреты</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="116"/>
        <source>Testing</source>
        <translation>Идёт проверка</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="125"/>
        <source>Test result</source>
        <translation>Результат проверки</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="159"/>
        <source>no workspace is open</source>
        <translation>рабочее пространство не открыто</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="172"/>
        <source>Connections of %1</source>
        <translation>Подключения %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="172"/>
        <source>No workspace</source>
        <translation>Нет рабочего пространства</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="174"/>
        <source>Select a connection to see its last test, or create one with New.</source>
        <translation>Выберите подключение, чтобы увидеть его последнюю проверку, или создайте новое кнопкой «Создать».</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="185"/>
        <source>Secrets are kept in the %1; they are never written to the connection files.</source>
        <translation>Секреты хранятся здесь: %1; они никогда не записываются в файлы подключений.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="188"/>
        <source>The secret store is not open (%1): secrets cannot be set or tested.</source>
        <translation>Хранилище секретов не открыто (%1): секреты нельзя ни задать, ни проверить.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="267"/>
        <source>The secret store cannot be read: %1</source>
        <translation>Не удаётся прочитать хранилище секретов: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="286"/>
        <source>&lt;b&gt;%1 is not valid&lt;/b&gt; — Edit fixes it:</source>
        <translation>&lt;b&gt;%1 недопустимо&lt;/b&gt; — исправьте через «Изменить»:</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="293"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Not tested in this session: Test checks it with its stored secrets.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;В этом сеансе не проверялось: «Проверить» проверит его с сохранёнными секретами.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="307"/>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="310"/>
        <source>Edit the connection and type the secret (or: %1)</source>
        <translation>Измените подключение и введите секрет (или: %1)</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="313"/>
        <source>Hint: %1</source>
        <translation>Подсказка: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="318"/>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="356"/>
        <source>Saved the connection &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Подключение &lt;b&gt;%1&lt;/b&gt; сохранено.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="375"/>
        <source>Edit the connection to fix it.</source>
        <translation>Измените подключение, чтобы исправить это.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="378"/>
        <source>the secret store is not open: %1</source>
        <translation>хранилище секретов не открыто: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="393"/>
        <source>Testing &lt;b&gt;%1&lt;/b&gt; (%2)…</source>
        <translation>Проверка &lt;b&gt;%1&lt;/b&gt; (%2)…</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="415"/>
        <source>Delete Connection</source>
        <translation>Удаление подключения</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="416"/>
        <source>Delete the connection %1?</source>
        <translation>Удалить подключение %1?</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="419"/>
        <source>Its file %1 and its secrets in the %2 are removed. This cannot be undone.</source>
        <translation>Его файл %1 и его секреты (%2) будут удалены. Это нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="421"/>
        <source>Its file %1 is removed. The secret store is not open, so its secrets stay stored (remove them later with &quot;trialbridge-cli secrets delete&quot;).</source>
        <translation>Его файл %1 будет удалён. Хранилище секретов не открыто, поэтому его секреты останутся (удалите их позже командой «trialbridge-cli secrets delete»).</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="424"/>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="436"/>
        <source>the secret store is not open</source>
        <translation>хранилище секретов не открыто</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="447"/>
        <source>&lt;b&gt;%1 was not deleted:&lt;/b&gt; its secrets cannot be listed: %2</source>
        <translation>&lt;b&gt;%1 не удалено:&lt;/b&gt; не удаётся получить список его секретов: %2</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="487"/>
        <source>Deleted the connection &lt;b&gt;%1&lt;/b&gt; and its secrets.</source>
        <translation>Подключение &lt;b&gt;%1&lt;/b&gt; и его секреты удалены.</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="488"/>
        <source>Deleted the connection &lt;b&gt;%1&lt;/b&gt;; its secrets were not removed: %2</source>
        <translation>Подключение &lt;b&gt;%1&lt;/b&gt; удалено; его секреты не удалены: %2</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="491"/>
        <source>&lt;b&gt;%1 was not deleted:&lt;/b&gt; some of its secrets could not be removed: %2</source>
        <translation>&lt;b&gt;%1 не удалено:&lt;/b&gt; некоторые его секреты удалить не удалось: %2</translation>
    </message>
    <message>
        <location filename="../ui/connections/ConnectionsPage.cpp" line="494"/>
        <source>&lt;b&gt;%1 was not deleted:&lt;/b&gt; %2: %3</source>
        <translation>&lt;b&gt;%1 не удалено:&lt;/b&gt; %2: %3</translation>
    </message>
</context>
<context>
    <name>tb::ui::DateTransformEditor</name>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="52"/>
        <source>&quot;iso&quot; or a pattern of yyyy yy MM M MMM dd d HH H mm ss</source>
        <translation>«iso» или шаблон из yyyy yy MM M MMM dd d HH H mm ss</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="55"/>
        <source>The source&apos;s time zone: UTC, site (the record&apos;s site), study (the study&apos;s default) or an IANA time zone</source>
        <translation>Часовой пояс источника: UTC, site (центр записи), study (по умолчанию для исследования) или пояс IANA</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="59"/>
        <source>Keep partial dates</source>
        <translation>Сохранять неполные даты</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="60"/>
        <source>Reject partial dates</source>
        <translation>Отклонять неполные даты</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="63"/>
        <source>Example source value</source>
        <translation>Пример исходного значения</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="66"/>
        <source>The zone the example assumes for the site or the study</source>
        <translation>Часовой пояс, который пример предполагает для центра или исследования</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="83"/>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="84"/>
        <source>Time &amp;zone:</source>
        <translation>&amp;Часовой пояс:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="85"/>
        <source>&amp;Partial dates:</source>
        <translation>&amp;Неполные даты:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="86"/>
        <source>E&amp;xample:</source>
        <translation>&amp;Пример:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="87"/>
        <source>Example&apos;s site &amp;zone:</source>
        <translation>&amp;Пояс центра в примере:</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="93"/>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="97"/>
        <source>Set the date format to %1</source>
        <translation>Установить формат даты %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="94"/>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="98"/>
        <source>Set the source time zone to %1</source>
        <translation>Установить часовой пояс источника %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="101"/>
        <source>Partial dates: %1</source>
        <translation>Неполные даты: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="179"/>
        <source>Not valid: %1</source>
        <translation>Недопустимо: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="186"/>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <location filename="../ui/designer/DateTransformEditor.cpp" line="188"/>
        <source>%1 cannot be read: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::DesignerScene</name>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="178"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="178"/>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="179"/>
        <source>columns the mapping names; open a sample for all</source>
        <translation>столбцы, названные в сопоставлении; откройте образец, чтобы увидеть все</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="192"/>
        <source>not in the source</source>
        <translation>нет в источнике</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="205"/>
        <source>Target: %1</source>
        <translation>Назначение: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="205"/>
        <source>Target: no entity</source>
        <translation>Назначение: нет сущности</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="218"/>
        <source>= study parameter %1</source>
        <translation>= параметр исследования %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="220"/>
        <source>= &quot;%1&quot;</source>
        <translation>= «%1»</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="236"/>
        <source>not a field of the entity</source>
        <translation>не поле сущности</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="495"/>
        <source>Choose a source column first, then a target field.</source>
        <translation>Сначала выберите столбец источника, затем поле назначения.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="506"/>
        <source>Choose a target field for %1.</source>
        <translation>Выберите поле назначения для %1.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="514"/>
        <location filename="../ui/designer/DesignerScene.cpp" line="825"/>
        <location filename="../ui/designer/DesignerScene.cpp" line="832"/>
        <source>%1 is already connected to %2.</source>
        <translation>%1 уже связан с %2.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="520"/>
        <source>Connect %1 to %2 fields</source>
        <translation>Связать %1 с полями (%2)</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="579"/>
        <source>Select a link, or a field whose links to remove.</source>
        <translation>Выберите связь или поле, связи которого нужно удалить.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="590"/>
        <source>Select a link, or a field whose links to copy.</source>
        <translation>Выберите связь или поле, связи которого нужно скопировать.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="600"/>
        <source>Copied %n link(s).</source>
        <translation>
            <numerusform>Скопирована %n связь.</numerusform>
            <numerusform>Скопированы %n связи.</numerusform>
            <numerusform>Скопировано %n связей.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="611"/>
        <source>Cut %n link(s)</source>
        <translation>
            <numerusform>Вырезать %n связь</numerusform>
            <numerusform>Вырезать %n связи</numerusform>
            <numerusform>Вырезать %n связей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="613"/>
        <source>Cut %n link(s): paste them onto fields of the same name, or one onto a selected field.</source>
        <translation>
            <numerusform>Вырезана %n связь: вставьте её в одноимённые поля или в выбранное поле.</numerusform>
            <numerusform>Вырезаны %n связи: вставьте их в одноимённые поля или одну в выбранное поле.</numerusform>
            <numerusform>Вырезано %n связей: вставьте их в одноимённые поля или одну в выбранное поле.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="623"/>
        <source>The clipboard holds no links.</source>
        <translation>В буфере обмена нет связей.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="664"/>
        <source>Paste %n link(s)</source>
        <translation>
            <numerusform>Вставить %n связь</numerusform>
            <numerusform>Вставить %n связи</numerusform>
            <numerusform>Вставить %n связей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="675"/>
        <source>Set the transforms of %1</source>
        <translation>Задать преобразования %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="688"/>
        <source>Nothing pasted.</source>
        <translation>Ничего не вставлено.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/DesignerScene.cpp" line="688"/>
        <source>Pasted %n link(s).</source>
        <translation>
            <numerusform>Вставлена %n связь.</numerusform>
            <numerusform>Вставлены %n связи.</numerusform>
            <numerusform>Вставлено %n связей.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="690"/>
        <source>Not in the source: %1.</source>
        <translation>Нет в источнике: %1.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="692"/>
        <source>Not a field of %1: %2.</source>
        <translation>Не поле %1: %2.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="694"/>
        <source>Already connected: %1.</source>
        <translation>Уже связано: %1.</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="696"/>
        <source>Kept the transforms of %1 (they differ from the copied ones).</source>
        <translation>Преобразования %1 сохранены (они отличаются от скопированных).</translation>
    </message>
    <message>
        <location filename="../ui/designer/DesignerScene.cpp" line="817"/>
        <source>Dropped outside a target field: nothing changed.</source>
        <translation>Отпущено вне поля назначения: ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>tb::ui::LinkClipboard</name>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="48"/>
        <source>%1: offset %2: %3</source>
        <translation>%1: смещение %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="53"/>
        <source>%1: not links copied from the mapping designer (format &quot;%2&quot; expected)</source>
        <translation>%1: это не связи, скопированные из конструктора сопоставлений (ожидается формат «%2»)</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="58"/>
        <source>%1: links: must be a list</source>
        <translation>%1: links: должен быть списком</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="71"/>
        <source>%1: needs a &quot;column&quot; and a &quot;target&quot;</source>
        <translation>%1: нужны «column» и «target»</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="76"/>
        <source>%1.transforms: must be a list</source>
        <translation>%1.transforms: должен быть списком</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="84"/>
        <source>%1: a transform is an object with one key, its name</source>
        <translation>%1: преобразование — объект с одним ключом, своим именем</translation>
    </message>
    <message>
        <location filename="../ui/designer/LinkClipboard.cpp" line="98"/>
        <source>%1: no links</source>
        <translation>%1: нет связей</translation>
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
        <translation>Страницы</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="72"/>
        <source>Workspace</source>
        <translation>Рабочее пространство</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>Mappings</source>
        <translation>Сопоставления</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="76"/>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="73"/>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="78"/>
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="115"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="120"/>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Открыть рабочее пространство…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="123"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="124"/>
        <source>Open &amp;Secret Store…</source>
        <translation>Открыть &amp;хранилище секретов…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="136"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="138"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="72"/>
        <source>&amp;Workspace</source>
        <translation>&amp;Рабочее пространство</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>&amp;Mappings</source>
        <translation>&amp;Сопоставления</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="76"/>
        <source>R&amp;uns</source>
        <translation>&amp;Запуски</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="73"/>
        <source>&amp;Connections</source>
        <translation>&amp;Подключения</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="75"/>
        <source>Pipelines</source>
        <translation>Конвейеры</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="75"/>
        <source>&amp;Pipelines</source>
        <translation>&amp;Конвейеры</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="77"/>
        <source>Reconciliation</source>
        <translation>Сверка</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="77"/>
        <source>R&amp;econciliation</source>
        <translation>Св&amp;ерка</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="78"/>
        <source>&amp;Audit</source>
        <translation>&amp;Аудит</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="116"/>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Новое рабочее пространство…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="130"/>
        <source>Se&amp;ttings…</source>
        <translation>На&amp;стройки…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="146"/>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="151"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="152"/>
        <source>&amp;About TrialBridge</source>
        <translation>&amp;О программе TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="155"/>
        <source>No workspace open</source>
        <translation>Рабочее пространство не открыто</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="166"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="235"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="286"/>
        <source>Open Workspace</source>
        <translation>Открыть рабочее пространство</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="235"/>
        <source>%1 is not a folder.</source>
        <translation>%1 не является папкой.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="239"/>
        <source>%1 — TrialBridge</source>
        <translation>%1 — TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="240"/>
        <source>Workspace: %1</source>
        <translation>Рабочее пространство: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="242"/>
        <source>No target</source>
        <translation>Нет цели</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="243"/>
        <source>Target: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="306"/>
        <source>About TrialBridge</source>
        <translation>О программе TrialBridge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="309"/>
        <source>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Moves clinical-trial data between the systems of a study — EDC, CTMS, ERP and BI — with validation, atomic loads and an audit trail.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TrialBridge %1&lt;/h3&gt;&lt;p&gt;Переносит данные клинических исследований между системами исследования — EDC, CTMS, ERP и BI — с проверкой, атомарной загрузкой и журналом аудита.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="313"/>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;&lt;p&gt;Libraries and their licences:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt — GNU LGPL version 3&lt;/li&gt;&lt;li&gt;libsodium — ISC licence&lt;/li&gt;&lt;li&gt;libssh — GNU LGPL version 2.1&lt;/li&gt;&lt;li&gt;QtKeychain — BSD licence (2-clause)&lt;/li&gt;&lt;li&gt;SQLite — public domain&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Собрано с Qt %1, работает на Qt %2.&lt;/p&gt;&lt;p&gt;Библиотеки и их лицензии:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt — GNU LGPL версии 3&lt;/li&gt;&lt;li&gt;libsodium — лицензия ISC&lt;/li&gt;&lt;li&gt;libssh — GNU LGPL версии 2.1&lt;/li&gt;&lt;li&gt;QtKeychain — лицензия BSD (2 пункта)&lt;/li&gt;&lt;li&gt;SQLite — общественное достояние&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="337"/>
        <source>it is being opened</source>
        <translation>оно открывается</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="338"/>
        <source>no workspace is open</source>
        <translation>рабочее пространство не открыто</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="342"/>
        <source>The secret store is not open: %1</source>
        <translation>Хранилище секретов не открыто: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="357"/>
        <source>Running %1…</source>
        <translation>Выполняется %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="383"/>
        <source>Run %1 of %2: %3 — %4 read, %5 inserted, %6 updated, %7 rejected</source>
        <translation>Запуск %1 конвейера %2: %3 — прочитано %4, добавлено %5, изменено %6, отклонено %7</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="390"/>
        <source>Run of %1: %2</source>
        <translation>Запуск %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="394"/>
        <source>Run Not Started</source>
        <translation>Запуск не начат</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="395"/>
        <source>%1 was not run.</source>
        <translation>%1 не запущен.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="483"/>
        <source>Cancelling the run…</source>
        <translation>Запуск отменяется…</translation>
    </message>
</context>
<context>
    <name>tb::ui::MappingDesigner</name>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="63"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="437"/>
        <source>No mapping open</source>
        <translation>Сопоставление не открыто</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="72"/>
        <source>Search the source columns (name, label, type)</source>
        <translation>Поиск столбцов источника (имя, метка, тип)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="73"/>
        <source>Search the source columns</source>
        <translation>Поиск столбцов источника</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="79"/>
        <source>Mapping: source columns and target fields</source>
        <translation>Сопоставление: столбцы источника и поля назначения</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="88"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="183"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="107"/>
        <source>&amp;Open Mapping…</source>
        <translation>&amp;Открыть сопоставление…</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="108"/>
        <source>Open S&amp;ample…</source>
        <translation>Открыть &amp;образец…</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="109"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="110"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="111"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="112"/>
        <source>&amp;Connect</source>
        <translation>&amp;Связать</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="113"/>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="114"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="115"/>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="116"/>
        <source>&amp;Fit to View</source>
        <translation>&amp;Вписать в окно</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="117"/>
        <source>Auto-&amp;map…</source>
        <translation>Авто&amp;сопоставление…</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="118"/>
        <source>Propose links for the unmapped fields by name, label and OID (Ctrl+Shift+M)</source>
        <translation>Предложить связи для несопоставленных полей по имени, подписи и OID (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="120"/>
        <source>&amp;Find Source Column</source>
        <translation>&amp;Найти столбец источника</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="121"/>
        <source>Connect the chosen source column to the selected target field (Ctrl+L)</source>
        <translation>Связать выбранный столбец источника с выделенным полем назначения (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="122"/>
        <source>Remove the selected links, or the links of the selected fields (Del)</source>
        <translation>Удалить выделенные связи или связи выделенных полей (Del)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="128"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="350"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="384"/>
        <source>Save Mapping</source>
        <translation>Сохранить сопоставление</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="144"/>
        <source>Cu&amp;t Links</source>
        <translation>Вы&amp;резать связи</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="145"/>
        <source>C&amp;opy Links</source>
        <translation>&amp;Копировать связи</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="146"/>
        <source>&amp;Paste Links</source>
        <translation>&amp;Вставить связи</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="153"/>
        <source>Cut the selected links, or the links of the selected fields (Ctrl+X)</source>
        <translation>Вырезать выбранные связи или связи выбранных полей (Ctrl+X)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="154"/>
        <source>Copy the selected links with their transforms (Ctrl+C)</source>
        <translation>Копировать выбранные связи с их преобразованиями (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="155"/>
        <source>Paste links onto the fields of the same name, or one link onto the selected field (Ctrl+V)</source>
        <translation>Вставить связи в одноимённые поля или одну связь в выбранное поле (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="299"/>
        <source>The sample could not be read: %1</source>
        <translation>Не удалось прочитать образец: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="350"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="393"/>
        <source>Mappings (*.mapping.json)</source>
        <translation>Сопоставления (*.mapping.json)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="364"/>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="374"/>
        <source>Unsaved Changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="375"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>В %1 есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="392"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="404"/>
        <source>Open Mapping</source>
        <translation>Открыть сопоставление</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="425"/>
        <location filename="../ui/designer/MappingDesigner.cpp" line="431"/>
        <source>Open Sample</source>
        <translation>Открыть образец</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="426"/>
        <source>Source files (*.csv *.txt *.json *.ndjson *.xml);;All files (*)</source>
        <translation>Файлы источника (*.csv *.txt *.json *.ndjson *.xml);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="441"/>
        <source>%1 (revision %2): %3 → %4</source>
        <translation>%1 (редакция %2): %3 → %4</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="456"/>
        <source>Undo: %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="456"/>
        <source>Nothing to undo</source>
        <translation>Нечего отменять</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="457"/>
        <source>Redo: %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="457"/>
        <source>Nothing to redo</source>
        <translation>Нечего повторять</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingDesigner.cpp" line="483"/>
        <source>No problems: every required field is mapped and every link has its column.</source>
        <translation>Проблем нет: все обязательные поля сопоставлены, у каждой связи есть столбец.</translation>
    </message>
</context>
<context>
    <name>tb::ui::MappingsPage</name>
    <message>
        <location filename="../ui/designer/MappingsPage.cpp" line="28"/>
        <source>Mappings</source>
        <translation>Сопоставления</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingsPage.cpp" line="42"/>
        <source>&amp;Mappings</source>
        <translation>&amp;Сопоставления</translation>
    </message>
    <message>
        <location filename="../ui/designer/MappingsPage.cpp" line="157"/>
        <source>Change control in %1: %2</source>
        <translation>Контроль изменений в %1: %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::NewWorkspaceDialog</name>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="25"/>
        <source>New Workspace</source>
        <translation>Новое рабочее пространство</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="29"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="36"/>
        <source>e.g. study-abc-123</source>
        <translation>например, study-abc-123</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="37"/>
        <source>Fill with the &amp;demo study</source>
        <translation>Заполнить &amp;демонстрационным исследованием</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="39"/>
        <source>A synthetic study exported as EDC CSV files, with its mappings, study document and pipeline into an embedded SQLite CTMS</source>
        <translation>Синтетическое исследование, выгруженное из EDC в CSV, с сопоставлениями, документом исследования и конвейером во встроенную CTMS на SQLite</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="45"/>
        <source> subjects</source>
        <translation> субъектов</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="56"/>
        <source>&amp;Create</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="60"/>
        <source>&amp;Location:</source>
        <translation>&amp;Расположение:</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="61"/>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="91"/>
        <source>Enter a name for the workspace folder.</source>
        <translation>Введите имя папки рабочего пространства.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="95"/>
        <source>The name &apos;%1&apos; cannot be a folder name: leave out / \ : * ? &quot; &lt; &gt; | and control characters.</source>
        <translation>Имя «%1» не может быть именем папки: уберите / \ : * ? &quot; &lt; &gt; | и управляющие символы.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="99"/>
        <source>The location &apos;%1&apos; is not an existing folder.</source>
        <translation>Расположение «%1» не является существующей папкой.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="101"/>
        <source>The location &apos;%1&apos; is not writable.</source>
        <translation>В расположение «%1» нельзя записывать.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="105"/>
        <source>&apos;%1&apos; already exists and is not an empty folder: choose another name.</source>
        <translation>«%1» уже существует и не является пустой папкой: выберите другое имя.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="114"/>
        <source>Location of the New Workspace</source>
        <translation>Расположение нового рабочего пространства</translation>
    </message>
    <message>
        <location filename="../ui/workspace/NewWorkspaceDialog.cpp" line="140"/>
        <source>Cannot create the folder &apos;%1&apos;.</source>
        <translation>Не удаётся создать папку «%1».</translation>
    </message>
</context>
<context>
    <name>tb::ui::PassphraseDialog</name>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="18"/>
        <source>New Secret Vault</source>
        <translation>Новый сейф секретов</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="18"/>
        <source>Unlock Secret Vault</source>
        <translation>Разблокировка сейфа секретов</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="20"/>
        <source>No keychain is available, so the connection secrets and the audit signing key are kept in an encrypted vault, which does not exist yet:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Choose its passphrase. It cannot be recovered: without it the stored secrets are lost.</source>
        <translation>Связка ключей недоступна, поэтому секреты подключений и ключ подписи журнала аудита хранятся в зашифрованном сейфе, которого ещё нет:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Выберите для него парольную фразу. Её нельзя восстановить: без неё сохранённые секреты будут потеряны.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="24"/>
        <source>The connection secrets and the audit signing key are kept in an encrypted vault:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Enter its passphrase to use them in this session.</source>
        <translation>Секреты подключений и ключ подписи журнала аудита хранятся в зашифрованном сейфе:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Введите его парольную фразу, чтобы использовать их в этом сеансе.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="33"/>
        <source>Vault passphrase</source>
        <translation>Парольная фраза сейфа</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="35"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="40"/>
        <source>Vault passphrase again</source>
        <translation>Парольная фраза сейфа ещё раз</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="41"/>
        <source>&amp;Again:</source>
        <translation>&amp;Ещё раз:</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="51"/>
        <source>&amp;Create Vault</source>
        <translation>&amp;Создать сейф</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="51"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="78"/>
        <source>Enter the passphrase.</source>
        <translation>Введите парольную фразу.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/PassphraseDialog.cpp" line="83"/>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>tb::ui::PipelinesPage</name>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="25"/>
        <source>Pipelines</source>
        <translation>Конвейеры</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="46"/>
        <source>&amp;Run</source>
        <translation>&amp;Запустить</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="48"/>
        <source>Run the selected pipeline into its target (Ctrl+R)</source>
        <translation>Запустить выбранный конвейер в его цель (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="51"/>
        <source>Re&amp;concile</source>
        <translation>С&amp;верить</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="53"/>
        <source>Show the reconciliation of the selected pipeline&apos;s last run</source>
        <translation>Показать сверку последнего запуска выбранного конвейера</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="58"/>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="75"/>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="60"/>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="63"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="145"/>
        <source>No pipeline in this workspace</source>
        <translation>В этом рабочем пространстве нет конвейеров</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="145"/>
        <source>No workspace</source>
        <translation>Нет рабочего пространства</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="147"/>
        <source>A pipeline is a *.pipeline.json document in the workspace folder.</source>
        <translation>Конвейер — это документ *.pipeline.json в папке рабочего пространства.</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="162"/>
        <source>Target: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="164"/>
        <source>Schedule: %1 — runs while trialbridge-cli serve is running</source>
        <translation>Расписание: %1 — выполняется, пока работает trialbridge-cli serve</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="168"/>
        <source>Last run: %1, %2, started %3 — %4 read, %5 inserted, %6 updated, %7 rejected</source>
        <translation>Последний запуск: %1, %2, начат %3 — прочитано %4, вставлено %5, обновлено %6, отклонено %7</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="176"/>
        <source>Last run: unknown (%1)</source>
        <translation>Последний запуск: неизвестен (%1)</translation>
    </message>
    <message>
        <location filename="../ui/pipelines/PipelinesPage.cpp" line="178"/>
        <source>Not run yet.</source>
        <translation>Ещё не запускался.</translation>
    </message>
</context>
<context>
    <name>tb::ui::PreviewModel</name>
    <message>
        <location filename="../ui/designer/PreviewModel.cpp" line="38"/>
        <source>%1 records, %2 invalid cells</source>
        <translation>Записей: %1, недопустимых ячеек: %2</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewModel.cpp" line="39"/>
        <source>%1, %2 warnings</source>
        <translation>%1, предупреждений: %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::PreviewPanel</name>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="27"/>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="36"/>
        <source>first </source>
        <translation>первые </translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="37"/>
        <source> records</source>
        <translation> записей</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="38"/>
        <source>Number of source records to preview</source>
        <translation>Число исходных записей для предпросмотра</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="41"/>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="43"/>
        <source>Stop following the edits (for large samples)</source>
        <translation>Не следовать за правками (для больших образцов)</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="50"/>
        <source>Preview: target rows of the first source records</source>
        <translation>Предпросмотр: целевые строки первых исходных записей</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="99"/>
        <source>Paused</source>
        <translation>Приостановлено</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="119"/>
        <location filename="../ui/designer/PreviewPanel.cpp" line="154"/>
        <source>Updating…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="171"/>
        <source>No mapping open</source>
        <translation>Сопоставление не открыто</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="173"/>
        <source>The mapping cannot be previewed: %1</source>
        <translation>Предпросмотр сопоставления невозможен: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/PreviewPanel.cpp" line="175"/>
        <source>No preview</source>
        <translation>Нет предпросмотра</translation>
    </message>
</context>
<context>
    <name>tb::ui::ReconciliationPage</name>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="78"/>
        <source>Pipeline</source>
        <translation>Конвейер</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="80"/>
        <source>Re&amp;load</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="92"/>
        <source>Counts per entity</source>
        <translation>Счётчики по сущностям</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="95"/>
        <source>Rows per site</source>
        <translation>Строки по центрам</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="101"/>
        <source>Pipeline:</source>
        <translation>Конвейер:</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="106"/>
        <source>Last run against the target, per entity</source>
        <translation>Последний запуск в цель, по сущностям</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="110"/>
        <source>Rows in the target per site</source>
        <translation>Строки в цели по центрам</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="159"/>
        <source>No pipeline: open a workspace with a *.pipeline.json.</source>
        <translation>Нет конвейера: откройте рабочее пространство с *.pipeline.json.</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="166"/>
        <source>%1 is not valid: see the Pipelines page.</source>
        <translation>%1 недействителен: см. страницу «Конвейеры».</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="173"/>
        <source>Run %1 (%2) into %3</source>
        <translation>Запуск %1 (%2) в %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="178"/>
        <source>Every row read is accounted for in all %n entities.</source>
        <translation>
            <numerusform>Каждая прочитанная строка учтена в %n сущности.</numerusform>
            <numerusform>Каждая прочитанная строка учтена во всех %n сущностях.</numerusform>
            <numerusform>Каждая прочитанная строка учтена во всех %n сущностях.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="179"/>
        <source>Does not reconcile: %1. Rows read and rows accounted for differ.</source>
        <translation>Не сходится: %1. Прочитанные и учтённые строки различаются.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reconciliation/ReconciliationPage.cpp" line="188"/>
        <source>%n site(s): %1 subjects, %2 visits, %3 adverse events</source>
        <translation>
            <numerusform>%n центр: субъектов %1, визитов %2, нежелательных явлений %3</numerusform>
            <numerusform>%n центра: субъектов %1, визитов %2, нежелательных явлений %3</numerusform>
            <numerusform>%n центров: субъектов %1, визитов %2, нежелательных явлений %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::RemoveLinksCommand</name>
    <message>
        <location filename="../ui/designer/commands/RemoveLinksCommand.cpp" line="13"/>
        <source>Remove the link %1 → %2</source>
        <translation>Удалить связь %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/designer/commands/RemoveLinksCommand.cpp" line="15"/>
        <source>Remove %1 links</source>
        <translation>Удалить связи (%1)</translation>
    </message>
</context>
<context>
    <name>tb::ui::RetargetCommand</name>
    <message>
        <location filename="../ui/designer/commands/RetargetCommand.cpp" line="11"/>
        <source>Re-target %1 from %2 to %3</source>
        <translation>Перенести %1 с %2 на %3</translation>
    </message>
</context>
<context>
    <name>tb::ui::RevisionsPanel</name>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Meaning</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Signed by</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="121"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="123"/>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="123"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="123"/>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="123"/>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="131"/>
        <source>&amp;Submit for review…</source>
        <translation>&amp;Отправить на рассмотрение…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="131"/>
        <source>Re&amp;view…</source>
        <translation>&amp;Рассмотреть…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="132"/>
        <source>A&amp;pprove…</source>
        <translation>&amp;Утвердить…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="132"/>
        <source>Re&amp;ject…</source>
        <translation>О&amp;тклонить…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="133"/>
        <source>Re&amp;tire…</source>
        <translation>&amp;Вывести из обращения…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="133"/>
        <source>Require appro&amp;val…</source>
        <translation>Требовать &amp;утверждения…</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="152"/>
        <source>Signatures</source>
        <translation>Подписи</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="157"/>
        <source>Changes from the revision before</source>
        <translation>Изменения относительно предыдущей редакции</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="203"/>
        <source>Production runs into this target use approved mapping revisions only.</source>
        <translation>Рабочие запуски в эту цель используют только утверждённые редакции сопоставлений.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="204"/>
        <source>Production runs into this target do not require approved mappings yet.</source>
        <translation>Рабочие запуски в эту цель пока не требуют утверждённых сопоставлений.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="227"/>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="230"/>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="231"/>
        <source>removed</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="232"/>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="262"/>
        <source>The secret store is not open: open it (status bar) to sign.</source>
        <translation>Хранилище секретов не открыто: откройте его (строка состояния), чтобы подписывать.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="280"/>
        <source>Done: signed by %1 (%2).</source>
        <translation>Готово: подписано %1 (%2).</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="291"/>
        <source>The workspace has no mapping documents.</source>
        <translation>В рабочей области нет документов сопоставления.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="295"/>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="311"/>
        <source>Submit for review</source>
        <translation>Отправить на рассмотрение</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="295"/>
        <source>Mapping:</source>
        <translation>Сопоставление:</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="312"/>
        <source>You submit %1 for review. The revision is frozen and signed by you as its author.</source>
        <translation>Вы отправляете %1 на рассмотрение. Редакция фиксируется и подписывается вами как автором.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="333"/>
        <source>Review</source>
        <translation>Рассмотреть</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="333"/>
        <source>Approve</source>
        <translation>Утвердить</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="333"/>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="335"/>
        <source>You sign that you reviewed %1.</source>
        <translation>Вы подписываете, что рассмотрели %1.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="337"/>
        <source>You approve %1 for production runs. Your signature binds its content (%2…).</source>
        <translation>Вы утверждаете %1 для рабочих запусков. Ваша подпись привязана к его содержимому (%2…).</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="339"/>
        <source>You reject %1.</source>
        <translation>Вы отклоняете %1.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="362"/>
        <source>Retire</source>
        <translation>Вывести из обращения</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="362"/>
        <source>You take %1 out of production use.</source>
        <translation>Вы выводите %1 из рабочего использования.</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="378"/>
        <source>Require approval</source>
        <translation>Требовать утверждения</translation>
    </message>
    <message>
        <location filename="../ui/audit/RevisionsPanel.cpp" line="379"/>
        <source>From now on production runs into %1 will use approved mapping revisions only. This cannot be undone.</source>
        <translation>Отныне рабочие запуски в %1 будут использовать только утверждённые редакции сопоставлений. Это нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>tb::ui::RunsPage</name>
    <message>
        <location filename="../ui/runs/RunsPage.cpp" line="47"/>
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
        <location filename="../ui/runs/RunsPage.cpp" line="63"/>
        <source>Deleted</source>
        <translation>Удалено</translation>
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
    <name>tb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="16"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="22"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="31"/>
        <source>System</source>
        <translation>Системная</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="32"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="33"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="40"/>
        <source>Rows of a source sample the mapping designer shows</source>
        <translation>Строки образца источника, которые показывает конструктор сопоставлений</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="42"/>
        <source>The new language is used when TrialBridge is started again.</source>
        <translation>Новый язык будет использоваться после перезапуска TrialBridge.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="48"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="50"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="51"/>
        <source>&amp;Preview rows:</source>
        <translation>Строки &amp;предпросмотра:</translation>
    </message>
</context>
<context>
    <name>tb::ui::SignDialog</name>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="45"/>
        <source>&amp;Sign</source>
        <translation>&amp;Подписать</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="48"/>
        <source>&amp;User id:</source>
        <translation>&amp;Ид. пользователя:</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="49"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="50"/>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Причина (обязательно):</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="50"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Комментарий:</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="101"/>
        <source>Enter your user id and your passphrase: both are part of the signature.</source>
        <translation>Введите идентификатор пользователя и парольную фразу: обе входят в подпись.</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="103"/>
        <source>Say why: a rejection needs a reason.</source>
        <translation>Укажите причину: отклонение требует обоснования.</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="105"/>
        <source>The secret store is not open, so no key can be unsealed.</source>
        <translation>Хранилище секретов не открыто, поэтому ключ нельзя распечатать.</translation>
    </message>
    <message>
        <location filename="../ui/esign/SignDialog.cpp" line="122"/>
        <source>The key of %1 is not in this workspace&apos;s secret store (users sign on the machine where they were created).</source>
        <translation>Ключа %1 нет в хранилище секретов этой рабочей области (пользователи подписывают на том компьютере, где они были созданы).</translation>
    </message>
</context>
<context>
    <name>tb::ui::TransformPanel</name>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="71"/>
        <source>Transforms, applied from top to bottom</source>
        <translation>Преобразования, применяются сверху вниз</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="78"/>
        <source>&amp;Transforms (applied top to bottom):</source>
        <translation>&amp;Преобразования (сверху вниз):</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="99"/>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="109"/>
        <source>Add a transform after the selected one</source>
        <translation>Добавить преобразование после выбранного</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="110"/>
        <source>&amp;Up</source>
        <translation>&amp;Вверх</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="111"/>
        <source>Do&amp;wn</source>
        <translation>В&amp;низ</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="112"/>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="113"/>
        <source>Remove the selected transform</source>
        <translation>Удалить выбранное преобразование</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="134"/>
        <source>Parameters of the transform (JSON)</source>
        <translation>Параметры преобразования (JSON)</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="138"/>
        <source>&amp;Parameters (JSON):</source>
        <translation>&amp;Параметры (JSON):</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="154"/>
        <source>The parameters are not JSON: %1</source>
        <translation>Параметры не являются JSON: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="161"/>
        <location filename="../ui/designer/TransformPanel.cpp" line="358"/>
        <source>Not valid: %1</source>
        <translation>Недопустимо: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="165"/>
        <source>Edit the parameters of %1</source>
        <translation>Изменить параметры %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/TransformPanel.cpp" line="284"/>
        <source>valueMap: %n code(s), unmapped %1</source>
        <translation>
            <numerusform>valueMap: %n код, без кода %1</numerusform>
            <numerusform>valueMap: %n кода, без кода %1</numerusform>
            <numerusform>valueMap: %n кодов, без кода %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="287"/>
        <source>date: %1, zone %2</source>
        <translation>дата: %1, пояс %2</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="303"/>
        <source>Transforms</source>
        <translation>Преобразования</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="304"/>
        <source>Select a link or a target field to see and edit its transforms.</source>
        <translation>Выберите связь или целевое поле, чтобы увидеть и изменить его преобразования.</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="306"/>
        <source>Target field: %1</source>
        <translation>Целевое поле: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="311"/>
        <source>From: %1</source>
        <translation>Из: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="313"/>
        <source>From the study parameter %1</source>
        <translation>Из параметра исследования %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="315"/>
        <source>The constant &quot;%1&quot;</source>
        <translation>Константа «%1»</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="317"/>
        <source>Not mapped: its transforms apply once a source column is connected.</source>
        <translation>Не сопоставлено: преобразования применятся, когда будет подключён исходный столбец.</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="349"/>
        <source>No transform selected: the value is used as it is read. Add one with Add.</source>
        <translation>Преобразование не выбрано: значение используется как прочитано. Добавьте его кнопкой «Добавить».</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="381"/>
        <source>The parameters of %1 as in the mapping document (docs/mapping-format.md).</source>
        <translation>Параметры %1 как в документе сопоставления (docs/mapping-format.md).</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="412"/>
        <source>Add %1 to %2</source>
        <translation>Добавить %1 к %2</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="425"/>
        <source>Move %1 of %2 %3</source>
        <translation>Переместить %1 поля %2 %3</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="425"/>
        <source>up</source>
        <translation>вверх</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="425"/>
        <source>down</source>
        <translation>вниз</translation>
    </message>
    <message>
        <location filename="../ui/designer/TransformPanel.cpp" line="436"/>
        <source>Remove %1 from %2</source>
        <translation>Удалить %1 из %2</translation>
    </message>
</context>
<context>
    <name>tb::ui::ValueMapEditor</name>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="41"/>
        <source>Value map: source values and their target codes</source>
        <translation>Таблица значений: исходные значения и их целевые коды</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="58"/>
        <source>&amp;Profile Values</source>
        <translation>&amp;Профилировать значения</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="60"/>
        <source>Read the distinct values of the source column from the sample and pre-fill the codes that match the codelist</source>
        <translation>Прочитать различные значения исходного столбца из образца и заполнить коды, совпадающие со списком кодов</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="68"/>
        <source>Reading the sample</source>
        <translation>Чтение образца</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="75"/>
        <source>Another source value</source>
        <translation>Ещё одно исходное значение</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="76"/>
        <source>Source value to add</source>
        <translation>Добавляемое исходное значение</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="77"/>
        <source>A&amp;dd Value</source>
        <translation>Добавить &amp;значение</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="84"/>
        <source>Reject the record</source>
        <translation>Отклонить запись</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="85"/>
        <source>Use the default</source>
        <translation>Использовать значение по умолчанию</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="86"/>
        <source>Pass the value unchanged</source>
        <translation>Передать значение без изменений</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="89"/>
        <source>Default code</source>
        <translation>Код по умолчанию</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="90"/>
        <source>&amp;Ignore case</source>
        <translation>&amp;Без учёта регистра</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="103"/>
        <source>Values without a code: %1</source>
        <translation>Значения без кода: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="108"/>
        <source>Set the default code to %1</source>
        <translation>Установить код по умолчанию %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="117"/>
        <source>Ignore case in the value map</source>
        <translation>Не учитывать регистр в таблице значений</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="117"/>
        <source>Match case in the value map</source>
        <translation>Учитывать регистр в таблице значений</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="120"/>
        <source>Edit a code of the value map</source>
        <translation>Изменить код в таблице значений</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="137"/>
        <source>&amp;Without a code:</source>
        <translation>&amp;Без кода:</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="140"/>
        <source>D&amp;efault:</source>
        <translation>По &amp;умолчанию:</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="189"/>
        <source>No codelist: any code is accepted.</source>
        <translation>Нет списка кодов: принимается любой код.</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="190"/>
        <source>Codelist %1: %2</source>
        <translation>Список кодов %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="201"/>
        <source>Open a sample to profile the values of the source column</source>
        <translation>Откройте образец, чтобы профилировать значения исходного столбца</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="202"/>
        <source>Read the distinct values of %1 from %2 and pre-fill the codes that match the codelist</source>
        <translation>Прочитать различные значения %1 из %2 и заполнить коды, совпадающие со списком кодов</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="219"/>
        <source>Reading the values of %1 from %2…</source>
        <translation>Чтение значений %1 из %2…</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="270"/>
        <source>The values could not be read: %1</source>
        <translation>Не удалось прочитать значения: %1</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="276"/>
        <source>%1: %2 distinct values in %3 rows (%4 empty).</source>
        <translation>%1: различных значений %2 в %3 строках (%4 пустых).</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="281"/>
        <source>Only the first %1 distinct values are shown; %2 more rows have other values.</source>
        <translation>Показаны только первые %1 различных значений; ещё %2 строк содержат другие значения.</translation>
    </message>
    <message>
        <location filename="../ui/designer/ValueMapEditor.cpp" line="286"/>
        <source>Pre-fill the value map from the values of %1</source>
        <translation>Заполнить таблицу значений по значениям %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/ValueMapEditor.cpp" line="320"/>
        <source>%n value(s) without a code.</source>
        <translation>
            <numerusform>%n значение без кода.</numerusform>
            <numerusform>%n значения без кода.</numerusform>
            <numerusform>%n значений без кода.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/designer/ValueMapEditor.cpp" line="322"/>
        <source>%n code(s) outside the codelist.</source>
        <translation>
            <numerusform>%n код вне списка кодов.</numerusform>
            <numerusform>%n кода вне списка кодов.</numerusform>
            <numerusform>%n кодов вне списка кодов.</numerusform>
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
<context>
    <name>tb::ui::WorkspaceSecrets</name>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="101"/>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="103"/>
        <source>Secrets: not open</source>
        <translation>Секреты: не открыто</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="102"/>
        <source>Secrets: opening…</source>
        <translation>Секреты: открывается…</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="106"/>
        <source>Secrets: keychain</source>
        <translation>Секреты: связка ключей</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="107"/>
        <source>Secrets: vault (configured)</source>
        <translation>Секреты: сейф (настроен)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="107"/>
        <source>Secrets: vault (no keychain answered)</source>
        <translation>Секреты: сейф (связка ключей не ответила)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="115"/>
        <source>No workspace is open.</source>
        <translation>Рабочее пространство не открыто.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="116"/>
        <source>Choosing where the secrets are kept…</source>
        <translation>Выбирается, где хранить секреты…</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="117"/>
        <source>The secret store could not be opened: %1</source>
        <translation>Не удалось открыть хранилище секретов: %1</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="119"/>
        <source>Secrets are kept in the %1: %2.</source>
        <translation>Секреты хранятся здесь: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="167"/>
        <source>%1=%2: cannot read the passphrase file: %3</source>
        <translation>%1=%2: не удаётся прочитать файл парольной фразы: %3</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="176"/>
        <source>%1=%2: the passphrase file is empty</source>
        <translation>%1=%2: файл парольной фразы пуст</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="199"/>
        <source>no passphrase was given for the vault %1 (set %2 to read it from a file)</source>
        <translation>для сейфа %1 не указана парольная фраза (задайте %2, чтобы читать её из файла)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="211"/>
        <source>no secret store</source>
        <translation>нет хранилища секретов</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="224"/>
        <source>Wrong passphrase: try again.</source>
        <translation>Неверная парольная фраза: попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="252"/>
        <source>cannot sign the audit trail: %1 — nothing was loaded (the workspace&apos;s signing key is kept in the secret store, see docs/audit.md)</source>
        <translation>не удаётся подписать журнал аудита: %1 — ничего не загружено (ключ подписи рабочего пространства хранится в хранилище секретов, см. docs/audit.md)</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="266"/>
        <source>the secret store cannot be opened: %1</source>
        <translation>хранилище секретов нельзя открыть: %1</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="267"/>
        <source>no workspace is open</source>
        <translation>рабочее пространство не открыто</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="269"/>
        <source>the pipeline belongs to the workspace %1, whose secrets are not open here: open that workspace to run it</source>
        <translation>конвейер относится к рабочему пространству %1, секреты которого здесь не открыты: откройте это рабочее пространство, чтобы запустить его</translation>
    </message>
    <message>
        <location filename="../ui/secrets/WorkspaceSecrets.cpp" line="304"/>
        <source>cannot sign the audit trail: the console closed its secret store — nothing was loaded</source>
        <translation>не удаётся подписать журнал аудита: консоль закрыла хранилище секретов — ничего не загружено</translation>
    </message>
</context>
</TS>
