import Calculus
import ComplexModule
import Foundation
import RealModule

/// One step of a sweep: the step asked for, the step the arithmetic actually took
/// (`(x + h) - x` in the working precision), the estimate and its error.
public struct SweepSample: Sendable {
  public var step: Double
  public var effectiveStep: Double
  public var estimate: Double
  public var error: Double
  public var roundoffFloor: Double
  public var inFitRange: Bool
}

/// Everything measured and predicted for one (function, point, variable, precision, scheme).
public struct SweepOutcome: Sendable {
  public var scheme: Scheme
  public var precision: Precision
  public var samples: [SweepSample]
  /// The exact derivative at the point as rounded to the working precision, computed in Float80.
  public var exact: Double
  public var fit: FitOutcome
  public var prediction: TaylorPrediction
  public var expectedOrder: Double?
  public var passed: Bool
  /// Why it passed or not, in words, with numbers.
  public var verdict: String

  public var status: String {
    switch fit {
    case .fitted: return "fitted"
    case .exact: return "exact"
    case .noFit: return "no-fit"
    }
  }

  public var fittedOrder: Double? {
    if case .fitted(let fit) = fit { return fit.order }
    return nil
  }

  public var orderFit: OrderFit? {
    if case .fitted(let fit) = fit { return fit }
    return nil
  }

  public var best: SweepSample? {
    samples.filter { $0.error.isFinite && $0.error > 0 }.min { $0.error < $1.error }
      ?? samples.first { $0.error == 0 }
  }

  public var nonFiniteCount: Int { samples.filter { !$0.estimate.isFinite }.count }
}

/// Whether a fit meets its expected order, and why, in words with numbers.
///
/// A fitted order passes when it is within `tolerance` of `expected` (or when nothing is
/// expected); an exact outcome (no truncation error) passes; no fit passes only when nothing
/// was expected.
func judge(_ fit: FitOutcome, expected: Double?, tolerance: Double) -> (
  passed: Bool, verdict: String
) {
  switch fit {
  case .fitted(let result):
    guard let expected else {
      return (true, String(format: "fitted %.3f (no expectation)", result.order))
    }
    let gap = abs(result.order - expected)
    let passed = gap <= tolerance
    return (
      passed,
      String(
        format: "fitted %.3f, expected %g: |difference| %.3f %@ tolerance %g", result.order,
        expected,
        gap, passed ? "<=" : ">", tolerance)
    )
  case .exact(let reason):
    return (true, "exact: \(reason)")
  case .noFit(let reason):
    return (expected == nil, "no fit: \(reason)")
  }
}

/// Sweeps, fits and predicts the order of a finite-difference scheme on a symbolic function.
///
/// The function is evaluated in the working precision `T` at the point rounded to `T`; the
/// exact derivative and the Taylor coefficients are evaluated symbolically in Float80 at that
/// same rounded point, so the measured error is the scheme's alone.
public enum SweepAnalysis {
  /// How many symbolic derivatives the Taylor prediction looks at.
  public static let taylorTerms = 9

  /// Symbolic derivatives of `f` with respect to `variable`, orders 0 through `upTo`.
  public static func derivatives(of f: Expression, variable: String, upTo n: Int = taylorTerms)
    -> [Expression]
  {
    var result = [f.simplified()]
    for _ in 0..<n { result.append(result[result.count - 1].derivative(withRespectTo: variable)) }
    return result
  }

  /// Runs one sweep.
  ///
  /// - Parameters:
  ///   - derivatives: `derivatives(of:variable:)` of the function, shared across calls.
  ///   - variables: the function's variables in order; `point` gives their values and `index`
  ///     the one being differentiated.
  public static func run(
    f: Expression, derivatives: [Expression], variables: [String], point: [Double], index: Int,
    scheme: Scheme, precision: Precision, steps: [Double], expectation: Expectation?,
    tolerance: Double
  ) -> SweepOutcome {
    switch precision {
    case .half:
      return run(
        Float16.self, f, derivatives, variables, point, index, scheme, precision, steps,
        expectation, tolerance)
    case .single:
      return run(
        Float.self, f, derivatives, variables, point, index, scheme, precision, steps, expectation,
        tolerance)
    case .double:
      return run(
        Double.self, f, derivatives, variables, point, index, scheme, precision, steps, expectation,
        tolerance)
    case .extended:
      return run(
        Float80.self, f, derivatives, variables, point, index, scheme, precision, steps,
        expectation, tolerance)
    }
  }

  /// The point rounded to precision `precision`, as Doubles.
  public static func rounded(_ point: [Double], to precision: Precision) -> [Double] {
    switch precision {
    case .half: return point.map { Double(Float16($0)) }
    case .single: return point.map { Double(Float($0)) }
    case .double, .extended: return point
    }
  }

  /// The estimate of one scheme at one step in precision `precision` (for checks and tables).
  public static func estimate(
    f: Expression, variables: [String], point: [Double], index: Int, scheme: Scheme,
    precision: Precision, step: Double
  ) -> Double {
    switch precision {
    case .half:
      return estimates(Float16.self, f, variables, point, index, scheme, [step])[0].estimate
    case .single:
      return estimates(Float.self, f, variables, point, index, scheme, [step])[0].estimate
    case .double:
      return estimates(Double.self, f, variables, point, index, scheme, [step])[0].estimate
    case .extended:
      return estimates(Float80.self, f, variables, point, index, scheme, [step])[0].estimate
    }
  }

  private static func estimates<T: Real & BinaryFloatingPoint>(
    _: T.Type, _ f: Expression, _ variables: [String], _ point: [Double], _ index: Int,
    _ scheme: Scheme, _ steps: [Double]
  ) -> [(step: Double, effectiveStep: Double, estimate: Double)] {
    let base = point.map { T($0) }
    let x = base[index]
    var out: [(Double, Double, Double)] = []
    out.reserveCapacity(steps.count)
    if scheme == .complexStep {
      let g: @Sendable ([Complex<T>]) -> Complex<T> = f.compiledComplex(variables: variables)
      let complexBase = base.map { Complex($0) }
      let along: (Complex<T>) -> Complex<T> = { z in
        var p = complexBase
        p[index] = z
        return g(p)
      }
      for h in steps {
        let step = T(h)
        let estimate = step > 0 ? FiniteDifference.complexStep(of: along, at: x, step: step) : T.nan
        out.append((h, Double(step), Double(estimate)))
      }
    } else {
      let g: @Sendable ([T]) -> T = f.compiled(variables: variables)
      // One buffer for every evaluation (the sweep runs on one thread): no copy per call.
      let point = PointBuffer(base)
      let along: (T) -> T = { t in
        point.values[index] = t
        return g(point.values)
      }
      for h in steps {
        let step = T(h)
        let effective = (x + step) - x
        let estimate =
          effective > 0
          ? FiniteDifference.derivative(of: along, at: x, step: step, scheme: scheme) : T.nan
        out.append((h, Double(effective), Double(estimate)))
      }
    }
    return out
  }

  private static func run<T: Real & BinaryFloatingPoint>(
    _ type: T.Type, _ f: Expression, _ derivatives: [Expression], _ variables: [String],
    _ point: [Double], _ index: Int, _ scheme: Scheme, _ precision: Precision, _ steps: [Double],
    _ expectation: Expectation?, _ tolerance: Double
  ) -> SweepOutcome {
    // The point as the working precision sees it, and the truth there in Float80.
    let roundedPoint = point.map { Double(T($0)) }
    var env: [String: Float80] = [:]
    for (name, value) in zip(variables, roundedPoint) { env[name] = Float80(value) }
    let values80 = derivatives.map { $0.evaluate(env) as Float80 }
    let exact80 = values80[1]
    let taylor = values80.map { Double($0) }
    let identicallyZero = derivatives.map(\.isIdenticallyZero)
    let epsilon = precision.epsilon
    let prediction = Taylor.predict(
      scheme: scheme, derivatives: taylor, identicallyZero: identicallyZero, epsilon: epsilon)
    let floor: (Double) -> Double = { h in
      Taylor.roundoffFloor(
        scheme: scheme, value: taylor[0], derivative: taylor[1], epsilon: epsilon, step: h)
    }

    var samples: [SweepSample] = []
    for (step, effective, estimate) in estimates(
      type, f, variables, roundedPoint, index, scheme, steps)
    {
      let error = estimate.isFinite ? Double(abs(Float80(estimate) - exact80)) : .nan
      let h = effective > 0 ? effective : step
      samples.append(
        SweepSample(
          step: step, effectiveStep: effective, estimate: estimate, error: error,
          roundoffFloor: floor(h), inFitRange: false))
    }
    let usable = samples.filter { $0.estimate.isFinite && $0.effectiveStep > 0 }
    let fit = OrderFitting.fit(
      steps: usable.map(\.effectiveStep), errors: usable.map(\.error), roundoffFloor: floor,
      truncationIsExact: prediction.isExact)
    if case .fitted(let result) = fit {
      for i in samples.indices where samples[i].estimate.isFinite {
        samples[i].inFitRange = result.range.contains(samples[i].effectiveStep)
      }
    }

    var expected: Double?
    switch expectation {
    case .order(let order)?: expected = order
    case .auto?: expected = prediction.order.map(Double.init)
    case nil: expected = nil
    }
    let (passed, verdict) = judge(fit, expected: expected, tolerance: tolerance)
    return SweepOutcome(
      scheme: scheme, precision: precision, samples: samples, exact: Double(exact80), fit: fit,
      prediction: prediction, expectedOrder: expected, passed: passed, verdict: verdict)
  }
}

/// A point that the closures of one sweep update in place.
private final class PointBuffer<T> {
  var values: [T]
  init(_ values: [T]) { self.values = values }
}
