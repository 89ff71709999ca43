import RealModule

/// A black-box first derivative that chooses its own steps and reports an error estimate that
/// includes round-off: Ridders' method (a Richardson-extrapolation tableau of central
/// differences over halving steps) with a round-off-aware start and stop.
///
/// The anchors it is measured against (`make compare`, Benchmarks/compare/) are numdifftools'
/// `Derivative` (Richardson extrapolation over fifteen steps from a fixed base step) and
/// `scipy.differentiate.derivative` (an eighth-order stencil whose step is halved until two
/// estimates agree to `sqrt(eps)`); FiniteDifferences.jl chooses its step by balancing the
/// truncation bound against `eps * |f| * sum|w| / h`, the same round-off model used here.
public enum AdaptiveDerivative {
  /// The evaluation cap `derivative(of:at:initialStep:maximumEvaluations:)` uses by default.
  public static let defaultMaximumEvaluations = 64

  /// Whether the adaptive derivative runs in `T`: a significand of at least 24 bits (`Float`,
  /// `Double`, `Float80`). In half precision (11 bits) the round-off floor `eps * |f| / h`
  /// is above the truncation error at every step the extrapolation can use, so the method
  /// has nothing to extrapolate; half precision is rejected.
  public static func supports<T: Real>(_: T.Type) -> Bool {
    T.ulpOfOne * T(1 << 23) <= 1
  }

  /// The derivative `f'(x)`, found by extrapolating finite differences over steps chosen from
  /// the point and the function's values, with an error estimate and an evaluation count.
  ///
  /// `f` is evaluated only at real points. The algorithm:
  /// 1. Evaluate `f(x)`; stop with `.nonFiniteAtPoint` if it is not finite.
  /// 2. Start from the power of two `h` between `min(|x|, 1) / 16` and `min(|x|, 1) / 8`
  ///    (`1/8` when `x == 0`): a step on the scale of a small point keeps clear of a
  ///    singularity or domain edge at 0 (`1/x` at `1e-3`, `sqrt(x)` at `1e-4`), and a large
  ///    point does not get steps beyond the scale of `sin`'s period. If the round-off bound
  ///    `eps * max|f| / h` of the first central difference exceeds `64 eps` times the
  ///    difference itself (the function varies on a larger scale, as `cos(x)` at `1e-3` or
  ///    `log(x)` at `1e4` do), the step grows, at most to `max(|x|, 1) / 8`, in at most four
  ///    probes of two evaluations each (the last one is the first level).
  /// 3. Halve the step at each level and extrapolate the central differences in powers of
  ///    `h^2` (up to seven columns, order 16). A non-finite value on one side switches to
  ///    one-sided differences on the other side, extrapolated in powers of `h`; a non-finite
  ///    value on both sides (or on the one side in use) halves the step and restarts.
  ///    Estimates from steps that straddle a singularity (finite but wildly inconsistent)
  ///    have large tableau differences and are outgrown as the step shrinks.
  /// 4. Each entry's error estimate is its distance to its two tableau neighbours plus the
  ///    propagated round-off bound `(eps * |f| + tiny) * sum|w| / h` (`tiny`, the least
  ///    nonzero magnitude, covers values that underflowed) plus `eps` times the entry. Stop
  ///    (`.converged`) once the best estimate's error is below twice the floor of the current
  ///    level (its round-off bound plus `eps` times the estimate): smaller steps can only add
  ///    noise.
  /// 5. Return the entry with the smallest error estimate; its error estimate is raised to
  ///    its distance from the best entry of the next level (a check on independent values).
  ///
  /// Error Bounds:
  /// - Measured in `Double` (`make compare`, Benchmarks/results/compare-run.md): on smooth
  ///   functions 13 to 16 correct digits with 5 to 17 evaluations (11.8 for `cos(x)` at
  ///   `1e-3`, where the round-off floor below binds; exact on polynomials of degree up to
  ///   3 up to that floor); next to a singularity or domain edge
  ///   at distance `d` the steps shrink below `d`, and 11 to 15 digits remain with 11 to 35
  ///   evaluations.
  /// - `errorEstimate` bounds the true error on the shipped case set
  ///   (Experiments/accuracy-methods.yaml) in every case; it is an estimate, not a proof:
  ///   a function with structure below the smallest step tried can fool it.
  /// - The round-off floor is about `eps * |f(x)| / h` at the chosen step: where
  ///   `|f| / |f'|` is large compared with the distance to the nearest singularity, few
  ///   digits are attainable by any method that only evaluates `f` in `T`.
  ///
  /// Edge Cases:
  /// - `f(x)` not finite: `.nonFiniteAtPoint`, value NaN, one evaluation.
  /// - Every other evaluation non-finite: `.noFiniteEvaluations`, value NaN.
  /// - The cap (or a step so small that `x + h == x`) reached before the stopping rule:
  ///   `.capReached`, with the best estimate so far (NaN and an infinite error estimate if
  ///   fewer than two levels were finite).
  /// - Not differentiable at `x` with finite one-sided slopes (`abs(x)` at 0): the value is
  ///   the symmetric derivative (0 for `abs` at 0) and the error estimate is at least half the
  ///   jump between the one-sided slopes, once that jump fails to shrink with the step.
  /// - `initialStep`, when given, replaces step 2's choice (no growth).
  ///
  /// Complexity: at most `maximumEvaluations` calls of `f` (median 11 on the shipped cases);
  /// O(levels) memory.
  ///
  /// - Precondition: `x` is finite, `initialStep` (if given) is finite and positive,
  ///   `maximumEvaluations >= 3`, and `supports(T.self)`.
  public static func derivative<T: Real>(
    of f: (T) -> T, at x: T, initialStep: T? = nil,
    maximumEvaluations: Int = defaultMaximumEvaluations
  ) -> Estimate<T> {
    precondition(supports(T.self), "the adaptive derivative needs at least single precision")
    precondition(x.isFinite, "the point must be finite")
    precondition(maximumEvaluations >= 3, "at least three evaluations are needed")
    if let h = initialStep { precondition(h.isFinite && h > 0, "the step must be positive") }
    return withoutActuallyEscaping(f) { f in
      var run = AdaptiveRun(f: f, x: x, cap: maximumEvaluations)
      return run.estimate(initialStep: initialStep)
    }
  }
}

extension AdaptiveDerivative {
  /// The stencil an estimate came from.
  public enum Stencil: String, Sendable, Hashable, CaseIterable {
    /// `(f(x+h) - f(x-h)) / 2h`, extrapolated in powers of `h^2`.
    case central
    /// `(f(x+h) - f(x)) / h`, extrapolated in powers of `h`.
    case forward
    /// `(f(x) - f(x-h)) / h`, extrapolated in powers of `h`.
    case backward
  }

  /// Why the adaptive derivative stopped.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// The best estimate's error fell below the round-off floor of the current step.
    case converged
    /// The evaluation cap, or the smallest step the precision represents, was reached first.
    case capReached = "cap-reached"
    /// `f(x)` is not finite.
    case nonFiniteAtPoint = "non-finite-at-point"
    /// Every evaluation away from `x` was non-finite.
    case noFiniteEvaluations = "no-finite-evaluations"
  }

  /// The result of `derivative(of:at:initialStep:maximumEvaluations:)`.
  public struct Estimate<T: Real> {
    /// The estimate of `f'(x)` (NaN when no estimate could be formed).
    public var value: T
    /// An estimate of `|value - f'(x)|` that includes round-off (infinite when unknown).
    public var errorEstimate: T
    /// The smallest step of the extrapolation that gave `value` (NaN when none).
    public var step: T
    /// The largest step evaluated (the start of the tableau).
    public var initialStep: T
    /// The stencil of the steps that gave `value`.
    public var stencil: Stencil
    /// The number of calls of `f`, `f(x)` included.
    public var evaluations: Int
    /// Why the method stopped.
    public var status: Status
  }
}

extension AdaptiveDerivative.Estimate: Sendable where T: Sendable {}
