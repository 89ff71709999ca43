"""The same f(x, y) = x^2 y + sin(x y) over the command protocol: one point per line on
standard input ("x y"), one answer per line on standard output, 17 significant digits.

    python3 surface_command.py             f
    python3 surface_command.py gradient    df/dx df/dy
    python3 surface_command.py buggy       the gradient with a planted bug: df/dy forgets
                                           the chain rule's inner derivative of sin(x y)
"""

import math
import sys

mode = sys.argv[1] if len(sys.argv) > 1 else "f"
for line in sys.stdin:
    x, y = (float(word) for word in line.split())
    if mode == "f":
        answer = [x * x * y + math.sin(x * y)]
    elif mode == "gradient":
        answer = [2 * x * y + y * math.cos(x * y), x * x + x * math.cos(x * y)]
    else:
        answer = [2 * x * y + y * math.cos(x * y), x * x + math.cos(x * y)]
    print(" ".join("%.17g" % value for value in answer), flush=True)
