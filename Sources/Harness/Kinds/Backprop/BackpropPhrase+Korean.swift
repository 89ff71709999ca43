import Foundation

extension BackpropPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .tensorSubject(let tensor, let precision, let expectWrong): return "\(tensor), \(CommonPhrase.precisionName(precision: precision).korean)" + (expectWrong ? " (틀릴 것으로 예상)" : "")
    case .strayWrongSubject(let tensor): return "\(tensor) (틀릴 것으로 예상)"
    case .noSuchParameter(let tensor): return "모델에 매개변수 \(tensor)이(가) 없음"
    case .noFiniteSweep: return "유한한 값을 준 표본 성분이 없음"
    case .entriesDiffer(let count, let of, let named):
      let list = named.prefix(5).map { "\($0.name) 약 \(String(format: "%.2g", $0.plateau)) (기울기 \(String(format: "%.6g", $0.gradient)))" }
      return "성분 \(of)개 중 \(count)개가 수치 미분과 다름: " + list.joined(separator: ", ") + (named.count > 5 ? ", ..." : "")
    case .found(let what): return "찾음: " + what.korean
    case .expectedWrongButAgree(let n): return "틀린 기울기를 예상했으나 표본 성분 \(n)개가 모두 일치"
    case .entriesAgree(let agreeing, let of): return "표본 성분 \(of)개 중 \(agreeing)개 일치"
    case .otherOrder(let count, let names): return "성분 \(count)개는 차수 2가 아닌 다른 차수로 수렴: \(names.prefix(5).joined(separator: ", ")) (큰 간격이 relu 꺾임을 넘음)"
    case .withinToleranceNote(let count, let tolerance, let largest, let entry, let precision):
      return "성분 \(count)개는 허용 오차(|g|의 \(tolerance)) 아래에서 오차가 정체: 기울기가 손실함수의 미분과 정확히 같지 않으며 그 차이는 성분의 최대 \(largest) (\(entry), \(CommonPhrase.precisionName(precision: precision).korean)); 손실함수 안의 상수(log(y + 1e-7) 등)를 기울기가 빠뜨리면 이렇게 됨"
    case .tableTensorShape: return "모양"
    case .tableSampledEntries: return "성분 수"
    case .tableDiffer: return "다름"
    case .tableWrongOrder: return "다른 차수"
    case .tableNotChecked: return "확인 안 됨"
    case .tableFittedOrders: return "측정 차수"
    case .tableLargestDifference: return "최대 차이"
    case .figureTitle: return "검사 대상 기울기와 중앙 차분의 성분별 비교"
    case .captionEntries: return "정밀도와 텐서별로 표본 성분마다 검사 대상 기울기와 중앙 차분의 차이를 |g|(텐서의 |g| 중앙값 이상)로 나눈 값: 다른 성분은 오차 정체 구간의 값, 일치하는 성분은 간격 중 가장 작은 차이와 그 간격의 반올림 오차 바닥; 허용 오차는 점선"
    case .precisionPanel(let precision): return CommonPhrase.precisionName(precision: precision).korean
    case .sampledEntry: return "표본 성분 (텐서별)"
    case .relativeDifference: return "|수치 미분 − 오차역전파| / |g|"
    case .agreesSeries: return "일치"
    case .differsSeries: return "다름 (오차 정체 구간)"
    case .otherOrderSeries: return "다른 차수 (꺾임)"
    case .floorSeries: return "반올림 오차 바닥"
    case .toleranceLine(let tolerance): return "허용 오차 \(tolerance)"
    case .differingEntries(let tensor, let names, let of): return "\(tensor): \(of)개 중 \(names.count)개 다름: \(names.prefix(4).joined(separator: ", "))" + (names.count > 4 ? ", ..." : "")
    case .noneDiffer: return "다른 성분 없음"
    case .plantedMark: return "*: 심어 둔 버그가 있을 것으로 예상"
    case .notCheckedNote(let count): return "유한한 값을 준 간격이 없는 성분 \(count)개는 그리지 않음"
    case .showModel(let target, let arguments, let seed): return "모델: \(target) (Python), 인자 \(arguments), 시드 \(seed)"
    case .showDriver(let interpreter, let target, let directory): return "  실행: \(target)을(를) 불러오는 도구의 파이썬 드라이버 (\(interpreter), \(directory)에서)"
    case .showData(let data):
      // The driver's settings as JSON, its keys said in Korean (an npz file's name stays).
      return "데이터: " + data.replacingOccurrences(of: "\"batch\":", with: "배치").replacingOccurrences(of: "\"seed\":", with: "시드").replacingOccurrences(of: "\"npz\":", with: "npz 파일")
    case .showPrecisions(let precisions): return "정밀도: \(precisions.map { CommonPhrase.precisionName(precision: $0).korean }.joined(separator: ", "))"
    case .showEntries(let perTensor, let steps, let from, let to): return "성분: \(perTensor.map { "텐서마다 \($0)개" } ?? "전부"), 간격 \(from)부터 \(to)까지 \(steps)개의 중앙 차분"
    case .showExpect(let wrong): return "예상: " + (wrong.isEmpty ? "모든 텐서의 기울기가 맞음" : "\(wrong.joined(separator: ", "))에서만 틀림")
    }
  }
}
