internal import CPLplot
import Foundation

/// Copies a grid's values into the row-pointer matrix PLplot reads (`a[i][j]` at `x[i]`,
/// `y[j]`), and its coordinates into a `PLcGrid` for `pltr1`.
private final class PLMatrix {
  let nx: Int
  let ny: Int
  let storage: UnsafeMutablePointer<PLFLT>
  let rows: UnsafeMutablePointer<UnsafePointer<PLFLT>?>
  let xs: UnsafeMutablePointer<PLFLT>
  let ys: UnsafeMutablePointer<PLFLT>

  init(_ grid: Grid2D) {
    nx = grid.x.count
    ny = grid.y.count
    storage = .allocate(capacity: nx * ny)
    rows = .allocate(capacity: nx)
    xs = .allocate(capacity: nx)
    ys = .allocate(capacity: ny)
    for i in 0..<nx {
      for j in 0..<ny { storage[i * ny + j] = grid.z[i][j] }
      rows[i] = UnsafePointer(storage + i * ny)
      xs[i] = grid.x[i]
    }
    for j in 0..<ny { ys[j] = grid.y[j] }
  }

  /// Runs `body` with PLplot's view of the matrix and a `PLcGrid` describing its coordinates.
  func with(_ body: (PLFLT_MATRIX, UnsafeMutableRawPointer) -> Void) {
    var cgrid = PLcGrid(xg: xs, yg: ys, zg: nil, nx: PLINT(nx), ny: PLINT(ny), nz: 0)
    withUnsafeMutablePointer(to: &cgrid) { body(UnsafePointer(rows), UnsafeMutableRawPointer($0)) }
  }

  deinit {
    storage.deallocate()
    rows.deallocate()
    xs.deallocate()
    ys.deallocate()
  }
}

/// Colour ramps for PLplot's continuous colour map.
private enum Ramp {
  /// A light blue-grey ramp for filled contours: series drawn on top stay readable.
  static let contour: [HouseStyle.RGB] = [0xFFFFFF, 0xE3EDF5, 0xBCD2E6, 0x8DB2D4].map(
    HouseStyle.RGB.init)
  /// Viridis, for surfaces.
  static let viridis: [HouseStyle.RGB] = [0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725]
    .map(HouseStyle.RGB.init)

  static func install(_ colors: [HouseStyle.RGB]) {
    let n = colors.count
    let positions = (0..<n).map { Double($0) / Double(n - 1) }
    c_plscmap1n(256)
    c_plscmap1l(
      1, PLINT(n), positions, colors.map { Double($0.r) / 255 }, colors.map { Double($0.g) / 255 },
      colors.map { Double($0.b) / 255 }, nil)
  }
}

/// Filled contours with thin contour lines, in the current viewport.
struct ContourPainter {
  let painter: Painter

  /// PLplot's contour labels: the gap from the line, the size (of the default character
  /// height) and the spacing between labels along one line (in PLplot's units, mm).
  static let labelOffset = 0.006
  static let labelSize = 0.75
  static let labelSpacing = 0.6

  func draw(_ grid: Grid2D, levels: [Double]) {
    let finite = grid.z.joined().filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max(), !levels.isEmpty else { return }
    let inner = levels.filter { $0 > lo && $0 < hi }
    let edges = [min(lo, levels[0])] + inner + [hi]
    let matrix = PLMatrix(grid)
    Ramp.install(Ramp.contour)
    matrix.with { a, cgrid in
      c_plshades(
        a, PLINT(matrix.nx), PLINT(matrix.ny), nil, grid.x.first!, grid.x.last!, grid.y.first!,
        grid.y.last!, edges, PLINT(edges.count), 1, 0, 0, c_plfill, 0, pltr1, cgrid)
      painter.color(HouseStyle.reference, alpha: 0.55)
      painter.width(0.8)
      painter.dash(.solid)
      // Each line labelled with its level, two significant digits, along the line.
      c_pl_setcontlabelformat(3, 2)
      c_pl_setcontlabelparam(
        Self.labelOffset, Self.labelSize, Self.labelSpacing * painter.textScale, 1)
      c_plcont(
        a, PLINT(matrix.nx), PLINT(matrix.ny), 1, PLINT(matrix.nx), 1, PLINT(matrix.ny), levels,
        PLINT(levels.count), pltr1, cgrid)
      c_pl_setcontlabelparam(Self.labelOffset, Self.labelSize, Self.labelSpacing, 0)
    }
  }
}

/// A surface z = f(x, y) in three dimensions with curves drawn over it.
struct SurfacePainter {
  let plan: PanelPlan
  let painter: Painter
  let cell: Rect

  func draw() {
    guard case .surface3D(let grid, let curves, let azimuth, let altitude) = plan.panel.content
    else { return }
    let s = painter.scale
    let t = painter.textScale
    let panel = plan.panel
    let top = panel.title.isEmpty ? 8 * s : HouseStyle.titleEm * 1.9 * t
    // The legend gets a band of its own under the box: it never covers an axis.
    let legend = LegendBox(entries: plan.legendEntries, painter: painter)
    let band = legend.entries.isEmpty || panel.legend == .none ? 0 : legend.height + 8 * s
    let area = PanelPainter.atLeast(
      cell.inset(left: 10 * s, top: top, right: 10 * s, bottom: 10 * s + band), in: cell)
    let zs = grid.z.joined() + curves.flatMap(\.z).filter(\.isFinite)
    var (zlo, zhi) = (zs.min()!, zs.max()!)
    if zhi - zlo < 1e-12 {
      zlo -= 0.5
      zhi += 0.5
    }
    let (xlo, xhi) = (grid.x.min()!, grid.x.max()!)
    let (ylo, yhi) = (grid.y.min()!, grid.y.max()!)

    painter.viewport(area, x: (-1.0, 1.0), y: (-0.42, 1.38))
    let base = Self.base(x: xhi - xlo, y: yhi - ylo, equal: panel.equalAspect)
    c_plw3d(base.x, base.y, 1.15, xlo, xhi, ylo, yhi, zlo, zhi, altitude, azimuth)
    painter.color(HouseStyle.axes)
    painter.width(HouseStyle.axisWidth)
    painter.dash(.solid)
    painter.textSize(em: HouseStyle.tickEm * 1.2)
    // Short ticks, so that the labels PLplot sets at a fixed distance clear them; the z label
    // on the left axis only ("u", not "v", which would write it again on the right).
    c_plsmaj(3 * t * 25.4 / 72, 1)
    c_plsmin(1.5 * t * 25.4 / 72, 1)
    c_plbox3(
      "bnstu", Markup.plplot(panel.xAxis.label), 0, 0, "bnstu", Markup.plplot(panel.yAxis.label), 0,
      0, "bdnstu", Markup.plplot(panel.zAxis.label), 0, 4)
    // The whole box, so that the surface is seen to lie inside it: every edge under the
    // surface, the top edges (above every value of the surface) over it again afterwards.
    let box = (x: (xlo, xhi), y: (ylo, yhi), z: (zlo, zhi))
    drawBoxEdges(box, top: false)
    Ramp.install(Ramp.viridis)
    let matrix = PLMatrix(grid)
    matrix.with { a, _ in
      c_plsurf3d(
        matrix.xs, matrix.ys, a, PLINT(matrix.nx), PLINT(matrix.ny), PLINT(MAG_COLOR | FACETED),
        nil, 0)
    }
    for (i, curve) in curves.enumerated() {
      let n = min(curve.x.count, curve.y.count, curve.z.count)
      guard n >= 2 else { continue }
      painter.color(HouseStyle.color(curve.color ?? i))
      painter.width(3.2)
      painter.dash(curve.dash)
      c_plline3(
        PLINT(n), Array(curve.x.prefix(n)), Array(curve.y.prefix(n)), Array(curve.z.prefix(n)))
    }
    painter.dash(.solid)
    drawBoxEdges(box, top: true)
    drawTitleAndLegend(legend, under: area, band: band)
  }

  /// The edges of the 3-D box in a light grey: all twelve, or the four of its top face.
  private func drawBoxEdges(
    _ box: (x: (Double, Double), y: (Double, Double), z: (Double, Double)), top: Bool
  ) {
    painter.color(HouseStyle.reference, alpha: 0.6)
    painter.width(HouseStyle.gridWidth)
    painter.dash(.solid)
    let xs = [box.x.0, box.x.1]
    let ys = [box.y.0, box.y.1]
    let zs = top ? [box.z.1] : [box.z.0, box.z.1]
    for z in zs {
      c_plline3(
        5, xs + xs.reversed() + [xs[0]], [ys[0], ys[0], ys[1], ys[1], ys[0]], [z, z, z, z, z])
    }
    guard !top else { return }
    for x in xs {
      for y in ys { c_plline3(2, [x, x], [y, y], [box.z.0, box.z.1]) }
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
