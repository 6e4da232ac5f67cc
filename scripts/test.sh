#!/usr/bin/env bash
# The README's test command: every suite, in tiers.
#   lint and format · domain unit tests · API on SQLite (unit, database, HTTP end-to-end, process) · API on MySQL ·
#   mini-program builds (weapp, h5) and the weapp build under WeChat's own tools · the desk console's build ·
#   browser tests of the H5 app and the desk console in Chromium.
# MySQL: TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306); each test file makes and drops a
# database of its own. Without a reachable server the MySQL pass is skipped LOUDLY, except when
# REQUIRE_MYSQL=1 (CI sets it): then that is a failure. Likewise REQUIRE_BROWSER=1 for Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
set -e

results=$(mktemp -d)
status=0
run_suite() { # name, command...: run one suite; remember failure but keep going
  local name=$1; shift
  say "Suite: $name"
  if ! "$@"; then
    status=1
    echo "!! suite $name failed"
    # A suite that left no result file (a build, a crash) still shows as one failure in the total.
    ls "$results/$name".* >/dev/null 2>&1 || echo failed > "$results/$name.step"
  fi
}
jest_api() { # result-file name, extra env...
  local name=$1; shift
  (cd apps/api && env "$@" node --experimental-vm-modules node_modules/jest/bin/jest.js --runInBand \
    --json --outputFile="$results/$name.json")
}

install_and_build_core
say "Type-checking the domain package tests and the API tests"
(cd packages/domain && npx tsc -p tsconfig.check.json)
(cd tooling/wechat-fake && npx tsc -p tsconfig.check.json)
(cd apps/api && npx tsc -p tsconfig.json --noEmit)
(cd apps/miniapp && npx tsc -p tsconfig.json --noEmit)
(cd apps/console && npx tsc -p tsconfig.json --noEmit)

# Lint (ESLint with type-aware rules for the API, domain and WeChat fake) and formatting (Prettier):
# a finding fails the command like a failing test.
run_suite lint bash -c 'npx eslint . && npx prettier --check . --log-level warn'

# `pnpm` is a shell function (scripts/lib.sh), which `env` cannot run: set the variable in the shell.
with_tap_file() { # file, command...: the node:test suites write their TAP report there
  local file=$1; shift
  TEST_TAP_FILE="$file" "$@"
}
run_suite domain with_tap_file "$results/domain.tap" pnpm --filter @gridloop/domain test
run_suite wechat-fake with_tap_file "$results/wechat-fake.tap" pnpm --filter @gridloop/wechat-fake test
run_suite api-sqlite jest_api api-sqlite TEST_DB=sqlite

export TEST_MYSQL_URL="${TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306}"
if (cd apps/api && node -e "
  const u = new URL(process.env.TEST_MYSQL_URL);
  require('mysql2/promise').createConnection({ host: u.hostname, port: +(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password), connectTimeout: 3000 })
    .then((c) => c.end()).catch((e) => { console.error(e.message); process.exit(1); });"); then
  run_suite api-mysql jest_api api-mysql TEST_DB=mysql
else
  printf '\n\033[1;31m!!!!!!!! NO MYSQL at %s: the MySQL suite did NOT run !!!!!!!!\033[0m\n' "$TEST_MYSQL_URL"
  if [ "${REQUIRE_MYSQL:-0}" = 1 ]; then status=1; fi
fi

# The mini-program's and the console's clients must be generated from the API document the API serves.
run_suite api-client-sync pnpm --filter @gridloop/miniapp check:api
run_suite console-client-sync pnpm --filter @gridloop/console check:api

say "Building the mini-program: weapp, then h5 (one at a time: each takes ~700 MB)"
run_suite build-weapp pnpm --filter @gridloop/miniapp build:weapp
run_suite weapp-size pnpm --filter @gridloop/miniapp size:weapp
# The weapp build as WeChat takes it: wcc per page, pages rendered and tapped in miniprogram-simulate,
# miniprogram-ci's compile and package-size checks (offline). See docs/miniapp.md.
run_suite weapp-runtime with_tap_file "$results/weapp-runtime.tap" pnpm --filter @gridloop/miniapp test:weapp
run_suite build-h5 pnpm --filter @gridloop/miniapp build:h5
# The desk console (Vite), served by the API at /console/; prints its gzipped sizes and fails over
# the first screen's script budget (apps/console/scripts/bundle-size.mjs).
run_suite build-console pnpm --filter @gridloop/console build

if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  # The H5 app's and the desk console's (test/browser/console-*.test.ts) browser tests.
  run_suite browser jest_api browser TEST_TIER=browser
else
  printf '\n\033[1;31m!!!!!!!! NO CHROMIUM at %s: the browser tests did NOT run (apt-get install chromium fonts-noto-cjk) !!!!!!!!\033[0m\n' "${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ "${REQUIRE_BROWSER:-0}" = 1 ]; then status=1; fi
fi

say "Results"
node scripts/tally.mjs "$results"
rm -rf "$results"
exit $status
