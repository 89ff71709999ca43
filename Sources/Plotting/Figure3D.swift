/// A curve in three dimensions, drawn over a surface: a line (an intersection curve, a tangent
/// line) or markers (a point on the surface).
///
/// Edge Cases: the curve is drawn in depth order with the surface, so a part behind a hill is
/// hidden; a part on the surface is drawn over the cells it lies on.
public struct Curve3D: Sendable {
  public var label: String
  public var x: [Double]
  public var y: [Double]
  public var z: [Double]
  public var dash: Dash
  /// Palette index, or `nil` for the curve's position.
  public var color: Int?
  /// `.line` joins the points; `.markers` draws a marker at each (`.lineAndMarkers` both).
  public var style: SeriesStyle
  /// Index of the marker shape; `nil` for the circle.
  public var marker: Int?

  public init(
    _ label: String, x: [Double], y: [Double], z: [Double], dash: Dash = .solid,
    color: Int? = nil, style: SeriesStyle = .line, marker: Int? = nil
  ) {
    self.label = label
    self.x = x
    self.y = y
    self.z = z
    self.dash = dash
    self.color = color
    self.style = style
    self.marker = marker
  }
}

/// A vertical plane through a surface panel's box, `x = value` or `y = value` (the plane that
/// slices a surface), drawn as a translucent sheet with its outline. What lies behind it is
/// drawn first, then the plane and what lies in it, then what lies in front of it.
///
/// Edge Cases: with `cutsAway`, the surface between the plane and the viewer is drawn faint,
/// so that the section (the curve in the plane, a tangent line in it) is not hidden behind the
/// near half of the surface. A value outside the box's range draws no sheet. A cell that the
/// plane crosses counts on the side of its centre.
public struct Plane3D: Sendable {
  /// The coordinate the plane holds fixed.
  public enum Fixed: Sendable, Equatable {
    case x
    case y
  }

  public var label: String
  public var fixed: Fixed
  public var value: Double
  /// Palette index, or `nil` for a neutral grey.
  public var color: Int?
  public var cutsAway: Bool

  public init(_ label: String, x value: Double, color: Int? = nil, cutsAway: Bool = true) {
    self.init(label, fixed: .x, value: value, color: color, cutsAway: cutsAway)
  }

  public init(_ label: String, y value: Double, color: Int? = nil, cutsAway: Bool = true) {
    self.init(label, fixed: .y, value: value, color: color, cutsAway: cutsAway)
  }

  init(_ label: String, fixed: Fixed, value: Double, color: Int?, cutsAway: Bool) {
    self.label = label
    self.fixed = fixed
    self.value = value
    self.color = color
    self.cutsAway = cutsAway
  }
}
