import Foundation

extension AccuracyFigurePhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .evaluationsOfF: return "evaluations of f"
    case .correctDigits: return "correct digits"
    case .everyCaseAndPoint(let precision): return "every case and point, \(precision) precision"
    case .programCaseAt(let n, let user, let v, let at): return "case \(n), " + (user ? "against your df" : "against the adaptive derivative") + ": \(v) = \(at)"
    case .medianDigits(let method, let digits, let evaluations):
      let d = String(format: "%.1f", digits)
      let plural = evaluations == "1" ? "" : "s"
      return "\(method): median \(d) digits, \(evaluations) evaluation\(plural)"
    case .digitsIn(let precision): return "correct digits (\(precision))"
    case .captionDigits(let count): return "Correct digits against evaluations of f, \(count) points; each method a colour and marker (set 5% apart sideways where the cost is the same; a complex evaluation counts as one)"
    case .captionDigitsPerCase(let precision, let first, let last): return "Correct digits against evaluations per case (\(precision)), cases \(first) to \(last)"
    case .calibrationTitle: return "Calibration of the error estimates"
    case .calibrationPanel(let precision): return "\(precision) precision: points above the diagonal (estimate = error) are covered"
    case .trueError: return "true error |estimate − f'(x)|"
    case .errorEstimate: return "error estimate"
    case .covered(let covered, let total):
      let share = String(format: "%.0f%%", 100 * Double(covered) / Double(max(total, 1)))
      return "\(covered)/\(total) covered (\(share))"
    case .captionCalibration(let shares): return "Error estimate against the true error (log-log, diagonal dashed); share covered: \(shares)"
    case .notDrawnOnLog(let n): return "\(n) results with a zero error or estimate are not drawn on log axes"
    }
  }
}
