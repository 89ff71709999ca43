import Foundation
import Testing

@testable import Harness

@Suite struct PartialsTests {
  @Test func seedsNdiff2GivesTwoAndSix() throws {
    let (o, report) = try run(
      Partials.self,
      """
      kind: partials
      f: "x0^2 + x1^2"
      at: {x0: 1, x1: 3}
      schemes: [central, forward]
      gradient_steps: [1e-5]
      expect: {forward: 1, central: auto}
      checks:
        - {variable: x0, scheme: central, h: 1e-5, equals: 2, tolerance: 1e-9}
        - {variable: x1, scheme: central, h: 1e-5, equals: 6, tolerance: 1e-9}
      """)
    #expect(report.verdict.passed, "\(report.checks)")
    let central = try #require(o.gradients.first?.estimates["central"])
    #expect(abs((central[0].value ?? 0) - 2) < 1e-9 && abs((central[1].value ?? 0) - 6) < 1e-9)
    #expect(o.checks.map(\.passed) == [true, true])
  }

  @Test func partialsFitTheirOrdersOnASmoothFunction() throws {
    let (o, report) = try run(
      Partials.self,
      """
      kind: partials
      f: "exp(x*y)*sin(z) + log(1 + x^2 + z^2)"
      at: {x: 0.5, y: -0.7, z: 1.2}
      schemes: [forward, central]
      expect: {forward: 1, central: 2, hessian: 2}
      hessian: true
      """)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    #expect(o.results.count == 6)
    #expect(o.hessian.count == 6)
    #expect(o.hessian.allSatisfy { abs(($0.fit.fit?.order ?? 0) - 2) < 0.15 })
  }

  @Test func theGradientAtTheNotesStepsByDefault() throws {
    let (o, report) = try run(Partials.self, Files.partials)
    #expect(o.gradients.map(\.h) == [0.1, 1e-4, 1e-5])
    // f = x^2 + 2y^2 + xy at (2, -1): grad = (2x + y, 4y + x) = (3, -2); central is exact.
    #expect(o.gradients[0].exact.map(\.value) == [3, -2])
    let central = try #require(o.gradients[0].estimates["central"])
    #expect(abs((central[0].value ?? 0) - 3) < 1e-12)
    #expect(report.tables.contains { $0.title?.contains("notes' steps") == true })
  }

  @Test func csvPointsAreOneColumnPerVariable() throws {
    let (_, report) = try run(Partials.self, Files.partials)
    let errors = try #require(report.data.first { $0.name == "errors.csv" }).table
    #expect(Array(errors.columns.prefix(4)) == ["point", "at_x", "at_y", "variable"])
    #expect(errors.rows[0][0].text == "1")
    #expect(errors.rows[0][1].text == "2.0" && errors.rows[0][2].text == "-1.0")
    let gradients = try #require(report.data.first { $0.name == "gradients.csv" }).table
    #expect(Array(gradients.columns.prefix(3)) == ["point", "at_x", "at_y"])
  }

  /// f = x^2 + 2y^2 + xy: the Hessian [[2, 1], [1, 4]] in the order f_xx, f_xy, f_yy, exact
  /// for a quadratic (no truncation error, so no order to fit), every entry passing.
  @Test func theHessianOfAQuadraticIsExactInOrder() throws {
    let (o, report) = try run(
      Partials.self,
      """
      kind: partials
      f: "x^2 + 2*y^2 + x*y"
      at: {x: 2, y: -1}
      schemes: [central]
      hessian: true
      """)
    #expect(o.hessian.map(\.entry) == ["f_xx", "f_xy", "f_yy"])
    #expect(o.hessian.map { [$0.i, $0.j] } == [[0, 0], [0, 1], [1, 1]])
    #expect(o.hessian.map(\.exact) == [2, 1, 4])
    for entry in o.hessian {
      #expect(entry.prediction.isExact, "\(entry.entry)")
      let best = try #require(entry.samples.map(\.error).filter(\.isFinite).min())
      #expect(best < 1e-8, "\(entry.entry): best error \(best)")
    }
    #expect(report.verdict.passed)
  }

  /// The central second difference is of order 2, so expecting 4 fails every entry's check.
  @Test func aWrongHessianOrderFails() throws {
    let (o, report) = try run(
      Partials.self,
      """
      kind: partials
      f: "exp(x*y)"
      at: {x: 0.5, y: -0.7}
      schemes: [central]
      expect: {central: 2, hessian: 4}
      hessian: true
      """)
    #expect(o.hessian.count == 3)
    #expect(o.hessian.allSatisfy { abs(($0.fit.fit?.order ?? 0) - 2) < 0.2 })
    #expect(o.hessian.allSatisfy { !$0.passed })
    #expect(o.results.allSatisfy { $0.outcome.passed })
    #expect(!report.verdict.passed)
    #expect(report.checks.filter { $0.status == .failed }.count == 3)
  }

  /// Forward differences are of order 1: expecting 2 fails the forward sweeps of every
  /// variable and leaves the central ones passing.
  @Test func aMissedSchemeOrderFailsThatSchemeOnly() throws {
    let (o, report) = try run(
      Partials.self,
      """
      kind: partials
      f: "exp(x)*sin(y)"
      at: {x: 0.3, y: 0.8}
      schemes: [forward, central]
      expect: {forward: 2, central: 2}
      """)
    let forward = o.results.filter { $0.outcome.scheme == .forward }
    let central = o.results.filter { $0.outcome.scheme == .central }
    #expect(forward.map(\.variable) == ["x", "y"] && central.map(\.variable) == ["x", "y"])
    #expect(
      forward.allSatisfy { abs(($0.outcome.fittedOrder ?? 0) - 1) < 0.15 && !$0.outcome.passed })
    #expect(central.allSatisfy { $0.outcome.passed })
    #expect(report.verdict.failed == 2 && report.verdict.checks == 4)
  }

  /// A value check holds the estimate to the value the file gives: ∂f/∂x = 2x + y = 3 at
  /// (2, -1), so 3 passes and 3.5 fails.
  @Test func valueChecksCompareTheEstimate() throws {
    let (o, report) = try run(
      Partials.self,
      """
      kind: partials
      f: "x^2 + 2*y^2 + x*y"
      at: {x: 2, y: -1}
      schemes: [central]
      checks:
        - {variable: x, scheme: central, h: 0.1, equals: 3}
        - {variable: x, scheme: central, h: 0.1, equals: 3.5}
      """)
    #expect(o.checks.map(\.passed) == [true, false])
    #expect(abs((o.checks[0].estimate.value ?? 0) - 3) < 1e-12)
    #expect(!report.verdict.passed)
  }

  /// Two points: a sweep per point and variable, and the gradient at each point.
  @Test func everyPointHasItsSweepsAndGradient() throws {
    let (o, _) = try run(
      Partials.self,
      """
      kind: partials
      f: "x^2 + 2*y^2 + x*y"
      at: [{x: 2, y: -1}, {x: 0, y: 1}]
      schemes: [central]
      gradient_steps: [1e-3]
      """)
    #expect(o.results.map(\.pointNumber) == [1, 1, 2, 2])
    #expect(o.results.map(\.variable) == ["x", "y", "x", "y"])
    // grad = (2x + y, 4y + x): (3, -2) and (1, 4).
    #expect(o.gradients.map { $0.exact.map(\.value) } == [[3, -2], [1, 4]])
    #expect(
      o.gradients.map(\.at) == [
        PointValues(["x", "y"], [2, -1]), PointValues(["x", "y"], [0, 1]),
      ])
  }
}
