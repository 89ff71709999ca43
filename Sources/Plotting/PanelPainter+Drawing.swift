internal import CPLplot
import Foundation

/// Drawing a laid-out panel: spans, grid, reference lines, series, frame, marks, labels.
extension PanelPainter {
  func draw() {
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    drawSpans()
    if let contour = plan.contour {
      ContourPainter(painter: painter).draw(contour.grid, levels: contour.levels)
    } else {
      drawGrid()
    }
    drawReferenceLines()
    for i in order where i < drawings.count { drawSeries(shown[i], drawings[i]) }
    drawVerticalMarkers()
    drawFrame()
    drawEdgeMarks()
    drawAnnotations()
    drawReferenceLabels()
    drawTickLabels()
    drawLabels()
    if let frame = legendFrame { legend.draw(in: frame) }
  }

  func drawSpans() {
    for span in panel.spans {
      guard let a = x.world(span.x.lowerBound), let b = x.world(span.x.upperBound) else { continue }
      let rgb = span.color.map(HouseStyle.color) ?? HouseStyle.span
      let left = toPixel(WorldPoint(x: max(min(a, b), x.lower), y: y.lower)).x
      let right = toPixel(WorldPoint(x: min(max(a, b), x.upper), y: y.lower)).x
      guard right > left else { continue }
      SpanPainter(painter: painter).fill(
        rgb, rect: Rect(x: left, y: axes.y, width: right - left, height: axes.height))
    }
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
  }

  func boxOptions(_ axis: AxisScale, vertical: Bool = false) -> String {
    (axis.isLog ? "l" : "") + (vertical ? "v" : "")
  }

  func drawGrid() {
    painter.dash(.solid)
    painter.width(HouseStyle.gridWidth)
    let xl = boxOptions(x)
    let yl = boxOptions(y)
    if x.minorSubdivisions.draw || y.minorSubdivisions.draw {
      // Linear minor grid lines are not drawn: only the decades of a log axis get them.
      painter.color(HouseStyle.minorGrid)
      c_plbox(
        (x.isLog && x.minorSubdivisions.draw ? "h" : "") + xl, x.step, x.minorSubdivisions.count,
        (y.isLog && y.minorSubdivisions.draw ? "h" : "") + yl, y.step, y.minorSubdivisions.count)
    }
    painter.color(HouseStyle.majorGrid)
    c_plbox("g" + xl, x.step, 0, "g" + yl, y.step, 0)
  }

  func minorOption(_ axis: AxisScale) -> String {
    axis.minorSubdivisions.draw && !(axis.isInteger && axis.step == 1) ? "s" : ""
  }

  func drawFrame() {
    painter.viewport(axes, x: (x.lower, x.upper), y: (y.lower, y.upper))
    painter.dash(.solid)
    painter.width(HouseStyle.axisWidth)
    painter.color(HouseStyle.axes)
    c_plsmaj(6 * t * 25.4 / 72, 1)
    c_plsmin(3.5 * t * 25.4 / 72, 1)
    // Ticks outside ("i"); the labels are drawn by drawTickLabels.
    let xo = "bti" + minorOption(x) + boxOptions(x)
    let yo = "bti" + minorOption(y) + boxOptions(y)
    c_plbox(xo, x.step, x.minorSubdivisions.count, yo, y.step, y.minorSubdivisions.count)
    c_plbox("c", 0, 0, "c", 0, 0)
  }

  /// Major tick labels, and on a log axis with few labelled decades the 2× and 5× ones too,
  /// each kept inside the page.
  func drawTickLabels() {
    painter.color(HouseStyle.text)
    let em = HouseStyle.tickEm
    let xy = axes.maxY + 10 * t + em * 0.6 * t
    var taken: [ClosedRange<Double>] = []
    let xLabels =
      x.ticks.map { ($0, x.label(atWorld: $0)) }
      + x.intermediateLogLabels.map { ($0, x.intermediateLabel(atWorld: $0)) }
    for (value, text) in xLabels where !text.isEmpty {
      let px = toPixel(WorldPoint(x: value, y: y.lower)).x
      let w = painter.textWidth(text, em: em)
      let extent = (px - w / 2 - 4 * t)...(px + w / 2 + 4 * t)
      guard !taken.contains(where: { $0.overlaps(extent) }) else { continue }
      taken.append(extent)
      painter.pageText(text, x: px, y: xy, em: em, justify: 0.5)
    }
    taken = []
    let yLabels =
      y.ticks.map { ($0, y.label(atWorld: $0)) }
      + y.intermediateLogLabels.map { ($0, y.intermediateLabel(atWorld: $0)) }
    for (value, text) in yLabels where !text.isEmpty {
      let py = toPixel(WorldPoint(x: x.lower, y: value)).y
      let extent = (py - em * 0.6 * t)...(py + em * 0.6 * t)
      guard !taken.contains(where: { $0.overlaps(extent) }) else { continue }
      taken.append(extent)
      painter.pageText(text, x: axes.x - 11 * t, y: py, em: em, justify: 1)
    }
  }

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

  /// A filled triangle inside the frame, its tip on the edge, pointing out.
  func drawEdgeMarks() {
    painter.pixelViewport(painter.page)
    let r = HouseStyle.markerRadius * 1.3 * t
    for mark in edgeMarks {
      let (px, py) = (mark.point.x, mark.point.y)
      let (xs, ys): ([Double], [Double])
      switch mark.side {
      case .bottom: (xs, ys) = ([px - r, px + r, px], [py - 1.7 * r, py - 1.7 * r, py])
      case .top: (xs, ys) = ([px - r, px + r, px], [py + 1.7 * r, py + 1.7 * r, py])
      case .left: (xs, ys) = ([px + 1.7 * r, px + 1.7 * r, px], [py - r, py + r, py])
      case .right: (xs, ys) = ([px - 1.7 * r, px - 1.7 * r, px], [py - r, py + r, py])
      }
      painter.color(mark.color)
      painter.fill(xs, ys)
      painter.color(HouseStyle.background)
      painter.width(0.9)
      painter.line(xs + [xs[0]], ys + [ys[0]])
    }
  }

  /// The visible part of a reference line, as world x bounds, or `nil` when it misses the axes.
  func visibleInterval(_ line: ReferenceLine) -> (
    ax: Double, ay: Double, from: Double, to: Double
  )? {
    guard let ax = x.world(line.anchorX), let ay = y.world(line.anchorY), line.slope.isFinite else {
      return nil
    }
    var lo = x.lower
    var hi = x.upper
    if let r = line.xRange, let a = x.world(r.lowerBound), let b = x.world(r.upperBound) {
      lo = max(lo, a)
      hi = min(hi, b)
    }
    if line.slope != 0 {
      let atLower = ax + (y.lower - ay) / line.slope
      let atUpper = ax + (y.upper - ay) / line.slope
      lo = max(lo, min(atLower, atUpper))
      hi = min(hi, max(atLower, atUpper))
    } else if ay < y.lower || ay > y.upper {
      return nil
    }
    return lo < hi ? (ax, ay, lo, hi) : nil
  }

  func drawReferenceLines() {
    for line in panel.referenceLines {
      guard let v = visibleInterval(line) else { continue }
      let yAt = { (wx: Double) in v.ay + line.slope * (wx - v.ax) }
      painter.color(line.color.map(HouseStyle.color) ?? HouseStyle.reference)
      painter.width(HouseStyle.referenceWidth)
      painter.dash(line.dash)
      painter.line([v.from, v.to], [yAt(v.from), yAt(v.to)])
      painter.dash(.solid)
    }
  }

  /// Reference-line labels: beside the line, in page pixels, at the place along its visible
  /// part (and the side) where the label's box covers the fewest series pixels.
  var referenceLabels: [(text: String, at: PixelPoint, color: HouseStyle.RGB)] {
    let data = seriesPixels()
    return panel.referenceLines.compactMap { line in
      guard !line.label.isEmpty, let v = visibleInterval(line) else { return nil }
      let w = painter.textWidth(line.label, em: HouseStyle.annotationEm)
      let h = HouseStyle.annotationEm * 1.2 * t
      let offset = HouseStyle.annotationEm * 0.9 * t
      var best: (PixelPoint, Int)?
      for fraction in [0.8, 0.65, 0.5, 0.35, 0.9, 0.2] {
        let lx = v.from + fraction * (v.to - v.from)
        let a = toPixel(WorldPoint(x: lx, y: v.ay + line.slope * (lx - v.ax)))
        let dx = 1e-3 * x.span
        let b = toPixel(WorldPoint(x: lx + dx, y: v.ay + line.slope * (lx + dx - v.ax)))
        let angle = atan2(b.y - a.y, b.x - a.x)
        for side in [1.0, -1.0] {
          let at = PixelPoint(
            x: a.x + side * sin(angle) * offset, y: a.y - side * cos(angle) * offset)
          let box = Rect(x: at.x - w / 2, y: at.y - h / 2, width: w, height: h)
          guard axes.contains(box.x, box.y), axes.contains(box.maxX, box.maxY) else { continue }
          let covered = data.count { box.contains($0.x, $0.y) }
          if covered < best?.1 ?? .max { best = (at, covered) }
        }
      }
      guard let at = best?.0 else { return nil }
      return (line.label, at, line.color.map(HouseStyle.color) ?? HouseStyle.reference)
    }
  }

  func drawReferenceLabels() {
    for label in referenceLabels {
      painter.color(label.color)
      painter.pageText(
        label.text, x: label.at.x, y: label.at.y, em: HouseStyle.annotationEm, justify: 0.5,
        within: axes)
    }
  }

  func drawAnnotations() {
    for note in panel.annotations {
      guard let wx = x.world(note.x), let wy = y.world(note.y) else { continue }
      let p = toPixel(WorldPoint(x: wx, y: wy))
      painter.color(note.color.map(HouseStyle.color) ?? HouseStyle.text)
      let justify = note.alignment == .left ? 0 : note.alignment == .center ? 0.5 : 1
      // Wider than the axes: smaller, so that it stays inside them rather than over the ticks.
      painter.pageText(
        note.text, x: p.x, y: p.y,
        em: fittedEm(note.text, em: HouseStyle.annotationEm, into: axes.width * 0.98),
        justify: justify, within: axes)
    }
    if plan.isEmpty {
      painter.color(HouseStyle.reference)
      painter.pageText(
        "∅", x: axes.x + axes.width / 2, y: axes.y + axes.height / 2, em: HouseStyle.titleEm * 2,
        justify: 0.5)
    }
  }

  func drawLabels() {
    painter.color(HouseStyle.text)
    if !panel.title.isEmpty {
      painter.pageText(
        panel.title, x: axes.x + axes.width / 2, y: axes.y - HouseStyle.titleEm * 0.85 * t,
        em: fittedEm(panel.title, em: HouseStyle.titleEm, into: cell.width * 0.98), justify: 0.5,
        within: cell)
    }
    let ly = axes.maxY + (HouseStyle.tickEm * 1.9 + HouseStyle.labelEm * 0.75) * t
    if !panel.xAxis.label.isEmpty {
      painter.pageText(
        panel.xAxis.label, x: axes.x + axes.width / 2, y: ly, em: HouseStyle.labelEm,
        justify: 0.5, within: cell)
    }
    if !panel.yAxis.label.isEmpty {
      painter.pixelViewport(painter.page)
      painter.textSize(
        em: fittedEm(panel.yAxis.label, em: HouseStyle.labelEm, into: axes.height + 2 * pad))
      let lx = axes.x - tickLabelWidth(y) - (12 + HouseStyle.labelEm * 0.8) * t
      painter.text(
        panel.yAxis.label, x: lx, y: axes.y + axes.height / 2, dx: 0, dy: -1, justify: 0.5)
    }
    var ny =
      axes.maxY + HouseStyle.tickEm * 1.9 * t + xLabelHeight + HouseStyle.annotationEm * 0.7 * t
    painter.color(HouseStyle.reference)
    for note in notes {
      painter.pageText(
        note, x: cell.x + cell.width / 2, y: ny, em: HouseStyle.annotationEm, justify: 0.5,
        within: cell)
      ny += HouseStyle.annotationEm * 1.45 * t
    }
  }

  private var pad: Double { Self.padding * s }

  /// `em`, made smaller (down to 60%) when `text` would be wider than `room` at that size: a
  /// panel title over a narrow cell, a y label along short axes.
  func fittedEm(_ text: String, em: Double, into room: Double) -> Double {
    let w = painter.textWidth(text, em: em)
    guard w > room, w > 0 else { return em }
    return em * max(0.6, room / w)
  }

  /// Page pixels covered by what the legend must not hide: lines sampled every few pixels,
  /// markers, bars, edge marks, reference lines and their labels, annotations.
  func occupiedPixels() -> [PixelPoint] {
    var pixels = seriesPixels()
    func sample(_ a: PixelPoint, _ b: PixelPoint) {
      let n = max(1, Int((hypot(b.x - a.x, b.y - a.y) / 3).rounded(.up)))
      pixels += (0...n).map { k in
        let f = Double(k) / Double(n)
        return PixelPoint(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y))
      }
    }
    for line in panel.referenceLines {
      guard let v = visibleInterval(line) else { continue }
      let yAt = { (wx: Double) in v.ay + line.slope * (wx - v.ax) }
      sample(
        toPixel(WorldPoint(x: v.from, y: yAt(v.from))), toPixel(WorldPoint(x: v.to, y: yAt(v.to))))
    }
    for label in referenceLabels {
      let w = painter.textWidth(label.text, em: HouseStyle.annotationEm) / 2
      sample(
        PixelPoint(x: label.at.x - w, y: label.at.y), PixelPoint(x: label.at.x + w, y: label.at.y))
    }
    for note in panel.annotations {
      guard let wx = x.world(note.x), let wy = y.world(note.y) else { continue }
      let p = toPixel(WorldPoint(x: wx, y: wy))
      let w = painter.textWidth(note.text, em: HouseStyle.annotationEm)
      let x0 = p.x - (note.alignment == .left ? 0 : note.alignment == .center ? w / 2 : w)
      sample(PixelPoint(x: x0, y: p.y), PixelPoint(x: x0 + w, y: p.y))
    }
    for marker in panel.verticalMarkers {
      guard let (bottom, top) = reach(of: marker) else { continue }
      sample(toPixel(bottom), toPixel(top))
    }
    pixels += edgeMarks.map(\.point)
    return pixels.filter { axes.contains($0.x, $0.y) }
  }

  /// Page pixels of the series: lines sampled every 3 pixels, points, bars.
  func seriesPixels() -> [PixelPoint] {
    var pixels: [PixelPoint] = []
    let bounds = x.lower...x.upper
    let yBounds = y.lower...y.upper
    func sample(_ a: PixelPoint, _ b: PixelPoint) {
      let n = max(1, Int((hypot(b.x - a.x, b.y - a.y) / 3).rounded(.up)))
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
          for (a, b) in zip(finite, finite.dropFirst()) {
            let ca = WorldPoint(
              x: min(max(a.x, x.lower), x.upper), y: min(max(a.y, y.lower), y.upper))
            let cb = WorldPoint(
              x: min(max(b.x, x.lower), x.upper), y: min(max(b.y, y.lower), y.upper))
            sample(toPixel(ca), toPixel(cb))
          }
        }
      }
    }
    return pixels.filter { axes.contains($0.x, $0.y) }
  }
}
