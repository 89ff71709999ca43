import Foundation

extension PanelLayout {
  /// The length of a tick marker, in page pixels at text scale 1: long enough to show its dash.
  static let markerTickLength = 26.0

  /// The world points a vertical marker runs between: the axes' height, or a tick's length up
  /// from the x axis; `nil` when its x has no place on the axis.
  func reach(of marker: VerticalMarker) -> (bottom: WorldPoint, top: WorldPoint)? {
    guard let wx = x.world(marker.x) else { return nil }
    guard marker.isTick, axes.height > 0 else {
      return (WorldPoint(x: wx, y: y.lower), WorldPoint(x: wx, y: y.upper))
    }
    let share = min(1, Self.markerTickLength * t / axes.height)
    return (WorldPoint(x: wx, y: y.lower), WorldPoint(x: wx, y: y.lower + share * y.span))
  }
}

extension PanelPainter {
  /// The width of a tick marker, in reference widths.
  static let tickWidth = 1.6

  /// The vertical markers: full-height lines, and ticks up from the x axis (drawn wider).
  func drawVerticalMarkers() {
    for marker in plan.panel.verticalMarkers {
      guard let (bottom, top) = layout.reach(of: marker) else { continue }
      painter.color(marker.color.map(HouseStyle.color) ?? HouseStyle.marker)
      painter.width(HouseStyle.referenceWidth * (marker.isTick ? Self.tickWidth : 1))
      painter.dash(marker.dash)
      painter.line([bottom.x, top.x], [bottom.y, top.y])
    }
    painter.dash(.solid)
  }
}
