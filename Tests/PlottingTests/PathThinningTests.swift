import Foundation
import Testing

@testable import Plotting

@Suite("PathThinning")
struct PathThinningTests {
  /// The largest distance from a point of `points` to the polyline through `kept` of them.
  static func largestDeviation(_ points: [PixelPoint], kept: [Int]) -> Double {
    let line = kept.map { points[$0] }
    return points.map { p in
      zip(line, line.dropFirst()).map { PathThinning.distance(p, segment: $0, $1) }
        .min() ?? PathThinning.distance(p, line[0])
    }.max() ?? 0
  }

  /// A descent-like spiral of 20,000 steps into (700, 500), a few hundred pixels across.
  static let spiral: [PixelPoint] = (0..<20_000).map { k in
    let t = Double(k)
    let r = 300 * Foundation.exp(-t / 4000)
    return PixelPoint(x: 700 + r * Foundation.cos(t / 50), y: 500 + r * Foundation.sin(t / 50))
  }

  @Test func aLongSpiralKeepsItsShapeWithinAPixel() {
    let kept = PathThinning.kept(Self.spiral)
    #expect(kept.first == 0 && kept.last == Self.spiral.count - 1)
    #expect(kept == kept.sorted())
    #expect(kept.count < Self.spiral.count / 10, "\(kept.count) points kept")
    #expect(Self.largestDeviation(Self.spiral, kept: kept) <= PathThinning.tolerance)
  }

  @Test func aZigZagKeepsItsTurningPoints() {
    // Bounces between x = 100 and x = 400 while creeping up a pixel a step: every point is a
    // turning point the thinned line must reach.
    let zigzag = (0..<200).map { k in PixelPoint(x: k % 2 == 0 ? 100 : 400, y: Double(k)) }
    let kept = PathThinning.kept(zigzag)
    #expect(Self.largestDeviation(zigzag, kept: kept) <= PathThinning.tolerance)
    // A two-cycle in place is one segment drawn back and forth: two points are enough.
    let cycle = (0..<1000).map { k in PixelPoint(x: k % 2 == 0 ? 100 : 400, y: 50) }
    #expect(PathThinning.kept(cycle).count <= 3)
    #expect(Self.largestDeviation(cycle, kept: PathThinning.kept(cycle)) == 0)
  }

  @Test func nonFinitePointsAreKeptAndShortRunsWhole() {
    let points = [
      PixelPoint(x: 0, y: 0), PixelPoint(x: 1, y: 0), PixelPoint(x: 2, y: 0),
      PixelPoint(x: .infinity, y: 0), PixelPoint(x: 3, y: 0), PixelPoint(x: 4, y: 0),
    ]
    #expect(PathThinning.kept(points) == [0, 2, 3, 4, 5])
    #expect(PathThinning.kept(Array(points.prefix(2))) == [0, 1])
  }

  @Test func onlyLinesDenserThanThePixelsAreThinned() {
    let x = AxisScale(Axis(), fitting: [0, 1000])
    let y = AxisScale(Axis(), fitting: [0, 1000])
    let identity = { (p: WorldPoint) in PixelPoint(x: p.x, y: p.y) }
    let dense = Series(
      "path", x: Self.spiral.map(\.x), y: Self.spiral.map(\.y), style: .lineAndMarkers)
    let resolved = ResolvedSeries(dense, index: 0, x: x, y: y)
    #expect(resolved.thinned(axesWidth: 1000, toPixel: identity).points.count < 2000)
    let sparse = ResolvedSeries(
      Series(
        "sweep", x: Array(stride(from: 0.0, to: 500, by: 1)), y: Array(repeating: 1, count: 500)),
      index: 0, x: x, y: y)
    #expect(sparse.thinned(axesWidth: 1000, toPixel: identity).points.count == 500)
    let markers = ResolvedSeries(
      Series("points", x: Self.spiral.map(\.x), y: Self.spiral.map(\.y), style: .markers),
      index: 0, x: x, y: y)
    #expect(markers.thinned(axesWidth: 1000, toPixel: identity).points.count == 20_000)
  }

  @Test func markersOnTopOfEachOtherAreDrawnOnce() {
    // A two-cycle: 200 markers at two places, a little apart each time.
    let cycle = (0..<200).map { k in
      PixelPoint(x: (k % 2 == 0 ? 100 : 400) + Double(k) * 0.01, y: 50)
    }
    let kept = PathThinning.spread(cycle, cell: 2.75)
    #expect(kept.count <= 4 && kept.first == 0)
    for p in cycle {
      #expect(kept.contains { PathThinning.distance(cycle[$0], p) <= 2.75 })
    }
    #expect(PathThinning.spread(cycle, cell: 0).count == 200)
  }

  @Test func markersAlongASlowPathKeepTheirSpacing() {
    // A slow path: 100 steps shrinking from 8 to 1 pixel, a caterpillar of markers drawn whole.
    var points = [PixelPoint(x: 0, y: 0)]
    for k in 1..<100 {
      let step = 8 * Foundation.pow(0.979, Double(k))
      points.append(PixelPoint(x: points[k - 1].x + step * 0.6, y: points[k - 1].y + step * 0.8))
    }
    let cell = PathThinning.markerCell * 5.5
    let kept = PathThinning.spread(points, cell: cell)
    #expect(kept.first == 0 && kept == kept.sorted())
    for (i, j) in zip(kept, kept.dropFirst()) {
      #expect(PathThinning.distance(points[i], points[j]) >= cell)
    }
    for p in points { #expect(kept.contains { PathThinning.distance(points[$0], p) <= cell }) }
    #expect(kept.count < 40, "\(kept.count) of 100 markers")
  }
}
