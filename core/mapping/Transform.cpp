#include "mapping/Transform.h"

#include "model/Record.h"
#include "model/ReferenceData.h"
#include "study/StudyConfig.h"

namespace tb::core {

QString TransformContext::studyId() const
{
    if (record) {
        const QString& s = record->value(record->entity->studyField);
        if (!s.isNull())
            return s;
    }
    return study ? study->studyId() : QString();
}

QString TransformContext::siteId() const
{
    QString site;
    if (record)
        site = record->value(record->entity->siteField);
    if (site.isNull() && unitRoot)
        site = unitRoot->value(unitRoot->entity->siteField);
    return site;
}

QString TransformContext::siteTimeZone() const
{
    const QString site = siteId();
    return site.isNull() || !reference ? QString() : reference->siteTimeZone(studyId(), site);
}

} // namespace tb::core
