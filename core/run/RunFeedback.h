#pragma once

#include <QAtomicInt>
#include <QObject>

namespace tb::core {

// Progress and cancellation for long engine calls (QGIS's feedback pattern): the engine reports and
// polls, the caller (CLI, GUI worker thread) listens and may cancel from any thread.
class RunFeedback : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isCanceled() const { return m_canceled.loadRelaxed() != 0; }
    void setProgress(double percent);
    double progress() const { return m_progress; }
    void report(const QString& message) { emit messageReported(message); }

public slots:
    void cancel() { m_canceled.storeRelaxed(1); }

signals:
    void progressChanged(double percent);
    void messageReported(const QString& message);

private:
    QAtomicInt m_canceled;
    double m_progress = 0;
};

} // namespace tb::core
