import Calculus
import Foundation

/// The programs of a convergence run's cases: started on first use, shared by the parallel
/// sweeps (each program answers one batch at a time), stopped by `stop()` when the run ends.
final class ProgramRuns: @unchecked Sendable {
  private var f: [Int: ProgramFunction] = [:]
  private var df: [Int: ProgramFunction] = [:]
  private let lock = NSLock()
  private var agreements: [Int: ProgramAgreement] = [:]
  private var references: [String: (Double, Double)] = [:]
  /// Values fetched ahead, by case and argument's bits: one stream of full batches for all
  /// the sweeps of a case instead of one short exchange per sweep.
  private var fetched: [Int: [UInt64: Double]] = [:]

  init(_ spec: ConvergenceSpec) {
    for (i, c) in spec.cases.enumerated() {
      guard let program = c.program else { continue }
      f[i] = ProgramFunction(program.f, key: "f", variables: [c.variable])
      if let d = program.dfProgram {
        df[i] = ProgramFunction(d, key: "df", variables: [c.variable])
      }
    }
  }

  var isEmpty: Bool { f.isEmpty }

  func stop() {
    for program in Array(f.values) + Array(df.values) { program.stop() }
  }

  /// The derivative checks, in job order.
  var checks: [ProgramAgreement] {
    lock.lock()
    defer { lock.unlock() }
    return agreements.keys.sorted().compactMap { agreements[$0] }
  }

  /// Evaluates, in one stream of full batches per program, every argument the sweeps of
  /// `plans` (case index and plan) will ask for.
  func prefetch(_ plans: [(caseIndex: Int, plan: DerivativeCheck.Plan)], cancellation: Cancellation)
    throws
  {
    for (index, program) in f.sorted(by: { $0.key < $1.key }) {
      var seen = Set<UInt64>()
      var arguments: [Double] = []
      for (i, plan) in plans where i == index {
        for p in plan.points where seen.insert(p[0].bitPattern).inserted { arguments.append(p[0]) }
      }
      guard !arguments.isEmpty else { continue }
      let values = try program.evaluate(arguments.map { [$0] }, cancellation: cancellation)
      var cache: [UInt64: Double] = [:]
      for (x, v) in zip(arguments, values) { cache[x.bitPattern] = v[0] }
      lock.lock()
      fetched[index] = cache
      lock.unlock()
    }
  }

  /// One sweep of `stencil` on case `index`'s program at `point`, recording (as job `job`)
  /// how the finite differences meet the reference.
  func sweep(
    job: Int, caseIndex index: Int, _ c: ConvergenceSpec.Case, point: Double,
    stencil: Stencil, expectation: Expectation?, tolerance: Double, steps: [Double],
    cancellation: Cancellation
  ) throws -> SweepOutcome {
    guard let fProgram = f[index], let parts = c.program else {
      preconditionFailure("a program case has its program")
    }
    let plan = DerivativeCheck.plan(at: [point], index: 0, stencil: stencil, steps: steps)
    lock.lock()
    let known = fetched[index]
    lock.unlock()
    let values =
      try known.flatMap { cache in
        plan.points.map { cache[$0[0].bitPattern] }.allSatisfy { $0 != nil }
          ? plan.points.map { cache[$0[0].bitPattern] ?? .nan } : nil
      }
      ?? fProgram.evaluate(plan.points, cancellation: cancellation).map { $0[0] }
    let (reference, limit) = try self.reference(index, c, point: point, cancellation: cancellation)
    let epsilon = parts.f.precision.epsilon
    let agreement = DerivativeCheck.judge(
      plan, values: values, underTest: reference, epsilon: epsilon, tolerance: tolerance,
      limit: limit)
    lock.lock()
    agreements[job] = ProgramAgreement(
      caseNumber: index + 1, f: c.text, at: point, scheme: stencil.name,
      reference: parts.hasDerivative ? "df" : "adaptive",
      value: reference, referenceError: limit, agreement: agreement)
    lock.unlock()
    // With a derivative under test, its check is the verdict (order and plateau together);
    // the sweep's own order check would repeat it in other words.
    let underTest = parts.hasDerivative
    return Self.outcome(
      plan, values: values, reference: reference, limit: limit, epsilon: epsilon,
      precision: parts.f.precision, expectation: underTest ? nil : expectation,
      tolerance: tolerance)
  }

  /// The user's f^(q) at `point` (limit 0), or the adaptive derivative and its error estimate.
  private func reference(
    _ index: Int, _ c: ConvergenceSpec.Case, point: Double, cancellation: Cancellation
  ) throws -> (Double, Double) {
    let key = "\(index) \(point)"
    lock.lock()
    let known = references[key]
    lock.unlock()
    if let known { return known }
    var result: (Double, Double)
    if let d = df[index] {
      result = (try d.evaluate([[point]], cancellation: cancellation)[0][0], 0)
    } else if let e = c.program?.dfExpression {
      result = (e.evaluate([c.variable: point]), 0)
    } else {
      result = try adaptive(index, point: point, cancellation: cancellation)
    }
    lock.lock()
    references[key] = result
    lock.unlock()
    return result
  }

  /// The adaptive derivative through the program, point by point.
  private func adaptive(_ index: Int, point: Double, cancellation: Cancellation) throws
    -> (Double, Double)
  {
    guard let program = f[index] else { return (.nan, .infinity) }
    let estimate = try program.adaptiveDerivative(
      at: [point], index: 0, cancellation: cancellation)
    return (estimate.value, estimate.errorEstimate)
  }

  /// The sweep as the convergence reports draw it: errors against the reference, the order
  /// fitted above the floor (the larger of round-off and the reference's own error), the
  /// stencil's nominal order as the prediction.
  static func outcome(
    _ plan: DerivativeCheck.Plan, values: [Double], reference: Double, limit: Double,
    epsilon: Double, precision: Calculus.Precision, expectation: Expectation?, tolerance: Double
  ) -> SweepOutcome {
    let estimates = plan.estimates(values)
    let x = plan.points.first?[0] ?? 0
    let floors = plan.floors(
      values, epsilon: epsilon,
      conditioning: plan.stencil.derivative == 1 ? x * reference : 0
    ).map { max($0, limit) }
    var samples = plan.steps.indices.map { s in
      SweepSample(
        step: plan.steps[s], effectiveStep: plan.spacings[s], estimate: estimates[s],
        error: estimates[s].isFinite ? abs(estimates[s] - reference) : .nan,
        roundoffFloor: floors[s], inFitRange: false)
    }
    let usable = samples.filter { $0.estimate.isFinite && $0.effectiveStep > 0 }
    let floorAt: (Double) -> Double = { h in
      usable.min { abs(log($0.effectiveStep / h)) < abs(log($1.effectiveStep / h)) }?
        .roundoffFloor ?? 0
    }
    let fit = OrderFitting.fit(
      steps: usable.map(\.effectiveStep), errors: usable.map(\.error), roundoffFloor: floorAt)
    if let result = fit.fit {
      for i in samples.indices where samples[i].estimate.isFinite {
        samples[i].inFitRange = result.range.contains(samples[i].effectiveStep)
      }
    }
    let stencil = plan.stencil
    let prediction = TaylorPrediction(
      order: stencil.order, constant: 0, leadingDerivative: nil, isExact: false,
      reason: .nominalOrder)
    let expected: Double?
    switch expectation {
    case .order(let p)?: expected = p
    case .auto?: expected = Double(stencil.order)
    case nil: expected = nil
    }
    return SweepOutcome(
      scheme: Scheme(rawValue: stencil.name) ?? .central, precision: precision,
      samples: samples, exact: reference, fit: fit, prediction: prediction,
      expectedOrder: expected, verdict: judge(fit, expected: expected, tolerance: tolerance),
      stencil: stencil, derivative: stencil.derivative)
  }
}
