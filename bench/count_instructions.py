#!/usr/bin/env python3
"""Instructions executed per evaluated order, counted exactly by callgrind.

Wall-clock figures on shared vCPUs move with the neighbours' load; an instruction count does
not, so this is how two versions of the evaluator are compared. It runs eval_bench's
BM_EvaluateOrders under callgrind and reports, per call of api::Evaluator::evaluate:

- the whole workload (the 100,000 generated orders evaluated once at start-up to check the mix;
  a fresh Result per order), and
- the benchmark loop itself (a refilled Result; the first few hundred orders only, since
  callgrind runs some 50 times slower).

    python3 bench/count_instructions.py [BUILD_DIR]          # default: build
    python3 bench/count_instructions.py BUILD_DIR reader     # the JSON Lines order reader

With `reader` it runs BM_ReadJsonOrder instead and reports the instructions per call of
io::JsonOrderReader::read (the workload's first few thousand orders as JSON lines).

With --explain it runs BM_AllocationsPerOrderExplained instead, which evaluates the whole
workload twice with EvalOptions::explain and a refilled Result, and reports per order the
evaluation and, of it, explain::explainResult (building the forklaring):

    python3 bench/count_instructions.py --explain [BUILD_DIR]

Needs valgrind (Debian package `valgrind`). Takes about a minute (--explain: about four).
"""
import os
import re
import subprocess
import sys
import tempfile

explain = "--explain" in sys.argv[1:]
arguments = [a for a in sys.argv[1:] if a != "--explain"]
build = arguments[0] if arguments else "build"
reader = len(arguments) > 1 and arguments[1] == "reader"
benchmark = ("^BM_AllocationsPerOrderExplained/iterations:1$" if explain
             else "^BM_ReadJsonOrder$" if reader
             else "^BM_EvaluateOrders/real_time/threads:1$")
fd, out = tempfile.mkstemp(prefix="callgrind.")
os.close(fd)
try:
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                    os.path.join(build, "bench", "eval_bench"),
                    "--benchmark_filter=" + benchmark, "--benchmark_min_time=0.05"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    lines = open(out, encoding="utf-8", errors="replace").read().split("\n")
finally:
    os.unlink(out)


# callgrind names a function once, at its first mention ("fn=(7) name" or "cfn=(7) name"),
# and by number only after that.
names = {}
for line in lines:
    m = re.match(r"c?fn=\((\d+)\) (.*)", line)
    if m:
        names[m.group(1)] = m.group(2)


def per_call(signature):
    """Sum of calls and inclusive cost over every call site of the function `signature`."""
    # Not the lambdas defined in it, whose names begin with the function's.
    ids = {i for i, name in names.items() if signature in name and "::{lambda" not in name}
    calls = cost = 0
    for i, line in enumerate(lines):
        m = re.match(r"cfn=\((\d+)\)", line)
        if not m or m.group(1) not in ids:
            continue
        j = i + 1
        while not lines[j].startswith("calls="):
            j += 1
        calls += int(lines[j].split("=")[1].split()[0])
        cost += int(lines[j + 1].split()[1])
    return calls, cost


if explain:
    calls, cost = per_call("Evaluator::evaluate(ydelse::Order const&, ydelse::Result&")
    if calls == 0:
        sys.exit(f"no explained evaluations found; is {build}/bench/eval_bench current?")
    _, explaining = per_call("explain::explainResult(")
    print(f"explained, refilled Result: {cost // calls:,} instructions per order, of which "
          f"explainResult {explaining // calls:,} ({calls:,} orders)")
    sys.exit(0)

measured = [
    ("whole workload, fresh Result", "Evaluator::evaluate(ydelse::Order const&, ydelse::EvalOptions)"),
    ("benchmark loop, refilled Result", "Evaluator::evaluate(ydelse::Order const&, ydelse::Result&"),
]
if reader:
    measured = [("JSON order reader, warm-up and loop", "JsonOrderReader::read(std::basic_string_view")]
for label, signature in measured:
    calls, cost = per_call(signature)
    if calls == 0:
        sys.exit(f"no calls of {signature} found; is {build}/bench/eval_bench current?")
    print(f"{label}: {cost // calls:,} instructions per order ({calls:,} orders)")
