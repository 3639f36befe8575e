#!/usr/bin/env bash
# Times `bidui compare --exact-only` on a demo's inputs without and with aid supervision (the four
# registers, the catalogue and the key counties of `bidui demo`), alternating, in one series, so that the
# machine's load falls on both alike. Prints wall time, CPU time and peak RSS of each run (GNU time).
# Usage: bench/supervision-ab.sh DEMO_OUT_DIR [RUNS]   (DEMO_OUT_DIR from `bidui demo --size province --out DIR`)
# NICE=-15 (as root) runs the contenders ahead of other work on a shared machine; it does not make a loaded machine quiet.
set -euo pipefail
demo=$1
runs=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
in="$demo/inputs"
bidui="$root/src/Bidui.Cli/bin/Release/net10.0/bidui.dll"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
dotnet build "$root/src/Bidui.Cli" -c Release -v q -nologo >/dev/null
base=(compare --students "$in"/学生学籍信息.* --poverty "$in"/脱贫人口及防返贫监测对象.csv --aid "$in"/学生资助发放明细.* --exact-only)
supervision=(--register 低保="$in"/低保名单.xlsx --register 特困="$in"/特困名单.csv --register 残疾人="$in"/残疾人名单.csv
  --register 孤儿="$in"/孤儿名单.csv --aid-projects "$in"/资助项目目录.csv --key-counties "$in"/重点帮扶县名单.csv)
export NO_COLOR=1
for i in $(seq 1 "$runs"); do
  for mode in with without; do
    args=("${base[@]}" --out "$demo/ab-$mode")
    [ "$mode" = with ] && args+=("${supervision[@]}")
    nice -n "${NICE:-0}" /usr/bin/time -f "$mode run $i: wall %e s, user %U s, sys %S s, peak RSS %M KB" dotnet "$bidui" "${args[@]}" 2>&1 >/dev/null | tail -n 1
  done
done
