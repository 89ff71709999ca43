#!/bin/sh
# Seeds the fuzzers' corpora (in $1/<target>) from the shipped experiments, the expressions in
# the tests, and the hand-written seeds in Fuzz/Corpus. One input per file, named by content.
set -eu
out=$1
mkdir -p "$out/fuzz-expression" "$out/fuzz-experiment" "$out/fuzz-claims"
# The claims fuzzer starts from its gate corpus (random choices, kept because they passed).
cp Fuzz/Corpus/gate/fuzz-claims/* "$out/fuzz-claims/" 2>/dev/null || true
add() { # add TARGET TEXT
  name=$(printf '%s' "$2" | cksum | cut -d' ' -f1)
  printf '%s' "$2" > "$out/$1/seed-$name"
}
# Every shipped experiment, in any subfolder (every kind), and the hand-written seeds.
find Experiments Fuzz/Corpus/fuzz-experiment -type f -name '*.yaml' | while IFS= read -r file; do
  cp "$file" "$out/fuzz-experiment/seed-$(printf '%s' "$file" | cksum | cut -d' ' -f1)-$(basename "$file")"
done
{
  grep -rho --include='*.yaml' '\(f\|df\|at\): *"[^"]*"' Experiments | sed 's/^[a-z]*: *"//; s/"$//'
  grep -rho --include='*.swift' 'parsing: "[^"]*"' Tests | sed 's/^parsing: "//; s/"$//'
  cat Fuzz/Corpus/expressions.txt
} | sort -u | while IFS= read -r line; do add fuzz-expression "$line"; done
