import Foundation
import Learning
import Plotting

/// The figure of `kind: training`: loss and test accuracy curves.
enum TrainingFigures {
  static func make(_ spec: TrainingSpec, outcome o: TrainingOutcome) -> [Report.FigureEntry] {
    let curves = o.runs
    let stepsPerEpoch = o.stepsPerEpoch
    let numerical: Bool
    if case .numerical = spec.gradient { numerical = true } else { numerical = false }
    func color(_ c: TrainingOutcome.Run) -> Int {
      spec.learningRates.firstIndex(of: c.run.learningRate) ?? 0
    }
    func label(_ c: TrainingOutcome.Run) -> String {
      let g = curves.contains { $0.gradient != c.gradient } ? " (\(c.gradient))" : ""
      return "η = \(short(c.run.learningRate))\(g)"
    }
    var loss: [Series] = []
    for c in curves {
      let dash: Dash = c.gradient == "backprop" && numerical ? .dashed : .solid
      // The raw step losses, thin, and their running mean over an epoch's worth of steps.
      let window = max(1, min(stepsPerEpoch, max(1, c.run.stepLosses.count / 20)))
      var smooth: [Double] = []
      var sum = 0.0
      for (k, v) in c.run.stepLosses.enumerated() {
        sum += v
        if k >= window { sum -= c.run.stepLosses[k - window] }
        smooth.append(sum / Double(min(k + 1, window)))
      }
      let x = c.run.stepLosses.indices.map { Double($0 + 1) / Double(stepsPerEpoch) }
      loss.append(Series(label(c), x: x, y: smooth, style: .line, dash: dash, color: color(c)))
    }
    let accuracy = curves.map { c in
      Series(
        label(c), x: c.run.epochs.map { Double($0.epoch) }, y: c.run.epochs.map(\.testAccuracy),
        style: .lineAndMarkers,
        dash: c.gradient == "backprop" && numerical ? .dashed : .solid,
        color: color(c), marker: color(c))
    }
    let start = curves.compactMap { $0.run.stepLosses.first }.filter(\.isFinite).max() ?? 2.5
    let net = spec.network.configuration.layers.map(String.init).joined(separator: "-")
    return [
      Report.FigureEntry(
        name: "curves", caption: "training loss and test accuracy for each learning rate",
        figure: Figure(
          title:
            "\(net) \(spec.network.configuration.activation.rawValue) network on \(o.dataSource) (\(o.train) train, \(o.test) test), batch \(spec.batch)",
          panels: [
            Panel(
              title: "training loss (running mean) against epochs", xAxis: Axis("epoch"),
              yAxis: Axis("cross-entropy loss", range: 0...(start * 1.3)), series: loss,
              legend: .best),
            Panel(
              title: "test accuracy after each epoch",
              xAxis: Axis("epoch", range: 0.5...(Double(spec.epochs) + 0.5)),
              yAxis: Axis("test accuracy"), series: accuracy, legend: .best),
          ], columns: 2, width: 1600, height: 750)
      )
    ]
  }
}
