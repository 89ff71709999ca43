import Calculus
import Foundation

/// How a convergence case whose `f` (and perhaps `df`) is the user's program is decoded and
/// validated. The sweep's reference is the user's `df` when given (the derivative under
/// test), else the adaptive derivative with its error estimate.
enum ProgramCase {
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
    let parts = try ProgramDerivativeCase(c, f: program, variable: variable)
    let q = try c.optional("derivative", as: Int.self, expected: "a whole number >= 1") ?? 1
    if q > 1, !parts.hasDerivative {
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
    _ number: Int, _ c: ConvergenceSpec.Case, _ p: ProgramDerivativeCase, _ language: Language
  ) -> [String] {
    let points = c.points.map(short).joined(separator: ", ")
    var lines = [
      language(.showProgramCase(number: number, variable: c.variable, points: points)),
      language(
        .showStarts(
          program: p.f.display, directory: p.f.directory.path, precision: p.f.precision)),
    ]
    if let d = p.dfProgram {
      lines.append(
        language(.showStartsUnderTest(program: d.display, name: "df", derivative: c.derivative)))
    } else if let e = p.dfExpression {
      lines.append(language(.showUnderTest(name: "df", expression: "\(e)")))
    } else {
      lines.append(language(.showAdaptiveReference(name: "df")))
    }
    return lines
  }

  /// A check per (case, point, scheme) with a `df`; a note per adaptive reference.
  static func appendProgramChecks(_ checks: [ProgramAgreement], to report: inout Report) {
    for a in checks {
      guard a.reference == "df" else {
        report.notes.append(
          ProgramPhrase.adaptiveReference(
            f: clipped(a.f, to: 50), at: short(a.at), scheme: a.scheme, value: a.value,
            error: a.referenceError))
        continue
      }
      report.checks.append(
        Check(
          ProgramPhrase.derivativeSubject(
            name: "df", f: clipped(a.f, to: 50), at: short(a.at), scheme: a.scheme),
          status(a.agreement),
          ProgramPhrase.verdict(agreement: a.agreement, point: "x = \(a.at)", name: "df")))
    }
  }

  static func status(_ v: DerivativeAgreement) -> Check.Status {
    switch v.status {
    case .agrees, .plateauWithinTolerance, .wrongOrder: return .passed
    case .plateau: return .failed
    case .notChecked: return .notChecked
    }
  }
}
