import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The text of every `<text>` element of an SVG file, nested `<tspan>`s joined; `nil` when the
/// file is not well-formed XML.
final class SVGText: NSObject, XMLParserDelegate {
  private var texts: [String] = []
  private var depth = 0
  private var current = ""

  static func texts(inFile url: URL) throws -> [String]? {
    let parser = XMLParser(data: try Data(contentsOf: url))
    let collector = SVGText()
    parser.delegate = collector
    return parser.parse() ? collector.texts : nil
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if name == "text" {
      depth += 1
      current = ""
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if depth > 0 { current += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if name == "text" {
      depth -= 1
      texts.append(current)
    }
  }
}
