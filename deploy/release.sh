#!/usr/bin/env bash
# Builds the release archives an office installs from: one self-contained single file per platform, with
# the install guide and the service files, named by the product version (Directory.Build.props).
#   deploy/release.sh [RID ...]        default: win-x64 linux-x64 linux-arm64
# → artifacts/release/bidui-<version>-<rid>.zip (Windows) or .tar.gz (Linux), and SHA256SUMS.
# The archive for this machine's platform is then run alone by deploy/smoke-test.sh (compare via demo, serve).
# Needs the .NET 10 SDK and the package registry (runtime packs); nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(win-x64 linux-x64 linux-arm64)
version=$(dotnet msbuild src/Bidui.Cli -getProperty:Version -p:Configuration=Release)
out=artifacts/release
mkdir -p "$out"
case "$(uname -m)" in x86_64) host=linux-x64 ;; aarch64) host=linux-arm64 ;; *) host= ;; esac

for rid in "${rids[@]}"; do
  [ -f "src/Bidui.Cli/Properties/PublishProfiles/$rid.pubxml" ] || { echo "no publish profile for $rid" >&2; exit 2; }
  echo "== $rid"
  rm -rf "artifacts/publish/$rid"
  dotnet publish src/Bidui.Cli -p:PublishProfile="$rid" -nologo -v:q
  name="bidui-$version-$rid"
  stage=$(mktemp -d)
  mkdir "$stage/$name"
  cp docs/INSTALL.md "$stage/$name/"
  if [ "$rid" = "${rid#win-}" ]; then
    install -m 755 "artifacts/publish/$rid/bidui" "$stage/$name/bidui"
    cp deploy/bidui.service deploy/bidui.env.example "$stage/$name/"
    tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
  else
    cp "artifacts/publish/$rid/bidui.exe" "$stage/$name/"
    rm -f "$out/$name.zip"
    (cd "$stage" && zip -qr "$OLDPWD/$out/$name.zip" "$name")
  fi
  rm -rf "$stage"
  if [ "$rid" = "$host" ]; then deploy/smoke-test.sh "artifacts/publish/$rid/bidui"; fi
done
(cd "$out" && sha256sum bidui-"$version"-* > SHA256SUMS)
ls -l "$out"
