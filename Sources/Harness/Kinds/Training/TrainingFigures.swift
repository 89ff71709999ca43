import Foundation
import Learning
import Plotting

/// The figure of `kind: training`: loss and test accuracy curves.
enum TrainingFigures {
  static func make(_ spec: TrainingSpec, outcome o: TrainingOutcome, language: Language)
    -> [Report.FigureEntry]
  {
    let curves = o.runs
    let numerical: Bool
    if case .numerical = spec.gradient { numerical = true } else { numerical = false }
    func color(_ c: TrainingOutcome.Run) -> Int {
      spec.learningRates.firstIndex(of: c.run.learningRate) ?? 0
    }
    func label(_ c: TrainingOutcome.Run) -> String {
      let g =
        curves.contains { $0.gradient != c.gradient }
        ? " (\(language(.gradientMethod(numerical: c.gradient == "numerical"))))" : ""
      return "η = \(short(c.run.learningRate))\(g)"
    }
    func dash(_ c: TrainingOutcome.Run) -> Dash {
      c.gradient == "backprop" && numerical ? .dashed : .solid
    }
    var loss: [Series] = []
    for c in curves {
      loss.append(
        Series(
          label(c), x: c.run.stepLosses.indices.map { Double($0 + 1) / Double(o.stepsPerEpoch) },
          y: epochMeans(c.run.stepLosses, stepsPerEpoch: o.stepsPerEpoch), style: .line,
          dash: dash(c), color: color(c)))
    }
    let accuracy = curves.map { c in
      Series(
        label(c), x: c.run.epochs.map { Double($0.epoch) }, y: c.run.epochs.map(\.testAccuracy),
        style: .lineAndMarkers, dash: dash(c), color: color(c), marker: color(c))
    }
    let start = curves.compactMap { $0.run.stepLosses.first }.filter(\.isFinite).max() ?? 2.5
    let net = spec.network.configuration.layers.map(String.init).joined(separator: "-")
    let epochs = 0...Double(spec.epochs)
    return [
      Report.FigureEntry(
        name: "curves", caption: language(.captionCurves),
        figure: Figure(
          title: language(
            .trainingTitle(
              network: net, activation: spec.network.configuration.activation.rawValue,
              source: o.dataSource, train: o.train, test: o.test,
              batch: spec.batch)),
          panels: [
            // No panel titles: the figure's line under the experiment's title is the second
            // heading line, the axes say what each panel is.
            Panel(
              xAxis: Axis(language(.epoch), range: epochs, isInteger: true),
              yAxis: Axis(language(.crossEntropy), range: 0...(start * 1.3)), series: loss,
              legend: .best, notes: [language(.epochMean)]),
            Panel(
              // A little room after the last epoch: its marker is not cut by the frame.
              xAxis: Axis(
                language(.epoch), range: 0...(Double(spec.epochs) * 1.05), isInteger: true),
              yAxis: Axis(language(.testAccuracy), including: [0, 1]), series: accuracy,
              legend: .best),
          ], columns: 2, width: 1600, height: 750)
      )
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
