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
      for slope in [interval.lowerBound, interval.upperBound] {
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
