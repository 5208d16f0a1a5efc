#pragma once

#include "source/drop/DropFolder.h"

namespace tb::core {

// A drop folder on this machine (or a mounted share).
class LocalDropFolder : public DropFolder
{
public:
    explicit LocalDropFolder(const QString& path);

    QString describe() const override { return m_path; }
    bool list(QVector<Entry>* out, QString* error) override;
    bool read(const QString& name, const Sink& sink, QString* error) override;
    bool exists(const QString& relativePath) override;
    bool makeFolder(const QString& name, QString* error) override;
    bool rename(const QString& from, const QString& to, QString* error) override;
    bool write(const QString& relativePath, const QByteArray& bytes, QString* error) override;

private:
    QString pathOf(const QString& relativePath) const { return m_path + QLatin1Char('/') + relativePath; }

    QString m_path;
};

} // namespace tb::core
