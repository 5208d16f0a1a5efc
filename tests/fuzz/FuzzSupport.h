#pragma once

#include "model/CtmsSchema.h"
#include "model/Record.h"
#include "model/ReferenceData.h"
#include "study/StudyConfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <memory>

// Every fuzz target defines the libFuzzer entry point; FuzzReplayMain.cpp calls it for each corpus file when
// the target is not built with clang's -fsanitize=fuzzer.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace tb::fuzz {

// A file holding the current input, for code that reads files by path (CsvReader): an anonymous memory
// file (memfd) reached through /proc/self/fd, rewritten for every input without touching the disk.
class InputFile
{
public:
    InputFile();
    ~InputFile();
    // Replaces the contents and returns the path to open.
    QString write(const uint8_t* data, size_t size);

private:
    int m_fd = -1;
    QString m_path;
};

// An invariant that must hold for every input: aborts with the detail (libFuzzer saves the input as a crash).
[[noreturn]] void fail(const char* check, const QString& detail);
#define TB_FUZZ_CHECK(condition, detail)                                                                     \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            ::tb::fuzz::fail(#condition, (detail));                                                          \
    } while (false)

std::shared_ptr<const tb::core::CtmsSchema> schema();
// A small fixed study (S1, site DE01 in Europe/Berlin, a visit schedule, a parameter).
std::shared_ptr<const tb::core::StudyConfig> study();

// Reference data answered from memory for that study.
class FixedReference final : public tb::core::ReferenceData
{
public:
    bool siteExists(const QString& study, const QString& site) override;
    QString siteTimeZone(const QString& study, const QString& site) override;
    std::optional<tb::core::VisitWindow> visitWindow(const QString& study, const QString& visitCode) override;
    std::optional<QString> lookup(const QString& entity, const QString& match, const QString& value,
                                  const QString& ret, const QString& study) override;
};

// Columns of the demo's three EDC exports (and a few generic ones), for compiling fuzzed mappings.
const QStringList& sourceHeader();
// A few rows for that header: ordinary values and awkward ones (partial dates, blanks, decimals).
const std::vector<std::vector<QString>>& sourceRows();

} // namespace tb::fuzz
