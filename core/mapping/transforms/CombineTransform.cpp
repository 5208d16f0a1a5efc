#include "mapping/transforms/CombineTransform.h"

#include <QJsonObject>

namespace tb::core {

std::shared_ptr<const Transform> CombineTransform::create(Kind kind, const QJsonValue& params, QString* error)
{
    auto t = std::make_shared<CombineTransform>();
    t->m_kind = kind;
    const QJsonObject o = params.toObject();
    if (kind == Kind::Concat) {
        t->m_separator = o.value(QLatin1String("separator")).toString();
    } else if (kind == Kind::Format) {
        const QString pattern = params.isString() ? params.toString() : o.value(QLatin1String("pattern")).toString();
        if (pattern.isEmpty()) {
            *error = QStringLiteral("needs a pattern such as \"V{0}\"");
            return nullptr;
        }
        // Compile "V{0}-{1}" into literal and placeholder pieces once; "{{" and "}}" are literal braces.
        QString literal;
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            const QChar c = pattern[i];
            if (c == u'{' && i + 1 < pattern.size() && pattern[i + 1] == u'{') {
                literal += c;
                ++i;
            } else if (c == u'}' && i + 1 < pattern.size() && pattern[i + 1] == u'}') {
                literal += c;
                ++i;
            } else if (c == u'{') {
                const qsizetype close = pattern.indexOf(u'}', i);
                bool ok = false;
                const int index = close > i ? pattern.mid(i + 1, close - i - 1).toInt(&ok) : -1;
                if (!ok || index < 0 || index > 9) {
                    *error = QStringLiteral("pattern \"%1\": placeholders are {0} to {9}").arg(pattern);
                    return nullptr;
                }
                if (!literal.isEmpty())
                    t->m_pieces.append(Piece{literal, -1});
                literal.clear();
                t->m_pieces.append(Piece{QString(), index});
                i = close;
            } else {
                literal += c;
            }
        }
        if (!literal.isEmpty())
            t->m_pieces.append(Piece{literal, -1});
    }
    return t;
}

bool CombineTransform::apply(Values& values, TransformContext& ctx) const
{
    QString result;
    switch (m_kind) {
    case Kind::Coalesce:
        for (const QString& v : values)
            if (!v.isEmpty()) {
                result = v;
                break;
            }
        break;
    case Kind::Concat: {
        bool any = false;
        for (const QString& v : values) {
            if (v.isEmpty())
                continue;
            if (any)
                result += m_separator;
            result += v;
            any = true;
        }
        break;
    }
    case Kind::Format:
        for (const Piece& p : m_pieces) {
            if (p.index < 0) {
                result += p.text;
                continue;
            }
            if (p.index >= values.size())
                return ctx.fail(QStringLiteral("format"),
                                QStringLiteral("the pattern uses {%1} but the field has only %2 source value(s)")
                                    .arg(p.index)
                                    .arg(values.size()));
            if (values[p.index].isNull()) {
                result = QString();
                values.resize(1);
                values[0] = QString();
                return true;
            }
            result += values[p.index];
        }
        break;
    }
    values.resize(1);
    values[0] = result;
    return true;
}

} // namespace tb::core
