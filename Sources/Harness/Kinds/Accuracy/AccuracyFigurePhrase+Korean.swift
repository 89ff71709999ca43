import Foundation

extension AccuracyFigurePhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .evaluationsOfF: return "f의 계산 횟수"
    case .correctDigits: return "정확한 자릿수"
    case .everyCaseAndPoint(let precision): return "\(precision): 모든 함수와 점"
    case .programCaseAt(let n, let user, let v, let at): return "사례 \(n), " + (user ? "사용자의 df 기준" : "적응형 도함수 기준") + ": \(v) = \(at)"
    case .medianDigits(let method, let digits, let evaluations):
      let d = String(format: "%.1f", digits)
      return "\(method): 중앙값 \(d)자리, 계산 \(evaluations)회"
    case .digitsIn(let precision): return "정확한 자릿수 (\(precision))"
    case .captionDigits(let count): return "f의 계산 횟수에 따른 정확한 자릿수, 점 \(count)개; 방법마다 색과 표식 (계산 횟수가 같으면 옆으로 5%씩 벌려 놓음; 복소수 계산은 1회로 셈)"
    case .captionDigitsPerCase(let precision, let first, let last): return "함수별 계산 횟수에 따른 정확한 자릿수 (\(precision)), 함수 \(first)–\(last)"
    case .calibrationTitle: return "오차 추정의 보정"
    case .calibrationPanel(let precision): return "\(precision): 대각선 (추정 = 오차) 위의 점은 오차를 덮음"
    case .trueError: return "참 오차 |추정값 − f'(x)|"
    case .errorEstimate: return "오차 추정"
    case .covered(let covered, let total):
      let share = String(format: "%.0f%%", 100 * Double(covered) / Double(max(total, 1)))
      return "\(covered)/\(total) 덮음 (\(share))"
    case .captionCalibration(let shares): return "참 오차에 따른 오차 추정 (로그-로그, 대각선은 파선); 덮은 비율: \(shares)"
    case .notDrawnOnLog(let n): return "오차나 추정이 0인 결과 \(n)개는 로그 축에 그리지 않음"
    }
  }
}
