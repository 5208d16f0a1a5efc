#include "source/http/RestRecordSource.h"

#include "util/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace tb::core {

RestRecordSource::RestRecordSource(RestSourceConfig config)
    : m_config(std::move(config)), m_fetcher(m_config.tls, m_config.policy)
{
}

RestRecordSource::~RestRecordSource() = default;

QString RestRecordSource::scalarText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 9007199254740992.0)
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    default: return {};
    }
}

bool RestRecordSource::open(const QString&)
{
    m_error = SourceError();
    m_header.clear();
    m_newCursor.clear();
    m_rows = 0;
    QString error;
    if (!pull() || !m_spill.finish(&error)) {
        m_newCursor.clear(); // a failed pull never moves the cursor
        return m_error.isNull() ? fail(error) : false;
    }
    return true;
}

void RestRecordSource::setDecodedColumns(std::vector<bool> columns)
{
    if (!columns.empty())
        columns.back() = true; // "@where", for recordText()
    m_spill.reader().setDecodedColumns(std::move(columns));
}

QByteArrayView RestRecordSource::recordText() const
{
    const QByteArrayView text = m_spill.reader().recordText();
    const std::vector<QString>& f = m_spill.reader().fields();
    // A removal keeps its "@where": it must never look like a row that only has the same key.
    if (f.empty() || operation() == Operation::Remove)
        return text;
    // The spill file wrote "@where" last, with this very encoding.
    QByteArray where;
    CsvDialect::appendField(where, f.back());
    return where.size() < text.size() ? text.first(text.size() - where.size() - 1) : text;
}

bool RestRecordSource::next()
{
    return m_error.isNull() && !m_header.isEmpty() && m_spill.reader().next();
}

RecordPosition RestRecordSource::position() const
{
    return {m_spill.reader().recordOffset(), m_spill.reader().recordLine(), 0};
}

SourceLocation RestRecordSource::location() const
{
    const std::vector<QString>& f = m_spill.reader().fields();
    SourceLocation l;
    l.file = displayUrl();
    if (!f.empty() && f.size() == size_t(m_header.size()))
        l.field = f.back();
    return l;
}

bool RestRecordSource::seek(const RecordPosition& p)
{
    return m_error.isNull() && !m_header.isEmpty() && m_spill.reader().seek(p.offset, p.line);
}

bool RestRecordSource::startSpill(const QStringList& columns)
{
    m_header = columns;
    m_header << QStringLiteral("@where");
    QString error;
    if (!m_spill.create(m_header, QStringLiteral("records of %1").arg(displayUrl()), &error)) {
        m_header.clear();
        return fail(error);
    }
    return true;
}

bool RestRecordSource::spillRow(std::vector<QString>& row, const QString& where)
{
    // JSON may carry "\u0000"; no source loads a NUL (the spill file's reader would refuse it later, naming
    // only the temporary file).
    const auto nul = [&](const QString& what) {
        return fail(QStringLiteral("%1: %2: %3 holds a NUL character — nothing was loaded")
                        .arg(displayUrl(), QString(where).replace(QChar(0), QLatin1String("\\0")), what),
                    false);
    };
    for (size_t i = 0; i < row.size(); ++i)
        if (row[i].contains(QChar(0)))
            return nul(QStringLiteral("the field \"%1\"").arg(m_header.value(qsizetype(i))));
    if (where.contains(QChar(0)))
        return nul(QStringLiteral("the record's place"));
    row.push_back(where);
    const bool ok = m_spill.append(row);
    row.pop_back();
    ++m_rows;
    return ok || fail(QStringLiteral("cannot write the temporary file of records from %1").arg(displayUrl()));
}

bool RestRecordSource::fail(const QString& message, bool atUrl)
{
    QString text = Redactor::global().redact(message);
    if (m_config.credential.size() >= 4) {
        // Masked even when no secret store registered it (tests, a caller that forgot).
        text.replace(QString::fromUtf8(m_config.credential), QLatin1String(Redactor::Mask));
        text.replace(QString::fromLatin1(m_config.credential.toPercentEncoding()), QLatin1String(Redactor::Mask));
    }
    m_error = SourceError();
    if (atUrl)
        m_error.where.file = displayUrl();
    m_error.message = text;
    m_header.clear();
    return false;
}

bool RestRecordSource::failFetch()
{
    return fail(m_fetcher.error(), false);
}

} // namespace tb::core
