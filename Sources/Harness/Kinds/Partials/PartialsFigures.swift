import Calculus
import Foundation
import Plotting

/// Figures of `kind: partials`: error against h per partial, the lecture's geometric picture
/// of a partial derivative, and the Hessian's convergence.
enum PartialsFigures {
  static func make(
    spec: PartialsSpec, outcome: PartialsOutcome, heading: FigureHeading, language: Language
  ) -> [Report.FigureEntry] {
    // The function once: in the second line, unless the experiment's title states it.
    let f = spec.program == nil ? heading.formula(spec.text) : figureText(spec)
    var figures: [Report.FigureEntry] = []
    for (p, point) in spec.points.enumerated() {
      figures.append(
        partialsFigure(spec, outcome: outcome, index: p, f: f, language: language))
      if spec.variables.count == 2, spec.program == nil {
        figures.append(slice(spec, point: point, index: p, language: language))
      }
    }
    if !outcome.hessian.isEmpty {
      let panels = SweepFigures.sharingAxes(
        spec.points.indices.map {
          hessianPanel(
            spec, outcome.hessian.filter { [p = $0] in $0.pointNumber == p + 1 },
            at: pointText(spec.variables, spec.points[$0]), language: language)
        })
      figures.append(
        Report.FigureEntry(
          name: "hessian", caption: language(.captionHessian),
          figure: Figure(
            title: language(.hessianTitle(f: f)), panels: panels,
            columns: min(panels.count, 2))
        ))
    }
    return figures
  }

  /// f as figure text: the expression, or `f(x, y)` for a program (its command is in the
  /// caption; a file name's underscores would read as subscripts).
  static func figureText(_ spec: PartialsSpec) -> String {
    spec.program == nil ? mathText(spec.text) : "f(\(spec.variables.joined(separator: ", ")))"
  }

  /// Error against h of every partial at point `p` (the primary precision).
  /// Error against h of every partial at point `p` (the primary precision); each panel names
  /// its partial in the y label (a panel title would be a third heading line).
  static func partialsFigure(
    _ spec: PartialsSpec, outcome: PartialsOutcome, index p: Int, f: String?,
    language: Language
  ) -> Report.FigureEntry {
    let vars = spec.variables
    let primary = spec.precisions.contains(.double) ? Precision.double : spec.precisions[0]
    let at = pointText(vars, spec.points[p])
    // Side by side on one x and one y range: the partials compare at a glance.
    let panels = SweepFigures.sharingAxes(
      vars.map { v in
        let here = outcome.results.filter {
          $0.pointNumber == p + 1 && $0.variable == v && $0.outcome.precision == primary
        }.map(\.outcome)
        var panel = SweepFigures.errorPanel(here, title: "", language: language)
        panel.yAxis.label = "∂f/∂\(subscripted(v)): " + language(.absError)
        return panel
      })
    return Report.FigureEntry(
      name: "point\(p + 1)-partials",
      caption: language(.captionPartials(f: spec.text, at: at)),
      figure: Figure(
        title: language(.partialsTitle(f: f, at: at)), panels: panels,
        columns: min(panels.count, 2),
        width: 1200, height: panels.count > 2 ? 1200 : 900))
  }

  /// The Hessian's entries at one point: error against h, with an O(h^2) guide.
  static func hessianPanel(
    _ spec: PartialsSpec, _ entries: [PartialsOutcome.HessianEntry], at: String,
    language: Language
  ) -> Panel {
    let vars = spec.variables
    let series = entries.enumerated().map { k, o -> Series in
      let entry = language(.hessianEntry(row: vars[o.i], column: vars[o.j]))
      let label =
        o.fit.fit.map { language(.slope(scheme: entry, order: $0.order)) }
        ?? (o.prediction.isExact ? language(.exactRoundOff(scheme: entry)) : entry)
      let steps = o.samples.map(\.step)
      return Series(
        label, x: steps, y: o.samples.map { $0.error.isNaN ? .nan : $0.error }, color: k,
        marker: k, xRange: steps.min().flatMap { lo in steps.max().map { lo...$0 } })
    }
    let anchor = entries.compactMap { o -> (Double, Double)? in
      guard let f = o.fit.fit else { return nil }
      return (f.range.upperBound, f.constant * pow(f.range.upperBound, f.order))
    }.max { $0.1 < $1.1 }
    // The point names the panel in its y label; the figure's line above says what is drawn.
    return Panel(
      xAxis: Axis(language(.stepH), scale: .log10),
      yAxis: Axis(language(.hessianAt(at: at)), scale: .log10),
      series: series,
      referenceLines: anchor.map {
        [ReferenceLine("O(h^{2})", slope: 2, through: ($0.0, $0.1 * 5))]
      } ?? [],
      legend: .best)
  }

  /// The numbers of the lecture's picture: f along the slice through the point, the tangent
  /// line there, and the surface around it.
  struct SliceGeometry {
    /// The index of the slice's variable, and of the one held fixed.
    var s: Int, o: Int
    var a: Double, b: Double, fa: Double, slope: Double
    var grid: Grid2D
    var ts: [Double], curveZ: [Double]
    var tangentT: [Double], tangentZ: [Double]

    init(_ spec: PartialsSpec, point: [Double]) {
      let vars = spec.variables
      s = vars.firstIndex(of: spec.sliceVariable)!
      o = 1 - s
      let f: @Sendable ([Double]) -> Double = spec.f.compiled(variables: vars)
      slope = spec.f.derivative(withRespectTo: vars[s]).evaluate(
        Dictionary(uniqueKeysWithValues: zip(vars, point)))
      (a, b) = (point[s], point[o])
      let radius = max(2.0, 0.75 * max(abs(a), abs(b)))
      let (s, o) = (s, o)
      func value(_ t: Double, _ u: Double) -> Double {
        var q = point
        q[s] = t
        q[o] = u
        return f(q)
      }
      let sRange = (a - radius)...(a + radius)
      let oRange = (b - radius)...(b + radius)
      if s == 0 {
        grid = Grid2D(x: sRange, y: oRange, nx: 31, ny: 31) { value($0, $1) }
      } else {
        grid = Grid2D(x: oRange, y: sRange, nx: 31, ny: 31) { value($1, $0) }
      }
      ts = (0...80).map {
        sRange.lowerBound + (sRange.upperBound - sRange.lowerBound) * Double($0) / 80
      }
      let b = b
      curveZ = ts.map { value($0, b) }
      fa = value(a, b)
      let (a, fa, slope) = (a, fa, slope)
      tangentT = (0...20).map { a - radius / 2 + radius * Double($0) / 20 }
      tangentZ = tangentT.map { fa + slope * ($0 - a) }
    }
  }

  /// The lecture's picture: the surface, its intersection with the plane through the point,
  /// and the tangent line whose slope is the partial derivative; in 3-D and as a 2-D slice.
  static func slice(_ spec: PartialsSpec, point: [Double], index p: Int, language: Language)
    -> Report.FigureEntry
  {
    let vars = spec.variables
    let g = SliceGeometry(spec, point: point)
    let sName = subscripted(vars[g.s])
    let plane = "\(subscripted(vars[g.o])) = \(short(g.b))"
    let constant = [Double](repeating: g.b, count: g.ts.count)
    let constantT = [Double](repeating: g.b, count: g.tangentT.count)
    let tangentLabel = language(.tangentSlope(variable: sName, slope: short(g.slope)))
    let curve = Curve3D(
      language(.intersection(plane: plane)), x: g.s == 0 ? g.ts : constant,
      y: g.s == 0 ? constant : g.ts, z: g.curveZ, color: 0)
    let tangent = Curve3D(
      tangentLabel, x: g.s == 0 ? g.tangentT : constantT,
      y: g.s == 0 ? constantT : g.tangentT, z: g.tangentZ, dash: .dashed, color: 1)
    let pointXY = g.s == 0 ? (g.a, g.b) : (g.b, g.a)
    let marked = Curve3D(
      "(\(short(pointXY.0)), \(short(pointXY.1)), \(short(g.fa)))", x: [pointXY.0],
      y: [pointXY.1], z: [g.fa], color: 2, style: .markers, marker: 0)
    // The plane drawn translucent, the surface between it and the viewer faint: the curve and
    // the tangent line in the plane are in front of everything else. The viewer looks at the
    // plane from the side where its variable runs left to right, as in the 2-D slice.
    let cut = g.s == 0 ? Plane3D("", y: g.b) : Plane3D("", x: g.b)
    // No panel titles: the figure's line says what the pair shows, the legends the rest.
    let surface = Panel(
      xAxis: Axis(subscripted(vars[0])), yAxis: Axis(subscripted(vars[1])), zAxis: Axis("z"),
      legend: .best,
      content: .surface3D(
        g.grid, curves: [curve, tangent, marked], plane: cut,
        azimuth: g.s == 0 ? 35 : -55, altitude: 30),
      equalAspect: true)
    let arguments = g.s == 0 ? "\(sName), \(short(g.b))" : "\(short(g.b)), \(sName)"
    let flat = Panel(
      xAxis: Axis(sName), yAxis: Axis("z = f(\(arguments))"),
      series: [
        Series(language(.onPlane(plane: plane)), x: g.ts, y: g.curveZ, style: .line, color: 0),
        Series(tangentLabel, x: g.tangentT, y: g.tangentZ, style: .line, dash: .dashed, color: 1),
        Series(
          "(\(short(g.a)), \(short(g.fa)))", x: [g.a], y: [g.fa], style: .markers, color: 2,
          marker: 0),
      ],
      legend: .best)
    return Report.FigureEntry(
      name: "point\(p + 1)-slice-\(vars[g.s])",
      caption: language(.captionSlice(variable: vars[g.s], at: pointText(vars, point))),
      figure: Figure(
        title: language(.sliceFigureTitle(variable: sName, at: pointText(vars, point))),
        panels: [surface, flat], columns: 2, width: 1600, height: 800)
    )
  }
}
