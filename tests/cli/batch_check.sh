#!/bin/sh
# Runs `ydelse batch` on a JSON Lines file and checks the pairing the contract promises: exactly
# one output line per input line, each a JSON object, with the ordre_id of every line in input
# order. Used by the cli_batch_* tests through expect.sh, which checks the exit status and the
# counts on stderr.
#
#   batch_check.sh YDELSE INPUT IDS OUTPUT [BATCH-ARG...]
#
# IDS is a file with the ordre_id expected on each output line (`null` for none), or `-` to take
# them from the input lines (for files where every line is a readable order or has no ordre_id).
# OUTPUT is where the results are written (under the build directory). Exits with the status of
# `ydelse batch` when every check holds, else 99 after saying what failed.
set -u

if [ "$#" -lt 4 ]; then
    echo "brug: batch_check.sh YDELSE INPUT IDS OUTPUT [BATCH-ARG...]" >&2
    exit 99
fi
ydelse=$1 input=$2 ids=$3 output=$4
shift 4

"$ydelse" batch --input "$input" --output "$output" "$@"
status=$?

# The ordre_id of each line, quotes removed; `null` where the line has none.
idsOf() {
    LC_ALL=C sed -E 's/.*"ordre_id" *: *"([^"]*)".*/\1/; t
                     s/.*/null/' "$1"
}

failed=no
fail() {
    echo "FEJL: $1"
    failed=yes
}

# awk counts a last line without a newline too, as `ydelse batch` does.
lines_in=$(awk 'END { print NR }' "$input")
lines_out=$(awk 'END { print NR }' "$output")
[ "$lines_in" -eq "$lines_out" ] || fail "$lines_in linjer ind, men $lines_out linjer ud"
bad=$(grep -cv '^{.*}$' "$output")
[ "$bad" -eq 0 ] || fail "$bad linjer i uddata er ikke et JSON-objekt på én linje"

work=$(mktemp -d "${TMPDIR:-/tmp}/batch_check.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT INT TERM
if [ "$ids" = "-" ]; then
    idsOf "$input" >"$work/expected"
else
    cp "$ids" "$work/expected"
fi
# ordre_id is the first key of every result and error record; a line where it is not stays
# as it is, and so differs from the expected id. (Only the start of each line is searched: sed
# is slow on the long result lines.)
cut -c 1-300 "$output" | LC_ALL=C sed -E 's/^\{"ordre_id":"([^"]*)",.*/\1/; t
                                        s/^\{"ordre_id":null,.*/null/' >"$work/actual.ids"
if ! cmp -s "$work/expected" "$work/actual.ids"; then
    fail "ordre_id i uddata følger ikke inddata (forventet < > fundet):"
    diff "$work/expected" "$work/actual.ids" | head -n 20
fi

[ "$failed" = no ] || exit 99
echo "linjer: $lines_in ind, $lines_out ud, ordre_id i samme rækkefølge"
exit "$status"
