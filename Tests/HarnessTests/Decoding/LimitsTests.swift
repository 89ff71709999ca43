import Foundation
import Testing

@testable import Harness

/// Every limit on what a file may ask for is an error at the key that asked, with the limit
/// and what was asked, found while the file is decoded.
@Suite struct LimitsTests {
  func error(_ yaml: String) -> String? {
    do {
      _ = try Experiment.parse(yaml, path: "x.yaml")
      return nil
    } catch {
      return "\(error)"
    }
  }

  static let training = "kind: training\ndata: {source: mnist-sample}\n"
  static let gradcheck = "kind: gradcheck\ndata: {source: mnist-sample, batch: 100}\n"
  static let descent = "kind: descent\nf: \"x^2\"\nstart: {x: 1}\nlearning_rates: [0.1]\n"

  static let manyPoints = "[" + (0..<10_001).map { _ in "1" }.joined(separator: ",") + "]"
  static let manyRates = "[" + (0..<101).map { _ in "0.1" }.joined(separator: ",") + "]"

  static let cases: [(yaml: String, message: String)] = [
    (
      "kind: convergence\ncases:\n  - {f: \"x^2\", at: \(manyPoints)}\n",
      "x.yaml:3:3: too many points: 10001 asked for; the limit is 10000"
    ),
    (
      "kind: partials\nf: \"x*y\"\nat: ["
        + (0..<10_001).map { _ in "{x: 1, y: 2}" }
        .joined(separator: ",") + "]\n",
      "x.yaml:3:5: too many points: 10001 asked for; the limit is 10000"
    ),
    (
      "kind: descent\nf: \"x^2\"\nstart: {x: 1}\nlearning_rates: \(manyRates)\n",
      "x.yaml:4:17: too many learning rates: 101 asked for; the limit is 100"
    ),
    (
      training + "optimizer: {learning_rates: \(manyRates)}\n",
      "x.yaml:3:29: too many learning rates: 101 asked for; the limit is 100"
    ),
    (
      "kind: convergence\ncases:\n  - {f: \"x^2\", at: 1}\nh: {min: 1e-300, max: 1e300, per_decade: 100}\n",
      "x.yaml:4:42: step grid too large: 60001 step sizes asked for (1e-300 to 1e+300 at 100 "
        + "per decade); the limit is 10000"
    ),
    (
      "kind: convergence\ncases:\n  - {f: \"x^2\", at: 1}\nh: {max: .inf}\n",
      "x.yaml:4:10: expected a finite number, got inf"
    ),
    (
      gradcheck + "sweep: {min: 1e-200, max: 1e-1, per_decade: 100}\n",
      "x.yaml:3:45: step grid too large: 19901 step sizes asked for (1e-200 to 0.1 at 100 per "
        + "decade); the limit is 10000"
    ),
    (
      descent + "steps: 1000001\n",
      "x.yaml:5:8: too many steps: 1000001 asked for; the limit is 1000000"
    ),
    (
      gradcheck + "network: {layers: [784, 100000000, 10]}\n",
      "x.yaml:3:19: network too large: layers [784, 100000000, 10] with batch 100 need about "
        + "10024.8 GiB; the limit is 8 GiB"
    ),
    (
      "kind: gradcheck\ndata: {source: mnist-sample, batch: 2000000}\n",
      "x.yaml:2:37: batch out of range: a batch of 2000000 asked for; the limit is 1...1048576"
    ),
    (
      training + "optimizer: {epochs: 20000}\n",
      "x.yaml:3:21: too many epochs: 20000 epochs asked for; the limit is 1...10000"
    ),
    (
      training + "optimizer: {max_steps: 20000000}\n",
      "x.yaml:3:24: too many steps: 20000000 steps asked for; the limit is 10000000"
    ),
    (
      "kind: training\ndata: {source: fashion-mnist}\noptimizer: {batch: 1, epochs: 200}\n",
      "x.yaml:3:31: too many steps: 12000000 steps asked for; the limit is 10000000"
    ),
    (
      training + "optimizer: {batch: 2000000}\n",
      "x.yaml:3:20: batch out of range: a batch of 2000000 asked for; the limit is 1...1048576"
    ),
    (
      training + "network: {layers: [784, 1000000, 10]}\noptimizer: {batch: 100}\n",
      "x.yaml:3:19: network too large: layers [784, 1000000, 10] with batch 100 need about "
        + "33.5 GiB; the limit is 8 GiB"
    ),
  ]

  @Test(arguments: cases)
  func eachLimitIsLocated(_ yaml: String, _ expected: String) {
    #expect(error(yaml) == expected)
  }

  @Test func theLimitsAsDocumented() {
    #expect(HarnessLimits.gridPoints == 10_000 && HarnessLimits.descentSteps == 1_000_000)
    #expect(HarnessLimits.points == 10_000 && HarnessLimits.learningRates == 100)
    #expect(HarnessLimits.resources == .standard)
    #expect(HarnessLimits.gridPointCount(min: 1e-12, max: 1e-1, perDecade: 4) == 45)
    #expect(HarnessLimits.gridPointCount(min: 5e-324, max: 1.7e308, perDecade: 100) == 63_154)
  }

  @Test func aLongExpressionIsQuotedAroundItsError() throws {
    let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
    let message = try #require(error("kind: convergence\ncases:\n  - {f: \"\(deep)\", at: 1}\n"))
    #expect(message.utf8.count < 200, "\(message.prefix(300))")
    #expect(message.contains("in expression \"…" + String(repeating: "(", count: 60) + "…\""))
    #expect(message.contains("nested 100000 deep, the limit is 100"))
  }

  @Test(arguments: [
    ("x^2 + 1", 1, 3, "x^2 + 1"),
    (String(repeating: "a+", count: 50) + "*b", 1, 101, "…" + String(repeating: "a+", count: 29)),
    ("x +\n y", 2, 2, "… y"),
  ])
  func excerpts(_ text: String, _ line: Int, _ column: Int, _ expected: String) {
    let excerpt = ExpressionSource.excerpt(text, line: line, column: column)
    #expect(excerpt.hasPrefix(expected), "\(excerpt)")
    #expect(excerpt.count <= 62)
  }
}
