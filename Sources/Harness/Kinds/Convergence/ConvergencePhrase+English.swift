extension ConvergencePhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .caseHeading(let variable, let f, let at, let q, let precision):
      // f', f'', f''' and then f^{(q)} (the renderer's superscript).
      let d = q <= 3 ? "f" + String(repeating: "'", count: q) : "f^{(\(q))}"
      let point = f.map { "f(\(variable)) = \($0) at \(variable) = \(at)" } ?? "\(variable) = \(at)"
      return "\(point): error of \(d)(\(variable)) against h" + (precision.map { ", \($0) precision" } ?? "")
    case .casePrecisions(let variable, let f, let at):
      let point = f.map { "f(\(variable)) = \($0) at \(variable) = \(at)" } ?? "\(variable) = \(at)"
      return "\(point): the same schemes in every precision"
    case .schemeOrder(let scheme, let order): return "\(scheme) (order \(order))"
    case .captionError(let f, let at, let precision): return "\(f) at \(at): error against h (\(precision))"
    case .captionPrecisions(let f, let at): return "\(f) at \(at): every precision"
    case .tableF: return "f"
    case .tableStepsOfNotes: return "the notes' steps (double): estimate (|error|)"
    case .tableStencil: return "stencil"
    case .tableModelRatio: return "error at predicted best h / best"
    case .tableLeavesDomain: return "leaves the domain"
    case .pointOf(let f, let at): return "\(f) at \(at)"
    case .showSteps(let count, let from, let to, let perDecade): return "h: \(count) steps from \(from) to \(to), \(perDecade) per decade"
    case .showDerivativeEstimated(let q): return "  derivative estimated: f^(\(q))"
    case .showGivenDerivative(let df): return "  df (given) = \(df), agrees with f'"
    case .acrossTitle(let f, let n): return "\(f) at \(n) points"
    case .captionAcross(let f, let n, let drawn): return "\(f) at all \(n) points: each scheme's fitted order and least error; the sweeps of \(drawn) points (the failing ones first) in the figures that follow"
    case .fittedOrderAcross: return "fitted order at each point"
    case .leastErrorAcross: return "least |error| at each point"
    case .failedPoints: return "a check failed"
    case .fittedOrderAxis: return "fitted order"
    }
  }
}
