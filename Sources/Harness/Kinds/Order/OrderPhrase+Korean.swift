import Calculus

extension OrderPhrase {
  var korean: String {
    switch self {
    case .progressLevels: return "단계"
    case .showTolerance(let t): return "허용 오차: 측정 차수 ±\(t)"
    case .showCase(let name, let output, let levels, let expected):
      let what = output == "value" ? "값을" : "오차를"
      return "\(name): \(levels)단계, 프로그램이 \(what) 출력"
        + (expected.map { ", 기대 차수 \($0)" } ?? ", 기대값 없음")
    case .showCommand(let command): return "명령: \(command)"
    case .levelFailure(let failure): return Self.koreanFailure(failure)
    case .regime(let regime): return Self.koreanRegime(regime)
    case .status(let status): return Self.koreanStatus(status)
    case .convergenceTable(let name): return "\(name)의 수렴"
    case .column(let column): return column.korean
    case .failedCell: return "실패"
    case .levelSubject(let name, let level): return "\(name), level \(level)"
    case .levelFailed(_, let failure, let tail):
      return Self.koreanFailure(failure)
        + (tail.isEmpty ? "" : "; 표준 오류 끝부분: " + tail.joined(separator: " / "))
    case .orderFitted(let order, let interval, let levels, let expected, let tolerance, let within):
      return "\(levels)단계에서 측정 차수 \(order) (95% \(interval)), 기대 차수 \(expected)와 "
        + (within ? "\(tolerance) 이내" : "\(tolerance)보다 차이 남")
    case .orderNotFitted(let status, let asymptotic):
      return "맞추지 않음 (\(Self.koreanStatus(status))): 점근 구간의 점 \(asymptotic)개, 3개 필요"
    case .orderLevelsFailed(let levels): return "맞추지 않음: \(levels)단계가 수를 내지 않음"
    case .orderNotes(let name, let notes): return "\(name): \(notes)"
    case .baselineSubject: return "기준 결과와 비교"
    case .baselineMissing(let path): return "\(path)에 이전 summary.json이 없음"
    case .baselineUnreadable: return "이번 실행의 결과를 다시 읽을 수 없음"
    case .baselineNothingToCompare: return "기준 결과와 비교할 측정 차수나 자릿수가 없음"
    case .baselineAsGood(let compared): return "측정 차수와 자릿수 \(compared)개가 기준 이상"
    case .baselineRegressions(let list): return list
    case .figureTitle(let name): return "\(name): 간격 h에 따른 오차와 단계별 관측 차수"
    case .axisH: return "간격 h"
    case .axisError: return "오차"
    case .axisDifference: return "|φ(h) − φ(h/r)|"
    case .fittedLine(let order, let low, let high): return "측정 차수 \(order) [\(low), \(high)]"
    case .intervalLines: return "기울기의 95% 구간"
    case .asymptoticPoints: return "점근 구간 (맞춤)"
    case .preAsymptoticPoints: return "점근 이전 (제외)"
    case .floorPoints: return "반올림 오차 바닥 (제외)"
    case .axisLevel: return "단계"
    case .axisObservedOrder: return "관측 차수"
    case .expectedOrder(let p): return "기대 차수 \(p)"
    case .caption(let name):
      return "\(name): 간격 h에 따른 오차 (또는 연속 차이)와 맞춘 직선, 단계별 관측 차수"
    }
  }

  static func koreanRegime(_ regime: Regime) -> String {
    switch regime {
    case .preAsymptotic: return "점근 이전"
    case .asymptotic: return "점근 구간"
    case .floor: return "반올림 오차 바닥"
    }
  }

  static func koreanStatus(_ status: OrderStudyStatus) -> String {
    switch status {
    case .fitted: return "맞춤"
    case .preAsymptotic: return "점근 이전"
    case .roundOffFloor: return "반올림 오차 바닥"
    case .noFit: return "맞춤 없음"
    }
  }

  static func koreanFailure(_ failure: LevelFailure) -> String {
    switch failure {
    case .cannotStart(let why): return why
    case .exited(let status): return "프로그램이 실패로 끝남 (종료 상태 \(status))"
    case .signalled(let signal): return "프로그램이 신호에 의해 끝남 (신호 \(signal))"
    case .timedOut(let seconds): return "프로그램이 제한 시간 \(seconds.formatted3)초를 넘김"
    case .notANumber(nil): return "프로그램이 표준 출력에 아무것도 쓰지 않음"
    case .notANumber(let line?): return "표준 출력의 마지막 줄이 유한한 수가 아님: \"\(line)\""
    }
  }
}

extension OrderPhrase.Column {
  var korean: String {
    switch self {
    case .case: return "사례"
    case .level: return "단계"
    case .n: return "n"
    case .h: return "h"
    case .error: return "오차"
    case .value: return "값"
    case .difference: return "|차이|"
    case .observedOrder: return "관측 차수"
    case .regime: return "구간"
    case .seconds: return "초"
    case .expected: return "기대 차수"
    case .fitted: return "측정 차수"
    case .interval: return "95% 구간"
    case .asymptoticLevels: return "맞춘 단계"
    case .status: return "상태"
    case .verdict: return "판정"
    case .extrapolated: return "외삽값"
    case .gci: return "격자 수렴 지수 (GCI)"
    case .asymptoticRatio: return "점근 비"
    }
  }
}
