internal import CBLAS
/// Learning: dense tensors on BLAS, layers, networks, backprop, numerical gradients, datasets.
public enum Learning {}
