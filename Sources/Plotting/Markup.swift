import Foundation

/// The label markup of the figure model: `^{...}` / `_{...}` (or `^c` / `_c` for one
/// character) raise or lower text; a backslash makes the next character literal (`\_`);
/// everything else is literal Unicode.
public enum Markup {
  /// A run of text at one script level (0 normal, 1 superscript, -1 subscript, ...).
  struct Run: Equatable {
    var text: String
    var level: Int
  }

  /// Splits `markup` into runs of equal script level. A subscript directly followed by a
  /// superscript (`x_{0}^{2}`), or the other way round, is written in Unicode sub- and
  /// superscript characters when it has them (digits, signs, parentheses): PLplot would set
  /// the second script after the first, raised from the first one's level (x₀ then a
  /// displaced ²); the Unicode pair sits tight on its base, `x₀²`.
  static func runs(_ markup: String) -> [Run] {
    tightened(scriptRuns(markup).map { Run(text: signed($0.text), level: $0.level) })
  }

  /// `text` with each hyphen-minus that is a sign written as the minus sign U+2212, as the
  /// axes write their numbers: one before a digit, a point or a letter, at the start or after
  /// a space, an opening bracket or an operator ("(−1, 9)", "y = −1", "exp(−x)", "x^{−1}"). A
  /// hyphen in a word, a range "1-6", an exponent "1e-5" or a subtraction "x - 1" stays.
  static func signed(_ text: String) -> String {
    let chars = Array(text)
    var out = ""
    for (i, c) in chars.enumerated() {
      let next = i + 1 < chars.count ? chars[i + 1] : " "
      let sign =
        c == "-" && (next.isLetter || ("0"..."9").contains(next) || next == ".")
        && (i == 0 || beforeSign.contains(chars[i - 1]))
      out.append(sign ? "\u{2212}" : c)
    }
    return out
  }

  /// What may stand before a sign (`signed`).
  private static let beforeSign: Set<Character> = [
    " ", "(", "[", "{", "=", ",", ":", ";", "<", ">", "/", "*", "×", "+", "≈", "≤", "≥", "±",
  ]

  private static let superscripts: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
    "9": "⁹", "+": "⁺", "-": "⁻", "\u{2212}": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ",
    "i": "ⁱ", "x": "ˣ", "y": "ʸ",
  ]
  private static let subscripts: [Character: Character] = [
    "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈",
    "9": "₉", "+": "₊", "-": "₋", "\u{2212}": "₋", "=": "₌", "(": "₍", ")": "₎", "i": "ᵢ",
    "j": "ⱼ", "k": "ₖ", "n": "ₙ",
  ]

  /// `text` in Unicode script characters one level above (`up`) or below its base, or `nil`
  /// when a character has none.
  static func unicodeScript(_ text: String, up: Bool) -> String? {
    let table = up ? superscripts : subscripts
    var out = ""
    for c in text {
      guard let mapped = table[c] else { return nil }
      out.append(mapped)
    }
    return out
  }

  /// Runs with every adjacent sub- and superscript pair (one level each side of their base)
  /// turned into Unicode script characters at the base level, merged with their neighbours.
  static func tightened(_ runs: [Run]) -> [Run] {
    var out: [Run] = []
    var i = 0
    while i < runs.count {
      let base = out.last?.level ?? 0
      if i + 1 < runs.count, abs(runs[i].level - base) == 1,
        runs[i + 1].level == 2 * base - runs[i].level,
        let first = unicodeScript(runs[i].text, up: runs[i].level > base),
        let second = unicodeScript(runs[i + 1].text, up: runs[i + 1].level > base)
      {
        append(Run(text: first + second, level: base), to: &out)
        i += 2
        continue
      }
      append(runs[i], to: &out)
      i += 1
    }
    return out
  }

  private static func append(_ run: Run, to runs: inout [Run]) {
    if let last = runs.last, last.level == run.level {
      runs[runs.count - 1].text += run.text
    } else {
      runs.append(run)
    }
  }

  /// Splits `markup` into runs of equal script level, as written.
  private static func scriptRuns(_ markup: String) -> [Run] {
    var runs: [Run] = []
    var level = 0
    var stack: [Int] = []  // the level change each open brace undoes
    var chars = markup.makeIterator()
    func append(_ c: Character, at level: Int) {
      if let last = runs.last, last.level == level {
        runs[runs.count - 1].text.append(c)
      } else {
        runs.append(Run(text: String(c), level: level))
      }
    }
    while let c = chars.next() {
      if c == "\\" {
        append(chars.next() ?? c, at: level)
      } else if c == "^" || c == "_" {
        let step = c == "^" ? 1 : -1
        guard let next = chars.next() else {
          append(c, at: level)
          break
        }
        if next == "{" {
          level += step
          stack.append(step)
        } else {
          append(next, at: level + step)
        }
      } else if c == "}", let step = stack.popLast() {
        level -= step
      } else {
        append(c, at: level)
      }
    }
    return runs
  }

  /// `markup` with every one-level script that has Unicode script characters written in them
  /// (`x^{2}` as `x²`, `f_x` as `fₓ` where it exists): a heading line then keeps the height of
  /// plain text. Scripts without such characters keep their markup.
  static func flattened(_ markup: String) -> String {
    runs(markup).map { run in
      guard run.level != 0 else { return literal(run.text) }
      if abs(run.level) == 1, let plain = unicodeScript(run.text, up: run.level > 0) {
        return plain
      }
      return (run.level > 0 ? "^{" : "_{") + literal(run.text) + "}"
    }.joined()
  }

  /// `text` as markup that draws it as it is: a file name such as `my_model.py` keeps its
  /// underscore instead of lowering the next letter.
  public static func literal(_ text: String) -> String {
    var out = ""
    for c in text {
      if "\\^_{}".contains(c) { out.append("\\") }
      out.append(c)
    }
    return out
  }

  /// The text without markup, as a reader would say it: `O(h^{2})` becomes `O(h2)`.
  static func plain(_ markup: String) -> String {
    runs(markup).map(\.text).joined()
  }

  /// The most characters one PLplot text call draws. PLplot decodes a string into fixed
  /// buffers without bounds checks (`pldeco`'s 300 symbols in plsym.c, the unicode buffer of
  /// `plP_text`), so a longer one (a 600-term expression in a title) writes past them and
  /// crashes inside libplplot; longer text is cut here, with "…", whatever drew it.
  static let maximumCharacters = 160

  /// `runs` cut to at most `limit` characters in all, the last run ending in "…".
  static func truncated(_ runs: [Run], to limit: Int = maximumCharacters) -> [Run] {
    guard runs.reduce(0, { $0 + $1.text.count }) > limit else { return runs }
    var left = limit - 1
    var out: [Run] = []
    for run in runs where left > 0 {
      let kept = String(run.text.prefix(left))
      out.append(Run(text: kept, level: run.level))
      left -= kept.count
    }
    out.append(Run(text: "…", level: 0))
    return out
  }

  /// The string in PLplot's text escapes (`#u`, `#d`, `##` for a literal `#`), at most
  /// `maximumCharacters` characters drawn (`truncated`).
  static func plplot(_ markup: String) -> String {
    var out = ""
    var level = 0
    for run in truncated(runs(markup)) {
      while level < run.level {
        out += "#u"
        level += 1
      }
      while level > run.level {
        out += "#d"
        level -= 1
      }
      out += run.text.replacingOccurrences(of: "#", with: "##")
    }
    while level > 0 {
      out += "#d"
      level -= 1
    }
    while level < 0 {
      out += "#u"
      level += 1
    }
    return out
  }
}
