// Tool for tests/bench/odm_bench.sh:
//   tb_odm_bench generate FILE MB   writes an ODM 1.3 Snapshot of about MB megabytes (OpenClinica-like:
//                                   metadata, vendor attributes, visits, forms, repeating AE groups)
//   tb_odm_bench bare FILE          the floor: a QXmlStreamReader loop that only counts the clinical elements
//   tb_odm_bench reader FILE        OdmReader delivering every record
// The two readers print the same counts, so the script can check that they saw the same file.

#include "source/OdmReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QXmlStreamReader>

#include <cstdio>

using namespace tb::core;

namespace {

int generate(const QString& path, qint64 megabytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(f.errorString()));
        return 1;
    }
    QByteArray b;
    b += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:OpenClinica=\"http://www.openclinica.org/ns/odm_ext_v130/v3.1\" "
         "ODMVersion=\"1.3\" FileType=\"Snapshot\" FileOID=\"BENCH.1\" CreationDateTime=\"2026-01-01T00:00:00\">\n"
         "<Study OID=\"S_BENCH\"><GlobalVariables><StudyName>Benchmark</StudyName><StudyDescription>x</StudyDescription>"
         "<ProtocolName>BENCH</ProtocolName></GlobalVariables>\n<MetaDataVersion OID=\"v1\" Name=\"v1\">\n"
         "<ItemGroupDef OID=\"IG_VS\" Name=\"Vitals\" Repeating=\"No\"/>\n"
         "<ItemGroupDef OID=\"IG_AE\" Name=\"AE Log\" Repeating=\"Yes\"/>\n"
         "</MetaDataVersion></Study>\n";
    const qint64 target = megabytes * 1024 * 1024;
    qint64 written = 0;
    int site = 0;
    for (int subject = 0; written + b.size() < target; ++subject) {
        if (subject % 500 == 0) {
            if (subject > 0)
                b += "</ClinicalData>\n";
            b += "<ClinicalData StudyOID=\"S_BENCH\" MetaDataVersionOID=\"v1\">\n";
            ++site;
        }
        const QByteArray key = QByteArray::number(subject);
        b += "<SubjectData SubjectKey=\"SS_" + key + "\" OpenClinica:StudySubjectID=\"" + key
            + "\" OpenClinica:Status=\"available\" OpenClinica:Sex=\"" + (subject % 2 ? "m" : "f") + "\">\n"
            "<SiteRef LocationOID=\"SITE_" + QByteArray::number(site) + "\"/>\n";
        for (int visit = 1; visit <= 6; ++visit) {
            b += "<StudyEventData StudyEventOID=\"SE_V" + QByteArray::number(visit) + "\" OpenClinica:StartDate=\"2026-0"
                + QByteArray::number(visit) + "-1" + QByteArray::number(subject % 10) + "\">\n"
                "<FormData FormOID=\"F_VITALS\" OpenClinica:Version=\"v1\" OpenClinica:Status=\"data entry complete\">\n"
                "<ItemGroupData ItemGroupOID=\"IG_VS\" ItemGroupRepeatKey=\"1\" TransactionType=\"Insert\">\n";
            static const char* const items[] = {"I_SYSBP", "I_DIABP", "I_PULSE", "I_TEMP", "I_WEIGHT", "I_HEIGHT"};
            int n = 0;
            for (const char* item : items)
                b += QByteArray("<ItemData ItemOID=\"") + item + "\" Value=\"" + QByteArray::number(60 + (subject * 7 + visit * 13 + n++) % 90) + "\"/>\n";
            b += "</ItemGroupData>\n</FormData>\n";
            if (visit % 2 == 0) {
                b += "<FormData FormOID=\"F_AE\">\n";
                for (int ae = 1; ae <= 2; ++ae)
                    b += "<ItemGroupData ItemGroupOID=\"IG_AE\" ItemGroupRepeatKey=\"" + QByteArray::number(ae)
                        + "\" TransactionType=\"Insert\">\n<ItemData ItemOID=\"I_AETERM\" Value=\"HEADACHE &amp; NAUSEA\"/>\n"
                          "<ItemData ItemOID=\"I_AESEV\" Value=\"MILD\"/>\n<ItemData ItemOID=\"I_AESTDTC\" Value=\"2026-02-1"
                        + QByteArray::number(ae) + "\"/>\n</ItemGroupData>\n";
                b += "</FormData>\n";
            }
            b += "</StudyEventData>\n";
        }
        b += "</SubjectData>\n";
        if (b.size() > (1 << 20)) {
            f.write(b);
            written += b.size();
            b.clear();
        }
    }
    b += "</ClinicalData>\n</ODM>\n";
    f.write(b);
    return f.flush() ? 0 : 1;
}

int bare(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    QXmlStreamReader xml;
    qint64 counts[4] = {0, 0, 0, 0};
    qint64 items = 0;
    for (;;) {
        const QXmlStreamReader::TokenType t = xml.readNext();
        if (t == QXmlStreamReader::Invalid) {
            if (xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
                return 1;
            const QByteArray chunk = f.read(OdmReader::ReadChunk);
            if (chunk.isEmpty())
                break;
            xml.addData(chunk);
            continue;
        }
        if (t == QXmlStreamReader::EndDocument)
            break;
        if (t != QXmlStreamReader::StartElement)
            continue;
        const QStringView n = xml.name();
        if (n == QLatin1StringView("SubjectData"))
            ++counts[0];
        else if (n == QLatin1StringView("StudyEventData"))
            ++counts[1];
        else if (n == QLatin1StringView("FormData"))
            ++counts[2];
        else if (n == QLatin1StringView("ItemGroupData"))
            ++counts[3];
        else if (n == QLatin1StringView("ItemData"))
            ++items;
    }
    std::printf("subjects %lld events %lld forms %lld groups %lld items %lld\n", counts[0], counts[1], counts[2],
                counts[3], items);
    return 0;
}

int reader(const QString& path)
{
    OdmReader r;
    if (!r.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
        return 1;
    }
    qint64 records = 0;
    qint64 items = 0;
    while (r.next()) {
        ++records;
        if (r.record().level == OdmClinicalRecord::Level::ItemGroup)
            items += qint64(r.record().items.size());
    }
    if (r.hasError()) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
        return 1;
    }
    const OdmCounts& c = r.counts();
    std::printf("subjects %lld events %lld forms %lld groups %lld items %lld\n", c.subjects, c.studyEvents, c.forms,
                c.itemGroups, items);
    return records > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QLatin1String("generate"))
        return generate(args[2], args[3].toLongLong());
    if (args.size() == 3 && args[1] == QLatin1String("bare"))
        return bare(args[2]);
    if (args.size() == 3 && args[1] == QLatin1String("reader"))
        return reader(args[2]);
    std::fprintf(stderr, "usage: tb_odm_bench generate FILE MB | bare FILE | reader FILE\n");
    return 2;
}
