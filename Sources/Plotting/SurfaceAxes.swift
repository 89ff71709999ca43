internal import CPLplot
import Foundation

/// The box's axes with level text: PLplot's `plbox3` draws the edges and the ticks, but writes
/// its numbers and axis labels along the edges, slanted with the box and the z label on its
/// side. Here they are written level, as on a 2-D panel, outside the edges `plbox3` draws on.
extension SurfacePainter {
  typealias Box = (x: ClosedRange<Double>, y: ClosedRange<Double>, z: ClosedRange<Double>)

  /// An axis of the box: the edge it runs along, from its lower to its upper end, and its ticks.
  struct BoxAxis {
    var from: Point3
    var to: Point3
    var scale: AxisScale
    var label: String
  }

  /// The axes as `plbox3` places them: x and y along the bottom edges nearer the viewer, z up
  /// the vertical edge furthest left ("b"); about three to five labelled ticks each.
  static func boxAxes(_ view: View3D, box: Box, labels: (String, String, String)) -> [BoxAxis] {
    func scale(_ r: ClosedRange<Double>) -> AxisScale {
      var s = AxisScale(
        scale: .linear, lower: r.lowerBound, upper: r.upperBound,
        step: AxisScale.niceStep(r.upperBound - r.lowerBound))
      while s.ticks.count > 5 { s = s.coarser() }
      return s
    }
    let (x, y, z) = (box.x, box.y, box.z)
    func nearer(_ a: Point3, _ b: Point3) -> Bool { view.depth(a) > view.depth(b) }
    let yFront =
      nearer(
        Point3(x: (x.lowerBound + x.upperBound) / 2, y: y.lowerBound, z: z.lowerBound),
        Point3(x: (x.lowerBound + x.upperBound) / 2, y: y.upperBound, z: z.lowerBound))
      ? y.lowerBound : y.upperBound
    let xFront =
      nearer(
        Point3(x: x.lowerBound, y: (y.lowerBound + y.upperBound) / 2, z: z.lowerBound),
        Point3(x: x.upperBound, y: (y.lowerBound + y.upperBound) / 2, z: z.lowerBound))
      ? x.lowerBound : x.upperBound
    let corners = [x.lowerBound, x.upperBound].flatMap { cx in
      [y.lowerBound, y.upperBound].map { Point3(x: cx, y: $0, z: z.lowerBound) }
    }
    let left = corners.min { view.project($0).x < view.project($1).x }!
    return [
      BoxAxis(
        from: Point3(x: x.lowerBound, y: yFront, z: z.lowerBound),
        to: Point3(x: x.upperBound, y: yFront, z: z.lowerBound), scale: scale(x),
        label: labels.0),
      BoxAxis(
        from: Point3(x: xFront, y: y.lowerBound, z: z.lowerBound),
        to: Point3(x: xFront, y: y.upperBound, z: z.lowerBound), scale: scale(y),
        label: labels.1),
      BoxAxis(
        from: left, to: Point3(x: left.x, y: left.y, z: z.upperBound), scale: scale(z),
        label: labels.2),
    ]
  }

  /// The numbers and label of each axis, level, in page pixels: the numbers just outside
  /// their ticks, the label beyond the widest of them at the edge's middle. `pixel` turns a
  /// point of the box into page pixels; `centre` is the box's centre there. A number that
  /// would touch one already written (x's and y's at the corner they share) is left out.
  func drawAxisText(
    _ axes: [BoxAxis], pixel: (Point3) -> PixelPoint, centre: PixelPoint
  ) {
    let (s, t) = (painter.scale, painter.textScale)
    let gap = 3 * t + 5 * s
    var written: [Rect] = []
    painter.color(HouseStyle.text)
    for axis in axes {
      let (a, b) = (pixel(axis.from), pixel(axis.to))
      let (dx, dy) = (b.x - a.x, b.y - a.y)
      let length = max(hypot(dx, dy), 1e-9)
      var n = (x: -dy / length, y: dx / length)
      let middle = PixelPoint(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
      if (middle.x - centre.x) * n.x + (middle.y - centre.y) * n.y < 0 { n = (-n.x, -n.y) }
      // How far a level text `width` wide must sit from its anchor to clear it along n.
      func reach(width: Double, em: Double) -> Double {
        abs(n.x) * width / 2 + abs(n.y) * painter.em(em) * 0.55
      }
      let span = axis.scale.upper - axis.scale.lower
      var widest = 0.0
      for tick in axis.scale.ticks {
        let text = axis.scale.label(atWorld: tick)
        let f = (tick - axis.scale.lower) / span
        let at = PixelPoint(x: a.x + f * dx, y: a.y + f * dy)
        let (w, h) = (painter.textWidth(text, em: HouseStyle.tickEm), painter.em(HouseStyle.tickEm))
        let r = reach(width: w, em: HouseStyle.tickEm)
        widest = max(widest, 2 * r)
        let (cx, cy) = (at.x + n.x * (gap + r), at.y + n.y * (gap + r))
        let box = Rect(
          x: cx - w / 2 - 2 * s, y: cy - h / 2 - 2 * s, width: w + 4 * s, height: h + 4 * s)
        guard !written.contains(where: { $0.overlaps(box) }) else { continue }
        written.append(box)
        painter.pageText(text, x: cx, y: cy, em: HouseStyle.tickEm, justify: 0.5)
      }
      guard !axis.label.isEmpty else { continue }
      let labelWidth = painter.textWidth(axis.label, em: HouseStyle.labelEm)
      let r = reach(width: labelWidth, em: HouseStyle.labelEm)
      let away = gap + widest + 10 * s + r
      painter.pageText(
        axis.label, x: middle.x + n.x * away, y: middle.y + n.y * away, em: HouseStyle.labelEm,
        justify: 0.5)
    }
  }
}
