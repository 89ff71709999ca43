import RealModule

/// The floating-point formats a sweep can run in.
///
/// `extended` (`Float80`) exists on x86_64 only: other architectures have no 80-bit format, and
/// an experiment file that asks for it there is refused like any unknown precision.
public enum Precision: String, CaseIterable, Sendable, Codable {
  case half
  case single
  case double
  #if arch(x86_64)
    case extended
  #endif

  /// The one place a precision becomes a type: `work` run with the precision's format
  /// (`Float16`, `Float`, `Double`, `Float80`).
  ///
  /// Every per-precision computation (the sweep's evaluation, the accuracy kind's value and
  /// adaptive derivative, the constants below) goes through here, so a format is added or
  /// guarded in one switch.
  ///
  /// Complexity: that of `work`.
  @inlinable
  public func withType<Work: PrecisionWork>(_ work: Work) -> Work.Output {
    switch self {
    case .half: return work.run(Float16.self)
    case .single: return work.run(Float.self)
    case .double: return work.run(Double.self)
    #if arch(x86_64)
      case .extended: return work.run(Float80.self)
    #endif
    }
  }

  /// The unit round-off's scale: the distance from 1 to the next representable number.
  public var epsilon: Double { withType(Constants()).epsilon }

  /// `"half (Float16)"`, `"double (Double)"`: the name and the Swift type.
  public var label: String { "\(rawValue) (\(withType(Constants()).typeName))" }

  /// The smallest positive normal number of the format, as a Double (`Double`'s own for
  /// `Float80`, whose least normal number is below Double's range).
  public var leastNormalMagnitude: Double { withType(Constants()).leastNormal }

  /// The highest derivative order this precision resolves (`Stencil.maximumDerivative`).
  public var maximumDerivative: Int { Stencil.maximumDerivative(epsilon: epsilon) }

  /// Each value rounded to this precision and back to Double (unchanged in double and
  /// extended).
  public func rounded(_ values: [Double]) -> [Double] {
    withType(Rounding(values: values))
  }

  private struct Constants: PrecisionWork {
    func run<T: Real & BinaryFloatingPoint>(_: T.Type)
      -> (epsilon: Double, typeName: String, leastNormal: Double)
    {
      (
        Double(T.ulpOfOne), "\(T.self)",
        Swift.max(Double(T.leastNormalMagnitude), Double.leastNormalMagnitude)
      )
    }
  }

  private struct Rounding: PrecisionWork {
    var values: [Double]
    func run<T: Real & BinaryFloatingPoint>(_: T.Type) -> [Double] {
      values.map { Double(T($0)) }
    }
  }
}

/// Work done in a precision's format: `Precision.withType(_:)` calls `run` with the type.
///
/// A closure cannot be generic, so a computation that differs only in its floating-point type
/// is a small struct holding its inputs, with one generic `run`.
public protocol PrecisionWork {
  associatedtype Output
  func run<T: Real & BinaryFloatingPoint>(_ type: T.Type) -> Output
}

/// What a scheme is expected to show: a given order, or `auto`, the Taylor-predicted order at
/// the point (which may differ from the scheme's nominal order where a coefficient vanishes).
public enum Expectation: Sendable, Equatable {
  case order(Double)
  case auto

  /// The expected order: the given one, or for `auto` the predicted one (nil when the
  /// prediction has no order).
  public func order(predicted: Int?) -> Double? {
    switch self {
    case .order(let order): return order
    case .auto: return predicted.map(Double.init)
    }
  }
}
