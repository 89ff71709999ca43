"""The case set of Experiments/accuracy-methods.yaml, translated for numpy and mpmath.

The expression grammar (README "Experiment files") is close to Python's: `^` becomes `**`,
and the names resolve to the functions of a namespace (numpy for the methods under test,
mpmath at 50 digits for the truth). Number literals are doubles on both sides, as in the
Swift `Expression` type; points are evaluated in double and then taken exactly.
"""

import math
import re

import mpmath
import numpy as np
import yaml

_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_FUNCTIONS = {"exp", "log", "sqrt", "sin", "cos", "tan", "tanh", "sinh", "cosh", "asin",
              "acos", "atan", "abs", "sigmoid", "relu", "sign", "step", "pow"}


def python_source(text):
    """The expression as Python source over the names of the grammar."""
    source = text.replace("^", "**")
    for name in set(_NAME.findall(source)):
        if name not in _FUNCTIONS | {"pi", "e", "x"}:
            raise ValueError(f"unknown name {name!r} in {text!r}")
    return source


def numpy_namespace():
    return {
        "exp": np.exp, "log": np.log, "sqrt": np.sqrt, "sin": np.sin, "cos": np.cos,
        "tan": np.tan, "tanh": np.tanh, "sinh": np.sinh, "cosh": np.cosh,
        "asin": np.arcsin, "acos": np.arccos, "atan": np.arctan, "abs": np.abs,
        "sigmoid": lambda u: 1 / (1 + np.exp(-u)), "relu": lambda u: np.maximum(u, 0),
        "sign": np.sign, "step": lambda u: np.where(u > 0, 1.0, 0.0), "pow": np.power,
        "pi": math.pi, "e": math.e,
    }


def mpmath_namespace():
    return {
        "exp": mpmath.exp, "log": mpmath.log, "sqrt": mpmath.sqrt, "sin": mpmath.sin,
        "cos": mpmath.cos, "tan": mpmath.tan, "tanh": mpmath.tanh, "sinh": mpmath.sinh,
        "cosh": mpmath.cosh, "asin": mpmath.asin, "acos": mpmath.acos, "atan": mpmath.atan,
        "abs": abs, "sigmoid": lambda u: 1 / (1 + mpmath.exp(-u)),
        "relu": lambda u: max(u, 0), "sign": mpmath.sign,
        "step": lambda u: mpmath.mpf(1 if u > 0 else 0), "pow": lambda a, b: a ** b,
        "pi": math.pi, "e": math.e,  # the doubles, as the Swift Expression has them
    }


def function(text, namespace):
    code = compile(python_source(text), text, "eval")
    return lambda x: eval(code, namespace, {"x": x})


def point(value):
    """A point of the file: a number or a constant expression, evaluated in double."""
    if isinstance(value, (int, float)):
        return float(value)
    return float(eval(compile(python_source(str(value)), str(value), "eval"),
                      numpy_namespace(), {}))


def load(path):
    """The (f, x) pairs of an accuracy file, in file order."""
    with open(path) as file:
        spec = yaml.safe_load(file)
    if spec.get("kind") != "accuracy":
        raise ValueError(f"{path}: kind is {spec.get('kind')!r}, not accuracy")
    pairs = []
    for case in spec["cases"]:
        points = case["at"] if isinstance(case["at"], list) else [case["at"]]
        pairs += [(case["f"], point(p)) for p in points]
    return pairs


def truth(text, x):
    """f'(x) to 50 digits: mpmath's derivative of the expression at the exact double x."""
    with mpmath.workdps(50):
        f = function(text, mpmath_namespace())
        return mpmath.diff(f, mpmath.mpf(x))
