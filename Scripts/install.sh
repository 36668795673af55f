#!/usr/bin/env bash
# Installs saraban into PREFIX: PREFIX/bin/saraban, PREFIX/share/saraban/{Templates,Fonts} (the
# installed binary finds them from where it is) and PREFIX/lib/systemd/system/saraban.service.
# Usage: Scripts/install.sh PREFIX BINARY   (make install runs it with the release binary)
set -euo pipefail
prefix=${1:?usage: install.sh PREFIX BINARY}
binary=${2:?usage: install.sh PREFIX BINARY}
cd "$(dirname "$0")/.."
share="$prefix/share/saraban"
install -d "$prefix/bin" "$share/Fonts" "$prefix/lib/systemd/system"
install -m 755 "$binary" "$prefix/bin/saraban"
rm -rf "$share/Templates.new"
cp -R Templates "$share/Templates.new"
rm -rf "$share/Templates"
mv "$share/Templates.new" "$share/Templates"
# Font files the operator dropped into Fonts/ (never committed) go along.
find Fonts -maxdepth 1 -type f \( -iname '*.ttf' -o -iname '*.otf' \) -exec install -m 644 {} "$share/Fonts/" \; 2>/dev/null || true
sed "s|@PREFIX@|$prefix|g" Scripts/saraban.service.in > "$prefix/lib/systemd/system/saraban.service"
echo "installed $prefix/bin/saraban, $share and $prefix/lib/systemd/system/saraban.service"
