#include "mapping/transforms/NumberTransform.h"

#include <QJsonObject>

namespace tb::core {

std::shared_ptr<const Transform> NumberTransform::create(const QJsonValue& params, QString* error)
{
    const QJsonObject o = params.toObject();
    auto t = std::make_shared<NumberTransform>();
    const QString dec = o.value(QLatin1String("decimal")).toString(QStringLiteral("."));
    const QString th = o.value(QLatin1String("thousands")).toString();
    if (dec != QLatin1String(".") && dec != QLatin1String(",")) {
        *error = QStringLiteral("\"decimal\" must be \".\" or \",\"");
        return nullptr;
    }
    if (th.size() > 1 || th == dec || (!th.isEmpty() && !QStringLiteral(".,' ").contains(th))) {
        *error = QStringLiteral("\"thousands\" must be one of \".\", \",\", \"'\", \" \" and differ from \"decimal\"");
        return nullptr;
    }
    t->m_decimal = dec.front();
    t->m_thousands = th.isEmpty() ? QChar() : th.front();
    t->m_integer = o.value(QLatin1String("integer")).toBool();
    return t;
}

QString NumberTransform::canonical(QStringView s, QChar decimal, QChar thousands, bool integer)
{
    QString intPart, fracPart;
    bool negative = false, seenDecimal = false, seenDigit = false;
    qsizetype i = 0;
    if (i < s.size() && (s[i] == u'-' || s[i] == u'+')) {
        negative = s[i] == u'-';
        ++i;
    }
    for (; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.unicode() >= u'0' && c.unicode() <= u'9') {
            (seenDecimal ? fracPart : intPart) += c;
            seenDigit = true;
        } else if (c == decimal && !seenDecimal) {
            seenDecimal = true;
        } else if (!thousands.isNull() && c == thousands && !seenDecimal && seenDigit) {
            continue;
        } else {
            return {};
        }
    }
    if (!seenDigit)
        return {};
    while (intPart.size() > 1 && intPart.front() == u'0')
        intPart.remove(0, 1);
    if (intPart.isEmpty())
        intPart = QStringLiteral("0");
    while (!fracPart.isEmpty() && fracPart.back() == u'0')
        fracPart.chop(1);
    if (integer && !fracPart.isEmpty())
        return {};
    QString out = intPart;
    if (!fracPart.isEmpty())
        out += QLatin1Char('.') + fracPart;
    if (negative && out != QLatin1String("0"))
        out.prepend(QLatin1Char('-'));
    return out;
}

bool NumberTransform::apply(Values& values, TransformContext& ctx) const
{
    for (QString& v : values) {
        if (v.isNull())
            continue;
        const QString c = canonical(v, m_decimal, m_thousands, m_integer);
        if (c.isNull())
            return ctx.fail(QStringLiteral("number"),
                            QStringLiteral("'%1' is not %2 written with '%3' as decimal mark: correct the source or "
                                           "the mapping's number format")
                                .arg(v, m_integer ? QStringLiteral("a whole number") : QStringLiteral("a number"),
                                     QString(m_decimal)));
        v = c;
    }
    return true;
}

} // namespace tb::core
