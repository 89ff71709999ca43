import Calculus
import Foundation
import Plotting

/// Figures of `kind: partials`: error against h per partial, the lecture's geometric picture
/// of a partial derivative, and the Hessian's convergence.
enum PartialsFigures {
  static func make(spec: PartialsSpec, outcome: PartialsOutcome) -> [Report.FigureEntry] {
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
            here, title: "∂f/∂\(subscripted(vars[v])) at \(at)"))
      }
      figures.append(
        Report.FigureEntry(
          name: "point\(p + 1)-partials",
          caption: "every partial of \(spec.text) at \(at): error against h",
          figure: Figure(
            title: "f = \(fText): error of each partial derivative against h", panels: panels,
            columns: min(panels.count, 2),
            width: 1200, height: panels.count > 2 ? 1200 : 900)
        ))
      if vars.count == 2 {
        figures.append(slice(spec, point: point, index: p))
      }
    }
    if !hessians.isEmpty {
      let panels = spec.points.indices.map { p -> Panel in
        let series = hessians.filter { $0.pointNumber == p + 1 }.enumerated().map {
          k, o -> Series in
          let pts = o.samples.filter { $0.error.isFinite && $0.error > 0 }
          let slope =
            o.fit.fit.map { String(format: ": slope %.2f", $0.order) }
            ?? (o.prediction.isExact ? ": exact" : "")
          return Series(
            "f_{\(vars[o.i])\(vars[o.j])}\(slope)", x: pts.map(\.step), y: pts.map(\.error),
            color: k, marker: k)
        }
        let anchor = hessians.filter { $0.pointNumber == p + 1 }.compactMap {
          o -> (Double, Double)? in
          guard let f = o.fit.fit else { return nil }
          return (f.range.upperBound, f.constant * pow(f.range.upperBound, f.order))
        }.max { $0.1 < $1.1 }
        return Panel(
          title: "Hessian at \(pointText(vars, spec.points[p])): central second differences",
          xAxis: Axis("step h", scale: .log10), yAxis: Axis("|error|", scale: .log10),
          series: series,
          referenceLines: anchor.map {
            [ReferenceLine("O(h^{2})", slope: 2, through: ($0.0, $0.1 * 5))]
          } ?? [],
          legend: .best)
      }
      figures.append(
        Report.FigureEntry(
          name: "hessian", caption: "the Hessian's second differences: error against h",
          figure: Figure(
            title: "f = \(fText): Hessian entries", panels: panels, columns: min(panels.count, 2))
        ))
    }
    return figures
  }

  /// The lecture's picture: the surface, its intersection with the plane through the point,
  /// and the tangent line whose slope is the partial derivative; in 3-D and as a 2-D slice.
  static func slice(_ spec: PartialsSpec, point: [Double], index p: Int) -> Report.FigureEntry {
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
    let curve = Curve3D(
      "intersection with the plane \(oName) = \(short(b))", x: s == 0 ? ts : constant,
      y: s == 0 ? constant : ts, z: curveZ, color: 0)
    let tangent = Curve3D(
      "tangent line, slope ∂f/∂\(sName) = \(short(slope))", x: s == 0 ? tangentT : constantT,
      y: s == 0 ? constantT : tangentT, z: tangentZ, dash: .dashed, color: 1)
    let surface = Panel(
      title: "z = \(mathText(spec.text)) and the plane \(oName) = \(short(b))",
      xAxis: Axis(subscripted(vars[0])), yAxis: Axis(subscripted(vars[1])), zAxis: Axis("z"),
      legend: .lowerLeft,
      content: .surface3D(grid, curves: [curve, tangent], azimuth: 35, altitude: 30))
    let flat = Panel(
      title:
        "the slice \(oName) = \(short(b)): z = f(\(s == 0 ? "\(sName), \(short(b))" : "\(short(b)), \(sName)"))",
      xAxis: Axis(sName), yAxis: Axis("z"),
      series: [
        Series("f on the plane \(oName) = \(short(b))", x: ts, y: curveZ, style: .line, color: 0),
        Series(
          "tangent: slope ∂f/∂\(sName) = \(short(slope))", x: tangentT, y: tangentZ, style: .line,
          dash: .dashed, color: 1),
        Series(
          "(\(short(a)), \(short(fa)))", x: [a], y: [fa], style: .markers, color: 2, marker: 0),
      ],
      annotations: [
        Annotation(
          "  ∂f/∂\(sName)(\(short(point[0])), \(short(point[1]))) = \(short(slope))", x: a, y: fa,
          alignment: .left)
      ],
      legend: .upperLeft)
    return Report.FigureEntry(
      name: "point\(p + 1)-slice-\(vars[s])",
      caption:
        "the partial ∂f/∂\(vars[s]) at \(pointText(vars, point)) as the slope of the intersection curve",
      figure: Figure(
        title: "∂f/∂\(sName) at \(pointText(vars, point)): the slope of the surface along \(sName)",
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
