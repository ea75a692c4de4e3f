#!/usr/bin/env bash
# Regenerates the atlas screenshots in docs/img/: builds the atlas of
# processes/ and photographs the home page, a theme map and a process page
# with headless Chromium (Debian: `apt-get install chromium`).
#
#   tools/screenshots.sh            # writes docs/img/atlas-{home,theme,process,fragments,data}.png
#   OUT=/tmp/atlas tools/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-target/atlas-screenshots}
CHROMIUM=${CHROMIUM:-chromium}
THEME=${THEME:-asn-ikn}                              # theme page file prefix
PROCESS=${PROCESS:-asn-ikn-kemenkes-usulan-pemindahan}  # process page file prefix

cargo run --quiet -- atlas processes --out "$OUT"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shot() { # <page> <png> <height>
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --hide-scrollbars --window-size="1280,$3" \
        --screenshot="$2" "file://$(realpath "$1")" 2>/dev/null
    echo "wrote $2"
}
first() { find "$OUT/$1" -name "$2*.html" | sort | head -n 1; }
shot "$OUT/index.html" docs/img/atlas-home.png 1500
shot "$(first theme "$THEME")" docs/img/atlas-theme.png 1900
shot "$(first process "$PROCESS")" docs/img/atlas-process.png 1400
shot "$OUT/list/fragments.html" docs/img/atlas-fragments.png 1300
shot "$OUT/list/data.html" docs/img/atlas-data.png 1300
