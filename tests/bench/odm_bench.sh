#!/usr/bin/env bash
# ODM reader benchmark (issue [4/10]): reading a generated ODM 1.3 file into records with OdmReader, against
# two baselines measured in the same run on the same file:
#   - the floor: a bare QXmlStreamReader loop that only counts the clinical elements (tb_odm_bench bare);
#   - Python's xml.etree.ElementTree.iterparse doing the same count.
# Goal: OdmReader keeps >= 60 % of the floor's throughput, and its peak memory stays flat in file size
# (the same reader on a file a quarter the size). Each reader runs three times after one warm-up read; the
# medians are compared. All three must report the same counts.
#
# Usage: tests/bench/odm_bench.sh [MB]      (default 200)
# Needs a built tree (scripts/setup.sh; TB_BUILD=DIR for another build folder) and GNU time.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tool="${TB_BUILD:-$root/build}/tests/tb_odm_bench"
mb=${1:-200}
small_mb=$(( mb / 4 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== generating ODM files of about $mb MB and $small_mb MB"
"$tool" generate "$work/big.xml" "$mb"
"$tool" generate "$work/small.xml" "$small_mb"
bytes=$(stat -c %s "$work/big.xml")

cat > "$work/iterparse.py" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "{http://www.cdisc.org/ns/odm/v1.3}"
names = {ns + n: n for n in ("SubjectData", "StudyEventData", "FormData", "ItemGroupData", "ItemData")}
counts = dict.fromkeys(names.values(), 0)
for event, el in ET.iterparse(sys.argv[1], events=("start", "end")):
    if event == "start":
        n = names.get(el.tag)
        if n:
            counts[n] += 1
    elif el.tag == ns + "SubjectData":
        el.clear()
print("subjects %d events %d forms %d groups %d items %d" % tuple(counts[n] for n in
      ("SubjectData", "StudyEventData", "FormData", "ItemGroupData", "ItemData")))
PY

run() { # prints "seconds peakKB" of a command; its standard output goes to $work/out
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out"
    cat "$work/time"
}
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

"$tool" bare "$work/big.xml" > "$work/expected"
for what in bare reader; do
    times=() mems=()
    for _ in 1 2 3; do
        read -r s kb < <(run "$tool" "$what" "$work/big.xml")
        cmp -s "$work/out" "$work/expected" || { echo "$what counted differently:"; cat "$work/out" "$work/expected"; exit 1; }
        times+=("$s"); mems+=("$kb")
    done
    declare "${what}_s=$(median "${times[@]}")" "${what}_kb=$(median "${mems[@]}")"
    declare "${what}_times=${times[*]}"
done
read -r python_s python_kb < <(run python3 "$work/iterparse.py" "$work/big.xml")
cmp -s "$work/out" "$work/expected" || { echo "iterparse counted differently:"; cat "$work/out" "$work/expected"; exit 1; }
read -r _ small_kb < <(run "$tool" reader "$work/small.xml")

python3 - "$bytes" "$bare_s" "$reader_s" "$python_s" "$bare_kb" "$reader_kb" "$python_kb" "$small_kb" "$mb" "$small_mb" \
        "$bare_times" "$reader_times" <<'PY'
import sys
b, bare, reader, py, bare_kb, reader_kb, py_kb, small_kb, mb, small_mb = sys.argv[1:11]
b = int(b); bare, reader, py = float(bare), float(reader), float(py)
mbs = lambda s: b / 1048576 / s
print(f"\nfile: {b / 1048576:.0f} MB")
print(f"{'reader':<46}{'seconds':>9}{'MB/s':>9}{'peak MB':>9}")
print(f"{'QXmlStreamReader loop, counting (floor)':<46}{bare:>9.2f}{mbs(bare):>9.1f}{int(bare_kb)/1024:>9.1f}   runs {sys.argv[11]}")
print(f"{'OdmReader, every record':<46}{reader:>9.2f}{mbs(reader):>9.1f}{int(reader_kb)/1024:>9.1f}   runs {sys.argv[12]}")
print(f"{'Python ElementTree.iterparse, counting':<46}{py:>9.2f}{mbs(py):>9.1f}{int(py_kb)/1024:>9.1f}")
share = bare / reader
flat = int(reader_kb) / int(small_kb)
print(f"\nOdmReader throughput / floor:   {share:.2f}   (goal >= 0.60: {'met' if share >= 0.6 else 'NOT met'})")
print(f"iterparse is {py / bare:.1f} x slower than the floor")
print(f"OdmReader peak memory {mb} MB / {small_mb} MB file: {int(reader_kb)/1024:.1f} / {int(small_kb)/1024:.1f} MB = {flat:.2f}"
      f"   (flat: {'met' if flat <= 1.2 else 'NOT met'})")
PY
