import RealModule

/// Why a stencil or a derivative order was refused; each case carries the offending values
/// so a caller can locate and word the error.
public enum StencilError: Error, Hashable, Sendable, CustomStringConvertible {
  /// `derivative` is below 1 or above `maximum`, the highest the precision resolves.
  case derivativeOutOfRange(derivative: Int, maximum: Int)
  /// Fewer distinct offsets than `derivative + 1`.
  case tooFewOffsets(count: Int, derivative: Int)
  /// The same offset appears twice.
  case repeatedOffset(Double)
  /// An offset is NaN or infinite.
  case nonFiniteOffset(Double)
  /// The complex step estimates first derivatives only.
  case complexStepDerivative(Int)
  /// The complex step has no stencil (it evaluates `Im f(x + i h) / h`).
  case complexStepIsNotAStencil

  public var description: String {
    switch self {
    case .derivativeOutOfRange(let q, let maximum) where maximum == 1:
      return "this precision resolves first derivatives only: derivative must be 1 (got \(q))"
    case .derivativeOutOfRange(let q, let maximum):
      return "derivative must be between 1 and \(maximum) for this precision (got \(q))"
    case .tooFewOffsets(let n, let q):
      return "a stencil for derivative \(q) needs at least \(q + 1) distinct offsets (got \(n))"
    case .repeatedOffset(let o): return "offset \(o) appears more than once"
    case .nonFiniteOffset(let o): return "offsets must be finite numbers (got \(o))"
    case .complexStepDerivative(let q):
      return "complex-step estimates first derivatives only (derivative \(q) asked)"
    case .complexStepIsNotAStencil: return "complex-step is not a stencil"
    }
  }
}

/// A finite-difference stencil for the q-th derivative:
/// `f^(q)(x) ≈ sum_i w_i f(x + o_i h) / h^q`.
///
/// Weights come from Fornberg's recurrence, in exact fractions when the offsets are simple
/// fractions (denominators up to 4096) and the arithmetic fits in `Int`; otherwise in `Double`.
/// The moments `M_k = sum_i w_i o_i^k` give the Taylor expansion of the estimate,
/// `sum_k M_k f^(k)(x) h^(k-q) / k!`, with `M_q = q!` and `M_k = 0` for `k < q`.
public struct Stencil: Sendable, Hashable {
  /// How tables and figures name it: a scheme's name, or the name a user gave.
  public let name: String
  /// q, the derivative estimated.
  public let derivative: Int
  /// Offsets in units of h, in the order given.
  public let offsets: [Double]
  /// The weights, rounded to `Double`.
  public let weights: [Double]
  /// The weights as `numerators[i] / denominator` when they are exact fractions (integers
  /// exact in every binary format up to 2^53), so that any precision evaluates them exactly.
  public let numerators: [Double]?
  public let denominator: Double?
  /// The moments of the stencil scaled by `offsetScale` (offsets `o_i / s`, weights
  /// `w_i s^q`): `moments[k] = M_k / s^(k-q)` for `k = 0...momentCount(n) - 1`; an exact zero
  /// where it cancels (computed in fractions, or zeroed below `1e-12` of `sum |w_i o_i^k|`).
  /// With s = 1 (every ordinary stencil) they are `M_k = sum_i w_i o_i^k` themselves.
  public let moments: [Double]
  /// A power of two near the largest offset when that is beyond 1e8 or below 1e-8, else 1:
  /// the moments of offsets such as ±1e-300 or ±1e300 overflow or underflow `Double`
  /// (`(1e-300)^3` is 0), and would make any stencil look exact or first order.
  public let offsetScale: Double
  /// Whether the weights and moments are exact (fraction arithmetic succeeded).
  public let isExact: Bool

  /// Moments kept for n offsets: enough to skip a dozen vanishing terms past the leading
  /// one, and at least two past the n-th, the first an n-point stencil need not cancel.
  public static func momentCount(_ n: Int) -> Int { Swift.max(40, n + 3) }

  /// The stencil with weights for `derivative` at `offsets`.
  ///
  /// - Throws: `StencilError` for `derivative < 1`, a non-finite or repeated offset, or fewer
  ///   than `derivative + 1` offsets. (The precision's limit is `check(derivative:epsilon:)`.)
  ///
  /// Complexity: O(n^2 q + n K) for n offsets and K moments.
  public init(name: String, offsets: [Double], derivative q: Int) throws(StencilError) {
    guard q >= 1 else { throw .derivativeOutOfRange(derivative: q, maximum: 16) }
    if let bad = offsets.first(where: { !$0.isFinite }) { throw .nonFiniteOffset(bad) }
    var seen = Set<Double>()
    for o in offsets where !seen.insert(o == 0 ? 0 : o).inserted { throw .repeatedOffset(o) }
    guard offsets.count >= q + 1 else { throw .tooFewOffsets(count: offsets.count, derivative: q) }
    let scale = Self.scale(offsets)
    self.init(
      name: name, offsets: offsets, derivative: q,
      exact: scale == 1 ? Self.exactWeights(offsets, q) : nil)
  }

  /// The stencil with the given exact weights, or Fornberg's in `Double` when nil.
  init(name: String, offsets: [Double], derivative q: Int, exact: [Fraction]?) {
    self.name = name
    self.derivative = q
    self.offsets = offsets
    offsetScale = exact == nil ? Self.scale(offsets) : 1
    if let exact {
      let d = exact.reduce(1) { lcm($0, $1.denominator) }
      weights = exact.map(\.value)
      numerators = exact.map { Double($0.numerator * (d / $0.denominator)) }
      denominator = Double(d)
      moments = Self.exactMoments(offsets, exact) ?? Self.roundedMoments(offsets, weights)
      isExact = true
    } else {
      // Fornberg in Double never throws; on the scaled offsets it stays within range.
      let s = offsetScale
      let scaled = s == 1 ? offsets : offsets.map { $0 / s }
      let scaledWeights = (try? Fornberg.weights(offsets: scaled, derivative: q)) ?? []
      weights = s == 1 ? scaledWeights : scaledWeights.map { $0 / Double.pow(s, q) }
      numerators = nil
      denominator = nil
      moments = Self.roundedMoments(scaled, scaledWeights)
      isExact = false
    }
  }

  /// `offsetScale` for `offsets`.
  static func scale(_ offsets: [Double]) -> Double {
    let top = offsets.map(Swift.abs).max() ?? 1
    guard top > 0, top > 1e8 || top < 1e-8 else { return 1 }
    return Double(sign: .plus, exponent: top.exponent, significand: 1)
  }

  /// The weights in fractions, or nil when an offset is not a simple fraction or a step
  /// overflows.
  static func exactWeights(_ offsets: [Double], _ q: Int) -> [Fraction]? {
    let fractions = offsets.compactMap { Fraction(nearest: $0) }
    guard fractions.count == offsets.count else { return nil }
    guard let w = try? Fornberg.weights(offsets: fractions, derivative: q) else { return nil }
    // Integer numerators over a common denominator must stay exact in Double.
    guard (try? w.reduce(1) { try lcmChecked($0, $1.denominator) }).map({ $0 < 1 << 40 }) == true
    else { return nil }
    return w
  }

  static func exactMoments(_ offsets: [Double], _ w: [Fraction]) -> [Double]? {
    let o = offsets.compactMap { Fraction(nearest: $0) }
    var powers = o.map { _ in Fraction(1) }
    var result: [Double] = []
    for _ in 0..<momentCount(offsets.count) {
      guard
        let m = try? zip(w, powers).reduce(Fraction(0), { try $0 + $1.0 * $1.1 }),
        let next = try? zip(powers, o).map({ try $0 * $1 })
      else {
        // Overflow at high k: the rest in Double, with the zero threshold.
        let rounded = roundedMoments(offsets, w.map(\.value))
        return result + rounded[result.count...]
      }
      result.append(m.value)
      powers = next
    }
    return result
  }

  static func roundedMoments(_ offsets: [Double], _ weights: [Double]) -> [Double] {
    (0..<momentCount(offsets.count)).map { k in
      var (sum, size) = (0.0, 0.0)
      for (o, w) in zip(offsets, weights) {
        let term = w * Double.pow(o, k)
        sum += term
        size += Swift.abs(term)
      }
      return Swift.abs(sum) <= 1e-12 * size ? 0 : sum
    }
  }

  /// `c_k = M_k / k!`: the coefficient of `f^(k)(x) h^(k-q)` in `estimate - f^(q)(x)`
  /// (0 for `k <= q` and wherever the stencil cancels the term).
  public func truncationCoefficient(_ k: Int) -> Double {
    let scaled = scaledTruncationCoefficient(k)
    return offsetScale == 1 || scaled == 0
      ? scaled : scaled * Double.pow(offsetScale, k - derivative)
  }

  /// `c_k / s^(k-q)` for `s = offsetScale`: the coefficient in units of the scaled step `s h`,
  /// zero exactly where the stencil cancels the term (`c_k` itself may underflow to 0 or
  /// overflow where it does not).
  public func scaledTruncationCoefficient(_ k: Int) -> Double {
    guard k > derivative, k < moments.count else { return 0 }
    let factorial = (1...k).reduce(1.0) { $0 * Double($1) }
    return moments[k] / factorial
  }

  /// The order p of error ≈ C h^p for a function whose leading term does not vanish: the
  /// first `k > q` with `M_k != 0`, minus q.
  public var order: Int {
    ((derivative + 1)..<moments.count).first { moments[$0] != 0 }.map { $0 - derivative }
      ?? moments.count - derivative
  }

  /// `sum |w_i|`, the amplification of round-off in the function values.
  public var weightSum: Double { weights.reduce(0) { $0 + Swift.abs($1) } }

  /// The highest derivative that precision `epsilon` resolves: the central scheme's
  /// predicted best relative error `epsilon^(2/(q+2))` at most 1e-2 (two digits), capped at
  /// 16. Double: 13, Float80: 16, Float: 4, Float16: 1.
  public static func maximumDerivative(epsilon: Double) -> Int {
    let digits = -Double.log10(epsilon)
    return Swift.min(16, Swift.max(1, Int((digits - 2).rounded(.down))))
  }

  /// Throws `StencilError.derivativeOutOfRange` unless `1 <= q <= maximumDerivative`.
  public static func check(derivative q: Int, epsilon: Double) throws(StencilError) {
    let maximum = maximumDerivative(epsilon: epsilon)
    guard (1...maximum).contains(q) else {
      throw .derivativeOutOfRange(derivative: q, maximum: maximum)
    }
  }
}

func lcm(_ a: Int, _ b: Int) -> Int {
  var (x, y) = (a, b)
  while y != 0 { (x, y) = (y, x % y) }
  return a / x * b
}

func lcmChecked(_ a: Int, _ b: Int) throws -> Int {
  var (x, y) = (a, b)
  while y != 0 { (x, y) = (y, x % y) }
  return try Fraction.checked((a / x).multipliedReportingOverflow(by: b))
}

extension Scheme {
  /// The scheme's stencil for the q-th derivative (design.md, "Extensions"):
  /// - `forward`: offsets 0...q, order 1; `backward`: -q...0, order 1;
  /// - `central`: the smallest symmetric stencil, order 2 (`-q/2...q/2` for even q,
  ///   `±1...±(q+1)/2` for odd q);
  /// - `central4`: symmetric with one more point each side, order 4;
  /// - `richardson`: the central difference extrapolated from h and h/2,
  ///   `(4 D(h/2) - D(h)) / 3`, order 4, on the union of the two central stencils' offsets.
  ///
  /// For q = 1 these are `stencil`'s offsets and weights.
  ///
  /// - Throws: `StencilError.complexStepIsNotAStencil` (q = 1) or `.complexStepDerivative`
  ///   for the complex step; `.derivativeOutOfRange` for q < 1.
  public func stencil(derivative q: Int) throws(StencilError) -> Stencil {
    guard q >= 1 else { throw .derivativeOutOfRange(derivative: q, maximum: 16) }
    let offsets: [Double]
    switch self {
    case .forward: offsets = (0...q).reversed().map(Double.init)
    case .backward: offsets = (-q...0).reversed().map(Double.init)
    case .central: offsets = Self.symmetric(q, extra: 0)
    case .central4: offsets = Self.symmetric(q, extra: 1)
    case .richardson: return try richardson(q)
    case .complexStep:
      throw q == 1 ? .complexStepIsNotAStencil : .complexStepDerivative(q)
    }
    return try Stencil(name: rawValue, offsets: offsets, derivative: q)
  }

  /// `(4 D(h/2) - D(h)) / 3` with D the central stencil: weights `4 * 2^q w_i / 3` at
  /// `o_i / 2` and `-w_i / 3` at `o_i`, summed where offsets coincide, in fractions.
  func richardson(_ q: Int) throws(StencilError) -> Stencil {
    let central = try Scheme.central.stencil(derivative: q)
    let halves = central.offsets.map { $0 / 2 }
    let offsets = halves + central.offsets.filter { !halves.contains($0) }
    let exact: [Fraction]? = try? offsets.map { o in
      var w = Fraction(0)
      for (c, n) in zip(central.offsets, central.numerators ?? []) {
        let base = try Fraction(Int(n), Int(central.denominator ?? 1))
        if c / 2 == o { w = try w + base * Fraction(4 << q, 3) }
        if c == o { w = try w - base * Fraction(1, 3) }
      }
      return w
    }
    return Stencil(name: rawValue, offsets: offsets, derivative: q, exact: exact)
  }

  /// Symmetric offsets, largest first: `m...-m` with `m = q/2 + extra` for even q, and
  /// `m...1, -1...-m` with `m = (q+1)/2 + extra` (no 0) for odd q.
  static func symmetric(_ q: Int, extra: Int) -> [Double] {
    if q % 2 == 0 { return (-(q / 2 + extra)...(q / 2 + extra)).reversed().map(Double.init) }
    let m = (q + 1) / 2 + extra
    return (1...m).reversed().map(Double.init) + (1...m).map { -Double($0) }
  }
}

extension FiniteDifference {
  /// The estimate of `f^(q)(x)` with `stencil` and step h, in precision `T`:
  /// `sum(n_i f(x + o_i h')) / (d h'^q)` over the exact numerators `n_i / d` (or the
  /// `Double` weights when the stencil is not exact), `h' = (x + h) - x`.
  ///
  /// Error Bounds:
  /// - Truncation: `sum_{k > q} stencil.truncationCoefficient(k) f^(k)(x) h^(k-q)`.
  /// - Round-off: about `eps |f(x)| sum|w_i| / h^q`.
  ///
  /// Edge Cases: as `stencilSum`: `h' <= 0` (h below the spacing at x, or negative) gives
  /// NaN; NaN values propagate.
  ///
  /// Complexity: `stencil.offsets.count` evaluations of `f`.
  public static func derivative<T: Real & BinaryFloatingPoint>(
    of f: (T) -> T, at x: T, step h: T, stencil: Stencil
  ) -> T {
    let hp = representableStep(h, at: x)
    let numerators = (stencil.numerators ?? stencil.weights).map { T($0) }
    return stencilSum(
      numerators: numerators, denominator: T(stencil.denominator ?? 1), spacing: hp,
      derivative: stencil.derivative
    ) { i in
      let o = stencil.offsets[i]
      return f(o == 0 ? x : x + T(o) * hp)
    }
  }
}
