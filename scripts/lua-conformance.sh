#!/bin/sh
# Runs Lua 5.4.4's own test suite through `dossier eval --unsafe`, which promises to behave like the lua5.4
# interpreter. The suite writes temporary files next to itself, so it runs from a temporary copy.
# Usage: scripts/lua-conformance.sh DOSSIER_BINARY TESTES_FOLDER
set -eu
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source=$2
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -R "$source"/. "$copy"
cd "$copy"
log="$copy/conformance.log"
if ! "$binary" eval --unsafe --timeout 300 --memory 4096 - >"$log" 2>&1 <<'LUA'
_U = true; _port = true; dofile("all.lua")
LUA
then
    tail -n 20 "$log"
    echo "Lua 5.4.4 test suite: dossier eval --unsafe failed" >&2
    exit 1
fi
if ! grep -q "final OK" "$log"; then
    tail -n 20 "$log"
    echo "Lua 5.4.4 test suite: no 'final OK' in the output" >&2
    exit 1
fi
echo "Lua 5.4.4 test suite through dossier eval --unsafe: $(grep 'total time' "$log")"
