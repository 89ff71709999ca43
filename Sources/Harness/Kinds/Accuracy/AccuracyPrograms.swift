import Calculus
import Foundation

extension AccuracySpec: StartsPrograms {
  var startedPrograms: [StartedProgram] {
    cases.flatMap { $0.program?.sources ?? [] }.startedPrograms
  }
}

/// The programs of an accuracy run's cases, by case index: started on first use, shared by
/// the parallel jobs, stopped by `stop()`.
final class AccuracyPrograms: @unchecked Sendable {
  let f: [Int: ProgramFunction]
  let df: [Int: ProgramFunction]

  init(_ spec: AccuracySpec) {
    var f: [Int: ProgramFunction] = [:]
    var df: [Int: ProgramFunction] = [:]
    for (i, c) in spec.cases.enumerated() {
      guard let p = c.program else { continue }
      f[i] = ProgramFunction(p.f, key: "f", variables: [c.variable])
      df[i] = p.dfProgram.map { ProgramFunction($0, key: "df", variables: [c.variable]) }
    }
    self.f = f
    self.df = df
  }

  func stop() {
    for program in Array(f.values) + Array(df.values) { program.stop() }
  }
}

extension Accuracy {
  /// Every method at one point of a program case, in the program's precision: the fixed
  /// schemes at the textbook step of their nominal order (no Taylor coefficients without an
  /// expression), all their points in one batch; the adaptive derivative through the program.
  static func measureProgram(
    _ c: AccuracySpec.Case, index: Int, point x: Double, methods: [AccuracySpec.Method],
    programs: AccuracyPrograms, cancellation: Cancellation
  ) throws -> (results: [Result], reference: AccuracyOutcome.Reference) {
    guard let program = c.program, let f = programs.f[index] else {
      preconditionFailure("a program case has its program")
    }
    let precision = program.f.precision
    var adaptive: AdaptiveDerivative.Estimate<Double>?
    if methods.contains(.adaptive) || !program.hasDerivative {
      adaptive = try f.adaptiveDerivative(at: [x], index: 0, cancellation: cancellation)
    }
    let reference = try programReference(
      c, index: index, x: x, adaptive: adaptive, programs: programs, cancellation: cancellation)
    let fixed = try methods.compactMap(\.scheme).map { scheme in
      let prediction = TaylorPrediction(
        order: scheme.order, constant: 0, leadingDerivative: nil, isExact: false,
        reason: .nominalOrder)
      let chosen = StepChoice(scheme: scheme, prediction: prediction, at: x, precision: precision)
      let plan = DerivativeCheck.plan(
        at: [x], index: 0, stencil: try scheme.stencil(derivative: 1), steps: [chosen.step])
      return (scheme: scheme, plan: plan, detail: detail(chosen.rule, prediction))
    }
    let table = try f.table(fixed.flatMap(\.plan.points), cancellation: cancellation)
    let exact = ReferenceReal(reference.value.value ?? .nan)
    let results = methods.map { method -> Result in
      var r = Result(
        caseNumber: index + 1, f: c.text, variable: c.variable, at: x, precision: precision,
        method: method, estimate: .nan, exact: reference.value.value ?? .nan, error: .nan,
        digits: nil, evaluations: 0, step: nil, errorEstimate: nil, errorEstimateSource: nil,
        status: .measured, stencil: nil, detail: .none)
      if let a = adaptive, method == .adaptive {
        record(a, into: &r, exact: exact)
      } else if let m = fixed.first(where: { $0.scheme == method.scheme }) {
        r.estimate = m.plan.estimates(m.plan.points.map { table[$0.pointKey]?[0] ?? .nan })[0]
        r.error = r.estimate.isFinite ? abs(r.estimate - r.exact) : .infinity
        r.evaluations = m.plan.points.count
        r.step = m.plan.spacings[0] > 0 ? m.plan.spacings[0] : nil
        r.status = r.estimate.isFinite ? .measured : .nonFiniteEstimate
        r.detail = m.detail
      }
      if !r.exact.isFinite { r.status = .noDerivative }
      // Against the adaptive reference, nothing below its error estimate can be seen.
      let cap = reference.error.value.flatMap { $0 > 0 ? -log10($0 / abs(r.exact)) : nil }
      r.digits = digits(r).map { d in cap.map { min(d, max(0, $0)) } ?? d }
      return r
    }
    return (results, reference)
  }

  /// The user's f' (a program or an expression), else the adaptive derivative with its error.
  static func programReference(
    _ c: AccuracySpec.Case, index: Int, x: Double, adaptive: AdaptiveDerivative.Estimate<Double>?,
    programs: AccuracyPrograms, cancellation: Cancellation
  ) throws -> AccuracyOutcome.Reference {
    var r = AccuracyOutcome.Reference(
      caseNumber: index + 1, f: c.text, at: x, source: "df", value: Num(Double.nan), error: Num(0))
    if let d = programs.df[index] {
      r.value = Num(try d.evaluate([[x]], cancellation: cancellation)[0][0])
    } else if let e = c.program?.dfExpression {
      r.value = Num(e.evaluate([c.variable: x]))
    } else if let a = adaptive {
      (r.source, r.value, r.error) = ("adaptive", Num(a.value), Num(a.errorEstimate))
    }
    return r
  }
}
