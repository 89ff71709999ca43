import Calculus
import Foundation

extension CalculusPhrase {
  /// The phrase in Korean.
  var korean: String {
    switch self {
    case .orderVerdict(let v): return Self.korean(v)
    case .fitReason(let reason): return Self.korean(reason)
    case .taylorReason(let reason): return Self.korean(reason)
    case .domainViolation(let v): return Self.korean(v)
    case .nonDifferentiability(let v): return Self.korean(v)
    case .descentStop(let stop): return Self.korean(stop)
    }
  }

  private static func korean(_ v: OrderVerdict) -> String {
    switch v.fit {
    case .fitted(let fit):
      let order = fit.order.fixed3
      guard let expected = v.expected, let gap = v.difference else {
        return "측정 차수 \(order) (기대 차수 없음)"
      }
      let (e, g, t) = (expected.formatted3, gap.fixed3, v.tolerance.formatted3)
      return "측정 차수 \(order), 기대 차수 \(e): |차이| \(g) \(v.passed ? "<=" : ">") 허용 오차 \(t)"
    case .exact(let reason): return "정확: \(korean(reason))"
    case .noFit(let reason): return "맞춤 없음: \(korean(reason))"
    }
  }

  private static func korean(_ reason: FitReason) -> String {
    switch reason {
    case .identicallyZeroTruncation(let largest):
      return "절단 오차가 항등적으로 0이므로 오차(최대 \(largest.formatted3))는 반올림 오차뿐"
    case .tooFewAboveFloor(let usable, let total, let needed):
      return "반올림 오차 하한보다 큰 점이 \(total)개 중 \(usable)개뿐 (\(needed)개 필요)"
    case .noStraightRun(let needed):
      return "반올림 오차 하한보다 큰 연속된 점 \(needed)개가 기울기가 양수인 직선 위에 놓이지 않음"
    }
  }

  /// `a, b, c`.
  private static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

  private static func korean(_ reason: TaylorReason) -> String {
    switch reason {
    case .identicallyZero(let k): return "\(derivativeName(k)) ≡ 0: 절단 오차 없음"
    case .vanishAtPoint(let ks, let zeroFrom, let top):
      let names = list(ks.map(derivativeName))
      let reach = zeroFrom.map { "이고 \(derivativeName($0)) ≡ 0" } ?? " (f^(\(top))까지 확인)"
      return "이 점에서 \(names) = 0\(reach): 절단 오차가 없어 오차는 반올림 오차뿐"
    case .leadingTerm(let t):
      let (c, name) = (t.constant.formatted3, derivativeName(t.derivative))
      let detail =
        "c_\(t.derivative) = \(t.coefficient.reciprocalFraction), \(name) = \(t.value.formatted3)"
      let term = "오차 ≈ \(c) h^\(t.order) (\(detail))"
      guard !t.skipped.isEmpty else { return term }
      let names = list(t.skipped.map(derivativeName))
      let powers = list(t.skipped.map { "h^\($0 - t.estimated)" })
      return "이 점에서 \(names) = 0이므로 \(powers) 항이 사라지고 다음 항은 h^\(t.order); " + term
    case .nominalOrder: return "차분의 공칭 차수 (손실의 고계 도함수는 기호 미분으로 계산하지 않음)"
    }
  }

  private static func korean(_ v: DomainViolation) -> String {
    func n(_ x: Double) -> String { Expression.format(x) }
    switch v {
    case .missingVariable(let name): return "변수 '\(name)'의 값이 없음"
    case .outsideDomain(let f, let u, let x):
      return "\(f.rawValue)(\(u)): \(need(f, "\(u)"))이어야 하는데 \(u) = \(n(x))"
    case .divisionByZero(let power, let base) where base.variables.isEmpty:
      return "0으로 나눔: \(power)는 모든 점에서 상수 \(base)로 나눔"
    case .divisionByZero(let power, let base): return "\(power)에서 0으로 나눔: \(base) = 0"
    case .negativeBase(let power, let base, let b, let exponent, let e):
      return "\(power): \(base) >= 0이거나 지수가 정수여야 하는데 \(base) = \(n(b)), "
        + "\(exponent) = \(n(e))"
    }
  }

  private static func korean(_ v: NonDifferentiability) -> String {
    switch v {
    case .missingVariable(let name): return "변수 '\(name)'의 값이 없음"
    case .function(let f, let u, let x):
      return "\(u) = \(Expression.format(x))에서 \(f)는 미분 불가능"
    case .powerAtZero(let power, let base): return "\(base) = 0에서 \(power)는 미분 불가능"
    }
  }

  private static func korean(_ stop: DescentStop) -> String {
    switch stop {
    case .converged(let norm, let tolerance, let steps):
      return "\(steps) 스텝 후 기울기 크기 \(norm.formatted3) <= \(tolerance.formatted3)"
    case .tooSlow(let norm, let tolerance, let steps, let from, let to, let overshooting):
      return "\(steps) 스텝 후에도 기울기 크기 \(norm.formatted3) > \(tolerance.formatted3) "
        + "(f는 \(from.formatted3)에서 \(to.formatted3)로)"
        + (overshooting
          ? "; 마지막 스텝들이 매번 앞 스텝과 반대로 지그재그로 움직임: 가장 가파른 방향에는 학습률이"
            + " 너무 커서, 더 작은 학습률이 더 곧게 감" : "")
    case .oscillating(let norm, let tolerance, let steps, let window):
      return "\(steps) 스텝 후에도 기울기 크기 \(norm.formatted3) > \(tolerance.formatted3), "
        + "마지막 \(window) 스텝 동안 더 줄지 않고 경로가 제자리에서 진동함"
    case .grew(let from, let to): return "f가 \(from.formatted3)에서 \(to.formatted3)로 커짐"
    case .escaped(let norm, let bound, let step):
      return "스텝 \(step)에서 |x| = \(norm.formatted3) > \(bound.formatted3), 버림 (\(step - 1) 스텝 유지)"
    case .nonFiniteStart: return "시작점이 유한하지 않음"
    case .nonFiniteGradient(let step): return "스텝 \(step)에서 기울기가 유한하지 않음"
    case .nonFiniteIterate(let step): return "스텝 \(step)에서 값이 유한하지 않아 버림 (\(step - 1) 스텝 유지)"
    }
  }
}
