import Calculus
import ComplexModule
import FuzzSupport

typealias Expression = Calculus.Expression

// libFuzzer entry for the expression language: every input is parsed; an accepted expression
// is printed and re-parsed, simplified, differentiated and evaluated, and each step must keep
// the invariants below. A broken invariant is a crash (`fatalError`), which libFuzzer records.

/// Whether two values agree: within a relative 1e-9, or either is not finite (reassociated
/// operations may overflow differently).
func agree(_ a: Double, _ b: Double) -> Bool {
  guard a.isFinite && b.isFinite else { return true }
  return Swift.abs(a - b) <= 1e-9 * Swift.max(Swift.abs(a), Swift.abs(b), 1e-300)
}

/// Checks the round trip through the printed form: it parses, to an expression with the same
/// value at `point`, which prints as the same text (the description is a normal form: a fixed
/// point in one step). A derived form (simplified, differentiated) may nest deeper than the
/// parser's limits, and then only the limit's error is allowed.
func checkRoundTrip(
  _ f: Expression, _ what: String, at point: [String: Double], derived: Bool = false
) {
  let printed = f.description
  let reparsed: Expression
  do throws(ExpressionError) {
    reparsed = try Expression(parsing: printed)
  } catch {
    if derived && error.message.contains("the limit is") { return }
    fatalError("\(what) prints as \"\(printed)\", which does not parse: \(error)")
  }
  let (a, b): (Double, Double) = (f.evaluate(point), reparsed.evaluate(point))
  guard agree(a, b) else {
    fatalError("\(what) \(f) = \(a) at \(point), but its printed form \(printed) = \(b)")
  }
  let again = reparsed.description
  guard again == printed else {
    fatalError("\(what) prints as \"\(printed)\", which parses and prints as \"\(again)\"")
  }
}

/// Runs every operation of the language on `f` and checks the invariants.
func exercise(_ f: Expression) {
  let names = f.variables.sorted()
  var point: [String: Double] = [:]
  for (i, name) in names.enumerated() { point[name] = 0.75 + Double(i) }
  checkRoundTrip(f, "the parse", at: point)
  let value: Double = f.evaluate(point)
  _ = f.domainViolation(at: point)
  _ = f.nonDifferentiability(at: point)
  let simplified = f.simplified()
  checkRoundTrip(simplified, "the simplified form", at: point, derived: true)
  let simplifiedValue: Double = simplified.evaluate(point)
  if value.isNaN != simplifiedValue.isNaN, !value.isNaN, value.isFinite, Swift.abs(value) < 1e6 {
    // A finite value turned into NaN by simplification is a wrong result, not rounding.
    fatalError("\(f) = \(value) but its simplified form \(simplified) = \(simplifiedValue)")
  }
  if let variable = names.first, f.nodeCount <= 400 {
    let derivative = f.derivative(withRespectTo: variable)
    checkRoundTrip(derivative, "the derivative", at: point, derived: true)
    let _: Double = derivative.evaluate(point)
    if f.isAnalytic {
      let complexPoint = point.mapValues { Complex<Double>($0, 1e-20) }
      _ = f.evaluate(complexPoint)
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let f = try? Expression(parsing: text) else { return 0 }
  exercise(f)
  return 0
}

@main
enum Fuzzer {
  static func main() { runFuzzer(fuzzExpression) }
}
