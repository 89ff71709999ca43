import Calculus
import Foundation
import Plotting

/// Figures of `kind: descent`: the paths on a contour map and f against the step.
enum DescentFigures {
  static func make(
    spec: DescentSpec, runs: [DescentOutcome.Run], agreement: [DescentOutcome.PathAgreement] = [],
    heading: FigureHeading, language: Language
  ) -> [Report.FigureEntry] {
    let style = Style(spec: spec, language: language, formula: heading.formula(spec.text))
    var figures: [Report.FigureEntry] = []
    if spec.variables.count == 2 {
      figures.append(paths(spec, runs: runs, agreement: agreement, style: style))
    }
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
    /// and differ in dash (and, on the map, in marker). With one rule the dash is the
    /// gradient's: solid, dashed, dotted, dash-dot, as the note under the panel says.
    func variant(update: UpdateRule, gradient: GradientSource) -> Int {
      (spec.updates.firstIndex(of: update) ?? 0) * spec.gradients.count
        + (spec.gradients.firstIndex(of: gradient) ?? 0)
    }

    func dash(_ r: DescentOutcome.Run) -> Dash { dash(update: r.run.update, gradient: r.gradient) }

    func dash(update: UpdateRule, gradient: GradientSource) -> Dash {
      Self.dashes[variant(update: update, gradient: gradient) % Self.dashes.count]
    }

    static let dashes: [Dash] = [.solid, .dashed, .dotted, .dashDot]

    /// One marker per learning rate and update rule, the same on every panel and for every
    /// gradient: the dash tells the gradient, the marker (and colour) the rate, so that every
    /// path reads without colour.
    func marker(rate: Double, update: UpdateRule) -> Int {
      color(rate) + (spec.updates.firstIndex(of: update) ?? 0) * spec.learningRates.count
    }

    /// One legend entry per learning rate (and update rule); the other gradients' paths are
    /// told by their dash (a note under the panel says which).
    func label(_ r: DescentOutcome.Run, cycle: Int? = nil) -> String {
      guard r.gradient == spec.gradients[0] else { return "" }
      var status = language(.descentStatus(status: r.run.status))
      if let cycle { status = language(.cycle(status: status, period: cycle)) }
      if case .tooSlow(_, _, _, _, _, overshooting: true) = r.run.stop {
        status = language(.zigZag(status: status))
      }
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

    /// The note saying which dash is which gradient, when there are several; `hidden`, the
    /// gradients whose paths lie on the first gradient's at the figure's resolution, are said
    /// to (with `distances`, where their distance is drawn).
    func notes(hidden: [GradientSource] = [], distances: Bool = false) -> [String] {
      guard spec.gradients.count > 1 else { return [] }
      let styles: [DescentPhrase] = [.solidLine, .dashedLine, .dottedLine, .dashDotLine]
      let note = language(
        .gradientStyles(
          styles: spec.gradients.enumerated().map { k, g in
            "\(gradientName(g, language)) \(language(styles[min(k, 3)]))"
          }.joined(separator: ", ")))
      guard !hidden.isEmpty else { return [note] }
      let under = language(
        .pathsCoincide(
          gradients: hidden.map { gradientName($0, language) },
          reference: gradientName(spec.gradients[0], language), distances: distances))
      return [note + "; " + under]
    }
  }

  /// f against the step for every run, on a log scale.
  static func loss(_ spec: DescentSpec, runs: [DescentOutcome.Run], style: Style)
    -> Report.FigureEntry
  {
    let language = style.language
    let series = runs.flatMap { r -> [Series] in
      let steps = r.run.values.indices.map(Double.init)
      let line = Series(
        style.label(r), x: steps, y: r.run.values, style: .line, dash: style.dash(r),
        color: style.color(r.run.learningRate), xRange: 0...Double(spec.steps),
        name: style.name(r))
      // One gradient and one rule: each rate its own dash is enough (see
      // `PanelLayout.distinguished`); else the dash is the gradient's and markers tell the rate.
      guard spec.gradients.count > 1 || spec.updates.count > 1 else { return [line] }
      return marked(line, marker: style.marker(rate: r.run.learningRate, update: r.run.update))
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
            notes: style.notes())
        ]))
  }

  /// About this many markers on a curve of many steps (`marked`).
  static let markedSteps = 12

  /// A curve of many steps as its line, unlabelled (so its dash, the gradient's, is drawn as
  /// given), under about `markedSteps` of its points with `marker`, which carry the label: the
  /// legend, or a label at the line's end, names the marker, and a dozen markers tell the rate
  /// without colour where one per step would hide the line. The marked steps are staggered by
  /// marker so that the markers of curves on top of each other do not cover each other.
  static func marked(_ line: Series, marker: Int) -> [Series] {
    let n = line.x.count
    let every = max(1, n / markedSteps)
    var steps = Array(stride(from: (marker * every / 4) % every, to: n, by: every))
    if let last = steps.last, last != n - 1 { steps.append(n - 1) }
    var unlabelled = line
    unlabelled.label = ""
    var marks = line
    (marks.x, marks.y) = (steps.map { line.x[$0] }, steps.map { line.y[$0] })
    (marks.style, marks.marker) = (.markers, marker)
    return [unlabelled, marks]
  }

  /// The paths on the contour map (two variables), framed on the paths that stay bounded (a
  /// diverging path is drawn until it leaves the frame); with several gradients, beside it the
  /// distance of each other gradient's path from the first one's, step by step.
  static func paths(
    _ spec: DescentSpec, runs: [DescentOutcome.Run], agreement: [DescentOutcome.PathAgreement],
    style: Style
  ) -> Report.FigureEntry {
    let language = style.language
    let vars = spec.variables
    let distances = distancePanel(spec, runs: runs, agreement: agreement, style: style)
    // The map's shape: a slide's axes alone (1600x1000 less titles and labels), or about a
    // square beside the distance panel.
    let view = MapView(spec: spec, runs: runs, aspect: distances == nil ? 1.95 : 1.1)
    let f: @Sendable ([Double]) -> Double = spec.f.compiled(variables: vars)
    let grid = Grid2D(x: view.x, y: view.y, nx: 61, ny: 61) { f([$0, $1]) }
    let series = runs.flatMap { pathSeries($0, view: view, style: style) }
    let startText = "(\(short(spec.start[0])), \(short(spec.start[1])))"
    let start = Series(
      language(.start(point: startText)), x: [spec.start[0]],
      y: [spec.start[1]], style: .markers, color: Self.startColor, marker: 5)
    let gradients = spec.gradients.map { gradientName($0, language) }.joined(separator: ", ")
    let updates =
      spec.updates != [.standard]
      ? "; " + spec.updates.map { language(.updateRule(rule: $0)) }.joined(separator: ", ") : ""
    // One line under the experiment's title; the panels have none.
    let map = Panel(
      xAxis: Axis(subscripted(vars[0]), range: view.x),
      yAxis: Axis(subscripted(vars[1]), range: view.y),
      series: series + [start], legend: .best,
      // A program's f has no expression to map: its paths are drawn on plain axes.
      content: spec.program.f == nil ? .contour(grid, levels: .count(14)) : .xy,
      equalAspect: true,
      notes: style.notes(
        hidden: hiddenGradients(spec, runs: runs, agreement: agreement, view: view),
        distances: distances != nil))
    return Report.FigureEntry(
      name: "paths", caption: language(.captionPaths(f: spec.text)),
      figure: Figure(
        title: language(
          .descentPaths(
            f: style.formula, steps: spec.steps, start: startText, gradients: gradients))
          + updates,
        panels: [map] + (distances.map { [$0] } ?? []), columns: distances == nil ? 1 : 2,
        width: distances == nil ? 1600 : 1800, height: 1000))
  }

  /// One run's path on the map (and, for a path that settles into a cycle, its iterates on the
  /// way in, as markers). Such a path is drawn as a line up to where it comes within a tenth of
  /// the frame of its cycle, then once around the cycle through the points it visits in turn;
  /// the iterates after that, until the path is on the cycle within half a percent of the
  /// frame, are drawn as markers only: a cycle is a few segments, not two hundred strokes over
  /// each other.
  static func pathSeries(_ r: DescentOutcome.Run, view: MapView, style: Style) -> [Series] {
    let spec = style.spec
    var points = r.run.iterates
    // A diverging path is drawn until it leaves the map: to its first point outside, where
    // the line meets the frame (the points after it lie ever farther out, up to 1e8 times the
    // frame, where drawing them went astray across the figure).
    if r.run.status == .diverged,
      let out = points.firstIndex(where: { !view.x.contains($0[0]) || !view.y.contains($0[1]) })
    {
      points = Array(points[...out])
    }
    var cycle: Int?
    var approach: [[Double]] = []
    if r.run.status == .oscillating,
      let found = GradientDescent.cycle(iterates: points, tolerance: view.resolution)
    {
      let (n, p) = (points.count - 1, found.period)
      let near = GradientDescent.settled(
        iterates: points, period: p, tolerance: Self.cycleReach * view.resolution)
      cycle = p
      approach = Array(points[(near + 1)..<max(near + 1, found.settled)])
      // Step j's point on the cycle (j may run past the last step: the cycle goes on).
      let all = points
      let onCycle = { (j: Int) in all[n - ((n - j) % p + p) % p] }
      points = Array(points[...near]) + ((near + 1)...(near + p + 1)).map(onCycle)
    }
    let color = style.color(r.run.learningRate)
    let marker = style.marker(rate: r.run.learningRate, update: r.run.update)
    let path = Series(
      style.label(r, cycle: cycle), x: points.map { $0[0] }, y: points.map { $0[1] },
      style: r.gradient == spec.gradients[0] ? .lineAndMarkers : .line, dash: style.dash(r),
      color: color, marker: marker, name: style.name(r))
    guard !approach.isEmpty, r.gradient == spec.gradients[0] else { return [path] }
    return [
      path,
      Series(
        "", x: approach.map { $0[0] }, y: approach.map { $0[1] }, style: .markers, color: color,
        marker: marker, name: style.name(r)),
    ]
  }

  /// The gradients (after the first) whose every path lies on the first gradient's path of
  /// the same rate and rule within half a map resolution (about a line's width), at every
  /// step the first gradient's path is inside the map: drawn on top of it, they cannot be
  /// seen apart, and the map's note says so.
  static func hiddenGradients(
    _ spec: DescentSpec, runs: [DescentOutcome.Run], agreement: [DescentOutcome.PathAgreement],
    view: MapView
  ) -> [GradientSource] {
    spec.gradients.dropFirst().filter { g in
      let mine = agreement.filter { $0.gradient == g }
      return !mine.isEmpty
        && mine.allSatisfy { a in
          guard
            let reference = runs.first(where: {
              $0.gradient == a.reference && $0.run.learningRate == a.learningRate
                && $0.run.update == a.update
            })
          else { return false }
          let path = reference.run.iterates
          return a.distances.indices.allSatisfy { k in
            guard k < path.count, view.x.contains(path[k][0]), view.y.contains(path[k][1])
            else { return true }
            return a.distances[k] <= view.resolution / 2
          }
        }
    }
  }

  /// How far from its cycle, in `MapView.resolution`s, a path's line gives way to the cycle.
  static let cycleReach = 20.0

  /// The distance of each other gradient's path from the first gradient's, step by step from
  /// step 1 (step 0 is the common start), for the runs that do not diverge; `nil` for one
  /// gradient.
  static func distancePanel(
    _ spec: DescentSpec, runs: [DescentOutcome.Run], agreement: [DescentOutcome.PathAgreement],
    style: Style
  ) -> Panel? {
    let language = style.language
    let shown = agreement.filter { a in
      a.distances.count > 1
        && !runs.contains {
          $0.run.learningRate == a.learningRate && $0.run.update == a.update
            && $0.run.status == .diverged
        }
    }
    guard spec.gradients.count > 1, !shown.isEmpty else { return nil }
    // Colour by rate as on the map (whose legend names them), dash by gradient as the map's
    // note says; each curve labelled by its markers, so each reads without colour.
    let series = shown.map { a in
      let rate = "η = \(short(a.learningRate))"
      let rule =
        spec.updates.count > 1 ? ", \(language(.updateRule(rule: a.update)))" : ""
      let line = Series(
        "\(gradientName(a.gradient, language)), \(rate)\(rule)",
        x: (1..<a.distances.count).map(Double.init), y: Array(a.distances.dropFirst()),
        style: .line, dash: style.dash(update: a.update, gradient: a.gradient),
        color: style.color(a.learningRate), xRange: 0...Double(spec.steps))
      // Markers by rate and gradient: the labelled markers of two gradients at one rate
      // differ in shape, not only in the dash of the lines under them.
      let gradient = max(0, (spec.gradients.firstIndex(of: a.gradient) ?? 1) - 1)
      let others = spec.learningRates.count * spec.updates.count
      return marked(
        line, marker: style.marker(rate: a.learningRate, update: a.update) + gradient * others)
    }.flatMap { $0 }
    let reference = gradientName(spec.gradients[0], language)
    return Panel(
      xAxis: Axis(language(.stepK), isInteger: true),
      yAxis: Axis(language(.distancePanel(reference: reference)), scale: .log10), series: series,
      legend: .best)
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
    CommonPhrase.gradient(source).text(language)
  }

  /// The region of the map: the box of the start and the bounded paths, a little wider, then
  /// widened on its shorter side to `aspect` (width to height) so that it fills a canvas of
  /// that shape instead of leaving it blank.
  struct MapView {
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>
    /// Half a percent of the frame's larger side: within this a path is on its cycle.
    var resolution: Double

    init(spec: DescentSpec, runs: [DescentOutcome.Run], aspect: Double) {
      let bounded =
        runs.filter { $0.run.status != .diverged }.flatMap(\.run.iterates) + [spec.start]
      let xs = bounded.map { $0[0] }
      let ys = bounded.map { $0[1] }
      let (x0, x1, y0, y1) = (xs.min() ?? 0, xs.max() ?? 0, ys.min() ?? 0, ys.max() ?? 0)
      var (w, h) = (max(x1 - x0, 1e-9) * 1.2, max(y1 - y0, 1e-9) * 1.2)
      // A path along one line would give a sliver: at least a tenth of the other side.
      (w, h) = (max(w, h / 10, 1e-3), max(h, w / 10, 1e-3))
      if w / h < aspect { w = h * aspect } else { h = w / aspect }
      let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2)
      x = (cx - w / 2)...(cx + w / 2)
      y = (cy - h / 2)...(cy + h / 2)
      resolution = 0.005 * max(w, h)
    }
  }
}
