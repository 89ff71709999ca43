import Foundation

/// The pixels a panel's drawing covers, for placing the legend where it hides nothing.
extension PanelLayout {
  /// Where each line series leaves the frame, with the side; for markers only, the points
  /// beyond the frame, pinned to its edge.
  var edgeMarks: [(point: PixelPoint, side: FrameExits.Side, color: HouseStyle.RGB)] {
    let (bx, by) = (x.lower...x.upper, y.lower...y.upper)
    return shown.filter { $0.style != .bars }.flatMap { series in
      series.segments.flatMap { segment in
        let exits =
          series.style == .markers
          ? segment.filter { !$0.isFinite }.map { p in
            let side: FrameExits.Side =
              p.y.isInfinite ? (p.y < 0 ? .bottom : .top) : (p.x < 0 ? .left : .right)
            let pinned = WorldPoint(
              x: min(max(p.x, bx.lowerBound), bx.upperBound),
              y: min(max(p.y, by.lowerBound), by.upperBound))
            return (point: pinned, side: side)
          }
          : FrameExits.exits(segment, x: bx, y: by)
        return exits.map { (toPixel($0.point), $0.side, series.color) }
      }
    }
  }

  /// The pixels an edge mark covers, for keeping labels and the legend off it: its tip on the
  /// frame, the middle of its base and its base's ends.
  var edgeMarkPixels: [PixelPoint] {
    edgeMarks.flatMap { mark in
      let (xs, ys) = mark.side.triangle(tip: mark.point.x, mark.point.y, radius: edgeMarkRadius)
      return [
        mark.point, PixelPoint(x: xs[0], y: ys[0]), PixelPoint(x: xs[1], y: ys[1]),
        PixelPoint(x: (xs[0] + xs[1]) / 2, y: (ys[0] + ys[1]) / 2),
      ]
    }
  }

  /// Page pixels covered by what the legend must not hide: lines sampled every few pixels,
  /// markers, bars, edge marks, annotations and the labels at lines (slope guides are placed
  /// after the legend, clear of it).
  func occupiedPixels() -> [PixelPoint] {
    var pixels = seriesPixels()
    func sample(_ a: PixelPoint, _ b: PixelPoint) {
      let n = max(1, Int((hypot(b.x - a.x, b.y - a.y) / LayoutMetrics.sampleSpacing).rounded(.up)))
      pixels += (0...n).map { k in
        let f = Double(k) / Double(n)
        return PixelPoint(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y))
      }
    }
    // Text inside the axes: annotations and the labels at lines, by their boxes' middle lines.
    for box in annotationBoxes + directLabels.values.map(\.box) {
      sample(
        PixelPoint(x: box.x, y: box.y + box.height / 2),
        PixelPoint(x: box.maxX, y: box.y + box.height / 2))
    }
    for marker in panel.verticalMarkers {
      guard let (bottom, top) = reach(of: marker) else { continue }
      sample(toPixel(bottom), toPixel(top))
    }
    pixels += edgeMarkPixels
    return pixels.filter { axes.contains($0.x, $0.y) }
  }

  /// The boxes of the annotations, as placed.
  var annotationBoxes: [Rect] {
    panel.annotations.compactMap { note in
      guard let wx = x.world(note.x), let wy = y.world(note.y) else { return nil }
      let p = toPixel(WorldPoint(x: wx, y: wy))
      let w = metrics.textWidth(note.text, em: HouseStyle.annotationEm)
      let x0 = p.x - (note.alignment == .left ? 0 : note.alignment == .center ? w / 2 : w)
      let h = metrics.em(HouseStyle.annotationEm) * PlacedText.lineEms
      return Rect(x: x0, y: p.y - h / 2, width: w, height: h)
    }
  }

  /// Page pixels of the series: lines sampled every 3 pixels, points, bars.
  func seriesPixels() -> [PixelPoint] {
    var pixels: [PixelPoint] = []
    let bounds = x.lower...x.upper
    let yBounds = y.lower...y.upper
    func sample(_ a: PixelPoint, _ b: PixelPoint) {
      let n = max(1, Int((hypot(b.x - a.x, b.y - a.y) / LayoutMetrics.sampleSpacing).rounded(.up)))
      pixels += (0...n).map { k in
        let f = Double(k) / Double(n)
        return PixelPoint(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y))
      }
    }
    for series in shown {
      if series.style == .bars {
        let half = (series.barWidth ?? x.span / 10) / 2
        let base = y.isLog ? y.lower : min(max(0, y.lower), y.upper)
        for p in series.points {
          for fx in stride(from: -1.0, through: 1.0, by: 0.25) {
            sample(
              toPixel(WorldPoint(x: p.x + fx * half, y: base)),
              toPixel(WorldPoint(x: p.x + fx * half, y: p.y)))
          }
        }
        continue
      }
      for segment in series.segments {
        let finite = segment.map { FrameExits.finite($0, x: bounds, y: yBounds) }
        pixels += finite.map(toPixel)
        if series.style != .markers {
          for run in clippedRuns(segment) {
            for (a, b) in zip(run, run.dropFirst()) { sample(a, b) }
          }
        }
      }
    }
    return pixels.filter { axes.contains($0.x, $0.y) }
  }
}
