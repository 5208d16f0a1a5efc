#!/usr/bin/env bash
# Audit verification benchmark (issue [3/10]): `trialbridge-cli audit verify` on a target with about a
# million audit entries, against reading the same table with the sqlite3 shell, measured in the same run:
#     sqlite3 DB "SELECT * FROM audit_log" > /dev/null
# Goal: verifying takes at most 1.5 × that read. After one read to warm the page cache, each is run three
# times; the medians are compared.
#
# Usage: tests/bench/audit_verify_bench.sh [SUBJECTS]     (default 75000: about 1,000,000 audit entries)
# Needs a built tree (scripts/setup.sh; TB_BUILD=DIR for another build folder). The load signs its audit
# trail with a key kept in a throw-away vault in the benchmark's temporary folder.
set -euo pipefail
source "$(dirname "$0")/bench_env.sh"
subjects=${1:-75000}

echo "== generating the demo study ($subjects subjects) and loading it"
"$cli" demo --out "$work/ws" --subjects "$subjects" --defect-rate 0.01 > /dev/null
"$cli" run "$work/ws/demo.pipeline.json" > /dev/null || [ $? -eq 3 ] # 3: finished with the seeded rejects
db="$work/ws/ctms.db"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
entries=$(sqlite3 "$db" "SELECT COUNT(*) FROM audit_log")
echo "   $entries audit entries, $(sqlite3 "$db" "SELECT COUNT(*) FROM audit_checkpoint") checkpoints," \
     "database $(( $(stat -c %s "$db") / 1048576 )) MB"
"$cli" audit verify --target "$db" | sed 's/^/   /'

seconds() { # wall time of a command whose output is discarded; fails when the command fails
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
}
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

sqlite3 "$db" "SELECT * FROM audit_log" > /dev/null
reads=() verifies=()
for _ in 1 2 3; do
    reads+=("$(seconds sqlite3 "$db" "SELECT * FROM audit_log")")
    verifies+=("$(seconds "$cli" audit verify --target "$db")")
done
read_s=$(median "${reads[@]}")
verify_s=$(median "${verifies[@]}")
ratio=$(python3 -c "print(round($verify_s / $read_s, 2))")
verdict=$(python3 -c "print('met' if $ratio <= 1.5 else 'NOT met')")

printf '\n%-44s %7s %7s %7s %8s\n' "measurement (seconds)" "1" "2" "3" "median"
printf '%-44s %7s %7s %7s %8s\n' "sqlite3 DB \"SELECT * FROM audit_log\"" "${reads[@]}" "$read_s"
printf '%-44s %7s %7s %7s %8s\n' "trialbridge-cli audit verify --target DB" "${verifies[@]}" "$verify_s"
echo
echo "entries:                        $entries"
echo "ratio verify / sqlite3 read:    $ratio   (goal <= 1.5: $verdict)"
