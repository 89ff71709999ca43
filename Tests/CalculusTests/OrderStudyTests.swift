import Calculus
import Foundation
import Testing

@Suite struct OrderStudyRegimesTests {
  /// Errors with a known pre-asymptotic stretch (levels 1-3 converge faster than the leading
  /// term: e = h^2 + 40 h^4), an order-2 range, and a noisy floor near 1e-7 (h^2 meets it at
  /// h = 3.2e-4: levels 12-14).
  static func synthetic() -> (h: [Double], e: [Double]) {
    let h = (0..<14).map { 0.5 / pow(2, Double($0)) }
    let e = h.map { max($0 * $0 + 40 * pow($0, 4), 1e-7 * (1 + 0.3 * sin(1e6 * $0))) }
    return (h, e)
  }

  @Test func findsThePreAsymptoticStretchTheRangeAndTheFloor() {
    let (h, e) = Self.synthetic()
    let split = Regimes(steps: h, errors: e)
    let (regimes, orders) = (split.regimes, split.localSlopes)
    #expect(regimes.first == .preAsymptotic, "orders \(orders)")
    #expect(regimes.last == .floor)
    let asymptotic = regimes.indices.filter { regimes[$0] == .asymptotic }
    #expect(asymptotic.count >= 5, "\(regimes)")
    #expect(asymptotic.allSatisfy { e[$0] > 2e-7 })
    #expect(regimes.suffix(3).allSatisfy { $0 == .floor })
    let study = OrderStudy(steps: h, measured: e, output: .error)
    #expect(study.status == .fitted)
    #expect(abs((study.order ?? 0) - 2) < 0.1)
    #expect(study.verdict(expected: 2, tolerance: 0.1).passed == true)
    #expect(study.verdict(expected: 3, tolerance: 0.1).passed == false)
  }

  @Test func aStudyStillBeforeItsRangeIsNotChecked() {
    // Orders 0.6, 1.1, 1.5, 1.8: never two that agree.
    let h = [1.0, 0.5, 0.25, 0.125, 0.0625]
    var e = [1.0]
    for p in [0.6, 1.1, 1.5, 1.8] { e.append(e.last! / pow(2, p)) }
    let study = OrderStudy(steps: h, measured: e, output: .error)
    #expect(study.status == .preAsymptotic)
    #expect(study.verdict(expected: 2, tolerance: 0.1) == .notChecked(.preAsymptotic))
  }

  @Test func aStudyAtTheFloorIsNotChecked() {
    // Single-precision Simpson's shape: two good levels, then a noisy floor.
    let h = [1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125]
    let e = [3.7e-5, 2.3e-6, 8.3e-8, 8.3e-8, 1.6e-7, 8e-8]
    let study = OrderStudy(steps: h, measured: e, output: .error)
    #expect(study.status == .roundOffFloor)
    #expect(study.regimes.suffix(3).allSatisfy { $0 == .floor })
    #expect(study.verdict(expected: 4, tolerance: 0.1).passed == nil)
  }

  @Test func anErrorThatNeverFallsIsNoFit() {
    let h = [1.0, 0.5, 0.25, 0.125]
    let study = OrderStudy(steps: h, measured: [3.4, 4.1, 4.5, 4.7], output: .error)
    #expect(study.status == .noFit)
    #expect(study.fit == nil)
  }
}

@Suite struct GridConvergenceIndexTests {
  /// Celik et al. (2008), Table 1, the φ = reattachment-length column: N = 18000, 8000, 4500
  /// cells (two-dimensional: r21 = 1.5, r32 = 1.333), φ1 = 6.063, φ2 = 5.972, φ3 = 5.863;
  /// published p = 1.53, φext21 = 6.1685, e_a21 = 1.5%, e_ext21 = 1.7%, GCI_fine21 = 2.2%,
  /// each within the rounding of the printed digits.
  @Test func celikTableOne() throws {
    let h1 = 1 / sqrt(18000.0)
    let gci = try #require(
      GridConvergenceIndex(
        fine: 6.063, medium: 5.972, coarse: 5.863,
        steps: (h1, 1 / sqrt(8000.0), 1 / sqrt(4500.0))))
    #expect(abs(gci.order - 1.53) < 0.01)
    #expect(abs(gci.extrapolated - 6.1685) < 0.001)
    #expect(abs(gci.approximateRelativeError - 0.015) < 0.0005)
    #expect(abs(gci.extrapolatedRelativeError - 0.017) < 0.0005)
    #expect(abs(gci.gciFine - 0.022) < 0.0005)
    #expect(!gci.oscillatory)
  }

  /// φ(h) = 1 + h^2 exactly: p = 2, the extrapolation is exact and the ratio is 1.
  @Test func exactPowerLaw() throws {
    let hs = (0.01, 0.02, 0.04)
    let gci = try #require(
      GridConvergenceIndex(fine: 1 + 1e-4, medium: 1 + 4e-4, coarse: 1 + 16e-4, steps: hs))
    #expect(abs(gci.order - 2) < 1e-9)
    #expect(abs(gci.extrapolated - 1) < 1e-12)
    // φ1/φ2 = 1.0003 separates the two relative errors' denominators.
    #expect(abs(gci.asymptoticRatio - 1) < 1e-3)
  }

  @Test func equalValuesGiveNoIndex() {
    #expect(GridConvergenceIndex(fine: 1, medium: 1, coarse: 2, steps: (1, 2, 4)) == nil)
    #expect(GridConvergenceIndex(fine: 1, medium: 2, coarse: 3, steps: (1, 1, 4)) == nil)
  }
}

@Suite struct OrderStudyAPITests {
  @Test func valueStudyExtrapolates() {
    // φ(h) = 2 + 0.5 h^3: differences fall at order 3, the extrapolation finds 2.
    let study = OrderStudy.run(levels: [4, 8, 16, 32, 64], output: .value) { n in
      2 + 0.5 * pow(1 / Double(n), 3)
    }
    #expect(abs((study.order ?? 0) - 3) < 1e-6)
    #expect(abs((study.gci?.extrapolated ?? 0) - 2) < 1e-12)
    #expect(study.observedOrders.prefix(2).allSatisfy { $0 == nil })
  }
}

@Suite struct ReadmeOrderExampleTests {
  /// The README's Swift example, compiled here as written there (the test fails when the
  /// README's text and this copy part).
  static let example = """
    func trapezoid(_ f: (Double) -> Double, _ a: Double, _ b: Double, _ n: Int) -> Double {
      let h = (b - a) / Double(n)
      var sum = (f(a) + f(b)) / 2
      for i in 1..<n { sum += f(a + Double(i) * h) }
      return sum * h
    }

    let study = OrderStudy.run(levels: [8, 16, 32, 64, 128]) { n in
      abs(trapezoid(sin, 0, .pi, n) - 2)
    }
    print(study.order!, study.fit!.slopeInterval!, study.status)
    assert(study.verdict(expected: 2, tolerance: 0.1).passed == true)
    """

  @Test func readmeHoldsTheExample() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    #expect(text.contains("```swift\nimport Calculus\n\n" + Self.example + "\n```"))
  }

  @Test func theExampleRuns() {
    func trapezoid(_ f: (Double) -> Double, _ a: Double, _ b: Double, _ n: Int) -> Double {
      let h = (b - a) / Double(n)
      var sum = (f(a) + f(b)) / 2
      for i in 1..<n { sum += f(a + Double(i) * h) }
      return sum * h
    }

    let study = OrderStudy.run(levels: [8, 16, 32, 64, 128]) { n in
      abs(trapezoid(sin, 0, .pi, n) - 2)
    }
    print(study.order!, study.fit!.slopeInterval!, study.status)
    assert(study.verdict(expected: 2, tolerance: 0.1).passed == true)
    #expect(study.verdict(expected: 2, tolerance: 0.1).passed == true)
  }
}
