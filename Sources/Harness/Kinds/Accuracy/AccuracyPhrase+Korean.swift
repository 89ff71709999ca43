import Calculus
import Foundation

extension AccuracyPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .accuracyStatus(let status): return Self.korean(status)
    case .estimateSource(let source): return source == .predicted ? "예측" : "사후 추정"
    case .showProgramCase(let number, let variable, let program, let folder, let precision, let points):
      return "함수 \(number): 프로그램의 f(\(variable)), \(variable) = \(points)\n  실행: \(program) (\(folder)에서, 정밀도 \(precision))"
    case .showProgramReference(let df):
      return df.map { "  기준값: df = \($0)" } ?? "  기준값: 적응형 미분 (그 오차 추정이 볼 수 있는 자릿수를 제한함)"
    case .adaptiveReference(let f, let at, let value, let error):
      return "\(at)에서 \(f): 적응형 미분 \(String(format: "%.17g", value)) ± \(String(format: "%.1e", error))에 대해 측정 (df 없음); 그 이상의 자릿수는 볼 수 없음"
    case .showMethods(let methods): return "방법: \(methods)"
    case .showAccuracyExpect(let method, let minDigits, let covers):
      let ko = [minDigits.map { "최소 자릿수 \($0)" }, covers.map { "추정이 오차를 덮는 비율 \($0)" }].compactMap { $0 }
      return "\(method) 기대: " + ko.joined(separator: ", ")
    case .accuracyPerMethod: return "방법별: 정확한 자릿수 (−log10 상대 오차)와 f의 계산 횟수"
    case .tableMethod: return "방법"
    case .tableMedianDigits: return "자릿수 중앙값"
    case .tablePercentile10: return "10백분위"
    case .tableMin: return "최소"
    case .tableMedianEvaluations: return "계산 횟수 중앙값"
    case .tableCovers: return "추정 ≥ 오차"
    case .tableEstimate: return "추정값"
    case .tableDigits: return "자릿수"
    case .tableEvaluations: return "계산 횟수"
    case .tableStep: return "간격"
    case .tableError: return "오차"
    case .predictedEstimateNote: return "고정 차분의 오차 추정은 측정값이 아니라 예측값입니다: 기호 미분으로 구한 그 간격에서의 테일러 절단 항에 반올림 오차 하한을 더한 값입니다 (블랙박스 방법에는 이런 추정이 없습니다). 적응형 미분의 오차 추정은 그 방법 자신의 사후 추정입니다."
    case .tinyStep(let r):
      return "아주 작은 간격 (상쇄 없음): \(CalculusPhrase.taylorReason(reason: r).korean)"
    case .predictedBestStep(let r):
      return "예측된 최적 간격: \(CalculusPhrase.taylorReason(reason: r).korean)"
    case .largeStep(let r):
      return "절단 오차가 없음 (\(CalculusPhrase.taylorReason(reason: r).korean)): 큰 간격"
    case .textbookStep(let negligible, let root, let r):
      let why = negligible ? "절단 항이 이 점에서 0은 아니지만 무시할 만큼 작음" : "f(x) = 0이라 반올림 오차의 크기를 정할 수 없음"
      return "\(why): 교과서의 간격 epsilon^(1/\(root)) max(|x|, 1); \(CalculusPhrase.taylorReason(reason: r).korean)"
    case .adaptiveFrom(let stencil, let h): return "h = \(h)부터 \(Scheme(rawValue: stencil).map { CommonPhrase.schemeName(scheme: $0).korean } ?? stencil)"
    case .outsideDomainAt(let location, let f, let v):
      return "\(location)은 \"\(f)\"의 정의역 밖: \(CalculusPhrase.domainViolation(violation: v).korean)"
    case .notFiniteAt(let f, let value, let location, let precision): return "\(precision)에서 \(location)일 때 \"\(f)\" = \(value)"
    case .noDerivativeAt(let location, let v):
      return "\(location)에서 미분계수 없음: \(CalculusPhrase.nonDifferentiability(reason: v).korean)"
    case .digitsDetail(let d, let passed, let minimum, let error, let evaluations, let status):
      let sign = passed ? ">=" : "<"
      return String(format: "정확한 자릿수 %.2f %@ %g (오차 %.3g, 계산 %d회, %@)", d, sign, minimum, error, evaluations, status.korean)
    case .statusDetail(let status, let detail): return "\(status.korean): \(detail.korean)"
    case .coversSubject(let method, let precision): return "\(method.korean), \(precision.korean): 오차 추정이 오차를 덮음"
    case .noEstimates: return "오차와 오차 추정이 함께 있는 결과가 없음"
    case .coverageDetail(let covered, let total, let passed, let share):
      let measured = 100 * Double(covered) / Double(max(total, 1))
      let sign = passed ? ">=" : "<"
      return String(format: "결과 %d개 중 %d개 (%.1f%%) %@ %.1f%%", total, covered, measured, sign, 100 * share)

    }
  }

  private static func korean(_ status: AccuracyOutcome.Status) -> String {
    switch status {
    case .measured: return "측정"
    case .nonFiniteEstimate: return "추정값이 유한하지 않음"
    case .converged: return "수렴"
    case .capReached: return "계산 상한 도달"
    case .noFiniteEvaluations: return "유한한 계산값 없음"
    case .nonFiniteAtPoint: return "점에서 유한하지 않음"
    case .noDerivative: return "미분계수 없음"
    }
  }
}
