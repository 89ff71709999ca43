"""A copy of two_layer_net.py with a planted bug: the gradient of W1 is computed as (50, 784) and
reshaped to (784, 50) instead of transposed: every entry lands at the wrong index."""

import numpy as np


def softmax(a):
    a = a - np.max(a, axis=1, keepdims=True)
    e = np.exp(a)
    return e / np.sum(e, axis=1, keepdims=True)


def cross_entropy_error(y, t):
    batch_size = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / batch_size


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01,
                 weight_decay=0.0):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.weight_decay = weight_decay

    def forward(self, x):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        a1 = np.dot(x, W1) + b1
        z1 = np.maximum(a1, 0)
        a2 = np.dot(z1, W2) + b2
        return a1, z1, softmax(a2)

    def loss(self, x, t):
        _, _, y = self.forward(x)
        W1, W2 = self.params['W1'], self.params['W2']
        decay = 0.5 * self.weight_decay * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        return cross_entropy_error(y, t) + decay

    def gradient(self, x, t):
        W1, W2 = self.params['W1'], self.params['W2']
        a1, z1, y = self.forward(x)
        batch_num = x.shape[0]
        grads = {}
        dy = (y - t) / batch_num
        grads['W2'] = np.dot(z1.T, dy) + self.weight_decay * W2
        grads['b2'] = np.sum(dy, axis=0)
        dz1 = np.dot(dy, W2.T)
        da1 = dz1 * (a1 > 0)
        grads['W1'] = np.dot(da1.T, x).reshape(W1.shape) + self.weight_decay * W1
        grads['b1'] = np.sum(da1, axis=0)
        return grads
