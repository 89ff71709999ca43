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
enum Ramp {
  /// A light blue-grey ramp for filled contours: series drawn on top stay readable.
  static let contour: [HouseStyle.RGB] = [0xFFFFFF, 0xE3EDF5, 0xBCD2E6, 0x8DB2D4].map(
    HouseStyle.RGB.init)
  /// Viridis, for surfaces.
  static let viridis: [HouseStyle.RGB] = [0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725]
    .map(HouseStyle.RGB.init)

  /// The colour at `level` (0...1, clamped) along `colors`, interpolated linearly.
  static func color(at level: Double, in colors: [HouseStyle.RGB]) -> HouseStyle.RGB {
    let t = min(max(level.isFinite ? level : 0, 0), 1) * Double(colors.count - 1)
    let k = min(Int(t), colors.count - 2)
    let f = t - Double(k)
    func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + f * Double(b - a)).rounded()) }
    let (a, b) = (colors[k], colors[k + 1])
    return HouseStyle.RGB(UInt32(mix(a.r, b.r) << 16 | mix(a.g, b.g) << 8 | mix(a.b, b.b)))
  }

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
