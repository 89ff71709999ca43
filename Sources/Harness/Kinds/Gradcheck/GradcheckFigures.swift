import Calculus
import Foundation
import Plotting

/// Figures of `kind: gradcheck`: the relative errors per tensor and the directional sweeps.
enum GradcheckFigures {
  /// One relative error between backprop and the numerical gradient, of tensor `tensor`.
  typealias RelativeError = (tensor: Int, value: Double, kink: Bool)

  static func make(_ spec: GradcheckSpec, outcome o: GradcheckOutcome, language: Language)
    -> [Report.FigureEntry]
  {
    var figures: [Report.FigureEntry] = []
    if let histograms = relativeErrorFigure(spec, outcome: o, language: language) {
      figures.append(histograms)
    }
    let sweep = o.results.filter { $0.direction == .outputLayer }.map(\.outcome)
    let sweepAll = o.results.filter { $0.direction == .allParameters }.map(\.outcome)
    let kinkStep = o.results.first { $0.direction == .allParameters }?.kinkStep
    if !sweep.isEmpty {
      figures.append(
        sweepFigure(
          spec, sweep: sweep, sweepAll: sweepAll, kinkStep: kinkStep, language: language))
    }
    return figures
  }

  /// The histograms of log10 relative errors, one panel per sampled tensor; nil when no tensor
  /// was sampled.
  static func relativeErrorFigure(
    _ spec: GradcheckSpec, outcome o: GradcheckOutcome, language: Language
  ) -> Report.FigureEntry? {
    let names = o.tensors.map(\.name)
    let relativeErrors: [RelativeError] = o.entries.filter {
      $0.analytic != 0 || $0.numerical != 0
    }.map { (tensor: $0.tensor, value: $0.relativeError, kink: $0.nearKink) }
    let logs = relativeErrors.map { log10(max($0.value, 1e-20)) }
    let lo = (logs.min() ?? -16).rounded(.down)
    let hi = max((logs.max() ?? 0).rounded(.up), lo + 1)
    // A tensor with no sampled entry has nothing to draw: no empty panel, a note instead.
    let sampled = names.indices.filter { t in relativeErrors.contains { $0.tensor == t } }
    let unsampled = names.indices.filter { !sampled.contains($0) }.map { names[$0] }
    let anyKink = relativeErrors.contains(where: \.kink)
    var panels = sharingCounts(
      sampled.map { t in
        histogramPanel(
          names[t], relativeErrors.filter { $0.tensor == t }, range: lo...hi, anyKink: anyKink,
          spec: spec, language: language)
      })
    guard !panels.isEmpty else { return nil }
    // What the relative error is, and which tensors were not drawn: said once, under the
    // panels (a note every panel carries is written once for the figure), so every row keeps
    // the same room for notes and its axes the same height and ticks.
    var shared = [
      language(
        .relativeErrorDefinition(
          floor: String(format: "%.1e", o.relativeFloor),
          scheme: language(.schemeName(scheme: spec.scheme)), h: stepText(spec.step)))
    ]
    if !unsampled.isEmpty {
      shared.append(language(.noSampledEntries(tensors: unsampled.joined(separator: ", "))))
    }
    for k in panels.indices { panels[k].notes += shared }
    let columns = panels.count > 1 ? 2 : 1
    let rows = (panels.count + columns - 1) / columns
    // Under the experiment's title the panels' titles (the tensors) are the second line.
    return Report.FigureEntry(
      name: "relative-errors", caption: language(.captionRelativeErrors),
      figure: Figure(
        panels: panels, columns: columns, width: columns == 1 ? 1000 : 1400,
        height: rows == 1 ? 650 : 500 * rows))
  }

  /// One tensor's histogram: entries away from kinks, and (when any entry of any tensor is near
  /// a kink) those whose step crosses one, with the verdict's bound as a vertical line.
  static func histogramPanel(
    _ name: String, _ errors: [RelativeError], range: ClosedRange<Double>, anyKink: Bool,
    spec: GradcheckSpec, language: Language
  ) -> Panel {
    let smooth = errors.filter { !$0.kink }.map { log10(max($0.value, 1e-20)) }
    let kinked = errors.filter(\.kink).map { log10(max($0.value, 1e-20)) }
    // The same entries in every panel (the figure then draws one legend); the counts,
    // which differ, in a note.
    var series = [
      Series.histogram(
        language(.awayFromKinksName), values: smooth, bins: 40, range: range, color: 0)
    ]
    if anyKink {
      series.append(
        Series.histogram(
          language(.crossesKinkName), values: kinked, bins: 40, range: range, color: 1))
    }
    let markers =
      spec.maxRelativeError.map {
        [
          VerticalMarker(
            language(.verdictBound(bound: stepText($0))), x: log10($0), dash: .dashed, color: 2)
        ]
      } ?? []
    return Panel(
      title: name,
      xAxis: Axis(language(.log10RelativeError), range: range),
      yAxis: Axis(language(.parameters), scale: .log10), series: series,
      verticalMarkers: markers, legend: .outsideRight,
      notes: [language(.entryCounts(smooth: smooth.count, kinked: kinked.count))])
  }

  /// `panels` with one count axis for all: a log axis from 0.5 (a bar of one entry rises half
  /// a decade from the baseline) to above the largest count of any panel.
  static func sharingCounts(_ panels: [Panel]) -> [Panel] {
    let most = panels.flatMap { $0.series.flatMap(\.y) }.filter(\.isFinite).max() ?? 1
    return panels.map { panel in
      var panel = panel
      panel.yAxis.range = countBaseline...max(10, most * 2)
      return panel
    }
  }

  /// The baseline of every histogram's log count axis: below a count of one.
  static let countBaseline = 0.5

  /// The directional sweeps: output layer (smooth) beside all parameters (relu kinks).
  static func sweepFigure(
    _ spec: GradcheckSpec, sweep: [SweepOutcome], sweepAll: [SweepOutcome], kinkStep: Double?,
    language: Language
  ) -> Report.FigureEntry {
    let smooth = SweepFigures.errorPanel(
      sweep, title: language(.sweepOutputLayer), language: language)
    var all = SweepFigures.errorPanel(
      sweepAll, title: language(.sweepAllParameters), language: language)
    if let kinkStep {
      all.verticalMarkers.append(
        VerticalMarker(
          language(.kinkCrossed(h: stepText(Double(String(format: "%.2g", kinkStep)) ?? kinkStep))),
          x: kinkStep,
          dash: .dashDot, color: 5))
    }
    // The sweep varies the step the experiment's title gives as one value (h = 1e-4): the
    // title does not describe it, the figure's own heads it.
    var entry = Report.FigureEntry(
      name: "sweep",
      caption: language(.captionSweep),
      figure: Figure(
        title: language(
          .sweepTitle(precision: language(.precisionName(precision: spec.precision)))),
        panels: SweepFigures.sharingAxes([smooth, all]), columns: 2, width: 1800, height: 800)
    )
    entry.underExperimentTitle = false
    return entry
  }
}
