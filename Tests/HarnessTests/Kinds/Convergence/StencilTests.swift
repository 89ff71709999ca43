import Calculus
import Foundation
import Testing

@testable import Harness

/// `derivative: q`, `{name, offsets}` stencils, their bad input, and steps past a domain edge.
@Suite struct StencilTests {
  static let higher = """
    kind: convergence
    cases:
      - {f: "exp(x)*sin(x)", at: 0.5, derivative: 2}
      - {f: "exp(x)*sin(x)", at: 0.5, derivative: 3}
    schemes:
      - central
      - central4
      - {name: seven, offsets: [-3, -2, -1, 0, 1, 2, 3]}
    h: {min: 1e-6, max: 0.5, per_decade: 6}
    precision: [double, extended]
    expect: {central: 2, central4: 4, seven: auto}
    """

  /// f'' = 2 e^x cos x, f''' = 2 e^x (cos x - sin x); the seven-point stencil is order 6 for
  /// q = 2 and order 4 for q = 3 (its odd-q moments cancel one term fewer).
  @Test(arguments: [
    (2, "central", 2), (2, "central4", 4), (2, "seven", 6),
    (3, "central", 2), (3, "central4", 4), (3, "seven", 4),
  ])
  func higherDerivativesReachTheirOrders(_ q: Int, _ name: String, _ order: Int) throws {
    let (o, report) = try run(Convergence.self, Self.higher)
    #expect(report.verdict.passed)
    let x = 0.5
    let exact = q == 2 ? 2 * exp(x) * cos(x) : 2 * exp(x) * (cos(x) - sin(x))
    for precision in Precision.allCases where precision.epsilon <= Double.ulpOfOne {
      let s = try #require(
        o.results.first {
          $0.outcome.derivative == q && $0.outcome.name == name
            && $0.outcome.precision == precision
        })
      #expect(abs(s.outcome.exact - exact) <= 1e-14 * abs(exact))
      #expect(s.outcome.prediction.order == order)
      #expect(abs((s.outcome.fittedOrder ?? 0) - Double(order)) < 0.15)
      #expect(s.outcome.stencil?.derivative == q)
    }
  }

  @Test func summaryAndCSVCarryTheDerivativeAndTheStencil() throws {
    let (o, report) = try run(Convergence.self, Self.higher)
    let seven = try #require(
      o.results.first { $0.outcome.name == "seven" && $0.outcome.derivative == 2 })
    let json = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(seven)) as? [String: Any])
    #expect(json["derivative"] as? Int == 2)
    #expect(json["scheme"] as? String == "seven")
    let stencil = try #require(json["stencil"] as? [String: Any])
    #expect(stencil["offsets"] as? [Double] == [-3, -2, -1, 0, 1, 2, 3])
    // Fornberg's seven-point f'' weights: (2, -27, 270, -490, 270, -27, 2) / 180.
    let weights = try #require(stencil["weights"] as? [Double])
    let table = [2.0, -27, 270, -490, 270, -27, 2].map { $0 / 180 }
    #expect(zip(weights, table).allSatisfy { abs($0 - $1) < 1e-15 })
    let model = try #require(json["model"] as? [String: Any])
    #expect((model["predicted_to_best_ratio"] as? Double).map { $0 >= 1 && $0 < 10 } == true)
    let csv = try #require(report.data.first { $0.name == "errors.csv" })
    #expect(csv.table.columns.contains("derivative"))
    let main = try #require(report.tables.first)
    #expect(main.header.contains("q") && main.header.contains("stencil"))
    #expect(main.rows.contains { $0[2] == "3" && $0[3] == "[-3, -2, -1, 0, 1, 2, 3]" })
  }

  /// sqrt at 1e-3: steps above 1e-3 put the backward and central points below 0.
  @Test func stepsPastTheDomainEdgeAreReportedAsSuch() throws {
    let (o, report) = try run(
      Convergence.self,
      """
      kind: convergence
      cases: [{f: "sqrt(x)", at: 1e-3}]
      schemes: [forward, central]
      h: {min: 1e-12, max: 0.1, per_decade: 4}
      expect: {forward: 1, central: 2}
      """)
    #expect(report.verdict.passed)
    let forward = try #require(o.results.first { $0.outcome.scheme == .forward })
    #expect(forward.outcome.domainExit == nil)
    let central = try #require(o.results.first { $0.outcome.scheme == .central })
    let exit = try #require(central.outcome.domainExit)
    let leaving = central.outcome.samples.filter { $0.step > 1e-3 }
    #expect(exit.count == leaving.count && exit.count > 0)
    #expect(exit.firstStep > 1e-3 && exit.firstStep == leaving.map(\.step).min())
    #expect(central.outcome.samples.allSatisfy { !($0.leavesDomain && $0.inFitRange) })
    let notes = report.notes.map(\.english).joined(separator: "\n")
    #expect(notes.contains("central, double: the stencil leaves the domain from h = "))
    #expect(!notes.contains("precision's reach") && !notes.contains("non-finite"))
    #expect(report.tables[0].rows.contains { $0.last?.hasPrefix("from h = ") == true })
  }

  /// Each bad stencil or derivative: a located error at decode time.
  @Test(arguments: [
    ("derivative: 2", "{name: s, offsets: [0, 1]}", 6, "needs at least 3 distinct offsets"),
    ("derivative: 1", "{name: s, offsets: [0, 1, 1]}", 6, "appears more than once"),
    ("derivative: 1", "{name: s, offsets: [0, .inf]}", 6, "a finite number"),
    ("derivative: 0", "forward", 3, "derivative must be between 1 and 13"),
    ("derivative: 14", "forward", 3, "derivative must be between 1 and 13"),
    ("derivative: 2", "complex-step", 3, "complex-step estimates first derivatives only"),
    ("derivative: 1", "{name: central, offsets: [0, 1]}", 6, "clashes with the named scheme"),
    ("derivative: 1", "{name: central4, offsets: [0, 2]}", 6, "clashes with the named scheme"),
  ])
  func badInputIsALocatedError(
    _ derivative: String, _ scheme: String, _ line: Int, _ message: String
  ) throws {
    let text = Self.file(derivative, scheme)
    do {
      _ = try Experiment.parse(text, path: "bad.yaml")
      Issue.record("parsed: \(text)")
    } catch let error as ExperimentError {
      #expect(error.line == line, "\(error)")
      #expect(error.column != nil)
      #expect(error.message.contains(message), "\(error)")
    }
  }

  @Test func twoStencilsWithOneNameAreALocatedError() throws {
    let text = Self.file(
      "derivative: 1", "{name: a, offsets: [0, 1]}\n  - {name: a, offsets: [0, 2]}")
    #expect {
      try Experiment.parse(text, path: "bad.yaml")
    } throws: { ($0 as? ExperimentError)?.line == 7 }
  }

  /// A bad stencil file run alone: exit 2, and nothing is written.
  @Test func badStencilsWriteNothing() async throws {
    let (root, output, catalog) = try workspace([
      "few.yaml": Self.file("derivative: 2", "{name: s, offsets: [0, 1]}"),
      "cs.yaml": Self.file("derivative: 3", "complex-step"),
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let captured = Captured()
    let session = Session(
      options: RunOptions(outputRoot: output, formats: [.png], jobs: 1), catalog: catalog,
      out: { captured.append($0) }, err: { captured.append($0) })
    #expect(await session.run(["few"], all: false) == .invalidInput)
    #expect(await session.run(["cs"], all: false) == .invalidInput)
    #expect(captured.text.contains("few.yaml:6:") && captured.text.contains("cs.yaml:3:"))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("few").path))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("cs").path))
  }

  /// A one-case file: the case's `derivative` on line 3, the scheme entries from line 6.
  static func file(_ derivative: String, _ scheme: String) -> String {
    """
    kind: convergence
    cases:
      - {f: "exp(x)", at: 0.5, \(derivative)}
    schemes:
      - central
      - \(scheme)
    """
  }
}
