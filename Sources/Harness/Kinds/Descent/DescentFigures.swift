import Calculus
import Foundation
import Plotting

/// Figures of `kind: descent`: the paths on a contour map and f against the step.
enum DescentFigures {
  static func make(spec: DescentSpec, runs: [DescentOutcome.Run]) -> [Report.FigureEntry] {
    var figures: [Report.FigureEntry] = []
    let vars = spec.variables
    let rates = spec.learningRates
    func color(_ rate: Double) -> Int { rates.firstIndex(of: rate) ?? 0 }
    // One dash per (update rule, gradient source): the rules' runs at one rate share a color
    // and differ in dash (and, on the map, in marker).
    func variant(_ r: DescentOutcome.Run) -> Int {
      (spec.updates.firstIndex(of: r.run.update) ?? 0) * spec.gradients.count
        + (spec.gradients.firstIndex(of: r.gradient) ?? 0)
    }
    func dash(_ r: DescentOutcome.Run) -> Dash {
      [Dash.solid, .dashed, .dotted, .dashDot][variant(r) % 4]
    }
    func label(_ r: DescentOutcome.Run) -> String {
      var parts: [String] = []
      if spec.updates.count > 1 { parts.append(r.run.update.rawValue) }
      if spec.gradients.count > 1 { parts.append(r.gradient.rawValue) }
      let detail = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
      return "η = \(short(r.run.learningRate))\(detail): \(r.run.status.rawValue)"
    }
    if vars.count == 2 {
      figures.append(
        paths(spec, runs: runs, color: color, dash: dash, variant: variant, label: label))
    }
    let series = runs.map { r -> Series in
      let steps = r.run.values.indices.map(Double.init)
      return Series(
        label(r), x: steps, y: r.run.values, style: .line, dash: dash(r),
        color: color(r.run.learningRate))
    }
    figures.append(
      Report.FigureEntry(
        name: "loss", caption: "f against the step for each learning rate",
        figure: Figure(
          title: "f = \(mathText(spec.text)) along the descent: too low, just right, too high",
          panels: [
            Panel(
              title: "f(x_{k}) against step k (log scale)", xAxis: Axis("step k"),
              yAxis: Axis("f(x_{k})", scale: .log10), series: series, legend: .best)
          ])
      ))
    return figures
  }

  /// The paths on the contour map (two variables): a diverging path is drawn until it leaves
  /// the frame of the bounded ones.
  static func paths(
    _ spec: DescentSpec, runs: [DescentOutcome.Run], color: (Double) -> Int,
    dash: (DescentOutcome.Run) -> Dash, variant: (DescentOutcome.Run) -> Int,
    label: (DescentOutcome.Run) -> String
  ) -> Report.FigureEntry {
    let vars = spec.variables
    // Frame the runs that stay bounded; a diverging path is drawn until it leaves the frame.
    let bounded =
      runs.filter { $0.run.status != .diverged }.flatMap(\.run.iterates) + [spec.start]
    let xs = bounded.map { $0[0] }
    let ys = bounded.map { $0[1] }
    let (x0, x1) = (xs.min()!, xs.max()!)
    let (y0, y1) = (ys.min()!, ys.max()!)
    let half = max(x1 - x0, y1 - y0, 1) * 0.6
    let cx = (x0 + x1) / 2
    let cy = (y0 + y1) / 2
    let f: @Sendable ([Double]) -> Double = spec.f.compiled(variables: vars)
    let grid = Grid2D(x: (cx - half)...(cx + half), y: (cy - half)...(cy + half), nx: 61, ny: 61) {
      f([$0, $1])
    }
    let series = runs.map { r in
      Series(
        label(r), x: r.run.iterates.map { $0[0] }, y: r.run.iterates.map { $0[1] },
        style: r.gradient == spec.gradients[0] ? .lineAndMarkers : .line,
        dash: dash(r), color: color(r.run.learningRate),
        marker: color(r.run.learningRate) + variant(r) * spec.learningRates.count)
    }
    let start = Series(
      "start (\(short(spec.start[0])), \(short(spec.start[1])))", x: [spec.start[0]],
      y: [spec.start[1]], style: .markers, color: 7, marker: 5)
    return Report.FigureEntry(
      name: "paths", caption: "gradient descent paths on the contour map of \(spec.text)",
      figure: Figure(
        title: "Gradient descent on f = \(mathText(spec.text)): paths by learning rate η",
        panels: [
          Panel(
            title:
              "\(spec.steps) steps from (\(short(spec.start[0])), \(short(spec.start[1]))), gradient: \(spec.gradients.map(\.rawValue).joined(separator: ", "))"
              + (spec.updates.count > 1 || spec.updates != [.standard]
                ? "; update: \(spec.updates.map(\.rawValue).joined(separator: ", "))" : ""),
            xAxis: Axis(subscripted(vars[0]), range: (cx - half)...(cx + half)),
            yAxis: Axis(subscripted(vars[1]), range: (cy - half)...(cy + half)),
            series: series + [start], legend: .outsideRight,
            content: .contour(grid, levels: .count(14)))
        ],
        width: 1400, height: 1000)
    )
  }
}
