import RealModule

extension GraphBuilder {
  /// The value of an operation on operand values and its local derivative with respect to each
  /// operand, other operands held fixed.
  ///
  /// Sums and products run left to right; a product's partials are prefix times suffix
  /// products (no division, so a zero factor is handled). Powers follow `RealKernel.pow`
  /// (a negative base with an integer exponent keeps its sign).
  static func forward(_ op: GraphOperation, _ v: [T]) -> (value: T, locals: [T]) {
    switch op {
    case .input, .constant: preconditionFailure("inputs and constants have no operands")
    case .sum:
      return (v.dropFirst().reduce(v[0], +), v.map { _ in 1 })
    case .product:
      var prefix = [T](repeating: 1, count: v.count)
      var suffix = [T](repeating: 1, count: v.count)
      for i in v.indices.dropFirst() { prefix[i] = prefix[i - 1] * v[i - 1] }
      for i in v.indices.reversed().dropFirst() { suffix[i] = suffix[i + 1] * v[i + 1] }
      let value = v.dropFirst().reduce(v[0], *)
      return (value, v.indices.map { prefix[$0] * suffix[$0] })
    case .power:
      let (a, b) = (v[0], v[1])
      let value = power(a, b)
      let dBase = b == 0 ? 0 : b * power(a, b - 1)
      return (value, [dBase, value * T.log(a)])
    case .function(let f):
      let (value, local) = apply(f, v[0])
      return (value, [local])
    }
  }

  /// `a^b`: `a` for b = 1, `a*a` for b = 2 (as `Expression.evaluate`), otherwise
  /// `RealKernel.pow` (1 for b = 0; a negative base with an integer exponent keeps its sign).
  static func power(_ a: T, _ b: T) -> T {
    if b == 1 { return a }
    if b == 2 { return a * a }
    return RealKernel<T>.pow(a, b)
  }

  /// f(u) and f'(u), with the conventions of `Expression.Function.derivative(at:)`.
  static func apply(_ f: Expression.Function, _ u: T) -> (value: T, derivative: T) {
    switch f {
    case .exp:
      let e = T.exp(u)
      return (e, e)
    case .log: return (T.log(u), 1 / u)
    case .sqrt:
      let r = T.sqrt(u)
      return (r, 1 / (2 * r))
    case .sin: return (T.sin(u), T.cos(u))
    case .cos: return (T.cos(u), -T.sin(u))
    case .tan:
      let c = T.cos(u)
      return (T.tan(u), 1 / (c * c))
    case .sinh: return (T.sinh(u), T.cosh(u))
    case .cosh: return (T.cosh(u), T.sinh(u))
    case .tanh:
      let t = T.tanh(u)
      return (t, 1 - t * t)
    case .asin: return (T.asin(u), 1 / T.sqrt(1 - u * u))
    case .acos: return (T.acos(u), -1 / T.sqrt(1 - u * u))
    case .atan: return (T.atan(u), 1 / (1 + u * u))
    case .sigmoid:
      let s = 1 / (1 + T.exp(-u))
      return (s, s * (1 - s))
    case .abs: return (Swift.abs(u), RealKernel<T>.sign(u))
    case .relu: return (RealKernel<T>.relu(u), RealKernel<T>.step(u))
    case .sign: return (RealKernel<T>.sign(u), 0)
    case .step: return (RealKernel<T>.step(u), 0)
    }
  }

  /// The operation's short name with its folded constants: `+`, `+ 1`, `×4`, `−` (times -1),
  /// `^2`, `1/·` (power -1), `2^·`, `exp`.
  static func label(_ op: GraphOperation, _ operands: [GraphOperand<T>]) -> String {
    let constants: [Expression] = operands.compactMap {
      if case .constant(_, let e) = $0 { return e }
      return nil
    }
    let folded = constants.map(\.description)
    switch op {
    case .input(let name): return name
    case .constant: return folded.joined()
    case .sum: return folded.isEmpty ? "+" : "+ " + folded.joined(separator: " + ")
    case .product:
      if constants == [.number(-1)] { return "−" }
      return folded.isEmpty ? "×" : "×" + folded.joined(separator: "×")
    case .power:
      if case .constant(_, let e) = operands[1] {
        return e == .number(-1) ? "1/·" : "^" + Self.grouped(e)
      }
      if case .constant(_, let e) = operands[0] { return Self.grouped(e) + "^·" }
      return "^"
    case .function(let f): return f.rawValue
    }
  }

  /// A constant's text, parenthesized unless it is a plain number or name.
  private static func grouped(_ e: Expression) -> String {
    switch e {
    case .number(let v) where v >= 0: return e.description
    case .constant: return e.description
    default: return "(\(e.description))"
    }
  }
}
