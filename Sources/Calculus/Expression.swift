/// A real-valued expression in named variables: the language of the experiment files.
///
/// Expressions are built by `init(parsing:)` from text such as `"2*x^2 + 4*exp(x) + 15"`, and
/// differentiated symbolically with `derivative(withRespectTo:)`. The representation is
/// n-ary and small: a difference `a - b` is the sum of `a` and `-1*b`, a quotient `a / b` is
/// the product of `a` and `b^-1`, `pow(a, b)` is `a^b`. `description` prints the differences
/// and quotients back.
///
/// Number literals are stored as `Double`. Evaluated in a wider type (`Float80`) a literal such
/// as `0.1` is the `Double` nearest to 0.1, not the `Float80` nearest to it: the function is
/// still well defined, it is the function whose coefficients are those `Double` values.
public indirect enum Expression: Hashable, Sendable {
  /// A literal number (non-negative when parsed; simplification may make it negative).
  case number(Double)
  /// One of the named constants `pi` and `e`.
  case constant(Constant)
  /// A free variable: any identifier that is not a constant or a function name.
  case variable(String)
  /// The sum of the terms (at least one).
  case sum([Expression])
  /// The product of the factors (at least one).
  case product([Expression])
  /// `base ^ exponent`; `pow(a, b)` parses to this case.
  case power(Expression, Expression)
  /// A function of one argument.
  case function(Function, Expression)

  /// The named constants of the language.
  public enum Constant: String, CaseIterable, Sendable, Hashable {
    case pi
    case e

    /// The constant's value rounded to `Double`.
    public var value: Double {
      switch self {
      case .pi: return Double.pi
      case .e: return 2.718281828459045
      }
    }
  }

  /// The functions of one argument.
  ///
  /// `sigmoid(x) = 1/(1 + exp(-x))`, `relu(x) = max(0, x)`, `sign(x)` is -1, 0 or 1 and
  /// `step(x)` is the Heaviside step with `step(0) = 0` (the derivative of `relu` that
  /// backpropagation uses). `sign` and `step` exist because they are the derivatives of `abs`
  /// and `relu`.
  public enum Function: String, CaseIterable, Sendable, Hashable {
    case exp, log, sqrt, sin, cos, tan, tanh, sinh, cosh, asin, acos, atan
    case abs, sigmoid, relu, sign, step

    /// Whether the function extends analytically to complex arguments (false for `abs`,
    /// `relu`, `sign`, `step`).
    public var isAnalytic: Bool {
      switch self {
      case .abs, .relu, .sign, .step: return false
      default: return true
      }
    }
  }
}

extension Expression {
  /// The direct subexpressions, in order.
  var children: [Expression] {
    switch self {
    case .number, .constant, .variable: return []
    case .sum(let terms): return terms
    case .product(let factors): return factors
    case .power(let base, let exponent): return [base, exponent]
    case .function(_, let argument): return [argument]
    }
  }

  /// Whether `predicate` holds for this expression or any subexpression.
  func contains(where predicate: (Expression) -> Bool) -> Bool {
    predicate(self) || children.contains { $0.contains(where: predicate) }
  }

  /// The free variables (the constants `pi` and `e` are not variables).
  ///
  /// Complexity: O(n) in the size of the expression.
  public var variables: Set<String> {
    if case .variable(let name) = self { return [name] }
    return children.reduce(into: Set<String>()) { $0.formUnion($1.variables) }
  }

  /// Whether the expression depends on `variable`.
  func depends(on variable: String) -> Bool {
    contains { $0 == .variable(variable) }
  }

  /// Whether every function in the expression extends analytically to complex arguments:
  /// false when `abs`, `relu`, `sign` or `step` appears. The complex-step scheme needs true.
  public var isAnalytic: Bool {
    !contains {
      if case .function(let f, _) = $0 { return !f.isAnalytic }
      return false
    }
  }

  /// The value when the expression is a literal number.
  @usableFromInline
  var numberValue: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The negation `-1 * self`, folded into a leading numeric coefficient where there is one.
  var negated: Expression {
    switch self {
    case .number(let value): return .number(0 - value)  // never -0: the language has no signed zero
    case .product(let factors):
      if let c = factors.first?.numberValue {
        let rest = Array(factors.dropFirst())
        guard c == -1 else { return .product([.number(-c)] + rest) }
        return rest.count == 1 ? rest[0] : rest.isEmpty ? .number(1) : .product(rest)
      }
      return .product([.number(-1)] + factors)
    default: return .product([.number(-1), self])
    }
  }

  /// Whether the expression prints with a leading minus sign (a negative number or a product
  /// whose numeric coefficient is negative).
  var hasNegativeSign: Bool {
    switch self {
    case .number(let value): return value < 0
    case .product(let factors): return (factors.first?.numberValue ?? 0) < 0
    default: return false
    }
  }
}

extension Expression {
  /// The limits of the text `init(parsing:)` accepts.
  ///
  /// They bound the tree every recursive operation walks (simplification, differentiation,
  /// evaluation, printing, equality, hashing, and the release of the tree itself), so that
  /// none can exhaust a thread's stack. Measured in a debug build, one level of parsing takes
  /// about 7 KB of stack, and 200 levels overflowed the 1 MiB stack of a Swift Testing worker
  /// thread; at 100 levels the tests parse, simplify, print, re-parse, evaluate and
  /// differentiate twice the deepest expressions of each shape on a 1 MiB thread (a default
  /// Linux thread has 8 MiB).
  public enum Limits {
    /// The deepest nesting the parser accepts: 100 levels, where each parenthesis, function
    /// call and exponent adds one (a run of signs does not). The tree of an accepted
    /// expression is at most about three times as deep (`treeDepth`).
    public static let depth = 100
    /// The most numbers, names and operators the parser accepts: 10,000.
    public static let size = 10_000
  }

  /// The number of nodes of the tree (numbers, constants, variables, sums, products,
  /// powers and functions), counted without recursion.
  ///
  /// Complexity: O(n) in the size of the tree.
  public var nodeCount: Int {
    nodeCount(limit: .max - 1)
  }

  /// The depth of the tree (1 for a number, constant or variable), computed without recursion.
  ///
  /// Complexity: O(n) in the size of the tree.
  public var treeDepth: Int {
    var deepest = 0
    var stack = [(self, 1)]
    while let (node, depth) = stack.popLast() {
      deepest = Swift.max(deepest, depth)
      stack += node.children.map { ($0, depth + 1) }
    }
    return deepest
  }
}

extension Expression {
  /// A product's factors as evaluation divides them: each `b^n` with a negative literal n goes
  /// below the line as `b^-n` (`b` for n = -1), the others stay above; both in order.
  ///
  /// Evaluation computes `numerator / denominator` (one division), the printers write a
  /// fraction; an empty side is 1.
  @inlinable
  public static func fraction(_ factors: [Expression]) -> (
    numerator: [Expression], denominator: [Expression]
  ) {
    var numerator: [Expression] = []
    var denominator: [Expression] = []
    for factor in factors {
      if case .power(let base, .number(let e)) = factor, e < 0 {
        denominator.append(e == -1 ? base : .power(base, .number(-e)))
      } else {
        numerator.append(factor)
      }
    }
    return (numerator, denominator)
  }
}
