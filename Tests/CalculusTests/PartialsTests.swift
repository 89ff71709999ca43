import RealModule
import Testing

@testable import Calculus

/// Functions of 2 to 6 variables with closed-form gradients and Hessians.
enum Multivariate: String, CaseIterable, Sendable {
  /// x0^2 + x1^2 (the seeds' function_rx).
  case sumOfSquares
  /// sin(x0) x1 + exp(x2).
  case sinTimesPlusExp
  /// log(1 + x0^2 + x1^2) + x2 x3.
  case logRadialPlusProduct
  /// exp(-|x|^2 / 2) in 5 variables.
  case gaussian
  /// Rosenbrock's sum of 100 (x_(i+1) - x_i^2)^2 + (1 - x_i)^2 in 6 variables.
  case rosenbrock

  var points: [[Double]] {
    switch self {
    case .sumOfSquares: return [[1, 3], [-3, 4]]
    case .sinTimesPlusExp: return [[0.7, -1.3, 0.4], [2, 0.5, -1]]
    case .logRadialPlusProduct: return [[0.5, -1, 2, 3], [1.5, 0.2, -0.4, 0.9]]
    case .gaussian: return [[0.3, -0.2, 0.5, 0.1, -0.4], [1, 0.5, -0.5, 0.25, 0]]
    case .rosenbrock: return [[-1.2, 1, 0.8, 1.1, 0.9, 1.3], [0.5, 0.4, 0.3, 0.2, 0.1, 0]]
    }
  }

  func value<T: Real>(_ x: [T]) -> T {
    switch self {
    case .sumOfSquares: return x[0] * x[0] + x[1] * x[1]
    case .sinTimesPlusExp: return T.sin(x[0]) * x[1] + T.exp(x[2])
    case .logRadialPlusProduct: return T.log(1 + x[0] * x[0] + x[1] * x[1]) + x[2] * x[3]
    case .gaussian: return T.exp(-x.reduce(0) { $0 + $1 * $1 } / 2)
    case .rosenbrock:
      return (0..<5).reduce(0) { sum, i in
        let a = x[i + 1] - x[i] * x[i]
        return sum + 100 * a * a + (1 - x[i]) * (1 - x[i])
      }
    }
  }

  func gradient(_ x: [Double]) -> [Double] {
    switch self {
    case .sumOfSquares: return [2 * x[0], 2 * x[1]]
    case .sinTimesPlusExp: return [.cos(x[0]) * x[1], .sin(x[0]), .exp(x[2])]
    case .logRadialPlusProduct:
      let s = 1 + x[0] * x[0] + x[1] * x[1]
      return [2 * x[0] / s, 2 * x[1] / s, x[3], x[2]]
    case .gaussian:
      let g = value(x)
      return x.map { -$0 * g }
    case .rosenbrock:
      return (0..<6).map { i in
        var d = 0.0
        if i < 5 { d += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]) }
        if i > 0 { d += 200 * (x[i] - x[i - 1] * x[i - 1]) }
        return d
      }
    }
  }

  func hessian(_ x: [Double]) -> [[Double]] {
    let n = x.count
    var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    switch self {
    case .sumOfSquares:
      h[0][0] = 2
      h[1][1] = 2
    case .sinTimesPlusExp:
      h[0][0] = -.sin(x[0]) * x[1]
      h[0][1] = .cos(x[0])
      h[1][0] = .cos(x[0])
      h[2][2] = .exp(x[2])
    case .logRadialPlusProduct:
      let s = 1 + x[0] * x[0] + x[1] * x[1]
      h[0][0] = 2 / s - 4 * x[0] * x[0] / (s * s)
      h[1][1] = 2 / s - 4 * x[1] * x[1] / (s * s)
      h[0][1] = -4 * x[0] * x[1] / (s * s)
      h[1][0] = h[0][1]
      h[2][3] = 1
      h[3][2] = 1
    case .gaussian:
      let g = value(x)
      for i in 0..<n {
        for j in 0..<n { h[i][j] = (x[i] * x[j] - (i == j ? 1 : 0)) * g }
      }
    case .rosenbrock:
      for i in 0..<n {
        if i < 5 {
          h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2
          h[i][i + 1] = -400 * x[i]
          h[i + 1][i] = -400 * x[i]
        }
        if i > 0 { h[i][i] += 200 }
      }
    }
    return h
  }
}

func normwiseRelativeError(_ estimate: [Double], _ exact: [Double]) -> Double {
  let difference = zip(estimate, exact).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
  return (difference / exact.reduce(0) { $0 + $1 * $1 }).squareRoot()
}

@Suite struct PartialsTests {
  @Test func seedsNdiff2OnSumOfSquares() {
    let gradient = FiniteDifference.gradient(
      of: Multivariate.sumOfSquares.value, at: [1.0, 3.0], step: 1e-5, scheme: .central)
    #expect(Swift.abs(gradient[0] - 2) <= 1e-8)
    #expect(Swift.abs(gradient[1] - 6) <= 1e-8)
  }

  @Test(arguments: Multivariate.allCases)
  func centralGradientAtCubeRootOfEpsilon(function: Multivariate) {
    let h = Double.pow(Double.ulpOfOne, 1.0 / 3)
    for x in function.points {
      let estimate = FiniteDifference.gradient(of: function.value, at: x, step: h, scheme: .central)
      let error = normwiseRelativeError(estimate, function.gradient(x))
      #expect(error < 1e-8, "\(function) at \(x): \(error)")
    }
  }

  @Test(arguments: Multivariate.allCases, [Scheme.forward, .backward, .central4, .richardson])
  func otherSchemesAtTheirBestSteps(function: Multivariate, scheme: Scheme) {
    let (h, bound) = scheme.order == 1 ? (1e-8, 1e-6) : (1e-3, 1e-10)
    for x in function.points {
      let estimate = FiniteDifference.gradient(of: function.value, at: x, step: h, scheme: scheme)
      let error = normwiseRelativeError(estimate, function.gradient(x))
      #expect(error < bound, "\(function) at \(x): \(error)")
    }
  }

  @Test func partialMovesOnlyItsVariable() {
    // A function that records every point it is called at.
    var calls: [[Double]] = []
    let x = [0.1, -0.0, 7.25]
    _ = FiniteDifference.partial(
      of: {
        calls.append($0)
        return $0.reduce(0, +)
      }, at: x, variable: 1, step: 1e-3,
      scheme: .central4)
    #expect(calls.count == 4)
    for point in calls {
      #expect(point[0].bitPattern == x[0].bitPattern && point[2].bitPattern == x[2].bitPattern)
      #expect(point[1] != 0)
    }
  }

  @Test func jacobianOfAMapFromThreeToTwoVariables() {
    let components: [([Double]) -> Double] = [
      { $0[0] * $0[1] * $0[2] },
      { .sin($0[0]) + $0[1] * $0[1] },
    ]
    let x = [0.5, -2.0, 1.5]
    let exact = [[x[1] * x[2], x[0] * x[2], x[0] * x[1]], [.cos(x[0]), 2 * x[1], 0]]
    let jacobian = FiniteDifference.jacobian(of: components, at: x, step: 1e-5, scheme: .central)
    #expect(jacobian.count == 2 && jacobian.allSatisfy { $0.count == 3 })
    for (row, exactRow) in zip(jacobian, exact) {
      #expect(normwiseRelativeError(row, exactRow) < 1e-9)
    }
  }

  @Test(arguments: Multivariate.allCases)
  func hessianMatchesTheClosedFormAndIsSymmetric(function: Multivariate) {
    for x in function.points {
      let hessian = FiniteDifference.hessian(of: function.value, at: x, step: 1e-4)
      let exact = function.hessian(x)
      let error = normwiseRelativeError(hessian.flatMap { $0 }, exact.flatMap { $0 })
      #expect(error < 1e-6, "\(function) at \(x): \(error)")
      for i in x.indices {
        for j in x.indices { #expect(hessian[i][j] == hessian[j][i]) }
        #expect(
          hessian[i][i]
            == FiniteDifference.secondPartial(
              of: function.value, at: x, variables: i, i, step: 1e-4))
      }
    }
  }

  /// The second differences converge as h^2: fitted per entry, diagonal and mixed.
  @Test(arguments: [Multivariate.sinTimesPlusExp, .logRadialPlusProduct, .gaussian])
  func hessianEntriesConvergeAtSecondOrder(function: Multivariate) throws {
    let steps = StepGrid(min: 1e-5, max: 1e-1, perDecade: 6).steps
    let x = function.points[0]
    let exact = function.hessian(x)
    let scale = Swift.abs(function.value(x))
    for (i, j) in [(0, 0), (0, 1)] {
      let errors = steps.map { h in
        Swift.abs(
          FiniteDifference.secondPartial(of: function.value, at: x, variables: i, j, step: h)
            - exact[i][j])
      }
      // Round-off: eps |f| (1 + 2 + 1) / h^2 on the diagonal, eps |f| (4 / 4) / h^2 off it.
      let outcome = OrderFitting.fit(steps: steps, errors: errors) { h in
        Double.ulpOfOne * scale * (i == j ? 4 : 1) / (h * h)
      }
      let fit = try #require(outcome.fit, "\(function) (\(i), \(j)): \(outcome)")
      #expect(Swift.abs(fit.order - 2) <= 0.15, "\(function) (\(i), \(j)): \(fit)")
    }
  }

  /// Each partial of a several-variable function has the scheme's order, as in one variable.
  @Test(arguments: [Scheme.forward, .central, .central4])
  func partialsConvergeAtTheSchemeOrder(scheme: Scheme) throws {
    let function = Multivariate.sinTimesPlusExp
    let x = function.points[0]
    let steps = StepGrid(min: 1e-8, max: 1e-1, perDecade: 4).steps
    let exact = function.gradient(x)
    for i in x.indices {
      let errors = steps.map {
        Swift.abs(
          FiniteDifference.partial(of: function.value, at: x, variable: i, step: $0, scheme: scheme)
            - exact[i])
      }
      let outcome = OrderFitting.fit(steps: steps, errors: errors) { h in
        Taylor.roundoffFloor(
          scheme: scheme, value: function.value(x), derivative: exact[i],
          epsilon: Double.ulpOfOne, step: h)
      }
      guard i != 1 else {
        // f is linear in x1: no truncation error, nothing above the round-off floor.
        #expect(outcome.status == "no-fit", "\(outcome)")
        continue
      }
      let fit = try #require(outcome.fit, "x\(i): \(outcome)")
      #expect(Swift.abs(fit.order - Double(scheme.order)) <= 0.1, "x\(i): \(fit)")
    }
  }
}
