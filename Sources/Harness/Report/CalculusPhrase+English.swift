import Calculus
import Foundation

extension CalculusPhrase {
  /// The phrase in English.
  var english: String {
    switch self {
    case .orderVerdict(let v): return Self.english(v)
    case .fitReason(let reason): return Self.english(reason)
    case .taylorReason(let reason): return Self.english(reason)
    case .domainViolation(let v): return Self.english(v)
    case .nonDifferentiability(let v): return Self.english(v)
    case .descentStop(let stop): return Self.english(stop)
    }
  }

  private static func english(_ v: OrderVerdict) -> String {
    switch v.fit {
    case .fitted(let fit):
      let order = fit.order.fixed3
      guard let expected = v.expected, let gap = v.difference else {
        return "fitted \(order) (no expectation)"
      }
      let (e, g, t) = (expected.formatted3, gap.fixed3, v.tolerance.formatted3)
      return
        "fitted \(order), expected \(e): |difference| \(g) \(v.passed ? "<=" : ">") tolerance \(t)"
    case .exact(let reason): return "exact: \(english(reason))"
    case .noFit(let reason): return "no fit: \(english(reason))"
    }
  }

  private static func english(_ reason: FitReason) -> String {
    switch reason {
    case .identicallyZeroTruncation(let largest):
      return "the truncation error is identically zero: the errors (at most \(largest.formatted3)) "
        + "are round-off only"
    case .tooFewAboveFloor(let usable, let total, let needed):
      return "only \(usable) of \(total) points above the round-off floor (need \(needed))"
    case .noStraightRun(let needed):
      return "no \(needed) consecutive points above the round-off floor lie on a straight line "
        + "with a positive slope"
    }
  }

  /// `a`, `a and b`, `a, b and c`.
  private static func list(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.joined() }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }

  private static func english(_ reason: TaylorReason) -> String {
    switch reason {
    case .identicallyZero(let k): return "\(derivativeName(k)) ≡ 0: no truncation error"
    case .vanishAtPoint(let ks, let zeroFrom, let top):
      let names = list(ks.map(derivativeName))
      let verb = ks.count == 1 ? "vanishes" : "vanish"
      let reach = zeroFrom.map { "and \(derivativeName($0)) ≡ 0" } ?? "(checked up to f^(\(top)))"
      return "\(names) \(verb) at this point \(reach): no truncation error, the errors are "
        + "round-off only"
    case .leadingTerm(let t):
      let (c, name) = (t.constant.formatted3, derivativeName(t.derivative))
      let detail =
        "c_\(t.derivative) = \(t.coefficient.reciprocalFraction), \(name) = \(t.value.formatted3)"
      let term = "error ≈ \(c) h^\(t.order) (\(detail))"
      guard !t.skipped.isEmpty else { return term }
      let one = t.skipped.count == 1
      let names = list(t.skipped.map(derivativeName))
      let powers = list(t.skipped.map { "h^\($0 - t.estimated)" })
      return "\(names) \(one ? "= 0" : "vanish") at this point: the \(powers) "
        + (one ? "term vanishes" : "terms vanish") + ", next term is h^\(t.order); \(term)"
    case .nominalOrder:
      return "nominal order of the scheme (the loss's higher derivatives are not computed "
        + "symbolically)"
    }
  }

  private static func english(_ v: DomainViolation) -> String {
    func n(_ x: Double) -> String { Expression.format(x) }
    switch v {
    case .missingVariable(let name): return "no value for the variable '\(name)'"
    case .outsideDomain(let f, let u, let x):
      return "\(f.rawValue)(\(u)) needs \(need(f, "\(u)")), got \(u) = \(n(x))"
    case .divisionByZero(let power, let base) where base.variables.isEmpty:
      return "division by zero: \(power) divides by the constant \(base) at every point"
    case .divisionByZero(let power, let base): return "division by zero in \(power): \(base) = 0"
    case .negativeBase(let power, let base, let b, let exponent, let e):
      return "\(power) needs \(base) >= 0 or an integer exponent, got \(base) = \(n(b)), "
        + "\(exponent) = \(n(e))"
    }
  }

  private static func english(_ v: NonDifferentiability) -> String {
    switch v {
    case .missingVariable(let name): return "no value for the variable '\(name)'"
    case .function(let f, let u, let x):
      return "\(f) is not differentiable at \(u) = \(Expression.format(x))"
    case .powerAtZero(let power, let base): return "\(power) is not differentiable at \(base) = 0"
    }
  }

  private static func english(_ stop: DescentStop) -> String {
    switch stop {
    case .converged(let norm, let tolerance, let steps):
      return "gradient norm \(norm.formatted3) <= \(tolerance.formatted3) after \(steps) steps"
    case .tooSlow(let norm, let tolerance, let steps, let from, let to, let overshooting):
      return "gradient norm \(norm.formatted3) > \(tolerance.formatted3) after \(steps) steps "
        + "(f from \(from.formatted3) to \(to.formatted3))"
        + (overshooting
          ? "; the last steps zig-zag, each against the one before: the rate is too high for"
            + " the steepest direction, and a smaller one goes straighter" : "")
    case .oscillating(let norm, let tolerance, let steps, let window):
      return "gradient norm \(norm.formatted3) > \(tolerance.formatted3) after \(steps) steps, "
        + "no longer falling over the last \(window) while the path bounces in place"
    case .grew(let from, let to): return "f grew from \(from.formatted3) to \(to.formatted3)"
    case .escaped(let norm, let bound, let step):
      return "|x| = \(norm.formatted3) > \(bound.formatted3) at step \(step), not kept (\(step - 1) steps kept)"
    case .nonFiniteStart: return "non-finite start"
    case .nonFiniteGradient(let step): return "non-finite gradient at step \(step)"
    case .nonFiniteIterate(let step): return "non-finite at step \(step), not kept (\(step - 1) steps kept)"
    }
  }
}
