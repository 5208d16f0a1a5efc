#!/usr/bin/env bash
# Builds the fuzz targets (tests/fuzz) with clang as libFuzzer binaries, with AddressSanitizer and
# UndefinedBehaviorSanitizer, into build-fuzz/, runs each for a while and prints executions, coverage
# (libFuzzer's cov: edges and ft: features) and the crashes found (kept in build-fuzz/fuzz-artifacts/).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s; targets: csvreader csvprofiler datasetjson odmreader
#        mappingdocument studyconfig pipelinedocument transforms webhookverify httpresponse cronschedule
#        connectionprofile restsource)
# Exit status: 0 no crash, 1 a target crashed (or failed to build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-fuzz"
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(csvreader csvprofiler datasetjson odmreader mappingdocument studyconfig pipelinedocument transforms webhookverify httpresponse cronschedule connectionprofile restsource)
fi

command -v clang++ >/dev/null || { echo "clang++ is missing: scripts/setup.sh installs it" >&2; exit 1; }

echo "== configuring $build (clang, libFuzzer, ASan, UBSan)"
# The engine is instrumented for coverage (fuzzer-no-link); only the fuzz targets link libFuzzer.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DTB_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    >/dev/null
echo "== building ${targets[*]}"
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LC_ALL=C.UTF-8
status=0
results=()
for t in "${targets[@]}"; do
    work="$build/fuzz-work/$t"          # inputs libFuzzer found (the seed corpus stays as committed)
    artifacts="$build/fuzz-artifacts/$t"
    log="$build/fuzz-logs/$t.log"
    mkdir -p "$work" "$artifacts" "$(dirname "$log")"
    echo "== fuzzing $t for $seconds s"
    set +e
    "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$work" "$root/tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    set -e
    # libFuzzer's closing statistics and its last status line (#N ... cov: E ft: F corp: C/...).
    libfuzzer_stat() { { grep -o "stat::$1: *[0-9]*" "$log" || true; } | grep -o '[0-9]*$' | tail -1 || true; }
    execs=$(libfuzzer_stat number_of_executed_units)
    speed=$(libfuzzer_stat average_exec_per_sec)
    last=$({ grep -E '^#[0-9]+.*cov: ' "$log" || true; } | tail -1)
    field() { { echo "$last" | grep -o "$1: [0-9]*" || true; } | grep -o '[0-9]*' || true; }
    cov=$(field cov)
    ft=$(field ft)
    corpus=$(field corp)
    crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        status=1
        echo "   $t: libFuzzer exit $rc, $crashes artifacts in $artifacts; log: $log"
        grep -E 'ERROR|invariant failed|runtime error' "$log" | head -5 || true
    fi
    results+=("$(printf '%-18s %8s %12s %10s %8s %8s %8s %8s' "$t" "$seconds" "${execs:-?}" "${speed:-?}" \
        "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$crashes")")
done

echo
printf '%-18s %8s %12s %10s %8s %8s %8s %8s\n' target seconds executions exec/s cov ft corpus crashes
for r in "${results[@]}"; do
    echo "$r"
done
exit $status
