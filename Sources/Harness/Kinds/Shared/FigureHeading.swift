import Calculus
import Foundation

/// The heading rule of every kind's figures: at most two lines above the axes, the
/// experiment's title and one line saying what the figure shows when the title does not (the
/// figure's own title, or the panels' titles, never both); a function written once, in the one
/// notation of `mathText`; a step written one way (`stepText`).
///
/// The experiment's title heads every figure (the output writer puts it there) unless the
/// kind's entry says the figure is about something the title does not describe
/// (`Report.FigureEntry.underExperimentTitle`); the figure's own title is then the first line.
struct FigureHeading: Sendable {
  /// The experiment's title.
  var title: String

  /// The function `text` (as the file writes it) in figure notation, or nil when the
  /// experiment's title states it already.
  func formula(_ text: String) -> String? { states(text) ? nil : mathText(text) }

  /// Whether the experiment's title states the function `text`, in the file's notation or the
  /// figures' (`exp(4x²)`, `2x² + 4eˣ + 15`, `x0² + x1²` all state theirs).
  ///
  /// Edge Cases: a form of fewer than three characters (`x`, `-x`) is never taken as stated;
  /// a form found inside a longer expression (`exp(x)` in `exp(x)·sin(x)`) is not stated.
  func states(_ text: String) -> Bool {
    let title = Self.normalized(self.title)
    var forms = [text, mathText(text)]
    if let f = try? Expression(parsing: text) { forms.append(f.description) }
    return forms.contains { form in
      let needle = Self.normalized(form)
      guard needle.count >= 3 else { return false }
      var from = title.startIndex
      while let found = title.range(of: needle, range: from..<title.endIndex) {
        let before =
          found.lowerBound > title.startIndex
          ? title[title.index(before: found.lowerBound)] : " "
        let after = found.upperBound < title.endIndex ? title[found.upperBound] : " "
        if !Self.continues(before, ahead: false) && !Self.continues(after, ahead: true) {
          return true
        }
        from = title.index(after: found.lowerBound)
      }
      return false
    }
  }

  /// Whether `c` next to a match makes it part of a longer expression.
  private static func continues(_ c: Character, ahead: Bool) -> Bool {
    // A Korean particle written onto the formula (`… + 15의`) ends it: only Latin and Greek
    // letters, digits, `_` and `.` continue an expression.
    let hangul = c.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
    if (c.isLetter && !hangul) || c.isNumber || c == "_" || c == "." { return true }
    if ahead { return "(^".contains(c) || superscripts.values.contains(c) }
    return false
  }

  /// Text with markup superscripts as Unicode (`x^{2}` as `x²`), subscripts as plain digits
  /// (`x_{0}` as `x0`), no multiplication signs and no spaces around operators.
  static func normalized(_ text: String) -> String {
    var out = ""
    var rest = Substring(text.replacingOccurrences(of: "−", with: "-"))
    while let c = rest.first {
      rest = rest.dropFirst()
      guard c == "^" || c == "_", let next = rest.first else {
        if c != "·" && c != "*" { out.append(c) }
        continue
      }
      var group = String(next)
      if next == "{", let close = rest.firstIndex(of: "}") {
        group = String(rest[rest.index(after: rest.startIndex)..<close])
        rest = rest[rest.index(after: close)...]
      } else {
        rest = rest.dropFirst()
      }
      group = group.replacingOccurrences(of: "·", with: "")
      if c == "_" {
        out += group
      } else if group.allSatisfy({ superscripts[$0] != nil }) {
        out += String(group.compactMap { superscripts[$0] })
      } else {
        out += "^" + group
      }
    }
    // Spaces only around operators go: "2x + 1" and "2x+1" are one text, "1 at x" keeps its.
    return out.replacingOccurrences(
      of: " *([-+=/,]) *", with: "$1", options: .regularExpression)
  }

  static let superscripts: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
    "9": "⁹", "+": "⁺", "-": "⁻", "(": "⁽", ")": "⁾", "x": "ˣ", "y": "ʸ", "n": "ⁿ", "i": "ⁱ",
  ]
}

/// A step as every figure writes it: `1e-4` below 0.001, else the shortest decimal (`0.25`,
/// `1`), so a figure never shows `h = 1e-4` beside `h = 0.0001`.
func stepText(_ h: Double) -> String {
  guard h != 0, h.isFinite, abs(h) < 1e-3 else { return short(h) }
  let mantissa = String(format: "%.3e", h).split(separator: "e")
  var digits = String(mantissa[0])
  while digits.hasSuffix("0") { digits.removeLast() }
  if digits.hasSuffix(".") { digits.removeLast() }
  let exponent = Int(mantissa[1]) ?? 0
  return "\(digits)e\(exponent)"
}
