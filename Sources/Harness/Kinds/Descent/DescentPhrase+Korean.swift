import Calculus
import Foundation

extension DescentPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .descentStatus(let status): return Self.korean(status)
    case .tableLearningRate: return "학습률"
    case .tableFinalF: return "최종 f"
    case .tableWhy: return "이유"
    case .learningRateUpdateGradientSubject(let rate, let update, let gradient): return "학습률 \(rate) (\(update.korean) 갱신, \(gradient.korean) 기울기)"
    case .tableUpdate: return "갱신 규칙"
    case .updateRule(let rule): return rule == .standard ? "표준" : "곱셈형"
    case .expectedGot(let expected, let got, let reason): return "기대 \(expected.korean), 결과 \(got.korean) (\(reason.korean))"
    case .descentLoss(let f): return "경사하강법을 따라간 " + (f.map { "f = \($0)" } ?? "f")
    case .descentLossTooLowRightHigh(let f): return "경사하강법을 따라간 " + (f.map { "f = \($0)" } ?? "f") + ": 학습률 너무 작음, 적절함, 너무 큼"
    case .stepK: return "스텝 k"
    case .descentPaths(let f, let steps, let start, let gradients): return (f.map { "f = \($0)의 " } ?? "") + "학습률 η별 경로: \(start)에서 \(steps) 스텝, 기울기: \(gradients)"
    case .start(let point): return "시작점 \(point)"
    case .captionLoss: return "학습률마다 스텝에 따른 f"
    case .captionPaths(let f): return "\(f)의 등고선 위 경사하강법 경로"
    case .gradientStyles(let styles): return "기울기별 선 모양: \(styles)"
    case .solidLine: return "실선"
    case .dashedLine: return "파선"
    case .dottedLine: return "점선"
    case .dashDotLine: return "일점쇄선"
    case .pathsCoincide(let gradients, let reference, let distances):
      return "이 축척에서 \(gradients.joined(separator: ", ")) 경로는 \(reference) 경로와 겹침" + (distances ? " (거리는 오른쪽 그림)" : "")
    case .learningRateRun(let rate, let status): return "η = \(rate): \(status)"
    case .cycle(let status, let period): return "\(status) (주기 \(period))"
    case .zigZag(let status): return "\(status), 지그재그"
    case .distancePanel(let reference): return "\(reference) 경로로부터의 거리"
    case .versus(let a, let b): return "\(a) 대 \(b)"
    case .largestPathDistance: return "두 경로 사이의 최대 거리"
    case .pathSubject(let rate, let update, let gradient, let reference): return "학습률 \(rate), \(update.korean) 갱신: \(gradient.korean) 경로와 \(reference.korean) 경로의 비교"
    case .referenceDidNotConverge: return "기준 실행이 수렴하지 않아 비교할 것이 없음"
    case .pathDistance(let d, let bound):
      return String(format: "최대 거리 %.3g, 한계 %.3g", d, bound)

    case .showStart(let point): return "시작점: \(point)"
    case .userGradient: return "검사 대상 기울기"
    case .showProgramF(let variables, let program, let folder, let precision):
      return "f(\(variables))는 프로그램: \(program) (\(folder)에서, 정밀도 \(precision))"
    case .showUserGradient(let program): return "  검사 대상 기울기 (경로 'user'): \(program)"
    case .showDescentRun(let rates, let steps, let gradients, let updates): return "학습률: \(rates); 스텝 \(steps)회; 기울기: \(gradients); 갱신 규칙: \(updates)"
    }
  }

  private static func korean(_ status: DescentStatus) -> String {
    switch status {
    case .converged: return "수렴"
    case .tooSlow: return "너무 느림"
    case .oscillating: return "진동"
    case .diverged: return "발산"
    }
  }
}
