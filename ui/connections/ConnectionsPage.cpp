#include "connections/ConnectionsPage.h"

#include "connection/ConnectionListModel.h"
#include "connection/ConnectionTester.h"
#include "connections/ConnectionEditor.h"
#include "secrets/SecretStore.h"
#include "style/ThemedIcon.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::ui {

using core::ConnectionListModel;
using core::ConnectionProfile;
using core::ConnectionTestResult;
using Outcome = ConnectionTestResult::Outcome;

namespace {

// Every field a connection may have a secret for: Delete removes them all, also those left by an earlier
// authentication method, and nothing else (the audit signing key shares the store).
const QStringList SecretFields{QStringLiteral("token"), QStringLiteral("password"), QStringLiteral("private_key"),
                               QStringLiteral("signing_secret")};

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

ConnectionsPage::ConnectionsPage(QWidget* parent) : QWidget(parent), m_model(new ConnectionListModel(this))
{
    setObjectName(QStringLiteral("connectionsPage"));
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("connectionsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_storeStatus = new QLabel;
    m_storeStatus->setObjectName(QStringLiteral("storeStatus"));
    m_storeStatus->setWordWrap(true);
    m_openStore = new QPushButton(tr("&Open Secret Store…"));
    m_openStore->setObjectName(QStringLiteral("openSecretStore"));
    m_openStore->setToolTip(tr("Try again to open the secret store (asks for the vault's passphrase)"));
    m_openStore->setVisible(false);
    connect(m_openStore, &QPushButton::clicked, this, &ConnectionsPage::openStoreRequested);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("connectionTable"));
    m_table->setAccessibleName(tr("Connections"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ConnectionListModel::Target, QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    const auto action = [this](const QString& text, const QKeySequence& key, const char* icon,
                               const QString& tip, void (ConnectionsPage::*slot)()) {
        auto* a = new QAction(ThemedIcon::get(QLatin1String(icon)), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_table->addAction(a);
        return a;
    };
    m_new = action(tr("&New…"), QKeySequence::New, "new", tr("Create a connection"),
                   &ConnectionsPage::newConnection);
    m_edit = action(tr("&Edit…"), QKeySequence(Qt::Key_F2), "edit",
                    tr("Edit the selected connection"), &ConnectionsPage::editConnection);
    m_test = action(tr("&Test"), QKeySequence(Qt::CTRL | Qt::Key_T), "connections",
                    tr("Test the selected connection with its stored secrets"), &ConnectionsPage::testConnection);
    m_delete = action(tr("&Delete…"), QKeySequence::Delete, "delete",
                      tr("Delete the selected connection and its secrets"), &ConnectionsPage::deleteConnection);
    // Enter on a row (or a double click) edits it.
    connect(m_table, &QTableView::activated, this, [this] { editConnection(); });

    const auto button = [](QAction* a, const QString& name) {
        auto* b = new QPushButton(a->icon(), a->text());
        b->setObjectName(name);
        b->setToolTip(a->toolTip());
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        return b;
    };
    m_newButton = button(m_new, QStringLiteral("newConnection"));
    m_editButton = button(m_edit, QStringLiteral("editConnection"));
    m_testButton = button(m_test, QStringLiteral("testConnection"));
    m_deleteButton = button(m_delete, QStringLiteral("deleteConnection"));

    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("testBusy"));
    m_busy->setRange(0, 0); // busy: no known end
    m_busy->setMaximumWidth(160);
    m_busy->setMaximumHeight(16);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Testing"));
    m_busy->setVisible(false);
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 5);
    m_result->setAccessibleName(tr("Test result"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_testButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    buttons->addWidget(m_busy);

    auto* resultFrame = new QFrame;
    resultFrame->setFrameShape(QFrame::StyledPanel);
    auto* resultLayout = new QVBoxLayout(resultFrame);
    resultLayout->addWidget(m_result);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    auto* storeRow = new QHBoxLayout;
    storeRow->addWidget(m_storeStatus, 1);
    storeRow->addWidget(m_openStore, 0, Qt::AlignTop);
    layout->addLayout(storeRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(resultFrame);
    setTabOrder(m_table, m_newButton);
    setTabOrder(m_newButton, m_editButton);
    setTabOrder(m_editButton, m_testButton);
    setTabOrder(m_testButton, m_deleteButton);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        showSelected();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectionsPage::updateActions);
    setSecretStore(nullptr, tr("no workspace is open"));
    setWorkspace(core::Workspace());
}

ConnectionsPage::~ConnectionsPage() = default;

void ConnectionsPage::setWorkspace(const core::Workspace& workspace)
{
    const bool same = m_workspace.isValid() && workspace.isValid()
                      && QDir(m_workspace.dir()).absolutePath() == QDir(workspace.dir()).absolutePath();
    m_workspace = workspace;
    if (!same)
        m_model->clear();
    m_title->setText(workspace.isValid() ? tr("Connections of %1").arg(workspace.name()) : tr("No workspace"));
    if (!same)
        showMessage(workspace.isValid() ? tr("Select a connection to see its last test, or create one with New.")
                                        : QString());
    refresh();
}

void ConnectionsPage::setSecretStore(core::SecretStore* store, const QString& problem, bool canRetry)
{
    m_store = store;
    m_storeProblem = problem;
    m_openStore->setVisible(!store && canRetry);
    if (store)
        m_storeStatus->setText(tr("Secrets are kept in the %1; they are never written to the connection files.")
                                   .arg(store->description()));
    else
        m_storeStatus->setText(tr("The secret store is not open (%1): secrets cannot be set or tested.").arg(problem));
    listStoredSecrets();
}

void ConnectionsPage::refresh()
{
    const QString selected = selectedName();
    if (m_workspace.isValid())
        m_model->load(m_workspace);
    else
        m_model->clear();
    if (!selected.isEmpty())
        selectConnection(selected);
    if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->selectRow(0);
    listStoredSecrets();
    updateActions();
}

ConnectionEditor* ConnectionsPage::editor() const
{
    return m_editor.data();
}

bool ConnectionsPage::isTesting() const
{
    return !m_tester.isNull();
}

QString ConnectionsPage::selectedName() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(ConnectionListModel::NameRole).toString() : QString();
}

bool ConnectionsPage::selectConnection(const QString& name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    return true;
}

void ConnectionsPage::updateActions()
{
    const bool selected = !selectedName().isEmpty();
    const bool idle = !m_deleting;
    m_new->setEnabled(m_workspace.isValid() && idle);
    m_edit->setEnabled(selected && idle);
    m_test->setEnabled(selected && idle && !isTesting());
    m_delete->setEnabled(selected && idle && !isTesting());
    m_newButton->setEnabled(m_new->isEnabled());
    m_editButton->setEnabled(m_edit->isEnabled());
    m_testButton->setEnabled(m_test->isEnabled());
    m_deleteButton->setEnabled(m_delete->isEnabled());
}

void ConnectionsPage::listStoredSecrets()
{
    const quint64 generation = ++m_listGeneration;
    if (!m_store || !m_workspace.isValid()) {
        m_storedNames.clear();
        m_model->setStoredSecrets({}, false);
        if (m_editor)
            m_editor->setStoredSecrets({});
        emit storedSecretsUpdated();
        return;
    }
    QPointer<ConnectionsPage> self(this);
    m_store->list([self, generation](const core::SecretResult& r) {
        if (!self || generation != self->m_listGeneration)
            return;
        self->m_storedNames = r.ok() ? r.names : QStringList();
        self->m_model->setStoredSecrets(self->m_storedNames, r.ok());
        if (self->m_editor)
            self->m_editor->setStoredSecrets(self->m_storedNames);
        if (!r.ok())
            self->m_storeStatus->setText(tr("The secret store cannot be read: %1").arg(r.message));
        emit self->storedSecretsUpdated();
    });
}

void ConnectionsPage::showMessage(const QString& html)
{
    m_result->setText(html);
}

void ConnectionsPage::showSelected()
{
    if (isTesting())
        return;
    const int row = m_model->rowOf(selectedName());
    if (row < 0)
        return;
    const ConnectionListModel::Entry& e = m_model->entry(row);
    if (!e.errors.isEmpty()) {
        QString html = tr("<b>%1 is not valid</b> — Edit fixes it:").arg(esc(e.profile.name)) + QStringLiteral("<ul>");
        for (const QString& error : e.errors)
            html += QStringLiteral("<li>%1</li>").arg(esc(error));
        showMessage(html + QStringLiteral("</ul>"));
    } else if (e.tested) {
        showResult(e.profile.name, e.lastTest);
    } else {
        showMessage(tr("<b>%1</b> — %2<br>Not tested in this session: Test checks it with its stored secrets.")
                        .arg(esc(e.profile.name), esc(e.profile.target())));
    }
}

void ConnectionsPage::showResult(const QString& name, const ConnectionTestResult& r)
{
    const QString colour = r.ok() ? QStringLiteral("#1b7f3b") : QStringLiteral("#b00020");
    QString html = QStringLiteral("<b style=\"color:%1\">%2: %3</b> <code>[%4]</code>")
                       .arg(colour, esc(name), esc(ConnectionListModel::outcomeTitle(r.outcome)),
                            ConnectionTestResult::outcomeName(r.outcome));
    if (!r.message.isEmpty())
        html += QStringLiteral("<br>") + esc(r.message);
    if (!r.server.isEmpty())
        html += QStringLiteral("<br>") + tr("Server: %1").arg(esc(r.server));
    // The console's own way to store a missing secret comes first.
    const QString hint = r.outcome == Outcome::MissingSecret
                             ? tr("Edit the connection and type the secret (or: %1)").arg(r.hint)
                             : r.hint;
    if (!hint.isEmpty())
        html += QStringLiteral("<br><i>") + tr("Hint: %1").arg(esc(hint)) + QStringLiteral("</i>");
    QStringList where;
    if (!r.target.isEmpty())
        where << esc(r.target);
    if (r.elapsedMs > 0)
        where << tr("%1 ms").arg(r.elapsedMs);
    if (!where.isEmpty())
        html += QStringLiteral("<br><small>%1</small>").arg(where.join(QStringLiteral(" · ")));
    showMessage(html);
}

void ConnectionsPage::newConnection()
{
    if (m_workspace.isValid() && !m_editor)
        openEditor({});
}

void ConnectionsPage::editConnection()
{
    const int row = m_model->rowOf(selectedName());
    if (row >= 0 && !m_editor)
        openEditor(m_model->entry(row).path);
}

void ConnectionsPage::openEditor(const QString& path)
{
    auto* editor = new ConnectionEditor(m_workspace.dir(), m_store, m_storeProblem, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setStoredSecrets(m_storedNames);
    if (path.isEmpty()) {
        editor->editNew();
    } else {
        QString error;
        if (!editor->editExisting(path, &error)) {
            delete editor;
            showMessage(QStringLiteral("<b>%1</b>").arg(esc(error)));
            refresh();
            return;
        }
    }
    connect(editor, &ConnectionEditor::saved, this, [this](const QString& name) {
        refresh();
        selectConnection(name);
        showMessage(tr("Saved the connection <b>%1</b>.").arg(esc(name)));
        emit connectionsChanged();
    });
    m_editor = editor;
    // Not exec(): the page (and its tests) keep running while the editor is open.
    editor->open();
}

void ConnectionsPage::testConnection()
{
    const QString name = selectedName();
    const int row = m_model->rowOf(name);
    if (row < 0 || isTesting())
        return;
    const ConnectionListModel::Entry& e = m_model->entry(row);
    ConnectionTestResult early;
    bool haveEarly = false;
    if (!e.errors.isEmpty()) {
        early = ConnectionTestResult::make(Outcome::InvalidProfile, e.errors.join(QLatin1Char('\n')),
                                           tr("Edit the connection to fix it."));
        haveEarly = true;
    } else if (!e.profile.secretFields().isEmpty() && !m_store) {
        early = ConnectionTestResult::make(Outcome::SecretStore, tr("the secret store is not open: %1").arg(m_storeProblem));
        haveEarly = true;
    }
    if (haveEarly) {
        early.target = e.profile.target();
        m_model->setTestResult(name, early);
        showResult(name, early);
        emit testFinished(name, early);
        return;
    }
    const ConnectionProfile profile = e.profile;
    auto* tester = new core::ConnectionTester(m_store, this);
    m_tester = tester;
    m_model->setTesting(name, true);
    m_busy->setVisible(true);
    showMessage(tr("Testing <b>%1</b> (%2)…").arg(esc(name), esc(profile.target())));
    updateActions();
    tester->test(profile, [this, tester, name](const ConnectionTestResult& result) {
        tester->deleteLater();
        m_tester = nullptr;
        m_busy->setVisible(false);
        const ConnectionTestResult r = result.redacted();
        m_model->setTestResult(name, r);
        if (selectedName() == name || selectedName().isEmpty())
            showResult(name, r);
        updateActions();
        emit testFinished(name, r);
    });
}

void ConnectionsPage::deleteConnection()
{
    const QString name = selectedName();
    const int row = m_model->rowOf(name);
    if (row < 0 || m_deleting || isTesting())
        return;
    const QString path = m_model->entry(row).path;
    QMessageBox box(QMessageBox::Warning, tr("Delete Connection"),
                    tr("Delete the connection %1?").arg(name), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmDelete"));
    box.setInformativeText(
        m_store ? tr("Its file %1 and its secrets in the %2 are removed. This cannot be undone.")
                      .arg(QDir::toNativeSeparators(path), m_store->description())
                : tr("Its file %1 is removed. The secret store is not open, so its secrets stay stored "
                     "(remove them later with \"trialbridge-cli secrets delete\").")
                      .arg(QDir::toNativeSeparators(path)));
    QPushButton* remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    QPushButton* keep = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() != remove)
        return;

    m_deleting = true;
    updateActions();
    if (!m_store) {
        finishDelete(name, path, {tr("the secret store is not open")}, true);
        return;
    }
    // The secrets first: a file without secrets can be made again, secrets without a file are forgotten.
    QPointer<ConnectionsPage> self(this);
    m_store->list([self, name, path](const core::SecretResult& r) {
        if (!self)
            return;
        if (!r.ok()) {
            self->m_deleting = false;
            self->updateActions();
            self->showMessage(tr("<b>%1 was not deleted:</b> its secrets cannot be listed: %2").arg(esc(name), esc(r.message)));
            emit self->deleteFinished(name, false);
            return;
        }
        QStringList names;
        for (const QString& field : SecretFields)
            if (r.names.contains(name + QLatin1Char('/') + field))
                names << name + QLatin1Char('/') + field;
        self->removeSecrets(name, path, names, {});
    });
}

void ConnectionsPage::removeSecrets(const QString& name, const QString& path, QStringList names, QStringList failed)
{
    if (names.isEmpty() || !m_store) {
        finishDelete(name, path, failed, false);
        return;
    }
    const QString secret = names.takeFirst();
    QPointer<ConnectionsPage> self(this);
    m_store->remove(secret, [self, name, path, names, failed, secret](const core::SecretResult& r) mutable {
        if (!self)
            return;
        if (!r.ok() && r.status != core::SecretResult::Status::NotFound)
            failed << QStringLiteral("%1: %2").arg(secret, r.message);
        self->removeSecrets(name, path, names, failed);
    });
}

void ConnectionsPage::finishDelete(const QString& name, const QString& path, const QStringList& failed,
                                   bool storeClosed)
{
    m_deleting = false;
    QFile file(path);
    // A secret that could not be removed keeps the file: Delete can be tried again. Without a store the
    // user was told that the secrets stay.
    const bool ok = (failed.isEmpty() || storeClosed) && file.remove();
    refresh(); // before the message: selecting another row shows that row
    if (ok) {
        showMessage(failed.isEmpty()
                        ? tr("Deleted the connection <b>%1</b> and its secrets.").arg(esc(name))
                        : tr("Deleted the connection <b>%1</b>; its secrets were not removed: %2")
                              .arg(esc(name), esc(failed.join(QStringLiteral("; ")))));
    } else if (!failed.isEmpty() && !storeClosed) {
        showMessage(tr("<b>%1 was not deleted:</b> some of its secrets could not be removed: %2")
                        .arg(esc(name), esc(failed.join(QStringLiteral("; ")))));
    } else {
        showMessage(tr("<b>%1 was not deleted:</b> %2: %3")
                        .arg(esc(name), esc(QDir::toNativeSeparators(path)), esc(file.errorString())));
    }
    emit connectionsChanged();
    emit deleteFinished(name, ok);
}

} // namespace tb::ui
