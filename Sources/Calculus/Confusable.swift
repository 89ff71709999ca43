/// Characters that look like part of the language but are not, and what to write instead.
enum Confusable {
  /// Look-alikes of the operators and constants, with the text to suggest.
  private static let table: [Character: String] = {
    var table: [Character: String] = [:]
    for c in "×·⋅∙∗✕✖⨯•" { table[c] = "'*'" }
    for c in "÷∕⁄" { table[c] = "'/'" }
    for c in "−–—‐‑‒﹣➖" { table[c] = "'-'" }
    for c in "﹢➕" { table[c] = "'+'" }
    for c in "ˆ" { table[c] = "'^'" }
    for c in "π𝜋𝝅" { table[c] = "'pi'" }
    for c in "ℯⅇ" { table[c] = "'e'" }
    table["√"] = "'sqrt(...)'"
    table["∞"] = "a large number such as '1e300'; there is no infinity"
    table["½"] = "'(1/2)'"
    table["¼"] = "'(1/4)'"
    table["¾"] = "'(3/4)'"
    for c in "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}" {
      table[c] = "nothing: delete this invisible character"
    }
    return table
  }()

  /// The superscripts and subscripts, as the ASCII they stand for.
  private static let superscripts: [Character: Character] = Dictionary(
    uniqueKeysWithValues: zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ⁿⁱ", "0123456789+-()ni"))
  private static let subscripts: [Character: Character] = Dictionary(
    uniqueKeysWithValues: zip("₀₁₂₃₄₅₆₇₈₉", "0123456789"))

  /// What to write instead of `c`, quoted, or nil when `c` is not a known look-alike.
  static func hint(for c: Character) -> String? {
    if let hint = table[c] { return hint }
    guard c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first else { return nil }
    // Full-width forms U+FF01...U+FF5E are ASCII U+0021...U+007E.
    if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
      return "'\(Character(ascii))'"
    }
    // Mathematical alphanumerics (U+1D400...U+1D7FF): "MATHEMATICAL ITALIC SMALL X" is 'x'.
    if (0x1D400...0x1D7FF).contains(scalar.value), let name = scalar.properties.name {
      let words = name.split(separator: " ")
      if words.count >= 2, let last = words.last, last.count == 1 {
        let letter = words[words.count - 2] == "SMALL" ? last.lowercased() : String(last)
        return "'\(letter)'"
      }
      if let digit = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
      ]
      .firstIndex(of: String(words.last ?? "")) {
        return "'\(digit)'"
      }
    }
    return nil
  }

  /// A run of superscripts or of subscripts at the start of `characters`.
  static func scanScript(
    _ characters: ArraySlice<Character>
  ) -> (text: String, ascii: String, length: Int, isSuperscript: Bool)? {
    guard let first = characters.first else { return nil }
    let map = superscripts[first] != nil ? superscripts : subscripts
    guard map[first] != nil else { return nil }
    let run = characters.prefix { map[$0] != nil }
    return (String(run), String(run.map { map[$0]! }), run.count, map == superscripts)
  }

  /// Whether the character can be shown between quotes: no control, format, unassigned,
  /// private-use or separator scalar, and not starting with a combining mark.
  static func isVisible(_ c: Character) -> Bool {
    c.unicodeScalars.enumerated().allSatisfy { i, scalar in
      switch scalar.properties.generalCategory {
      case .control, .format, .unassigned, .privateUse, .surrogate, .lineSeparator,
        .paragraphSeparator, .spaceSeparator:
        return false
      case .nonspacingMark, .spacingMark, .enclosingMark: return i > 0
      default: return true
      }
    }
  }

  /// ` (U+00D7 MULTIPLICATION SIGN)` for each scalar of `c` (without the parentheses and
  /// leading space when `bare`).
  static func codePoint(_ c: Character, bare: Bool = false) -> String {
    let text = c.unicodeScalars.map { scalar in
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      return scalar.properties.name.map { "\(code) \($0)" } ?? code
    }.joined(separator: ", ")
    return bare ? text : " (\(text))"
  }
}
