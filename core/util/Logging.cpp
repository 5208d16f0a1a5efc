#include "util/Logging.h"

Q_LOGGING_CATEGORY(lcSource, "tb.source", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMapping, "tb.mapping", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLoad, "tb.load", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRun, "tb.run", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAudit, "tb.audit", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWorkspace, "tb.workspace", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "tb.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConnection, "tb.connection", QtWarningMsg)
