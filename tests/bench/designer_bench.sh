#!/usr/bin/env bash
# Mapping designer benchmark (issue [5/10]): the designer offscreen on a synthetic mapping with 300 source
# columns, 120 target fields and 150 links, against a small baseline (6 columns, 6 fields, 2 links) measured
# the same way in the same run:
# the time to open (construct, open with the sample, show, first paint; median of 5), the frame time while
# a link is dragged (each mouse move followed by a forced paint; median and 95th percentile over 200
# steps) and while the view scrolls. Prints figures and ratios; no pass/fail.
#
# Usage: tests/bench/designer_bench.sh [SOURCES TARGETS LINKS [STEPS]]
# Needs a built tree (scripts/setup.sh; TB_BUILD=DIR for another build folder).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tool="${TB_BUILD:-$root/build}/tests/tb_designer_bench"
QT_QPA_PLATFORM=offscreen "$tool" "$@" 2>&1 | grep -v -e 'propagateSizeHints' -e 'XDG_RUNTIME_DIR'
