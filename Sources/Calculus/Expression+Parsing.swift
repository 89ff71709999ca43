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
  /// Grammar (README.md, "Expressions", says the same), loosest first:
  ///
  ///     expression = term { ("+" | "-") term }           left-associative
  ///     term       = signed { ("*" | "/") signed }        left-associative
  ///     signed     = { "-" } power                        -x^2 is -(x^2)
  ///     power      = primary [ "^" signed ]               right-associative: 2^3^2 is 2^9
  ///     primary    = number | name | name "(" arguments ")" | "(" expression ")"
  ///     number     = digits ["." digits] [("e"|"E") ["+"|"-"] digits]  or  "." digits ...
  ///     name       = (letter | "_") { letter | digit | "_" }
  ///
  /// A letter is a Unicode letter (Hangul, Greek, Latin, ...) other than a modifier letter; a
  /// digit is 0-9. `pi` and `e` are constants; `pow(a, b)` is `a^b`; every other name that is
  /// not a function is a variable. There is no unary `+` (so `x^ + 1` is an error, not
  /// `x^1 + 1`). The tree is kept as written (nothing is simplified).
  ///
  /// Limits (`Expression.Limits`): at most 100 levels of nesting, where each parenthesis,
  /// function call and exponent adds a level (`^(` counts once), and at most 10,000 numbers,
  /// names and operators. Past them the error says the limit and how much the text asks for.
  /// The parser checks the depth before it recurses, so no input can exhaust the stack.
  ///
  /// Edge Cases:
  /// Errors name the exact line and column of the offending character: an unexpected
  /// character (with the ASCII operator it resembles: `×`, `·` and `⋅` are `*`, `÷` is `/`,
  /// `−` (U+2212) and dashes are `-`, superscript digits are `^2`, `**` is `^`, `π` is `pi`,
  /// full-width forms are their ASCII letters), a `(` never closed (at the `(`), a `)` without
  /// its `(`, a missing operand (at what stands in its place, or just past the end), an unknown
  /// function (with the nearest known name by edit distance), a wrong number of arguments (at
  /// the function's name), a function name without parentheses, and input left over after a
  /// complete expression.
  public init(parsing text: String) throws(ExpressionError) {
    var lexer = ExpressionLexer(text)
    let tokens = lexer.tokens()
    try ExpressionParser.checkLimits(tokens)
    var parser = ExpressionParser(tokens: tokens)
    self = try parser.parseAll()
  }
}

/// A recursive-descent parser over the tokens of one expression.
///
/// Recursion happens only through a parenthesis, a call's arguments and an exponent, and each
/// of them first checks `Expression.Limits.depth` (an exponent in parentheses counts once); a
/// run of signs is a loop. The printed form of an accepted expression nests no deeper than
/// its text, so it parses again.
struct ExpressionParser {
  private let tokens: [ExpressionToken]
  private var index = 0
  /// How many parentheses, calls and exponents enclose the current position.
  private var depth = 0

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

  /// Rejects, before any recursion, text with more operands and operators than
  /// `Expression.Limits.size` or parentheses nested deeper than `Expression.Limits.depth`,
  /// at the first token past the limit.
  ///
  /// Complexity: O(n) in the number of tokens, without recursion.
  static func checkLimits(_ tokens: [ExpressionToken]) throws(ExpressionError) {
    let limits = (depth: Expression.Limits.depth, size: Expression.Limits.size)
    var size = 0
    var firstTooLarge: ExpressionToken?
    var nesting = 0
    var deepest = 0
    var firstTooDeep: ExpressionToken?
    for token in tokens {
      switch token.kind {
      case .symbol("("):
        nesting += 1
        deepest = max(deepest, nesting)
        if nesting > limits.depth, firstTooDeep == nil { firstTooDeep = token }
      case .symbol(")"): nesting = max(0, nesting - 1)
      case .symbol(","), .end, .invalid: break
      default:
        size += 1
        if size > limits.size, firstTooLarge == nil { firstTooLarge = token }
      }
    }
    if let token = firstTooLarge {
      throw token.error(
        "expression too large: \(size) numbers, names and operators, "
          + "the limit is \(limits.size)")
    }
    if let token = firstTooDeep {
      throw token.error(
        "parentheses nested \(deepest) deep, the limit is \(limits.depth)")
    }
  }

  /// Runs `body` one level deeper, or throws at `token` when that would pass
  /// `Expression.Limits.depth`.
  private mutating func nested<T>(
    at token: ExpressionToken, _ body: (inout Self) throws(ExpressionError) -> T
  ) throws(ExpressionError) -> T {
    guard depth < Expression.Limits.depth else {
      throw token.error(
        "expression nested more than \(Expression.Limits.depth) deep, the limit is "
          + "\(Expression.Limits.depth) (each parenthesis, function call and exponent adds a level)"
      )
    }
    depth += 1
    defer { depth -= 1 }
    return try body(&self)
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
    append(try parseSigned())
    while isSymbol("*") || isSymbol("/") {
      let divide = advance().kind == .symbol("/")
      let factor = try parseSigned()
      append(divide ? .power(factor, .number(-1)) : factor)
    }
    return factors.count == 1 ? factors[0] : .product(factors)
  }

  /// `{ "-" } power`: a loop, so that a long run of signs costs no stack.
  private mutating func parseSigned() throws(ExpressionError) -> Expression {
    var negative = false
    while isSymbol("-") {
      advance()
      negative.toggle()
    }
    let power = try parsePower()
    return negative ? power.negated : power
  }

  private mutating func parsePower() throws(ExpressionError) -> Expression {
    let base = try parsePrimary()
    guard isSymbol("^") else { return base }
    let caret = advance()
    // `^(` is one level, the parenthesis's, so that a printed form nests no deeper.
    if isSymbol("(") { return .power(base, try parseSigned()) }
    let exponent = try nested(at: caret) { (p: inout Self) throws(ExpressionError) in
      try p.parseSigned()
    }
    return .power(base, exponent)
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
      let inner = try nested(at: token) { (p: inout Self) throws(ExpressionError) in
        try p.parseSum()
      }
      try expectOperatorOrEnd(closing: token)
      advance()
      return inner
    case .invalid(let message):
      throw token.error(message)
    case .symbol("+")
    where previous == nil || previous?.kind == .symbol("(")
      || previous?.kind == .symbol(","):
      throw token.error("unary '+' is not accepted; remove it")
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
    let arguments = try nested(at: opening) {
      (p: inout Self) throws(ExpressionError) -> [Expression] in
      var arguments: [Expression] = []
      if !p.isSymbol(")") {
        arguments.append(try p.parseSum())
        while p.isSymbol(",") {
          p.advance()
          arguments.append(try p.parseSum())
        }
      }
      return arguments
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
