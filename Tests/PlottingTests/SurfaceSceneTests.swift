import Foundation
import Testing

@testable import Plotting

/// The 3-D panel's depth order (the painter's algorithm), its projection and its dashes:
/// plain values, no PLplot.
@Suite("Surface scene")
struct SurfaceSceneTests {
  /// A view of the box [0, 2] x [0, 2] x [0, 1] from `azimuth` and `altitude`.
  static func view(azimuth: Double = 0, altitude: Double = 30, z: ClosedRange<Double> = 0...1)
    -> View3D
  {
    View3D(
      base: (1, 1), height: 1, x: 0...2, y: 0...2, z: z, altitude: altitude, azimuth: azimuth)
  }

  /// A flat surface z = `height` on [0, 2] x [0, 2], cells of 1 x 1.
  static func flat(_ height: Double = 0) -> Grid2D {
    Grid2D(
      x: [0, 1, 2], y: [0, 1, 2], z: [[Double]](repeating: [height, height, height], count: 3))
  }

  static func position(_ pieces: [SurfaceScene.Piece], _ match: (SurfaceScene.Piece) -> Bool)
    -> [Int]
  {
    pieces.indices.filter { match(pieces[$0]) }
  }

  static func isFacet(_ piece: SurfaceScene.Piece, y: ClosedRange<Double>) -> Bool {
    guard case .facet(let corners, _, _) = piece else { return false }
    return corners.allSatisfy { y.contains($0.y) }
  }

  // MARK: Projection

  @Test func depthGrowsTowardTheViewerAsPLplotTurnsTheBox() {
    // Azimuth 0 looks from the side of low y, 90 from the side of low x; altitude 90 from
    // above.
    let front = Point3(x: 1, y: 0, z: 0)
    let back = Point3(x: 1, y: 2, z: 0)
    #expect(Self.view(azimuth: 0).depth(front) > Self.view(azimuth: 0).depth(back))
    #expect(Self.view(azimuth: 180).depth(front) < Self.view(azimuth: 180).depth(back))
    let left = Point3(x: 0, y: 1, z: 0)
    let right = Point3(x: 2, y: 1, z: 0)
    #expect(Self.view(azimuth: 90).depth(left) > Self.view(azimuth: 90).depth(right))
    let top = Self.view(altitude: 90)
    #expect(top.depth(Point3(x: 1, y: 1, z: 1)) > top.depth(Point3(x: 1, y: 1, z: 0)))
  }

  @Test func theProjectionIsPLplots() {
    // plw3d: the base centred on 0, x across; seen from the front (azimuth 0) at altitude 0,
    // a point's height is its scaled z and its depth is minus its scaled y.
    let v = Self.view(azimuth: 0, altitude: 0)
    let p = v.project(Point3(x: 2, y: 1, z: 1))
    #expect(abs(p.x - 0.5) < 1e-4 && abs(p.y - 1) < 1e-4)
    #expect(abs(v.depth(Point3(x: 1, y: 0, z: 0)) - 0.5) < 1e-4)
    // Turned by 90 degrees, x runs into the page and y across, to the left.
    let turned = Self.view(azimuth: 90, altitude: 0).project(Point3(x: 1, y: 2, z: 0))
    #expect(abs(turned.x + 0.5) < 1e-4)
  }

  @Test func theWindowHoldsTheBoxUnstretched() {
    let v = Self.view(azimuth: 35)
    let box = (x: 0.0...2, y: 0.0...2, z: 0.0...1)
    for area in [
      Rect(x: 0, y: 0, width: 800, height: 600), Rect(x: 0, y: 0, width: 300, height: 900),
    ] {
      let w = SurfacePainter.window(v, box: box, area: area)
      // One unit as many pixels across as up, and every corner of the box inside.
      #expect(abs((w.x.1 - w.x.0) / (w.y.1 - w.y.0) - area.width / area.height) < 1e-9)
      for x in [0.0, 2] {
        for y in [0.0, 2] {
          for z in [0.0, 1] {
            let p = v.project(Point3(x: x, y: y, z: z))
            #expect(p.x > w.x.0 && p.x < w.x.1 && p.y > w.y.0 && p.y < w.y.1)
          }
        }
      }
    }
  }

  // MARK: Depth order

  @Test func aCellNearerTheViewerIsDrawnAfterOneBehindIt() {
    for azimuth in [0.0, 180] {
      let scene = SurfaceScene(
        grid: Self.flat(), curves: [], plane: nil, z: 0...1, view: Self.view(azimuth: azimuth))
      let front = Self.position(scene.pieces) { Self.isFacet($0, y: 0...1) }
      let back = Self.position(scene.pieces) { Self.isFacet($0, y: 1...2) }
      #expect(front.count == 2 && back.count == 2)
      // From low y (azimuth 0) the cells at low y are nearer; from high y the others.
      if azimuth == 0 {
        #expect(front.min()! > back.max()!)
      } else {
        #expect(back.min()! > front.max()!)
      }
    }
  }

  @Test func aCurveOverTheSurfaceIsDrawnAfterEveryCellItTouches() {
    // A line lying on the surface along y = 1 (a cell side) and a point on it: without the
    // rule, a cell behind whose centre is higher on the page would be painted over them.
    let line = Curve3D("on", x: [0, 0.5, 1, 1.5, 2], y: [1, 1, 1, 1, 1], z: [0, 0, 0, 0, 0])
    let point = Curve3D("point", x: [1], y: [1], z: [0], style: .markers)
    let scene = SurfaceScene(
      grid: Self.flat(), curves: [line, point], plane: nil, z: 0...1, view: Self.view())
    let facets = Self.position(scene.pieces) {
      if case .facet = $0 { return true }
      return false
    }
    let overlays = Self.position(scene.pieces) {
      switch $0 {
      case .segment, .marker: return true
      default: return false
      }
    }
    #expect(overlays.count == 5)
    #expect(overlays.min()! > facets.max()!)
  }

  @Test func aCurveUnderTheSurfaceIsDrawnBeforeTheCellAboveIt() {
    let under = Curve3D("under", x: [0.25, 0.75], y: [0.5, 0.5], z: [-0.5, -0.5])
    let scene = SurfaceScene(
      grid: Self.flat(), curves: [under], plane: nil, z: -1...1,
      view: Self.view(z: -1...1))
    let segment = Self.position(scene.pieces) {
      if case .segment = $0 { return true }
      return false
    }
    let cellAbove = Self.position(scene.pieces) {
      guard case .facet(let corners, _, _) = $0 else { return false }
      return corners.allSatisfy { $0.x <= 1 && $0.y <= 1 }
    }
    #expect(segment.count == 1 && cellAbove.count == 1)
    #expect(segment[0] < cellAbove[0])
  }

  @Test func thePlaneSplitsBehindInItAndInFront() {
    // The plane y = 1 seen from low y: the cells behind it (y > 1) first, then its sheet and
    // the curve in it, then the cells in front of it (faint), whatever their depths.
    let inPlane = Curve3D("in the plane", x: [0, 1, 2], y: [1, 1, 1], z: [0, 0, 0])
    let scene = SurfaceScene(
      grid: Self.flat(), curves: [inPlane], plane: Plane3D("", y: 1), z: 0...1,
      view: Self.view())
    let pieces = scene.pieces
    let behind = Self.position(pieces) { Self.isFacet($0, y: 1...2) }
    let inFront = Self.position(pieces) { Self.isFacet($0, y: 0...1) }
    let sheet = Self.position(pieces) {
      if case .sheet = $0 { return true }
      return false
    }
    let curve = Self.position(pieces) {
      if case .segment = $0 { return true }
      return false
    }
    #expect(sheet.count == 1 && curve.count == 2)
    #expect(behind.max()! < sheet[0] && sheet[0] < curve.min()! && curve.max()! < inFront.min()!)
    let faint = inFront.map { i -> Bool in
      guard case .facet(_, _, let faint) = pieces[i] else { return false }
      return faint
    }
    #expect(faint == [true, true])
    #expect(
      behind.allSatisfy { i in
        guard case .facet(_, _, let faint) = pieces[i] else { return false }
        return !faint
      })
  }

  @Test func equalDepthsKeepSurfaceThenLinesThenMarkers() {
    let p = Point3(x: 0, y: 0, z: 0)
    let order = SurfaceScene.backToFront([
      .init(piece: .marker(p, curve: 0), side: .behind, depth: 1),
      .init(piece: .segment(p, p, curve: 0, index: 0), side: .behind, depth: 1),
      .init(piece: .facet([p, p, p], level: 0, faint: false), side: .behind, depth: 1),
      .init(piece: .facet([p, p, p], level: 1, faint: false), side: .behind, depth: 0.5),
    ])
    #expect(order.map(\.rank) == [0, 0, 2, 3])
    #expect(order[0] == .facet([p, p, p], level: 1, faint: false))
  }

  // MARK: Dashes

  @Test func dashesRunOnAcrossPiecesDrawnSeparately() {
    let pattern: [(on: Double, off: Double)] = [(9, 5)]
    let line = (0...4).map { Point3(x: Double($0) * 4, y: 0, z: 0) }
    let lengths = [Double](repeating: 4, count: 4)
    var whole = DashWalk(pattern: pattern)
    let once = whole.cut(line, lengths: lengths)
    var first = DashWalk(pattern: pattern)
    var second = DashWalk(pattern: pattern)
    let a = first.cut(Array(line[0...2]), lengths: [4, 4])
    second.phase = 8
    let b = second.cut(Array(line[2...4]), lengths: [4, 4])
    // 16 units: dash 0-9, gap 9-14, dash 14-16.
    #expect(once.map { $0.map(\.x) } == [[0, 4, 8, 9], [14, 16]])
    #expect((a + b).map { $0.map(\.x) } == [[0, 4, 8], [8, 9], [14, 16]])
    var solid = DashWalk(pattern: [])
    #expect(solid.cut(line, lengths: lengths) == [line])
  }
}

/// The box's axes carry level text beside the edges `plbox3` draws them on.
@Suite struct SurfaceAxesTests {
  @Test(
    "x and y along the bottom edges nearer the viewer, z up the leftmost edge",
    arguments: [
      (35.0, (0.0, -3.0), (0.0, 1.0)), (215.0, (4.0, 1.0), (4.0, -3.0)),
    ])
  func axesOnTheFrontEdges(azimuth: Double, front: (Double, Double), left: (Double, Double)) {
    let box = (x: 0.0...4, y: -3.0...1, z: 2.0...34)
    let view = View3D(
      base: (1, 1), height: 0.8, x: box.x, y: box.y, z: box.z, altitude: 30, azimuth: azimuth)
    let axes = SurfacePainter.boxAxes(view, box: box, labels: ("x", "y", "z"))
    #expect(axes[0].from.y == front.1 && axes[0].to.y == front.1)
    #expect(axes[1].from.x == front.0 && axes[1].to.x == front.0)
    #expect(axes[2].from == Point3(x: left.0, y: left.1, z: 2) && axes[2].to.z == 34)
    for axis in axes { #expect((2...5).contains(axis.scale.ticks.count)) }
    // Every other corner of the base is drawn further right than the z axis' foot.
    let foot = view.project(axes[2].from).x
    for x in [0.0, 4] {
      for y in [-3.0, 1] where (x, y) != left {
        #expect(view.project(Point3(x: x, y: y, z: 2)).x > foot)
      }
    }
  }
}
