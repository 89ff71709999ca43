import RealModule
import Testing

@testable import Calculus

@Suite struct GradientDescentTests {
  static func f(_ x: [Double]) -> Double { x[0] * x[0] + x[1] * x[1] }
  static func gradient(_ x: [Double]) -> [Double] { [2 * x[0], 2 * x[1]] }

  /// x0^2 + x1^2 from (-3, 4), 100 steps: each step multiplies x by (1 - 2 eta).
  @Test(arguments: [
    (0.01, DescentStatus.tooSlow), (0.1, .converged), (0.9, .converged), (1.0, .oscillating),
    (1.05, .diverged),
  ])
  func seedsLearningRates(eta: Double, expected: DescentStatus) {
    let run = GradientDescent.run(
      f: Self.f, gradient: Self.gradient, start: [-3, 4], learningRate: eta, steps: 100)
    #expect(run.status == expected, "\(run.stop)")
    #expect(run.learningRate == eta)
    #expect(run.iterates.first == [-3, 4] && run.values.first == 25)
    #expect(run.iterates.count == run.stepsTaken + 1 && run.values.count == run.iterates.count)
    // The iterates follow x_k = (1 - 2 eta)^k x_0.
    let factor = Double.pow(1 - 2 * eta, run.stepsTaken)
    #expect(Swift.abs(run.finalPoint[0] - -3 * factor) <= 1e-12 * Swift.max(1, Swift.abs(factor)))
    #expect(run.finalValue == Self.f(run.finalPoint))
  }

  @Test func convergedStopsAtTheFirstSmallGradient() {
    // |gradient| = 10 * 0.8^k <= 1e-6 first at k = 73.
    let run = GradientDescent.run(
      f: Self.f, gradient: Self.gradient, start: [-3, 4], learningRate: 0.1, steps: 100)
    #expect(run.stepsTaken == 73)
    guard case .converged(let norm, let tolerance, let steps) = run.stop else {
      Issue.record("\(run.stop)")
      return
    }
    #expect(steps == 73 && tolerance == 1e-6)
    #expect(norm <= 1e-6 && Swift.abs(norm - 10 * Double.pow(0.8, 73)) <= 1e-15)
  }

  /// x0^2 + 3 x1^2 from (1, 1) at 0.3, 20 steps: the factors are 0.4 and -0.8, so the tail
  /// zig-zags across the valley and the run, too slow, says it overshoots; at 0.2 (factors
  /// 0.6 and -0.2) it also zig-zags but the creeping x0 dominates the tail; at 0.01 it creeps.
  @Test(arguments: [(0.3, true), (0.2, false), (0.01, false)])
  func aZigZagThatDominatesTheTailOvershoots(eta: Double, overshoots: Bool) {
    let run = GradientDescent.run(
      f: { $0[0] * $0[0] + 3 * $0[1] * $0[1] }, gradient: { [2 * $0[0], 6 * $0[1]] },
      start: [1, 1], learningRate: eta, steps: 20)
    guard case .tooSlow(_, _, let steps, _, _, let overshooting) = run.stop else {
      Issue.record("\(run.stop)")
      return
    }
    #expect(steps == 20 && overshooting == overshoots)
    #expect(GradientDescent.overshoots(iterates: run.iterates) == overshoots)
    // Too short a run to tell: no.
    #expect(!GradientDescent.overshoots(iterates: Array(run.iterates.prefix(8))))
  }

  @Test func theTwoCycleAtLearningRateOneOscillates() {
    let run = GradientDescent.run(
      f: Self.f, gradient: Self.gradient, start: [-3, 4], learningRate: 1, steps: 100)
    #expect(run.stepsTaken == 100)
    // The window is the last 2 * (100 / 8) = 24 iterates.
    #expect(
      run.stop == .oscillating(gradientNorm: 10, tolerance: 1e-6, steps: 100, window: 24))
    #expect(run.finalPoint == [-3, 4])
    #expect(run.values.allSatisfy { $0 == 25 })
  }

  @Test func divergenceReportsGrowth() {
    let run = GradientDescent.run(
      f: Self.f, gradient: Self.gradient, start: [-3, 4], learningRate: 1.05, steps: 100)
    #expect(run.stepsTaken == 100)
    // 25 * 1.1^200 = 4.7e9
    #expect(run.stop == .grew(from: 25, to: run.finalValue))
    #expect(run.status == .diverged)
    #expect(Swift.abs(run.finalValue / (25 * Double.pow(1.1, 200)) - 1) <= 1e-12)
  }

  @Test func stopsBeforeTheFirstOutOfBoundIterate() {
    // eta = 5: x_k = (-9)^k x_0 leaves |x| <= 1e8 at step 8 (5 * 9^8 = 2.2e8).
    let run = GradientDescent.run(
      f: Self.f, gradient: Self.gradient, start: [-3, 4], learningRate: 5, steps: 100)
    #expect(run.status == .diverged)
    #expect(run.stepsTaken == 7)
    guard case .escaped(let norm, let bound, let step) = run.stop else {
      Issue.record("\(run.stop)")
      return
    }
    #expect(bound == 1e8 && step == 8 && norm > 1e8)
    #expect(run.iterates.allSatisfy { $0.allSatisfy(\.isFinite) })
  }

  @Test func stopsBeforeTheFirstNonFiniteIterate() {
    // exp overflows at x = 710: f(x) = exp(x) with the gradient doubled to push it there.
    let run = GradientDescent.run(
      f: { .exp($0[0]) }, gradient: { _ in [-100] }, start: [0], learningRate: 1, steps: 20,
      divergenceBound: .infinity)
    #expect(run.status == .diverged)
    #expect(run.stepsTaken == 7)
    #expect(run.stop == .nonFiniteIterate(step: 8))
    #expect(run.finalPoint == [700])
  }

  @Test func numericalGradientDrivesTheSameDescent() {
    let run = GradientDescent.run(
      f: Self.f,
      gradient: { FiniteDifference.gradient(of: Self.f, at: $0, step: 1e-4, scheme: .central) },
      start: [-3, 4], learningRate: 0.1, steps: 100)
    #expect(run.status == .converged)
    #expect(Swift.abs(run.stepsTaken - 73) <= 1)
  }

  /// The valley f = x^2 + 10 y^2 (L = 20, 2 / L = 0.1): y_k = (1 - 20 eta)^k y_0 and
  /// x_k = (1 - 2 eta)^k x_0.
  static func valley(_ p: [Double]) -> Double { p[0] * p[0] + 10 * p[1] * p[1] }
  static func valleyGradient(_ p: [Double]) -> [Double] { [2 * p[0], 20 * p[1]] }

  /// Just below 2 / L the zig-zag across the valley decays (by 0.98 a step) and converges
  /// given the steps, is too slow without them; at 2 / L it is a two-cycle y -> -y.
  @Test(arguments: [
    (0.099, 1000, DescentStatus.converged), (0.099, 200, .tooSlow), (0.1, 200, .oscillating),
    (0.1, 1000, .oscillating), (0.01, 200, .tooSlow),
  ])
  func aValleyOscillatesOnlyAtTheTwoCycle(eta: Double, steps: Int, expected: DescentStatus) {
    let run = GradientDescent.run(
      f: Self.valley, gradient: Self.valleyGradient, start: [3, 1], learningRate: eta,
      steps: steps)
    #expect(run.status == expected, "\(run.stop)")
  }

  @Test func aSteadyCreepIsTooSlowNotOscillating() {
    // f = x: the gradient norm never falls, but the path travels on.
    let run = GradientDescent.run(
      f: { $0[0] }, gradient: { _ in [1] }, start: [0], learningRate: 0.1, steps: 100)
    #expect(run.status == .tooSlow, "\(run.stop)")
    #expect(GradientDescent.oscillation(iterates: run.iterates, gradientNorms: [1]) == nil)
  }

  @Test func aRunThatDoesNotMoveIsNotOscillating() {
    let still = Array(repeating: [2.0], count: 101)
    let norms = Array(repeating: 1.0, count: 101)
    #expect(GradientDescent.oscillation(iterates: still, gradientNorms: norms) == nil)
  }

  @Test func tooShortARunIsNeverOscillating() {
    let cycle = (0...15).map { [$0 % 2 == 0 ? 1.0 : -1.0] }
    let norms = Array(repeating: 2.0, count: 16)
    #expect(GradientDescent.oscillation(iterates: cycle, gradientNorms: norms) == nil)
    let longer = (0...16).map { [$0 % 2 == 0 ? 1.0 : -1.0] }
    #expect(
      GradientDescent.oscillation(
        iterates: longer, gradientNorms: Array(repeating: 2.0, count: 17)) == 4)
  }

  @Test func aTwoCycleAndAFourCycleAreFoundWithWhereThePathSettles() throws {
    // The bowl at eta = 1 jumps between x and -x from the first step.
    let bowl = GradientDescent.run(
      f: Self.f, gradient: Self.gradient, start: [-3, 4], learningRate: 1, steps: 40)
    let two = try #require(GradientDescent.cycle(iterates: bowl.iterates, tolerance: 1e-9))
    #expect(two.period == 2 && two.settled == 0)
    // Himmelblau's function from (0, 0) at eta = 0.03 settles into a four-cycle, within 0.02
    // of it only after tens of steps of bouncing.
    let h: ([Double]) -> Double = { x in
      Double.pow(x[0] * x[0] + x[1] - 11, 2) + Double.pow(x[0] + x[1] * x[1] - 7, 2)
    }
    let dh: ([Double]) -> [Double] = { x in
      let (a, b) = (x[0] * x[0] + x[1] - 11, x[0] + x[1] * x[1] - 7)
      return [4 * x[0] * a + 2 * b, 2 * a + 4 * x[1] * b]
    }
    let run = GradientDescent.run(f: h, gradient: dh, start: [0, 0], learningRate: 0.03, steps: 200)
    let four = try #require(GradientDescent.cycle(iterates: run.iterates, tolerance: 0.02))
    #expect(four.period == 4 && (20...80).contains(four.settled), "\(four)")
    for j in four.settled...200 {
      let point = run.iterates[200 - (200 - j) % 4]
      #expect(GradientDescent.euclideanNorm(zip(run.iterates[j], point).map { $0 - $1 }) <= 0.02)
    }
    // A converging path settles to a point, not a cycle; a bad tolerance finds nothing.
    let converging = GradientDescent.run(
      f: Self.f, gradient: Self.gradient, start: [-3, 4], learningRate: 0.1, steps: 100)
    #expect(GradientDescent.cycle(iterates: converging.iterates, tolerance: 1e-3) == nil)
    #expect(GradientDescent.cycle(iterates: bowl.iterates, tolerance: 0) == nil)
  }
}
