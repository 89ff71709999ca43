import ComplexModule
import RealModule

/// Sweeps, fits and predicts the order of a finite-difference estimate of f^(q) on a symbolic
/// function.
///
/// The function is evaluated in the working precision `T` at the point rounded to `T`, over
/// the whole sweep at once (`BatchEvaluator`); the exact derivative and the Taylor
/// coefficients come from Taylor-mode arithmetic in `ReferenceReal` (`Float80` on x86_64) at
/// that same rounded point (`Expression.derivatives(withRespectTo:at:upTo:)`), so the measured
/// error is the scheme's alone. The pipeline after the evaluation is `analyse`, shared with
/// every other sweep.
public enum SweepAnalysis {
  /// How many Taylor coefficients beyond f^(q) the prediction looks at (so vanishing terms
  /// can be skipped).
  public static let taylorTerms = 12

  /// Symbolic derivatives of `f` with respect to `variable`, orders 0 through `upTo`, for
  /// printing (f', f''); the sweep itself needs none.
  public static func derivatives(of f: Expression, variable: String, upTo n: Int = 1)
    -> [Expression]
  {
    var result = [f.simplified()]
    for _ in 0..<n { result.append(result[result.count - 1].derivative(withRespectTo: variable)) }
    return result
  }

  /// Runs one sweep of a named scheme for the q-th derivative.
  ///
  /// - Throws: `StencilError` when q is out of the precision's range or the scheme has no
  ///   stencil for q (complex step with q > 1).
  public static func run(
    f: Expression, variables: [String], point: [Double], index: Int, scheme: Scheme,
    derivative q: Int = 1, precision: Precision, steps: [Double], expectation: Expectation?,
    tolerance: Double
  ) throws(StencilError) -> SweepOutcome {
    try Stencil.check(derivative: q, epsilon: precision.epsilon)
    let stencil: Stencil? = scheme.isStencil ? try scheme.stencil(derivative: q) : nil
    if !scheme.isStencil, q != 1 { throw .complexStepDerivative(q) }
    let job = Job(
      f: f, variables: variables, point: point, index: index, scheme: scheme, stencil: stencil,
      precision: precision, steps: steps, expectation: expectation, tolerance: tolerance)
    return job.run()
  }

  /// Runs one sweep of a stencil (named or custom) for its derivative.
  ///
  /// - Throws: `StencilError.derivativeOutOfRange` when the stencil's q is beyond the
  ///   precision's reach.
  public static func run(
    f: Expression, variables: [String], point: [Double], index: Int, stencil: Stencil,
    precision: Precision, steps: [Double], expectation: Expectation?, tolerance: Double
  ) throws(StencilError) -> SweepOutcome {
    try Stencil.check(derivative: stencil.derivative, epsilon: precision.epsilon)
    let job = Job(
      f: f, variables: variables, point: point, index: index,
      scheme: Scheme(family: stencil), stencil: stencil, precision: precision, steps: steps,
      expectation: expectation, tolerance: tolerance)
    return job.run()
  }

  /// The point rounded to precision `precision`, as Doubles.
  public static func rounded(_ point: [Double], to precision: Precision) -> [Double] {
    precision.rounded(point)
  }

  /// The first-derivative estimate of one scheme at one step (for checks and tables).
  public static func estimate(
    f: Expression, variables: [String], point: [Double], index: Int, scheme: Scheme,
    precision: Precision, step: Double
  ) -> Double {
    let job = Job(
      f: f, variables: variables, point: point, index: index, scheme: scheme,
      stencil: scheme.isStencil ? try? scheme.stencil(derivative: 1) : nil,
      precision: precision, steps: [step], expectation: nil, tolerance: 0)
    return job.measure()[0].estimate
  }

  /// The estimate of a stencil's derivative at one step.
  public static func estimate(
    f: Expression, variables: [String], point: [Double], index: Int, stencil: Stencil,
    precision: Precision, step: Double
  ) -> Double {
    let job = Job(
      f: f, variables: variables, point: point, index: index, scheme: Scheme(family: stencil),
      stencil: stencil, precision: precision, steps: [step], expectation: nil, tolerance: 0)
    return job.measure()[0].estimate
  }
}

extension Scheme {
  /// A custom stencil's family by shape: forward when every offset is >= 0, backward when
  /// every one is <= 0, central otherwise; a named scheme's own name when it is one.
  init(family stencil: Stencil) {
    if let named = Scheme(rawValue: stencil.name) {
      self = named
    } else if stencil.offsets.allSatisfy({ $0 >= 0 }) {
      self = .forward
    } else if stencil.offsets.allSatisfy({ $0 <= 0 }) {
      self = .backward
    } else {
      self = .central
    }
  }
}
