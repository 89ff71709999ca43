"""Explicit Euler, Heun and classical RK4 for y' = y cos t, y(0) = 1 on [0, 2] (exact
y(2) = exp(sin 2)), in double or single precision; `--mutant` plants a bug that loses an order.

    python3 ode.py --method rk4 --steps 64 [--precision single] [--mutant] [--print value]

Prints the error |y_n - y(2)| (or the value y_n) on its last line.
"""
import argparse
import math

import numpy as np


def f(t, y):
    return y * np.cos(t)


def step(method, t, y, h, mutant):
    if method == "euler":
        # Mutant: the time is never advanced (t stays at 0): y' = y is solved instead.
        return y + h * f(t if not mutant else t * 0, y)
    if method == "heun":
        k1 = f(t, y)
        # Mutant: the corrector's slope is taken at t instead of t + h.
        k2 = f(t + (0 if mutant else h), y + h * k1)
        return y + h / 2 * (k1 + k2)
    if method == "rk4":
        k1 = f(t, y)
        k2 = f(t + h / 2, y + h / 2 * k1)
        k3 = f(t + h / 2, y + h / 2 * k2)
        # Mutant: the last stage starts from k2 instead of k3.
        k4 = f(t + h, y + h * (k2 if mutant else k3))
        return y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    raise SystemExit(f"unknown method {method}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--method", choices=["euler", "heun", "rk4"], required=True)
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--precision", choices=["single", "double"], default="double")
    parser.add_argument("--mutant", action="store_true")
    parser.add_argument("--print", dest="what", choices=["error", "value"], default="error")
    args = parser.parse_args()
    real = np.float32 if args.precision == "single" else np.float64
    end = real(2)
    h = end / real(args.steps)
    t, y = real(0), real(1)
    for i in range(args.steps):
        y = real(step(args.method, t, y, h, args.mutant))
        t = real(i + 1) * h
    exact = math.exp(math.sin(2.0))
    print(repr(float(y)) if args.what == "value" else repr(abs(float(y) - exact)))


if __name__ == "__main__":
    main()
