#!/bin/sh
# Runs a command and checks its exit status and output (used by the cli_* CTest tests).
#
#   expect.sh STATUS PATTERN COMMAND [ARG...]
#   expect.sh STATUS PATTERN [PATTERN...] -- COMMAND [ARG...]
#
# STATUS is the exact exit status the command must give. Each PATTERN must hold for the output:
#   TEXT        TEXT occurs (as a fixed string) in stdout or stderr
#   re:ERE      the extended regular expression ERE matches a line of stdout or stderr
#   first:ERE   ERE matches the first line of stdout
#   last:ERE    ERE matches the last line of stdout
#   not:TEXT    TEXT occurs in neither stdout nor stderr
# On failure the script prints what was expected, the status and both streams, and exits 1.
set -u

if [ "$#" -lt 3 ]; then
    echo "brug: expect.sh STATUS PATTERN [PATTERN... --] COMMAND [ARG...]" >&2
    exit 2
fi
expected_status=$1
shift

# Patterns, one a line. With a bare `--` among the arguments everything before it is a pattern;
# without one, exactly one pattern precedes the command.
nl='
'
patterns=
has_separator=no
for arg in "$@"; do
    if [ "$arg" = "--" ]; then
        has_separator=yes
        break
    fi
done
if [ "$has_separator" = yes ]; then
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
        patterns="$patterns$1$nl"
        shift
    done
    shift
else
    patterns="$1$nl"
    shift
fi
if [ "$#" -eq 0 ]; then
    echo "expect.sh: ingen kommando" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/expect.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
"$@" >"$work/stdout" 2>"$work/stderr"
status=$?
cat "$work/stdout" "$work/stderr" >"$work/all"

failures=
fail() {
    failures="$failures  - $1$nl"
}

if [ "$status" -ne "$expected_status" ]; then
    fail "exit status $expected_status forventet, fik $status"
fi

while IFS= read -r pattern; do
    [ -n "$pattern" ] || continue
    case $pattern in
        re:*)
            grep -Eq -- "${pattern#re:}" "$work/all" || fail "intet match for /${pattern#re:}/"
            ;;
        first:*)
            head -n 1 "$work/stdout" | grep -Eq -- "${pattern#first:}" \
                || fail "første linje i stdout matcher ikke /${pattern#first:}/"
            ;;
        last:*)
            tail -n 1 "$work/stdout" | grep -Eq -- "${pattern#last:}" \
                || fail "sidste linje i stdout matcher ikke /${pattern#last:}/"
            ;;
        not:*)
            if grep -Fq -- "${pattern#not:}" "$work/all"; then
                fail "'${pattern#not:}' må ikke forekomme"
            fi
            ;;
        *)
            grep -Fq -- "$pattern" "$work/all" || fail "'$pattern' forekommer ikke"
            ;;
    esac
done <<EOF
$patterns
EOF

if [ -n "$failures" ]; then
    echo "FEJLET: $*"
    printf '%s' "$failures"
    echo "--- exit status: $status"
    echo "--- stdout:"
    cat "$work/stdout"
    echo "--- stderr:"
    cat "$work/stderr"
    exit 1
fi
echo "ok: $* (exit $status)"
exit 0
