"""`make compare`: the cases of an accuracy file through numdifftools, scipy.differentiate and
the adaptive derivative of Calculus (the `compare-driver` executable), against mpmath truth;
prints one side-by-side table and writes it to Benchmarks/results/compare-run.md (for another
file than the default, compare-<stem>.md).

Usage: python Benchmarks/compare/compare.py <compare-driver> [accuracy file]
       (default file: Experiments/accuracy-methods.yaml)

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
import subprocess
import sys
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


def run_swift(driver, pairs):
    payload = json.dumps([{"f": f, "at": x} for f, x in pairs])
    out = subprocess.run([driver], input=payload, capture_output=True, text=True, check=True)
    # The driver leaves out a value that is not finite (JSON has no NaN or infinity).
    return [(nan_if_none(r.get("estimate")), inf_if_none(r.get("error_estimate")),
             r["evaluations"], r) for r in json.loads(out.stdout)]


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


def measure(driver, path):
    pairs = cases.load(path)
    numpy_ns = cases.numpy_namespace()
    swift = run_swift(driver, pairs)
    rows = []
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for (text, x), ours in zip(pairs, swift):
            f = cases.function(text, numpy_ns)
            truth = cases.truth(text, x)
            row = {"f": text, "x": x, "truth": truth, "symbolic": ours[3].get("symbolic")}
            for name, (est, err_est, n) in zip(
                    METHODS, [run_numdifftools(f, x), run_scipy(f, x), ours[:3]]):
                d, err = digits(est, truth)
                row[name] = {"digits": d, "evaluations": n, "error": err,
                             "error_estimate": err_est, "covers": err_est >= err}
            row["adaptive"]["status"] = ours[3]["status"]
            row["adaptive"]["stencil"] = ours[3]["stencil"]
            rows.append(row)
    return rows


def summary(rows, name):
    d = np.array([r[name]["digits"] for r in rows])
    n = np.array([r[name]["evaluations"] for r in rows])
    c = np.array([r[name]["covers"] for r in rows])
    ratios = [r[name]["error_estimate"] / r[name]["error"] for r in rows
              if r[name]["error"] > 0 and math.isfinite(r[name]["error"])]
    return np.median(d), np.percentile(d, 10), np.median(n), c.mean(), np.median(ratios)


def table(rows, path):
    versions = (f"numdifftools {numdifftools.__version__}, scipy {scipy.__version__}, "
                f"mpmath {mpmath.__version__}, numpy {np.__version__}, "
                f"Python {platform.python_version()}")
    lines = [f"# make compare: {len(rows)} cases of {os.path.relpath(path, ROOT)}", "",
             f"Double precision; truth from mpmath at 50 digits; {versions}.",
             "Defaults on every side: `numdifftools.Derivative(f)`, "
             "`scipy.differentiate.derivative(f, x)`, `AdaptiveDerivative.derivative(of:at:)`.",
             "", "| method | median digits | 10th-percentile digits | median evaluations "
             "| error estimate covers | median estimate / error |",
             "|---|---:|---:|---:|---:|---:|"]
    for name in METHODS:
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
    driver = sys.argv[1]
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, "Experiments", "accuracy-methods.yaml")
    rows = measure(driver, path)
    check_truth(rows)
    text = table(rows, path)
    print(text)
    os.makedirs(RESULTS, exist_ok=True)
    default = os.path.abspath(path) == os.path.join(ROOT, "Experiments", "accuracy-methods.yaml")
    stem = os.path.splitext(os.path.basename(path))[0]
    name = "compare-run.md" if default else f"compare-{stem}.md"
    with open(os.path.join(RESULTS, name), "w") as file:
        file.write(text)


if __name__ == "__main__":
    main()
