#!/bin/sh
# Generates N orders as JSON Lines and runs them through batch_check.sh: a batch of many orders
# must give exactly as many output lines, in the same order. Every 10th order has no NemKonto
# (tilbageholdt) and every 250th names an unknown ydelse (afvist), so for N = 2000 the counts are
# 1800 effektueret, 192 tilbageholdt, 8 afvist.
#
#   batch_generate.sh YDELSE N DIR
set -u

if [ "$#" -ne 3 ]; then
    echo "brug: batch_generate.sh YDELSE N DIR" >&2
    exit 99
fi
ydelse=$1 n=$2 dir=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir" || exit 99
input="$dir/batch_genereret.jsonl"

i=1
while [ "$i" -le "$n" ]; do
    ydelse_kode=KONTANTHJÆLP
    nemkonto=true
    if [ $((i % 250)) -eq 0 ]; then
        ydelse_kode=BØRNECHECK
    elif [ $((i % 10)) -eq 0 ]; then
        nemkonto=false
    fi
    # No command substitution in the loop: a fork per order would make the test slow.
    # The amount varies so the orders are not all the same: 10000.00 to 10999.00.
    printf '{"ordre_id":"GEN-%06d","fagsystem":"KY","kommune":561,' "$i"
    printf '"udbetalingsdato":"2024-03-28",'
    printf '"periode":{"fra":"2024-03-01","til":"2024-03-31"},'
    printf '"modtager":{"type":"cpr","nummer":"0101801234","nemkonto":%s},' "$nemkonto"
    printf '"ydelser":[{"ydelse":"%s","grundlag":{"beløb":"%d.00","forsørger":false}}],' \
        "$ydelse_kode" $((10000 + i % 1000))
    printf '"forsørgelse":{"uge":30,"måneder":14},'
    printf '"skattekort":{"type":"hovedkort","trækprocent":"37","fradrag":"4141.00"}}\n'
    i=$((i + 1))
done >"$input"

exec sh "$here/batch_check.sh" "$ydelse" "$input" - "$dir/batch_genereret.out"
