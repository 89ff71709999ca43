import Foundation

extension DescentPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .descentStatus(let status): return status == .tooSlow ? "too slow" : status.rawValue
    case .tableLearningRate: return "learning rate"
    case .tableFinalF: return "final f"
    case .tableWhy: return "why"
    case .learningRateUpdateGradientSubject(let rate, let update, let gradient): return "learning rate \(rate) (\(update.english) update, \(gradient.english) gradient)"
    case .tableUpdate: return "update"
    case .updateRule(let rule): return rule.rawValue
    case .expectedGot(let expected, let got, let reason): return "expected \(expected.english), got \(got.english) (\(reason.english))"
    case .descentLoss(let f): return (f.map { "f = \($0)" } ?? "f") + " along the descent"
    case .descentLossTooLowRightHigh(let f): return (f.map { "f = \($0)" } ?? "f") + " along the descent: too low, just right, too high"
    case .stepK: return "step k"
    case .descentPaths(let f, let steps, let start, let gradients): return "paths by learning rate η" + (f.map { " on f = \($0)" } ?? "") + ": \(steps) steps from \(start), gradient: \(gradients)"
    case .start(let point): return "start \(point)"
    case .captionLoss: return "f against the step for each learning rate"
    case .captionPaths(let f): return "gradient descent paths on the contour map of \(f)"
    case .gradientStyles(let styles): return "line style by gradient: \(styles)"
    case .solidLine: return "solid"
    case .dashedLine: return "dashed"
    case .dottedLine: return "dotted"
    case .dashDotLine: return "dash-dot"
    case .pathsCoincide(let gradients, let reference, let distances):
      let names = gradients.count > 1 ? gradients.dropLast().joined(separator: ", ") + " and " + gradients[gradients.count - 1] : gradients.joined()
      return "at this scale the \(names) paths lie on the \(reference) ones" + (distances ? " (their distance at right)" : "")
    case .learningRateRun(let rate, let status): return "η = \(rate): \(status)"
    case .cycle(let status, let period): return "\(status) (\(period)-cycle)"
    case .zigZag(let status): return "\(status), zig-zagging"
    case .distancePanel(let reference): return "distance from the \(reference) path"
    case .versus(let a, let b): return "\(a) vs \(b)"
    case .largestPathDistance: return "largest distance between the two paths"
    case .pathSubject(let rate, let update, let gradient, let reference): return "learning rate \(rate), \(update.english) update: the \(gradient.english) path against the \(reference.english) path"
    case .referenceDidNotConverge: return "the reference run did not converge: nothing to compare"
    case .pathDistance(let d, let bound):
      return String(format: "largest distance %.3g, bound %.3g", d, bound)

    case .showStart(let point): return "start: \(point)"
    case .userGradient: return "user's gradient"
    case .showProgramF(let variables, let program, let folder, let precision):
      return "f(\(variables)) from a program: \(program) (in \(folder), precision \(precision))"
    case .showUserGradient(let program): return "  your gradient (the path 'user'): \(program)"
    case .showDescentRun(let rates, let steps, let gradients, let updates): return "learning rates: \(rates); \(steps) steps; gradient: \(gradients); update: \(updates)"
    }
  }
}
