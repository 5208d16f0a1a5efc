#include "CancelOnSignal.h"

#include "run/RunFeedback.h"

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace tb::cli {

namespace {

std::atomic<core::RunFeedback*> g_feedback{nullptr};

// Only async-signal-safe work: an atomic store (RunFeedback::cancel), write(2), and the default action back
// for the next signal.
void onSignal(int sig)
{
    if (core::RunFeedback* f = g_feedback.load())
        f->cancel();
    static const char note[] = "\ncancelling (press Ctrl-C again to stop at once)\n";
    [[maybe_unused]] const ssize_t n = write(STDERR_FILENO, note, sizeof note - 1);
    std::signal(sig, SIG_DFL);
}

void install(void (*handler)(int))
{
    struct sigaction sa = {};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

} // namespace

static_assert(std::atomic<core::RunFeedback*>::is_always_lock_free,
              "a signal handler may only use lock-free atomics");

CancelOnSignal::CancelOnSignal(core::RunFeedback& feedback)
{
    g_feedback.store(&feedback);
    install(onSignal);
}

CancelOnSignal::~CancelOnSignal()
{
    install(SIG_DFL);
    g_feedback.store(nullptr);
}

} // namespace tb::cli
