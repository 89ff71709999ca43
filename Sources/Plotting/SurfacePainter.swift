internal import CPLplot
import Foundation

/// A surface z = f(x, y) in three dimensions with curves, points and a plane on it, drawn in
/// depth order (``SurfaceScene``) with PLplot's 3-D calls: `plw3d` sets up the box, `plbox3`
/// draws its axes, `plfill3` the cells and sheets, `plline3` the lines.
struct SurfacePainter {
  let plan: PanelPlan
  let painter: Painter
  let cell: Rect

  /// The height of PLplot's box, in the units of its base (whose longer side is 1).
  static let boxHeight = 0.8
  /// Room around the projected box for the tick labels and axis labels, as shares of its
  /// projected width (each side) and height (below, above).
  static let margins = (side: 0.13, below: 0.2, above: 0.03)
  /// Strokes: the curves, the cells' mesh, a plane's outline, the box's back edges.
  static let curveWidth = 3.2
  static let meshWidth = 0.5
  static let rimWidth = 1.3
  /// Opacities: the mesh, a cell between a cutting plane and the viewer, a plane's sheet.
  static let meshAlpha = 0.45
  static let faintAlpha = 0.16
  static let sheetAlpha = 0.14

  func draw() {
    guard
      case .surface3D(let grid, let curves, let plane, let azimuth, let altitude) =
        plan.panel.content
    else { return }
    let (s, t, panel) = (painter.scale, painter.textScale, plan.panel)
    let top = panel.title.isEmpty ? 8 * s : HouseStyle.titleEm * 1.9 * t
    // The legend gets a band of its own under the box: it never covers an axis.
    let legend = LegendBox(entries: plan.legendEntries, painter: painter)
      .fitted(toWidth: cell.width - 20 * s)
    let band = legend.entries.isEmpty || panel.legend == .none ? 0 : legend.height + 8 * s
    let area = PanelPainter.atLeast(
      cell.inset(left: 10 * s, top: top, right: 10 * s, bottom: 10 * s + band), in: cell)
    let box = Self.box(grid, curves)
    let base = Self.base(
      x: box.x.upperBound - box.x.lowerBound, y: box.y.upperBound - box.y.lowerBound,
      equal: panel.equalAspect)
    let view = View3D(
      base: base, height: Self.boxHeight, x: box.x, y: box.y, z: box.z, altitude: altitude,
      azimuth: azimuth)
    let window = Self.window(view, box: box, area: area)
    painter.viewport(area, x: window.x, y: window.y)
    c_plw3d(
      base.x, base.y, Self.boxHeight, box.x.lowerBound, box.x.upperBound, box.y.lowerBound,
      box.y.upperBound, box.z.lowerBound, box.z.upperBound, altitude, azimuth)
    let axes = Self.boxAxes(
      view, box: box, labels: (panel.xAxis.label, panel.yAxis.label, panel.zAxis.label))
    drawAxes(axes)
    let scene = SurfaceScene(grid: grid, curves: curves, plane: plane, z: box.z, view: view)
    let scenePainter = ScenePainter(
      painter: painter, view: view, curves: curves, plane: plane, area: area, window: window)
    scenePainter.draw(scene.pieces)
    let middle = Point3(
      x: (box.x.lowerBound + box.x.upperBound) / 2, y: (box.y.lowerBound + box.y.upperBound) / 2,
      z: (box.z.lowerBound + box.z.upperBound) / 2)
    drawAxisText(axes, pixel: scenePainter.pixel, centre: scenePainter.pixel(middle))
    drawTitleAndLegend(legend, under: area, band: band)
  }

  /// The axes of the box's front and its left side with their ticks, at the steps of `axes`
  /// (no grid lines behind the box: they would cross the z numbers); their text is
  /// `drawAxisText`'s.
  private func drawAxes(_ axes: [BoxAxis]) {
    let t = painter.textScale
    painter.color(HouseStyle.axes)
    painter.width(HouseStyle.axisWidth)
    painter.dash(.solid)
    c_plsmaj(3 * t * 25.4 / 72, 1)
    c_plsmin(1.5 * t * 25.4 / 72, 1)
    c_plbox3(
      "bst", "", axes[0].scale.step, 0, "bst", "", axes[1].scale.step, 0, "bst", "",
      axes[2].scale.step, 4)
  }

  /// The box: the grid's x and y ranges, and z over the grid and the curves (widened by half a
  /// unit each way when flat).
  static func box(_ grid: Grid2D, _ curves: [Curve3D])
    -> (x: ClosedRange<Double>, y: ClosedRange<Double>, z: ClosedRange<Double>)
  {
    let zs = grid.z.joined() + curves.flatMap(\.z).filter(\.isFinite)
    var (zlo, zhi) = (zs.min() ?? 0, zs.max() ?? 1)
    if zhi - zlo < 1e-12 {
      zlo -= 0.5
      zhi += 0.5
    }
    return (grid.x.min()!...grid.x.max()!, grid.y.min()!...grid.y.max()!, zlo...zhi)
  }

  /// The window (2-D world coordinates of `area`) that holds the projected box with room for
  /// its labels, one unit as long across as up (the box is not stretched), centred.
  static func window(
    _ view: View3D, box: (x: ClosedRange<Double>, y: ClosedRange<Double>, z: ClosedRange<Double>),
    area: Rect
  ) -> (x: (Double, Double), y: (Double, Double)) {
    var corners: [WorldPoint] = []
    for x in [box.x.lowerBound, box.x.upperBound] {
      for y in [box.y.lowerBound, box.y.upperBound] {
        for z in [box.z.lowerBound, box.z.upperBound] {
          corners.append(view.project(Point3(x: x, y: y, z: z)))
        }
      }
    }
    let (x0, x1) = (corners.map(\.x).min()!, corners.map(\.x).max()!)
    let (y0, y1) = (corners.map(\.y).min()!, corners.map(\.y).max()!)
    let (w, h) = (x1 - x0, y1 - y0)
    var x = (x0 - margins.side * w, x1 + margins.side * w)
    var y = (y0 - margins.below * h, y1 + margins.above * h)
    // Widen the short direction so that a unit is as many pixels across as up.
    let ratio = area.width / max(area.height, 1)
    let (ww, wh) = (x.1 - x.0, y.1 - y.0)
    if ww / wh < ratio {
      let grow = (wh * ratio - ww) / 2
      x = (x.0 - grow, x.1 + grow)
    } else {
      let grow = (ww / ratio - wh) / 2
      y = (y.0 - grow, y.1 + grow)
    }
    return (x, y)
  }

  /// The legend's entries of a surface panel: a rule for a line, a marker for a point, a tint
  /// for a plane.
  static func legendEntries(curves: [Curve3D], plane: Plane3D?) -> [LegendEntry] {
    let probe = AxisScale(scale: .linear, lower: 0, upper: 1, step: 1)
    let lines = curves.enumerated().filter { !$1.label.isEmpty }.map { i, c in
      let sample: LegendEntry.Sample =
        c.style == .line
        ? .rule(HouseStyle.color(c.color ?? i), c.dash)
        : .series(
          ResolvedSeries(
            Series(
              c.label, x: [0], y: [0], style: c.style, dash: c.dash, color: c.color ?? i,
              marker: c.marker ?? 0), index: i, x: probe, y: probe))
      return LegendEntry(label: c.label, sample: sample)
    }
    return lines
      + [plane].compactMap { $0 }.filter { !$0.label.isEmpty }.map {
        LegendEntry(
          label: $0.label, sample: .box($0.color.map(HouseStyle.color) ?? HouseStyle.span))
      }
  }

  private func drawTitleAndLegend(_ legend: LegendBox, under area: Rect, band: Double) {
    let (s, t, panel) = (painter.scale, painter.textScale, plan.panel)
    if !panel.title.isEmpty {
      painter.color(HouseStyle.text)
      painter.pageText(
        panel.title, x: cell.x + cell.width / 2, y: cell.y + HouseStyle.titleEm * 1.1 * t,
        em: HouseStyle.titleEm, justify: 0.5, within: cell)
    }
    if band > 0 {
      let x0 =
        panel.legend == .lowerRight || panel.legend == .upperRight
          || panel.legend == .outsideRight
        ? area.maxX - legend.width : area.x + (area.width - legend.width) / 2
      legend.draw(in: Rect(x: x0, y: area.maxY + 4 * s, width: legend.width, height: legend.height))
    }
  }

  /// The sides of the box's base: the grid's x:y ratio when the axes share units (the longer
  /// side 1, the shorter at least 0.2), a square otherwise.
  static func base(x: Double, y: Double, equal: Bool) -> (x: Double, y: Double) {
    guard equal, x > 0, y > 0 else { return (1, 1) }
    return x >= y ? (1, max(0.2, y / x)) : (max(0.2, x / y), 1)
  }
}

/// Draws a ``SurfaceScene``'s pieces in the order given, with PLplot's 3-D calls.
private struct ScenePainter {
  let painter: Painter
  let view: View3D
  let curves: [Curve3D]
  let plane: Plane3D?
  let area: Rect
  let window: (x: (Double, Double), y: (Double, Double))

  func draw(_ pieces: [SurfaceScene.Piece]) {
    // Consecutive segments of one curve are drawn as one line, its dashes placed by the
    // length along the curve: the rhythm runs on whatever the order of drawing.
    var run: (curve: Int, from: Int, points: [Point3])?
    let along = curves.map(travelled)
    func flush() {
      if let (k, from, points) = run {
        var walk = DashWalk(
          pattern: HouseStyle.pattern(curves[k].dash).map {
            ($0.on * painter.textScale, $0.off * painter.textScale)
          })
        walk.phase = along[k][from]
        stroke(curve: k, points, walk: &walk)
      }
      run = nil
    }
    for piece in pieces {
      if case .segment(let a, let b, let k, let i) = piece {
        if let current = run, current.curve == k, current.from + current.points.count - 1 == i {
          run?.points.append(b)
        } else {
          flush()
          run = (k, i, [a, b])
        }
        continue
      }
      flush()
      switch piece {
      case .facet(let corners, let level, let faint): fill(corners, level: level, faint: faint)
      case .sheet(let corners):
        painter.color(planeColor, alpha: SurfacePainter.sheetAlpha)
        painter.width(0)
        fill3(corners)
      case .rim(let a, let b):
        painter.color(planeColor)
        painter.width(SurfacePainter.rimWidth)
        painter.dash(.solid)
        line3([a, b])
      case .edge(let a, let b):
        painter.color(HouseStyle.span)
        painter.width(HouseStyle.gridWidth)
        painter.dash(.solid)
        line3([a, b])
      case .marker(let p, let k): mark(p, curve: k)
      case .segment: break
      }
    }
    flush()
    painter.dash(.solid)
  }

  private var planeColor: HouseStyle.RGB {
    plane?.color.map(HouseStyle.color) ?? HouseStyle.reference
  }

  private func fill(_ corners: [Point3], level: Double, faint: Bool) {
    let rgb = Ramp.color(at: level, in: Ramp.viridis)
    painter.color(rgb, alpha: faint ? SurfacePainter.faintAlpha : 1)
    // PLplot's Cairo driver strokes a fill's outline too (a hairline at the least): on an
    // opaque cell it hides the seams between cells, on a faint one it leaves a ghost mesh.
    painter.width(faint ? 0 : SurfacePainter.meshWidth)
    fill3(corners)
    guard !faint else { return }
    painter.color(HouseStyle.background, alpha: SurfacePainter.meshAlpha)
    painter.width(SurfacePainter.meshWidth)
    painter.dash(.solid)
    line3(corners + [corners[0]])
  }

  private func stroke(curve k: Int, _ points: [Point3], walk: inout DashWalk) {
    painter.color(HouseStyle.color(curves[k].color ?? k))
    painter.width(SurfacePainter.curveWidth)
    painter.dash(.solid)
    let lengths = zip(points, points.dropFirst()).map { pixels(from: $0, to: $1) }
    for stretch in walk.cut(points, lengths: lengths) { line3(stretch) }
  }

  /// The length on the page from a curve's first point to each of its points, in pixels.
  private func travelled(_ curve: Curve3D) -> [Double] {
    let n = min(curve.x.count, curve.y.count, curve.z.count)
    let points = (0..<n).map { Point3(x: curve.x[$0], y: curve.y[$0], z: curve.z[$0]) }
    var sums = [0.0]
    for (a, b) in zip(points, points.dropFirst()) {
      let step = pixels(from: a, to: b)
      sums.append(sums.last! + (step.isFinite ? step : 0))
    }
    return sums
  }

  /// Where a point of the box lands on the page, in pixels.
  func pixel(_ p: Point3) -> PixelPoint {
    let w = view.project(p)
    return PixelPoint(
      x: area.x + (w.x - window.x.0) / (window.x.1 - window.x.0) * area.width,
      y: area.maxY - (w.y - window.y.0) / (window.y.1 - window.y.0) * area.height)
  }

  /// The length on the page, in pixels, of the segment from `a` to `b`.
  private func pixels(from a: Point3, to b: Point3) -> Double {
    let (p, q) = (pixel(a), pixel(b))
    return hypot(q.x - p.x, q.y - p.y)
  }

  /// A marker of the house's pixel size at the point's projection.
  private func mark(_ p: Point3, curve k: Int) {
    let xs = AxisScale(scale: .linear, lower: window.x.0, upper: window.x.1, step: 1)
    let ys = AxisScale(scale: .linear, lower: window.y.0, upper: window.y.1, step: 1)
    MarkerPainter(painter: painter, axes: area, x: xs, y: ys).draw(
      curves[k].marker ?? 0, at: [view.project(p)], color: HouseStyle.color(curves[k].color ?? k))
  }

  private func fill3(_ corners: [Point3]) {
    c_plfill3(PLINT(corners.count), corners.map(\.x), corners.map(\.y), corners.map(\.z))
  }

  private func line3(_ points: [Point3]) {
    guard points.count >= 2 else { return }
    c_plline3(PLINT(points.count), points.map(\.x), points.map(\.y), points.map(\.z))
  }
}
