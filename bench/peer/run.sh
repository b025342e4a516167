#!/usr/bin/env bash
# Runs the ZEN peer (zen_peer.mjs) on a generated JSON Lines file and our batch output for it.
# Installs @gorules/zen-engine into bench/peer/node_modules (git-ignored) on first use; it is a
# benchmark dependency only, never the product's. Without node, npm or the registry it says so
# and exits 0, so bench/run.sh goes on.
#
#   bash bench/peer/run.sh ORDERS.jsonl OURS.jsonl [OUR_BATCH_ORDERS/S] [OUR_LIBRARY_ORDERS/S]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
zen_version=0.54.0

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "peer: node/npm not installed; ZEN peer skipped"
    exit 0
fi
if [ ! -d "$here/node_modules/@gorules/zen-engine" ]; then
    echo "peer: installing @gorules/zen-engine@$zen_version into $here/node_modules" >&2
    if ! (cd "$here" && timeout 300 npm install --no-save --no-package-lock --no-audit --no-fund \
            --prefix "$here" "@gorules/zen-engine@$zen_version" >/dev/null 2>"$here/npm.log"); then
        echo "peer: npm install failed (registry unreachable?); ZEN peer skipped. See $here/npm.log"
        exit 0
    fi
fi
installed=$(node -p "require('$here/node_modules/@gorules/zen-engine/package.json').version" 2>/dev/null)
ZEN_VERSION=$installed exec node "$here/zen_peer.mjs" "$@"
