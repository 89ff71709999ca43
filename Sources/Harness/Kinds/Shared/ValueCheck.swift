import Calculus
import Foundation

/// `checks:` in convergence and partials: one scheme's estimate at one step, in double, against
/// the value the notes print, within a relative tolerance.
struct ValueCheck: Encodable, Sendable {
  /// "case" (convergence) or "point" (partials), and its number from 1.
  var numberKey: String
  var number: Int
  var at: PointValues
  var variable: String
  var scheme: Scheme
  var h: Double
  var estimate: Num
  var equals: Double
  var difference: Num
  var tolerance: Double
  var passed: Bool

  /// Measures the estimate of ∂f/∂`variables[index]` at `point`.
  init(
    _ numberKey: String, _ number: Int, f: Expression, variables: [String], point: [Double],
    index: Int, scheme: Scheme, step: Double, equals: Double, tolerance: Double
  ) {
    let value = SweepAnalysis.estimate(
      f: f, variables: variables, point: point, index: index, scheme: scheme, precision: .double,
      step: step)
    let gap = abs(value - equals)
    self.numberKey = numberKey
    self.number = number
    at = PointValues(variables, point)
    variable = variables[index]
    self.scheme = scheme
    h = step
    estimate = Num(value)
    self.equals = equals
    difference = Num(gap)
    self.tolerance = tolerance
    passed = gap <= tolerance * max(1, abs(equals))
  }

  /// The check as the report lists it.
  func check(_ subject: any Phrase) -> Check {
    Check(
      Composed.list(
        subject, CommonPhrase.schemeName(scheme: scheme), Composed.verbatim(text: "h = \(short(h))")
      ),
      passed: passed,
      CommonPhrase.valueCheckDetail(
        estimate: estimate.value ?? .nan, expected: equals, difference: difference.value ?? .nan,
        tolerance: tolerance))
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: AnyKey.self)
    try c.encode(number, forKey: AnyKey(numberKey))
    try c.encode(at, forKey: "at")
    try c.encode(variable, forKey: "variable")
    try c.encode(scheme.rawValue, forKey: "scheme")
    try c.encode(Num(h), forKey: "h")
    try c.encode(estimate, forKey: "estimate")
    try c.encode(Num(equals), forKey: "equals")
    try c.encode(difference, forKey: "difference")
    try c.encode(Num(tolerance), forKey: "tolerance")
    try c.encode(passed, forKey: "passed")
  }
}
