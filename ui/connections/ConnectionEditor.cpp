#include "connections/ConnectionEditor.h"

#include "connection/TlsSettings.h"
#include "secrets/SecretStore.h"
#include "util/Crypto.h"
#include "util/Redactor.h"
#include "workspace/Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace tb::ui {

using core::ConnectionProfile;
using Kind = ConnectionProfile::Kind;

namespace {

const QString Suffix = QStringLiteral(".connection.json");
const QStringList AllSecretFields{QStringLiteral("token"), QStringLiteral("password"), QStringLiteral("private_key"),
                                  QStringLiteral("signing_secret")};

QString kindTitle(Kind kind)
{
    switch (kind) {
    case Kind::EdcRest: return ConnectionEditor::tr("EDC REST API");
    case Kind::Redcap: return ConnectionEditor::tr("REDCap");
    case Kind::Sftp: return ConnectionEditor::tr("SFTP server");
    case Kind::Postgresql: return ConnectionEditor::tr("PostgreSQL database");
    case Kind::Erp: return ConnectionEditor::tr("ERP API");
    case Kind::Webhook: return ConnectionEditor::tr("Webhook");
    case Kind::Bi: return ConnectionEditor::tr("BI API");
    }
    return {};
}

QString secretTitle(const QString& field)
{
    if (field == QLatin1String("token"))
        return ConnectionEditor::tr("&Token:");
    if (field == QLatin1String("password"))
        return ConnectionEditor::tr("Pass&word:");
    if (field == QLatin1String("private_key"))
        return ConnectionEditor::tr("Pri&vate key:");
    return ConnectionEditor::tr("Si&gning secret:");
}

bool usesHttpAuth(Kind kind)
{
    return kind == Kind::EdcRest || kind == Kind::Erp || kind == Kind::Bi;
}

bool isHttp(Kind kind)
{
    return kind != Kind::Sftp && kind != Kind::Postgresql;
}

// The form key an error line is about: "edc.connection.json: auth.username: ..." -> "username".
QString keyOfField(const QString& field)
{
    static const QHash<QString, QString> keys{
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("kind"), QStringLiteral("kind")},
        {QStringLiteral("description"), QStringLiteral("description")},
        {QStringLiteral("timeoutSeconds"), QStringLiteral("timeout")},
        {QStringLiteral("url"), QStringLiteral("url")},
        {QStringLiteral("auth"), QStringLiteral("auth")},
        {QStringLiteral("auth.method"), QStringLiteral("auth")},
        {QStringLiteral("auth.username"), QStringLiteral("username")},
        {QStringLiteral("username"), QStringLiteral("username")},
        {QStringLiteral("auth.header"), QStringLiteral("header")},
        {QStringLiteral("test"), QStringLiteral("testPath")},
        {QStringLiteral("test.path"), QStringLiteral("testPath")},
        {QStringLiteral("host"), QStringLiteral("host")},
        {QStringLiteral("port"), QStringLiteral("port")},
        {QStringLiteral("database"), QStringLiteral("database")},
        {QStringLiteral("path"), QStringLiteral("remotePath")},
        {QStringLiteral("hostKey"), QStringLiteral("hostKey")},
        {QStringLiteral("tls.mode"), QStringLiteral("tlsMode")},
        {QStringLiteral("tls"), QStringLiteral("caBundle")},
        {QStringLiteral("tls.caBundle"), QStringLiteral("caBundle")},
        {QStringLiteral("tls.pin"), QStringLiteral("pin")},
    };
    if (field.startsWith(QLatin1String("tls.pin")))
        return QStringLiteral("pin");
    return keys.value(field);
}

} // namespace

ConnectionEditor::ConnectionEditor(const QString& workspaceDir, core::SecretStore* store, const QString& storeProblem,
                                   QWidget* parent)
    : QDialog(parent), m_workspaceDir(workspaceDir), m_store(store), m_storeProblem(storeProblem)
{
    setObjectName(QStringLiteral("connectionEditor"));
    m_generalError = new QLabel;
    m_generalError->setObjectName(QStringLiteral("generalError"));
    m_generalError->setWordWrap(true);
    m_generalError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_generalError->setVisible(false);

    auto* formWidget = new QWidget;
    // A grid rather than a QFormLayout: Qt 6.4's QFormLayout writes out of bounds computing the height of
    // hidden rows that hold word-wrapped labels (the field errors), found with valgrind.
    m_form = new QGridLayout(formWidget);
    m_form->setColumnStretch(1, 1);
    m_form->setVerticalSpacing(6);

    m_name = lineEdit(QStringLiteral("name"), tr("&Name:"), QStringLiteral("edc-prod"));
    m_name->setToolTip(tr("Letters, digits, '.', '_' and '-'. The file is NAME.connection.json and the secrets are "
                          "stored as NAME/FIELD."));
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kind"));
    addRow(QStringLiteral("kind"), tr("&Kind:"), m_kind);
    fillKinds();
    m_description = lineEdit(QStringLiteral("description"), tr("&Description:"));
    m_url = lineEdit(QStringLiteral("url"), tr("&URL:"), QStringLiteral("https://edc.example.org/api/v1/"));
    m_auth = new QComboBox;
    m_auth->setObjectName(QStringLiteral("auth"));
    addRow(QStringLiteral("auth"), tr("&Authentication:"), m_auth);
    m_host = lineEdit(QStringLiteral("host"), tr("&Host:"), QStringLiteral("db.example.org"));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_port->setAccessibleName(tr("Port"));
    addRow(QStringLiteral("port"), tr("&Port:"), m_port);
    m_database = lineEdit(QStringLiteral("database"), tr("Da&tabase:"));
    m_username = lineEdit(QStringLiteral("username"), tr("User na&me:"));
    m_header = lineEdit(QStringLiteral("header"), tr("&Header:"), QStringLiteral("X-API-Key"));
    m_testPath = lineEdit(QStringLiteral("testPath"), tr("Test &path:"), QStringLiteral("studies"));
    m_testPath->setToolTip(tr("Appended to the URL for the test request."));
    m_remotePath = lineEdit(QStringLiteral("remotePath"), tr("&Folder:"), QStringLiteral("/outgoing/edc"));
    m_hostKey = lineEdit(QStringLiteral("hostKey"), tr("Host ke&y:"), QStringLiteral("SHA256:…"));
    m_hostKey->setToolTip(tr("The server's host key fingerprint as \"ssh-keygen -l -E sha256 -f KEY.pub\" prints it."));
    m_tlsMode = new QComboBox;
    m_tlsMode->setObjectName(QStringLiteral("tlsMode"));
    m_tlsMode->addItem(tr("Encrypted, certificate and host name verified"), QStringLiteral("verify-full"));
    m_tlsMode->addItem(tr("Not encrypted (Unix socket or loopback only)"), QStringLiteral("disable"));
    addRow(QStringLiteral("tlsMode"), tr("&Encryption:"), m_tlsMode);

    m_caBundle = new QLineEdit;
    m_caBundle->setObjectName(QStringLiteral("caBundle"));
    m_caBundle->setPlaceholderText(tr("the system's CAs only"));
    m_caBundle->setAccessibleName(tr("CA bundle"));
    auto* browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseCaBundle"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileInfo(targetPath()).absolutePath();
        const QString file = QFileDialog::getOpenFileName(this, tr("CA Bundle"), dir, tr("PEM files (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caBundle->setText(QDir(dir).relativeFilePath(file));
    });
    auto* caRow = new QWidget;
    auto* caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caBundle, 1);
    caLayout->addWidget(browse);
    addRow(QStringLiteral("caBundle"), tr("CA bund&le:"), caRow, m_caBundle);
    m_pin = lineEdit(QStringLiteral("pin"), tr("P&in:"), tr("SHA-256 of the server's public key (Base64 or hex)"));
    m_timeout = new QSpinBox;
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setValue(15);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setAccessibleName(tr("Timeout in seconds"));
    addRow(QStringLiteral("timeout"), tr("Time&out:"), m_timeout);

    // Secrets: one password field per field a kind may need; only the current profile's are shown.
    m_secretsHeading = new QLabel;
    m_secretsHeading->setObjectName(QStringLiteral("secretsHeading"));
    m_secretsHeading->setWordWrap(true);
    auto* line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    m_form->addWidget(line, m_form->rowCount(), 0, 1, 2);
    m_form->addWidget(m_secretsHeading, m_form->rowCount(), 0, 1, 2);
    for (const QString& field : AllSecretFields) {
        auto* edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("secret_") + field);
        edit->setEchoMode(QLineEdit::Password);
        edit->setAttribute(Qt::WA_InputMethodEnabled, false);
        edit->setAccessibleName(secretTitle(field).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        auto* state = new QLabel;
        state->setObjectName(QStringLiteral("secretState_") + field);
        state->setMinimumWidth(fontMetrics().horizontalAdvance(tr("not set")) + 16);
        auto* row = new QWidget;
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(edit, 1);
        rowLayout->addWidget(state);
        if (field == QLatin1String("private_key")) {
            m_keyFromFile = new QPushButton(tr("From f&ile…"));
            m_keyFromFile->setObjectName(QStringLiteral("privateKeyFromFile"));
            m_keyFromFile->setToolTip(tr("Read the private key from a file; it goes to the secret store on save."));
            connect(m_keyFromFile, &QPushButton::clicked, this, &ConnectionEditor::loadPrivateKey);
            rowLayout->addWidget(m_keyFromFile);
        }
        addRow(QStringLiteral("secret:") + field, secretTitle(field), row, edit);
        m_secretEdits.insert(field, edit);
        m_secretStates.insert(field, state);
        connect(edit, &QLineEdit::textEdited, this, &ConnectionEditor::onEdited);
    }

    // Extra height goes below the last row, not between the rows.
    m_form->setRowStretch(m_form->rowCount(), 1);

    auto* scroll = new QScrollArea;
    scroll->setWidget(formWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_generalError);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_buttons);

    for (QLineEdit* e : {m_name, m_description, m_url, m_username, m_header, m_testPath, m_host, m_database,
                         m_remotePath, m_hostKey, m_caBundle, m_pin})
        connect(e, &QLineEdit::textChanged, this, &ConnectionEditor::onEdited);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionEditor::onEdited);
    connect(m_timeout, &QSpinBox::valueChanged, this, &ConnectionEditor::onEdited);
    connect(m_tlsMode, &QComboBox::currentIndexChanged, this, &ConnectionEditor::onEdited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the default port of the kind unless one was typed.
        const Kind kind = currentKind();
        if (kind == Kind::Sftp && m_port->value() == 5432)
            m_port->setValue(22);
        else if (kind == Kind::Postgresql && m_port->value() == 22)
            m_port->setValue(5432);
        fillAuth(kind);
        updateRows();
        onEdited();
    });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        updateRows();
        onEdited();
    });
    resize(640, 600);
}

ConnectionEditor::~ConnectionEditor()
{
    wipeSecrets();
}

QLineEdit* ConnectionEditor::lineEdit(const QString& key, const QString& label, const QString& placeholder)
{
    auto* edit = new QLineEdit;
    edit->setObjectName(key);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    addRow(key, label, edit);
    return edit;
}

QWidget* ConnectionEditor::addRow(const QString& key, const QString& label, QWidget* editor, QWidget* buddy)
{
    // The field's widget holds the editor and, under it, the field's error (hidden while there is none).
    Field f;
    f.row = new QWidget;
    auto* v = new QVBoxLayout(f.row);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(editor);
    f.error = new QLabel;
    f.error->setObjectName(QStringLiteral("error_") + key);
    f.error->setWordWrap(true);
    f.error->setStyleSheet(QStringLiteral("color: #b00020;"));
    f.error->setVisible(false);
    v->addWidget(f.error);
    f.label = new QLabel(label);
    f.label->setBuddy(buddy ? buddy : editor);
    // The label is as high as the editor and centred on it, so it stays level with it when an error shows.
    f.label->setMinimumHeight(editor->sizeHint().height());
    f.label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int row = m_form->rowCount();
    m_form->addWidget(f.label, row, 0, Qt::AlignTop);
    m_form->addWidget(f.row, row, 1);
    m_fields.insert(key, f);
    return f.row;
}

void ConnectionEditor::fillKinds()
{
    for (Kind kind : ConnectionProfile::kinds())
        m_kind->addItem(QStringLiteral("%1 (%2)").arg(kindTitle(kind), ConnectionProfile::kindName(kind)),
                        ConnectionProfile::kindName(kind));
}

void ConnectionEditor::fillAuth(Kind kind)
{
    const QString previous = currentAuth();
    const QSignalBlocker blocker(m_auth);
    m_auth->clear();
    if (usesHttpAuth(kind)) {
        m_auth->addItem(tr("Bearer token"), QStringLiteral("bearer"));
        m_auth->addItem(tr("Basic (user name and password)"), QStringLiteral("basic"));
        m_auth->addItem(tr("API key in a header"), QStringLiteral("header"));
        m_auth->addItem(tr("None"), QStringLiteral("none"));
    } else if (kind == Kind::Sftp) {
        m_auth->addItem(tr("Password"), QStringLiteral("password"));
        m_auth->addItem(tr("Private key"), QStringLiteral("key"));
    }
    const int i = m_auth->findData(previous);
    m_auth->setCurrentIndex(i >= 0 ? i : 0);
}

Kind ConnectionEditor::currentKind() const
{
    Kind kind = Kind::EdcRest;
    ConnectionProfile::parseKind(m_kind->currentData().toString(), &kind);
    return kind;
}

QString ConnectionEditor::currentAuth() const
{
    return m_auth->currentData().toString();
}

QStringList ConnectionEditor::neededSecretFields() const
{
    // The profile decides which secrets a kind and method need.
    ConnectionProfile p;
    p.kind = currentKind();
    const QString auth = currentAuth();
    for (auto a : {ConnectionProfile::Auth::None, ConnectionProfile::Auth::Bearer, ConnectionProfile::Auth::Basic,
                   ConnectionProfile::Auth::Header, ConnectionProfile::Auth::Password, ConnectionProfile::Auth::PrivateKey})
        if (ConnectionProfile::authName(a) == auth)
            p.auth = a;
    return p.secretFields();
}

void ConnectionEditor::setFieldVisible(const QString& key, bool visible)
{
    const Field f = m_fields.value(key);
    f.label->setVisible(visible);
    f.row->setVisible(visible);
}

void ConnectionEditor::updateRows()
{
    const Kind kind = currentKind();
    const QString auth = currentAuth();
    const bool http = isHttp(kind);
    const bool sftp = kind == Kind::Sftp;
    const bool pg = kind == Kind::Postgresql;
    const QHash<QString, bool> visible{
        {QStringLiteral("url"), http},
        {QStringLiteral("auth"), usesHttpAuth(kind) || sftp},
        {QStringLiteral("username"), sftp || pg || (usesHttpAuth(kind) && auth == QLatin1String("basic"))},
        {QStringLiteral("header"), usesHttpAuth(kind) && auth == QLatin1String("header")},
        {QStringLiteral("testPath"), usesHttpAuth(kind)},
        {QStringLiteral("host"), sftp || pg},
        {QStringLiteral("port"), sftp || pg},
        {QStringLiteral("database"), pg},
        {QStringLiteral("remotePath"), sftp},
        {QStringLiteral("hostKey"), sftp},
        {QStringLiteral("tlsMode"), pg},
        {QStringLiteral("caBundle"), http || pg},
        {QStringLiteral("pin"), http},
    };
    for (auto it = visible.cbegin(); it != visible.cend(); ++it)
        setFieldVisible(it.key(), it.value());
    m_host->setPlaceholderText(sftp ? QStringLiteral("sftp.example.org") : tr("db.example.org or a socket folder"));
    const QStringList needed = neededSecretFields();
    for (const QString& field : AllSecretFields)
        setFieldVisible(QStringLiteral("secret:") + field, needed.contains(field));
    if (needed.isEmpty())
        m_secretsHeading->setText(tr("<b>Secrets</b> — this connection needs none."));
    else if (!m_store)
        m_secretsHeading->setText(tr("<b>Secrets</b> — the secret store is not open, so they cannot be set here: %1")
                                      .arg(m_storeProblem.toHtmlEscaped()));
    else
        m_secretsHeading->setText(tr("<b>Secrets</b> — kept in the %1, never in the file. Leave a field empty to keep "
                                     "what is stored.")
                                      .arg(m_store->description().toHtmlEscaped()));
    updateSecretStates();
}

void ConnectionEditor::updateSecretStates()
{
    const QString name = isNew() ? m_name->text().trimmed() : ConnectionProfile::nameFromFileName(m_path);
    for (const QString& field : AllSecretFields) {
        QLineEdit* edit = m_secretEdits.value(field);
        QLabel* state = m_secretStates.value(field);
        const bool stored = !name.isEmpty() && m_stored.contains(name + QLatin1Char('/') + field);
        edit->setEnabled(m_store != nullptr && !m_busy);
        if (field == QLatin1String("private_key"))
            m_keyFromFile->setEnabled(m_store != nullptr && !m_busy);
        if (!m_store) {
            state->setText(tr("unknown"));
            edit->setPlaceholderText(tr("the secret store is not open"));
        } else if (field == QLatin1String("private_key") && !m_privateKeyFromFile.isEmpty()) {
            state->setText(tr("from file"));
            edit->setPlaceholderText(tr("read from %1 — saved to the store on Save").arg(QFileInfo(m_privateKeyFile).fileName()));
        } else {
            state->setText(stored ? tr("stored") : tr("not set"));
            edit->setPlaceholderText(stored ? tr("stored — type a new value to replace it") : tr("not set"));
        }
        state->setToolTip(stored ? tr("A value is stored in the secret store; it is never shown.") : QString());
    }
}

void ConnectionEditor::setStoredSecrets(const QStringList& names)
{
    m_stored = names;
    updateSecretStates();
}

void ConnectionEditor::editNew(Kind kind)
{
    m_path.clear();
    setWindowTitle(tr("New Connection"));
    m_name->setReadOnly(false);
    ConnectionProfile p;
    p.kind = kind;
    p.auth = kind == Kind::Sftp ? ConnectionProfile::Auth::Password : ConnectionProfile::Auth::Bearer;
    p.port = kind == Kind::Sftp ? 22 : 5432;
    load(p, {});
    m_name->setFocus();
}

bool ConnectionEditor::editExisting(const QString& path, QString* error)
{
    ConnectionProfile p;
    QStringList errors;
    if (!QFileInfo::exists(path)) {
        *error = tr("%1 does not exist").arg(QDir::toNativeSeparators(path));
        return false;
    }
    // An invalid profile is opened too, with what could be read and its errors, to be fixed here.
    ConnectionProfile::load(path, &p, &errors);
    m_path = QFileInfo(path).absoluteFilePath();
    setWindowTitle(tr("Edit Connection %1").arg(ConnectionProfile::nameFromFileName(path)));
    load(p, errors);
    // The name names the file and the secrets: it is not changed here.
    m_name->setText(ConnectionProfile::nameFromFileName(path));
    m_name->setReadOnly(true);
    m_name->setToolTip(tr("The name of an existing connection names its file and its secrets; create a new "
                          "connection to use another name."));
    if (!errors.isEmpty()) {
        m_showErrors = true;
        ConnectionProfile ignored;
        validate(&ignored);
    }
    m_url->setFocus();
    return true;
}

void ConnectionEditor::load(const ConnectionProfile& p, const QStringList& errors)
{
    Q_UNUSED(errors);
    const QSignalBlocker b1(m_kind);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(ConnectionProfile::kindName(p.kind))));
    fillAuth(p.kind);
    {
        const QSignalBlocker b2(m_auth);
        const int i = m_auth->findData(ConnectionProfile::authName(p.auth));
        if (i >= 0)
            m_auth->setCurrentIndex(i);
    }
    m_name->setText(p.name);
    m_description->setText(p.description);
    m_timeout->setValue(std::clamp(p.timeoutMs / 1000, 1, 600));
    m_url->setText(p.url.isEmpty() ? QString() : p.url.toString());
    m_username->setText(p.username);
    m_header->setText(p.headerName);
    m_testPath->setText(p.testPath);
    m_host->setText(p.host);
    if (p.port > 0)
        m_port->setValue(p.port);
    m_database->setText(p.database);
    m_remotePath->setText(p.kind == Kind::Sftp && p.remotePath != QLatin1String(".") ? p.remotePath : QString());
    m_hostKey->setText(p.hostKey);
    m_tlsMode->setCurrentIndex(p.tlsEnabled ? 0 : 1);
    const QString baseDir = m_path.isEmpty() ? m_workspaceDir : QFileInfo(m_path).absolutePath();
    m_caBundle->setText(p.tls.caBundle.isEmpty() ? QString() : QDir(baseDir).relativeFilePath(p.tls.caBundle));
    m_pin->setText(p.tls.publicKeyPin.isEmpty() ? QString() : QString::fromLatin1(p.tls.publicKeyPin.toBase64()));
    m_certificatePin = p.tls.certificatePin;
    updateRows();
}

QString ConnectionEditor::targetPath() const
{
    if (!m_path.isEmpty())
        return m_path;
    return QDir(m_workspaceDir).filePath(m_name->text().trimmed() + Suffix);
}

QJsonObject ConnectionEditor::formJson() const
{
    const Kind kind = currentKind();
    QJsonObject o{{QStringLiteral("format"), QLatin1String(ConnectionProfile::Format)},
                  {QStringLiteral("kind"), ConnectionProfile::kindName(kind)}};
    const auto text = [](const QLineEdit* e) { return e->text().trimmed(); };
    if (!text(m_description).isEmpty())
        o.insert(QStringLiteral("description"), text(m_description));
    if (m_timeout->value() != 15)
        o.insert(QStringLiteral("timeoutSeconds"), m_timeout->value());
    QJsonObject tls;
    if (!text(m_caBundle).isEmpty())
        tls.insert(QStringLiteral("caBundle"), text(m_caBundle));
    if (isHttp(kind)) {
        o.insert(QStringLiteral("url"), text(m_url));
        QJsonObject pin;
        if (!text(m_pin).isEmpty())
            pin.insert(QStringLiteral("publicKeySha256"), text(m_pin));
        if (!m_certificatePin.isEmpty())
            pin.insert(QStringLiteral("certificateSha256"), QString::fromLatin1(m_certificatePin.toHex(':').toUpper()));
        if (!pin.isEmpty())
            tls.insert(QStringLiteral("pin"), pin);
        if (usesHttpAuth(kind)) {
            QJsonObject auth{{QStringLiteral("method"), currentAuth()}};
            if (currentAuth() == QLatin1String("basic"))
                auth.insert(QStringLiteral("username"), text(m_username));
            if (currentAuth() == QLatin1String("header"))
                auth.insert(QStringLiteral("header"), text(m_header));
            o.insert(QStringLiteral("auth"), auth);
            if (!text(m_testPath).isEmpty())
                o.insert(QStringLiteral("test"), QJsonObject{{QStringLiteral("path"), text(m_testPath)}});
        }
    } else {
        o.insert(QStringLiteral("host"), text(m_host));
        o.insert(QStringLiteral("port"), m_port->value());
        o.insert(QStringLiteral("username"), text(m_username));
        if (kind == Kind::Sftp) {
            if (!text(m_remotePath).isEmpty())
                o.insert(QStringLiteral("path"), text(m_remotePath));
            o.insert(QStringLiteral("hostKey"), text(m_hostKey));
            o.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("method"), currentAuth()}});
            tls = {};
        } else {
            o.insert(QStringLiteral("database"), text(m_database));
            tls.insert(QStringLiteral("mode"), m_tlsMode->currentData().toString());
        }
    }
    if (!tls.isEmpty())
        o.insert(QStringLiteral("tls"), tls);
    return o;
}

void ConnectionEditor::clearErrors()
{
    for (const Field& f : std::as_const(m_fields)) {
        f.error->clear();
        f.error->setVisible(false);
    }
    m_generalError->clear();
    m_generalError->setVisible(false);
}

void ConnectionEditor::showError(const QString& key, const QString& message)
{
    const auto it = m_fields.constFind(key);
    QLabel* label = it != m_fields.cend() && !it->row->isHidden() ? it->error : m_generalError;
    label->setText(label->text().isEmpty() ? message : label->text() + QLatin1Char('\n') + message);
    label->setVisible(true);
}

QString ConnectionEditor::fieldError(const QString& key) const
{
    if (key.isEmpty())
        return m_generalError->text();
    const auto it = m_fields.constFind(key);
    return it == m_fields.cend() ? QString() : it->error->text();
}

bool ConnectionEditor::validate(ConnectionProfile* out)
{
    clearErrors();
    bool ok = true;
    const QString name = m_name->text().trimmed();
    const QString path = targetPath();
    if (name.isEmpty()) {
        showError(QStringLiteral("name"), tr("A connection needs a name."));
        ok = false;
    } else if (isNew()) {
        // Names are unique in the whole workspace (subfolders too): they name the secrets.
        const core::Workspace ws(m_workspaceDir);
        const QStringList docs = ws.documents(core::Workspace::Kind::Connection);
        const bool taken = QFileInfo::exists(path) || std::any_of(docs.cbegin(), docs.cend(), [&](const QString& doc) {
                               return ConnectionProfile::nameFromFileName(doc) == name;
                           });
        if (taken) {
            showError(QStringLiteral("name"), tr("There is a connection named %1 already.").arg(name));
            ok = false;
        }
    }
    // The profile's own validation, on exactly what would be written.
    QStringList errors;
    const QByteArray json = QJsonDocument(formJson()).toJson(QJsonDocument::Indented);
    if (!name.isEmpty() && !ConnectionProfile::fromJson(json, path, out, &errors))
        ok = false;
    const QString filePrefix = QFileInfo(path).fileName() + QStringLiteral(": ");
    for (QString e : std::as_const(errors)) {
        if (e.startsWith(filePrefix))
            e = e.mid(filePrefix.size());
        const qsizetype colon = e.indexOf(QStringLiteral(": "));
        const QString key = colon > 0 ? keyOfField(e.left(colon)) : QString();
        if (key.isEmpty())
            showError({}, e);
        else if (e.mid(colon + 2) == QLatin1String("is required"))
            showError(key, tr("Required."));
        else if (key == QLatin1String("name") && e.contains(QLatin1String("NAME.connection.json")))
            showError(key, tr("Use letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit: "
                              "the name is the file's name and the prefix of the secrets."));
        else
            showError(key, e.mid(colon + 2));
    }
    // What is typed into a secret field is checked as `secrets set` checks it.
    for (const QString& field : neededSecretFields()) {
        const QLineEdit* edit = m_secretEdits.value(field);
        if (!edit->text().isEmpty() && edit->text().toUtf8().size() < core::Redactor::MinimumSecretLength) {
            showError(QStringLiteral("secret:") + field,
                      tr("At least %1 characters: a shorter value could not be kept out of logs reliably.")
                          .arg(core::Redactor::MinimumSecretLength));
            ok = false;
        }
    }
    return ok;
}

void ConnectionEditor::onEdited()
{
    if (isNew())
        updateSecretStates();
    if (m_showErrors && !m_busy) {
        ConnectionProfile ignored;
        validate(&ignored);
    }
}

void ConnectionEditor::loadPrivateKey()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Private Key"), QDir::homePath() + QStringLiteral("/.ssh"));
    if (file.isEmpty())
        return;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        showError(QStringLiteral("secret:private_key"), tr("Cannot read %1: %2").arg(file, f.errorString()));
        return;
    }
    core::crypto::wipe(m_privateKeyFromFile);
    m_privateKeyFromFile = f.readAll();
    m_privateKeyFile = file;
    m_secretEdits.value(QStringLiteral("private_key"))->clear();
    updateSecretStates();
}

void ConnectionEditor::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->setEnabled(!busy);
    updateSecretStates();
    if (busy) {
        m_generalError->setStyleSheet(QString());
        m_generalError->setText(tr("Saving…"));
        m_generalError->setVisible(true);
    } else {
        m_generalError->setStyleSheet(QStringLiteral("color: #b00020;"));
    }
}

void ConnectionEditor::accept()
{
    if (m_busy)
        return;
    m_showErrors = true;
    ConnectionProfile profile;
    if (!validate(&profile))
        return;
    // Only the secrets this profile needs and that were typed (or read from a file) are written.
    QStringList fields;
    for (const QString& field : profile.secretFields()) {
        const bool typed = !m_secretEdits.value(field)->text().isEmpty()
                           || (field == QLatin1String("private_key") && !m_privateKeyFromFile.isEmpty());
        if (typed)
            fields << field;
    }
    if (!fields.isEmpty() && !m_store) {
        showError({}, tr("The secret store is not open, so the secrets cannot be saved: %1").arg(m_storeProblem));
        return;
    }
    setBusy(true);
    writeSecrets(profile, fields);
}

void ConnectionEditor::writeSecrets(const ConnectionProfile& profile, QStringList fields)
{
    if (fields.isEmpty()) {
        finishSave(profile);
        return;
    }
    if (!m_store) {
        setBusy(false);
        showError({}, tr("The secret store was closed; nothing more was saved."));
        return;
    }
    const QString field = fields.takeFirst();
    QLineEdit* edit = m_secretEdits.value(field);
    QByteArray value = edit->text().isEmpty() && field == QLatin1String("private_key") ? m_privateKeyFromFile
                                                                                        : edit->text().toUtf8();
    const QString name = profile.secretName(field);
    QPointer<ConnectionEditor> self(this);
    m_store->write(name, value, [self, profile, fields, field, name](const core::SecretResult& r) {
        if (!self)
            return;
        if (!r.ok()) {
            self->setBusy(false);
            self->showError(QStringLiteral("secret:") + field, tr("Cannot store %1: %2").arg(name, r.message));
            return;
        }
        // Stored: the field no longer holds the value.
        self->m_secretEdits.value(field)->clear();
        if (field == QLatin1String("private_key"))
            core::crypto::wipe(self->m_privateKeyFromFile);
        if (!self->m_stored.contains(name))
            self->m_stored << name;
        self->writeSecrets(profile, fields);
    });
    core::crypto::wipe(value);
}

void ConnectionEditor::finishSave(const ConnectionProfile& profile)
{
    QString error;
    const QString path = targetPath();
    if (!profile.save(path, &error)) {
        setBusy(false);
        showError({}, error);
        return;
    }
    m_savedPath = path;
    m_savedName = profile.name;
    setBusy(false);
    emit saved(profile.name, path);
    QDialog::accept();
}

void ConnectionEditor::wipeSecrets()
{
    for (QLineEdit* e : std::as_const(m_secretEdits))
        e->clear();
    core::crypto::wipe(m_privateKeyFromFile);
    m_privateKeyFromFile.clear();
}

} // namespace tb::ui
