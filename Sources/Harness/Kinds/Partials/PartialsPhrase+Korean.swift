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
    case .gradientUnderTestAt(let at, let scheme): return "\(at)에서 검사 대상 기울기, \(scheme.korean)"
    case .gradientAgrees(let count, let least):
      return "모든 성분(\(count)개)이 일치: 차분이 스텐실의 차수로 \(String(format: "%.1e", least))까지 수렴"
    case .entryDiffers(let variable, let difference, let at):
      return "\(at)에서 ∂f/∂\(variable)가 유한 차분과 약 \(String(format: "%.3g", difference))만큼 다름"
    case .othersAgree(let variables, _): return "\(variables)는 일치"
    case .expectedWrong(let variables): return "틀릴 것으로 예상: \(variables)"
    case .gradientNotChecked(let variables):
      return "검사하지 못함: \(variables) (값이 유한하지 않거나, 유한한 추정값을 준 간격이 세 개 미만)"
    case .adaptiveReference(let variable, let at, let value, let error):
      return "\(at)에서 ∂f/∂\(variable): 기준값은 적응형 미분 \(String(format: "%.17g", value)) ± \(String(format: "%.1e", error)); 그보다 작은 오차는 볼 수 없음"
    case .referenceName(let source): return source == "gradient" ? "검사 대상 기울기" : "적응형 미분"
    case .showProgram(let variables, let program, let folder, let precision):
      return "f(\(variables))는 프로그램: \(program) (\(folder)에서, 정밀도 \(precision))"
    case .showGradientProgram(let program): return "  검사 대상 기울기: \(program)"
    case .showAdaptiveReference: return "  기준값: 적응형 미분 (검사 대상 기울기 없음)"
    }
  }
}
