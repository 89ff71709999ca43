#!/bin/sh
# Seeds the fuzzers' corpora (in $1/<target>) from the shipped experiments, the expressions in
# the tests, and the hand-written seeds in Fuzz/Corpus. One input per file, named by content.
set -eu
out=$1
mkdir -p "$out/fuzz-expression" "$out/fuzz-experiment"
add() { # add TARGET TEXT
  name=$(printf '%s' "$2" | cksum | cut -d' ' -f1)
  printf '%s' "$2" > "$out/$1/seed-$name"
}
for file in Experiments/*.yaml Experiments/*/*.yaml Fuzz/Corpus/fuzz-experiment/*; do
  [ -f "$file" ] && cp "$file" "$out/fuzz-experiment/seed-$(basename "$file")"
done
{
  grep -ho '\(f\|df\|at\): *"[^"]*"' Experiments/*.yaml | sed 's/^[a-z]*: *"//; s/"$//'
  grep -ho 'parsing: "[^"]*"' Tests/CalculusTests/*.swift | sed 's/^parsing: "//; s/"$//'
  cat Fuzz/Corpus/expressions.txt
} | sort -u | while IFS= read -r line; do add fuzz-expression "$line"; done
