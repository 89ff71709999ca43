import Calculus

/// A one-variable case whose `f` is the user's program, with the derivative it is measured
/// against: `df:` as a program or as an expression in the variable, or neither, when the
/// adaptive derivative (with its error estimate) is the reference. Convergence and accuracy
/// cases decode it alike.
struct ProgramDerivativeCase: Sendable {
  var f: ProgramSource
  /// `df:` as a program answering the derivative.
  var dfProgram: ProgramSource?
  /// `df:` as an expression in the variable.
  var dfExpression: Expression?

  init(f: ProgramSource) { self.f = f }

  /// Decodes `df:` beside a program `f` of `variable`; an expression `df` may use no other
  /// variable.
  init(_ c: KeyedDecodingContainer<AnyKey>, f: ProgramSource, variable: String) throws {
    self.f = f
    guard c.has("df") else { return }
    switch try c.required("df", as: FunctionSource.self, expected: "an expression or a program") {
    case .program(let p): dfProgram = p
    case .expression(let e):
      let extra = e.expression.variables.subtracting([variable])
      guard extra.isEmpty else {
        throw e.error(
          "df uses \(extra.sorted().joined(separator: ", ")), but f is a function of \(variable)")
      }
      dfExpression = e.expression
    }
  }

  /// The programs this case starts.
  var sources: [ProgramSource] { [f] + (dfProgram.map { [$0] } ?? []) }

  /// Whether the case gives its own derivative (`df`, a program or an expression); without
  /// one the adaptive derivative is the reference.
  var hasDerivative: Bool { dfProgram != nil || dfExpression != nil }
}
