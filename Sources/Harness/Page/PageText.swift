import Foundation

/// Text made ready for the page: escaped, numbers kept whole, backticks as code.
enum PageText {
  /// `text` with `&`, `<`, `>` and `"` escaped for HTML.
  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  /// A number with an exponent (`1.0e-08`, `2.5E+3`): a browser would break the line after its
  /// hyphen.
  nonisolated(unsafe) static let exponentNumber = /[-−]?[0-9][0-9.,]*[eE][-+−]?[0-9]+/

  /// `text` escaped, each number with an exponent in a span that does not wrap.
  static func html(_ text: String) -> String {
    escaped(text).replacing(exponentNumber) { "<span class=\"nb\">\($0.output)</span>" }
  }

  /// `text` as `html(_:)`, with `code` spans between backticks (descriptions).
  static func prose(_ text: String) -> String {
    let parts = text.split(separator: "`", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return html(text) }
    return parts.enumerated().map { i, part in
      i % 2 == 1 && i < parts.count - 1
        ? "<code>\(escaped(String(part)))</code>" : html(String(part))
    }.joined()
  }

  /// Whether a table cell is a number (possibly with a unit, a percentage or a bracketed
  /// second number): such cells are right-aligned with tabular digits.
  static func isNumeric(_ cell: String) -> Bool {
    cell.wholeMatch(of: numericCell) != nil
  }

  nonisolated(unsafe) static let numericCell =
    /[-−+]?(?:[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+−]?[0-9]+)?(?: ?(?:%|ms|s|µs|x|×))?(?: \([^()]*\))?/
}
