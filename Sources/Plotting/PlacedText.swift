import Foundation

/// A text placed on the page by a layout: what, where, how large, and the box it covers.
struct PlacedText {
  /// What the text is, for the rules (which boxes may sit over the axes) and for the tests.
  enum Role: String {
    case heading, title, tickLabel, axisLabel, note, directLabel, guideLabel, annotation, legend
  }

  var text: String
  var role: Role
  /// The anchor: the text's centre line at `x`, `justify` of its width left of `x`.
  var x: Double
  var y: Double
  /// The size in house pixels (times the page's text scale when drawn).
  var em: Double
  var justify: Double
  var color: HouseStyle.RGB
  /// Drawn upwards (a y label), `x` then being the centre line.
  var vertical = false
  /// The page pixels the text covers.
  var box: Rect

  /// The height of a line of text, in ems (ascent and descent).
  static let lineEms = 1.2
  /// How far a superscript reaches above the line (a subscript below it), in ems.
  static let scriptEms = 0.35

  /// `text` of `em` house pixels at `(x, y)`, moved as little as needed to stay inside
  /// `bounds`: no text is cut at an edge.
  init(
    _ text: String, role: Role, x: Double, y: Double, em: Double, justify: Double = 0,
    color: HouseStyle.RGB = HouseStyle.text, within bounds: Rect, metrics: PageMetrics
  ) {
    let w = metrics.textWidth(text, em: em)
    let left = Painter.clampedLeft(x - justify * w, width: w, within: bounds.x...bounds.maxX)
    let (up, down) = Self.reach(text, em: metrics.em(em))
    let cy = min(max(y, bounds.y + up), bounds.maxY - down)
    self.text = text
    self.role = role
    self.x = left + justify * w
    self.y = cy
    self.em = em
    self.justify = justify
    self.color = color
    box = Rect(x: left, y: cy - up, width: w, height: up + down)
  }

  /// A text drawn upwards, centred on `(x, y)`.
  init(vertical text: String, role: Role, x: Double, y: Double, em: Double, metrics: PageMetrics)
  {
    let w = metrics.textWidth(text, em: em)
    let (up, down) = Self.reach(text, em: metrics.em(em))
    self.text = text
    self.role = role
    self.x = x
    self.y = y
    self.em = em
    justify = 0.5
    color = HouseStyle.text
    vertical = true
    box = Rect(x: x - up, y: y - w / 2, width: up + down, height: w)
  }

  /// How far a text of `em` page pixels reaches above and below its centre line.
  static func reach(_ text: String, em: Double) -> (up: Double, down: Double) {
    let runs = Markup.runs(text)
    let half = em * lineEms / 2
    let up = half + (runs.contains { $0.level > 0 } ? em * scriptEms : 0)
    let down = half + (runs.contains { $0.level < 0 } ? em * scriptEms : 0)
    return (up, down)
  }

  /// The text moved right by `dx` pixels.
  func moved(by dx: Double) -> PlacedText {
    var copy = self
    copy.x += dx
    copy.box.x += dx
    return copy
  }
}

extension Painter {
  /// Draws a placed text where the layout put it. Leaves the page as the viewport.
  func draw(_ placed: PlacedText) {
    pixelViewport(page)
    color(placed.color)
    textSize(em: placed.em)
    if placed.vertical {
      text(placed.text, x: placed.x, y: placed.y, dx: 0, dy: -1, justify: 0.5)
    } else {
      text(placed.text, x: placed.x, y: placed.y, justify: placed.justify)
    }
  }
}

/// Whether the segments `a`–`b` and `c`–`d` cross (touching ends count).
func segmentsCross(_ a: PixelPoint, _ b: PixelPoint, _ c: PixelPoint, _ d: PixelPoint) -> Bool {
  func side(_ p: PixelPoint, _ q: PixelPoint, _ r: PixelPoint) -> Double {
    (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
  }
  let (d1, d2) = (side(c, d, a), side(c, d, b))
  let (d3, d4) = (side(a, b, c), side(a, b, d))
  return d1 * d2 <= 0 && d3 * d4 <= 0
    && max(a.x, b.x) >= min(c.x, d.x) && max(c.x, d.x) >= min(a.x, b.x)
    && max(a.y, b.y) >= min(c.y, d.y) && max(c.y, d.y) >= min(a.y, b.y)
}
