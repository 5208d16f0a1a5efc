#pragma once

#include "model/EntityDef.h"

#include <QHash>
#include <QSet>
#include <QVector>

#include <memory>

namespace tb::core {

// The canonical CTMS model (resources/schemas/ctms.json): entities in dependency order and codelists.
class CtmsSchema
{
public:
    // Parses a schema document; on failure returns null and sets error (naming the entity and field).
    static std::shared_ptr<const CtmsSchema> fromJson(const QByteArray& json, const QString& fileName,
                                                      QString* error);
    // The schema compiled into the engine.
    static std::shared_ptr<const CtmsSchema> builtIn();

    QString name() const { return m_name; }
    int version() const { return m_version; }
    const QVector<EntityDef>& entities() const { return m_entities; }
    const EntityDef* entity(const QString& name) const;
    int entityIndex(const QString& name) const;
    const QHash<QString, QStringList>& codelists() const { return m_codelists; }
    QStringList codelist(const QString& name) const { return m_codelists.value(name); }

private:
    QString m_name;
    int m_version = 0;
    QVector<EntityDef> m_entities;
    QHash<QString, QStringList> m_codelists;
};

} // namespace tb::core
