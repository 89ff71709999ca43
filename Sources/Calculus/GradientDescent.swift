import RealModule

/// How a gradient-descent run ended.
public enum DescentStatus: String, Sendable, Codable {
  /// The gradient norm fell to the tolerance.
  case converged
  /// Still finite and not worse than the start, but the gradient norm is above the tolerance
  /// after every step and still falling, or the path still creeping on (too low a learning
  /// rate, or a zig-zag that decays too slowly to settle in the steps given).
  case tooSlow = "too-slow"
  /// Bounded and not worse than the start, but bouncing in place: over the last part of the
  /// run the gradient norm stopped falling and the iterates went back and forth instead of on
  /// (a two-cycle, for instance). See `GradientDescent.oscillation(iterates:gradientNorms:)`.
  case oscillating
  /// A non-finite or out-of-bound iterate, or f ended above where it started.
  case diverged
}

/// Why a gradient-descent run stopped, with the numbers that decided it (the caller words
/// it).
public enum DescentStop: Sendable, Hashable {
  /// The gradient norm fell to the tolerance after `steps` updates.
  case converged(gradientNorm: Double, tolerance: Double, steps: Int)
  /// Every step ran and the gradient norm is still above the tolerance; f went from `from`
  /// to `to` (not higher). `overshooting`: the last steps zig-zag, each against the one
  /// before (`GradientDescent.overshoots(iterates:)`), rather than creep on.
  case tooSlow(
    gradientNorm: Double, tolerance: Double, steps: Int, from: Double, to: Double,
    overshooting: Bool = false)
  /// Every step ran; over the last `window` steps the gradient norm (`gradientNorm` at the end)
  /// stopped falling while the iterates bounced in place.
  case oscillating(gradientNorm: Double, tolerance: Double, steps: Int, window: Int)
  /// f ended above where it started.
  case grew(from: Double, to: Double)
  /// The update of step `step` left the ball of radius `bound`: `|x| = norm`.
  case escaped(norm: Double, bound: Double, step: Int)
  /// The start point or f at it is not finite.
  case nonFiniteStart
  /// The gradient at the iterate of step `step` is not finite.
  case nonFiniteGradient(step: Int)
  /// The update of step `step` gave a non-finite point or value.
  case nonFiniteIterate(step: Int)

  /// The status this stop gives the run.
  public var status: DescentStatus {
    switch self {
    case .converged: return .converged
    case .tooSlow: return .tooSlow
    case .oscillating: return .oscillating
    case .grew, .escaped, .nonFiniteStart, .nonFiniteGradient, .nonFiniteIterate:
      return .diverged
    }
  }
}

/// How an iterate moves against the gradient.
public enum UpdateRule: String, Sendable, Codable, CaseIterable {
  /// `x <- x - eta * gradient(x)`: plain gradient descent.
  case standard
  /// `x <- x - eta * gradient(x) * x`, entry by entry: the rule as printed on the notes' slide
  /// ("w = w - grad x w x lr"). Each coordinate's step is scaled by the coordinate itself, so
  /// a coordinate at 0 never moves, and on `x0^2 + x1^2` a coordinate x < 0 becomes
  /// `x - 2 eta x^2 = x (1 - 2 eta x)`, larger in magnitude: it runs away from the minimum.
  case multiplicative

  /// The next iterate from `x` and the gradient `g` at it.
  func step(_ x: [Double], _ g: [Double], learningRate eta: Double) -> [Double] {
    switch self {
    case .standard: return zip(x, g).map { $0 - eta * $1 }
    case .multiplicative: return zip(x, g).map { $0 - eta * $1 * $0 }
    }
  }
}

/// One gradient-descent run at one learning rate.
public struct DescentRun: Sendable {
  public var learningRate: Double
  /// The update rule of the run.
  public var update: UpdateRule = .standard
  /// The start first; includes the last finite, in-bound iterate.
  public var iterates: [[Double]]
  /// f at each iterate.
  public var values: [Double]
  /// The number of updates applied (`iterates.count - 1`).
  public var stepsTaken: Int
  /// Why the run stopped: `.converged(gradientNorm: 3.1e-9, tolerance: 1e-6, steps: 57)`.
  public var stop: DescentStop

  /// How the run ended (from `stop`).
  public var status: DescentStatus { stop.status }

  /// The last iterate kept.
  public var finalPoint: [Double] { iterates[iterates.count - 1] }
  /// f at the last iterate kept.
  public var finalValue: Double { values[values.count - 1] }
}

/// Gradient descent `x <- x - eta * gradient(x)`, or the notes' slide rule (`UpdateRule`).
public enum GradientDescent {
  /// Runs at most `steps` updates of `x <- x - learningRate * gradient(x)` from `start` (or,
  /// with `update: .multiplicative`, `x <- x - learningRate * gradient(x) * x` entry by entry).
  ///
  /// - Converged: the gradient norm at an iterate is at most `tolerance` (the run stops
  ///   there, before updating).
  /// - Diverged: an update gives a non-finite point, value or gradient, or a point with
  ///   Euclidean norm above `divergenceBound` (the run stops before keeping it), or f at the
  ///   end is greater than f at the start.
  /// - Oscillating: every step ran, f did not grow, and the tail of the run bounces in place
  ///   by the rule of `oscillation(iterates:gradientNorms:)` (for instance `x0^2 + x1^2` at
  ///   `learningRate` 1, which jumps between `x` and `-x` forever).
  /// - Too slow: otherwise (for instance `x0^2 + x1^2` at `learningRate` 0.01 for 100 steps).
  ///
  /// Complexity: at most `steps + 1` calls of `gradient` and of `f`.
  ///
  /// - Precondition: `gradient` returns as many components as `start` has, and `steps >= 0`.
  public static func run(
    f: ([Double]) -> Double, gradient: ([Double]) -> [Double], start: [Double],
    learningRate: Double, steps: Int, tolerance: Double = 1e-6, divergenceBound: Double = 1e8,
    update: UpdateRule = .standard
  ) -> DescentRun {
    precondition(steps >= 0, "steps must not be negative")
    var run = DescentRun(
      learningRate: learningRate, update: update, iterates: [start], values: [f(start)],
      stepsTaken: 0, stop: .nonFiniteStart)
    func stop(_ reason: DescentStop) -> DescentRun {
      run.stepsTaken = run.iterates.count - 1
      run.stop = reason
      return run
    }
    guard start.allSatisfy(\.isFinite), run.values[0].isFinite else {
      return stop(.nonFiniteStart)
    }
    var x = start
    var norm = 0.0
    var norms: [Double] = []
    for step in 0...steps {
      let g = gradient(x)
      precondition(g.count == x.count, "gradient has \(g.count) components for \(x.count)")
      guard g.allSatisfy(\.isFinite) else {
        return stop(.nonFiniteGradient(step: step))
      }
      norm = euclideanNorm(g)
      norms.append(norm)
      if norm <= tolerance {
        return stop(.converged(gradientNorm: norm, tolerance: tolerance, steps: step))
      }
      guard step < steps else { break }
      let next = update.step(x, g, learningRate: learningRate)
      let value = f(next)
      guard next.allSatisfy(\.isFinite), value.isFinite else {
        return stop(.nonFiniteIterate(step: step + 1))
      }
      let size = euclideanNorm(next)
      guard size <= divergenceBound else {
        return stop(.escaped(norm: size, bound: divergenceBound, step: step + 1))
      }
      x = next
      run.iterates.append(next)
      run.values.append(value)
    }
    let first = run.values[0]
    let last = run.values[run.values.count - 1]
    if last > first {
      return stop(.grew(from: first, to: last))
    }
    if let window = oscillation(iterates: run.iterates, gradientNorms: norms) {
      return stop(
        .oscillating(gradientNorm: norm, tolerance: tolerance, steps: steps, window: window))
    }
    return stop(
      .tooSlow(
        gradientNorm: norm, tolerance: tolerance, steps: steps, from: first, to: last,
        overshooting: overshoots(iterates: run.iterates)))
  }

  /// Whether a run's last steps overshoot: over the last quarter of its steps (at least 4
  /// pairs), every step points against the one before (`d_k · d_(k+1) < 0`, with
  /// `d_k = x_(k+1) - x_k`).
  ///
  /// On a quadratic the tail of a run follows its slowest mode; the steps alternate when that
  /// mode's factor `1 - learningRate * lambda` is negative, that is when the rate is too high
  /// for the steepest direction that still dominates (`x0^2 + 3 x1^2` at 0.3: factors 0.4 and
  /// -0.8). A smaller rate then goes straighter (and, up to `2 / (lambda_min + lambda_max)`,
  /// faster). A run that creeps (`x0^2 + x1^2` at 0.01: factor 0.98) does not overshoot.
  ///
  /// Edge Cases: false for fewer than 8 steps, and when a step in the tail has length 0 or a
  /// non-finite coordinate (the comparison is false).
  ///
  /// Complexity: O(s * d) for the s steps of the tail and d coordinates.
  public static func overshoots(iterates: [[Double]]) -> Bool {
    let steps = iterates.count - 1
    guard steps >= 8 else { return false }
    let pairs = max(4, steps / 4)
    let tail = (steps - pairs - 1..<steps).map { k in
      zip(iterates[k + 1], iterates[k]).map { $0 - $1 }
    }
    return zip(tail, tail.dropFirst()).allSatisfy { d, next in
      zip(d, next).reduce(0) { $0 + $1.0 * $1.1 } < 0
    }
  }

  /// The smallest number of steps `oscillation(iterates:gradientNorms:)` decides on.
  public static let oscillationMinimumSteps = 16

  /// The window, in iterates, over which a run's tail bounces in place, or nil when it does not.
  ///
  /// Rule: the window is the last `w = 2 * (n / 8)` iterates of a run of `n` steps, split into
  /// two halves of `w / 2` iterates each. The run oscillates when both hold:
  /// - the gradient norm stopped falling: its smallest value over the second half is at least
  ///   `1 - 1e-2` times its smallest over the first half (taking the smallest of each half
  ///   makes a two-cycle, or any cycle up to `w / 2` steps long, compare like with like);
  /// - the iterates bounce instead of travelling: the distance from the window's first iterate
  ///   to its last is below half the path length walked inside the window.
  ///
  /// A zig-zag whose amplitude decays by a factor `r` per step passes the first test only when
  /// `r^(w/2) >= 0.99`; a faster decay is too slow (or converges), not oscillating. A steady
  /// creep (f = x, any rate) fails the second test, and so does a run that does not move.
  ///
  /// Edge Cases: nil for fewer than `oscillationMinimumSteps` steps (too short a tail to tell),
  /// for `gradientNorms` not one per iterate, and for non-finite norms or iterates.
  ///
  /// Complexity: O(w * d) for d coordinates.
  public static func oscillation(iterates: [[Double]], gradientNorms: [Double]) -> Int? {
    let steps = iterates.count - 1
    guard steps >= oscillationMinimumSteps, gradientNorms.count == iterates.count else {
      return nil
    }
    let window = 2 * (steps / 8)
    let half = window / 2
    let end = iterates.count
    let first = gradientNorms[(end - window)..<(end - half)]
    let second = gradientNorms[(end - half)..<end]
    guard let a = first.min(), let b = second.min(), a.isFinite, b.isFinite,
      b >= (1 - 1e-2) * a
    else { return nil }
    func distance(_ p: [Double], _ q: [Double]) -> Double {
      euclideanNorm(zip(p, q).map { $0 - $1 })
    }
    var walked = 0.0
    for k in (end - window)..<(end - 1) { walked += distance(iterates[k], iterates[k + 1]) }
    let net = distance(iterates[end - window], iterates[end - 1])
    guard walked.isFinite, net.isFinite, net < walked / 2 else { return nil }
    return window
  }

  /// The cycle the tail of a path settles into, up to `tolerance`: its period and the first
  /// iterate from which the path stays on it.
  ///
  /// Rule: the period is the smallest `p` in `2...maxPeriod` such that each of the last `p`
  /// iterates lies within `tolerance` (Euclidean) of the iterate `p` steps before it, while the
  /// last `p` iterates do not all lie within `tolerance` of the last one (that is a point, not
  /// a cycle). The cycle's points are the last `p` iterates; iterate `j` belongs to point
  /// `n - (n - j) % p` of a path of `n` steps. `settled` is the smallest `k` such that every
  /// iterate from `k` on lies within `tolerance` of its cycle point, so the iterates from
  /// `settled` on, drawn as the cycle's points visited in turn, lie within `tolerance` of the
  /// polygon through them.
  ///
  /// Edge Cases: nil for a path of fewer than `2 p + 1` iterates for every `p`, for a
  /// non-positive or non-finite `tolerance`, and for non-finite iterates in the last `2 p`.
  ///
  /// Complexity: O(maxPeriod² d + n d) for n iterates of d coordinates.
  public static func cycle(iterates: [[Double]], tolerance: Double, maxPeriod: Int = 8)
    -> (period: Int, settled: Int)?
  {
    guard tolerance > 0, tolerance.isFinite else { return nil }
    let n = iterates.count - 1
    func distance(_ i: Int, _ j: Int) -> Double {
      euclideanNorm(zip(iterates[i], iterates[j]).map { $0 - $1 })
    }
    for p in 2...max(2, maxPeriod) where n >= 2 * p {
      let tail = (n - p + 1)...n
      guard tail.allSatisfy({ distance($0, $0 - p) <= tolerance }),
        tail.contains(where: { distance($0, n) > tolerance })
      else { continue }
      return (p, settled(iterates: iterates, period: p, tolerance: tolerance))
    }
    return nil
  }

  /// The smallest `k` such that every iterate from `k` on lies within `tolerance` of its point
  /// on the cycle of `period` the path ends on (iterate `j` of a path of `n` steps belongs to
  /// iterate `n - (n - j) % period`): see ``cycle(iterates:tolerance:maxPeriod:)``.
  ///
  /// Edge Cases: never above `n - period + 1` (the last period is the cycle itself); a larger
  /// `tolerance` gives the same or an earlier `k`; a non-finite distance ends the walk back.
  ///
  /// Complexity: O(n d).
  ///
  /// - Precondition: `period >= 1` and `iterates` is not empty.
  public static func settled(iterates: [[Double]], period: Int, tolerance: Double) -> Int {
    precondition(period >= 1 && !iterates.isEmpty, "a cycle needs a period and iterates")
    let n = iterates.count - 1
    var k = max(0, n - period + 1)
    while k > 0,
      euclideanNorm(zip(iterates[k - 1], iterates[n - (n - k + 1) % period]).map { $0 - $1 })
        <= tolerance
    {
      k -= 1
    }
    return k
  }

  static func euclideanNorm(_ v: [Double]) -> Double {
    let scale = v.reduce(0) { Swift.max($0, Swift.abs($1)) }
    guard scale > 0 && scale.isFinite else { return scale }
    return scale * v.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
  }
}
