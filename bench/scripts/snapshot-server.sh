#!/usr/bin/env bash
# A runnable copy of server/ and shared/ at a commit, for measuring a fixed version while the
# working tree changes:
#   bash bench/scripts/snapshot-server.sh HEAD /tmp/draftroom-snapshot
#   BENCH_SERVER_DIR=/tmp/draftroom-snapshot/server pnpm bench
# node_modules are linked from this checkout (same dependencies assumed), not installed again.
set -euo pipefail
ref=${1:?usage: snapshot-server.sh <git-ref> <directory>}
dir=${2:?usage: snapshot-server.sh <git-ref> <directory>}
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
rm -rf "$dir"
mkdir -p "$dir"
git -C "$repo" archive "$ref" server shared package.json | tar -x -C "$dir"
ln -s "$repo/node_modules" "$dir/node_modules"
cp -a "$repo/server/node_modules" "$dir/server/"
cp -a "$repo/shared/node_modules" "$dir/shared/"
# The bench records this in its results (machine.serverDirCommit).
git -C "$repo" rev-parse --short "$ref" > "$dir/COMMIT"
