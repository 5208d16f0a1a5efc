#pragma once

#include "connection/ConnectionTestResult.h"
#include "workspace/Workspace.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tb::core {
class ConnectionListModel;
class ConnectionTester;
class SecretStore;
}

namespace tb::ui {

class ConnectionEditor;

// The workspace's connection profiles: create, edit, test and delete them. Secrets go to the secret store
// through the editor; Test runs ConnectionTester and shows its specific outcome; Delete removes the file and
// the connection's secrets. Every action has a button, a shortcut and a context-menu entry.
class ConnectionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionsPage(QWidget* parent = nullptr);
    ~ConnectionsPage() override;

    void setWorkspace(const core::Workspace& workspace);
    // The workspace's secret store; null while it is not open, with the reason in problem.
    // canRetry: opening failed and may be tried again (a button asks for it: openStoreRequested).
    void setSecretStore(core::SecretStore* store, const QString& problem, bool canRetry = false);
    // Re-reads the profiles and the names stored in the secret store.
    void refresh();

    core::ConnectionListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString selectedName() const;
    bool selectConnection(const QString& name);
    ConnectionEditor* editor() const;
    bool isTesting() const;
    QProgressBar* busyIndicator() const { return m_busy; }
    QLabel* resultLabel() const { return m_result; }

    void newConnection();
    void editConnection();
    void testConnection();
    void deleteConnection();

signals:
    void testFinished(const QString& name, const tb::core::ConnectionTestResult& result);
    void connectionsChanged();  // a profile was saved or deleted
    void storedSecretsUpdated(); // the names in the store were read again
    void deleteFinished(const QString& name, bool ok);
    void openStoreRequested();

private:
    void updateActions();
    void listStoredSecrets();
    void showSelected();
    void showResult(const QString& name, const core::ConnectionTestResult& result);
    void showMessage(const QString& html);
    void openEditor(const QString& path);
    void removeSecrets(const QString& name, const QString& path, QStringList names, QStringList failed);
    void finishDelete(const QString& name, const QString& path, const QStringList& failed, bool storeClosed);

    core::Workspace m_workspace;
    QPointer<core::SecretStore> m_store;
    QString m_storeProblem;
    QStringList m_storedNames;
    core::ConnectionListModel* m_model;
    QPointer<core::ConnectionTester> m_tester;
    QPointer<ConnectionEditor> m_editor;
    bool m_deleting = false;
    quint64 m_listGeneration = 0;

    QLabel* m_title;
    QLabel* m_storeStatus;
    QPushButton* m_openStore;
    QTableView* m_table;
    QAction* m_new;
    QAction* m_edit;
    QAction* m_test;
    QAction* m_delete;
    QPushButton* m_newButton;
    QPushButton* m_editButton;
    QPushButton* m_testButton;
    QPushButton* m_deleteButton;
    QProgressBar* m_busy;
    QLabel* m_result;
};

} // namespace tb::ui
