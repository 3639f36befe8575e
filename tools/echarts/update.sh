#!/usr/bin/env bash
# Refreshes the Apache ECharts bundle that the HTML report inlines (reports must open offline).
# Usage: tools/echarts/update.sh [version]   (default 6.1.0)
set -euo pipefail

VERSION="${1:-6.1.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/src/Bidui.Reports/Assets"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "echarts@$VERSION" >/dev/null
PKG="$TMP/node_modules/echarts"
INSTALLED="$(node -p "require('$PKG/package.json').version")"
if [[ "$INSTALLED" != "$VERSION" ]]; then
  echo "expected echarts $VERSION, npm installed $INSTALLED" >&2
  exit 1
fi

mkdir -p "$DEST"
cp "$PKG/dist/echarts.min.js" "$DEST/echarts.min.js"
cp "$PKG/LICENSE" "$DEST/echarts.LICENSE.txt"
if [[ -f "$PKG/NOTICE" ]]; then cp "$PKG/NOTICE" "$DEST/echarts.NOTICE.txt"; fi
echo "$INSTALLED" > "$DEST/echarts.VERSION"
echo "echarts $INSTALLED -> $DEST/echarts.min.js ($(wc -c < "$DEST/echarts.min.js") bytes)"
