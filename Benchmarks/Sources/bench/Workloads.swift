import Calculus
import Learning

/// The seeds' network and step: 784-50-10, relu, N(0, 0.01^2) weights, central differences with
/// h = 1e-4 (the numpy reference receives these very weights through `params`).
let seedsNetwork = NetworkConfiguration(layers: [784, 50, 10], seed: 42)
let seedsStep = 1e-4

/// The floating-point operations of the matrix products of one backprop pass at `batch` rows:
/// forward `x W1` and `a W2`, backward `a^T delta`, `delta W2^T` and `x^T delta1` (the input's
/// own gradient is never formed).
func backpropFlops(batch: Int, layers: [Int] = seedsNetwork.layers) -> Double {
  let (n, h, c) = (Double(layers[0]), Double(layers[1]), Double(layers[2]))
  return 2 * Double(batch) * (2 * n * h + 3 * h * c)
}

/// The floating-point operations of the products of one forward pass at `batch` rows.
func forwardFlops(batch: Int, layers: [Int] = seedsNetwork.layers) -> Double {
  let (n, h, c) = (Double(layers[0]), Double(layers[1]), Double(layers[2]))
  return 2 * Double(batch) * (n * h + h * c)
}

/// One benchmark: `run` does the timed work once and returns a value to check (a loss, a sum).
struct Workload {
  let name: String
  let run: () -> Double
}

/// Every workload, built lazily from the Fashion-MNIST training set.
final class Workloads {
  let train: Dataset
  /// The last result of each numerical gradient, for `dump`.
  var gradients: [String: [Double]] = [:]

  init() throws {
    train = try DataSource.fashionMNIST().load(testCount: 0).train
  }

  /// The first `batch` training images in precision `S`.
  func batch<S: BLASScalar>(_ batch: Int, as _: S.Type) -> (Matrix<S>, [UInt8]) {
    let part = train.subset(0..<batch)
    return (part.inputs(as: S.self), part.labels)
  }

  func make(_ name: String) -> Workload? {
    switch name {
    case "numgrad_textbook": return numericalGradient(name, fast: false)
    case "numgrad_fast": return numericalGradient(name, fast: true)
    case "backprop_f64_b100": return backprop(name, batch: 100, Double.self)
    case "backprop_f64_b1000": return backprop(name, batch: 1000, Double.self)
    case "backprop_f32_b100": return backprop(name, batch: 100, Float.self)
    case "backprop_f32_b1000": return backprop(name, batch: 1000, Float.self)
    case "sgd_epoch": return epoch(name)
    case "gemm_f64_2048": return peak(name, size: 2048, Double.self)
    case "gemm_f32_2048": return peak(name, size: 2048, Float.self)
    case "convergence_sweep": return sweep(name)
    default: return nil
    }
  }

  /// The seeds' network's initial parameters, flat (W1, b1, W2, b2, row-major).
  var initialParameters: [Double] { Network<Double>(seedsNetwork).parameters }

  private func numericalGradient(_ name: String, fast: Bool) -> Workload {
    let net = Network<Double>(seedsNetwork)
    let (x, y) = batch(100, as: Double.self)
    return Workload(name: name) { [self] in
      let g =
        fast
        ? NetworkGradientCheck.numericalGradientFastFlat(
          net, inputs: x, labels: y, step: seedsStep, scheme: .central, threads: 2)
        : NetworkGradientCheck.numericalGradientTextbook(
          net, inputs: x, labels: y, step: seedsStep, scheme: .central,
          at: Array(0..<net.parameterCount))
      gradients[name] = g
      return g.reduce(0) { $0 + abs($1) }
    }
  }

  private func backprop<S: BLASScalar>(_ name: String, batch size: Int, _: S.Type) -> Workload {
    let net = Network<S>(seedsNetwork)
    let (x, y) = batch(size, as: S.self)
    var gradient = [S](repeating: 0, count: net.parameterCount)
    return Workload(name: name) {
      Double(net.gradient(inputs: x, labels: y, into: &gradient))
    }
  }

  private func epoch(_ name: String) -> Workload {
    let empty = train.subset(0..<0)
    let training = TrainingConfiguration(
      learningRates: [0.1], batchSize: 100, epochs: 1, seed: 7, evaluateTrainAccuracy: false)
    return Workload(name: name) { [train] in
      let runs = Trainer.train(
        seedsNetwork, training, train: train, test: empty, scalar: Double.self)
      return runs[0].epochs[0].trainLoss
    }
  }

  private func peak<S: BLASScalar>(_ name: String, size n: Int, _: S.Type) -> Workload {
    let a = Matrix<S>(
      rows: n, columns: n, storage: (0..<n * n).map { S($0 % 7) * S(0.1) })
    let b = Matrix<S>(
      rows: n, columns: n, storage: (0..<n * n).map { S($0 % 5) * S(0.2) })
    var c = Matrix<S>(rows: n, columns: n)
    return Workload(name: name) {
      Matrix.multiply(a, b, into: &c)
      return Double(c[n - 1, n - 1])
    }
  }

  /// The convergence sweep: every step of a 20-per-decade grid from 1e-16 to 1, for the
  /// forward, backward, central and central4 schemes, of `exp` at 1 (`sweepRepeats` times),
  /// as the convergence kind computes it: the expression compiled to a batch evaluator and
  /// evaluated over every (step, offset) of a scheme at once.
  private func sweep(_ name: String) -> Workload {
    let steps = StepGrid(min: 1e-16, max: 1, perDecade: 20).steps
    gradients["convergence_sweep_steps"] = steps
    let f = BatchEvaluator<Double>(Expression.function(.exp, .variable("x")), variables: ["x"])
    // q = 1 stencils of the named schemes always exist.
    let stencils = [Scheme.forward, .backward, .central, .central4].map {
      try! $0.stencil(derivative: 1)
    }
    return Workload(name: name) {
      var total = 0.0
      for _ in 0..<sweepRepeats {
        for stencil in stencils {
          let estimates = FiniteDifference.derivatives(
            of: f, at: [1], variable: 0, steps: steps, stencil: stencil)
          for d in estimates where d.isFinite { total += d }
        }
      }
      return total / Double(sweepRepeats)
    }
  }
}

/// How many times one sweep run repeats the whole grid (to be measurable).
let sweepRepeats = 200

/// Function evaluations of one `convergence_sweep` run.
var sweepEvaluations: Int {
  let steps = StepGrid(min: 1e-16, max: 1, perDecade: 20).steps.count
  let points = [Scheme.forward, .backward, .central, .central4].reduce(0) {
    $0 + $1.stencil.count
  }
  return sweepRepeats * steps * points
}
