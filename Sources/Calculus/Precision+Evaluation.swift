import RealModule

extension Precision {
  /// `f(x)` evaluated in this precision (the point rounded to it first), as a Double.
  ///
  /// Edge Cases: NaN outside the function's domain, infinite on overflow in the format (a
  /// value above 65504 in half precision).
  public func value(of f: Expression, variable: String, at x: Double) -> Double {
    withType(Evaluating(f: f, variable: variable, x: x))
  }

  /// Whether `AdaptiveDerivative` runs in this precision (`AdaptiveDerivative.supports`):
  /// every format but half.
  public var supportsAdaptive: Bool { withType(SupportsAdaptive()) }

  /// The correct digits a result in this precision can have: `-log10(epsilon / 2)`, the unit
  /// round-off (3.3 half, 7.2 single, 15.95 double, 19.3 extended).
  public var digitsCap: Double { -Double.log10(epsilon / 2) }

  /// `AdaptiveDerivative.derivative(of:at:)` with its defaults in this precision, on `f` as
  /// a function of `variable` at x rounded to the format; its numbers as Doubles.
  ///
  /// Error Bounds: as `AdaptiveDerivative.derivative(of:at:initialStep:maximumEvaluations:)`
  /// in the format; converting to Double is exact, or rounds an extended result once.
  ///
  /// - Precondition: `supportsAdaptive` (an experiment rejects half precision with adaptive).
  public func adaptiveDerivative(of f: Expression, variable: String, at x: Double)
    -> AdaptiveDerivative.Estimate<Double>
  {
    withType(Adaptive(f: f, variable: variable, x: x))
  }

  private struct Evaluating: PrecisionWork {
    var f: Expression
    var variable: String
    var x: Double
    func run<T: Real & BinaryFloatingPoint>(_: T.Type) -> Double {
      let g: @Sendable ([T]) -> T = f.compiled(variables: [variable])
      return Double(g([T(x)]))
    }
  }

  private struct SupportsAdaptive: PrecisionWork {
    func run<T: Real & BinaryFloatingPoint>(_: T.Type) -> Bool {
      AdaptiveDerivative.supports(T.self)
    }
  }

  private struct Adaptive: PrecisionWork {
    var f: Expression
    var variable: String
    var x: Double
    func run<T: Real & BinaryFloatingPoint>(_: T.Type) -> AdaptiveDerivative.Estimate<Double> {
      precondition(
        AdaptiveDerivative.supports(T.self),
        "the adaptive derivative needs at least single precision")
      let g: @Sendable ([T]) -> T = f.compiled(variables: [variable])
      let a = AdaptiveDerivative.derivative(of: { g([$0]) }, at: T(x))
      return AdaptiveDerivative.Estimate(
        value: Double(a.value), errorEstimate: Double(a.errorEstimate), step: Double(a.step),
        initialStep: Double(a.initialStep), stencil: a.stencil, evaluations: a.evaluations,
        status: a.status)
    }
  }
}
