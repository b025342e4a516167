#!/usr/bin/env bash
# Sets up, builds and runs the main job: `ydelse run` on the example kontanthjælp order,
# against the shipped catalog.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
"$root/build/cli/ydelse" run --format yaml "$root/catalog/eksempler/kontanthjaelp.yaml"
