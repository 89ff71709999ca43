import RealModule

/// The state of one call of `AdaptiveDerivative.derivative`: the function, the point, the
/// evaluations made so far, and the best tableau entry.
struct AdaptiveRun<T: Real> {
  typealias Estimate = AdaptiveDerivative.Estimate<T>
  typealias Stencil = AdaptiveDerivative.Stencil

  let f: (T) -> T
  let x: T
  let cap: Int
  private(set) var evaluations = 0
  private var finiteEvaluations = 0
  private var fx: T = .nan

  /// The best entry so far: its value, error estimate, step, stencil and level.
  private var best: (value: T, error: T, step: T, stencil: Stencil, level: Int)?
  /// The best entry of each level (nil for a level without extrapolated entries).
  private var levelBests: [T?] = []
  /// The previous central level's jump between its one-sided slopes, and half the last jump
  /// if it did not shrink with the step (a kink: the derivative does not exist).
  private var previousJump: T?
  private var kinkBound: T = 0

  init(f: @escaping (T) -> T, x: T, cap: Int) {
    self.f = f
    self.x = x
    self.cap = cap
  }

  private mutating func sample(_ t: T) -> T {
    evaluations += 1
    let y = f(t)
    if y.isFinite && t != x { finiteEvaluations += 1 }
    return y
  }

  /// Runs the method (steps 1 to 5 of the public documentation).
  mutating func estimate(initialStep: T?) -> Estimate {
    fx = sample(x)
    guard fx.isFinite else { return result(status: .nonFiniteAtPoint, initialStep: .nan) }
    let start: (step: T, values: (up: T, down: T)?)
    if let h = initialStep {
      start = (h, nil)
    } else {
      start = startingStep()
    }
    let converged = extrapolate(from: start.step, values: start.values)
    if finiteEvaluations == 0 {
      return result(status: .noFiniteEvaluations, initialStep: start.step)
    }
    return result(status: converged ? .converged : .capReached, initialStep: start.step)
  }

  /// The power of two `2^(e - 3)` for `x = m 2^e`, `1 <= m < 2`: between `|x|/16` and
  /// `|x|/8`; `1/8` at `x = 0`.
  private func scaleStep(_ magnitude: T) -> T {
    guard magnitude != 0 else { return T(1) / 8 }
    return T(sign: .plus, exponent: magnitude.exponent - 3, significand: 1)
  }

  /// The first step: the scale of `min(|x|, 1)`, grown towards the scale of `max(|x|, 1)`
  /// while round-off dominates the central difference. Returns the step and, when the last
  /// probe was at that step, its values `f(x + h)` and `f(x - h)`.
  private mutating func startingStep() -> (step: T, values: (up: T, down: T)?) {
    let largest = scaleStep(max(abs(x), 1))
    var h = scaleStep(min(abs(x), 1))
    for _ in 0..<4 where evaluations + 2 <= cap / 2 {
      let (up, down) = (sample(x + h), sample(x - h))
      guard up.isFinite && down.isFinite && h < largest else { return (h, (up, down)) }
      let quotient = (up - down) / ((x + h) - (x - h))
      let magnitude = max(abs(fx), abs(up), abs(down))
      let noise = T.ulpOfOne * magnitude / h
      if noise <= 64 * T.ulpOfOne * abs(quotient) { return (h, (up, down)) }
      // The step at which the bound would be 32 eps of the quotient, as a power of two.
      let wanted = quotient == 0 ? largest : magnitude / (32 * abs(quotient))
      let grown = wanted.isFinite ? scaleStep(wanted) * 16 : largest
      h = min(largest, max(16 * h, grown))
    }
    return (h, nil)
  }

  /// Steps 3 and 4: levels of halving steps until the stopping rule or the cap. Returns
  /// whether the stopping rule ended it.
  private mutating func extrapolate(from start: T, values: (up: T, down: T)?) -> Bool {
    var (h, pending, stencil) = (start, values, Stencil.central)
    var tableau = RichardsonTableau<T>(power: 2)
    while true {
      let needed = stencil == .central ? 2 : 1
      guard evaluations + needed <= cap, x + h != x, x - h != x else { return false }
      let (up, down) = pending ?? sampleLevel(step: h, stencil: stencil)
      pending = nil
      if stencil == .central && up.isFinite != down.isFinite {
        stencil = up.isFinite ? .forward : .backward
        tableau = RichardsonTableau(power: 1)
      }
      if let (quotient, noise) = quotient(step: h, up: up, down: down, stencil: stencil) {
        if stencil == .central { checkKink(step: h, up: up, down: down, noise: noise) }
        let entry = tableau.append(quotient, noise: noise)
        record(entry, step: h, stencil: stencil)
        // The floor of any estimate from this level on: its round-off and the final rounding.
        if let best, best.error <= 2 * (noise + T.ulpOfOne * abs(best.value)) { return true }
      } else {
        tableau = RichardsonTableau(power: stencil == .central ? 2 : 1)
        levelBests.append(nil)
      }
      h /= 2
    }
  }

  /// The values a level needs: both sides for central, the one side otherwise (the other
  /// reported as `f(x)`).
  private mutating func sampleLevel(step h: T, stencil: Stencil) -> (up: T, down: T) {
    switch stencil {
    case .central: return (sample(x + h), sample(x - h))
    case .forward: return (sample(x + h), fx)
    case .backward: return (fx, sample(x - h))
    }
  }

  /// The difference quotient of a level and its round-off bound `eps * max|f| * sum|w|`, or
  /// nil when a value it needs is not finite. The divisor is the distance between the two
  /// arguments as represented, so no representation error of the step enters.
  private func quotient(
    step h: T, up: T, down: T, stencil: Stencil
  ) -> (value: T, noise: T)? {
    guard up.isFinite && down.isFinite else { return nil }
    let width: T
    switch stencil {
    case .central: width = (x + h) - (x - h)
    case .forward: width = (x + h) - x
    case .backward: width = x - (x - h)
    }
    // A value that underflowed to 0 carries an absolute error below the least nonzero one.
    let magnitude = max(abs(fx), abs(up), abs(down))
    let noise = (2 * T.ulpOfOne * magnitude + 2 * T.leastNonzeroMagnitude) / width
    return ((up - down) / width, noise)
  }

  /// On a smooth function the one-sided slopes differ by about `f''(x) h`, which halves with
  /// the step; at a kink (`abs(x)` at 0) the difference stays. A difference well above the
  /// round-off that shrinks by less than a quarter between the last two levels is a kink, and
  /// half of it enters the error estimate (central differences give the symmetric derivative
  /// there, which is not a derivative).
  private mutating func checkKink(step h: T, up: T, down: T, noise: T) {
    let jump = abs((up - fx) - (fx - down)) / h
    // Only the last two levels count: at large steps the jump of a smooth function can stall.
    kinkBound = 0
    if let previousJump, jump >= previousJump * 3 / 4, jump > 64 * noise { kinkBound = jump / 2 }
    previousJump = jump
  }

  private mutating func record(_ entry: RichardsonTableau<T>.Entry?, step: T, stencil: Stencil) {
    levelBests.append(entry?.value)
    guard let entry, best.map({ entry.error < $0.error }) ?? true else { return }
    best = (entry.value, entry.error, step, stencil, levelBests.count - 1)
  }

  /// Step 5: the best entry, its error estimate raised to its distance from the next
  /// level's best entry.
  private func result(status: AdaptiveDerivative.Status, initialStep: T) -> Estimate {
    guard let best else {
      return Estimate(
        value: .nan, errorEstimate: .infinity, step: .nan, initialStep: initialStep,
        stencil: .central, evaluations: evaluations, status: status)
    }
    var error = max(best.error, kinkBound)
    if best.level + 1 < levelBests.count, let next = levelBests[best.level + 1] {
      error = max(error, abs(best.value - next))
    }
    return Estimate(
      value: best.value, errorEstimate: error, step: best.step, initialStep: initialStep,
      stencil: best.stencil, evaluations: evaluations, status: status)
  }
}
