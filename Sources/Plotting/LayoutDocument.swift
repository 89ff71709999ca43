import Foundation

/// A figure's layout as a JSON document: the page, the axes of every panel, every text box,
/// the axes' share of the page and the house rules the layout breaks.
struct LayoutDocument: Encodable {
  struct Box: Encodable {
    var x, y, width, height: Double
    init(_ r: Rect) {
      (x, y, width, height) = (r.x, r.y, r.width, r.height)
    }
  }

  struct Text: Encodable {
    var role: String
    var text: String
    var box: Box
  }

  var width: Double
  var height: Double
  var fontScale: Double
  var axes: [Box]
  var axesShare: Double
  var headingLines: Int
  var legendEntries: [[String]]
  var texts: [Text]
  var violations: [String]

  init(_ layout: FigureLayout, figure: Figure) {
    width = layout.metrics.pageWidth
    height = layout.metrics.pageHeight
    fontScale = figure.fontScale
    axes = layout.panels.map { Box($0.layout.axes) }
    axesShare = layout.axesShare
    headingLines = layout.headings.count
    legendEntries = layout.panels.map { $0.layout.legend.entries.map(\.label) }
    texts = layout.texts.map { Text(role: $0.role.rawValue, text: $0.text, box: Box($0.box)) }
    violations = LayoutRules.violations(layout, figure: figure)
  }

  func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(self)
  }
}
