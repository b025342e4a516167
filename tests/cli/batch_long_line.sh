#!/bin/sh
# A line over the 1 MiB limit gets its own ORDRE_SYNTAKS record and the batch goes on.
# Usage: batch_long_line.sh YDELSE WORKDIR
set -eu
ydelse=$1
dir=$2
mkdir -p "$dir"
in="$dir/long_line.jsonl"
{ printf '{"ordre_id": "'; head -c 1100000 /dev/zero | tr '\0' x; printf '"}\n{}\n'; } > "$in"
out=$("$ydelse" batch --input "$in" 2>/dev/null) && status=0 || status=$?
[ "$status" -eq 1 ] || { echo "exit $status, expected 1"; exit 1; }
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] || { echo "expected 2 output lines"; exit 1; }
printf '%s\n' "$out" | head -n 1 | grep -q 'højst fylde 1048576 bytes' ||
    { echo "first record does not name the limit"; exit 1; }
echo "ok"
