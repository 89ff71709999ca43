/// A fraction of two `Int`s in lowest terms with a positive denominator; every operation
/// reports overflow instead of trapping, so exact arithmetic can fall back to floating point.
struct Fraction: Hashable, Sendable {
  let numerator: Int
  let denominator: Int

  struct Overflow: Error {}

  init(_ n: Int) {
    numerator = n
    denominator = 1
  }

  init(_ n: Int, _ d: Int) throws {
    guard d != 0, n != .min, d != .min else { throw Overflow() }
    var (a, b) = (Swift.abs(n), Swift.abs(d))
    while b != 0 { (a, b) = (b, a % b) }
    let g = Swift.max(a, 1)
    numerator = (d < 0 ? -n : n) / g
    denominator = Swift.abs(d) / g
  }

  /// The fraction with denominator at most 4096 whose `Double` value is exactly `x`, if any
  /// (`0.5`, `-2`, `0.1` as 1/10: the offsets a user writes).
  init?(nearest x: Double) {
    guard x.isFinite, Swift.abs(x) <= 0x1p20 else { return nil }
    for d in 1...4096 {
      let n = (x * Double(d)).rounded()
      if n / Double(d) == x, let f = try? Fraction(Int(n), d) {
        self = f
        return
      }
    }
    return nil
  }

  var value: Double { Double(numerator) / Double(denominator) }

  static func checked(_ r: (partialValue: Int, overflow: Bool)) throws -> Int {
    if r.overflow { throw Overflow() }
    return r.partialValue
  }

  static func + (a: Fraction, b: Fraction) throws -> Fraction {
    let n1 = try checked(a.numerator.multipliedReportingOverflow(by: b.denominator))
    let n2 = try checked(b.numerator.multipliedReportingOverflow(by: a.denominator))
    let d = try checked(a.denominator.multipliedReportingOverflow(by: b.denominator))
    return try Fraction(checked(n1.addingReportingOverflow(n2)), d)
  }

  static func * (a: Fraction, b: Fraction) throws -> Fraction {
    // Cross-reduce first to keep the intermediates small.
    let x = try Fraction(a.numerator, b.denominator)
    let y = try Fraction(b.numerator, a.denominator)
    return try Fraction(
      checked(x.numerator.multipliedReportingOverflow(by: y.numerator)),
      checked(x.denominator.multipliedReportingOverflow(by: y.denominator)))
  }

  static prefix func - (a: Fraction) -> Fraction {
    Fraction(uncheckedNumerator: -a.numerator, denominator: a.denominator)
  }

  static func - (a: Fraction, b: Fraction) throws -> Fraction { try a + (-b) }

  static func / (a: Fraction, b: Fraction) throws -> Fraction {
    guard b.numerator != 0 else { throw Overflow() }
    return try a * Fraction(b.denominator, b.numerator)
  }

  private init(uncheckedNumerator n: Int, denominator d: Int) {
    numerator = n
    denominator = d
  }
}

/// Arithmetic that Fornberg's recurrence needs: exact fractions, or floating point.
protocol FornbergScalar {
  init(_ n: Int)
  static func add(_ a: Self, _ b: Self) throws -> Self
  static func multiply(_ a: Self, _ b: Self) throws -> Self
  static func divide(_ a: Self, _ b: Self) throws -> Self
}

extension Fraction: FornbergScalar {
  static func add(_ a: Fraction, _ b: Fraction) throws -> Fraction { try a + b }
  static func multiply(_ a: Fraction, _ b: Fraction) throws -> Fraction { try a * b }
  static func divide(_ a: Fraction, _ b: Fraction) throws -> Fraction { try a / b }
}

extension Double: FornbergScalar {
  static func add(_ a: Double, _ b: Double) -> Double { a + b }
  static func multiply(_ a: Double, _ b: Double) -> Double { a * b }
  static func divide(_ a: Double, _ b: Double) -> Double { a / b }
}

enum Fornberg {
  /// Weights `w[i]` with `sum_i w[i] f(x + o[i] h) / h^q ≈ f^(q)(x)` at the highest order the
  /// nodes allow (exact for polynomials of degree below `offsets.count`), by Fornberg's
  /// recurrence (Math. Comp. 51, 1988; SIAM Review 40, 1998) at the centre 0.
  ///
  /// - Precondition: the offsets are distinct and `q < offsets.count`.
  ///
  /// Complexity: O(n^2 q) operations for n offsets.
  static func weights<S: FornbergScalar>(offsets x: [S], derivative q: Int) throws -> [S] {
    let n = x.count - 1
    var c = [[S]](repeating: [S](repeating: S(0), count: q + 1), count: n + 1)
    c[0][0] = S(1)
    var c1 = S(1)
    var c4 = x[0]
    for i in stride(from: 1, through: n, by: 1) {
      let mn = Swift.min(i, q)
      var c2 = S(1)
      let c5 = c4
      c4 = x[i]
      for j in 0..<i {
        let c3 = try S.add(x[i], S.multiply(S(-1), x[j]))
        c2 = try S.multiply(c2, c3)
        if j == i - 1 {
          let ratio = try S.divide(c1, c2)
          for k in stride(from: mn, through: 1, by: -1) {
            let a = try S.multiply(S(k), c[i - 1][k - 1])
            let b = try S.multiply(c5, c[i - 1][k])
            c[i][k] = try S.multiply(ratio, S.add(a, S.multiply(S(-1), b)))
          }
          c[i][0] = try S.multiply(S(-1), S.multiply(ratio, S.multiply(c5, c[i - 1][0])))
        }
        for k in stride(from: mn, through: 1, by: -1) {
          let a = try S.multiply(c4, c[j][k])
          let b = try S.multiply(S(k), c[j][k - 1])
          c[j][k] = try S.divide(S.add(a, S.multiply(S(-1), b)), c3)
        }
        c[j][0] = try S.divide(S.multiply(c4, c[j][0]), c3)
      }
      c1 = c2
    }
    return c.map { $0[q] }
  }
}
