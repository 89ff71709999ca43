import RealModule
import Testing

@testable import Calculus

/// The one sweep pipeline through its two entry points besides the symbolic Job.
@Suite struct SweepAnalysisAnalyseTests {
  static let steps = StepGrid(min: 1e-8, max: 1e-1, perDecade: 4, including: []).steps

  @Test func aScalarSweepFitsItsSchemesOrderInItsOwnPrecision() throws {
    let double = SweepAnalysis.run(
      { (t: Double) in Double.exp(t) }, at: 0, exact: 1, value: 1, scheme: .central,
      steps: Self.steps, expected: 2, tolerance: 0.1)
    #expect(double.precision == .double && double.passed)
    #expect(Swift.abs(try #require(double.fittedOrder) - 2) <= 0.1)
    let single = SweepAnalysis.run(
      { (t: Float) in Float.exp(t) }, at: 0, exact: 1, value: 1, scheme: .forward,
      steps: Self.steps, expected: 1, tolerance: 0.15)
    #expect(single.precision == .single && single.passed)
    // Below Float's round-off floor the samples are out of the fit range.
    #expect(single.samples.filter { $0.step < 1e-5 }.allSatisfy { !$0.inFitRange })
  }

  @Test func aMixedPartialSweepFitsOrderTwoAgainstItsPrediction() throws {
    let f = try Expression(parsing: "exp(x)*sin(2*y)")
    let sweep = SweepAnalysis.secondPartialSweep(
      of: f, variables: ["x", "y"], point: [0.5, 1.2], 0, 1, steps: Self.steps,
      expectation: .auto, tolerance: 0.15)
    #expect(sweep.expected == 2)
    #expect(Swift.abs(sweep.exact - 2 * Double.exp(0.5) * Double.cos(2.4)) <= 1e-14)
    #expect(sweep.analysis.verdict.check == .passed)
    #expect(sweep.analysis.samples.map(\.step) == Self.steps)
  }

  @Test func analyseLeavesUnusableSamplesOutOfTheFit() throws {
    let steps = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6]
    var measured = steps.map {
      SweepMeasurement(step: $0, effectiveStep: $0, estimate: 1 + 3 * $0 * $0)
    }
    measured[5].estimate = .nan
    measured[0].leavesDomain = true
    let analysis = SweepAnalysis.analyse(
      measured, exact: 1, roundoffFloor: { _ in 0 }, truncationIsExact: false, expected: 2,
      tolerance: 0.1)
    #expect(analysis.samples[5].error.isNaN && !analysis.samples[5].inFitRange)
    #expect(!analysis.samples[0].inFitRange)
    let fit = try #require(analysis.fit.fit)
    #expect(fit.pointCount == 4 && Swift.abs(fit.order - 2) <= 1e-6)
    #expect(analysis.verdict.check == .passed)
  }
}
