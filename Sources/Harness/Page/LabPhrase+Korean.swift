extension LabPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .labHeading: return "간격 h 실험실"
    case .labIntro: return "x와 h를 움직이고 차분 방법과 정밀도를 고르세요. 추정값, 오차, 곡선은 이 브라우저에서 " + "계산하며 연산마다 고른 정밀도로 반올림합니다."
    case .caseLabel: return "함수"
    case .derivativeLabel: return "미분 차수"
    case .pointLabel: return "점 x"
    case .stepLabel: return "간격 h (log₁₀ h)"
    case .schemeLabel: return "차분 방법"
    case .precisionLabel: return "정밀도"
    case .estimateLabel: return "추정값"
    case .exactLabel: return "참값"
    case .errorLabel: return "오차"
    case .modelLabel: return "오차 모형"
    case .truncationLabel: return "절단 오차"
    case .roundoffLabel: return "반올림 오차"
    case .totalModelLabel: return "절단 + 반올림 오차 모형"
    case .measuredLabel: return "여기서 계산한 오차"
    case .notesStepsLabel: return "강의 노트의 간격"
    case .zeroLabel: return "오차가 정확히 0 (아래 가장자리)"
    case .stepColumn: return "h"
    case .estimateColumn: return "추정값"
    case .errorColumn: return "오차"
    case .axisStep: return "간격 h"
    case .axisError: return "|오차|"
    case .notFinite: return "유한하지 않음"
    case .exactTruncation: return "절단 오차 없음 (정확)"
    case .backToIndex: return "전체 결과"
    case .half: return "반정밀도"
    case .single: return "단정밀도"
    case .double: return "배정밀도"
    case .forward: return "전방 차분"
    case .backward: return "후방 차분"
    case .central: return "중앙 차분"
    case .central4: return "5점 중앙 차분"
    case .richardson: return "리처드슨 외삽"
    case .latency: return "갱신"
    }
  }
}
