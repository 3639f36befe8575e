#!/usr/bin/env bash
# Times `bidui demo --size SIZE` end to end (generate + compare) and prints wall time, CPU time
# and peak memory of the whole process (GNU time), then the compare step's own time from its output.
# Usage: bench/demo-scale.sh [small|county|province] [OUTDIR] [--exact-only]
# (bench/check-truth.py OUTDIR compares an --exact-only run with the generator's truth.)
set -euo pipefail
size=${1:-county}
out=${2:-/tmp/bidui-bench-$size}
mode=${3:-}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
dotnet build "$root/src/Bidui.Cli" -c Release -v q -nologo >/dev/null
rm -rf "$out"
export NO_COLOR=1
/usr/bin/time -f 'wall %e s, user %U s, sys %S s, peak RSS %M KB' \
  dotnet "$root/src/Bidui.Cli/bin/Release/net10.0/bidui.dll" demo --size "$size" --seed 1 $mode --out "$out" 2>&1 | tail -n 40
du -sh "$out/inputs" "$out/results" 2>/dev/null || true
