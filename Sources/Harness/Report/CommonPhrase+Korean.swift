import Calculus
import Foundation

extension CommonPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .describeNetwork(let layers, let activation, let initialization, let seed): return "\(layers) \(activation), \(initialization), 시드 \(seed)"
    case .gaussianInit(let sd): return "정규분포 표준편차 \(sd)"
    case .complexStepCell: return "복소 스텝"
    case .fitRange(let scheme): return "\(scheme) 맞춤 구간"
    case .bestObserved: return "h축 눈금: 관측된 최적 h (점선)"
    case .bestPredicted: return "예측된 최적 h (파선)"
    case .modelCurve(let name): return "\(name): 오차 모형"
    case .leavesDomainFrom(let name, let h): return "\(name): h = \(h)부터 정의역을 벗어남"
    case .modelCurvesDashed: return "파선: 오차 모형"
    case .fitRangesWide: return "굵고 연한 선: 맞춤 구간"
    case .slopesNote(let list): return "기울기: \(list)"
    case .schemeName(let scheme): return Self.korean(scheme)
    case .secondDifferenceName: return "2계 중앙 차분"
    case .adaptiveName: return "적응형 미분"
    case .precisionName(let precision): return Self.korean(precision)
    case .stepH: return "간격 h"
    case .absError: return "|오차|"
    case .slope(let scheme, let order):
      let s = String(format: "%.2f", order)
      return "\(scheme): 기울기 \(s)"
    case .exactRoundOff(let scheme): return "\(scheme): 정확 (반올림 오차만)"
    case .noFit(let scheme): return "\(scheme): 맞춤 없음"
    case .vanishingTerms(let label, let powers): return "\(label), \(Self.powersOfH(powers)) 항 소멸"
    case .schemesReason(let schemes, let reason): return "\(schemes.joined(separator: ", ")): \(reason)"
    case .tableScheme: return "차분"
    case .tablePrecision: return "정밀도"
    case .tableFitted: return "측정 차수"
    case .tablePredicted: return "예측 차수"
    case .tableExpected: return "기대 차수"
    case .tableBestH: return "최적 h"
    case .tableVerdict: return "판정"
    case .tableAt: return "위치"
    case .exact: return "정확"
    case .noFitWord: return "맞춤 없음"
    case .tableTensor: return "텐서"
    case .tableGradient: return "기울기"
    case .tableStatus: return "상태"
    case .tableSteps: return "스텝 수"
    case .functionAt(let f, let v, let at): return "\(v) = \(at)에서 \(f)"
    case .tooFewErrors(let n, let detail): return "유한하고 0이 아닌 오차가 \(n)개만 측정됨: \(detail.korean)"
    case .leavesDomainCell(let h, let n): return "h = \(h)부터 (간격 \(n)개)"
    case .domainNote(let subject, let h, let n, let at, let violation):
      return "\(subject.korean): h = \(h)부터 스텐실이 정의역을 벗어남 (간격 \(n)개; \(at)에서: \(CalculusPhrase.domainViolation(violation: violation).korean)); 이 간격들은 맞춤에서 제외"
    case .nonFiniteNote(let subject, let n): return "\(subject.korean): 간격 \(n)개에서 추정값이 유한하지 않아 맞춤에서 제외"
    case .notFinite: return "유한하지 않음"
    case .valueCheckDetail(let e, let x, let d, let t): return String(format: "추정값 %.15g, 기대값 %.15g (차이 %.3g, 상대 허용 오차 %g)", e, x, d, t)
    case .orderDetail(let verdict, let prediction):
      return CalculusPhrase.orderVerdict(verdict: verdict).korean + " (\(CalculusPhrase.taylorReason(reason: prediction).korean))"
    case .analytic: return "해석적"
    }
  }

  private static func korean(_ scheme: Scheme) -> String {
    switch scheme {
    case .forward: return "전방 차분"
    case .backward: return "후방 차분"
    case .central: return "중앙 차분"
    case .central4: return "4차 중앙 차분"
    case .richardson: return "리처드슨 외삽"
    case .complexStep: return "복소 스텝"
    }
  }

  private static func korean(_ precision: Precision) -> String {
    switch precision {
    case .half: return "반정밀도"
    case .single: return "단정밀도"
    case .double: return "배정밀도"
    case .extended: return "확장 정밀도"
    }
  }
}
