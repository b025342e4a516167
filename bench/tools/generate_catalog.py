#!/usr/bin/env python3
"""Writes a catalog directory with N ydelser (default 1,000) for the compile-time benchmark
(quality.md: "compile a generated 1,000-ydelse catalog < 2 s").

It copies the shipped catalog (katalog.yk, regler/, satser/, konfiguration/) and, next to its 8
ydelser, writes N - 8 variants of them: each a shipped ydelse under a new code and name
(KONTANTHJÆLP -> KONTANTHJÆLP_G0042), with its own version, legal basis text and types, so the
compiler parses, checks and lowers N distinct ydelser over the shared rules. Deterministic: the
same N gives the same files. The catalog's own tests and examples are not copied (they name
only the shipped ydelser).

    python3 bench/tools/generate_catalog.py OUT_DIR [N] [--catalog catalog]
"""
import argparse
import pathlib
import re
import shutil
import sys

YDELSE = re.compile(r'^ydelse\s+(\S+)\s+"([^"]*)"', re.MULTILINE)
LOVGRUNDLAG = re.compile(r'^(\s*lovgrundlag\s+)"([^"]*)"', re.MULTILINE)
VERSION = re.compile(r'^(\s*version\s+)"([^"]*)"', re.MULTILINE)
TYPE = re.compile(r'^type\s+(\w+)\s*=\s*(.*)$', re.MULTILINE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--catalog", default=str(pathlib.Path(__file__).resolve().parents[2] / "catalog"))
    args = ap.parse_args()
    src = pathlib.Path(args.catalog)
    out = pathlib.Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for part in ("katalog.yk",):
        shutil.copy(src / part, out / part)
    for part in ("regler", "satser", "konfiguration"):
        shutil.copytree(src / part, out / part)
    shipped = sorted((src / "ydelser").glob("*.yk"))
    (out / "ydelser").mkdir()
    for f in shipped:
        shutil.copy(f, out / "ydelser" / f.name)
    if args.n < len(shipped):
        sys.exit(f"N must be at least {len(shipped)}, the shipped ydelser")
    for i in range(args.n - len(shipped)):
        f = shipped[i % len(shipped)]
        text = f.read_text(encoding="utf-8")
        tag = f"G{i + 1:04d}"
        m = YDELSE.search(text)
        if not m:
            sys.exit(f"{f}: no ydelse header")
        text = YDELSE.sub(lambda m: f'ydelse {m.group(1)}_{tag} "{m.group(2)} (variant {i + 1})"',
                          text, count=1)
        text = LOVGRUNDLAG.sub(lambda m: f'{m.group(1)}"{m.group(2)}, variant {i + 1}"', text,
                               count=1)
        # Types declared in a ydelse file, and their values, are catalog-wide names: each
        # variant gets its own.
        for name, values in TYPE.findall(text):
            for word in [name] + [v.strip() for v in values.split('|')]:
                text = re.sub(rf'\b{word}\b', f'{word}_{tag}', text)
        text = VERSION.sub(lambda m: f'{m.group(1)}"{m.group(2)}.{i + 1}"', text, count=1)
        (out / "ydelser" / f"{f.stem}_{tag.lower()}.yk").write_text(text, encoding="utf-8")
    print(f"{out}: {args.n} ydelser ({len(shipped)} shipped, {args.n - len(shipped)} variants)")


if __name__ == "__main__":
    main()
