"""The notes' function_2 (the sum of squares, written over one vector) and its gradient by
hand: the functions receive an array of shape (points, 2) (`vector: true`)."""

import numpy as np


def function_2(x):
    return np.sum(x**2, axis=-1)


def gradient_2(x):
    return 2 * x
