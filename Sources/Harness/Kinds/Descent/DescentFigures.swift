import Calculus
import Foundation
import Plotting

/// Figures of `kind: descent`: the paths on a contour map and f against the step.
enum DescentFigures {
  static func make(
    spec: DescentSpec, runs: [DescentOutcome.Run], heading: FigureHeading, language: Language
  ) -> [Report.FigureEntry] {
    let style = Style(spec: spec, language: language, formula: heading.formula(spec.text))
    var figures: [Report.FigureEntry] = []
    if spec.variables.count == 2 { figures.append(paths(spec, runs: runs, style: style)) }
    figures.append(loss(spec, runs: runs, style: style))
    return figures
  }

  /// How each run is drawn: a colour per learning rate, a dash per (update rule, gradient),
  /// its legend label and the short name a coincidence note uses.
  struct Style {
    var spec: DescentSpec
    var language: Language
    /// f in figure notation, or nil when the experiment's title states it (`FigureHeading`).
    var formula: String?

    func color(_ rate: Double) -> Int { spec.learningRates.firstIndex(of: rate) ?? 0 }

    /// One dash per (update rule, gradient source): the rules' runs at one rate share a color
    /// and differ in dash (and, on the map, in marker).
    func variant(_ r: DescentOutcome.Run) -> Int {
      (spec.updates.firstIndex(of: r.run.update) ?? 0) * spec.gradients.count
        + (spec.gradients.firstIndex(of: r.gradient) ?? 0)
    }

    func dash(_ r: DescentOutcome.Run) -> Dash {
      [Dash.solid, .dashed, .dotted, .dashDot][variant(r) % 4]
    }

    /// One legend entry per learning rate (and update rule); the other gradients' paths are
    /// told by their dash (a note under the panel says which).
    func label(_ r: DescentOutcome.Run) -> String {
      guard r.gradient == spec.gradients[0] else { return "" }
      let status = language(.descentStatus(status: r.run.status))
      let rate = short(r.run.learningRate)
      guard spec.updates.count > 1 else {
        return language(.learningRateRun(rate: rate, status: status))
      }
      return language(
        .learningRateRun(
          rate: "\(rate), \(language(.updateRule(rule: r.run.update)))", status: status))
    }

    /// The short name a coincidence note uses: the rate (and rule), without the status.
    func name(_ r: DescentOutcome.Run) -> String {
      let rate = "η = \(short(r.run.learningRate))"
      guard spec.updates.count > 1 else { return rate }
      return "\(rate), \(language(.updateRule(rule: r.run.update)))"
    }

    /// The note saying which dash is which gradient, when there are several.
    var notes: [String] {
      guard spec.gradients.count > 1 else { return [] }
      let styles: [DescentPhrase] = [.solidLine, .dashedLine, .dottedLine, .dashDotLine]
      return [
        language(
          .gradientStyles(
            styles: spec.gradients.enumerated().map { k, g in
              "\(gradientName(g, language)) \(language(styles[min(k, 3)]))"
            }.joined(separator: ", ")))
      ]
    }
  }

  /// f against the step for every run, on a log scale.
  static func loss(_ spec: DescentSpec, runs: [DescentOutcome.Run], style: Style)
    -> Report.FigureEntry
  {
    let language = style.language
    let series = runs.map { r -> Series in
      let steps = r.run.values.indices.map(Double.init)
      return Series(
        style.label(r), x: steps, y: r.run.values, style: .line, dash: style.dash(r),
        color: style.color(r.run.learningRate), xRange: 0...Double(spec.steps),
        name: style.name(r))
    }
    let f = style.formula
    return Report.FigureEntry(
      name: "loss", caption: language(.captionLoss),
      figure: Figure(
        title: language(
          showsAllThree(runs, spec: spec)
            ? .descentLossTooLowRightHigh(f: f) : .descentLoss(f: f)),
        panels: [
          Panel(
            xAxis: Axis(language(.stepK), isInteger: true),
            yAxis: Axis("f(x_{k})", scale: .log10), series: series, legend: .best,
            notes: style.notes)
        ]))
  }

  /// The paths on the contour map (two variables): a diverging path is drawn until it leaves
  /// the frame of the bounded ones.
  static func paths(_ spec: DescentSpec, runs: [DescentOutcome.Run], style: Style)
    -> Report.FigureEntry
  {
    let language = style.language
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
        style.label(r), x: r.run.iterates.map { $0[0] }, y: r.run.iterates.map { $0[1] },
        style: r.gradient == spec.gradients[0] ? .lineAndMarkers : .line,
        dash: style.dash(r), color: style.color(r.run.learningRate),
        marker: style.color(r.run.learningRate) + style.variant(r) * spec.learningRates.count,
        name: style.name(r))
    }
    let startText = "(\(short(spec.start[0])), \(short(spec.start[1])))"
    let start = Series(
      language(.start(point: startText)), x: [spec.start[0]],
      y: [spec.start[1]], style: .markers, color: Self.startColor, marker: 5)
    let gradients = spec.gradients.map { gradientName($0, language) }.joined(separator: ", ")
    let updates =
      spec.updates != [.standard]
      ? "; " + spec.updates.map { language(.updateRule(rule: $0)) }.joined(separator: ", ") : ""
    return Report.FigureEntry(
      name: "paths", caption: language(.captionPaths(f: spec.text)),
      figure: Figure(
        // One line under the experiment's title; the panel has none.
        title: language(
          .descentPaths(
            f: style.formula, steps: spec.steps, start: startText, gradients: gradients))
          + updates,
        panels: [
          Panel(
            xAxis: Axis(subscripted(vars[0]), range: (cx - half)...(cx + half)),
            yAxis: Axis(subscripted(vars[1]), range: (cy - half)...(cy + half)),
            series: series + [start], legend: .outsideRight,
            content: .contour(grid, levels: .count(14)), equalAspect: true, notes: style.notes)
        ],
        width: 1400, height: 1000)
    )
  }

  /// The start marker's palette colour: black, which stands out on the pale contour map
  /// (yellow, the palette's last, was 1.1:1 against it).
  static let startColor = 6

  /// Whether the runs of the first gradient, in order of learning rate, go from too slow
  /// through converged to diverged: only then does the loss figure say "too low, just right,
  /// too high".
  static func showsAllThree(_ runs: [DescentOutcome.Run], spec: DescentSpec) -> Bool {
    let statuses = runs.filter { $0.gradient == spec.gradients[0] }
      .sorted { $0.run.learningRate < $1.run.learningRate }.map(\.run.status)
    guard let slow = statuses.lastIndex(of: .tooSlow),
      let converged = statuses.firstIndex(of: .converged),
      let lastConverged = statuses.lastIndex(of: .converged),
      let diverged = statuses.firstIndex(of: .diverged)
    else { return false }
    return slow < converged && lastConverged < diverged
  }

  /// The gradient's name in figure text: analytic, or the difference scheme's name.
  static func gradientName(_ source: GradientSource, _ language: Language) -> String {
    language(.gradient(source))
  }
}
