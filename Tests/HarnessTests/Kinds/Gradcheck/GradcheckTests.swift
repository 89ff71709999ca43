import Foundation
import Testing

@testable import Harness

@Suite struct GradcheckTests {
  @Test func backpropAgreesOnASmallNetworkFromAnotherSource() throws {
    let file = try csvData(rows: 40)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (o, report) = try run(
      Gradcheck.self,
      """
      kind: gradcheck
      network: {layers: [784, 6, 10], activation: relu, init: he, seed: 9}
      data: {source: {csv: \(file)}, batch: 20}
      h: 1e-4
      method: both
      sweep: {min: 1e-9, max: 1e-1, per_decade: 3}
      expect: {max_relative_error: 1e-6, central: 2, forward: 1}
      """)
    #expect(report.verdict.passed, "\(report.checks.filter { $0.status != .passed })")
    #expect(o.tensors.map(\.name) == ["W1", "b1", "W2", "b2"])
    #expect(o.tensors.map(\.count) == [784 * 6, 6, 60, 10])
    #expect(o.tensors.allSatisfy { ($0.maxRelativeError.value ?? 1) <= 1e-6 })
    #expect((o.timing.fastVsTextbookMaxDifference?.value ?? 1) <= 1e-9)
    #expect(o.results.count == 4)
    let output = o.results.filter { $0.direction == .outputLayer }
    #expect(
      output.allSatisfy {
        abs(($0.outcome.fittedOrder ?? 0) - Double($0.outcome.scheme.order)) < 0.15
      })
  }

  @Test func aTensorWithNoEntrySampledIsNotChecked() throws {
    let file = try csvData(rows: 20)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (o, report) = try run(
      Gradcheck.self,
      """
      kind: gradcheck
      network: {layers: [784, 6, 10], seed: 3}
      data: {source: {csv: \(file)}, batch: 10}
      parameters: 3
      expect: {max_relative_error: 1e-6}
      """)
    let empty = o.tensors.filter { $0.smoothCount == 0 }
    #expect(!empty.isEmpty)
    for tensor in empty {
      let check = try #require(report.checks.first { $0.subject.english == tensor.name })
      #expect(check.status == .notChecked)
    }
    #expect(report.verdict.notChecked == empty.count)
    #expect(report.verdict.text.contains("\(empty.count) not checked"))
  }

  /// The case: 25 of 4,860 parameters leave the small tensors unsampled; they are
  /// "not checked", never passed, and the verdict counts what was checked.
  @Test func twentyFiveParametersCheckOnlyTheSampledTensors() throws {
    let file = try csvData(rows: 20)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (o, report) = try run(
      Gradcheck.self,
      """
      kind: gradcheck
      network: {layers: [784, 6, 10], seed: 1}
      data: {source: {csv: \(file)}, batch: 10}
      parameters: 25
      expect: {max_relative_error: 1e-6}
      """)
    let sampled = o.tensors.filter { $0.smoothCount > 0 }
    let unsampled = o.tensors.filter { $0.smoothCount == 0 }
    #expect(!sampled.isEmpty && !unsampled.isEmpty)
    for tensor in o.tensors {
      let check = try #require(report.checks.first { $0.subject.english == tensor.name })
      #expect(check.status == (tensor.smoothCount == 0 ? .notChecked : .passed), "\(tensor.name)")
    }
    let verdict = report.verdict
    #expect(verdict.passed && verdict.notChecked == unsampled.count)
    #expect(
      verdict.text.contains(
        "\(verdict.checks - unsampled.count) of \(verdict.checks) checks passed")
        && verdict.text.contains("\(unsampled.count) not checked"), "\(verdict.text)")
  }
}
