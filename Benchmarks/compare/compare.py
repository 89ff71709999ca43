"""`make compare`: the cases of an accuracy file through numdifftools, scipy.differentiate and
`kind: accuracy` (`experiment run FILE`, whose summary.json gives the adaptive derivative of
Calculus and the fixed schemes), against mpmath truth; prints one side-by-side table and writes
it to Benchmarks/results/compare-run.md (for another file than the default, compare-<stem>.md).

Usage: python Benchmarks/compare/compare.py <experiment executable> [accuracy file]
       (default file: Experiments/accuracy-methods.yaml)

The Swift side runs the whole file once (every method it names, double precision); its results
are matched to the cases in file order. The methods other than `adaptive` are shown in the
summary only: they run at the step their Taylor prediction gives from the symbolic derivatives,
which a black-box method cannot know.

Digits are -log10 of the relative error (the absolute error where f'(x) = 0), capped at
15.95 (double precision); a non-finite estimate has 0 digits. An error estimate "covers" a
case when it is at least the true error. Evaluations count every point at which f is
evaluated (numdifftools evaluates vectors of points: each element counts). The last column,
the median ratio of the error estimate to the true error over the cases with a nonzero error,
says how far an estimate overstates (above 1) or understates (below 1) the error.
"""

import json
import math
import os
import platform
import glob
import subprocess
import sys
import tempfile
import warnings

import mpmath
import numdifftools
import numpy as np
import scipy
from scipy.differentiate import derivative as scipy_derivative

import cases

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RESULTS = os.path.join(ROOT, "Benchmarks", "results")
DIGITS_CAP = 15.95


class Counted:
    """f with a count of the points it was evaluated at."""

    def __init__(self, f):
        self.f, self.points = f, 0

    def __call__(self, x):
        self.points += int(np.size(x))
        return self.f(x)


def run_numdifftools(f, x):
    counted = Counted(f)
    result = numdifftools.Derivative(counted, full_output=True)(x)
    return float(result.estimate), float(np.max(result.error_estimate)), counted.points


def run_scipy(f, x):
    counted = Counted(f)
    result = scipy_derivative(counted, x)
    return float(result.df), float(result.error), int(result.nfev)


def run_swift(experiment, path, pairs):
    """The double-precision results of `experiment run path`, per method, in file order."""
    with tempfile.TemporaryDirectory() as output:
        run = subprocess.run([experiment, "run", os.path.abspath(path), "--output", output,
                              "--formats", "svg"], capture_output=True, text=True)
        # 0: every check passed; 1: a check failed (still measured); anything else is an error.
        if run.returncode not in (0, 1):
            sys.exit(f"experiment run {path} failed ({run.returncode}):\n{run.stderr}")
        (summary_path,) = glob.glob(os.path.join(output, "*", "summary.json"))
        with open(summary_path) as file:
            summary = json.load(file)
    by_method = {}
    for r in summary["results"]:
        if r["precision"] == "double":
            by_method.setdefault(r["method"], []).append(r)
    for method, results in by_method.items():
        if [(r["f"], r["at"]) for r in results] != [(f, x) for f, x in pairs]:
            sys.exit(f"the {method} results of {path} do not follow its cases")
    return by_method


def nan_if_none(v):
    return math.nan if v is None else v


def inf_if_none(v):
    return math.inf if v is None else v


def digits(estimate, truth):
    if not math.isfinite(estimate):
        return 0.0, math.inf
    error = abs(mpmath.mpf(estimate) - truth)
    relative = error / abs(truth) if truth != 0 else error
    if relative == 0:
        return DIGITS_CAP, 0.0
    return float(min(DIGITS_CAP, max(0.0, -mpmath.log10(relative)))), float(error)


METHODS = ["numdifftools", "scipy", "adaptive"]


def measure(experiment, path):
    pairs = cases.load(path)
    numpy_ns = cases.numpy_namespace()
    swift = run_swift(experiment, path, pairs)
    if "adaptive" not in swift:
        sys.exit(f"{path} does not run the adaptive method in double precision")
    rows = []
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for i, (text, x) in enumerate(pairs):
            f = cases.function(text, numpy_ns)
            truth = cases.truth(text, x)
            ours = swift["adaptive"][i]
            row = {"f": text, "x": x, "truth": truth, "symbolic": ours["exact"]}
            measured = {"numdifftools": run_numdifftools(f, x), "scipy": run_scipy(f, x)}
            for method, results in swift.items():
                r = results[i]
                measured[method] = (nan_if_none(r["estimate"]), inf_if_none(r["error_estimate"]),
                                    r["evaluations"])
            for name, (est, err_est, n) in measured.items():
                d, err = digits(est, truth)
                row[name] = {"digits": d, "evaluations": n, "error": err,
                             "error_estimate": err_est, "covers": err_est >= err}
            row["adaptive"]["status"] = ours["status"]
            row["adaptive"]["stencil"] = ours["stencil"]
            rows.append(row)
    return rows, [m for m in swift if m != "adaptive"]


def summary(rows, name):
    d = np.array([r[name]["digits"] for r in rows])
    n = np.array([r[name]["evaluations"] for r in rows])
    c = np.array([r[name]["covers"] for r in rows])
    ratios = [r[name]["error_estimate"] / r[name]["error"] for r in rows
              if r[name]["error"] > 0 and math.isfinite(r[name]["error"])]
    return (np.median(d), np.percentile(d, 10), np.median(n), c.mean(),
            np.median(ratios) if ratios else math.nan)


def table(rows, path, fixed):
    versions = (f"numdifftools {numdifftools.__version__}, scipy {scipy.__version__}, "
                f"mpmath {mpmath.__version__}, numpy {np.__version__}, "
                f"Python {platform.python_version()}")
    lines = [f"# make compare: {len(rows)} cases of {os.path.relpath(path, ROOT)}", "",
             f"Double precision; truth from mpmath at 50 digits; {versions}.",
             "Defaults on every side: `numdifftools.Derivative(f)`, "
             "`scipy.differentiate.derivative(f, x)`, `AdaptiveDerivative.derivative(of:at:)` "
             "(through `experiment run`, `kind: accuracy`). After the row *fixed steps*, the file's fixed "
             "methods at the step predicted from the symbolic derivatives (not black-box; "
             "their error estimate is that prediction).",
             "", "| method | median digits | 10th-percentile digits | median evaluations "
             "| error estimate covers | median estimate / error |",
             "|---|---:|---:|---:|---:|---:|"]
    for name in METHODS + fixed:
        if fixed and name == fixed[0]:
            lines.append("| *fixed steps (symbolic prediction)* | | | | | |")
        med, p10, evals, cover, ratio = summary(rows, name)
        lines.append(f"| {name} | {med:.2f} | {p10:.2f} | {evals:g} | "
                     f"{100 * cover:.0f}% ({sum(r[name]['covers'] for r in rows)}/{len(rows)}) "
                     f"| {ratio:.2g} |")
    lines += ["", "Per case: digits (evaluations); `!` marks an error estimate below the true "
              "error.", "", "| f | x | f'(x) | numdifftools | scipy | adaptive | status |",
              "|---|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        cells = [f"{r[m]['digits']:.1f} ({r[m]['evaluations']}){'' if r[m]['covers'] else ' !'}"
                 for m in METHODS]
        status = f"{r['adaptive']['status']}, {r['adaptive']['stencil']}"
        lines.append(f"| `{r['f']}` | {r['x']:.6g} | {mpmath.nstr(r['truth'], 8)} | "
                     + " | ".join(cells) + f" | {status} |")
    return "\n".join(lines) + "\n"


def check_truth(rows):
    """The mpmath truth and the Swift symbolic derivative (Float80) must agree."""
    for r in rows:
        s, t = r["symbolic"], r["truth"]
        scale = max(abs(t), 1e-300)
        if s is None or abs(mpmath.mpf(s) - t) / scale > 1e-12 and abs(t) > 1e-300:
            sys.exit(f"truth disagrees for {r['f']} at {r['x']}: mpmath {t}, symbolic {s}")


def main():
    experiment = sys.argv[1]
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, "Experiments", "accuracy-methods.yaml")
    rows, fixed = measure(experiment, path)
    check_truth(rows)
    text = table(rows, path, fixed)
    print(text)
    os.makedirs(RESULTS, exist_ok=True)
    default = os.path.abspath(path) == os.path.join(ROOT, "Experiments", "accuracy-methods.yaml")
    stem = os.path.splitext(os.path.basename(path))[0]
    name = "compare-run.md" if default else f"compare-{stem}.md"
    with open(os.path.join(RESULTS, name), "w") as file:
        file.write(text)


if __name__ == "__main__":
    main()
