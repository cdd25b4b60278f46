#!/usr/bin/env bash
# Fill fuzz/corpus/<target>/ with seed inputs at run time. The shared statements are
# copied, never committed (fuzz/corpus and fuzz/artifacts are git-ignored).
#
#   fuzz/seed-corpus.sh [SHARED_DIR]     (default: ../shared beside the checkout)
#
# ingest_*    every statement in SHARED/seeds and SHARED/corpus/real of that format, plus
#             the repository's own examples and fixtures;
# diff        consecutive revisions from SHARED/corpus/versions, each pair padded to equal
#             length and concatenated (the target splits its input in two halves);
# rule_loader the bundled rule packs and lexicons (rules/**/*.yaml).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="${1:-$root/../shared}"
corpus="$here/corpus"

seed() { # target file...
    local target="$1"
    shift
    mkdir -p "$corpus/$target"
    local f
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "$corpus/$target/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
    return 0
}

shopt -s nullglob globstar
seed ingest_markdown "$shared"/seeds/*.md "$shared"/corpus/real/*.md "$root"/examples/**/*.md "$root"/tests/fixtures/**/*.md
seed ingest_html "$shared"/seeds/*.html "$shared"/corpus/real/*.html "$root"/examples/**/*.html "$root"/tests/fixtures/**/*.html
seed ingest_text "$shared"/seeds/*.txt "$shared"/corpus/real/*.txt "$root"/examples/**/*.txt "$root"/tests/fixtures/**/*.txt
seed rule_loader "$root"/rules/**/*.yaml

mkdir -p "$corpus/diff"
for history in "$shared"/corpus/versions/*/; do
    versions=("$history"*)
    for ((i = 1; i < ${#versions[@]}; i++)); do
        python3 - "${versions[i - 1]}" "${versions[i]}" \
            "$corpus/diff/$(basename "$history")-$i" <<'PY'
import sys
a, b = (open(p, "rb").read() for p in sys.argv[1:3])
n = max(len(a), len(b))
open(sys.argv[3], "wb").write(a.ljust(n, b"\n") + b.ljust(n, b"\n"))
PY
    done
done

for d in "$corpus"/*/; do
    echo "$(basename "$d"): $(find "$d" -type f | wc -l) seeds"
done
