"""Runs every benchmark side by side: the Swift `bench` server and the numpy reference server,
alternated run by run so that the load of a shared machine falls on both alike; prints one
Markdown table and writes Benchmarks/results/latest.json.

Usage: python3 Benchmarks/run.py <path to the bench executable> [--quick] [--record]
                                 [--only NAME[,NAME...]] [--runs N]
--only runs just the named rows (their names as in latest.json: gemm_f64_2048,
convergence_sweep, numgrad_textbook, ...), --runs N sets every row's alternated runs; neither
combines with --record (a record is every row at its planned count).
Also writes Benchmarks/results/latest.md: the table with the date, CPU and load average. With
--record (a quiet machine's run), that becomes Benchmarks/results/reference-run.md and the
table in README.md (between its `bench table` markers).
Both servers inherit this process's environment: set OPENBLAS_NUM_THREADS (the Makefile does).
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")

# name, what, repetitions, warm-ups, reference workload (None: no reference), peak it is
# measured against (None: not BLAS-bound): the machine's best 2048x2048 product in that
# precision, ours or numpy's, measured in the row's own rounds
PLAN = [
    ("gemm_f64_2048", "2048x2048 matrix product, Double (roofline)", 7, 2, "gemm_f64_2048", None),
    ("gemm_f32_2048", "2048x2048 matrix product, Float (roofline)", 7, 2, "gemm_f32_2048", None),
    ("backprop_f64_b100", "backprop, batch 100, Double", 31, 5, "backprop_f64_b100", "f64"),
    ("backprop_f64_b1000", "backprop, batch 1000, Double", 15, 3, "backprop_f64_b1000", "f64"),
    ("backprop_f32_b100", "backprop, batch 100, Float", 31, 5, "backprop_f32_b100", "f32"),
    ("backprop_f32_b1000", "backprop, batch 1000, Float", 15, 3, "backprop_f32_b1000", "f32"),
    # (a row's runs are bursts of BURST[name] back-to-back calls; see below)
    ("sgd_epoch", "SGD epoch, Fashion-MNIST 60,000, batch 100, Double", 5, 1, "sgd_epoch", "f64"),
    ("convergence_sweep", "convergence sweep (exp, 4 schemes, 200 x grid)", 7, 1,
     "convergence_sweep", None),
    # No roofline for the seeds' numerical gradient (it read 115%): its products run as two
    # single-threaded workers, not as one two-thread product like the peak, and its three rounds
    # of some seconds each give the peak one sample per side, taken apart from most of its work.
    ("numgrad_textbook", "numerical gradient, seeds' method, 39,760 params, batch 100, Double",
     3, 0, "numgrad_textbook", None),
    ("numgrad_fast", "numerical gradient, fast, 39,760 params, batch 100, Double", 7, 2,
     "numgrad_textbook", None),
]
# Workloads of a few milliseconds are timed as bursts of back-to-back calls, as a training loop
# runs them (and as google-benchmark or timeit would): the row's `seconds` is the median
# per-call time of the calls after the first; the first call of each burst, which follows the
# pause between sides with cold caches, is reported apart as `cold_seconds`. Both sides alike.
BURST = {
    "backprop_f64_b100": 10, "backprop_f64_b1000": 5, "backprop_f32_b100": 10,
    "backprop_f32_b1000": 5, "numgrad_fast": 5,
}
# Reference workloads measured once and shared by several rows.
PEAK = {"f64": "gemm_f64_2048", "f32": "gemm_f32_2048"}
PAUSE = 0.15  # lets the other side's idle BLAS threads stop spinning before a switch


class Server:
    def __init__(self, argv, env):
        self.process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, bufsize=1)

    def ask(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"{line}: {answer['error']}")
        return answer

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        self.process.wait()


def alternate(ours, reference, name, ref_name, repetitions, warmups, peak=None):
    """Warm-ups then `repetitions` runs of each side, alternated; returns the two lists (and, for
    BLAS-bound rows, the peak product's times on both sides measured in the same rounds, so that
    the roofline sees the same load as the row)."""
    mine, theirs, values, peaks = [], [], {}, {"ours": [], "numpy": []}
    cold = {"ours": [], "ref": []}
    for i in range(warmups + repetitions):
        if peak is not None and i >= warmups and (i - warmups) % 3 == 0:
            peaks["ours"].append(ours.ask(f"run {PEAK[peak]}")["seconds"])
            peaks["numpy"].append(reference.ask(f"run {PEAK[peak]}")["seconds"])
        for side, who, times in ((ours, "ours", mine), (reference, "ref", theirs)):
            if who == "ref" and (ref_name is None or ref_name in measured_reference):
                continue
            workload = name if who == "ours" else ref_name
            burst = BURST.get(workload, 1)
            answer = side.ask(f"run {workload} {burst}")
            values[who] = answer["value"]
            if i >= warmups:
                calls = answer.get("times", [answer["seconds"]])
                times.extend(calls[1:] if len(calls) > 1 else calls)
                if len(calls) > 1:
                    cold[who].append(calls[0])
            time.sleep(PAUSE)
    return mine, theirs, values, peaks, cold


measured_reference = {}


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__)
    quick = "--quick" in sys.argv
    only = option("--only")
    only = set(only.split(",")) if only else None
    runs = option("--runs")
    if only is not None:
        unknown = only - {row[0] for row in PLAN}
        if unknown:
            sys.exit(f"no rows named {', '.join(sorted(unknown))}")
    if (only is not None or runs is not None) and "--record" in sys.argv:
        sys.exit("--record takes every row at its planned count: no --only or --runs")
    env = dict(os.environ)
    threads = env.get("OPENBLAS_NUM_THREADS", "2")
    env.setdefault("OPENBLAS_NUM_THREADS", threads)
    env["OMP_NUM_THREADS"] = threads
    os.makedirs(RESULTS, exist_ok=True)
    load_before = os.getloadavg()
    ours = Server([sys.argv[1]], env)
    reference = Server([sys.executable, os.path.join(HERE, "reference", "reference.py")], env)
    params = os.path.join(RESULTS, "params.f64")
    ours.ask(f"params {params}")
    reference.ask(f"params {params}")
    info = {"ours": ours.ask("info"), "reference": reference.ask("info")}
    rows, rates = [], {}
    for name, what, repetitions, warmups, ref_name, peak in PLAN:
        if only is not None and name not in only:
            continue
        if quick:
            repetitions, warmups = max(1, repetitions // 5), min(warmups, 1)
        if runs is not None:
            repetitions = int(runs)
        if name == "convergence_sweep":
            ours.ask(f"run {name}")
            steps = os.path.join(RESULTS, "steps.f64")
            ours.ask(f"dump convergence_sweep_steps {steps}")
            reference.ask(f"steps {steps}")
        sys.stderr.write(f"{name}: {repetitions} runs each after {warmups} warm-ups\n")
        mine, theirs, values, peaks, cold = alternate(
            ours, reference, name, ref_name, repetitions, warmups, peak)
        if ref_name is not None and ref_name not in measured_reference:
            measured_reference[ref_name] = (theirs, values.get("ref"))
        theirs, ref_value = measured_reference.get(ref_name, ([], None))
        row = {"name": name, "what": what, "seconds": statistics.median(mine), "runs": len(mine)}
        if name in BURST:
            row["burst"] = BURST[name]
            row["cold_seconds"] = statistics.median(cold["ours"])
            if cold["ref"]:
                row["reference_cold_seconds"] = statistics.median(cold["ref"])
        if theirs:
            row["reference_seconds"] = statistics.median(theirs)
            row["reference_runs"] = len(theirs)
            row["ratio"] = row["reference_seconds"] / row["seconds"]
        row["value"] = values.get("ours")
        if ref_value is not None:
            row["reference_value"] = ref_value
        counts = ours.ask(f"flops {name}")
        if counts["flops"] > 0:
            row["gflops"] = counts["flops"] / row["seconds"] / 1e9
            rates[name] = row["gflops"]
            if theirs:
                row["reference_gflops"] = counts["flops"] / row["reference_seconds"] / 1e9
        if counts["evaluations"] > 0:
            row["evaluations_per_second"] = counts["evaluations"] / row["seconds"]
            if theirs:
                row["reference_evaluations_per_second"] = (
                    counts["evaluations"] / row["reference_seconds"])
        if peak is not None:
            peak_flops = ours.ask(f"flops {PEAK[peak]}")["flops"]
            side, fastest = min(((who, statistics.median(t)) for who, t in peaks.items()),
                                key=lambda p: p[1])
            row["peak_gflops"] = peak_flops / fastest / 1e9
            row["peak_by"] = side
            row["roofline_fraction"] = row["gflops"] / row["peak_gflops"]
        rows.append(row)
        sys.stderr.write(f"  {json.dumps(row)}\n")
    ran = {row["name"] for row in rows}
    checks = (compare_gradients(ours, reference)
              if {"numgrad_textbook", "numgrad_fast"} <= ran else None)
    ours.close()
    reference.close()
    for f in ("params.f64", "steps.f64"):
        if os.path.exists(os.path.join(RESULTS, f)):
            os.remove(os.path.join(RESULTS, f))
    result = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), **cpu(),
                    "load_average_before": load_before, "load_average_after": os.getloadavg(),
                    "blas_threads": int(threads),
                    "openblas_coretype_env": os.environ.get("OPENBLAS_CORETYPE")},
        "ours": info["ours"],
        "reference": info["reference"],
        "checks": checks,
        "benchmarks": rows,
    }
    with open(os.path.join(RESULTS, "latest.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    with open(os.path.join(RESULTS, "latest.md"), "w") as f:
        f.write(record(result) + "\n")
    if "--record" in sys.argv:
        keep(result)
    print(table(result))


def option(flag):
    """The value after `flag` on the command line, or None."""
    if flag not in sys.argv:
        return None
    i = sys.argv.index(flag)
    if i + 1 >= len(sys.argv):
        sys.exit(f"{flag} needs a value")
    return sys.argv[i + 1]


def cpu():
    """The CPU's model name, family/model/stepping and feature flags (first processor of
    /proc/cpuinfo); empty where there is none."""
    fields = {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if not line.strip():
                    break
                key, _, value = line.partition(":")
                fields[key.strip()] = value.strip()
    except OSError:
        return {}
    return {"cpu_model": fields.get("model name"),
            "cpu_family_model_stepping": "/".join(
                fields.get(k, "?") for k in ("cpu family", "model", "stepping")),
            "cpu_flags": fields.get("flags", "").split()}


def vector_flags(flags):
    """The flags that decide BLAS kernels: SSE4.2 and wider vector extensions, FMA, AMX."""
    return [f for f in flags if f.startswith(("avx", "amx")) or f in ("sse4_2", "fma")]


def compare_gradients(ours, reference):
    """The fast gradient against the seeds' method (ours and numpy's), entry by entry."""
    files = {}
    for side, who, name in ((ours, "ours", "numgrad_textbook"), (ours, "ours", "numgrad_fast"),
                            (reference, "ref", "numgrad_textbook")):
        path = os.path.join(RESULTS, f"{who}-{name}.f64")
        side.ask(f"dump {name} {path}")
        files[(who, name)] = np.fromfile(path, dtype=np.float64)
        os.remove(path)
    fast, textbook = files[("ours", "numgrad_fast")], files[("ours", "numgrad_textbook")]
    numpy_textbook = files[("ref", "numgrad_textbook")]
    return {
        "parameters": int(fast.size),
        "fast_vs_textbook_max_abs": float(np.abs(fast - textbook).max()),
        "fast_vs_numpy_textbook_max_abs": float(np.abs(fast - numpy_textbook).max()),
        "textbook_vs_numpy_textbook_max_abs": float(np.abs(textbook - numpy_textbook).max()),
    }


def record(result):
    """The run as Benchmarks/results/reference-run.md keeps it: when, where, then the table."""
    m = result["machine"]
    return (f"# A representative `make bench` run\n\nRecorded {result['date']} on {m.get('cpu_model')} "
            f"({m['cpus']} CPUs), load average {m['load_average_before'][0]:.2f} at the start "
            f"and {m['load_average_after'][0]:.2f} at the end.\n\n" + table(result))


def keep(result):
    """Writes the run into Benchmarks/results/reference-run.md and README.md's table."""
    with open(os.path.join(RESULTS, "reference-run.md"), "w") as f:
        f.write(record(result) + "\n")
    readme = os.path.join(HERE, "..", "README.md")
    with open(readme) as f:
        text = f.read()
    start, end = "<!-- bench table -->\n", "<!-- /bench table -->"
    if start not in text or end not in text:
        sys.exit("README.md has no bench table markers")
    head, rest = text.split(start, 1)
    tail = rest.split(end, 1)[1]
    with open(readme, "w") as f:
        f.write(head + start + record(result).split("\n\n", 1)[1] + "\n" + end + tail)


def seconds(s):
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.0f} us"


def table(result):
    lines = [
        "| benchmark | ours | numpy | ratio (numpy / ours) | rate (ours) | roofline |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in result["benchmarks"]:
        ref = seconds(r["reference_seconds"]) if "reference_seconds" in r else "-"
        if r["name"] == "numgrad_fast":
            ref += " (seeds' method)"
        ratio = f"{r['ratio']:.2f}x" if "ratio" in r else "-"
        if "gflops" in r:
            rate = f"{r['gflops']:.1f} GFLOP/s"
        elif "evaluations_per_second" in r:
            rate = f"{r['evaluations_per_second'] / 1e6:.1f} M eval/s"
        else:
            rate = "-"
        roof = f"{100 * r['roofline_fraction']:.0f}%" if "roofline_fraction" in r else "-"
        lines.append(f"| {r['what']} | {seconds(r['seconds'])} | {ref} | {ratio} | {rate} | {roof} |")
    c = result["checks"]
    m = result["machine"]
    lines += [
        "",
        f"Medians of alternated runs (ours, then numpy); {m['blas_threads']} threads each "
        f"(OPENBLAS_NUM_THREADS); {m['cpus']} CPUs: {m.get('cpu_model')} (family/model/stepping "
        f"{m.get('cpu_family_model_stepping')}; {' '.join(vector_flags(m.get('cpu_flags', [])))}); "
        f"load average {m['load_average_before'][0]:.2f} before, "
        f"{m['load_average_after'][0]:.2f} after"
        + (f"; OPENBLAS_CORETYPE={m['openblas_coretype_env']} from the environment"
           if m["openblas_coretype_env"] else "") + ". "
        f"Ours: {result['ours']['blas']}, kernel {result['ours']['core']}. "
        f"numpy {result['reference'].get('numpy')}: {result['reference'].get('blas', '?')}, "
        f"kernel {result['reference'].get('core', '?')}. Roofline: achieved FLOP rate of the "
        "pass's products / the machine's best 2048x2048 product rate in the same precision "
        "(ours or numpy's, whichever is faster), measured in the row's own rounds.",
    ]
    if c is not None:
        lines.append(
            f"Fast vs seeds' numerical gradient ({c['parameters']} entries): max |difference| "
            f"{c['fast_vs_textbook_max_abs']:.1e} (ours), "
            f"{c['fast_vs_numpy_textbook_max_abs']:.1e} (numpy's); seeds' method ours vs numpy: "
            f"{c['textbook_vs_numpy_textbook_max_abs']:.1e}.")
    bursts = [r for r in result["benchmarks"] if "burst" in r]
    if bursts:
        lines.append(
            "Rows of a few milliseconds are per-call medians of bursts of back-to-back calls "
            "after the first; the first call of each burst, after a 0.15 s pause with cold "
            "caches, took (ours / numpy): " + "; ".join(
                f"{r['what']}: {seconds(r['cold_seconds'])}"
                + (f" / {seconds(r['reference_cold_seconds'])}"
                   if "reference_cold_seconds" in r else "")
                for r in bursts) + ".")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
