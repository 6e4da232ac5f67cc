# Shared by start.sh, test.sh and .ci/run. Source it; do not run it.

# pnpm is fetched at the pinned version by npx, so npm alone is enough on a fresh machine.
PNPM_VERSION=12.4.2
pnpm() { npx -y "pnpm@${PNPM_VERSION}" "$@"; }

# better-sqlite3 compiles from source; node-gyp must use the installed Node headers instead of
# downloading them (there is no internet on the build machines).
if [ -z "${npm_config_nodedir:-}" ]; then
  for dir in /usr /usr/local "$(dirname "$(dirname "$(command -v node)")")"; do
    if [ -f "$dir/include/node/node.h" ]; then export npm_config_nodedir="$dir"; break; fi
  done
fi

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

install_and_build_core() {
  say "Installing dependencies (pnpm ${PNPM_VERSION}, frozen lockfile)"
  pnpm install --frozen-lockfile
  say "Building packages/domain, the WeChat fake and apps/api"
  pnpm --filter @gridloop/domain build
  pnpm --filter @gridloop/wechat-fake build
  pnpm --filter @gridloop/api build
}

# Rebuilds the H5 app only when its sources (or the domain package) changed since the last build.
build_h5_if_stale() {
  local marker=apps/miniapp/dist/h5/index.html
  if [ -f "$marker" ] && [ -z "$(find apps/miniapp/src apps/miniapp/config packages/domain/src -newer "$marker" -print -quit)" ]; then
    say "H5 app is up to date"
  else
    say "Building the H5 app"
    pnpm --filter @gridloop/miniapp build:h5
  fi
}

# Rebuilds the desk console only when its sources (or the domain package) changed since the last build.
build_console_if_stale() {
  local marker=apps/console/dist/index.html
  if [ -f "$marker" ] && [ -z "$(find apps/console/src apps/console/index.html apps/console/vite.config.ts apps/console/package.json packages/domain/src -newer "$marker" -print -quit)" ]; then
    say "Desk console is up to date"
  else
    say "Building the desk console"
    pnpm --filter @gridloop/console build
  fi
}
