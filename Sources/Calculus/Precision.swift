import RealModule

/// The floating-point formats a sweep can run in.
public enum Precision: String, CaseIterable, Sendable, Codable {
  case half
  case single
  case double
  case extended

  /// The unit round-off's scale: the distance from 1 to the next representable number.
  public var epsilon: Double {
    switch self {
    case .half: return Double(Float16.ulpOfOne)
    case .single: return Double(Float.ulpOfOne)
    case .double: return Double.ulpOfOne
    case .extended: return Double(Float80.ulpOfOne)
    }
  }

  public var label: String {
    switch self {
    case .half: return "half (Float16)"
    case .single: return "single (Float)"
    case .double: return "double (Double)"
    case .extended: return "extended (Float80)"
    }
  }

  /// The highest derivative order this precision resolves (`Stencil.maximumDerivative`).
  public var maximumDerivative: Int { Stencil.maximumDerivative(epsilon: epsilon) }
}

/// What a scheme is expected to show: a given order, or `auto`, the Taylor-predicted order at
/// the point (which may differ from the scheme's nominal order where a coefficient vanishes).
public enum Expectation: Sendable, Equatable {
  case order(Double)
  case auto
}
