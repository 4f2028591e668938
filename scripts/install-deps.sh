#!/bin/sh
# Installs what building and testing Dossier needs on Debian, only when it is missing:
# Lua 5.4 (headers and library, found through pkg-config), the lua5.4 interpreter (the tests compare
# the trusted profile with it), luacheck (lints the bundled plugins), python3 (the gazetteer check) and
# Chromium (the HTML report check opens reports in it, headless). Run as root or with sudo.
set -eu

missing=""
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lua5.4; then
    missing="$missing pkg-config liblua5.4-dev"
fi
command -v lua5.4 >/dev/null 2>&1 || missing="$missing lua5.4"
command -v luacheck >/dev/null 2>&1 || missing="$missing lua-check"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
# SQLite: the library GRDB builds against (export --format sqlite) and the shell the tests query with.
{ pkg-config --exists sqlite3 2>/dev/null && command -v sqlite3 >/dev/null 2>&1; } || missing="$missing libsqlite3-dev sqlite3"

if [ -z "$missing" ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "install-deps: need root (or sudo) to install:$missing" >&2
    exit 1
fi

echo "install-deps: installing$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
