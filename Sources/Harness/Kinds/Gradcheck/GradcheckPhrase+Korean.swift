extension GradcheckPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .tableEntries: return "성분 수"
    case .tableNearKink: return "꺾임 근처"
    case .tableKinkMaxRel: return "꺾임 최대 상대 오차"
    case .tableDirection: return "방향"
    case .tableAlongDirection: return "무작위 방향에 대한 손실의 미분"
    case .verdictBound(let bound): return "판정 기준 \(bound)"
    case .log10RelativeError: return "log_{10} 상대 오차"
    case .parameters: return "매개변수 수"
    case .relativeErrorDefinition(let floor, let scheme, let h): return "상대 오차 = |오차역전파 − 수치 미분| / max(|오차역전파|, |수치 미분|, \(floor)); 수치 미분: \(scheme), h = \(h)"
    case .captionRelativeErrors: return "텐서별 오차역전파와 수치 미분 기울기의 상대 오차"
    case .noSampledEntries(let tensors): return "표본 성분이 없어 그리지 않음: \(tensors)"
    case .sweepOutputLayer: return "출력층(W2, b2)의 무작위 방향: 매끄러움"
    case .sweepAllParameters: return "모든 매개변수의 무작위 방향: relu 꺾임"
    case .kinkCrossed(let h): return "h > \(h): ±h 간격이 relu 꺾임을 넘어 오차가 갑자기 커짐"
    case .sweepTitle(let precision): return "방향 d에 대한 손실의 |수치 미분 − 오차역전파|, 간격 h에 따라 (\(precision))"
    case .captionSweep:
      return "두 방향에서 간격 h에 따른 신경망 손실의 수치 미분 오차"

    case .tableMaxAbs: return "최대 절대 오차"
    case .tableMaxRel: return "최대 상대 오차"
    case .tableNormwise: return "노름 상대 오차"
    case .sweepDirection(let direction):
      switch direction {
      case .outputLayer: return "출력층"
      case .allParameters: return "모든 매개변수"
      }
    case .lossAlongDirection(let direction):
      switch direction {
      case .outputLayer: return "출력층 방향 손실의 미분"
      case .allParameters: return "모든 매개변수 방향 손실의 미분"
      }
    case .kinkSweepNote(let h): return "모든 매개변수의 무작위 방향에서는 h > \(h)일 때 어떤 활성화 전 값이 relu 꺾임을 넘음: 오차 곡선이 거기서 꺾임"
    case .kinkParametersNote(let kinks, let total): return "매개변수 \(total)개 중 \(kinks)개는 어떤 표본에서 ±h 간격이 relu 꺾임을 넘음: 따로 보고하고 판정에서 뺌"
    case .relativeFloorNote(let floor, let roundoff, let bound, let below, let held): return "상대 오차의 분모는 \(floor) 이상으로 둠 (10 × 수치 미분 기울기의 반올림 오차 수준 \(roundoff) / 기준 \(bound)): 이보다 작은 성분 \(below)개는 |a − n| <= \(held)로 판정"
    case .tensorWorst(let maxRelative, let bound, let entries, let worst, let backprop, let numerical): return "성분 \(entries)개의 최대 상대 오차 \(maxRelative), 기준 \(bound) (오차가 가장 큰 성분 \(worst)번: 오차역전파 \(backprop), 수치 미분 \(numerical))"
    case .noSmoothEntry(let sampled, let nearKink): return "relu 꺾임에서 먼 성분이 없어 비교하지 못함 (표본 \(sampled)개, 꺾임 근처 \(nearKink)개)"
    case .fastAgainstTextbook: return "빠른 방식과 교과서 방식으로 구한 수치 미분 기울기의 비교"
    case .largestDifference(let gap, let bound): return "최대 차이 \(gap), 기준 \(bound)"
    case .showGradcheckData(let source, let batch): return "데이터: \(source), 배치 \(batch)"
    case .showGradcheckStep(let h, let scheme, let method, let parameters): return "h: \(h), 차분 \(scheme), 방법 \(Self.korean(method)), 매개변수: \(parameters.map { "\($0)개" } ?? "전부")"
    case .progressNumericalGradient(let method):
      switch method {
      case .fast: return "수치 미분 기울기 (빠른 방식)"
      case .textbook, .both: return "수치 미분 기울기 (교과서 방식)"
      }
    case .awayFromKinksName: return "꺾임에서 먼 성분"
    case .crossesKinkName: return "간격이 relu 꺾임을 넘음"
    case .entryCounts(let smooth, let kinked): return "꺾임에서 먼 성분 \(smooth)개" + (kinked > 0 ? ", 꺾임을 넘는 성분 \(kinked)개" : "")
    }
  }

  private static func korean(_ method: GradcheckSpec.Method) -> String {
    switch method {
    case .fast: return "빠른 방식"
    case .textbook: return "교과서 방식"
    case .both: return "두 방식 모두"
    }
  }
}
