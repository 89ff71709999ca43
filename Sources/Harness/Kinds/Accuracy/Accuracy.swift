import Calculus
import ComplexModule
import Foundation
import RealModule

/// `kind: accuracy`: each fixed scheme once at its predicted best step, the complex step at a
/// tiny step and the adaptive derivative, per case, point and precision: the digits each gets
/// and what it costs.
///
/// Steps: `StepChoice` (the predicted best step for a stencil, a tiny one for the complex
/// step); `adaptive` is `AdaptiveDerivative.derivative(of:at:)` with its defaults.
enum Accuracy: ExperimentKindDefinition {
  static let name = "accuracy"

  typealias Result = AccuracyOutcome.Result

  static func run(_ spec: AccuracySpec, context: RunContext) throws -> AccuracyOutcome {
    let derivatives = spec.cases.map {
      $0.program != nil ? [] : SweepAnalysis.derivatives(of: $0.f, variable: $0.variable)
    }
    var jobs: [(caseIndex: Int, point: Double, precision: Precision)] = []
    for (i, c) in spec.cases.enumerated() {
      // A program computes in its own precision: one job per point.
      let precisions = c.program.map { [$0.f.precision] } ?? spec.precisions
      for point in c.points {
        for precision in precisions { jobs.append((i, point, precision)) }
      }
    }
    let jobList = jobs
    let programs = AccuracyPrograms(spec)
    defer { programs.stop() }
    let measuredAndReferences = try parallelMap(jobList.count, context: context) { k in
      let job = jobList[k]
      let c = spec.cases[job.caseIndex]
      if c.program != nil {
        let (results, reference) = try measureProgram(
          c, index: job.caseIndex, point: job.point, methods: spec.methods, programs: programs,
          cancellation: context.cancellation)
        return (results, Optional(reference))
      }
      return (
        try measure(
          c, number: job.caseIndex + 1, derivatives: derivatives[job.caseIndex],
          point: job.point, precision: job.precision, methods: spec.methods), nil
      )
    }
    let measured = measuredAndReferences.map(\.0)
    let results = measured.flatMap { $0 }
    var summaries: [AccuracyOutcome.MethodSummary] = []
    // The file's precisions (for expression cases), then those programs compute in.
    var precisions = spec.cases.contains { $0.program == nil } ? spec.precisions : []
    for case let p? in spec.cases.map(\.program?.f.precision) where !precisions.contains(p) {
      precisions.append(p)
    }
    for precision in precisions {
      for method in spec.methods {
        let mine = results.filter { $0.precision == precision && $0.method == method }
        summaries.append(AccuracyOutcome.MethodSummary(precision, method, mine))
      }
    }
    var outcome = AccuracyOutcome(results: results, summaries: summaries)
    let references = measuredAndReferences.compactMap(\.1)
    if !references.isEmpty { outcome.references = references }
    return outcome
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
      if let p = c.program {
        lines.append(
          language(
            .showProgramCase(
              number: i + 1, variable: c.variable, program: p.f.display,
              folder: p.f.directory.path, precision: p.f.precision.rawValue,
              points: c.points.map(short).joined(separator: ", "))))
        lines.append(
          language(
            .showProgramReference(df: p.dfProgram?.display ?? p.dfExpression?.description)))
        continue
      }
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
    let exactWide: ReferenceReal = derivatives[1].evaluate([c.variable: ReferenceReal(x)])
    let blank = Result(
      caseNumber: number, f: c.text, variable: c.variable, at: point, precision: precision,
      method: .adaptive, estimate: .nan, exact: Double(exactWide), error: .nan, digits: nil,
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
        try fixed(&r, c, scheme: scheme, exact: exactWide)
      } else {
        adaptive(&r, c, x: x, exact: exactWide)
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

  /// A fixed scheme once, at the step chosen from its Taylor prediction (`StepChoice`).
  static func fixed(
    _ r: inout Result, _ c: AccuracySpec.Case, scheme: Scheme, exact: ReferenceReal
  ) throws {
    func sweep(_ steps: [Double]) throws -> SweepOutcome {
      try SweepAnalysis.run(
        f: c.f, variables: [c.variable], point: [r.at], index: 0, scheme: scheme,
        derivative: 1, precision: r.precision, steps: steps, expectation: nil, tolerance: 0)
    }
    let prediction = try sweep([]).prediction
    let chosen = StepChoice(
      scheme: scheme, prediction: prediction, at: r.at, precision: r.precision)
    let sample = try sweep([chosen.step]).samples[0]
    let h = sample.effectiveStep
    r.estimate = sample.estimate
    r.error = sample.estimate.isFinite ? sample.error : .infinity
    r.evaluations = scheme.isStencil ? scheme.stencil.count : 1
    r.step = h > 0 ? h : nil
    r.errorEstimate = prediction.truncationError(atStep: h) + sample.roundoffFloor
    r.errorEstimateSource = .predicted
    r.status = sample.estimate.isFinite ? .measured : .nonFiniteEstimate
    r.detail = detail(chosen.rule, prediction)
  }

  /// Why a fixed scheme ran at its step, as the report words it.
  static func detail(_ rule: StepChoice.Rule, _ prediction: TaylorPrediction)
    -> AccuracyOutcome.Detail
  {
    let reason = prediction.reason
    switch rule {
    case .tiny: return .tinyStep(reason)
    case .predictedBest: return .predictedBestStep(reason)
    case .large: return .largeStep(reason)
    case .textbook(let root):
      return .textbookStep(negligible: prediction.isExact, root: root, reason)
    }
  }

  /// The adaptive derivative in the working precision.
  static func adaptive(_ r: inout Result, _ c: AccuracySpec.Case, x: Double, exact: ReferenceReal) {
    record(
      r.precision.adaptiveDerivative(of: c.f, variable: c.variable, at: x), into: &r,
      exact: exact)
  }

  /// An adaptive derivative's estimate as the result of the `adaptive` method.
  static func record(
    _ a: AdaptiveDerivative.Estimate<Double>, into r: inout Result, exact: ReferenceReal
  ) {
    r.estimate = a.value
    r.error = a.value.isFinite ? Double(abs(ReferenceReal(a.value) - exact)) : .infinity
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

  /// The correct digits of a measured result (`Precision.correctDigits`); nil when nothing
  /// is measured.
  static func digits(_ r: Result) -> Double? {
    guard r.status.isMeasured else { return nil }
    return r.precision.correctDigits(estimate: r.estimate, exact: r.exact, error: r.error)
  }
}
