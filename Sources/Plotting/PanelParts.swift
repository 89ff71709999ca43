internal import CPLplot
import Foundation

/// Draws filled marker polygons of a fixed pixel size at world positions.
struct MarkerPainter {
  let painter: Painter
  let axes: Rect
  let x: AxisScale
  let y: AxisScale

  func draw(_ shape: Int, at points: [WorldPoint], color: HouseStyle.RGB) {
    let r = HouseStyle.markerRadius * painter.textScale
    let outline = HouseStyle.markers[shape % HouseStyle.markers.count]
    let sx = r * x.span / axes.width
    let sy = r * y.span / axes.height
    let unitX = outline.map { cos($0.angle * .pi / 180) * $0.radius }
    let unitY = outline.map { sin($0.angle * .pi / 180) * $0.radius }
    for p in points {
      let xs = unitX.map { p.x + $0 * sx }
      let ys = unitY.map { p.y + $0 * sy }
      painter.color(color)
      painter.fill(xs, ys)
      painter.color(HouseStyle.background)
      painter.width(LayoutMetrics.outlineWidth)
      painter.line(xs + [xs[0]], ys + [ys[0]])
    }
  }
}

/// A legend: a framed box of samples and labels.
struct LegendBox {
  let entries: [LegendEntry]
  let painter: Painter
  /// Entries per row, filled row by row (a legend strip shared by several panels).
  var columns = 1

  private var s: Double { painter.textScale }
  /// The legend's proportions, in pixels at text scale 1 (`…Ems` in legend ems).
  static let paddingLength = 9.0
  static let sampleLength = 38.0
  static let gapLength = 9.0
  static let columnGapLength = 24.0
  static let rowEms = 1.5
  /// The share of a row the last one leaves out (no gap under it).
  static let lastRowTrim = 0.2
  /// Where a row's centre line sits, as a share of its height.
  static let rowCentre = 0.4
  /// How far inside the axes a legend sits, and the margin kept around data, in pixels.
  static let insetLength = 10.0
  static let dataMargin = 4.0
  /// The opacity of the legend's white ground, and of a bar's sample.
  static let groundAlpha = 0.88
  static let barAlpha = 0.85
  /// Half the height of a box sample, in legend ems.
  static let boxHalfEms = 0.45

  private var padding: Double { Self.paddingLength * s }
  private var sampleWidth: Double { Self.sampleLength * s }
  private var gap: Double { Self.gapLength * s }
  private var columnGap: Double { Self.columnGapLength * s }
  private var rowHeight: Double { HouseStyle.legendEm * Self.rowEms * s }
  private var columnCount: Int { max(1, min(columns, entries.count)) }
  private var rows: Int { (entries.count + columnCount - 1) / columnCount }

  private var columnWidth: Double {
    let text = entries.map { painter.textWidth($0.label, em: HouseStyle.legendEm) }.max() ?? 0
    return sampleWidth + gap + text
  }

  var width: Double {
    2 * padding + Double(columnCount) * columnWidth + Double(columnCount - 1) * columnGap
  }

  var height: Double { 2 * padding + Double(rows) * rowHeight - Self.lastRowTrim * rowHeight }

  /// This legend in as many columns as fit in `width` pixels.
  func fitted(toWidth width: Double) -> LegendBox {
    var box = self
    box.columns = 1
    while box.columns < entries.count {
      var wider = box
      wider.columns += 1
      guard wider.width <= width else { break }
      box = wider
    }
    return box
  }

  /// The box's rectangle for a placement inside (or beside) `axes`.
  func frame(in axes: Rect, placement: LegendPlacement) -> Rect? {
    let inset = Self.insetLength * s
    let (w, h) = (width, height)
    switch placement {
    case .none, .best: return nil
    case .upperLeft: return Rect(x: axes.x + inset, y: axes.y + inset, width: w, height: h)
    case .upperRight: return Rect(x: axes.maxX - inset - w, y: axes.y + inset, width: w, height: h)
    case .lowerLeft: return Rect(x: axes.x + inset, y: axes.maxY - inset - h, width: w, height: h)
    case .lowerRight:
      return Rect(x: axes.maxX - inset - w, y: axes.maxY - inset - h, width: w, height: h)
    case .outsideRight:
      return Rect(x: axes.maxX + LayoutMetrics.legendGap * s, y: axes.y, width: w, height: h)
    }
  }

  /// The candidate boxes inside `axes`, in order of preference: the corners (upper right
  /// first, as in matplotlib), then the middles of the sides.
  func candidates(in axes: Rect) -> [Rect] {
    Self.candidates(width: width, height: height, in: axes, inset: Self.insetLength * s)
  }

  /// Boxes `width` by `height` inside `axes`, `inset` from their sides, in order of
  /// preference: the corners (upper right first, as in matplotlib), then the middles of the
  /// sides.
  static func candidates(width w: Double, height h: Double, in axes: Rect, inset: Double)
    -> [Rect]
  {
    let (left, right) = (axes.x + inset, axes.maxX - inset - w)
    let (top, bottom) = (axes.y + inset, axes.maxY - inset - h)
    let midX = axes.x + (axes.width - w) / 2
    let midY = axes.y + (axes.height - h) / 2
    return [
      Rect(x: right, y: top, width: w, height: h), Rect(x: left, y: top, width: w, height: h),
      Rect(x: left, y: bottom, width: w, height: h), Rect(x: right, y: bottom, width: w, height: h),
      Rect(x: midX, y: top, width: w, height: h), Rect(x: midX, y: bottom, width: w, height: h),
      Rect(x: left, y: midY, width: w, height: h), Rect(x: right, y: midY, width: w, height: h),
    ]
  }

  /// The candidate box covering the fewest of `pixels` (with a margin of a few pixels), and
  /// how many it covers; the first in order of preference among equals (`preferred` first).
  func emptiestFrame(
    in axes: Rect, avoiding pixels: [PixelPoint], preferring preferred: Rect? = nil
  ) -> (Rect, Int) {
    Self.emptiest(
      (preferred.map { [$0] } ?? []) + candidates(in: axes), avoiding: pixels,
      margin: Self.dataMargin * s)
  }

  /// The box of `boxes` covering the fewest of `pixels` (with `margin` around it), and how
  /// many it covers; the first among equals. `boxes` must not be empty.
  static func emptiest(_ boxes: [Rect], avoiding pixels: [PixelPoint], margin: Double) -> (
    Rect, Int
  ) {
    let scored = boxes.map { box in
      let grown = box.inset(left: -margin, top: -margin, right: -margin, bottom: -margin)
      return (box, pixels.count { grown.contains($0.x, $0.y) })
    }
    return scored.min { $0.1 < $1.1 }!
  }

  func draw(in box: Rect) {
    guard !entries.isEmpty else { return }
    painter.pixelViewport(painter.page)
    let corners = ([box.x, box.maxX, box.maxX, box.x], [box.y, box.y, box.maxY, box.maxY])
    painter.color(HouseStyle.background, alpha: Self.groundAlpha)
    painter.fill(corners.0, corners.1)
    painter.color(HouseStyle.legendFrame)
    painter.width(1)
    painter.dash(.solid)
    painter.line(corners.0 + [box.x], corners.1 + [box.y])
    painter.textSize(em: HouseStyle.legendEm)
    for (k, entry) in entries.enumerated() {
      let (row, column) = (k / columnCount, k % columnCount)
      let cy = box.y + padding + (Double(row) + Self.rowCentre) * rowHeight
      let x0 = box.x + padding + Double(column) * (columnWidth + columnGap)
      drawSample(entry.sample, from: x0, to: x0 + sampleWidth, y: cy)
      painter.color(HouseStyle.text)
      painter.textSize(em: HouseStyle.legendEm)
      painter.text(entry.label, x: x0 + sampleWidth + gap, y: cy)
    }
  }

  private func drawSample(
    _ sample: LegendEntry.Sample, from x0: Double, to x1: Double, y cy: Double
  ) {
    switch sample {
    case .series(let series):
      if series.style == .bars {
        drawBox(series.color, alpha: Self.barAlpha, from: x0, to: x1, y: cy)
        return
      }
      if series.style != .markers {
        painter.color(series.color, alpha: series.strokeAlpha)
        painter.width(series.strokeWidth)
        painter.dash(series.dash)
        painter.line([x0, x1], [cy, cy])
        painter.dash(.solid)
      }
      if series.style != .line {
        // One marker in the middle of the sample, in the pixel world of the legend.
        let page = Rect(x: 0, y: 0, width: painter.pageWidth, height: painter.pageHeight)
        let xs = AxisScale(scale: .linear, lower: 0, upper: page.width, step: page.width)
        let ys = AxisScale(scale: .linear, lower: page.height, upper: 0, step: page.height)
        MarkerPainter(painter: painter, axes: page, x: xs, y: ys)
          .draw(series.marker, at: [WorldPoint(x: (x0 + x1) / 2, y: cy)], color: series.color)
      }
    case .box(let rgb):
      let h = HouseStyle.legendEm * Self.boxHalfEms * s
      SpanPainter(painter: painter).fill(
        rgb, rect: Rect(x: x0, y: cy - h, width: x1 - x0, height: 2 * h))
    case .rule(let rgb, let dash):
      painter.color(rgb)
      painter.width(HouseStyle.referenceWidth)
      painter.dash(dash)
      painter.line([x0, x1], [cy, cy])
      painter.dash(.solid)
    case .edgeMark(let rgb):
      // The triangle on a short stretch of the frame, pointing out through it.
      let r = HouseStyle.markerRadius * LayoutMetrics.edgeMarkRadius * s
      let tip = cy + LayoutMetrics.edgeMarkLength * r / 2
      let (xs, ys) = FrameExits.Side.bottom.triangle(tip: (x0 + x1) / 2, tip, radius: r)
      painter.color(HouseStyle.axes)
      painter.width(HouseStyle.axisWidth)
      painter.line([x0 + (x1 - x0) / 4, x1 - (x1 - x0) / 4], [tip, tip])
      painter.color(rgb)
      painter.fill(xs, ys)
    }
  }

  private func drawBox(
    _ rgb: HouseStyle.RGB, alpha: Double, from x0: Double, to x1: Double, y cy: Double
  ) {
    let h = HouseStyle.legendEm * Self.boxHalfEms * s
    painter.color(rgb, alpha: alpha)
    painter.fill([x0, x1, x1, x0], [cy - h, cy - h, cy + h, cy + h])
  }
}

/// Fills shaded x-ranges with one light tint of the span's colour (never hatching: lines over
/// the data compete with it).
struct SpanPainter {
  let painter: Painter

  /// The tint's opacity.
  static let alpha = 0.16

  /// Fills `rect` (page pixels) with the tint; leaves the page as the viewport.
  func fill(_ rgb: HouseStyle.RGB, rect: Rect) {
    painter.pixelViewport(painter.page)
    painter.color(rgb, alpha: Self.alpha)
    painter.fill([rect.x, rect.maxX, rect.maxX, rect.x], [rect.y, rect.y, rect.maxY, rect.maxY])
  }
}
