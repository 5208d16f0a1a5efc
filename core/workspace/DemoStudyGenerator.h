#pragma once

#include <QJsonArray>
#include <QString>

namespace tb::core {

class RunFeedback;

// Writes a complete demo workspace: a deterministic synthetic study (sites in several countries and
// time zones, subjects, visits on a schedule with realistic jitter, adverse events) exported the way
// EDC systems export it (three CSV dialects, local site times, EDC codes), its mappings, study document
// and pipeline — plus seeded defects at a given rate and a manifest of them (demo-defects.json), so
// that tests can prove every defect is caught and nothing else is.
class DemoStudyGenerator
{
public:
    struct Options
    {
        int subjects = 2000;
        int sites = 12;
        quint64 seed = 1;
        double defectRate = 0.02; // fraction of subjects carrying one seeded defect
    };

    // The defect classes, in the order they are assigned.
    static QStringList defectClasses();

    explicit DemoStudyGenerator(Options options) : m_options(options) {}

    bool write(const QString& dir, QString* error, RunFeedback* feedback = nullptr);

    // What was written (after write()).
    qint64 visitCount() const { return m_visits; }
    qint64 adverseEventCount() const { return m_adverseEvents; }
    const QJsonArray& defects() const { return m_defects; }

private:
    Options m_options;
    qint64 m_visits = 0;
    qint64 m_adverseEvents = 0;
    QJsonArray m_defects;
};

} // namespace tb::core
