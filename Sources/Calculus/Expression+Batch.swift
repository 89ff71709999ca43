import RealModule

/// An expression compiled to a register tape that evaluates whole batches of points: each
/// instruction runs over every lane before the next, so a sweep costs one pass over the tape
/// instead of one closure tree walk per point.
///
/// The arithmetic is `Expression.compiled(variables:)`'s, operation for operation (sums and
/// products left to right, quotients as divisions, `u^2` as `u*u`, `u^n` by `T.pow(u, n)`),
/// with one exception: `exp` in `Double` runs eight lanes at a time through `VectorMath.exp`.
///
/// Error Bounds: a lane's value is bit-identical to the scalar closure's in `Float16`, `Float`
/// and `Float80`, and in `Double` for expressions without `exp`; with `exp` in `Double` each
/// `exp` differs from `Double.exp` by at most 2 ulps (tested), and that difference propagates
/// through the rest of the expression like any rounding error of `exp` would.
///
/// Complexity: building is O(n) in the expression's size; `evaluate` is O(n L) for L lanes,
/// with O(n L) memory for the registers.
public struct BatchEvaluator<T: Real & BinaryFloatingPoint> {
  enum Operand {
    case register(Int)
    case constant(T)
  }

  enum Instruction {
    case variable(Int)
    case add(Operand, Operand)
    case multiply(Operand, Operand)
    case divide(Operand, Operand)
    case square(Int)
    case powerInteger(Int, Int)
    case power(Operand, Operand)
    case function(Expression.Function, Int)
  }

  var instructions: [Instruction] = []
  var result: Operand = .constant(0)

  /// - Precondition: every variable of `expression` is in `variables`.
  @_specialize(where T == Double)
  public init(_ expression: Expression, variables: [String]) {
    let missing = expression.variables.subtracting(variables)
    precondition(missing.isEmpty, "no value for the variables \(missing.sorted())")
    var index: [String: Int] = [:]
    for (i, name) in variables.enumerated() where index[name] == nil { index[name] = i }
    result = emit(expression, index)
  }

  private mutating func append(_ instruction: Instruction) -> Operand {
    instructions.append(instruction)
    return .register(instructions.count - 1)
  }

  private mutating func register(_ operand: Operand) -> Int {
    switch operand {
    case .register(let r): return r
    case .constant(let c): return register(append(.add(.constant(c), .constant(0))))
    }
  }

  private mutating func emit(_ e: Expression, _ index: [String: Int]) -> Operand {
    if let c = e.constantValue(RealKernel<T>.self) { return .constant(c) }
    switch e {
    case .number, .constant: preconditionFailure("handled by constantValue")
    case .variable(let name): return append(.variable(index[name]!))
    case .sum(let terms):
      var sum = emit(terms[0], index)
      for term in terms.dropFirst() { sum = append(.add(sum, emit(term, index))) }
      return sum
    case .product(let factors):
      let (numerator, denominator) = Expression.fraction(factors)
      if denominator.isEmpty { return product(numerator, index) }
      let bottom = product(denominator, index)
      if numerator.isEmpty { return append(.divide(.constant(1), bottom)) }
      return append(.divide(product(numerator, index), bottom))
    case .power(let base, let exponent):
      let b = emit(base, index)
      if let x = exponent.numberValue, let n = Expression.smallInteger(x) {
        switch n {
        case 1: return b
        case 2: return append(.square(register(b)))
        case -1: return append(.divide(.constant(1), b))
        default: return append(.powerInteger(register(b), n))
        }
      }
      return append(.power(b, emit(exponent, index)))
    case .function(let f, let argument):
      return append(.function(f, register(emit(argument, index))))
    }
  }

  private mutating func product(_ factors: [Expression], _ index: [String: Int]) -> Operand {
    var result = emit(factors[0], index)
    for factor in factors.dropFirst() { result = append(.multiply(result, emit(factor, index))) }
    return result
  }

  /// The values at `lanes` points: `columns[v][l]` is variable v's value at point l.
  ///
  /// Edge Cases: as `Expression.evaluate(_:)` (NaN outside a function's domain).
  ///
  /// - Precondition: `columns` has a column per variable, each of the same length.
  @_specialize(where T == Double)
  @_specialize(where T == Float)
  #if arch(x86_64)
    @_specialize(where T == Float80)
  #endif
  public func evaluate(_ columns: [[T]]) -> [T] {
    let lanes = columns.first?.count ?? 1
    var registers: [[T]] = []
    registers.reserveCapacity(instructions.count)
    for instruction in instructions {
      registers.append(Self.run(instruction, registers, columns, lanes))
    }
    switch result {
    case .constant(let c): return [T](repeating: c, count: lanes)
    case .register(let r): return registers[r]
    }
  }

  private static func lanesOf(_ operand: Operand, _ registers: [[T]], _ lanes: Int) -> [T] {
    switch operand {
    case .register(let r): return registers[r]
    case .constant(let c): return [T](repeating: c, count: lanes)
    }
  }

  private static func run(
    _ instruction: Instruction, _ registers: [[T]], _ columns: [[T]], _ lanes: Int
  ) -> [T] {
    func binary(_ a: Operand, _ b: Operand, _ op: (T, T) -> T) -> [T] {
      switch (a, b) {
      case (.register(let r), .constant(let c)): return registers[r].map { op($0, c) }
      case (.constant(let c), .register(let r)): return registers[r].map { op(c, $0) }
      default:
        let (x, y) = (lanesOf(a, registers, lanes), lanesOf(b, registers, lanes))
        return (0..<lanes).map { op(x[$0], y[$0]) }
      }
    }
    switch instruction {
    case .variable(let v): return columns[v]
    case .add(let a, let b): return binary(a, b, +)
    case .multiply(let a, let b): return binary(a, b, *)
    case .divide(let a, let b): return binary(a, b, /)
    case .square(let r): return registers[r].map { $0 * $0 }
    case .powerInteger(let r, let n): return registers[r].map { T.pow($0, n) }
    case .power(let a, let b): return binary(a, b, RealKernel<T>.pow)
    case .function(let f, let r): return apply(f, registers[r])
    }
  }

  private static func apply(_ f: Expression.Function, _ x: [T]) -> [T] {
    switch f {
    case .exp: return VectorMath.exp(x)
    case .log: return x.map { T.log($0) }
    case .sqrt: return x.map { T.sqrt($0) }
    case .sin: return x.map { T.sin($0) }
    case .cos: return x.map { T.cos($0) }
    case .tan: return x.map { T.tan($0) }
    case .tanh: return x.map { T.tanh($0) }
    case .sinh: return x.map { T.sinh($0) }
    case .cosh: return x.map { T.cosh($0) }
    case .asin: return x.map { T.asin($0) }
    case .acos: return x.map { T.acos($0) }
    case .atan: return x.map { T.atan($0) }
    case .sigmoid: return x.map { 1 / (1 + T.exp(-$0)) }
    case .abs: return x.map { Swift.abs($0) }
    case .relu: return x.map { RealKernel<T>.relu($0) }
    case .sign: return x.map { RealKernel<T>.sign($0) }
    case .step: return x.map { RealKernel<T>.step($0) }
    }
  }
}

extension FiniteDifference {
  /// The estimates of `stencil`'s derivative at every step, with f evaluated over one batch
  /// of `steps.count * stencil.offsets.count` points: what a convergence sweep computes.
  ///
  /// Each estimate is `derivative(of:at:step:stencil:)`'s formula at the representable
  /// step `(x + h) - x`, summed by the same `stencilSum`; only the values differ where
  /// `BatchEvaluator` differs from the scalar closure (`exp` in `Double`, at most 2 ulps per
  /// value), which the division by `h^q` turns into round-off of the same size as the
  /// scheme's own, not bit-identical estimates.
  ///
  /// Edge Cases: as `stencilSum`: a step below the spacing at x (`h' = 0`) gives NaN.
  ///
  /// Complexity: one `BatchEvaluator.evaluate` over the batch.
  @_specialize(where T == Double)
  @_specialize(where T == Float)
  #if arch(x86_64)
    @_specialize(where T == Float80)
  #endif
  public static func derivatives<T: Real & BinaryFloatingPoint>(
    of f: BatchEvaluator<T>, at point: [T], variable index: Int, steps: [T], stencil: Stencil
  ) -> [T] {
    stencilSweep(of: f, at: point, variable: index, steps: steps, stencil: stencil).estimates
  }

  /// `derivatives(of:at:variable:steps:stencil:)` with the batch's arguments and values
  /// (lane `s * offsets.count + i` is step s, offset i).
  @_specialize(where T == Double)
  @_specialize(where T == Float)
  #if arch(x86_64)
    @_specialize(where T == Float80)
  #endif
  static func stencilSweep<T: Real & BinaryFloatingPoint>(
    of f: BatchEvaluator<T>, at point: [T], variable index: Int, steps: [T], stencil: Stencil
  ) -> (arguments: [T], values: [T], estimates: [T], spacings: [T]) {
    let x = point[index]
    let offsets = stencil.offsets.map { T($0) }
    let width = offsets.count
    let count = steps.count * width
    let spacings = [T](unsafeUninitializedCapacity: steps.count) { lanes, initialized in
      for s in steps.indices { lanes[s] = (x + steps[s]) - x }
      initialized = steps.count
    }
    let arguments = [T](unsafeUninitializedCapacity: count) { lanes, initialized in
      for s in spacings.indices {
        let hp = spacings[s]
        for i in 0..<width {
          let o = offsets[i]
          lanes[s * width + i] = o == 0 ? x : x + o * hp
        }
      }
      initialized = count
    }
    let columns = point.indices.map {
      $0 == index ? arguments : [T](repeating: point[$0], count: count)
    }
    let values = f.evaluate(columns)
    let numerators = (stencil.numerators ?? stencil.weights).map { T($0) }
    let denominator = T(stencil.denominator ?? 1)
    let estimates = [T](unsafeUninitializedCapacity: steps.count) { lanes, initialized in
      values.withUnsafeBufferPointer { v in
        for s in spacings.indices {
          lanes[s] = FiniteDifference.stencilSum(
            numerators: numerators, denominator: denominator, spacing: spacings[s],
            derivative: stencil.derivative
          ) { v[s * width + $0] }
        }
      }
      initialized = steps.count
    }
    return (arguments, values, estimates, spacings)
  }
}
