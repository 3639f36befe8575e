#!/usr/bin/env bash
# Runs a published single file the way an office would: no .NET SDK or runtime on the machine, a fresh folder.
#   deploy/smoke-test.sh artifacts/publish/linux-x64/bidui
# Checks `--version`, `demo` (a whole comparison: inputs generated, lists, workbooks, report) and
# `serve --demo` (the web workflow on its built-in SQLite: signs in and opens the rounds page).
# As root, the .NET installation is hidden in a private mount namespace, so the test fails if the file
# reaches for it; otherwise it runs with dotnet off PATH and DOTNET_ROOT pointing nowhere.
set -euo pipefail
binary=$(readlink -f "$1")
[ -x "$binary" ] || { echo "not an executable: $1" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$binary" "$work/bidui"

run_alone() {
  local script=$1
  local dotnet_dir
  dotnet_dir=$(dirname "$(readlink -f "$(command -v dotnet 2>/dev/null || echo /usr/share/dotnet/dotnet)")")
  if [ "$(id -u)" = 0 ] && [ -d "$dotnet_dir" ] && unshare -m true 2>/dev/null; then
    unshare -m bash -c "mount -t tmpfs none '$dotnet_dir' && $script"
  else
    bash -c "$script"
  fi
}

export BIDUI_SMOKE_DIR="$work" PATH=/usr/local/bin:/usr/bin:/bin DOTNET_ROOT=/nonexistent \
  DOTNET_BUNDLE_EXTRACT_BASE_DIR="$work/extract"
port=$((20000 + RANDOM % 20000))

run_alone '
set -euo pipefail
cd "$BIDUI_SMOKE_DIR"
if command -v dotnet >/dev/null; then echo "dotnet is still reachable" >&2; exit 1; fi
./bidui --version
start=$(date +%s%N)
./bidui demo --out demo > demo.log
test -s demo/results/summary.json && test -s demo/results/比对报告.html && test -s demo/results/比对结果汇总.xlsx
echo "demo: lists, workbooks and report written in $(( ($(date +%s%N) - start) / 1000000 )) ms"
'

run_alone '
set -euo pipefail
cd "$BIDUI_SMOKE_DIR"
./bidui serve --demo --data data --urls "http://127.0.0.1:'"$port"'" > serve.log 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT
base="http://127.0.0.1:'"$port"'"
for _ in $(seq 1 180); do
  curl -s -o /dev/null "$base/Account/Login" && break
  kill -0 "$pid" 2>/dev/null || { cat serve.log >&2; exit 1; }
  sleep 1
done
# Sign in as the province administrator of the demo (the form carries an anti-forgery token).
token=$(curl -s -c jar "$base/Account/Login" | grep -o "name=\"__RequestVerificationToken\"[^>]*value=\"[^\"]*\"" | sed "s/.*value=\"//; s/\"$//")
code=$(curl -s -b jar -c jar -o /dev/null -w "%{http_code}" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "UserName=sheng" --data-urlencode "Password=Bidui@2026" "$base/Account/Login")
[ "$code" = 302 ] || { echo "sign-in answered $code" >&2; cat serve.log >&2; exit 1; }
page=$(curl -s -b jar -w "\n%{http_code}" "$base/Rounds")
[ "$(echo "$page" | tail -1)" = 200 ] || { echo "rounds page answered $(echo "$page" | tail -1)" >&2; exit 1; }
echo "$page" | grep -q "比对" || { echo "rounds page without its content" >&2; exit 1; }
test -s data/bidui.db
echo "serve --demo: signed in, rounds page 200, SQLite at data/bidui.db"
'
echo "smoke test passed: $1"
