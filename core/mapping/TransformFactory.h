#pragma once

#include "mapping/MappingDocument.h"
#include "mapping/Transform.h"

#include <QStringList>

#include <memory>

namespace tb::core {

// Builds transforms from their document form, checking every parameter.
class TransformFactory
{
public:
    // Null and an error ("date: unknown zone 'Europe/Berlinn'") when the spec is not valid.
    static std::shared_ptr<const Transform> create(const TransformSpec& spec, QString* error);
    static QStringList names();
};

} // namespace tb::core
