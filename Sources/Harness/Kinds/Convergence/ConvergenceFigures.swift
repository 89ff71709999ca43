import Calculus
import Foundation
import Plotting

/// Figures of `kind: convergence` (and the per-partial sweeps of `partials`).
enum ConvergenceFigures {
  /// A case with more points than this draws the sweeps of this many of them (the failing
  /// ones first, the rest spread over the points) and one figure of every point across x:
  /// 300 points make 13 figures, not 300 that no one reads (and that took most of the run).
  static let pointFigureLimit = 12

  static func make(
    spec: ConvergenceSpec, sweeps: [ConvergenceOutcome.Sweep],
    derivativeChecks: [ProgramAgreement] = [], heading: FigureHeading, language: Language
  ) -> [Report.FigureEntry] {
    var figures: [Report.FigureEntry] = []
    let primary = spec.precisions.contains(.double) ? Precision.double : spec.precisions[0]
    let precisionName = language(.precisionName(precision: primary))
    for (i, c) in spec.cases.enumerated() {
      // The function once: in the second line, unless the experiment's title states it.
      let f = heading.formula(clipped(c.text))
      let failing = failingPoints(i + 1, sweeps: sweeps, derivativeChecks: derivativeChecks)
      let drawn = drawnPoints(c.points, failing: failing)
      if drawn.count < c.points.count {
        figures.append(
          acrossFigure(
            spec, caseNumber: i + 1, sweeps: sweeps.filter { $0.outcome.precision == primary },
            failing: failing, language: language))
      }
      for point in drawn {
        let here = sweeps.filter { $0.caseNumber == i + 1 && $0.at == point }.map(\.outcome)
        let main = here.filter { $0.precision == primary }
        let base = "case\(i + 1)-\(c.variable)\(fileSafe(short(point)))"
        let at = "\(c.variable) = \(short(point))"
        // One panel: the figure's second line is its heading; the panel has no title.
        let panel = SweepFigures.errorPanel(main, title: "", language: language)
        let title = language(
          .caseHeading(
            variable: c.variable, f: f, at: short(point), derivative: c.derivative,
            precision: spec.precisions.count > 1 ? precisionName : nil))
        figures.append(
          Report.FigureEntry(
            name: base,
            caption: language(.captionError(f: clipped(c.text), at: at, precision: precisionName)),
            figure: Figure(title: title, panels: [panel])))
        if spec.precisions.count > 1 {
          let names = spec.schemes.map(\.rawValue) + spec.stencils.map(\.name)
          let panels = SweepFigures.sharingAxes(
            names.map { name in
              SweepFigures.precisionPanel(here.filter { $0.name == name }, language: language)
            })
          figures.append(
            Report.FigureEntry(
              name: base + "-precisions",
              caption: language(.captionPrecisions(f: clipped(c.text), at: at)),
              figure: Figure(
                title: language(.casePrecisions(variable: c.variable, f: f, at: short(point))),
                panels: panels, columns: Self.precisionColumns(panels.count))
            ))
        }
      }
    }
    return figures
  }

  /// Columns for `count` precision panels: two up to four panels, three beyond (five or six
  /// panels in three rows would leave each axes a flat strip on a slide).
  static func precisionColumns(_ count: Int) -> Int {
    count <= 1 ? 1 : count <= 4 ? 2 : 3
  }

  /// The points of case `number` where a check failed: a sweep's order missed, or the
  /// derivative under test differing.
  static func failingPoints(
    _ number: Int, sweeps: [ConvergenceOutcome.Sweep], derivativeChecks: [ProgramAgreement]
  ) -> Set<Double> {
    Set(
      sweeps.filter { $0.caseNumber == number && SweepReporting.status($0.outcome) == .failed }
        .map(\.at)
        + derivativeChecks.filter { $0.caseNumber == number && $0.agreement.status == .plateau }
        .map(\.at))
  }

  /// All of `points` up to `pointFigureLimit`; beyond it the failing ones first, then the
  /// others spread evenly (first and last included), in the case's order.
  static func drawnPoints(_ points: [Double], failing: Set<Double>) -> [Double] {
    let limit = pointFigureLimit
    guard points.count > limit else { return points }
    var chosen = Set(points.filter { failing.contains($0) }.prefix(limit))
    let rest = points.filter { !chosen.contains($0) }
    let room = limit - chosen.count
    if room == 1, let first = rest.first { chosen.insert(first) }
    if room > 1, !rest.isEmpty {
      for k in 0..<room {
        chosen.insert(rest[Int((Double(k * (rest.count - 1)) / Double(room - 1)).rounded())])
      }
    }
    return points.filter { chosen.contains($0) }
  }

  /// Every point of a case across x: each scheme's fitted order, and its least error with the
  /// failing points marked.
  static func acrossFigure(
    _ spec: ConvergenceSpec, caseNumber: Int, sweeps: [ConvergenceOutcome.Sweep],
    failing: Set<Double>, language: Language
  ) -> Report.FigureEntry {
    let c = spec.cases[caseNumber - 1]
    let here = sweeps.filter { $0.caseNumber == caseNumber }
    let names = spec.schemes.map(\.rawValue) + spec.stencils.map(\.name)
    var orders: [Series] = []
    var errors: [Series] = []
    // Hundreds of markers side by side are a smear: lines alone, the failing points marked.
    let style: SeriesStyle = c.points.count > 60 ? .line : .lineAndMarkers
    for (k, name) in names.enumerated() {
      let mine = here.filter { $0.outcome.name == name }.sorted { $0.at < $1.at }
      guard !mine.isEmpty else { continue }
      let label = SweepReporting.schemeName(mine[0].outcome, language)
      let x = mine.map(\.at)
      orders.append(
        Series(
          label, x: x, y: mine.map { $0.outcome.orderFit?.order ?? .nan }, style: style,
          color: k, marker: k))
      errors.append(
        Series(
          label, x: x, y: mine.map { $0.outcome.best?.error ?? .nan }, style: style, color: k,
          marker: k))
    }
    let failed = here.filter { failing.contains($0.at) }
    if !failed.isEmpty {
      errors.append(
        Series(
          language(.failedPoints), x: failed.map(\.at),
          y: failed.map { $0.outcome.best?.error ?? .nan }, style: .markers, color: 1,
          marker: 5))
    }
    let x = Axis(c.variable)
    let f = clipped(c.text)
    return Report.FigureEntry(
      name: "case\(caseNumber)-across-\(c.variable)",
      caption: language(.captionAcross(f: f, points: c.points.count, drawn: pointFigureLimit)),
      figure: Figure(
        title: language(.acrossTitle(f: mathText(f), points: c.points.count)),
        panels: [
          Panel(
            title: language(.fittedOrderAcross), xAxis: x, yAxis: Axis(language(.fittedOrderAxis)),
            series: orders, legend: .best),
          Panel(
            title: language(.leastErrorAcross), xAxis: x,
            yAxis: Axis(language(.absError), scale: .log10), series: errors, legend: .best),
        ],
        columns: 2, width: 1500, height: 650))
  }
}
