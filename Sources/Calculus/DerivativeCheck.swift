import RealModule

/// Checks a derivative or gradient under test (code one wrote by hand) against finite
/// differences over a sweep of steps, by the shape of the error curve
/// (`DerivativeAgreement.judge`): a Swift package's tests can assert it, and the harness runs
/// the same steps on functions from programs, evaluating the planned points in batches.
///
///     let verdict = DerivativeCheck.check({ x in x * x * x }, derivative: { x in 3 * x * x }, at: 0.7)
///     #expect(verdict.passed)
public enum DerivativeCheck {
  /// The steps swept by default: 1e-12 to 1e-1, four per decade.
  public static let defaultSteps = StepGrid(min: 1e-12, max: 1e-1, perDecade: 4).steps

  /// The arguments one sweep needs: for each step, the stencil's points (the point with the
  /// `index`-th coordinate moved by `offset · h`, exactly representable as `(x + h) - x`).
  public struct Plan: Sendable, Hashable {
    public var stencil: Stencil
    /// The coordinate moved.
    public var index: Int
    public var steps: [Double]
    /// `(x + h) - x` for each step: the step the arithmetic took.
    public var spacings: [Double]
    /// `stencil.offsets.count` points per step, step after step.
    public var points: [[Double]]

    /// The estimate of f^(q) at each step from the values at `points` (same order).
    public func estimates(_ values: [Double]) -> [Double] {
      precondition(values.count == points.count, "one value per planned point")
      let width = stencil.offsets.count
      return steps.indices.map { s in
        var sum = 0.0
        for j in 0..<width { sum += stencil.weights[j] * values[s * width + j] }
        return sum / Double.pow(spacings[s], stencil.derivative)
      }
    }

    /// The round-off floor `ε · (|f| + c) · Σ|w| / h^q` at each step, `|f|` the largest
    /// value of that step's stencil (ε alone where every value and c are zero), and c the
    /// function's conditioning in its argument, `|x f'(x)|` (an argument rounded by one ulp
    /// moves f by that much times ε: x cos x near π/2 is small, its round-off is not).
    public func floors(_ values: [Double], epsilon: Double, conditioning c: Double = 0)
      -> [Double]
    {
      let width = stencil.offsets.count
      return steps.indices.map { s in
        let size =
          (values[(s * width)..<((s + 1) * width)].map { Swift.abs($0) }
            .filter(\.isFinite).max() ?? 0) + (c.isFinite ? Swift.abs(c) : 0)
        return epsilon * (size == 0 ? 1 : size) * stencil.weightSum
          / Double.pow(spacings[s], stencil.derivative)
      }
    }
  }

  /// The plan of a sweep of `stencil` along coordinate `index` of `point`.
  ///
  /// Edge Cases: a step too small to move the coordinate (`(x + h) - x == 0`) keeps its
  /// place with spacing 0; its estimates are not finite and the judgement skips them.
  public static func plan(at point: [Double], index: Int, stencil: Stencil, steps: [Double])
    -> Plan
  {
    precondition(point.indices.contains(index), "the coordinate must be one of the point's")
    let x = point[index]
    let spacings = steps.map { (x + $0) - x }
    var points: [[Double]] = []
    points.reserveCapacity(steps.count * stencil.offsets.count)
    for h in spacings {
      for offset in stencil.offsets {
        var moved = point
        moved[index] = x + offset * h
        points.append(moved)
      }
    }
    return Plan(stencil: stencil, index: index, steps: steps, spacings: spacings, points: points)
  }

  /// Judges the values of `plan`'s points against `underTest`, the derivative one wrote.
  ///
  /// `limit`, when the reference is itself an estimate (the adaptive derivative standing in
  /// for an exact derivative), is its error estimate: it raises the floor the judgement uses,
  /// since nothing below it can be seen.
  public static func judge(
    _ plan: Plan, values: [Double], underTest: Double, epsilon: Double = .ulpOfOne,
    tolerance: Double = 0.15, limit: Double = 0
  ) -> DerivativeAgreement {
    let order = Double(plan.stencil.order)
    guard underTest.isFinite else {
      var result = DerivativeAgreement(
        status: .notChecked, expectedOrder: order, tolerance: tolerance)
      result.reason = .nonFiniteValue
      return result
    }
    let errors = plan.estimates(values).map { $0 - underTest }
    // |x g| as the conditioning, for f' (for f^(q) with q > 1 there is no such simple term).
    let x = plan.points.first.map { $0[plan.index] } ?? 0
    let conditioning = plan.stencil.derivative == 1 ? x * underTest : 0
    let floors = plan.floors(values, epsilon: epsilon, conditioning: conditioning)
      .map { Swift.max($0, limit) }
    return DerivativeAgreement.judge(
      steps: plan.spacings, errors: errors, floors: floors, expectedOrder: order,
      derivative: plan.stencil.derivative, tolerance: tolerance)
  }

  /// Checks `derivative` (f^(q) for the scheme's q, f' by default) against finite
  /// differences of `f` at `x`.
  ///
  /// Error Bounds: see `DerivativeAgreement.judge`: a disagreement is seen when it exceeds the
  /// least error the sweep reaches for the correct derivative by about ten times.
  ///
  /// Edge Cases: `x` or `derivative(x)` not finite: `.notChecked`.
  public static func check(
    _ f: (Double) -> Double, derivative: (Double) -> Double, at x: Double,
    scheme: Scheme = .central, order q: Int = 1, steps: [Double] = defaultSteps,
    epsilon: Double = .ulpOfOne, tolerance: Double = 0.15
  ) throws(StencilError) -> DerivativeAgreement {
    let plan = plan(at: [x], index: 0, stencil: try scheme.stencil(derivative: q), steps: steps)
    let values = plan.points.map { f($0[0]) }
    return judge(
      plan, values: values, underTest: derivative(x), epsilon: epsilon, tolerance: tolerance)
  }

  /// Checks every entry of `gradient` against finite differences of `f` along that
  /// coordinate; one verdict per entry, in order (a wrong entry fails, a right one passes).
  ///
  /// - Precondition: `gradient(x)` has one entry per coordinate of `x`.
  public static func checkGradient(
    _ f: ([Double]) -> Double, gradient: ([Double]) -> [Double], at x: [Double],
    scheme: Scheme = .central, steps: [Double] = defaultSteps, epsilon: Double = .ulpOfOne,
    tolerance: Double = 0.15
  ) throws(StencilError) -> GradientAgreement {
    let g = gradient(x)
    precondition(g.count == x.count, "the gradient has one entry per variable")
    let stencil = try scheme.stencil(derivative: 1)
    let entries = x.indices.map { i in
      let plan = plan(at: x, index: i, stencil: stencil, steps: steps)
      return judge(
        plan, values: plan.points.map(f), underTest: g[i], epsilon: epsilon,
        tolerance: tolerance)
    }
    return GradientAgreement(entries: entries)
  }
}

/// One verdict per entry of a gradient under test.
public struct GradientAgreement: Sendable, Hashable {
  public var entries: [DerivativeAgreement]

  public init(entries: [DerivativeAgreement]) { self.entries = entries }

  /// No entry levels off at a plateau (those that could not be checked: `notChecked`).
  public var passed: Bool { differing.isEmpty }

  /// The entries whose error levels off at a plateau: the wrong ones.
  public var differing: [Int] { entries.indices.filter { entries[$0].status == .plateau } }

  /// The entries that level off, but within the allowed difference.
  public var withinTolerance: [Int] {
    entries.indices.filter { entries[$0].status == .plateauWithinTolerance }
  }

  public var wrongOrder: [Int] { entries.indices.filter { entries[$0].status == .wrongOrder } }

  public var notChecked: [Int] { entries.indices.filter { entries[$0].status == .notChecked } }
}
