#include "MappingCommand.h"

#include "CliApp.h"

#include "mapping/MappingDiff.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace tb::cli {

using namespace tb::core;

namespace {

const QString UsageText = QStringLiteral(
    "Usage: trialbridge-cli mapping diff A B [--json]\n\n"
    "Shows the field-level differences between two mapping documents, usually two revisions of one mapping:\n"
    "each change with its path in the document (fields.visit_date.transforms[0].date.format) and the values\n"
    "before and after; '+' added, '-' removed, '~' changed. Key order and formatting never count.\n"
    "Exit 0 the same, 1 different, 2 usage or a document that cannot be read.\n");

} // namespace

int mappingCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    p.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli mapping"));
    if (!p.parse(full)) {
        err() << "trialbridge-cli mapping: " << p.errorText() << "\nTry 'trialbridge-cli mapping --help'.\n";
        return Usage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out() << UsageText;
        out().flush();
        return Ok;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.value(0) != QLatin1String("diff") || pos.size() != 3) {
        err() << (pos.isEmpty() || pos[0] == QLatin1String("diff") ? UsageText
                                                                     : QStringLiteral("trialbridge-cli mapping: unknown action '%1' (diff)\n").arg(pos[0]));
        return Usage;
    }
    MappingDocument before, after;
    QString error;
    if (!MappingDocument::load(pos[1], &before, &error) || !MappingDocument::load(pos[2], &after, &error)) {
        err() << "trialbridge-cli mapping diff: " << error << "\n";
        return Usage;
    }
    const QList<MappingDiff::Change> changes = MappingDiff::diff(before, after);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const MappingDiff::Change& c : changes)
            list.append(c.toJson());
        out() << QJsonDocument(QJsonObject{{QStringLiteral("before"), pos[1]},
                                           {QStringLiteral("after"), pos[2]},
                                           {QStringLiteral("changes"), list}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << QFileInfo(pos[1]).fileName() << " (" << before.name << ", revision " << before.revision << ") \u2192 "
              << QFileInfo(pos[2]).fileName() << " (" << after.name << ", revision " << after.revision << "): "
              << (changes.isEmpty() ? QStringLiteral("the same") : QStringLiteral("%1 change(s)").arg(changes.size())) << "\n";
        for (const MappingDiff::Change& c : changes)
            out() << "  " << c.toString() << "\n";
    }
    out().flush();
    return changes.isEmpty() ? Ok : Failed;
}

} // namespace tb::cli
