"""Reads a JUnit file written by `experiment run --junit` with junitparser and checks it
against the run's summary.json files: one testsuite per experiment, one testcase per check
(classname the experiment, name the subject), failures and skips where the checks say so.

    python junit-check.py JUNIT.xml OUTPUT_DIR
"""
import json
import sys
from pathlib import Path

from junitparser import Failure, JUnitXml, Skipped


def main():
    junit, output = Path(sys.argv[1]), Path(sys.argv[2])
    xml = JUnitXml.fromfile(str(junit))
    suites = list(xml)
    problems = []
    for suite in suites:
        summary = json.loads((output / suite.name / "summary.json").read_text())
        checks = summary["checks"]
        cases = list(suite)
        if [c.name for c in cases] != [c["subject"] for c in checks]:
            problems.append(f"{suite.name}: testcases differ from the checks")
        for case, check in zip(cases, checks):
            kinds = {type(r) for r in case.result}
            want = {"passed": set(), "failed": {Failure}, "not-checked": {Skipped}}[check["status"]]
            if kinds != want or case.classname != suite.name:
                problems.append(f"{suite.name}/{case.name}: {kinds} for {check['status']}")
            if check["status"] == "failed" and case.result[0].text != check["detail"]:
                problems.append(f"{suite.name}/{case.name}: failure text differs")
        if suite.failures != summary["verdict"]["failed"]:
            problems.append(f"{suite.name}: {suite.failures} failures")
    print(f"{junit}: {len(suites)} suites, {sum(len(list(s)) for s in suites)} testcases read by junitparser")
    for p in problems:
        print("problem:", p)
    sys.exit(1 if problems or not suites else 0)


if __name__ == "__main__":
    main()
