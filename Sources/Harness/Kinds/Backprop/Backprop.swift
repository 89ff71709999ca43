import Calculus
import Foundation
import Learning

/// `kind: backprop`: the student's backprop (`gradient(x, t)` of a numpy model) against the
/// numerical gradient of its `loss(x, t)`, entry by entry, over a sweep of central steps;
/// an entry is wrong when its error levels off at a plateau (`DerivativeAgreement`).
enum Backprop: ExperimentKindDefinition {
  static let name = "backprop"

  static func run(_ spec: BackpropSpec, context: RunContext) throws -> BackpropOutcome {
    var outcome = BackpropOutcome()
    for precision in spec.precisions {
      try context.checkCancellation()
      let driver = try ModelDriver(
        spec.model, precision: precision, data: spec.data, cancellation: context.cancellation)
      defer { driver.stop() }
      let tensors = try driver.tensors()
      outcome.shapes = Dictionary(tensors.map { ($0.name, $0.shape) }) { a, _ in a }
      let chosen = sample(tensors, count: spec.parameters, seed: spec.samplingSeed)
      let gradient = try driver.gradient(chosen.map { ($0.tensor, $0.index) })
      let centre = try driver.losses([(chosen[0].tensor, chosen[0].index, 0)])[0].loss
      let steps = spec.grid.steps
      var moves: [(tensor: String, index: Int, step: Double)] = []
      for entry in chosen {
        for h in steps {
          moves += [(entry.tensor, entry.index, h), (entry.tensor, entry.index, -h)]
        }
      }
      context.progress("\(precision.rawValue): \(moves.count) losses", 0, chosen.count)
      let losses = try driver.losses(moves)
      let scales = typicalSizes(chosen.map(\.tensor), gradient)
      for (k, entry) in chosen.enumerated() {
        let scale = max(abs(gradient[k]), scales[entry.tensor] ?? 0)
        let allowed = spec.tolerance * scale
        let sweep = Self.sweep(
          losses[(2 * k * steps.count)..<(2 * (k + 1) * steps.count)], steps: steps,
          gradient: gradient[k], centre: centre, epsilon: precision.epsilon, allowed: allowed)
        outcome.entries.append(
          BackpropOutcome.Entry(
            tensor: entry.tensor, index: entry.index,
            position: position(entry.index, shape: outcome.shapes[entry.tensor] ?? []),
            precision: precision, gradient: gradient[k], scale: scale, sweep: sweep.samples,
            agreement: sweep.agreement))
      }
      outcome.sampled[precision.rawValue] = Dictionary(
        tensors.map { t in (t.name, chosen.filter { $0.tensor == t.name }.count) }
      ) { a, _ in a }
    }
    return outcome
  }

  /// Central differences from the losses at +h and -h (the steps the model's dtype took),
  /// judged against the student's value.
  static func sweep(
    _ losses: ArraySlice<(loss: Double, step: Double)>, steps: [Double], gradient: Double,
    centre: Double, epsilon: Double, allowed: Double
  ) -> (samples: [BackpropOutcome.Sample], agreement: DerivativeAgreement) {
    let pairs = Array(losses)
    var samples: [BackpropOutcome.Sample] = []
    for s in steps.indices {
      let (plus, minus) = (pairs[2 * s], pairs[2 * s + 1])
      let width = plus.step - minus.step
      let estimate = width > 0 ? (plus.loss - minus.loss) / width : .nan
      samples.append(
        BackpropOutcome.Sample(
          step: steps[s], effectiveStep: width / 2, estimate: estimate,
          difference: estimate - gradient,
          floor: epsilon * (centre == 0 ? 1 : abs(centre)) / max(width / 2, .leastNormalMagnitude)))
    }
    let agreement = DerivativeAgreement.judge(
      steps: samples.map(\.effectiveStep), errors: samples.map(\.difference),
      floors: samples.map(\.floor), expectedOrder: 2, derivative: 1, tolerance: 0.15,
      allowedDifference: allowed)
    return (samples, agreement)
  }

  /// The median |g| of each tensor's sampled entries.
  static func typicalSizes(_ tensors: [String], _ gradient: [Double]) -> [String: Double] {
    var sizes: [String: [Double]] = [:]
    for (t, g) in zip(tensors, gradient) { sizes[t, default: []].append(abs(g)) }
    return sizes.mapValues { $0.sorted()[$0.count / 2] }
  }

  /// `count` entries of each tensor (all when nil or larger), drawn without repetition from
  /// a generator seeded by `seed` and the tensor's place.
  static func sample(_ tensors: [ModelDriver.Tensor], count: Int?, seed: UInt64)
    -> [(tensor: String, index: Int)]
  {
    var chosen: [(tensor: String, index: Int)] = []
    for (t, tensor) in tensors.enumerated() {
      var generator = Xoshiro256StarStar(seed: seed &+ UInt64(t))
      let indices =
        count.map {
          $0 >= tensor.size
            ? Array(0..<tensor.size)
            : Array((0..<tensor.size).shuffled(using: &generator).prefix($0)).sorted()
        }
        ?? Array(0..<tensor.size)
      chosen += indices.map { (tensor.name, $0) }
    }
    return chosen
  }

  /// The numpy (row-major) index of flat entry `flat` in `shape`.
  static func position(_ flat: Int, shape: [Int]) -> [Int] {
    var rest = flat
    var result: [Int] = []
    for size in shape.reversed() where size > 0 {
      result.append(rest % size)
      rest /= size
    }
    return result.reversed()
  }

  static func explain(_ s: BackpropSpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: BackpropSpec, language: Language) -> [String] {
    [
      language(
        .showModel(target: s.model.target, arguments: s.model.arguments, seed: s.model.seed)),
      language(
        .showDriver(
          interpreter: s.model.interpreter, target: s.model.target,
          directory: s.model.directory.path)),
      language(.showData(data: s.data)),
      language(.showPrecisions(precisions: s.precisions)),
      language(
        .showEntries(
          perTensor: s.parameters, steps: s.grid.steps.count, from: short(s.grid.min),
          to: short(s.grid.max))),
      language(.showExpect(wrong: s.wrong)),
    ]
  }
}
