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
}
