#!/usr/bin/env python3
"""Corpus throughput of `privlint check`: builds a corpus of statements from ../shared
(seeds, labelled real statements and dated versions), each copy varied so no two files are
the same, then times `privlint check --format jsonl` over it on one core and on all cores,
and reports MB/s, documents/s and peak RSS.

    python3 bench/corpus-throughput.py [--docs 1000] [--binary target/release/privlint]

The corpus is written to target/bench-corpus (rebuilt when --docs changes). Build the
binary first: cargo build --release.
"""

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTS = {".md", ".html", ".htm", ".txt"}


def sources(shared: Path) -> list[Path]:
    found = []
    for sub in ["seeds", "corpus/real", "corpus/versions"]:
        for p in sorted((shared / sub).rglob("*")):
            if p.is_file() and p.suffix.lower() in EXTS:
                found.append(p)
    return found


def vary(text: str, i: int, rng: random.Random) -> str:
    """A different but realistic statement: paragraphs (blank-line separated) after the
    first few are shuffled within a window, and a numbered line is appended."""
    parts = text.split("\n\n")
    head, body = parts[:3], parts[3:]
    for j in range(0, len(body), 8):
        window = body[j : j + 8]
        rng.shuffle(window)
        body[j : j + 8] = window
    return "\n\n".join(head + body) + f"\n\n<!-- corpus copy {i} -->\n"


def build(out: Path, docs: int, shared: Path) -> int:
    stamp = out / ".docs"
    if stamp.exists() and stamp.read_text() == str(docs):
        return sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and p.name != ".docs")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    srcs = sources(shared)
    if not srcs:
        sys.exit(f"no statements found under {shared}")
    rng = random.Random(42)
    total = 0
    for i in range(docs):
        src = srcs[i % len(srcs)]
        text = src.read_bytes().decode("utf-8", errors="replace")
        if src.suffix.lower() != ".html":
            text = vary(text, i, rng)
        else:
            text = text + f"\n<!-- corpus copy {i} -->\n"
        dest = out / f"{i // 100:03d}" / f"{i:05d}-{src.stem}{src.suffix}"
        dest.parent.mkdir(exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        total += dest.stat().st_size
    stamp.write_text(str(docs))
    return total


def run(binary: Path, corpus: Path, jobs: int) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS in KiB, and documents reported."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.run(
        [str(binary), "check", "--quiet", "--fail-on", "never", "-j", str(jobs),
         "--format", "jsonl", str(corpus)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"privlint failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    # ru_maxrss of children is the maximum over all children so far: run the larger job last
    return wall, cpu, max(usage.ru_maxrss, before), proc.stdout.count(b"\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--binary", type=Path, default=ROOT / "target/release/privlint")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3, help="runs per setting; the best is reported")
    args = ap.parse_args()
    if not args.binary.exists():
        sys.exit(f"{args.binary} not found: run cargo build --release first")
    corpus = ROOT / "target/bench-corpus"
    size = build(corpus, args.docs, args.shared)
    cores = os.cpu_count() or 1
    print(f"corpus: {args.docs} statements, {size / 1e6:.1f} MB ({corpus})")
    print(f"load average before: {os.getloadavg()[0]:.2f} (figures are only meaningful on an idle machine)")
    print(f"{'threads':>7} {'wall s':>8} {'MB/s':>8} {'docs/s':>8} {'CPU s':>8} {'MB/CPU-s':>9} {'peak RSS MB':>12}")
    for jobs in sorted({1, cores}):
        best = None
        for _ in range(args.repeat):
            wall, cpu, rss, reported = run(args.binary, corpus, jobs)
            if reported != args.docs:
                sys.exit(f"expected {args.docs} JSONL lines, got {reported}")
            if best is None or wall < best[0]:
                best = (wall, cpu)
        wall, cpu = best
        print(f"{jobs:>7} {wall:>8.2f} {size / 1e6 / wall:>8.1f} {args.docs / wall:>8.0f} "
              f"{cpu:>8.2f} {size / 1e6 / cpu:>9.1f} {rss / 1024:>12.1f}")


if __name__ == "__main__":
    main()
