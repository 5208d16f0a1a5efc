#include "model/EntityDef.h"

namespace tb::core {

int EntityDef::indexOf(const QString& fieldName) const
{
    for (int i = 0; i < fields.size(); ++i)
        if (fields[i].name == fieldName)
            return i;
    return -1;
}

const FieldDef* EntityDef::field(const QString& fieldName) const
{
    const int i = indexOf(fieldName);
    return i < 0 ? nullptr : &fields[i];
}

QStringList EntityDef::keyNames() const
{
    QStringList names;
    for (int i : keyFields)
        names << fields[i].name;
    return names;
}

QStringList EntityDef::fieldNames() const
{
    QStringList names;
    for (const FieldDef& f : fields)
        names << f.name;
    return names;
}

} // namespace tb::core
