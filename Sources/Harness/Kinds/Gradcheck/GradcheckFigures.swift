import Calculus
import Foundation
import Plotting

/// Figures of `kind: gradcheck`: the relative errors per tensor and the directional sweeps.
enum GradcheckFigures {
  static func make(_ spec: GradcheckSpec, outcome o: GradcheckOutcome) -> [Report.FigureEntry] {
    let names = o.tensors.map(\.name)
    let relativeErrors = o.entries.filter { $0.analytic != 0 || $0.numerical != 0 }.map {
      (tensor: $0.tensor, value: $0.relativeError, kink: $0.nearKink)
    }
    let sweep = o.results.filter { $0.direction == .outputLayer }.map(\.outcome)
    let sweepAll = o.results.filter { $0.direction == .allParameters }.map(\.outcome)
    let kinkStep = o.results.first { $0.direction == .allParameters }?.kinkStep
    let floor = o.relativeFloor
    var figures: [Report.FigureEntry] = []
    let logs = relativeErrors.map { log10(max($0.value, 1e-20)) }
    let lo = (logs.min() ?? -16).rounded(.down)
    let hi = max((logs.max() ?? 0).rounded(.up), lo + 1)
    let panels = names.indices.map { t -> Panel in
      let smooth = relativeErrors.filter { $0.tensor == t && !$0.kink }.map {
        log10(max($0.value, 1e-20))
      }
      let kinked = relativeErrors.filter { $0.tensor == t && $0.kink }.map {
        log10(max($0.value, 1e-20))
      }
      var series = [
        Series.histogram(
          "away from kinks (\(smooth.count))", values: smooth, bins: 40, range: lo...hi, color: 0)
      ]
      if !kinked.isEmpty {
        series.append(
          Series.histogram(
            "step crosses a relu kink (\(kinked.count))", values: kinked, bins: 40, range: lo...hi,
            color: 1))
      }
      let markers =
        spec.maxRelativeError.map {
          [VerticalMarker("verdict bound \(short($0))", x: log10($0), dash: .dashed, color: 2)]
        } ?? []
      return Panel(
        title: "\(names[t]): |a − n| / max(|a|, |n|, \(String(format: "%.1e", floor)))",
        xAxis: Axis("log_{10} relative error", range: lo...hi),
        yAxis: Axis("parameters", scale: .log10), series: series, verticalMarkers: markers,
        legend: .upperLeft)
    }
    figures.append(
      Report.FigureEntry(
        name: "relative-errors",
        caption: "relative errors between backprop and the numerical gradient, per tensor",
        figure: Figure(
          title:
            "Backprop against the numerical gradient (\(spec.scheme.rawValue), h = \(short(spec.step))), \(spec.network.configuration.layers.map(String.init).joined(separator: "-")) network",
          panels: panels, columns: 2, width: 1400, height: 1000)
      ))
    if !sweep.isEmpty {
      figures.append(sweepFigure(spec, sweep: sweep, sweepAll: sweepAll, kinkStep: kinkStep))
    }
    return figures
  }

  /// The directional sweeps: output layer (smooth) beside all parameters (relu kinks).
  static func sweepFigure(
    _ spec: GradcheckSpec, sweep: [SweepOutcome], sweepAll: [SweepOutcome], kinkStep: Double?
  ) -> Report.FigureEntry {
    let smooth = ConvergenceFigures.errorPanel(
      sweep, title: "along a random direction in the output layer (W2, b2): smooth"
    )
    var all = ConvergenceFigures.errorPanel(
      sweepAll, title: "along a random direction in all parameters: relu kinks")
    if let kinkStep {
      all.verticalMarkers.append(
        VerticalMarker(
          "a relu kink is crossed for h > \(String(format: "%.2g", kinkStep))", x: kinkStep,
          dash: .dashDot, color: 5))
    }
    return Report.FigureEntry(
      name: "sweep",
      caption:
        "error of the numerical derivative of the network's loss against h, along two directions",
      figure: Figure(
        title:
          "|numerical − backprop| derivative of the loss along a direction d, against h (\(spec.precision.rawValue))",
        panels: [smooth, all], columns: 2, width: 1800, height: 800)
    )
  }
}
