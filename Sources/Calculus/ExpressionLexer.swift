/// One token of expression text, with where it starts.
struct ExpressionToken {
  enum Kind: Equatable {
    case number(Double)
    case identifier(String)
    /// One of `+ - * / ^ ( ) ,`.
    case symbol(Character)
    /// A lexical error, reported when the parser reaches it.
    case invalid(String)
    case end
  }

  var kind: Kind
  var text: String
  var line: Int
  var column: Int

  /// How the token is quoted in a message.
  var quoted: String { kind == .end ? "the end of the expression" : "'\(text)'" }

  func error(_ message: String) -> ExpressionError {
    ExpressionError(message: message, line: line, column: column)
  }
}

/// Splits expression text into tokens, tracking 1-based lines and columns.
struct ExpressionLexer {
  private let characters: [Character]
  private var index = 0
  private var line = 1
  private var column = 1

  init(_ text: String) { characters = Array(text) }

  private func peek(_ offset: Int = 0) -> Character? {
    index + offset < characters.count ? characters[index + offset] : nil
  }

  private mutating func advance() {
    if characters[index].isNewline {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  private static func isDigit(_ c: Character?) -> Bool {
    c.map { $0.isASCII && $0.isNumber } ?? false
  }

  /// A letter of a name: every scalar a Unicode letter that is not a modifier letter (those
  /// include the superscript letters), and not one of the look-alikes `Confusable` explains.
  private static func isLetter(_ c: Character) -> Bool {
    if c == "_" { return true }
    if c.isASCII { return c.isLetter }
    return Confusable.hint(for: c) == nil
      && c.unicodeScalars.allSatisfy {
        switch $0.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return true
        default: return false
        }
      }
  }

  mutating func tokens() -> [ExpressionToken] {
    var result: [ExpressionToken] = []
    while true {
      while let c = peek(), c.isWhitespace { advance() }
      let start = (index: index, line: line, column: column)
      func token(_ kind: ExpressionToken.Kind) -> ExpressionToken {
        ExpressionToken(
          kind: kind, text: String(characters[start.index..<index]), line: start.line,
          column: start.column)
      }
      guard let c = peek() else {
        result.append(token(.end))
        return result
      }
      if Self.isDigit(c) || (c == "." && Self.isDigit(peek(1))) {
        result.append(token(scanNumber()))
      } else if Self.isLetter(c) {
        while let c = peek(), Self.isLetter(c) || Self.isDigit(c) { advance() }
        result.append(token(.identifier(String(characters[start.index..<index]))))
      } else if c == "*" && peek(1) == "*" {
        advance()
        advance()
        result.append(token(.invalid("'**' is not an operator here (did you mean '^'?)")))
      } else if "+-*/^(),".contains(c) {
        advance()
        result.append(token(.symbol(c)))
      } else {
        result.append(token(.invalid(scanUnexpected(after: result.last))))
      }
    }
  }

  /// Consumes an unexpected character (with the rest of a run of superscripts or subscripts)
  /// and says what it is and, for a look-alike, what to write instead.
  private mutating func scanUnexpected(after previous: ExpressionToken?) -> String {
    let c = characters[index]
    if let run = Confusable.scanScript(characters[index...]) {
      for _ in 0..<run.length { advance() }
      if run.isSuperscript {
        return "superscript '\(run.text)' is not accepted (did you mean '^\(run.ascii)'?)"
      }
      var hint = run.ascii
      if case .identifier(let name)? = previous?.kind, previous?.line == line {
        hint = name + hint
      }
      return "subscript '\(run.text)' is not accepted (did you mean '\(hint)'?)"
    }
    advance()
    if let hint = Confusable.hint(for: c) {
      return "'\(c)'\(Confusable.codePoint(c)) is not accepted (did you mean \(hint)?)"
    }
    if c.isASCII && Confusable.isVisible(c) { return "unexpected character '\(c)'" }
    let shown = Confusable.isVisible(c) ? "'\(c)' " : ""
    return "unexpected character \(shown)(\(Confusable.codePoint(c, bare: true)))"
  }

  /// Scans `digits [. digits] [e [+-] digits]` (or `. digits ...`); the exponent is taken only
  /// when digits follow the `e`, so `2e` is the number 2 followed by the constant e.
  private mutating func scanNumber() -> ExpressionToken.Kind {
    let start = index
    while Self.isDigit(peek()) { advance() }
    if peek() == "." {
      advance()
      while Self.isDigit(peek()) { advance() }
    }
    if peek() == "e" || peek() == "E" {
      let signed = peek(1) == "+" || peek(1) == "-"
      if Self.isDigit(peek(signed ? 2 : 1)) {
        advance()
        if signed { advance() }
        while Self.isDigit(peek()) { advance() }
      }
    }
    let text = String(characters[start..<index])
    guard let value = Double(text), value.isFinite else {
      return .invalid("number '\(text)' is out of range")
    }
    return .number(value)
  }
}
