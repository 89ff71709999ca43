import Calculus
import ComplexModule
import Foundation
import RealModule

/// `kind: accuracy`: each fixed scheme once at its predicted best step, the complex step at a
/// tiny step and the adaptive derivative, per case, point and precision: the digits each gets
/// and what it costs.
///
/// Steps:
/// - A stencil scheme runs at the step `Taylor.predict` balances truncation against round-off
///   at (the `predicted_best_h` of `kind: convergence`). Where the prediction has no step:
///   when every truncation term belongs to an identically zero derivative (central on a
///   quadratic), at `max(|x|, 1) / 8` (only round-off remains, and it shrinks as the step
///   grows); otherwise (`f(x) = 0` gives no round-off scale, or the terms only count as
///   vanishing at the point) at the textbook `epsilon^(1/(p+1)) * max(|x|, 1)`.
/// - The complex step runs at `max(|x|, 1) * epsilon^2`, but not below the square root of the
///   precision's least normal number (its imaginary part must not underflow).
/// - `adaptive` is `AdaptiveDerivative.derivative(of:at:)` with its defaults.
enum Accuracy: ExperimentKindDefinition {
  static let name = "accuracy"

  typealias Result = AccuracyOutcome.Result

  static func run(_ spec: AccuracySpec, context: RunContext) throws -> AccuracyOutcome {
    let derivatives = spec.cases.map {
      SweepAnalysis.derivatives(of: $0.f, variable: $0.variable)
    }
    var jobs: [(caseIndex: Int, point: Double, precision: Precision)] = []
    for (i, c) in spec.cases.enumerated() {
      for point in c.points {
        for precision in spec.precisions { jobs.append((i, point, precision)) }
      }
    }
    let jobList = jobs
    let measured = try parallelMap(jobList.count, context: context) { k in
      let job = jobList[k]
      return try measure(
        spec.cases[job.caseIndex], number: job.caseIndex + 1,
        derivatives: derivatives[job.caseIndex], point: job.point, precision: job.precision,
        methods: spec.methods)
    }
    let results = measured.flatMap { $0 }
    var summaries: [AccuracyOutcome.MethodSummary] = []
    for precision in spec.precisions {
      for method in spec.methods {
        let mine = results.filter { $0.precision == precision && $0.method == method }
        summaries.append(AccuracyOutcome.MethodSummary(precision, method, mine))
      }
    }
    return AccuracyOutcome(results: results, summaries: summaries)
  }

  static func explain(_ s: AccuracySpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: AccuracySpec, language: Language) -> [String] {
    var lines = [
      language(
        .showMethods(methods: s.methods.map { language(.method($0)) }.joined(separator: ", "))),
      language(.showPrecision(precisions: precisionList(s.precisions, language))),
    ]
    for method in s.methods {
      guard let e = s.expectations[method] else { continue }
      lines.append(
        language(
          .showAccuracyExpect(
            method: language(.method(method)), minDigits: e.minDigits.map(short),
            covers: e.covers.map { "\($0)" })))
    }
    for (i, c) in s.cases.enumerated() {
      lines.append(
        language(
          .showCase(
            number: i + 1, variable: c.variable, f: c.text,
            points: c.points.map(short).joined(separator: ", "))))
      lines.append("  f' = \(c.f.derivative(withRespectTo: c.variable).simplified())")
    }
    return lines
  }

  /// Every method at one point in one precision.
  static func measure(
    _ c: AccuracySpec.Case, number: Int, derivatives: [Expression], point: Double,
    precision: Precision, methods: [AccuracySpec.Method]
  ) throws -> [Result] {
    let x = SweepAnalysis.rounded([point], to: precision)[0]
    let exact80: Float80 = derivatives[1].evaluate([c.variable: Float80(x)])
    let blank = Result(
      caseNumber: number, f: c.text, variable: c.variable, at: point, precision: precision,
      method: .adaptive, estimate: .nan, exact: Double(exact80), error: .nan, digits: nil,
      evaluations: 0, step: nil, errorEstimate: nil, errorEstimateSource: nil,
      status: .nonFiniteAtPoint, stencil: nil, detail: .none)
    if let problem = pointProblem(c, x: x, precision: precision) {
      return methods.map { method in
        var r = blank
        r.method = method
        r.status = problem.status
        r.detail = problem.detail
        return r
      }
    }
    return try methods.map { method in
      var r = blank
      r.method = method
      if let scheme = method.scheme {
        try fixed(&r, c, scheme: scheme, exact: exact80)
      } else {
        adaptive(&r, c, x: x, exact: exact80)
      }
      if !r.exact.isFinite { r.status = .noDerivative }
      r.digits = digits(r)
      return r
    }
  }

  /// Why nothing can be measured at `x` in `precision`, or nil.
  static func pointProblem(_ c: AccuracySpec.Case, x: Double, precision: Precision)
    -> (status: AccuracyOutcome.Status, detail: AccuracyOutcome.Detail)?
  {
    let location = "\(c.variable) = \(short(x))"
    if let problem = c.f.domainViolation(at: [c.variable: x]) {
      return (.nonFiniteAtPoint, .outsideDomain(location: location, f: c.text, problem))
    }
    let value = precision.value(of: c.f, variable: c.variable, at: x)
    guard value.isFinite else {
      return (
        .nonFiniteAtPoint,
        .notFinite(f: c.text, value: value, location: location, precision: precision)
      )
    }
    if let problem = c.f.nonDifferentiability(at: [c.variable: x]) {
      return (.noDerivative, .noDerivative(location: location, problem))
    }
    return nil
  }

  /// A fixed scheme once, at the step chosen from its Taylor prediction.
  static func fixed(
    _ r: inout Result, _ c: AccuracySpec.Case, scheme: Scheme, exact: Float80
  ) throws {
    func sweep(_ steps: [Double]) throws -> SweepOutcome {
      try SweepAnalysis.run(
        f: c.f, variables: [c.variable], point: [r.at], index: 0, scheme: scheme,
        derivative: 1, precision: r.precision, steps: steps, expectation: nil, tolerance: 0)
    }
    let prediction = try sweep([]).prediction
    let chosen = step(
      scheme: scheme, prediction: prediction, exact: prediction.isExact,
      at: r.at, precision: r.precision)
    let sample = try sweep([chosen.step]).samples[0]
    let h = sample.effectiveStep
    r.estimate = sample.estimate
    r.error = sample.estimate.isFinite ? sample.error : .infinity
    r.evaluations = scheme.isStencil ? scheme.stencil.count : 1
    r.step = h > 0 ? h : nil
    let truncation = prediction.order.map { prediction.constant * pow(h, Double($0)) } ?? 0
    r.errorEstimate = truncation + sample.roundoffFloor
    r.errorEstimateSource = .predicted
    r.status = sample.estimate.isFinite ? .measured : .nonFiniteEstimate
    r.detail = chosen.reason
  }

  /// The step a fixed scheme runs at, and why (see the type's documentation).
  static func step(
    scheme: Scheme, prediction: TaylorPrediction, exact: Bool, at x: Double, precision: Precision
  ) -> (step: Double, reason: AccuracyOutcome.Detail) {
    let scale = max(abs(x), 1)
    let epsilon = precision.epsilon
    let reason = prediction.reason
    if !scheme.isStencil {
      let h = max(scale * epsilon * epsilon, precision.leastNormalMagnitude.squareRoot())
      return (h, .tinyStep(reason))
    }
    if let h = prediction.bestStep, h.isFinite, h > 0 {
      return (h, .predictedBestStep(reason))
    }
    if exact {
      return (scale / 8, .largeStep(reason))
    }
    let p = Double(prediction.order ?? scheme.order)
    return (
      scale * pow(epsilon, 1 / (p + 1)),
      .textbookStep(negligible: prediction.isExact, root: Int(p) + 1, reason)
    )
  }

  /// The adaptive derivative in the working precision.
  static func adaptive(_ r: inout Result, _ c: AccuracySpec.Case, x: Double, exact: Float80) {
    let a = r.precision.adaptiveDerivative(of: c.f, variable: c.variable, at: x)
    r.estimate = a.value
    r.error = a.value.isFinite ? Double(abs(Float80(a.value) - exact)) : .infinity
    r.evaluations = a.evaluations
    r.step = a.step.isFinite ? a.step : nil
    r.errorEstimate = a.errorEstimate
    r.errorEstimateSource = .aPosteriori
    r.stencil = a.stencil.rawValue
    switch a.status {
    case .converged: r.status = .converged
    case .capReached: r.status = .capReached
    case .nonFiniteAtPoint: r.status = .nonFiniteAtPoint
    case .noFiniteEvaluations: r.status = .noFiniteEvaluations
    }
    r.detail = .adaptive(stencil: a.stencil.rawValue, initialStep: a.initialStep)
  }

  /// −log10 of the relative error (absolute where f'(x) = 0), between 0 and the precision's
  /// cap; 0 for an estimate that is not finite; nil when nothing is measured.
  static func digits(_ r: Result) -> Double? {
    guard r.status.isMeasured, r.exact.isFinite else { return nil }
    guard r.estimate.isFinite, r.error.isFinite else { return 0 }
    let cap = r.precision.digitsCap
    let relative = r.exact == 0 ? r.error : r.error / abs(r.exact)
    return relative == 0 ? cap : min(cap, max(0, -log10(relative)))
  }
}

extension Precision {
  /// The smallest positive normal number of the format.
  var leastNormalMagnitude: Double {
    switch self {
    case .half: return Double(Float16.leastNormalMagnitude)
    case .single: return Double(Float.leastNormalMagnitude)
    case .double: return Double.leastNormalMagnitude
    case .extended: return Double.leastNormalMagnitude  // Float80's is below Double's range
    }
  }

  /// `f(x)` evaluated in this precision, as a Double.
  func value(of f: Expression, variable: String, at x: Double) -> Double {
    func value<T: Real & BinaryFloatingPoint>(_: T.Type) -> Double {
      let g: @Sendable ([T]) -> T = f.compiled(variables: [variable])
      return Double(g([T(x)]))
    }
    switch self {
    case .half: return value(Float16.self)
    case .single: return value(Float.self)
    case .double: return value(Double.self)
    case .extended: return value(Float80.self)
    }
  }

  /// `AdaptiveDerivative.Estimate` with its numbers as Doubles, whatever the precision.
  struct AdaptiveOutcome {
    var value: Double
    var errorEstimate: Double
    var step: Double
    var initialStep: Double
    var stencil: AdaptiveDerivative.Stencil
    var evaluations: Int
    var status: AdaptiveDerivative.Status
  }

  /// `AdaptiveDerivative.derivative` in this precision, its numbers as Doubles.
  ///
  /// - Precondition: `supportsAdaptive` (AccuracySpec rejects half precision with adaptive).
  func adaptiveDerivative(of f: Expression, variable: String, at x: Double)
    -> AdaptiveOutcome
  {
    func run<T: Real & BinaryFloatingPoint>(_: T.Type) -> AdaptiveOutcome {
      let g: @Sendable ([T]) -> T = f.compiled(variables: [variable])
      let a = AdaptiveDerivative.derivative(of: { g([$0]) }, at: T(x))
      return AdaptiveOutcome(
        value: Double(a.value), errorEstimate: Double(a.errorEstimate), step: Double(a.step),
        initialStep: Double(a.initialStep), stencil: a.stencil, evaluations: a.evaluations,
        status: a.status)
    }
    switch self {
    case .half: preconditionFailure("the adaptive derivative needs at least single precision")
    case .single: return run(Float.self)
    case .double: return run(Double.self)
    case .extended: return run(Float80.self)
    }
  }
}
