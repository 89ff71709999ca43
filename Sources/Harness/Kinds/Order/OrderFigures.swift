import Calculus
import Foundation
import Plotting

/// Figures of `kind: order`: per case, error (or successive differences) against h on log-log
/// axes with the fitted line, its 95% interval and the excluded levels marked; and the observed
/// order against the level.
enum OrderFigures {
  static func make(_ o: OrderOutcome, language: Language) -> [Report.FigureEntry] {
    o.results.compactMap { r in
      guard let study = r.study else { return nil }
      let panels = [
        errorPanel(study, language: language),
        orderPanel(study, expected: r.expected, language: language),
      ]
      return Report.FigureEntry(
        name: fileSafe(r.name), caption: language.order(.caption(caseName: r.name)),
        figure: Figure(
          title: language.order(.figureTitle(caseName: r.name)), panels: panels, columns: 2))
    }
  }

  static func errorPanel(_ study: OrderStudy, language: Language) -> Panel {
    let x = study.fittedSteps
    let y = study.fittedValues
    let regimes = study.fittedRegimes
    var series = [Series("", x: x, y: y, style: .line, color: 0, isGuide: true)]
    let groups: [(Regime, OrderPhrase, Int)] = [
      (.asymptotic, .asymptoticPoints, 0), (.preAsymptotic, .preAsymptoticPoints, 1),
      (.floor, .floorPoints, 3),
    ]
    for (regime, phrase, color) in groups {
      let points = x.indices.filter { regimes[$0] == regime && y[$0] > 0 }
      guard !points.isEmpty else { continue }
      series.append(
        Series(
          language.order(phrase), x: points.map { x[$0] }, y: points.map { y[$0] }, style: .markers,
          color: color, marker: color))
    }
    if let fit = study.fit {
      let fitted = study.fittedPoints.map { x[$0] }
      let lo = fitted.min() ?? 0
      let hi = fitted.max() ?? 0
      // A study's fit has three points or more, so an interval.
      let interval = fit.slopeInterval ?? fit.slope...fit.slope
      series.append(
        Series(
          language.order(
            .fittedLine(
              order: fit.slope.fixed3, low: interval.lowerBound.fixed3,
              high: interval.upperBound.fixed3)),
          x: [lo, hi], y: [fit.value(at: lo), fit.value(at: hi)], style: .line, color: 2,
          isGuide: true))
      // The interval's lines pivot about the fitted points' centre (where the fit is surest).
      let cx = fitted.map { Foundation.log10($0) }.reduce(0, +) / Double(fitted.count)
      let cy = fit.intercept + fit.slope * cx
      let parting = intervalParting(interval, slope: fit.slope, steps: [lo, hi], centre: cx)
      for slope in [interval.lowerBound, interval.upperBound]
      where parting >= visibleParting * decades(y.filter { $0 > 0 }) {
        let ys = [lo, hi].map { Foundation.pow(10, cy + slope * (Foundation.log10($0) - cx)) }
        series.append(
          Series(
            language.order(.intervalLines), x: [lo, hi], y: ys, style: .line, dash: .dashed,
            color: 2,
            isGuide: true, legendGroup: language.order(.intervalLines)))
      }
    }
    let output = study.output == .error
    // No panel title: the figure's line names the case, the axes what is drawn.
    return Panel(
      xAxis: Axis(language.order(.axisH), scale: .log10),
      yAxis: Axis(language.order(output ? OrderPhrase.axisError : .axisDifference), scale: .log10),
      series: series, legend: .best)
  }

  /// The least parting of the interval's lines from the fitted line, as a share of the error
  /// axis's decades, that draws them: 1%, about 7 pixels on the default figure's axes. Nearer,
  /// they would lie under the fitted line, and its legend entry, which names the interval,
  /// stands for them (rk4's [4.009, 4.023] parts by 0.1%, Gauss-Legendre in single precision's
  /// [3.782, 4.316] by 3%).
  static let visibleParting = 0.01

  /// How far, in decades, the interval's lines end from the fitted line: at the end of `steps`
  /// farthest from the pivot `centre` (log10 of h).
  static func intervalParting(
    _ interval: ClosedRange<Double>, slope: Double, steps: [Double], centre: Double
  ) -> Double {
    let reach = steps.map { abs(Foundation.log10($0) - centre) }.max() ?? 0
    return max(interval.upperBound - slope, slope - interval.lowerBound) * reach
  }

  /// The decades that positive `values` span (at least a tenth of one).
  static func decades(_ values: [Double]) -> Double {
    guard let low = values.min(), let high = values.max() else { return 1 }
    return max(0.1, Foundation.log10(high) - Foundation.log10(low))
  }

  static func orderPanel(_ study: OrderStudy, expected: Double?, language: Language) -> Panel {
    let levels = study.observedOrders.indices.filter { study.observedOrders[$0] != nil }
    var series = [
      Series(
        language.order(.axisObservedOrder), x: levels.map { Double($0 + 1) },
        y: levels.map { study.observedOrders[$0] ?? .nan }, style: .lineAndMarkers, color: 0,
        marker: 0)
    ]
    if let expected, let first = levels.first, let last = levels.last {
      series.append(
        Series(
          language.order(.expectedOrder(expected.formatted3)),
          x: [Double(first + 1), Double(last + 1)],
          y: [expected, expected], style: .line, dash: .dashed, color: 2, isGuide: true))
    }
    return Panel(
      xAxis: Axis(language.order(.axisLevel), isInteger: true),
      yAxis: Axis(language.order(.axisObservedOrder)), series: series, legend: .best)
  }
}
