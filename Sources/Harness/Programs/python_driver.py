"""The experiment tool's Python driver: serves a user's Python function over the command
protocol (one point per line in, one answer per line out), calling it on whole numpy batches
when it accepts arrays.

    python3 python_driver.py FILE NAME --variables N [--outputs K] [--vector]

Requests on standard input:
    points P            then P lines, each N numbers: answered by P lines of K numbers
(kind: backprop) python3 python_driver.py --model FILE:CLASS SETTINGS_JSON serves
    tensors             one line: NAME:SIZE:SHAPE for each parameter
    gradient K          then K lines "NAME INDEX": the student's gradient at those entries
    loss K              then K lines "NAME INDEX DELTA": the loss with that entry moved by
                        DELTA (in the model's dtype), then restored; answered "LOSS STEP",
                        STEP the move the dtype actually made
End of input means stop. A problem is one line "error: ..." on standard error and exit 3.
"""

import importlib.util
import math
import os
import sys


def fail(message):
    sys.stderr.write("error: " + message + "\n")
    sys.stderr.flush()
    sys.exit(3)


def load(path, name):
    """FILE:NAME -> the attribute, importing FILE with its folder on sys.path."""
    if not os.path.isfile(path):
        fail("%s: no such file (from the experiment file's folder %s)" % (path, os.getcwd()))
    folder = os.path.dirname(os.path.abspath(path))
    sys.path.insert(0, folder)
    stem = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[stem] = module
    spec.loader.exec_module(module)
    target = module
    for part in name.split("."):
        if not hasattr(target, part):
            found = sorted(n for n in dir(module) if not n.startswith("_"))
            fail("%s has no %s (it defines: %s)" % (path, name, ", ".join(found)))
        target = getattr(target, part)
    return target


def text(value):
    """The shortest text that reads back as the same double."""
    return repr(float(value))


class Caller:
    """Calls the function point by point or on whole batches, whichever it accepts; decided
    once, by comparing a batch call's first answer with the same point called alone."""

    def __init__(self, function, variables, outputs, vector):
        import numpy

        self.np = numpy
        self.function = function
        self.variables = variables
        self.outputs = outputs
        self.vector = vector
        self.batch = None  # undecided

    def one(self, point):
        np = self.np
        if self.vector:
            result = self.function(np.array(point, dtype=float))
        else:
            result = self.function(*[float(v) for v in point])
        values = np.asarray(result, dtype=float).reshape(-1)
        if values.size != self.outputs:
            fail(
                "%s returned %d number(s) at %s, but %d expected (shape %s)"
                % (name_of(self.function), values.size, point, self.outputs, np.shape(result))
            )
        return [float(v) for v in values]

    def many(self, points):
        np = self.np
        array = np.array(points, dtype=float)
        if self.vector:
            result = self.function(array)
        else:
            result = self.function(*[array[:, j] for j in range(self.variables)])
        values = np.asarray(result, dtype=float)
        count = len(points)
        if self.outputs == 1 and values.shape == (count,):
            return values.reshape(count, 1)
        if values.shape == (count, self.outputs):
            return values
        if values.shape == (self.outputs, count):
            return values.T
        return None

    def decide(self, points):
        first = self.one(points[0])
        self.batch = False
        if len(points) < 2:
            return
        try:
            with self.np.errstate(all="ignore"):
                values = self.many(points)
        except Exception:
            return
        if values is None:
            return
        same = all(
            (math.isnan(a) and math.isnan(b)) or a == b or abs(a - b) <= 1e-13 * abs(a)
            for a, b in zip(first, values[0])
        )
        self.batch = same

    def __call__(self, points):
        if self.batch is None:
            self.decide(points)
        if self.batch:
            with self.np.errstate(all="ignore"):
                values = self.many(points)
            if values is None:
                fail("%s returned a result of the wrong shape for a batch" % name_of(self.function))
            return values.tolist()
        with self.np.errstate(all="ignore"):
            return [self.one(p) for p in points]


def with_numpy():
    try:
        import numpy  # noqa: F401
    except ImportError:
        fail("numpy is not installed for %s" % sys.executable)


def name_of(function):
    return getattr(function, "__name__", repr(function))


def read_points(count, variables):
    points = []
    for _ in range(count):
        line = sys.stdin.readline()
        if not line:
            sys.exit(0)
        values = [float(v) for v in line.split()]
        if len(values) != variables:
            fail("a point with %d values, %d expected" % (len(values), variables))
        points.append(values)
    return points


def serve(caller, variables):
    out = sys.stdout
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "points":
            points = read_points(int(words[1]), variables)
            for row in caller(points):
                out.write(" ".join(text(v) for v in row) + "\n")
            out.flush()
        else:
            fail("unknown request %r" % words[0])


class Model:
    """kind: backprop. The student's model, built once; its parameters stay here: the tool
    names an entry and a step, the driver moves it, evaluates the loss and restores it."""

    def __init__(self, target, settings):
        import json
        import numpy as np

        self.np = np
        config = json.loads(settings)
        self.dtype = np.float32 if config.get("dtype") == "single" else np.float64
        path, name = target.rsplit(":", 1)
        cls = load(path, name)
        np.random.seed(config.get("seed", 0))
        self.model = cls(**config.get("arguments", {}))
        self.params = getattr(self.model, config.get("params", "params"), None)
        if not isinstance(self.params, dict):
            fail("%s has no dict of parameters named %r" % (name, config.get("params", "params")))
        for key in list(self.params):
            self.params[key] = np.ascontiguousarray(self.params[key], dtype=self.dtype)
        self.loss_name = config.get("loss", "loss")
        self.gradient_name = config.get("gradient", "gradient")
        for method in (self.loss_name, self.gradient_name):
            if not callable(getattr(self.model, method, None)):
                fail("%s has no method %s(x, t)" % (name, method))
        self.x, self.t = self.data(config.get("data", {}))
        self.grads = None

    def data(self, spec):
        np = self.np
        if "npz" in spec:
            arrays = np.load(spec["npz"])
            return arrays["x"].astype(self.dtype), arrays["t"].astype(self.dtype)
        first = next(iter(self.params.values()))
        inputs = first.shape[0]
        outputs = list(self.params.values())[-1].shape[-1]
        generator = np.random.RandomState(spec.get("seed", 1))
        batch = spec.get("batch", 100)
        x = generator.rand(batch, inputs).astype(self.dtype)
        t = np.zeros((batch, outputs), dtype=self.dtype)
        t[np.arange(batch), generator.randint(0, outputs, batch)] = 1
        return x, t

    def loss(self):
        return float(getattr(self.model, self.loss_name)(self.x, self.t))

    def tensors(self):
        return " ".join(
            "%s:%d:%s" % (k, v.size, "x".join(str(n) for n in v.shape) or "1")
            for k, v in self.params.items()
        )

    def gradient(self, name, index):
        if self.grads is None:
            self.grads = getattr(self.model, self.gradient_name)(self.x, self.t)
            if not isinstance(self.grads, dict):
                fail("%s(x, t) returned %s, not a dict of arrays" % (self.gradient_name, type(self.grads).__name__))
        if name not in self.grads:
            fail("%s(x, t) has no entry %r (it has: %s)" % (self.gradient_name, name, ", ".join(self.grads)))
        g = self.np.asarray(self.grads[name])
        if g.shape != self.params[name].shape:
            fail("the gradient of %s has shape %s, but %s has shape %s" % (name, g.shape, name, self.params[name].shape))
        return float(g.flat[index])

    def moved(self, name, index, delta):
        p = self.params[name]
        original = p.flat[index]
        p.flat[index] = original + self.dtype(delta)
        step = float(p.flat[index]) - float(original)
        try:
            value = self.loss()
        finally:
            p.flat[index] = original
        return value, step


def serve_model(model):
    out = sys.stdout
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "tensors":
            out.write(model.tensors() + "\n")
        elif words[0] == "gradient":
            for _ in range(int(words[1])):
                name, index = sys.stdin.readline().split()
                out.write(text(model.gradient(name, int(index))) + "\n")
        elif words[0] == "loss":
            for _ in range(int(words[1])):
                name, index, delta = sys.stdin.readline().split()
                value, step = model.moved(name, int(index), float(delta))
                out.write(text(value) + " " + text(step) + "\n")
        else:
            fail("unknown request %r" % words[0])
        out.flush()


def main(argv):
    if len(argv) >= 3 and argv[0] == "--model":
        with_numpy()
        serve_model(Model(argv[1], argv[2]))
        return
    if len(argv) < 2:
        fail("usage: python_driver.py FILE NAME --variables N [--outputs K] [--vector]")
    path, name = argv[0], argv[1]
    options = argv[2:]
    variables = int(options[options.index("--variables") + 1]) if "--variables" in options else 1
    outputs = int(options[options.index("--outputs") + 1]) if "--outputs" in options else 1
    vector = "--vector" in options
    with_numpy()
    function = load(path, name)
    if not callable(function):
        fail("%s in %s is not a function" % (name, path))
    serve(Caller(function, variables, outputs, vector), variables)


if __name__ == "__main__":
    main(sys.argv[1:])
