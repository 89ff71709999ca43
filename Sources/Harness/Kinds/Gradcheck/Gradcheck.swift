import Calculus
import Foundation
import Learning

/// `kind: gradcheck`: backprop against the numerical gradient, tensor by tensor, and with
/// `sweep` the convergence of the loss's directional derivative.
enum Gradcheck: ExperimentKindDefinition {
  static let name = "gradcheck"

  static func run(_ spec: GradcheckSpec, context: RunContext) throws -> GradcheckOutcome {
    let batch = try DataLoading.batch(spec.data, network: spec.network, context: context)
    switch spec.precision {
    case .single: return try measure(Float.self, spec, batch: batch, context: context)
    default: return try measure(Double.self, spec, batch: batch, context: context)
    }
  }

  static func measure<S: BLASScalar>(
    _: S.Type, _ spec: GradcheckSpec, batch: Dataset, context: RunContext
  ) throws -> GradcheckOutcome {
    let net = Network<S>(spec.network.configuration)
    let inputs: Matrix<S> = batch.inputs(as: S.self)
    let (loss, analytic) = net.gradient(inputs: inputs, labels: batch.labels)
    // Which parameters: all, or a seeded sample (sorted).
    var chosen = Array(0..<net.parameterCount)
    if let n = spec.sampleCount, n < net.parameterCount {
      var generator = Xoshiro256StarStar(seed: spec.network.configuration.seed &+ 7)
      chosen = Array(generator.permutation(net.parameterCount).prefix(n)).sorted()
    }
    try context.checkCancellation()
    let (numerical, timing) = numericalGradient(
      net, inputs: inputs, labels: batch.labels, chosen: chosen, spec: spec, context: context)
    try context.checkCancellation()
    // The floor of the relative error's denominator: below it an entry is at the round-off
    // level of the numerical gradient (about eps |L| / h for a stencil), where a relative error
    // means nothing. An entry under the floor is then held to |a - n| <= bound * floor, which
    // is 10 eps |L| / h: an absolute test at ten times the round-off level.
    let sumWeights = spec.scheme.stencil.map { abs($0.weight) }.reduce(0, +)
    let roundoff = Double(S.ulpOfOne) * abs(Double(loss)) * sumWeights / spec.step
    let bound = spec.maxRelativeError ?? 1e-6
    let floor = spec.relativeFloor ?? 10 * roundoff / bound
    let (tensors, entries) = compare(
      net, inputs: inputs, analytic: analytic, numerical: numerical, chosen: chosen, spec: spec,
      floor: floor)
    var results: [GradcheckOutcome.DirectionSweep] = []
    if let grid = spec.sweep {
      let flat = analytic.flatMap { $0 }
      for direction in [GradcheckOutcome.DirectionSweep.Direction.outputLayer, .allParameters] {
        try context.checkCancellation()
        results += sweep(
          net, inputs: inputs, labels: batch.labels, analytic: flat, grid: grid, spec: spec,
          direction: direction)
      }
    }
    return GradcheckOutcome(
      network: NetworkSummary(spec.network.configuration, parameters: net.parameterCount),
      dataSource: spec.data.label, batch: batch.count, h: spec.step, scheme: spec.scheme,
      method: spec.method, precision: spec.precision, loss: Num(Double(loss)),
      parametersChecked: chosen.count, relativeFloor: floor, roundoffLevel: roundoff,
      bound: bound, timing: timing, tensors: tensors, entries: entries, results: results)
  }

  /// The numerical gradient at the chosen entries by the spec's method(s), each timed.
  static func numericalGradient<S: BLASScalar>(
    _ net: Network<S>, inputs: Matrix<S>, labels: [UInt8], chosen: [Int], spec: GradcheckSpec,
    context: RunContext
  ) -> ([S], GradcheckOutcome.Timing) {
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Num {
      Num(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
    var timing = GradcheckOutcome.Timing()
    let label = { context.language(.progressNumericalGradient(method: $0)) }
    let h = S(spec.step)
    func textbook() -> [S] {
      let start = clock.now
      defer { timing.textbookSeconds = seconds(clock.now - start) }
      return NetworkGradientCheck.numericalGradientTextbook(
        net, inputs: inputs, labels: labels, step: h, scheme: spec.scheme, at: chosen,
        progress: { context.progress(label(.textbook), $0, $1) })
    }
    func fast() -> [S] {
      let start = clock.now
      defer { timing.fastSeconds = seconds(clock.now - start) }
      let full = NetworkGradientCheck.numericalGradientFastFlat(
        net, inputs: inputs, labels: labels, step: h, scheme: spec.scheme, threads: 2,
        progress: { context.progress(label(.fast), $0, $1) })
      return chosen.map { full[$0] }
    }
    switch spec.method {
    case .fast: return (fast(), timing)
    case .textbook: return (textbook(), timing)
    case .both:
      let reference = textbook()
      let other = fast()
      timing.fastVsTextbookMaxDifference = Num(
        zip(other, reference).map { abs(Double($0) - Double($1)) }.max() ?? 0)
      return (reference, timing)
    }
  }

  static func explain(_ s: GradcheckSpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: GradcheckSpec, language: Language) -> [String] {
    [
      language(.showNetwork(network: describe(s.network.configuration, language: language))),
      language(
        .showGradcheckData(source: s.data.label, batch: s.data.batch.map(String.init) ?? "100")),
      language(
        .showGradcheckStep(
          h: short(s.step), scheme: language(.schemeName(scheme: s.scheme)),
          method: s.method, parameters: s.sampleCount.map(String.init))),
    ]
  }
}
