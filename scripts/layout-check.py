#!/usr/bin/env python3
"""Reads every *.layout.json under the folders given (written by `experiment run --formats
layout.json`) and prints the house rules each figure breaks, with the axes' share of the page.
Exits 1 when any figure breaks a rule."""
import json
import pathlib
import sys


def main(folders):
    broken = 0
    count = 0
    for folder in folders:
        for path in sorted(pathlib.Path(folder).rglob("*.layout.json")):
            count += 1
            layout = json.loads(path.read_text())
            if layout["violations"]:
                broken += 1
                print(f"{path} (axes {layout['axesShare']:.0%}):")
                for violation in layout["violations"]:
                    print(f"  {violation}")
    print(f"{count} figures, {broken} breaking a house rule")
    return 1 if broken or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
