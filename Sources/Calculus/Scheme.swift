/// A finite-difference scheme for a first derivative.
///
/// The stencil schemes (`forward`, `backward`, `central`, `central4`, `richardson`) estimate
/// f'(x) as `sum(weights[i] * f(x + offsets[i] * h)) / h`. `complexStep` is not a stencil: it
/// evaluates `Im f(x + i h) / h` and needs a function that extends analytically to complex
/// arguments.
public enum Scheme: String, CaseIterable, Sendable, Hashable, Codable {
  case forward
  case backward
  case central
  case central4
  case richardson
  case complexStep = "complex-step"

  /// The seeds' three schemes.
  public static let seeds: [Scheme] = [.forward, .backward, .central]

  /// The order p of the leading truncation term, error ~ C h^p, for a smooth function whose
  /// leading coefficient does not vanish.
  public var order: Int {
    switch self {
    case .forward, .backward: return 1
    case .central, .complexStep: return 2
    case .central4, .richardson: return 4
    }
  }

  /// Whether the scheme is a real stencil (everything except `complexStep`).
  public var isStencil: Bool { self != .complexStep }

  /// Offsets (in units of h) and weights of the stencil; empty for `complexStep`.
  ///
  /// - `richardson` is the central difference extrapolated from steps h and h/2:
  ///   `(4 D(h/2) - D(h)) / 3` with `D(h) = (f(x+h) - f(x-h)) / (2h)`.
  public var stencil: [(offset: Double, weight: Double)] {
    switch self {
    case .forward: return [(1, 1), (0, -1)]
    case .backward: return [(0, 1), (-1, -1)]
    case .central: return [(1, 0.5), (-1, -0.5)]
    case .central4: return [(2, -1.0 / 12), (1, 8.0 / 12), (-1, -8.0 / 12), (-2, 1.0 / 12)]
    case .richardson: return [(0.5, 4.0 / 3), (-0.5, -4.0 / 3), (1, -1.0 / 6), (-1, 1.0 / 6)]
    case .complexStep: return []
    }
  }

  /// Coefficient c_k of the truncation error expansion
  /// `estimate - f'(x) = sum_{k >= 2} c_k f^(k)(x) h^(k-1)`.
  ///
  /// Zero where the scheme cancels the term (every even k for the symmetric schemes).
  public func truncationCoefficient(_ k: Int) -> Double {
    precondition(k >= 2, "truncation terms start at the second derivative")
    let factorial = (1...k).reduce(1.0) { $0 * Double($1) }
    switch self {
    case .complexStep:
      // Im f(x + i h) / h = sum over odd k of (-1)^((k-1)/2) f^(k) h^(k-1) / k!
      guard k % 2 == 1 else { return 0 }
      return ((k - 1) / 2 % 2 == 0 ? 1.0 : -1.0) / factorial
    default:
      // sum_i w_i (o_i h)^k / k! / h = (sum_i w_i o_i^k) / k! * h^(k-1)
      var moment = 0.0
      for (o, w) in stencil { moment += w * pow(o, Double(k)) }
      return moment / factorial
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif
