/// A mistake in the text of an expression, with the 1-based line and column of the offending
/// character within that text.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, e.g. `unknown function 'sinn' (did you mean 'sin'?)`.
  public var message: String
  /// The 1-based line of the offending character within the expression text.
  public var line: Int
  /// The 1-based column of the offending character within its line.
  public var column: Int

  public init(message: String, line: Int, column: Int) {
    self.message = message
    self.line = line
    self.column = column
  }

  /// `line:column: message`.
  public var description: String { "\(line):\(column): \(message)" }
}

extension Expression {
  /// Parses an expression.
  ///
  /// Grammar, loosest first: `+ -` (left-associative), `* /` (left-associative), unary `-`
  /// and `+`, `^` (right-associative, binds tighter than unary minus: `-x^2` is `-(x^2)`,
  /// `2^-x` is `2^(-x)`), then numbers (`2`, `.5`, `1e-3`), identifiers, calls `f(a)` and
  /// `pow(a, b)`, and parentheses. `pi` and `e` are constants; every other identifier that is
  /// not a function name is a variable. The tree is kept as written (nothing is simplified).
  ///
  /// Edge Cases:
  /// Errors name the exact line and column of the offending character: an unexpected
  /// character, a `(` never closed (at the `(`), a `)` without its `(`, a missing operand (at
  /// what stands in its place, or just past the end), an unknown function (with the nearest
  /// known name by edit distance), a wrong number of arguments (at the function's name), a
  /// function name without parentheses, and input left over after a complete expression.
  public init(parsing text: String) throws(ExpressionError) {
    var lexer = ExpressionLexer(text)
    var parser = ExpressionParser(tokens: lexer.tokens())
    self = try parser.parseAll()
  }
}

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
  private static func isIdentifierStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
  private static func isIdentifierPart(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "_"
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
      } else if Self.isIdentifierStart(c) {
        while let c = peek(), Self.isIdentifierPart(c) { advance() }
        result.append(token(.identifier(String(characters[start.index..<index]))))
      } else if "+-*/^(),".contains(c) {
        advance()
        result.append(token(.symbol(c)))
      } else {
        advance()
        result.append(token(.invalid("unexpected character '\(c)'")))
      }
    }
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

/// A recursive-descent parser over the tokens of one expression.
struct ExpressionParser {
  private let tokens: [ExpressionToken]
  private var index = 0

  init(tokens: [ExpressionToken]) { self.tokens = tokens }

  private var current: ExpressionToken { tokens[index] }
  private var previous: ExpressionToken? { index > 0 ? tokens[index - 1] : nil }

  private func isSymbol(_ c: Character) -> Bool { current.kind == .symbol(c) }

  @discardableResult
  private mutating func advance() -> ExpressionToken {
    let token = tokens[index]
    if token.kind != .end { index += 1 }
    return token
  }

  mutating func parseAll() throws(ExpressionError) -> Expression {
    if current.kind == .end { throw current.error("empty expression") }
    let expression = try parseSum()
    try expectOperatorOrEnd(closing: nil)
    return expression
  }

  /// After a complete operand: reports what stands where an operator, the `)` of `opening`
  /// or the end was expected.
  private func expectOperatorOrEnd(closing opening: ExpressionToken?) throws(ExpressionError) {
    switch current.kind {
    case .end:
      if let opening { throw opening.error("unbalanced parenthesis: '(' is never closed") }
    case .symbol(")"):
      if opening == nil { throw current.error("unbalanced parenthesis: ')' has no matching '('") }
    case .symbol(","):
      throw current.error("unexpected ',' outside the arguments of a function")
    case .invalid(let message):
      throw current.error(message)
    default:
      throw current.error(
        "expected an operator before \(current.quoted) (write 2*x, not 2x or 2 x)")
    }
  }

  private mutating func parseSum() throws(ExpressionError) -> Expression {
    var terms = [try parseTerm()]
    while isSymbol("+") || isSymbol("-") {
      let negate = advance().kind == .symbol("-")
      let term = try parseTerm()
      terms.append(negate ? term.negated : term)
    }
    return terms.count == 1 ? terms[0] : .sum(terms)
  }

  private mutating func parseTerm() throws(ExpressionError) -> Expression {
    var factors: [Expression] = []
    func append(_ factor: Expression) {
      if case .product(let inner) = factor { factors += inner } else { factors.append(factor) }
    }
    append(try parseUnary())
    while isSymbol("*") || isSymbol("/") {
      let divide = advance().kind == .symbol("/")
      let factor = try parseUnary()
      append(divide ? .power(factor, .number(-1)) : factor)
    }
    return factors.count == 1 ? factors[0] : .product(factors)
  }

  private mutating func parseUnary() throws(ExpressionError) -> Expression {
    if isSymbol("-") {
      advance()
      return try parseUnary().negated
    }
    if isSymbol("+") {
      advance()
      return try parseUnary()
    }
    return try parsePower()
  }

  private mutating func parsePower() throws(ExpressionError) -> Expression {
    let base = try parsePrimary()
    guard isSymbol("^") else { return base }
    advance()
    return .power(base, try parseUnary())
  }

  private mutating func parsePrimary() throws(ExpressionError) -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return .number(value)
    case .identifier(let name):
      advance()
      if isSymbol("(") { return try parseCall(token, name: name) }
      if let constant = Expression.Constant(rawValue: name) { return .constant(constant) }
      if Expression.Function(rawValue: name) != nil || name == "pow" {
        throw token.error("function '\(name)' needs parentheses, as in \(name)(x)")
      }
      return .variable(name)
    case .symbol("("):
      advance()
      let inner = try parseSum()
      try expectOperatorOrEnd(closing: token)
      advance()
      return inner
    case .invalid(let message):
      throw token.error(message)
    default:
      if let previous {
        throw token.error("missing operand after \(previous.quoted), found \(token.quoted)")
      }
      throw token.error("missing operand before \(token.quoted)")
    }
  }

  private mutating func parseCall(
    _ nameToken: ExpressionToken, name: String
  ) throws(ExpressionError) -> Expression {
    let function = Expression.Function(rawValue: name)
    guard function != nil || name == "pow" else {
      if Expression.Constant(rawValue: name) != nil {
        throw nameToken.error("'\(name)' is a constant, not a function")
      }
      throw nameToken.error("unknown function '\(name)'" + Self.suggestion(for: name))
    }
    let opening = advance()
    var arguments: [Expression] = []
    if !isSymbol(")") {
      arguments.append(try parseSum())
      while isSymbol(",") {
        advance()
        arguments.append(try parseSum())
      }
    }
    try expectOperatorOrEnd(closing: opening)
    advance()
    let arity = function == nil ? 2 : 1
    guard arguments.count == arity else {
      let plural = arity == 1 ? "argument" : "arguments"
      throw nameToken.error("'\(name)' takes \(arity) \(plural), got \(arguments.count)")
    }
    if let function { return .function(function, arguments[0]) }
    return .power(arguments[0], arguments[1])
  }

  /// ` (did you mean 'sin'?)` for the known function nearest to `name` by edit distance, or
  /// the list of known functions when none is near.
  static func suggestion(for name: String) -> String {
    let known = Expression.Function.allCases.map(\.rawValue) + ["pow"]
    let limit = name.count <= 3 ? 1 : 2
    let scored = known.map { (name: $0, distance: editDistance(name.lowercased(), $0)) }
    if let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit {
      return " (did you mean '\(best.name)'?)"
    }
    return "; the functions are " + known.joined(separator: ", ")
  }

  /// The Damerau-Levenshtein (optimal string alignment) distance between two strings.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
