#!/usr/bin/env python3
"""Reads every *.layout.json under the folders given (written by `experiment run --formats
layout.json`) and prints the house rules each figure breaks, with the axes' share of the page.
Exits 1 when any figure breaks a rule, except the breaks listed in the known-breaks file
(`--known FILE`: lines `experiment/figure WIDTHxHEIGHT: start of the rule's message`, `#`
comments), which are printed as known; an entry that no longer breaks also fails, so the list
only shrinks."""
import json
import pathlib
import sys


def known_breaks(path):
    entries = {}
    for line in pathlib.Path(path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        figure, rule = line.split(": ", 1)
        entries.setdefault(figure.strip(), []).append(rule.strip())
    return entries


def main(args):
    known = {}
    if args[:1] == ["--known"]:
        known, args = known_breaks(args[1]), args[2:]
    broken, count, seen = 0, 0, set()
    for folder in args:
        for path in sorted(pathlib.Path(folder).rglob("*.layout.json")):
            count += 1
            layout = json.loads(path.read_text())
            key = f"{path.parent.name}/{path.name[:-len('.layout.json')]} " \
                f"{layout['width']}x{layout['height']}"
            rules = known.get(key, [])
            new = [v for v in layout["violations"] if not any(v.startswith(r) for r in rules)]
            seen.update((key, r) for r in rules if any(v.startswith(r) for v in layout["violations"]))
            if layout["violations"]:
                print(f"{path} (axes {layout['axesShare']:.0%}){'' if new else ', known'}:")
                for violation in layout["violations"]:
                    print(f"  {violation}{'' if violation in new else ' (known)'}")
            if new:
                broken += 1
    stale = [(k, r) for k, rules in known.items() for r in rules if (k, r) not in seen]
    for k, r in stale:
        print(f"known break no longer seen (remove it from the list): {k}: {r}")
    print(f"{count} figures, {broken} breaking a house rule beyond the {len(seen)} known breaks")
    return 1 if broken or stale or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
