import Foundation

/// What a surface panel draws, cut into pieces and put in depth order: the painter's
/// algorithm. Pure geometry, testable without PLplot.
///
/// The surface is cut into its grid's cells (facets), curves into the segments between their
/// points, the box's back edges and the plane's outline into short pieces. A plane splits the
/// pieces in three groups drawn one after the other: behind it, in it (its sheet first), in
/// front of it; nothing behind a plane can cover what lies in it or in front of it. Within a
/// group each piece has a depth (of its centre, toward the viewer, as ``View3D/depth(_:)``) and
/// pieces are drawn far to near, so a nearer piece covers a farther one. A piece on the
/// surface or above it is drawn after every cell it touches (its centre can lie farther than a
/// cell's centre, and that cell would be painted over it); a piece under the surface is drawn
/// before the cell its line of sight leaves through.
///
/// Edge Cases:
/// - A piece counts as on the surface within 0.3 of its cell's height range (the cells are
///   flat between their corners, the curves exact), and as in the plane within 1e-9 of the
///   grid's extent.
/// - Pieces outside the grid's x and y ranges are ordered by their own depth alone.
/// - With ``Plane3D/cutsAway`` the cells in front of the plane are faint.
/// - Equal depths keep the order of ``Piece/rank``: surface, sheet, lines, markers.
struct SurfaceScene {
  enum Piece: Equatable {
    /// A cell of the surface: its corners in order, its mean height as a fraction of the box's
    /// (the colour map's position), and whether it lies between a cutting plane and the viewer.
    case facet([Point3], level: Double, faint: Bool)
    /// The plane's translucent sheet.
    case sheet([Point3])
    /// A piece of the plane's outline.
    case rim(Point3, Point3)
    /// The segment of curve `curve` from its point `index` to the next.
    case segment(Point3, Point3, curve: Int, index: Int)
    /// The marker of curve `curve` at one of its points.
    case marker(Point3, curve: Int)
    /// A piece of a back edge of the box.
    case edge(Point3, Point3)

    /// Among pieces of equal depth, the lower rank is drawn first.
    var rank: Int {
      switch self {
      case .facet: 0
      case .sheet: 1
      case .rim, .segment, .edge: 2
      case .marker: 3
      }
    }

    /// The piece's points: corners, ends, or the one point of a marker.
    var points: [Point3] {
      switch self {
      case .facet(let corners, _, _), .sheet(let corners): corners
      case .rim(let a, let b), .segment(let a, let b, _, _), .edge(let a, let b): [a, b]
      case .marker(let p, _): [p]
      }
    }

    /// The mean of the piece's points.
    var center: Point3 {
      let p = points
      let n = Double(p.count)
      return Point3(
        x: p.map(\.x).reduce(0, +) / n, y: p.map(\.y).reduce(0, +) / n,
        z: p.map(\.z).reduce(0, +) / n)
    }
  }

  /// Where a piece lies with respect to the plane: drawn in this order.
  enum Side: Int, Comparable {
    case behind, inPlane, inFront

    static func < (a: Side, b: Side) -> Bool { a.rawValue < b.rawValue }
  }

  /// A piece, its side of the plane and its depth key.
  struct Keyed {
    var piece: Piece
    var side: Side
    var depth: Double
  }

  /// How many pieces each box edge and each vertical side of the plane's outline is cut into.
  static let edgePieces = 16
  /// The share of a cell's height range within which a piece counts as on the surface.
  static let onSurface = 0.3

  /// The pieces, far to near: the order to draw them in.
  let pieces: [Piece]

  init(grid: Grid2D, curves: [Curve3D], plane: Plane3D?, z: ClosedRange<Double>, view: View3D) {
    let side = PlaneSide(plane: plane, grid: grid, view: view)
    let cells = CellIndex(grid: grid, view: view)
    let facets = Self.facets(grid, side: side, faint: plane?.cutsAway == true, z: z, view: view)
    var overlays = plane.map { Self.sheet($0, grid: grid, z: z) } ?? []
    for (k, curve) in curves.enumerated() { overlays += Self.pieces(of: curve, index: k) }
    overlays += Self.backEdges(grid: grid, z: z, view: view)
    let keyed =
      facets
      + overlays.map { piece in
        // The sheet is the backdrop of what lies in the plane: first of its group.
        let depth: Double
        if case .sheet = piece {
          depth = -.infinity
        } else {
          depth = cells.key(of: piece, facets: facets)
        }
        return Keyed(piece: piece, side: side(piece.center), depth: depth)
      }
    pieces = Self.backToFront(keyed)
  }

  /// `pieces` far to near: by side of the plane, then depth, then rank, then the given order.
  static func backToFront(_ pieces: [Keyed]) -> [Piece] {
    pieces.enumerated().sorted { a, b in
      let (p, q) = (a.element, b.element)
      if p.side != q.side { return p.side < q.side }
      if p.depth != q.depth { return p.depth < q.depth }
      if p.piece.rank != q.piece.rank { return p.piece.rank < q.piece.rank }
      return a.offset < b.offset
    }.map(\.element.piece)
  }

  /// The grid's cells, keyed by the mean depth of their corners, in the grid's order (cell
  /// `(i, j)` at `i * (ny - 1) + j`); those in front of the plane faint when `faint`.
  private static func facets(
    _ grid: Grid2D, side: PlaneSide, faint: Bool, z: ClosedRange<Double>, view: View3D
  ) -> [Keyed] {
    let span = max(z.upperBound - z.lowerBound, .leastNormalMagnitude)
    var result: [Keyed] = []
    for i in 0..<(grid.x.count - 1) {
      for j in 0..<(grid.y.count - 1) {
        let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)].map {
          Point3(x: grid.x[$0], y: grid.y[$1], z: grid.z[$0][$1])
        }
        let mean = corners.map(\.z).reduce(0, +) / 4
        let center = Point3(
          x: (grid.x[i] + grid.x[i + 1]) / 2, y: (grid.y[j] + grid.y[j + 1]) / 2, z: mean)
        let place = side(center)
        result.append(
          Keyed(
            piece: .facet(
              corners, level: (mean - z.lowerBound) / span, faint: faint && place == .inFront),
            side: place, depth: corners.map(view.depth).reduce(0, +) / 4))
      }
    }
    return result
  }

  /// The segments and markers of a curve; points with a non-finite coordinate are left out
  /// (a line breaks there).
  private static func pieces(of curve: Curve3D, index k: Int) -> [Piece] {
    let n = min(curve.x.count, curve.y.count, curve.z.count)
    let points = (0..<n).map { Point3(x: curve.x[$0], y: curve.y[$0], z: curve.z[$0]) }
    let finite = points.map { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }
    var result: [Piece] = []
    if curve.style != .markers {
      for i in points.indices.dropLast() where finite[i] && finite[i + 1] {
        result.append(.segment(points[i], points[i + 1], curve: k, index: i))
      }
    }
    if curve.style != .line {
      result += points.indices.filter { finite[$0] }.map { .marker(points[$0], curve: k) }
    }
    return result
  }

  /// The plane's sheet over the box's height, and its outline; nothing when the plane lies
  /// outside the grid.
  private static func sheet(_ plane: Plane3D, grid: Grid2D, z: ClosedRange<Double>) -> [Piece] {
    let along = plane.fixed == .x ? grid.y : grid.x
    let across = plane.fixed == .x ? grid.x : grid.y
    guard let lo = across.min(), let hi = across.max(), plane.value >= lo, plane.value <= hi,
      let t0 = along.min(), let t1 = along.max()
    else { return [] }
    func point(_ t: Double, _ z: Double) -> Point3 {
      plane.fixed == .x
        ? Point3(x: plane.value, y: t, z: z) : Point3(x: t, y: plane.value, z: z)
    }
    let (zb, zt) = (z.lowerBound, z.upperBound)
    let corners = [point(t0, zb), point(t1, zb), point(t1, zt), point(t0, zt)]
    let outline = zip(corners, corners.dropFirst() + [corners[0]]).flatMap {
      pieces(from: $0, to: $1).map { Piece.rim($0.0, $0.1) }
    }
    return [.sheet(corners)] + outline
  }

  /// The edges of the box's three back faces, but for the two bottom edges at the corner
  /// nearest the viewer (PLplot's axes draw those): seven edges.
  private static func backEdges(grid: Grid2D, z: ClosedRange<Double>, view: View3D) -> [Piece] {
    guard let x0 = grid.x.min(), let x1 = grid.x.max(), let y0 = grid.y.min(),
      let y1 = grid.y.max()
    else { return [] }
    let toward = view.towardViewer
    let (nearX, farX) = toward.x > 0 ? (x1, x0) : (x0, x1)
    let (nearY, farY) = toward.y > 0 ? (y1, y0) : (y0, y1)
    let (zb, zt) = (z.lowerBound, z.upperBound)
    let edges: [(Point3, Point3)] = [
      (Point3(x: farX, y: farY, z: zb), Point3(x: nearX, y: farY, z: zb)),
      (Point3(x: farX, y: farY, z: zb), Point3(x: farX, y: nearY, z: zb)),
      (Point3(x: farX, y: farY, z: zt), Point3(x: nearX, y: farY, z: zt)),
      (Point3(x: farX, y: farY, z: zt), Point3(x: farX, y: nearY, z: zt)),
      (Point3(x: farX, y: farY, z: zb), Point3(x: farX, y: farY, z: zt)),
      (Point3(x: nearX, y: farY, z: zb), Point3(x: nearX, y: farY, z: zt)),
      (Point3(x: farX, y: nearY, z: zb), Point3(x: farX, y: nearY, z: zt)),
    ]
    return edges.flatMap { pieces(from: $0.0, to: $0.1).map { Piece.edge($0.0, $0.1) } }
  }

  /// The segment from `a` to `b` cut into ``edgePieces`` pieces.
  private static func pieces(from a: Point3, to b: Point3) -> [(Point3, Point3)] {
    let n = edgePieces
    let points = (0...n).map { k -> Point3 in
      let f = Double(k) / Double(n)
      return Point3(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y), z: a.z + f * (b.z - a.z))
    }
    return zip(points, points.dropFirst()).map { ($0, $1) }
  }
}

/// Which side of a plane a point lies on, seen from the viewer; every point is behind when
/// there is no plane.
struct PlaneSide {
  let plane: Plane3D?
  let toward: Double
  let tolerance: Double

  init(plane: Plane3D?, grid: Grid2D, view: View3D) {
    self.plane = plane
    let values = plane?.fixed == .x ? grid.x : grid.y
    toward = plane?.fixed == .x ? view.towardViewer.x : view.towardViewer.y
    tolerance = 1e-9 * ((values.max() ?? 0) - (values.min() ?? 0))
  }

  func callAsFunction(_ p: Point3) -> SurfaceScene.Side {
    guard let plane else { return .behind }
    let offset = (plane.fixed == .x ? p.x : p.y) - plane.value
    if abs(offset) <= tolerance { return .inPlane }
    return offset * toward > 0 ? .inFront : .behind
  }
}

/// Finds the cells of a grid under a point, the surface's height there, and the depth key of
/// a piece drawn with the surface (see ``SurfaceScene``).
struct CellIndex {
  let grid: Grid2D
  let view: View3D

  /// The flat indices (`i * (ny - 1) + j`) of the cells whose closed rectangle holds `(x, y)`:
  /// two or four on a cell's side or corner, none outside the grid.
  func cells(x: Double, y: Double) -> [Int] {
    func spans(_ values: [Double], _ v: Double) -> [Int] {
      guard let lo = values.min(), let hi = values.max() else { return [] }
      let tolerance = 1e-9 * (hi - lo)
      return values.indices.dropLast().filter {
        let (a, b) = (values[$0], values[$0 + 1])
        return v >= min(a, b) - tolerance && v <= max(a, b) + tolerance
      }
    }
    let ny = grid.y.count - 1
    let js = spans(grid.y, y)
    return spans(grid.x, x).flatMap { i in js.map { i * ny + $0 } }
  }

  /// The corners' heights of cell `c`.
  private func corners(_ c: Int) -> (i: Int, j: Int, z: [Double]) {
    let (i, j) = (c / (grid.y.count - 1), c % (grid.y.count - 1))
    return (i, j, [grid.z[i][j], grid.z[i + 1][j], grid.z[i][j + 1], grid.z[i + 1][j + 1]])
  }

  /// The surface's height at `(x, y)`, bilinear in the cell under it; `nil` outside the grid.
  func height(x: Double, y: Double) -> Double? {
    guard let c = cells(x: x, y: y).first else { return nil }
    let (i, j, z) = corners(c)
    let dx = grid.x[i + 1] - grid.x[i]
    let dy = grid.y[j + 1] - grid.y[j]
    let u = dx == 0 ? 0 : (x - grid.x[i]) / dx
    let v = dy == 0 ? 0 : (y - grid.y[j]) / dy
    return (1 - u) * (1 - v) * z[0] + u * (1 - v) * z[1] + (1 - u) * v * z[2] + u * v * z[3]
  }

  /// The depth key of a piece that is not a facet: its centre's depth, moved after every cell
  /// it touches when it lies on the surface or above it, before the cell its line of sight
  /// leaves through when it lies under it.
  func key(of piece: SurfaceScene.Piece, facets: [SurfaceScene.Keyed]) -> Double {
    let points = piece.points
    let m = piece.center
    let own = view.depth(m)
    let touching = Set(points.flatMap { cells(x: $0.x, y: $0.y) } + cells(x: m.x, y: m.y))
    guard let surface = height(x: m.x, y: m.y), !touching.isEmpty else { return own }
    let range = touching.map { c in corners(c).z.max()! - corners(c).z.min()! }.max()!
    let tolerance = SurfaceScene.onSurface * range + 1e-12 * (abs(surface) + 1)
    if m.z >= surface - tolerance {
      return max(own, touching.map { facets[$0].depth }.max()!)
    }
    let toward = view.towardViewer
    let step = 1e-3
    let ahead = cells(x: m.x + toward.x * step, y: m.y + toward.y * step)
    let above = ahead.isEmpty ? cells(x: m.x, y: m.y) : ahead
    return min(own, above.map { facets[$0].depth }.min()!).nextDown
  }
}
