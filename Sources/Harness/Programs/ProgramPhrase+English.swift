import Foundation

extension ProgramPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .derivativeSubject(let name, let f, let at, let scheme): return "\(name) of \(f) at \(at), \(scheme)"
    case .verdict(let v, let point, let name):
      let n = VerdictNumbers(v)
      let order = n.order ?? "none fitted"
      let span = v.plateauSteps.map { "\(short($0.lowerBound)) to \(short($0.upperBound))" } ?? ""
      switch v.status {
      case .agrees: return "agrees: the differences converge at order \(order) (expected \(n.expected)) down to \(n.least) at h = \(n.leastStep)"
      case .plateauWithinTolerance: return "agrees within the allowed difference: levels off at \(n.plateau)"
      case .plateau: return "the derivative differs from the finite differences by about \(n.plateau) at \(point) (the error levels off over h = \(span), above the round-off floor)"
      case .wrongOrder: return "agrees (no plateau), but the differences fall at order \(order), not \(n.expected), at \(point): a Taylor term vanishing near x, or a kink"
      case .notChecked:
        return v.reason == .nonFiniteValue
          ? "not checked: \(name) is not finite at \(point)"
          : "not checked: fewer than three steps gave a finite estimate at \(point)"
      }
    case .adaptiveReference(let f, let at, let scheme, let value, let error):
      return "\(f) at \(at), \(scheme): the reference is the adaptive derivative \(String(format: "%.17g", value)) ± \(String(format: "%.1e", error)); errors below that cannot be seen"
    case .showProgramCase(let number, let variable, let points): return "case \(number): f(\(variable)) from a program at \(variable) = \(points)"
    case .showStarts(let program, let directory, let precision): return "  starts: \(program) (in \(directory), precision \(precision.rawValue))"
    case .showStartsUnderTest(let program, let name, let q): return "  starts: \(program) (\(name), f^(\(q)) under test)"
    case .showUnderTest(let name, let expression): return "  \(name) under test: \(expression)"
    case .showAdaptiveReference(let name): return "  reference: the adaptive derivative (no \(name))"
    case .showProgramsHeader: return "programs this file starts (they run with your rights; --no-programs refuses):"
    case .showProgramLine(let command, let directory): return "\(command) (in \(directory))"
    }
  }
}
