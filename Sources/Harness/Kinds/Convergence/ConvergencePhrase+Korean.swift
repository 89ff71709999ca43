extension ConvergencePhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .caseHeading(let variable, let f, let at, let q, let precision):
      // f', f'', f''' and then f^{(q)} (the renderer's superscript).
      let d = q <= 3 ? "f" + String(repeating: "'", count: q) : "f^{(\(q))}"
      let point = f.map { "\(variable) = \(at)에서 f(\(variable)) = \($0)" } ?? "\(variable) = \(at)"
      return "\(point): 간격 h에 따른 \(d)(\(variable))의 오차" + (precision.map { ", \($0)" } ?? "")
    case .casePrecisions(let variable, let f, let at):
      let point = f.map { "\(variable) = \(at)에서 f(\(variable)) = \($0)" } ?? "\(variable) = \(at)"
      return "\(point): 모든 정밀도에서 같은 차분"
    case .schemeOrder(let scheme, let order): return "\(scheme) (차수 \(order))"
    case .captionError(let f, let at, let precision): return "\(at)에서 \(f): 간격 h에 따른 오차 (\(precision))"
    case .captionPrecisions(let f, let at): return "\(at)에서 \(f): 모든 정밀도"
    case .tableF: return "f"
    case .tableStepsOfNotes: return "강의 노트의 간격 (배정밀도): 추정값 (|오차|)"
    case .tableStencil: return "스텐실"
    case .tableModelRatio: return "예측 최적 h에서의 오차 / 최소 오차"
    case .tableLeavesDomain: return "정의역을 벗어남"
    case .pointOf(let f, let at): return "\(at)에서 \(f)"
    case .showSteps(let count, let from, let to, let perDecade): return "h: \(from)부터 \(to)까지 \(count)개, 10배마다 \(perDecade)개"
    case .showDerivativeEstimated(let q): return "  추정하는 미분: f^(\(q))"
    case .showGivenDerivative(let df): return "  df (파일에 주어짐) = \(df), f'와 일치"
    case .acrossTitle(let f, let n): return "점 \(n)개에서 \(f)"
    case .captionAcross(let f, let n, let drawn): return "점 \(n)개 모두에서 \(f): 차분마다 측정 차수와 가장 작은 오차; 점 \(drawn)개(실패한 점 먼저)의 간격별 오차는 다음 그림들에"
    case .fittedOrderAcross: return "점마다 측정 차수"
    case .leastErrorAcross: return "점마다 가장 작은 |오차|"
    case .failedPoints: return "검사 실패"
    case .fittedOrderAxis: return "측정 차수"
    }
  }
}
