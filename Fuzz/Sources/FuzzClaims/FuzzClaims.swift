import Calculus
import FuzzSupport
import Glibc

typealias Expression = Calculus.Expression

// libFuzzer entry for the tool's numerical claims: the input's bytes choose an expression from
// the grammar, a point inside its domain, a derivative q and a stencil (a named scheme's or
// random offsets); the sweep must then either fit an order within 0.3 of the Taylor-predicted
// one or carry one of the explanations the tool gives (it left the domain, a term vanishes at
// the point, the errors stay at the round-off floor, no fit). A silent contradiction is a crash
// (`fatalError`), which libFuzzer records.

/// The input's bytes as choices; 0 once they run out.
struct Choices {
  var bytes: [UInt8]
  var next = 0
  mutating func pick(_ n: Int) -> Int {
    guard next < bytes.count else { return 0 }
    defer { next += 1 }
    return Int(bytes[next]) % n
  }
}

/// An expression in x of at most `depth` levels, as text in the language.
func expression(_ c: inout Choices, depth: Int) -> String {
  let leaves = ["x", "x", "0.5", "2", "3", "pi"]
  guard depth > 0 else { return leaves[c.pick(leaves.count)] }
  let functions = ["exp", "sin", "cos", "tanh", "sigmoid", "atan", "log", "sqrt", "sinh"]
  switch c.pick(5) {
  case 0: return leaves[c.pick(leaves.count)]
  case 1: return "\(functions[c.pick(functions.count)])(\(expression(&c, depth: depth - 1)))"
  case 2: return "(\(expression(&c, depth: depth - 1)))^\(2 + c.pick(3))"
  default:
    let op = ["+", "-", "*", "/"][c.pick(4)]
    return "(\(expression(&c, depth: depth - 1))) \(op) (\(expression(&c, depth: depth - 1)))"
  }
}

/// The stencil for derivative q: a named scheme's, or 2 to 4 more offsets than q from -3...3.
func stencil(_ c: inout Choices, q: Int) -> Stencil? {
  let named: [Scheme] = [.forward, .backward, .central, .central4]
  if c.pick(2) == 0 { return try? named[c.pick(named.count)].stencil(derivative: q) }
  var offsets: [Double] = []
  let count = q + 1 + c.pick(3)
  for _ in 0..<20 where offsets.count < count {
    let o = Double(c.pick(7) - 3)
    if !offsets.contains(o) { offsets.append(o) }
  }
  return try? Stencil(name: "random", offsets: offsets, derivative: q)
}

/// How many inputs made a case, and how many of those the claims were checked on.
nonisolated(unsafe) var cases = (generated: 0, checked: 0)

/// Whether the sweep's fitted order agrees with the prediction or is explained.
func explained(_ o: SweepOutcome) -> Bool {
  if o.domainExit != nil { return true }
  switch o.fit {
  case .noFit: return true
  case .exact: return o.prediction.isExact
  case .fitted(let fit):
    guard let predicted = o.prediction.order else { return !o.prediction.isExact }
    if Swift.abs(fit.order - Double(predicted)) <= 0.3 { return true }
    if case .leadingTerm(let term) = o.prediction.reason, !term.skipped.isEmpty { return true }
    if case .vanishAtPoint = o.prediction.reason { return true }
    // The fit reaches down to the round-off floor: round-off, not truncation, bends it.
    let inRange = o.samples.filter(\.inFitRange)
    return inRange.contains { $0.error <= 100 * $0.roundoffFloor }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzClaims(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size > 0 else { return 0 }
  var c = Choices(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
  let text = expression(&c, depth: 1 + c.pick(3))
  let q = 1 + c.pick(3)
  let x = [0.3, 0.7, 1.1, 1.7, 2.3][c.pick(5)]
  guard let f = try? Expression(parsing: text), f.variables == ["x"],
    f.domainViolation(at: ["x": x]) == nil, f.nonDifferentiability(at: ["x": x]) == nil,
    let s = stencil(&c, q: q)
  else { return 0 }
  let value: Double = f.evaluate(["x": x])
  guard value.isFinite, Swift.abs(value) < 1e6 else { return 0 }
  cases.generated += 1
  let grid = StepGrid(min: 1e-10, max: 1e-1, perDecade: 4)
  guard
    let outcome = try? SweepAnalysis.run(
      f: f, variables: ["x"], point: [x], index: 0, stencil: s, precision: .double,
      steps: grid.steps, expectation: nil, tolerance: 0.3)
  else { return 0 }
  cases.checked += 1
  guard explained(outcome) else {
    let fitted = outcome.fit.fit.map { "\($0.order)" } ?? "none"
    fatalError(
      "f = \(text), q = \(q), x = \(x), offsets \(s.offsets): fitted order \(fitted), predicted "
        + "\(outcome.prediction.order.map { "\($0)" } ?? "none"), no explanation given")
  }
  return 0
}

@main
enum Fuzzer {
  static func main() {
    atexit {
      let line = "fuzz-claims: \(cases.generated) cases generated, \(cases.checked) checked\n"
      _ = line.withCString { write(2, $0, strlen($0)) }
    }
    runFuzzer(fuzzClaims)
  }
}
