#!/bin/sh
# Prepare a fresh machine: uv, the Python environment, and on Debian/Ubuntu (as root) the few
# system libraries Qt and the PDF tests need. Safe to run again: it only installs what is missing.
#   sh scripts/bootstrap.sh          # to run the app
#   sh scripts/bootstrap.sh --dev    # to run the tests too
set -eu
cd "$(dirname "$0")/.."

DEBS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libglib2.0-0 libcups2"
[ "${1:-}" = "--dev" ] && DEBS="$DEBS poppler-utils"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    missing=""
    for pkg in $DEBS; do dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"; done
    if [ -n "$missing" ]; then
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    fi
fi

if ! command -v uv >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check uv 2>/dev/null \
        || python3 -m pip install --quiet --user --disable-pip-version-check uv
    PATH="$HOME/.local/bin:$PATH"; export PATH
fi
if [ "${1:-}" = "--dev" ]; then
    uv sync --frozen --quiet
else
    uv sync --frozen --quiet --no-dev
fi
