import Foundation
import Learning
import Plotting

/// The figure of `kind: training`: loss and test accuracy curves; with `compare`, the step
/// losses of both gradients and their difference.
enum TrainingFigures {
  /// How each run is drawn: a colour per learning rate, a dash per gradient, a label naming
  /// the gradient when both ran.
  struct Style {
    var spec: TrainingSpec
    var runs: [TrainingOutcome.Run]
    var language: Language

    func color(_ c: TrainingOutcome.Run) -> Int {
      spec.learningRates.firstIndex(of: c.run.learningRate) ?? 0
    }

    func label(_ c: TrainingOutcome.Run) -> String {
      let g =
        runs.contains { $0.gradient != c.gradient }
        ? " (\(language(.gradientMethod(numerical: c.gradient == "numerical"))))" : ""
      return "η = \(short(c.run.learningRate))\(g)"
    }

    func dash(_ c: TrainingOutcome.Run) -> Dash {
      guard case .numerical = spec.gradient, c.gradient == "backprop" else { return .solid }
      return .dashed
    }
  }

  static func make(_ spec: TrainingSpec, outcome o: TrainingOutcome, language: Language)
    -> [Report.FigureEntry]
  {
    let style = Style(spec: spec, runs: o.runs, language: language)
    let comparing = !o.agreement.isEmpty
    var panels = comparing ? comparison(o, style: style) : [epochLoss(o, style: style)]
    // One epoch gives one accuracy point: the table says it better than a dot.
    if !comparing || spec.epochs > 1 { panels.append(accuracy(o, style: style)) }
    let net = spec.network.configuration.layers.map(String.init).joined(separator: "-")
    return [
      Report.FigureEntry(
        name: "curves", caption: language(comparing ? .captionComparison : .captionCurves),
        figure: Figure(
          title: language(
            .trainingTitle(
              network: net, activation: spec.network.configuration.activation.rawValue,
              source: o.dataSource, train: o.train, test: o.test,
              batch: spec.batch)),
          panels: panels, columns: panels.count, width: panels.count > 2 ? 2100 : 1600,
          height: 750)
      )
    ]
  }

  /// The training loss, each epoch's mean, against epochs, from 0.
  static func epochLoss(_ o: TrainingOutcome, style: Style) -> Panel {
    let language = style.language
    let loss = o.runs.map { c in
      Series(
        style.label(c),
        x: c.run.stepLosses.indices.map { Double($0 + 1) / Double(o.stepsPerEpoch) },
        y: epochMeans(c.run.stepLosses, stepsPerEpoch: o.stepsPerEpoch), style: .line,
        dash: style.dash(c), color: style.color(c))
    }
    let start = o.runs.compactMap { $0.run.stepLosses.first }.filter(\.isFinite).max() ?? 2.5
    return Panel(
      xAxis: Axis(language(.epoch), range: 0...Double(style.spec.epochs), isInteger: true),
      yAxis: Axis(language(.crossEntropy), range: 0...(start * 1.3)), series: loss,
      legend: .best, notes: [language(.epochMean)])
  }

  /// The test accuracy after each epoch.
  static func accuracy(_ o: TrainingOutcome, style: Style) -> Panel {
    let language = style.language
    let series = o.runs.map { c in
      Series(
        style.label(c), x: c.run.epochs.map { Double($0.epoch) },
        y: c.run.epochs.map(\.testAccuracy),
        style: .lineAndMarkers, dash: style.dash(c), color: style.color(c), marker: style.color(c))
    }
    return Panel(
      // A little room after the last epoch: its marker is not cut by the frame.
      xAxis: Axis(
        language(.epoch), range: 0...(Double(style.spec.epochs) * 1.05), isInteger: true),
      yAxis: Axis(language(.testAccuracy), including: [0, 1]), series: series, legend: .best)
  }

  /// Numerical against backprop: every step's loss of both, on a scale fitted to them, and
  /// beside it |numerical − backprop| at each step on a log scale, the difference the
  /// experiment is about.
  static func comparison(_ o: TrainingOutcome, style: Style) -> [Panel] {
    let language = style.language
    // Both panels over the same steps, from 0 as the epoch axis is.
    let last = o.runs.map(\.run.stepLosses.count).max() ?? 1
    let steps = Axis(language(.stepAxis), range: 0...Double(max(1, last)), isInteger: true)
    let losses = o.runs.map { c in
      Series(
        style.label(c), x: c.run.stepLosses.indices.map { Double($0 + 1) },
        y: c.run.stepLosses, style: .line, dash: style.dash(c), color: style.color(c))
    }
    // A step whose losses are equal (step 1, from the same weights) has no place on the log
    // axis: left out, and said in a note.
    var zeros: Set<Int> = []
    let differences = o.agreement.map { a in
      let steps = a.stepLossDifferences.indices.filter { a.stepLossDifferences[$0] != 0 }
      zeros.formUnion(a.stepLossDifferences.indices.filter { a.stepLossDifferences[$0] == 0 })
      return Series(
        "η = \(short(a.learningRate))", x: steps.map { Double($0 + 1) },
        y: steps.map { a.stepLossDifferences[$0] }, style: .lineAndMarkers,
        color: style.spec.learningRates.firstIndex(of: a.learningRate) ?? 0)
    }
    let zeroNote = zeros.sorted().prefix(5).map { String($0 + 1) }.joined(separator: ", ")
    // No panel titles: the figure's line under the experiment's title is the second heading
    // line; the axes say what each panel is.
    return [
      Panel(
        xAxis: steps, yAxis: Axis(language(.crossEntropy)),
        series: losses, legend: .best),
      Panel(
        xAxis: steps,
        yAxis: Axis(language(.lossDifferenceAxis), scale: .log10), series: differences,
        legend: differences.count > 1 ? .best : .none,
        notes: zeros.isEmpty ? [] : [language(.equalLossesAt(steps: zeroNote))]),
    ]
  }

  /// The mean of the step losses over the last epoch's worth of steps (fewer at the start), so
  /// the curve at the end of epoch e is exactly the epoch's mean loss the table reports.
  static func epochMeans(_ losses: [Double], stepsPerEpoch: Int) -> [Double] {
    let window = max(1, stepsPerEpoch)
    var means: [Double] = []
    var sum = 0.0
    for (k, v) in losses.enumerated() {
      sum += v
      if k >= window { sum -= losses[k - window] }
      means.append(sum / Double(min(k + 1, window)))
    }
    return means
  }
}
