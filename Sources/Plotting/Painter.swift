internal import CPLplot
import Foundation

/// A rectangle in page pixels, origin at the top left.
struct Rect {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  var maxX: Double { x + width }
  var maxY: Double { y + height }

  func inset(left: Double = 0, top: Double = 0, right: Double = 0, bottom: Double = 0) -> Rect {
    Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
  }

  func contains(_ px: Double, _ py: Double) -> Bool {
    px >= x && px <= maxX && py >= y && py <= maxY
  }

  /// Whether the two rectangles share more than their edges.
  func overlaps(_ other: Rect) -> Bool {
    x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
  }

  /// Whether the segment from `a` to `b` passes through the rectangle's inside.
  func isCrossed(from a: PixelPoint, to b: PixelPoint) -> Bool {
    guard let (t0, t1) = clip(from: a, to: b) else { return false }
    return t0 < t1 && !(a.x == b.x && (a.x <= x || a.x >= maxX))
      && !(a.y == b.y && (a.y <= y || a.y >= maxY))
  }

  /// The part of the segment from `a` to `b` inside the rectangle (edges included), as the
  /// segment's parameters `t0 <= t1` in 0...1, or `nil` when it misses (Liang and Barsky).
  func clip(from a: PixelPoint, to b: PixelPoint) -> (Double, Double)? {
    var (t0, t1) = (0.0, 1.0)
    let (dx, dy) = (b.x - a.x, b.y - a.y)
    for (p, q) in [(-dx, a.x - x), (dx, maxX - a.x), (-dy, a.y - y), (dy, maxY - a.y)] {
      if p == 0 {
        if q < 0 { return nil }
        continue
      }
      let r = q / p
      if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
      if t0 > t1 { return nil }
    }
    return (t0, t1)
  }
}

/// The measures of a page: its size, its scales and the width of text, with no drawing
/// library behind them (text is measured by `TextWidthModel`). The layout needs nothing else.
struct PageMetrics {
  let pageWidth: Double
  let pageHeight: Double
  /// Size of this page relative to the 1200x900 house size.
  let scale: Double
  /// `scale` times the figure's font scale: the factor on every em, stroke and marker.
  let textScale: Double

  init(width: Int, height: Int, fontScale: Double = 1) {
    pageWidth = Double(width)
    pageHeight = Double(height)
    scale = max(0.5, min(pageWidth / 1200, pageHeight / 900))
    textScale = scale * (fontScale.isFinite && fontScale > 0 ? fontScale : 1)
  }

  var page: Rect { Rect(x: 0, y: 0, width: pageWidth, height: pageHeight) }

  /// `em` house pixels of text, in page pixels.
  func em(_ em: Double) -> Double { em * textScale }

  /// The width in page pixels of `markup` set at `em` house pixels.
  func textWidth(_ markup: String, em: Double) -> Double {
    TextWidthModel.width(of: markup, em: em * textScale)
  }
}

/// Drawing primitives on the current PLplot stream, in page pixels or in the world
/// coordinates of a viewport. Geometry is given at the 1200x900 house scale and multiplied by
/// `scale`; text sizes, line widths and markers by `textScale` (`scale` times the font scale).
/// Creating one draws nothing: a layout measures with its `metrics`.
struct Painter {
  let metrics: PageMetrics
  var pageWidth: Double { metrics.pageWidth }
  var pageHeight: Double { metrics.pageHeight }
  var scale: Double { metrics.scale }
  var textScale: Double { metrics.textScale }

  /// The scratch colour-map entry every colour goes through.
  private let scratch: PLINT = 15

  init(width: Int, height: Int, fontScale: Double = 1) {
    metrics = PageMetrics(width: width, height: height, fontScale: fontScale)
  }

  init(_ metrics: PageMetrics) {
    self.metrics = metrics
  }

  var page: Rect { metrics.page }

  /// `em` house pixels of text, in page pixels.
  func em(_ em: Double) -> Double { metrics.em(em) }

  private static let micrometresPerPixel = 25.4 / 72 * 1000

  /// Makes `rect` the viewport with world coordinates `x` and `y` (left to right, bottom to top).
  func viewport(_ rect: Rect, x: (Double, Double), y: (Double, Double)) {
    let v = limits(rect)
    c_plvpor(v.xmin, v.xmax, v.ymin, v.ymax)
    c_plwind(x.0, x.1, y.0, y.1)
  }

  /// The normalized limits PLplot's `plvpor` gets for `rect`: inside the page, each side at
  /// least a pixel wide, `min < max`; a non-finite rectangle becomes the whole page.
  func limits(_ rect: Rect) -> (xmin: Double, xmax: Double, ymin: Double, ymax: Double) {
    func clamped(_ lo: Double, _ hi: Double, _ unit: Double) -> (Double, Double) {
      guard lo.isFinite, hi.isFinite else { return (0, 1) }
      let least = 1 / unit
      var a = min(max(min(lo, hi), 0), 1 - least)
      let b = min(max(max(lo, hi), a + least), 1)
      if b - a < least { a = b - least }
      return (a, b)
    }
    let (x0, x1) = clamped(rect.x / pageWidth, rect.maxX / pageWidth, pageWidth)
    let (y0, y1) = clamped(1 - rect.maxY / pageHeight, 1 - rect.y / pageHeight, pageHeight)
    return (x0, x1, y0, y1)
  }

  /// Makes `rect` the viewport with world coordinates in page pixels (y grows downwards).
  func pixelViewport(_ rect: Rect) {
    viewport(rect, x: (rect.x, rect.maxX), y: (rect.maxY, rect.y))
  }

  func color(_ rgb: HouseStyle.RGB, alpha: Double = 1) {
    c_plscol0a(scratch, PLINT(rgb.r), PLINT(rgb.g), PLINT(rgb.b), alpha)
    c_plcol0(scratch)
  }

  /// Stroke width in house pixels.
  func width(_ px: Double) {
    c_plwidth(px * textScale)
  }

  func dash(_ dash: Dash) {
    let pattern = HouseStyle.pattern(dash)
    var marks = pattern.map { PLINT($0.on * textScale * Self.micrometresPerPixel) }
    var spaces = pattern.map { PLINT($0.off * textScale * Self.micrometresPerPixel) }
    c_plstyl(PLINT(pattern.count), &marks, &spaces)
  }

  /// Text height for the following text, as an em size in house pixels.
  func textSize(em: Double) {
    c_plschr(em * textScale / TextMetrics.emPerCharacterHeight * 25.4 / 72, 1)
  }

  func textWidth(_ markup: String, em: Double) -> Double {
    metrics.textWidth(markup, em: em)
  }

  func line(_ xs: [Double], _ ys: [Double]) {
    guard xs.count >= 2 else { return }
    c_plline(PLINT(xs.count), xs, ys)
  }

  func fill(_ xs: [Double], _ ys: [Double]) {
    guard xs.count >= 3 else { return }
    c_plfill(PLINT(xs.count), xs, ys)
  }

  /// Draws `markup` at `(x, y)` (vertically centred there) along the direction `(dx, dy)`,
  /// `justify` 0 left, 0.5 centre, 1 right.
  func text(
    _ markup: String, x: Double, y: Double, dx: Double = 1, dy: Double = 0, justify: Double = 0
  ) {
    c_plptex(x, y, dx, dy, justify, Markup.plplot(markup))
  }
}

extension Painter {
  /// Starts the (single) page.
  func newPage() {
    c_pladv(0)
  }

  /// Draws horizontal `markup` of `em` house pixels at page pixel `(x, y)`, moved as little as
  /// needed to stay inside `bounds` (the page unless given): no text is cut at an edge.
  /// Leaves the page as the viewport.
  func pageText(
    _ markup: String, x: Double, y: Double, em: Double, justify: Double = 0,
    within bounds: Rect? = nil
  ) {
    let area = bounds ?? page.inset(left: 2, top: 2, right: 2, bottom: 2)
    let w = textWidth(markup, em: em)
    let left = Self.clampedLeft(x - justify * w, width: w, within: area.x...area.maxX)
    let half = self.em(em) * 0.6
    let cy = min(max(y, area.y + half), area.maxY - half)
    pixelViewport(page)
    textSize(em: em)
    text(markup, x: left + justify * w, y: cy, justify: justify)
  }

  /// The left edge of a text of `width` starting at `left`, moved into `bounds` (centred when
  /// wider than `bounds`).
  static func clampedLeft(_ left: Double, width: Double, within bounds: ClosedRange<Double>)
    -> Double
  {
    let room = bounds.upperBound - bounds.lowerBound
    if width >= room { return bounds.lowerBound + (room - width) / 2 }
    return min(max(left, bounds.lowerBound), bounds.upperBound - width)
  }
}
