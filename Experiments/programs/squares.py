"""The notes' function_2 (the sum of squares, written over one vector) and its gradient by
hand: the functions receive an array of shape (points, 2) (`vector: true`). Named without
underscores, which figure titles would read as subscripts."""

import numpy as np


def squares(x):
    return np.sum(x**2, axis=-1)


def gradient(x):
    return 2 * x
