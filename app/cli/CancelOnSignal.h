#pragma once

namespace tb::core {
class RunFeedback;
}

namespace tb::cli {

// While it lives, Ctrl-C (SIGINT) and SIGTERM cancel the feedback's work, as the console's Cancel button
// does: a run stops between units and is recorded as cancelled, an export leaves no file. A second signal
// ends the process at once (the default action). One at a time.
class CancelOnSignal
{
public:
    explicit CancelOnSignal(core::RunFeedback& feedback);
    ~CancelOnSignal();
    CancelOnSignal(const CancelOnSignal&) = delete;
    CancelOnSignal& operator=(const CancelOnSignal&) = delete;
};

} // namespace tb::cli
