extension PartialsPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .tablePartial: return "편미분"
    case .tableGradientAtSteps: return "강의 노트의 간격에서 기울기 (배정밀도): 추정값 (|오차|)"
    case .hessianEntryAt(let entry, let at): return "\(at)에서 헤세 행렬 성분 \(entry)"
    case .hessianEntry(let a, let b):
      // Korean writes the entry as the notes write partial derivatives (∂).
      return a == b ? "∂²f/∂\(a)²" : "∂²f/∂\(a)∂\(b)"
    case .partialAt(let variable, let at): return "\(at)에서 ∂f/∂\(variable)"
    case .partialsTitle(let f, let at): return f.map { "\(at)에서 f = \($0): 간격 h에 따른 각 편미분의 오차" } ?? "\(at)에서 간격 h에 따른 각 편미분의 오차"
    case .captionPartials(let f, let at): return "\(at)에서 \(f)의 모든 편미분: 간격 h에 따른 오차"
    case .hessianAt(let at): return "\(at)에서 |오차|"
    case .hessianTitle(let f): return (f.map { "f = \($0): " } ?? "") + "중앙 2계 차분으로 구한 헤세 행렬 성분, 간격 h에 따른 오차"
    case .captionHessian: return "헤세 행렬의 2계 차분: 간격 h에 따른 오차"
    case .intersection(let plane): return "평면 \(plane)과의 교선"
    case .tangentSlope(let variable, let slope): return "접선, 기울기 ∂f/∂\(variable) = \(slope)"
    case .onPlane(let plane): return "평면 \(plane) 위의 f"
    case .sliceFigureTitle(let variable, let at): return "\(at)에서 ∂f/∂\(variable): \(variable) 방향 곡면의 기울기"
    case .captionSlice(let variable, let at):
      return "교선의 접선 기울기로 본 \(at)에서의 편미분 ∂f/∂\(variable)"

    case .showAt(let points): return "위치: \(points)"
    case .showHessian: return "헤세 행렬: 중앙 2계 차분"
    }
  }
}
