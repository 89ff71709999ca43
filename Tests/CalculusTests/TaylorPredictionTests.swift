import RealModule
import Testing

@testable import Calculus

@Suite struct TaylorPredictionTests {
  static let notZero = [Bool](repeating: false, count: 10)

  /// The Double-precision prediction at every point of the test catalogue.
  static func catalogue(_ scheme: Scheme) -> [(Smooth, Double, TaylorPrediction)] {
    Smooth.allCases.flatMap { function in
      function.points.map { x in
        let prediction = Taylor.predict(
          scheme: scheme, derivatives: function.derivatives(at: Float80(x)),
          identicallyZero: notZero, epsilon: Double.ulpOfOne)
        return (function, x, prediction)
      }
    }
  }

  /// `[f(x), f'(x), ..., f^(9)(x)]` of sin, from the cycle sin, cos, -sin, -cos.
  static func sinDerivatives(at x: Double) -> [Double] {
    (0..<10).map { [Double.sin(x), .cos(x), -.sin(x), -.cos(x)][$0 % 4] }
  }

  @Test func forwardOnSinAtZeroSkipsTheVanishingSecondDerivative() throws {
    let prediction = Taylor.predict(
      scheme: .forward, derivatives: Self.sinDerivatives(at: 0), identicallyZero: Self.notZero,
      epsilon: Double.ulpOfOne)
    #expect(prediction.order == 2)
    #expect(prediction.leadingDerivative == 3)
    #expect(!prediction.isExact)
    #expect(Swift.abs(prediction.constant - 1.0 / 6) <= 1e-15)
    #expect(
      prediction.reason
        == .leadingTerm(
          .init(derivative: 3, estimated: 1, coefficient: 1.0 / 6, value: -1, skipped: [2])))
    // f(0) = 0: no 1/h round-off to balance against.
    #expect(prediction.bestStep == nil)
    // Measured: (sin(h) - 0) / h - 1 = -h^2/6 + ..., order 2.
    let fit = try #require(fitSweep(.sin, at: 0, scheme: .forward, precision: .double).fit)
    #expect(Swift.abs(fit.order - 2) <= 0.1)
  }

  /// At the `Double` nearest pi/2, `f'''(x) = -cos(x) ≈ -6e-17` counts as zero, and so do the
  /// fifth, seventh and ninth derivatives (all `±cos(x)`): the central difference
  /// `cos(x) sin(h) / h` has no truncation error to speak of, and no slope is fitted to its
  /// round-off.
  @Test func centralOnSinAtHalfPiHasNoTruncationTerm() {
    let x = Double.pi / 2
    let prediction = Taylor.predict(
      scheme: .central, derivatives: Self.sinDerivatives(at: x), identicallyZero: Self.notZero,
      epsilon: Double.ulpOfOne)
    #expect(prediction.isExact)
    #expect(prediction.order == nil)
    #expect(
      prediction.reason == .vanishAtPoint([3, 5, 7, 9], identicallyZeroFrom: nil, checkedUpTo: 9))
    let outcome = fitSweep(.sin, at: x, scheme: .central, precision: .double)
    #expect(outcome.status == "no-fit", "\(outcome)")
    // Forward still sees f''(x) = -1.
    let forward = Taylor.predict(
      scheme: .forward, derivatives: Self.sinDerivatives(at: x), identicallyZero: Self.notZero,
      epsilon: Double.ulpOfOne)
    #expect(forward.order == 1)
  }

  /// Central at a zero of f''' where f^(5) is not zero: the h^2 term vanishes, next is h^4,
  /// and the measured slope is 4.
  @Test(arguments: [Smooth.gaussianRamp])
  func centralAtAZeroOfTheThirdDerivativeIsFourthOrder(function: Smooth) throws {
    // f''' of x exp(-x^2) is (-8x^4 + 24x^2 - 6) exp(-x^2): zero at x^2 = (3 - sqrt(6)) / 2.
    let x = ((3 - Double(6).squareRoot()) / 2).squareRoot()
    let prediction = Taylor.predict(
      scheme: .central, derivatives: function.derivatives(at: Float80(x)),
      identicallyZero: Self.notZero, epsilon: Double.ulpOfOne)
    #expect(prediction.order == 4)
    #expect(prediction.leadingDerivative == 5)
    guard case .leadingTerm(let term) = prediction.reason else {
      Issue.record("\(prediction.reason)")
      return
    }
    #expect(term.skipped == [3] && term.derivative == 5 && term.order == 4)
    let fit = try #require(fitSweep(function, at: x, scheme: .central, precision: .double).fit)
    #expect(Swift.abs(fit.order - 4) <= 0.1)
    #expect(Swift.abs(fit.constant / prediction.constant - 1) <= 0.1)
  }

  @Test func centralOnQuadraticIsExact() {
    // x^2 + 2x + 1 at 15: f = 256, f' = 32, f'' = 2, f''' ≡ 0.
    let derivatives = [256.0, 32, 2] + [Double](repeating: 0, count: 7)
    let identicallyZero = [false, false, false] + [Bool](repeating: true, count: 7)
    let central = Taylor.predict(
      scheme: .central, derivatives: derivatives, identicallyZero: identicallyZero,
      epsilon: Double.ulpOfOne)
    #expect(central.isExact)
    #expect(central.order == nil && central.constant == 0 && central.bestStep == nil)
    #expect(central.reason == .identicallyZero(from: 3))
    let forward = Taylor.predict(
      scheme: .forward, derivatives: derivatives, identicallyZero: identicallyZero,
      epsilon: Double.ulpOfOne)
    #expect(forward.order == 1 && forward.constant == 1)
    // The seeds' forward difference at h = 0.1 is off by exactly constant * h.
    #expect(Swift.abs(forward.constant * 0.1 - 0.1) <= 1e-15)
    let complex = Taylor.predict(
      scheme: .complexStep, derivatives: derivatives, identicallyZero: identicallyZero,
      epsilon: Double.ulpOfOne)
    #expect(complex.isExact)
  }

  /// Every catalogue point is generic: the prediction is the scheme's nominal order, and the
  /// fitted constant C of error ≈ C h^p agrees with |c_k f^(k)(x)|.
  @Test(arguments: Scheme.allCases)
  func predictedOrderAndConstantMatchTheFit(scheme: Scheme) throws {
    for (function, x, prediction) in Self.catalogue(scheme) {
      #expect(prediction.order == scheme.order, "\(function) at \(x)")
      let fit = try #require(
        fitSweep(function, at: x, scheme: scheme, precision: .double).fit, "\(function)")
      #expect(
        Swift.abs(fit.constant / prediction.constant - 1) <= 0.15,
        "\(function) at \(x): fitted \(fit.constant), predicted \(prediction.constant)")
    }
  }

  /// The predicted best step sits at the bottom of the V: the error there is about the
  /// predicted best error, and a hundred times larger steps are far worse.
  @Test(arguments: Scheme.allCases)
  func predictedBestStepIsNearTheMinimum(scheme: Scheme) throws {
    for (function, x, prediction) in Self.catalogue(scheme) {
      let best = try #require(prediction.bestStep)
      let bestError = try #require(prediction.bestError)
      let errors = Precision.double.errors(
        function, at: x, scheme: scheme, steps: [best, 100 * best])
      // The model rounds f's value only; evaluating f can cost more (log(1 + x^2) at -0.3
      // rounds 1 + x^2 first, an absolute error eps where eps * |f| is 0.09 eps): 4x slack.
      #expect(errors[0] <= 4 * bestError, "\(function) at \(x), h* = \(best)")
      #expect(errors[1] >= 10 * bestError, "\(function) at \(x), h* = \(best)")
    }
  }

  @Test func forwardBestStepOnExpIsTwiceTheSquareRootOfEpsilon() throws {
    // C = e/2, R = 2 eps e: h* = sqrt(R / C) = 2 sqrt(eps), and C h* + R / h* = e h*.
    let e = Double.exp(1)
    let prediction = Taylor.predict(
      scheme: .forward, derivatives: [Double](repeating: e, count: 10),
      identicallyZero: Self.notZero, epsilon: Double.ulpOfOne)
    let best = try #require(prediction.bestStep)
    #expect(Swift.abs(best / (2 * Double.ulpOfOne.squareRoot()) - 1) <= 1e-12)
    #expect(Swift.abs(try #require(prediction.bestError) / (e * best) - 1) <= 1e-12)
  }

  @Test func vanishingIsRelativeToTheNeighbours() {
    // f'' of relative size 1e-13 counts as zero, 1e-10 does not.
    for (second, order) in [(1e-13, 2), (1e-10, 1)] {
      let derivatives = [1.0, 1.0, second] + [Double](repeating: 1, count: 7)
      let prediction = Taylor.predict(
        scheme: .forward, derivatives: derivatives, identicallyZero: Self.notZero,
        epsilon: Double.ulpOfOne)
      #expect(prediction.order == order)
    }
  }

  /// Far from 1 the derivatives' sizes differ by orders of magnitude per order (units of
  /// x^-k): log(x) at 1e4 has f^(5) = 2.4e-19 against f' = 1e-4, no zero for central4.
  @Test(arguments: [1e-3, 1.0, 1e4, 1e8])
  func vanishingDoesNotDependOnTheUnitOfX(x: Double) throws {
    let f = try Expression(parsing: "log(x)")
    let derivatives = f.derivatives(withRespectTo: "x", at: ["x": Float80(x)], upTo: 12)
      .map(Double.init)
    let prediction = Taylor.predict(
      stencil: try Scheme.central4.stencil(derivative: 1), derivatives: derivatives,
      identicallyZeroFrom: nil, epsilon: Double.ulpOfOne)
    #expect(prediction.order == 4 && !prediction.isExact, "\(prediction.reason)")
  }

  @Test func roundoffFloorFormulas() {
    let eps = Double.ulpOfOne
    // Central: eps * (|w| (|f| + h |f'|) * 2 / h + |f'|) with |w| = 1/2.
    let central = Taylor.roundoffFloor(
      scheme: .central, value: 4, derivative: 2, epsilon: eps, step: 1e-3)
    #expect(Swift.abs(central - eps * ((4 + 2e-3) / 1e-3 + 2)) <= 1e-12 * central)
    // Forward with f(x) = 0: only the f' terms remain, no 1/h growth.
    let forward = Taylor.roundoffFloor(
      scheme: .forward, value: 0, derivative: 3, epsilon: eps, step: 1e-9)
    #expect(Swift.abs(forward - eps * 6) <= 1e-12 * forward)
    let complex = Taylor.roundoffFloor(
      scheme: .complexStep, value: 100, derivative: -3, epsilon: eps, step: 1e-9)
    #expect(complex == 3 * eps)
  }
}

/// Predictions stay honest for stencils far from the named ones: extreme offsets, many points.
@Suite struct ExtremeStencilPredictionTests {
  static func predict(_ offsets: [Double], f: String = "sin(x)", at x: Double = 1) throws
    -> TaylorPrediction
  {
    let stencil = try Stencil(name: "s", offsets: offsets, derivative: 1)
    let e = try Expression(parsing: f)
    let d = e.derivatives(withRespectTo: "x", at: ["x": Float80(x)], upTo: offsets.count + 2)
    return Taylor.predict(
      stencil: stencil, derivatives: d.map(Double.init), identicallyZeroFrom: nil,
      epsilon: Double.ulpOfOne)
  }

  @Test(arguments: [1e-300, 1e300, 1e-12, 1e12])
  func scaledCentralStaysSecondOrder(_ s: Double) throws {
    let p = try Self.predict([-s, s])
    #expect(p.order == 2 && !p.isExact)
  }

  @Test func aFortyOnePointStencilIsNotExact() throws {
    let p = try Self.predict((-20...20).map(Double.init))
    #expect(!p.isExact && p.order == 40)
    // On a polynomial of lower degree every term is identically zero: exact.
    let stencil = try Stencil(name: "s", offsets: (-20...20).map(Double.init), derivative: 1)
    let cubic = Taylor.predict(
      stencil: stencil, derivatives: [1, 2, 6, 6] + [Double](repeating: 0, count: 40),
      identicallyZeroFrom: 4, epsilon: Double.ulpOfOne)
    #expect(cubic.isExact)
  }

  @Test func anExactPredictionNeedsErrorsAtRoundOff() {
    let steps = [1e-4, 1e-3, 1e-2, 1e-1]
    let exact = OrderFitting.fit(
      steps: steps, errors: [1e-17, 1e-17, 1e-17, 1e-17], roundoffFloor: { _ in 1e-16 },
      truncationIsExact: true)
    guard case .exact = exact else {
      Issue.record("round-off errors under an exact prediction are exact: \(exact)")
      return
    }
    let wrong = OrderFitting.fit(
      steps: steps, errors: [0.5, 0.5, 0.5, 0.5], roundoffFloor: { _ in 1e-16 },
      truncationIsExact: true)
    if case .exact = wrong { Issue.record("errors of 0.5 are not exact") }
  }
}
