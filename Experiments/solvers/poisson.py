"""Second-order finite differences for -u'' = pi^2 sin(pi x) on (0, 1), u(0) = u(1) = 0
(exact u = sin(pi x)), solved by the Thomas algorithm in double or single precision; `--mutant`
plants a bug that loses an order.

    python3 poisson.py --cells 32 [--precision single] [--mutant]

Prints the largest nodal error on its last line.
"""
import argparse
import math

import numpy as np


def solve(n, real, mutant):
    h = real(1) / real(n)
    x = h * np.arange(1, n, dtype=real)
    # Mutant: the right-hand side is sampled half a cell off the node.
    at = x + h / real(2) if mutant else x
    rhs = (real(math.pi**2) * np.sin(real(math.pi) * at)).astype(real) * h * h
    m = n - 1
    diag = np.full(m, real(2), dtype=real)
    c = np.zeros(m, dtype=real)
    d = np.zeros(m, dtype=real)
    c[0] = real(-1) / diag[0]
    d[0] = rhs[0] / diag[0]
    for i in range(1, m):
        denom = diag[i] + c[i - 1]
        c[i] = real(-1) / denom
        d[i] = (rhs[i] + d[i - 1]) / denom
    u = np.zeros(m, dtype=real)
    u[-1] = d[-1]
    for i in range(m - 2, -1, -1):
        u[i] = d[i] - c[i] * u[i + 1]
    exact = np.sin(np.pi * x.astype(np.float64))
    return float(np.max(np.abs(u.astype(np.float64) - exact)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", type=int, required=True)
    parser.add_argument("--precision", choices=["single", "double"], default="double")
    parser.add_argument("--mutant", action="store_true")
    args = parser.parse_args()
    real = np.float32 if args.precision == "single" else np.float64
    print(repr(solve(args.cells, real, args.mutant)))


if __name__ == "__main__":
    main()
