#pragma once

#include "mapping/Transform.h"

#include <QJsonValue>

#include <memory>

namespace tb::core {

// Transforms that turn several values into one:
//   format   {"format": "V{0}"} or {"format": {"pattern": "{0}-{1}"}}: placeholders {0}, {1}, ...; null when
//            a placeholder's value is missing
//   concat   {"concat": {"separator": " "}}: the present values joined
//   coalesce {"coalesce": {}}: the first present value
class CombineTransform final : public Transform
{
public:
    enum class Kind { Format, Concat, Coalesce };

    static std::shared_ptr<const Transform> create(Kind kind, const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;
    bool combines() const override { return true; }

private:
    struct Piece
    {
        QString text;
        int index = -1; // >= 0: a placeholder
    };

    Kind m_kind = Kind::Concat;
    QString m_separator;
    QVector<Piece> m_pieces;
};

} // namespace tb::core
