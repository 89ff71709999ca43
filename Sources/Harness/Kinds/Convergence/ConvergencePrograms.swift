import Calculus
import Foundation

/// A convergence case whose `f` (and perhaps `df`) is the user's program: how it is decoded,
/// validated, swept and judged. The sweep's reference is the user's `df` when given (the
/// derivative under test), else the adaptive derivative with its error estimate.
struct ProgramCase: Sendable {
  var f: ProgramSource
  /// `df:` as a program answering f^(q), or as an expression in the variable.
  var dfProgram: ProgramSource?
  var dfExpression: Expression?

  static let caseKeys = ["f", "at", "df", "derivative", "variable"]

  /// Decodes a case whose `f` is a program: its `Case` (with `x` standing in for the
  /// expression) and the program parts.
  static func decode(_ c: KeyedDecodingContainer<AnyKey>, program: ProgramSource) throws
    -> ConvergenceSpec.Case
  {
    let variable = try c.optional("variable", as: String.self, expected: "a name") ?? "x"
    let points = try c.required(
      "at", as: NumberList.self, expected: "a number or a list of numbers"
    ).values.map(\.value)
    var parts = ProgramCase(f: program)
    if c.has("df") {
      switch try c.required("df", as: FunctionSource.self, expected: "an expression or a program") {
      case .program(let p): parts.dfProgram = p
      case .expression(let e):
        let extra = e.expression.variables.subtracting([variable])
        guard extra.isEmpty else {
          throw e.error(
            "df uses \(extra.sorted().joined(separator: ", ")), but f is a function of \(variable)")
        }
        parts.dfExpression = e.expression
      }
    }
    let q = try c.optional("derivative", as: Int.self, expected: "a whole number >= 1") ?? 1
    if q > 1, parts.dfProgram == nil, parts.dfExpression == nil {
      throw c.error(
        "derivative",
        "derivative: \(q) of a program needs df: the program's f^(\(q)) (the adaptive reference"
          + " estimates f' only)")
    }
    var value = ConvergenceSpec.Case(
      f: .variable(variable), text: program.display, variable: variable, points: points,
      df: nil, derivative: q)
    value.program = parts
    return value
  }

  /// The file-level rules: the tool's emulated precisions and the complex step need an
  /// expression.
  static func validate(
    _ cases: [ConvergenceSpec.CaseSpec], spec c: KeyedDecodingContainer<AnyKey>,
    schemes: [Scheme], precisions: [Calculus.Precision]
  ) throws {
    guard cases.contains(where: { $0.value.program != nil }) else { return }
    try ProgramRules.check(precisions: precisions, schemes: schemes, c)
  }
}

/// One derivative check of a program case: the user's value against the finite differences.
struct ProgramAgreement: Encodable, Sendable {
  var caseNumber: Int
  var f: String
  var at: Double
  var scheme: String
  /// `df`, or `adaptive` when the adaptive derivative stands in for it.
  var reference: String
  var value: Double
  /// The adaptive reference's error estimate (0 for `df`).
  var referenceError: Double
  var agreement: DerivativeAgreement

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: AnyKey.self)
    try c.encode(caseNumber, forKey: "case")
    try c.encode(f, forKey: "f")
    try c.encode(Num(at), forKey: "at")
    try c.encode(scheme, forKey: "scheme")
    try c.encode(reference, forKey: "reference")
    try c.encode(Num(value), forKey: "value")
    try c.encode(Num(referenceError), forKey: "reference_error")
    try agreement.encodeFields(into: &c)
    let judged = reference == "df" && agreement.status != .notChecked
    try c.encode(judged ? Optional(agreement.passed) : nil, forKey: "passed")
  }
}

extension Convergence {
  /// One sweep of a program case (the tool's precisions do not apply: the program's own).
  static func programSweep(
    _ spec: ConvergenceSpec, job: Int, caseIndex: Int, point: Double,
    method: ConvergenceSpec.Method, steps: [Double], programs: ProgramRuns, context: RunContext
  ) throws -> SweepOutcome {
    let c = spec.cases[caseIndex]
    let stencil: Stencil
    let expectation: Expectation?
    switch method {
    case .named(let scheme):
      stencil = try scheme.stencil(derivative: c.derivative)
      expectation = spec.expectations[scheme]
    case .custom(let custom):
      stencil = try Stencil(name: custom.name, offsets: custom.offsets, derivative: c.derivative)
      expectation = spec.stencilExpectations[custom.name]
    }
    return try programs.sweep(
      job: job, caseIndex: caseIndex, c, point: point, stencil: stencil,
      expectation: expectation, tolerance: spec.tolerance, steps: steps,
      cancellation: context.cancellation)
  }

  /// Fetches every argument the program cases' sweeps need, ahead of the parallel sweeps.
  static func prefetchPrograms(
    _ spec: ConvergenceSpec,
    jobs: [(caseIndex: Int, point: Double, method: ConvergenceSpec.Method)],
    steps: [Double], programs: ProgramRuns, context: RunContext
  ) throws {
    guard !programs.isEmpty else { return }
    var plans: [(caseIndex: Int, plan: DerivativeCheck.Plan)] = []
    for job in jobs where spec.cases[job.caseIndex].program != nil {
      let q = spec.cases[job.caseIndex].derivative
      let stencil: Stencil?
      switch job.method {
      case .named(let scheme): stencil = try? scheme.stencil(derivative: q)
      case .custom(let c): stencil = try? Stencil(name: c.name, offsets: c.offsets, derivative: q)
      }
      guard let stencil else { continue }
      plans.append(
        (
          job.caseIndex,
          DerivativeCheck.plan(at: [job.point], index: 0, stencil: stencil, steps: steps)
        ))
    }
    try programs.prefetch(plans, cancellation: context.cancellation)
  }

  /// `experiment show` lines of a program case: what it starts.
  static func programLines(
    _ number: Int, _ c: ConvergenceSpec.Case, _ p: ProgramCase, _ language: Language
  ) -> [String] {
    let points = c.points.map(short).joined(separator: ", ")
    var lines = [
      "case \(number): f(\(c.variable)) from a program at \(c.variable) = \(points)",
      "  starts: \(p.f.display) (in \(p.f.directory.path), precision \(p.f.precision.rawValue))",
    ]
    if let d = p.dfProgram {
      lines.append("  starts: \(d.display) (df, f^(\(c.derivative)) under test)")
    } else if let e = p.dfExpression {
      lines.append("  df under test: \(e)")
    } else {
      lines.append("  reference: the adaptive derivative (no df)")
    }
    return lines
  }

  /// A check per (case, point, scheme) with a `df`; a note per adaptive reference.
  static func appendProgramChecks(
    _ checks: [ProgramAgreement], to report: inout Report, _ language: Language
  ) {
    for a in checks {
      let subject =
        "df of \(clipped(a.f, to: 50)) at \(short(a.at)), \(a.scheme)"
      let v = a.agreement
      guard a.reference == "df" else {
        report.notes.append(
          Composed.verbatim(
            text: "\(clipped(a.f, to: 50)) at \(short(a.at)), \(a.scheme): the reference is the adaptive "
              + "derivative \(String(format: "%.17g", a.value)) ± \(String(format: "%.1e", a.referenceError)); "
              + "errors below that cannot be seen"))
        continue
      }
      report.checks.append(Check.untranslated(subject, status(v), programDetail(a)))
    }
  }

  static func status(_ v: DerivativeAgreement) -> Check.Status {
    switch v.status {
    case .agrees, .plateauWithinTolerance, .wrongOrder: return .passed
    case .plateau: return .failed
    case .notChecked: return .notChecked
    }
  }

  /// The check's words (English: check details are the CI's).
  static func programDetail(_ a: ProgramAgreement) -> String {
    let v = a.agreement
    let order = v.fittedOrder.map { String(format: "%.2f", $0) } ?? "none fitted"
    let least = v.leastError.map { String(format: "%.1e", $0) } ?? "-"
    let at = "\(a.at)"
    switch v.status {
    case .agrees:
      return
        "agrees: the differences converge at order \(order) (expected \(short(v.expectedOrder))) "
        + "down to \(least) at h = \(short(v.leastErrorStep ?? 0))"
    case .plateauWithinTolerance:
      return
        "agrees within the allowed difference: levels off at \(String(format: "%.3g", v.plateau ?? 0))"
    case .plateau:
      let d = String(format: "%.3g", v.plateau ?? 0)
      let span = v.plateauSteps.map { "\(short($0.lowerBound)) to \(short($0.upperBound))" } ?? ""
      return "the derivative differs from the finite differences by about \(d) at x = \(at) "
        + "(the error levels off over h = \(span), above the round-off floor)"
    case .wrongOrder:
      return "agrees (no plateau), but the differences fall at order \(order), not "
        + "\(short(v.expectedOrder)), at x = \(at): a Taylor term vanishing near x, or a kink"
    case .notChecked:
      return v.reason == .nonFiniteValue
        ? "not checked: df is not finite at x = \(at)"
        : "not checked: fewer than three steps gave a finite estimate at x = \(at)"
    }
  }
}
