extension ConvergencePhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .fitRange(let scheme): return "\(scheme) 맞춤 구간"
    case .bestObserved: return "h축 위 눈금 (계열별 색): 관측된 최적 h (점선)"
    case .bestPredicted: return "예측된 최적 h (파선)"
    case .errorAgainstStep(let variable, let precision, let q):
      // f', f'', f''' and then f^{(q)} (the renderer's superscript).
      let f = q <= 3 ? "f" + String(repeating: "'", count: q) : "f^{(\(q))}"
      return "간격 h에 따른 |추정값 − \(f)(\(variable))|, \(precision)"
    case .casePoint(let variable, let f, let at): return "\(variable) = \(at)에서 f(\(variable)) = \(f)"
    case .samePrecisions: return "모든 정밀도에서 같은 차분"
    case .schemeOrder(let scheme, let order): return "\(scheme) (차수 \(order))"
    case .captionError(let f, let at, let precision): return "\(at)에서 \(f): 간격 h에 따른 오차 (\(precision))"
    case .captionPrecisions(let f, let at): return "\(at)에서 \(f): 모든 정밀도"
    case .tableF: return "f"
    case .tableStepsOfNotes: return "강의 노트의 간격 (배정밀도): 추정값 (|오차|)"
    case .tableStencil: return "스텐실"
    case .tableModelRatio: return "예측 최적 h에서의 오차 / 최소 오차"
    case .tableLeavesDomain: return "정의역을 벗어남"
    case .modelCurve(let name): return "\(name): 오차 모형"
    case .leavesDomainFrom(let name, let h): return "\(name): h = \(h)부터 정의역을 벗어남"
    case .pointOf(let f, let at): return "\(at)에서 \(f)"
    case .complexStepCell: return "복소 스텝"
    case .showSteps(let count, let from, let to, let perDecade): return "h: \(from)부터 \(to)까지 \(count)개, 10배마다 \(perDecade)개"
    case .showDerivativeEstimated(let q): return "  추정하는 미분: f^(\(q))"
    case .showGivenDerivative(let df): return "  df (파일에 주어짐) = \(df), f'와 일치"
    case .modelCurvesDashed: return "파선: 오차 모형"
    case .fitRangesWide: return "굵고 연한 선: 맞춤 구간"
    case .slopesNote(let list): return "기울기: \(list)"
    }
  }
}
