#include "run/RunFeedback.h"

namespace tb::core {

void RunFeedback::setProgress(double percent)
{
    // Whole percents only: a signal per row would cost more than the row.
    if (int(percent) == int(m_progress) && percent < 100)
        return;
    m_progress = percent;
    emit progressChanged(percent);
}

} // namespace tb::core
