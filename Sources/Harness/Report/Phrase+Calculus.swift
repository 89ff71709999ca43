import Calculus
import Foundation

/// The wording of Calculus's typed results (`Phrase.orderVerdict`, `.fitReason`,
/// `.taylorReason`, `.domainViolation`, `.nonDifferentiability`, `.descentStop`), in English and
/// Korean. The English is the text summary.json has always carried.
///
/// Derivatives are written as the notes write them, `f''(x)`, `f^(5)(x)`, in both languages;
/// numbers keep one format (`formatted3`, `fixed3`) in both.
extension Phrase {
  typealias Pair = (en: String, ko: String)

  static func words(_ v: OrderVerdict) -> Pair {
    switch v.fit {
    case .fitted(let fit):
      let order = fit.order.fixed3
      guard let expected = v.expected, let gap = v.difference else {
        return ("fitted \(order) (no expectation)", "측정 차수 \(order) (기대 차수 없음)")
      }
      let (e, g, t) = (expected.formatted3, gap.fixed3, v.tolerance.formatted3)
      let sign = v.passed ? "<=" : ">"
      return (
        "fitted \(order), expected \(e): |difference| \(g) \(sign) tolerance \(t)",
        "측정 차수 \(order), 기대 차수 \(e): |차이| \(g) \(sign) 허용 오차 \(t)"
      )
    case .exact(let reason):
      let r = words(reason)
      return ("exact: \(r.en)", "정확: \(r.ko)")
    case .noFit(let reason):
      let r = words(reason)
      return ("no fit: \(r.en)", "맞춤 없음: \(r.ko)")
    }
  }

  static func words(_ reason: FitReason) -> Pair {
    switch reason {
    case .identicallyZeroTruncation(let largest):
      let l = largest.formatted3
      return (
        "the truncation error is identically zero: the errors (at most \(l)) are round-off only",
        "절단 오차가 항등적으로 0이므로 오차(최대 \(l))는 반올림 오차뿐"
      )
    case .tooFewAboveFloor(let usable, let total, let needed):
      return (
        "only \(usable) of \(total) points above the round-off floor (need \(needed))",
        "반올림 오차 하한보다 큰 점이 \(total)개 중 \(usable)개뿐 (\(needed)개 필요)"
      )
    case .noStraightRun(let needed):
      return (
        "no \(needed) consecutive points above the round-off floor lie on a straight line "
          + "with a positive slope",
        "반올림 오차 하한보다 큰 연속된 점 \(needed)개가 기울기가 양수인 직선 위에 놓이지 않음"
      )
    }
  }

  /// `f''(x)`, `f'''(x)`, `f^(4)(x)`.
  static func derivativeName(_ k: Int) -> String {
    k <= 3 ? "f" + String(repeating: "'", count: k) + "(x)" : "f^(\(k))(x)"
  }

  /// `a`, `a and b`, `a, b and c` in English; `a, b, c` in Korean.
  static func list(_ items: [String]) -> Pair {
    let en =
      items.count <= 1
      ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    return (en, items.joined(separator: ", "))
  }

  static func words(_ reason: TaylorReason) -> Pair {
    switch reason {
    case .identicallyZero(let k):
      let name = derivativeName(k)
      return ("\(name) ≡ 0: no truncation error", "\(name) ≡ 0: 절단 오차 없음")
    case .vanishAtPoint(let ks, let zeroFrom, let top):
      let names = list(ks.map(derivativeName))
      let verb = ks.count == 1 ? "vanishes" : "vanish"
      let reach: Pair =
        zeroFrom.map { ("and \(derivativeName($0)) ≡ 0", "이고 \(derivativeName($0)) ≡ 0") }
        ?? ("(checked up to f^(\(top)))", " (f^(\(top))까지 확인)")
      return (
        "\(names.en) \(verb) at this point \(reach.en): no truncation error, the errors are "
          + "round-off only",
        "이 점에서 \(names.ko) = 0\(reach.ko): 절단 오차가 없어 오차는 반올림 오차뿐"
      )
    case .leadingTerm(let t):
      let (c, name) = (t.constant.formatted3, derivativeName(t.derivative))
      let detail =
        "c_\(t.derivative) = \(t.coefficient.reciprocalFraction), "
        + "\(name) = \(t.value.formatted3)"
      let term: Pair = (
        "error ≈ \(c) h^\(t.order) (\(detail))", "오차 ≈ \(c) h^\(t.order) (\(detail))"
      )
      guard !t.skipped.isEmpty else { return term }
      let one = t.skipped.count == 1
      let names = list(t.skipped.map(derivativeName))
      let powers = list(t.skipped.map { "h^\($0 - t.estimated)" })
      return (
        "\(names.en) \(one ? "= 0" : "vanish") at this point: the \(powers.en) "
          + (one ? "term vanishes" : "terms vanish") + ", next term is h^\(t.order); \(term.en)",
        "이 점에서 \(names.ko) = 0이므로 \(powers.ko) 항이 사라지고 다음 항은 h^\(t.order); "
          + term.ko
      )
    case .nominalOrder:
      return (
        "nominal order of the scheme (the loss's higher derivatives are not computed "
          + "symbolically)",
        "차분의 공칭 차수 (손실의 고계 도함수는 기호 미분으로 계산하지 않음)"
      )
    }
  }

  static func words(_ v: DomainViolation) -> Pair {
    func n(_ x: Double) -> String { Expression.format(x) }
    switch v {
    case .missingVariable(let name): return missing(name)
    case .outsideDomain(let f, let u, let x):
      let need: String
      switch f {
      case .log: need = "\(u) > 0"
      case .sqrt: need = "\(u) >= 0"
      default: need = "-1 <= \(u) <= 1"
      }
      let call = "\(f.rawValue)(\(u))"
      return (
        "\(call) needs \(need), got \(u) = \(n(x))",
        "\(call): \(need)이어야 하는데 \(u) = \(n(x))"
      )
    case .divisionByZero(let power, let base) where base.variables.isEmpty:
      return (
        "division by zero: \(power) divides by the constant \(base) at every point",
        "0으로 나눔: \(power)는 모든 점에서 상수 \(base)로 나눔"
      )
    case .divisionByZero(let power, let base):
      return ("division by zero in \(power): \(base) = 0", "\(power)에서 0으로 나눔: \(base) = 0")
    case .negativeBase(let power, let base, let b, let exponent, let e):
      let got = "\(base) = \(n(b)), \(exponent) = \(n(e))"
      return (
        "\(power) needs \(base) >= 0 or an integer exponent, got \(got)",
        "\(power): \(base) >= 0이거나 지수가 정수여야 하는데 \(got)"
      )
    }
  }

  static func words(_ v: NonDifferentiability) -> Pair {
    switch v {
    case .missingVariable(let name): return missing(name)
    case .function(let f, let u, let x):
      let at = "\(u) = \(Expression.format(x))"
      return ("\(f) is not differentiable at \(at)", "\(at)에서 \(f)는 미분 불가능")
    case .powerAtZero(let power, let base):
      return (
        "\(power) is not differentiable at \(base) = 0", "\(base) = 0에서 \(power)는 미분 불가능"
      )
    }
  }

  private static func missing(_ name: String) -> Pair {
    ("no value for the variable '\(name)'", "변수 '\(name)'의 값이 없음")
  }

  static func words(_ stop: DescentStop) -> Pair {
    switch stop {
    case .converged(let norm, let tolerance, let steps):
      let (g, t) = (norm.formatted3, tolerance.formatted3)
      return (
        "gradient norm \(g) <= \(t) after \(steps) steps",
        "\(steps) 스텝 후 기울기 크기 \(g) <= \(t)"
      )
    case .tooSlow(let norm, let tolerance, let steps, let from, let to):
      let (g, t, a, b) = (norm.formatted3, tolerance.formatted3, from.formatted3, to.formatted3)
      return (
        "gradient norm \(g) > \(t) after \(steps) steps (f from \(a) to \(b))",
        "\(steps) 스텝 후에도 기울기 크기 \(g) > \(t) (f는 \(a)에서 \(b)로)"
      )
    case .grew(let from, let to):
      let (a, b) = (from.formatted3, to.formatted3)
      return ("f grew from \(a) to \(b)", "f가 \(a)에서 \(b)로 커짐")
    case .escaped(let norm, let bound, let step):
      let (x, b) = (norm.formatted3, bound.formatted3)
      return (
        "|x| = \(x) > \(b) at step \(step), not kept (\(step - 1) steps kept)",
        "스텝 \(step)에서 |x| = \(x) > \(b), 버림 (\(step - 1) 스텝 유지)"
      )
    case .nonFiniteStart: return ("non-finite start", "시작점이 유한하지 않음")
    case .nonFiniteGradient(let step):
      return ("non-finite gradient at step \(step)", "스텝 \(step)에서 기울기가 유한하지 않음")
    case .nonFiniteIterate(let step):
      return (
        "non-finite at step \(step), not kept (\(step - 1) steps kept)",
        "스텝 \(step)에서 값이 유한하지 않아 버림 (\(step - 1) 스텝 유지)"
      )
    }
  }
}
