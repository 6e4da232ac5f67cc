#!/usr/bin/env bash
# The README's run command: install, build, migrate, seed the demo county and start the API with
# the H5 app and the desk console on the embedded SQLite default. Safe to run again: it reuses the data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

install_and_build_core
build_h5_if_stale
build_console_if_stale

say "Open http://localhost:${PORT:-3000}/ (the mini-program's H5 app) and http://localhost:${PORT:-3000}/console/ (the town office's desk console)"

say "Starting GridLoop (embedded SQLite in apps/api/data/, demo county seeded once)"
cd apps/api
export SEED_DEMO="${SEED_DEMO:-1}"
# ...with a generated year of activity ending today, so the bulletins and the ranking have figures.
export SEED_DEMO_YEAR="${SEED_DEMO_YEAR:-1}"
# The H5 demo's "act as a seeded person" sign-in: on for this demo command only.
export DEMO_LOGIN="${DEMO_LOGIN:-1}"
exec node dist/main.js
