#!/bin/sh
# Golden test of `ydelse run --explain` (docs/explain.md): for every order ORDER.yaml in DIR,
# the explained result in each format must equal expected/ORDER.FORMAT, and the result without
# --explain must be exactly the explained one without its forklaring (so asking for nothing
# changes nothing). The catalog's content hash is masked, so an edit elsewhere in the catalog
# only breaks the golden files where the explanation itself changed.
#
#   check_explain.sh YDELSE CATALOG DIR
#
# UPDATE_GOLDEN=1 rewrites the expected files instead; read the difference before committing it.
set -u
ydelse=$1
catalog=$2
dir=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/explain.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
failed=0
mask() { sed -E 's/[0-9a-f]{64}/<hash>/g'; }

for order in "$dir"/*.yaml; do
    name=$(basename "$order" .yaml)
    for format in json yaml text; do
        "$ydelse" run --catalog "$catalog" --format "$format" --explain "$order" >"$work/explained" \
            || { echo "FEJL: $name ($format): ydelse run --explain gav exit $?"; failed=1; }
        "$ydelse" run --catalog "$catalog" --format "$format" "$order" >"$work/plain" \
            || { echo "FEJL: $name ($format): ydelse run gav exit $?"; failed=1; }
        expected="$dir/expected/$name.$format"
        mask <"$work/explained" >"$work/masked"
        if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
            mkdir -p "$dir/expected"
            cp "$work/masked" "$expected"
            echo "skrevet: $expected"
        elif ! cmp -s "$work/masked" "$expected"; then
            echo "FEJL: $name ($format) afviger fra $expected:"
            diff -u "$expected" "$work/masked" | head -40
            failed=1
        fi
        if grep -q forklaring "$work/plain"; then
            echo "FEJL: $name ($format): forklaring uden --explain"
            failed=1
        fi
        # The plain result is the explained one up to where the forklaring begins; in JSON
        # the plain one's closing "}\n" stands where ',"forklaring":' does.
        size=$(wc -c <"$work/plain")
        if [ "$format" = json ]; then
            size=$((size - 2))
        fi
        head -c "$size" "$work/plain" >"$work/plain_prefix"
        head -c "$size" "$work/explained" >"$work/explained_prefix"
        if ! cmp -s "$work/plain_prefix" "$work/explained_prefix"; then
            echo "FEJL: $name ($format): resultatet uden --explain er ikke resultatet med forklaringen fjernet"
            failed=1
        fi
    done
done
[ "$failed" = 0 ] && echo "ok: forklaringer i $dir"
exit "$failed"
