import Calculus
import Foundation
import Plotting

/// Figures of `kind: partials`: error against h per partial, the lecture's geometric picture
/// of a partial derivative, and the Hessian's convergence.
enum PartialsFigures {
  static func make(spec: PartialsSpec, outcome: PartialsOutcome, language: Language)
    -> [Report.FigureEntry]
  {
    var figures: [Report.FigureEntry] = []
    let hessians = outcome.hessian
    let vars = spec.variables
    let primary = spec.precisions.contains(.double) ? Precision.double : spec.precisions[0]
    let fText = mathText(spec.text)
    for (p, point) in spec.points.enumerated() {
      let at = pointText(vars, point)
      var panels: [Panel] = []
      for v in vars.indices {
        let here = outcome.results.filter {
          $0.pointNumber == p + 1 && $0.variable == vars[v] && $0.outcome.precision == primary
        }.map(\.outcome)
        panels.append(
          ConvergenceFigures.errorPanel(
            here, title: language(.partialAt(variable: subscripted(vars[v]), at: at)), language: language))
      }
      figures.append(
        Report.FigureEntry(
          name: "point\(p + 1)-partials",
          caption: language(.captionPartials(f: spec.text, at: at)),
          figure: Figure(
            title: language(.partialsTitle(f: fText)), panels: panels,
            columns: min(panels.count, 2),
            width: 1200, height: panels.count > 2 ? 1200 : 900)
        ))
      if vars.count == 2 {
        figures.append(slice(spec, point: point, index: p, language: language))
      }
    }
    if !hessians.isEmpty {
      let panels = spec.points.indices.map { p -> Panel in
        let series = hessians.filter { $0.pointNumber == p + 1 }.enumerated().map {
          k, o -> Series in
          let entry = language(.hessianEntry(row: vars[o.i], column: vars[o.j]))
          let label =
            o.fit.fit.map { language(.slope(scheme: entry, order: $0.order)) }
            ?? (o.prediction.isExact ? language(.exactRoundOff(scheme: entry)) : entry)
          let steps = o.samples.map(\.step)
          return Series(
            label, x: steps, y: o.samples.map { $0.error.isNaN ? .nan : $0.error }, color: k,
            marker: k, xRange: steps.min().flatMap { lo in steps.max().map { lo...$0 } })
        }
        let anchor = hessians.filter { $0.pointNumber == p + 1 }.compactMap {
          o -> (Double, Double)? in
          guard let f = o.fit.fit else { return nil }
          return (f.range.upperBound, f.constant * pow(f.range.upperBound, f.order))
        }.max { $0.1 < $1.1 }
        return Panel(
          title: language(.hessianAt(at: pointText(vars, spec.points[p]))),
          xAxis: Axis(language(.stepH), scale: .log10),
          yAxis: Axis(language(.absError), scale: .log10),
          series: series,
          referenceLines: anchor.map {
            [ReferenceLine("O(h^{2})", slope: 2, through: ($0.0, $0.1 * 5))]
          } ?? [],
          legend: .best)
      }
      figures.append(
        Report.FigureEntry(
          name: "hessian", caption: language(.captionHessian),
          figure: Figure(
            title: language(.hessianTitle(f: fText)), panels: panels, columns: min(panels.count, 2))
        ))
    }
    return figures
  }

  /// The lecture's picture: the surface, its intersection with the plane through the point,
  /// and the tangent line whose slope is the partial derivative; in 3-D and as a 2-D slice.
  static func slice(_ spec: PartialsSpec, point: [Double], index p: Int, language: Language)
    -> Report.FigureEntry
  {
    let vars = spec.variables
    let s = vars.firstIndex(of: spec.sliceVariable)!
    let o = 1 - s
    let f: @Sendable ([Double]) -> Double = spec.f.compiled(variables: vars)
    let slope: Double = spec.f.derivative(withRespectTo: vars[s]).evaluate(
      Dictionary(uniqueKeysWithValues: zip(vars, point)))
    let a = point[s]
    let b = point[o]
    let radius = max(2.0, 0.75 * max(abs(a), abs(b)))
    func value(_ t: Double, _ u: Double) -> Double {
      var q = point
      q[s] = t
      q[o] = u
      return f(q)
    }
    let sRange = (a - radius)...(a + radius)
    let oRange = (b - radius)...(b + radius)
    let grid: Grid2D
    if s == 0 {
      grid = Grid2D(x: sRange, y: oRange, nx: 31, ny: 31) { value($0, $1) }
    } else {
      grid = Grid2D(x: oRange, y: sRange, nx: 31, ny: 31) { value($1, $0) }
    }
    let ts = (0...80).map {
      sRange.lowerBound + (sRange.upperBound - sRange.lowerBound) * Double($0) / 80
    }
    let curveZ = ts.map { value($0, b) }
    let fa = value(a, b)
    let tangentT = (0...20).map { a - radius / 2 + radius * Double($0) / 20 }
    let tangentZ = tangentT.map { fa + slope * ($0 - a) }
    let constant = [Double](repeating: b, count: ts.count)
    let constantT = [Double](repeating: b, count: tangentT.count)
    let sName = subscripted(vars[s])
    let oName = subscripted(vars[o])
    let plane = "\(oName) = \(short(b))"
    let curve = Curve3D(
      language(.intersection(plane: plane)), x: s == 0 ? ts : constant,
      y: s == 0 ? constant : ts, z: curveZ, color: 0)
    let tangent = Curve3D(
      language(.tangentSlope(variable: sName, slope: short(slope))), x: s == 0 ? tangentT : constantT,
      y: s == 0 ? constantT : tangentT, z: tangentZ, dash: .dashed, color: 1)
    let surface = Panel(
      title: language(.surfaceAndPlane(f: mathText(spec.text), plane: plane)),
      xAxis: Axis(subscripted(vars[0])), yAxis: Axis(subscripted(vars[1])), zAxis: Axis("z"),
      legend: .best,
      content: .surface3D(grid, curves: [curve, tangent], azimuth: 35, altitude: 30),
      equalAspect: true)
    let flat = Panel(
      title: language(
        .sliceTitle(plane: plane, f: "f(\(s == 0 ? "\(sName), \(short(b))" : "\(short(b)), \(sName)"))")),
      xAxis: Axis(sName), yAxis: Axis("z"),
      series: [
        Series(language(.onPlane(plane: plane)), x: ts, y: curveZ, style: .line, color: 0),
        Series(
          language(.tangentSlope(variable: sName, slope: short(slope))), x: tangentT, y: tangentZ, style: .line,
          dash: .dashed, color: 1),
        Series(
          "(\(short(a)), \(short(fa)))", x: [a], y: [fa], style: .markers, color: 2, marker: 0),
      ],
      legend: .outsideRight, equalAspect: true)
    return Report.FigureEntry(
      name: "point\(p + 1)-slice-\(vars[s])",
      caption: language(.captionSlice(variable: vars[s], at: pointText(vars, point))),
      figure: Figure(
        title: language(.sliceFigureTitle(variable: sName, at: pointText(vars, point))),
        panels: [surface, flat], columns: 2, width: 1600, height: 800)
    )
  }
}

/// `x0` as `x_{0}` for figure text.
func subscripted(_ name: String) -> String {
  let digits = name.reversed().prefix { $0.isNumber }
  guard !digits.isEmpty, digits.count < name.count else { return name }
  return String(name.dropLast(digits.count)) + "_{" + String(digits.reversed()) + "}"
}
