// The date and number transforms. Input: line 1 the transform ("date" or "number"), line 2 its parameters
// (JSON; anything else is taken as a string shorthand), the rest the value. Invariants: parameters are
// accepted or refused with a message; applying never crashes and fails only with a rule and a message;
// a number's canonical text is canonical again; a converted date is ISO 8601 that the "iso" format reads
// back unchanged.
#include "FuzzSupport.h"

#include "mapping/TransformFactory.h"
#include "mapping/transforms/NumberTransform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace tb::core;

namespace {

Record subjectAt(const QString& site)
{
    Record r(tb::fuzz::schema()->entity(QStringLiteral("subject")));
    r.setValue(QStringLiteral("study_id"), QStringLiteral("S1"));
    r.setValue(QStringLiteral("subject_id"), QStringLiteral("101-00001"));
    r.setValue(QStringLiteral("site_id"), site);
    r.setValue(QStringLiteral("reference_start_date"), QStringLiteral("2024-03-01"));
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype first = input.indexOf('\n');
    if (first < 0)
        return 0;
    const qsizetype second = input.indexOf('\n', first + 1);
    const QByteArray name = input.left(first).trimmed();
    const QByteArray paramsText =
        second < 0 ? input.mid(first + 1) : input.mid(first + 1, second - first - 1);
    const QString value = second < 0 ? QString() : QString::fromUtf8(input.mid(second + 1));
    if (name != "date" && name != "number")
        return 0;

    QJsonParseError pe;
    const QJsonDocument params = QJsonDocument::fromJson("[" + paramsText + "]", &pe);
    const QJsonValue p = pe.error == QJsonParseError::NoError && params.array().size() == 1
                             ? params.array().at(0)
                             : QJsonValue(QString::fromUtf8(paramsText));
    QString error;
    const auto t = TransformFactory::create(TransformSpec{QString::fromLatin1(name), p}, &error);
    if (!t) {
        TB_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a message"));
        return 0;
    }

    static tb::fuzz::FixedReference reference;
    static const Record subjects[] = {subjectAt(QStringLiteral("DE01")), subjectAt(QStringLiteral("US01")),
                                      subjectAt(QStringLiteral("XX99"))};
    for (const Record& subject : subjects) {
        Record visit(tb::fuzz::schema()->entity(QStringLiteral("visit")));
        visit.setValue(QStringLiteral("study_id"), QStringLiteral("S1"));
        TransformContext ctx;
        ctx.study = tb::fuzz::study().get();
        ctx.reference = &reference;
        ctx.record = &visit;
        ctx.unitRoot = &subject;
        Values values{value.isEmpty() ? QString() : value};
        if (!t->apply(values, ctx)) {
            TB_FUZZ_CHECK(!ctx.failedRule.isEmpty() && !ctx.failedMessage.isEmpty(),
                          QStringLiteral("failed silently"));
            continue;
        }
        TB_FUZZ_CHECK(values.size() == 1, QStringLiteral("%1 values").arg(values.size()));
        const QString out = values.first();
        if (out.isNull())
            continue;
        if (name == "number") {
            const QString again = NumberTransform::canonical(out, QLatin1Char('.'), QChar(), false);
            TB_FUZZ_CHECK(again == out, QStringLiteral("'%1' → '%2' → '%3'").arg(value, out, again));
        } else {
            static const auto iso = TransformFactory::create(
                TransformSpec{QStringLiteral("date"),
                              QJsonObject{{QStringLiteral("format"), QStringLiteral("iso")}}},
                &error);
            Values back{out};
            TransformContext plain;
            plain.study = ctx.study;
            TB_FUZZ_CHECK(iso->apply(back, plain) && back.first() == out,
                          QStringLiteral("'%1' → '%2', read back as '%3' (%4)")
                              .arg(value, out, back.first(), plain.failedMessage));
        }
    }
    // Number canonicalisation on its own, with both decimal separators.
    for (const QChar decimal : {QLatin1Char('.'), QLatin1Char(',')}) {
        const QString c = NumberTransform::canonical(value, decimal, QChar(), false);
        if (!c.isNull())
            TB_FUZZ_CHECK(NumberTransform::canonical(c, QLatin1Char('.'), QChar(), false) == c,
                          QStringLiteral("'%1' → '%2' is not canonical").arg(value, c));
    }
    return 0;
}
