"""The notes' derivative figure drawn by a careful matplotlib user, from our own errors.csv.

Usage: python matplotlib_derivative.py ERRORS_CSV OUR_PNG OUT_PNG [x0]

Draws |error| against h for each scheme at x0 (default 1) the way a good matplotlib
figure does it (one heading, labels on the curves, a grey band where round-off dominates,
slope guides beside the data), then puts it beside our figure of the same CSV in OUT_PNG.
`make side-by-side` runs it in a virtual environment with matplotlib from PyPI.
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.image as mpimg  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402


def rows(path, x0):
    with open(path, newline="") as file:
        for row in csv.DictReader(file):
            if float(row["at"]) == x0 and row["precision"] == "double":
                yield row


def matplotlib_figure(path, x0, out):
    series = {}
    for row in rows(path, x0):
        h, err = float(row["h"]), float(row["error"])
        if err > 0:
            series.setdefault(row["scheme"], []).append((h, err))
    fig, ax = plt.subplots(figsize=(8, 6), dpi=150)
    ax.margins(x=0.12)
    styles = {"forward": ("o", "-"), "backward": ("s", "--"), "central": ("^", "-")}
    offsets = {"forward": 6, "backward": -6}  # their ends coincide: one label above, one below
    for scheme, points in series.items():
        hs, errs = zip(*points)
        marker, dash = styles.get(scheme, (".", "-"))
        ax.loglog(hs, errs, marker=marker, linestyle=dash, markersize=4, label=scheme)
        ax.annotate(scheme, (hs[-1], errs[-1]), xytext=(6, offsets.get(scheme, 0)),
                    textcoords="offset points", va="center")
    best = min(series["central"], key=lambda p: p[1])[0]
    ax.axvspan(min(p[0] for p in series["central"]), best, color="0.92", zorder=0)
    ax.text(1.5e-12, 3e-1, "round-off dominates", color="0.4")
    for order, anchor in ((1, (1e-4, 1e-6)), (2, (1e-4, 1e-11))):
        hs = [1e-5, 1e-2]
        ax.loglog(hs, [anchor[1] * (h / anchor[0]) ** order for h in hs], ":", color="0.5")
        ax.text(1.3e-2, anchor[1] * (1e-2 / anchor[0]) ** order, f"slope {order}",
                color="0.4", ha="left", va="center")
    ax.set_xlabel("step h")
    ax.set_ylabel("|estimate − f′(x)|")
    ax.set_title(f"f(x) = 2x² + 4eˣ + 15 at x = {x0:g}: error of the difference quotients")
    ax.grid(True, which="major", color="0.9")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def side_by_side(ours, theirs, out):
    fig, axes = plt.subplots(1, 2, figsize=(16, 6.4), dpi=120)
    for ax, image, caption in ((axes[0], ours, "experiment (PLplot + Cairo)"),
                               (axes[1], theirs, "matplotlib, same errors.csv")):
        ax.imshow(mpimg.imread(image))
        ax.set_title(caption)
        ax.axis("off")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


if __name__ == "__main__":
    errors, ours, out = sys.argv[1:4]
    x0 = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
    theirs = out.replace(".png", "-matplotlib.png")
    matplotlib_figure(errors, x0, theirs)
    side_by_side(ours, theirs, out)
