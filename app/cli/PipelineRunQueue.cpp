#include "PipelineRunQueue.h"

#include <QThread>

#include <memory>

namespace tb::cli {

PipelineRunQueue::PipelineRunQueue(Runner runner, QObject* parent) : QObject(parent), m_runner(std::move(runner)) {}

PipelineRunQueue::~PipelineRunQueue()
{
    // The threads are children: wait for them rather than destroying a running QThread.
    for (QThread* t : findChildren<QThread*>())
        t->wait();
}

QStringList PipelineRunQueue::running() const
{
    QStringList names(m_running.begin(), m_running.end());
    names.sort();
    return names;
}

void PipelineRunQueue::request(const QString& name, const QString& pipelinePath)
{
    if (m_stopping)
        return;
    if (m_running.contains(name)) {
        m_followUps.insert(name, pipelinePath);
        return;
    }
    start(name, pipelinePath, false);
}

void PipelineRunQueue::stop()
{
    m_stopping = true;
    m_followUps.clear();
    if (m_running.isEmpty())
        emit idle();
}

void PipelineRunQueue::start(const QString& name, const QString& pipelinePath, bool followUp)
{
    m_running.insert(name);
    auto result = std::make_shared<tb::core::RunResult>();
    QThread* thread = QThread::create([runner = m_runner, pipelinePath, result] { *result = runner(pipelinePath); });
    thread->setParent(this);
    connect(thread, &QThread::finished, this, [this, thread, name, result] {
        thread->deleteLater();
        m_running.remove(name);
        emit finished(name, *result);
        if (!m_stopping && m_followUps.contains(name)) {
            const QString path = m_followUps.take(name);
            start(name, path, true);
        } else if (m_running.isEmpty()) {
            emit idle();
        }
    });
    emit started(name, followUp);
    thread->start();
}

} // namespace tb::cli
