import RealModule
import Testing

@testable import Calculus

@Suite struct RegimesTests {
  /// h = 2^-k, k = 0...11: two pre-asymptotic slopes (1, then 2), six slopes of exactly 4,
  /// then a floor near 5e-9 where the error stops falling and rises.
  static let steps = (0..<12).map { Double.pow(2, -Double($0)) }
  static let errors: [Double] = {
    var e: [Double] = [1, 0.5, 0.125]
    for _ in 0..<6 { e.append(e[e.count - 1] / 16) }
    return e + [5e-9, 6e-9, 4e-9]
  }()
  static let expected: [Regime] =
    [.preAsymptotic, .preAsymptotic] + Array(repeating: .asymptotic, count: 7)
    + Array(repeating: .floor, count: 3)

  @Test func aKnownPreAsymptoticStretchAndFloorAreFound() throws {
    let r = Regimes(steps: Self.steps, errors: Self.errors)
    #expect(r.regimes == Self.expected)
    #expect(r.asymptotic == Array(2...8))
    #expect(r.localSlopes.count == 11)
    #expect(Swift.abs(r.localSlopes[0] - 1) <= 1e-12 && Swift.abs(r.localSlopes[1] - 2) <= 1e-12)
    let fit = try #require(r.fit)
    #expect(Swift.abs(fit.slope - 4) <= 1e-12)
    #expect(
      OrderCheck.judge(order: fit.slope, points: r.asymptotic.count, expected: 4, tolerance: 0.1)
        == .passed)
  }

  @Test func theInputOrderDoesNotMatter() {
    let r = Regimes(steps: Self.steps.reversed(), errors: Self.errors.reversed())
    #expect(r.regimes == Self.expected.reversed())
    #expect(r.asymptotic == (3...9).reversed().map { $0 })
  }

  /// Slopes that drift towards 4 (3.0, 3.3, 3.6, 3.8, 3.9, 3.95, 3.98): the asymptotic range
  /// starts where they settle within 10% of their median, at 3.6.
  @Test func slopesSettleWithinTenPercent() {
    let slopes = [3.0, 3.3, 3.6, 3.8, 3.9, 3.95, 3.98]
    var errors = [1.0]
    for s in slopes { errors.append(errors[errors.count - 1] / Double.pow(2, s)) }
    let steps = errors.indices.map { Double.pow(2, -Double($0)) }
    let r = Regimes(steps: steps, errors: errors)
    #expect(r.asymptotic == Array(2...7))
    #expect(r.regimes.prefix(2).allSatisfy { $0 == .preAsymptotic })
    #expect(!r.regimes.contains(.floor))
  }

  @Test func aSequenceThatNeverFallsIsAllFloorPastItsSmallestError() {
    let r = Regimes(steps: [0.1, 0.05, 0.025, 0.0125], errors: [1e-12, 2e-12, 1.5e-12, 3e-12])
    #expect(r.asymptotic.isEmpty && r.fit == nil)
    #expect(r.regimes == [.preAsymptotic, .floor, .floor, .floor])
  }

  @Test func unusableErrorsArePreAsymptoticWhenCoarseAndFloorWhenFine() {
    var errors = Self.errors
    errors[0] = .nan
    errors[11] = 0
    let r = Regimes(steps: Self.steps, errors: errors)
    #expect(r.regimes[0] == .preAsymptotic)
    #expect(r.regimes[11] == .floor)
    #expect(r.asymptotic == Array(2...8))
  }

  /// The run rule's spread is on the range of the slopes, 0.1 · max(1, median) + 0.1: slopes
  /// 4.0 and 4.8 (a single-precision Simpson's two good levels before its floor) or 1.5 and
  /// 1.8 (a study still approaching order 2) do not agree, so nothing is fitted there.
  @Test func slopesThatDisagreeByMoreThanTheSpreadDoNotSettle() {
    let floor = Regimes(
      steps: [1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125],
      errors: [3.7e-5, 2.3e-6, 8.3e-8, 8.3e-8, 1.6e-7, 8e-8])
    #expect(floor.asymptotic.isEmpty)
    #expect(
      floor.regimes == Array(repeating: .preAsymptotic, count: 3)
        + Array(repeating: .floor, count: 3))
    var errors = [1.0]
    for p in [0.6, 1.1, 1.5, 1.8] { errors.append(errors[errors.count - 1] / Double.pow(2, p)) }
    let approaching = Regimes(steps: [1.0, 0.5, 0.25, 0.125, 0.0625], errors: errors)
    #expect(approaching.asymptotic.isEmpty)
    #expect(!approaching.regimes.contains(.floor))
    #expect(Swift.abs(Regimes.spread(median: 4) - 0.5) <= 1e-15)
  }

  @Test func twoPointsSettleButCannotBeChecked() throws {
    let r = Regimes(steps: [0.1, 0.05], errors: [1e-2, 2.5e-3])
    #expect(r.asymptotic == [0, 1])
    let fit = try #require(r.fit)
    #expect(Swift.abs(fit.slope - 2) <= 1e-12)
    #expect(
      OrderCheck.judge(order: fit.slope, points: r.asymptotic.count, expected: 2, tolerance: 0.1)
        == .notChecked)
    #expect(Regimes(steps: [], errors: []).regimes.isEmpty)
  }
}

@Suite struct SweepRegimesTests {
  /// exp at 1, central in double: the error falls as h^2 down to about 1e-5, where round-off
  /// (e ε / h) takes over; the data alone find that stretch and that floor.
  @Test func aSweepReportsItsRegimesFromTheData() throws {
    let steps = StepGrid(min: 1e-12, max: 1e-1, perDecade: 4, including: []).steps
    let outcome = try SweepAnalysis.run(
      f: Expression(parsing: "exp(x)"), variables: ["x"], point: [1], index: 0,
      scheme: .central, precision: .double, steps: steps, expectation: nil, tolerance: 0)
    let r = outcome.regimes
    let fit = try #require(r.fit)
    #expect(Swift.abs(fit.slope - 2) <= 0.1)
    #expect(r.asymptotic.count >= 8)
    for (sample, regime) in zip(outcome.samples, r.regimes) where sample.step <= 1e-6 {
      #expect(regime == .floor, "h = \(sample.step)")
    }
    #expect(r.asymptotic.allSatisfy { outcome.samples[$0].step >= 1e-6 })
  }
}
