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
}

/// Drawing primitives on the current PLplot stream, in page pixels or in the world
/// coordinates of a viewport. All sizes are given at the 1200x900 house scale and multiplied
/// by `scale`.
struct Painter {
  let pageWidth: Double
  let pageHeight: Double
  /// Size of this page relative to the 1200x900 house size.
  let scale: Double

  /// The scratch colour-map entry every colour goes through.
  private let scratch: PLINT = 15

  init(width: Int, height: Int) {
    pageWidth = Double(width)
    pageHeight = Double(height)
    scale = max(0.5, min(pageWidth / 1200, pageHeight / 900))
  }

  private static let micrometresPerPixel = 25.4 / 72 * 1000

  /// Makes `rect` the viewport with world coordinates `x` and `y` (left to right, bottom to top).
  func viewport(_ rect: Rect, x: (Double, Double), y: (Double, Double)) {
    c_plvpor(
      rect.x / pageWidth, rect.maxX / pageWidth, 1 - rect.maxY / pageHeight, 1 - rect.y / pageHeight
    )
    c_plwind(x.0, x.1, y.0, y.1)
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
    c_plwidth(px * scale)
  }

  func dash(_ dash: Dash) {
    let pattern = HouseStyle.pattern(dash)
    var marks = pattern.map { PLINT($0.on * scale * Self.micrometresPerPixel) }
    var spaces = pattern.map { PLINT($0.off * scale * Self.micrometresPerPixel) }
    c_plstyl(PLINT(pattern.count), &marks, &spaces)
  }

  /// Text height for the following text, as an em size in house pixels.
  func textSize(em: Double) {
    c_plschr(em * scale / TextMetrics.emPerCharacterHeight * 25.4 / 72, 1)
  }

  func textWidth(_ markup: String, em: Double) -> Double {
    TextMetrics.width(of: markup, em: em * scale)
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
}
