"""The numpy side of `make bench`: the seeds' algorithms on the same data, as a line server.

Speaks the same protocol as the Swift `bench` executable (see Benchmarks/Sources/bench/main.swift)
so that Benchmarks/run.py can alternate the two:

  info / params <file> / run <name> / dump <name> <file> / quit

`params <file>` loads the network's initial weights written by the Swift side (raw float64,
W1 [784, 50] row-major, b1, W2 [50, 10], b2), so both sides differentiate the very same
network on the very same Fashion-MNIST images (read here from the same gzip'd IDX files).
"""

import gzip
import json
import sys
import time

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"
LAYERS = (784, 50, 10)
STEP = 1e-4
SWEEP_REPEATS = 200


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims))
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


class TwoLayerNet:
    """The seeds' TwoLayerNet: affine -> relu -> affine -> softmax -> cross-entropy."""

    def __init__(self, flat, dtype):
        n, h, c = LAYERS
        flat = np.asarray(flat, dtype=dtype)
        sizes = [("W1", (n, h)), ("b1", (h,)), ("W2", (h, c)), ("b2", (c,))]
        self.params = {}
        offset = 0
        for name, shape in sizes:
            count = int(np.prod(shape))
            self.params[name] = flat[offset : offset + count].reshape(shape).copy()
            offset += count

    def loss(self, x, t):
        p = self.params
        z1 = x @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        s = a1 @ p["W2"] + p["b2"]
        m = s.max(axis=1, keepdims=True)
        lse = np.log(np.exp(s - m).sum(axis=1)) + m[:, 0]
        return float(np.mean(lse - s[np.arange(len(t)), t]))

    def numerical_gradient(self, x, t):
        """The seeds' numerical_diff: np.nditer over every parameter, a full forward pass per
        evaluation, central differences with h = 1e-4."""
        grads = {}
        for name, w in self.params.items():
            g = np.zeros_like(w)
            it = np.nditer(w, flags=["multi_index"], op_flags=[["readwrite"]])
            while not it.finished:
                index = it.multi_index
                tmp = w[index]
                w[index] = tmp + STEP
                fxh2 = self.loss(x, t)
                w[index] = tmp - STEP
                fxh1 = self.loss(x, t)
                g[index] = (fxh2 - fxh1) / (2 * STEP)
                w[index] = tmp
                it.iternext()
            grads[name] = g
        return grads

    def gradient(self, x, t):
        """Backpropagation; returns the loss and the gradients."""
        p = self.params
        rows = x.shape[0]
        z1 = x @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        s = a1 @ p["W2"] + p["b2"]
        m = s.max(axis=1, keepdims=True)
        e = np.exp(s - m)
        total = e.sum(axis=1, keepdims=True)
        loss = float(np.mean(np.log(total[:, 0]) + m[:, 0] - s[np.arange(rows), t]))
        delta = e / total
        delta[np.arange(rows), t] -= 1
        delta /= rows
        grads = {"W2": a1.T @ delta, "b2": delta.sum(axis=0)}
        d1 = delta @ p["W2"].T
        d1 *= z1 > 0
        grads["W1"] = x.T @ d1
        grads["b1"] = d1.sum(axis=0)
        return loss, grads


class Reference:
    def __init__(self):
        self.images = read_idx(f"{DATA}/train-images-idx3-ubyte.gz").reshape(-1, 784)
        self.labels = read_idx(f"{DATA}/train-labels-idx1-ubyte.gz").astype(np.intp)
        self.x64 = self.images.astype(np.float32) / np.float32(255)  # as the Swift side
        self.x64 = self.x64.astype(np.float64)
        self.flat = None
        self.gradients = {}
        self.built = {}

    def make(self, name):
        if name.startswith("numgrad_textbook"):
            net = TwoLayerNet(self.flat, np.float64)
            x, t = self.x64[:100], self.labels[:100]

            def run():
                g = net.numerical_gradient(x, t)
                flat = np.concatenate([g[k].ravel() for k in ("W1", "b1", "W2", "b2")])
                self.gradients[name] = flat
                return float(np.abs(flat).sum())

            return run
        if name.startswith("backprop_"):
            _, precision, batch = name.split("_")
            dtype = np.float64 if precision == "f64" else np.float32
            rows = int(batch[1:])
            net = TwoLayerNet(self.flat, dtype)
            x, t = self.x64[:rows].astype(dtype), self.labels[:rows]
            return lambda: net.gradient(x, t)[0]
        if name == "sgd_epoch":
            x, t = self.x64, self.labels

            def run():
                net = TwoLayerNet(self.flat, np.float64)
                order = np.random.default_rng(7).permutation(len(t))
                total, steps = 0.0, 0
                for start in range(0, len(t), 100):
                    idx = order[start : start + 100]
                    loss, grads = net.gradient(x[idx], t[idx])
                    for key, g in grads.items():
                        net.params[key] -= 0.1 * g
                    total += loss
                    steps += 1
                return total / steps

            return run
        if name.startswith("gemm_"):
            dtype = np.float64 if "f64" in name else np.float32
            n = 2048
            i = np.arange(n * n)
            a = ((i % 7) * 0.1).astype(dtype).reshape(n, n)
            b = ((i % 5) * 0.2).astype(dtype).reshape(n, n)
            c = np.empty((n, n), dtype=dtype)
            return lambda: float(np.matmul(a, b, out=c)[-1, -1])
        if name == "convergence_sweep":
            return self.sweep()
        return None

    def sweep(self):
        """The same sweep as the Swift side: every step of its grid (`steps <file>`),
        representable steps h' = (x + h) - x, stencils of forward, backward, central and
        central4, of exp at 1; vectorised over the steps as numpy code would be."""
        h = self.steps
        x = 1.0
        hp = (x + h) - x
        stencils = [
            ([1, 0], [1, -1], 1),
            ([0, -1], [1, -1], 1),
            ([1, -1], [1, -1], 2),
            ([2, 1, -1, -2], [-1, 8, -8, 1], 12),
        ]

        def run():
            total = 0.0
            with np.errstate(all="ignore"):
                for _ in range(SWEEP_REPEATS):
                    for offsets, weights, d in stencils:
                        acc = np.zeros_like(hp)
                        for o, w in zip(offsets, weights):
                            acc += w * np.exp(x + o * hp if o != 0 else np.full_like(hp, x))
                        est = acc / (d * hp)
                        total += float(est[np.isfinite(est)].sum())
            return total / SWEEP_REPEATS

        return run


def numpy_blas():
    """numpy's bundled OpenBLAS as it describes itself: {"blas": config, "core": kernel} (the
    library is found among the process's mapped files; its symbols carry scipy-openblas's
    prefix and, in the 64-bit-index build, a `64_` suffix). Empty when there is none."""
    import ctypes

    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "openblas" in line and "/" in line}
    for path in sorted(paths):
        lib = ctypes.CDLL(path)
        for prefix in ("scipy_", ""):
            for suffix in ("64_", ""):
                config = getattr(lib, f"{prefix}openblas_get_config{suffix}", None)
                core = getattr(lib, f"{prefix}openblas_get_corename{suffix}", None)
                if config is None or core is None:
                    continue
                config.restype = core.restype = ctypes.c_char_p
                return {"blas": " ".join(config().decode().split()), "core": core().decode()}
    return {}


def main():
    ref = Reference()
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        command = words[0]
        if command == "info":
            reply = {"numpy": np.__version__, **numpy_blas()}
        elif command == "params":
            ref.flat = np.fromfile(words[1], dtype=np.float64)
            ref.built.clear()
            reply = {}
        elif command == "run":
            name = words[1]
            if name not in ref.built:
                ref.built[name] = ref.make(name)
            run = ref.built[name]
            if run is None:
                reply = {"error": f"no workload {name}"}
            else:
                burst = int(words[2]) if len(words) > 2 else 1
                times = []
                for _ in range(max(1, burst)):
                    began = time.perf_counter()
                    value = run()
                    times.append(time.perf_counter() - began)
                reply = {"seconds": times[0], "times": times, "value": value}
        elif command == "steps":
            ref.steps = np.fromfile(words[1], dtype=np.float64)
            ref.built.pop("convergence_sweep", None)
            reply = {}
        elif command == "dump":
            ref.gradients[words[1]].tofile(words[2])
            reply = {}
        elif command == "quit":
            return
        else:
            reply = {"error": f"unknown command: {line.strip()}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
