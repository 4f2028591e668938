#!/bin/sh
# The main job: runs Dossier on the bundled corpus. Until batch reports exist, it checks the bridge
# with a smoke script and prints what the model gives.
set -eu
dossier=${1:-.build/release/dossier}
"$dossier" --version
"$dossier" eval scripts/smoke.lua
