#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/ConnectionTestResult.h"
#include "connection/SftpSession.h"
#include "source/drop/DropFolder.h"

namespace tb::core {

// The remote folder of an sftp connection profile (its "path"), through one SftpSession.
class SftpDropFolder : public DropFolder
{
public:
    explicit SftpDropFolder(const ConnectionProfile& profile);

    // Connects, checks the pinned host key and logs in (see SftpSession); the folder must exist.
    ConnectionTestResult open(const QByteArray& secret);

    QString describe() const override;
    bool list(QVector<Entry>* out, QString* error) override;
    bool read(const QString& name, const Sink& sink, QString* error) override;
    bool exists(const QString& relativePath) override;
    bool makeFolder(const QString& name, QString* error) override;
    bool rename(const QString& from, const QString& to, QString* error) override;
    bool write(const QString& relativePath, const QByteArray& bytes, QString* error) override;

private:
    QByteArray pathOf(const QString& relativePath) const;
    QString failure(const QString& what) const; // "what: <SFTP status>"

    ConnectionProfile m_profile;
    SftpSession m_session;
};

} // namespace tb::core
