"""Composite trapezoid, Simpson and two-point Gauss-Legendre rules for the integral of exp(x)
over [0, 1] (exact e - 1), in double or single precision; `--mutant` plants a bug that loses an
order.

    python3 quadrature.py --rule simpson --panels 16 [--precision single] [--mutant]

Prints the error |Q - (e - 1)| on its last line.
"""
import argparse
import math

import numpy as np


def integrate(rule, n, real, mutant):
    a, b = real(0), real(1)
    h = (b - a) / real(n)
    x = a + h * np.arange(n + 1, dtype=real)
    fx = np.exp(x).astype(real)
    if rule == "trapezoid":
        # Mutant: the end points get weight 1 instead of 1/2.
        ends = real(1) if mutant else real(0.5)
        return h * (ends * (fx[0] + fx[-1]) + fx[1:-1].sum(dtype=real))
    if rule == "simpson":
        # n panels of two half-steps each: weights 1, 4, 2, ..., 4, 1 times h/6 per panel.
        mid = np.exp(x[:-1] + h / real(2)).astype(real)
        # Mutant: the midpoint weight 4 becomes 3 and the ends 1.5 (still summing to 6).
        w_mid, w_end = (real(3), real(1.5)) if mutant else (real(4), real(1))
        return h / real(6) * (w_end * (fx[:-1] + fx[1:]).sum(dtype=real) + w_mid * mid.sum(dtype=real))
    if rule == "gauss":
        # Mutant: the nodes at +-1/2 instead of +-1/sqrt(3) (exact for lines only).
        g = real(0.5) if mutant else real(1 / math.sqrt(3))
        centre = x[:-1] + h / real(2)
        left = np.exp(centre - h / real(2) * g).astype(real)
        right = np.exp(centre + h / real(2) * g).astype(real)
        return h / real(2) * (left.sum(dtype=real) + right.sum(dtype=real))
    raise SystemExit(f"unknown rule {rule}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rule", choices=["trapezoid", "simpson", "gauss"], required=True)
    parser.add_argument("--panels", type=int, required=True)
    parser.add_argument("--precision", choices=["single", "double"], default="double")
    parser.add_argument("--mutant", action="store_true")
    args = parser.parse_args()
    real = np.float32 if args.precision == "single" else np.float64
    q = integrate(args.rule, args.panels, real, args.mutant)
    print(repr(abs(float(q) - (math.e - 1))))


if __name__ == "__main__":
    main()
