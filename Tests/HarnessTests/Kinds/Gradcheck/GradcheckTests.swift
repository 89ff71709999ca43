import Foundation
import Learning
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

  /// Backprop with one entry of W2 planted 1% off: that tensor fails at the planted entry,
  /// the others pass.
  @Test func aPlantedWrongGradientFailsItsTensor() throws {
    let file = try csvData(rows: 40)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let yaml = """
      kind: gradcheck
      network: {layers: [784, 6, 10], activation: relu, init: he, seed: 9}
      data: {source: {csv: \(file)}, batch: 20}
      h: 1e-4
      method: fast
      expect: {max_relative_error: 1e-6}
      """
    // The run as it is: every tensor passes, against the run's own relative floor.
    let (o, report) = try run(Gradcheck.self, yaml)
    #expect(report.verdict.passed && report.verdict.checks == 4)
    // The same comparison with backprop's W2 planted 1% off at its largest entry.
    let spec = try #require(try Experiment.parse(yaml, path: "g.yaml").spec(of: Gradcheck.self))
    let context = RunContext(options: RunOptions(), cancellation: Cancellation())
    let batch = try DataLoading.batch(spec.data, network: spec.network, context: context)
    let net = Network<Double>(spec.network.configuration)
    let inputs: Matrix<Double> = batch.inputs(as: Double.self)
    var (_, analytic) = net.gradient(inputs: inputs, labels: batch.labels)
    let chosen = Array(0..<net.parameterCount)
    let (numerical, _) = Gradcheck.numericalGradient(
      net, inputs: inputs, labels: batch.labels, chosen: chosen, spec: spec, context: context)
    let w2 = analytic[2]
    let planted = try #require(w2.indices.max { abs(w2[$0]) < abs(w2[$1]) })
    analytic[2][planted] *= 1.01
    let (tensors, _) = Gradcheck.compare(
      net, inputs: inputs, analytic: analytic, numerical: numerical, chosen: chosen, spec: spec,
      floor: o.relativeFloor)
    let statuses = tensors.map { Gradcheck.tensorCheck($0, bound: 1e-6)?.status }
    #expect(statuses == [.passed, .passed, .failed, .passed])
    #expect(tensors[2].worst.first?.index == planted)
    #expect(abs((tensors[2].maxRelativeError.value ?? 0) - 0.01 / 1.01) < 1e-4)
  }

  /// A bound below what finite differences can reach fails the run: the verdict is not a
  /// formality.
  @Test func aBoundBelowRoundOffFails() throws {
    let file = try csvData(rows: 20)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (o, report) = try run(
      Gradcheck.self,
      """
      kind: gradcheck
      network: {layers: [784, 4, 10], seed: 2}
      data: {source: {csv: \(file)}, batch: 10}
      method: fast
      expect: {max_relative_error: 1e-15}
      """)
    let checked = o.tensors.filter { $0.smoothCount > 0 }
    #expect(!checked.isEmpty)
    #expect(checked.contains { ($0.maxRelativeError.value ?? 0) > 1e-15 })
    #expect(!report.verdict.passed)
  }

  /// The directional sweep fits each scheme's order, forward 1 and central 2; expectations
  /// are held on the output layer's direction only (the all-parameters one crosses relu kinks
  /// in general), so expecting 2 of forward fails that sweep alone.
  @Test func theSweepJudgesEachSchemesOrderOnTheOutputLayer() throws {
    let file = try csvData(rows: 20)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (o, report) = try run(
      Gradcheck.self,
      """
      kind: gradcheck
      network: {layers: [784, 4, 10], activation: sigmoid, seed: 4}
      data: {source: {csv: \(file)}, batch: 10}
      method: fast
      sweep: {min: 1e-9, max: 1e-1, per_decade: 3}
      sweep_schemes: [forward, central]
      expect: {forward: 2, central: 2}
      """)
    #expect(
      o.results.map(\.direction) == [.outputLayer, .outputLayer, .allParameters, .allParameters])
    for r in o.results {
      let order = Double(r.outcome.scheme == .forward ? 1 : 2)
      #expect(abs((r.outcome.fittedOrder ?? 0) - order) < 0.2, "\(r.direction) \(r.outcome.scheme)")
      #expect(r.outcome.expectedOrder == (r.direction == .outputLayer ? 2 : nil))
    }
    let failed = o.results.filter { !$0.outcome.passed }
    #expect(failed.map(\.direction) == [.outputLayer] && failed.map(\.outcome.scheme) == [.forward])
    #expect(report.verdict.failed == 1)
  }
  /// The kink line says in words what happens right of it; the definition under the histograms
  /// is written once for the figure (every panel carries it), so every row keeps the same room
  /// for notes and its axes the same height and ticks.
  @Test func theKinkLineSaysWhatItMeansAndTheRowsKeepOneHeight() throws {
    let file = try csvData(rows: 20)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (o, report) = try run(
      Gradcheck.self,
      """
      kind: gradcheck
      network: {layers: [784, 3, 10], activation: relu, seed: 4}
      data: {source: {csv: \(file)}, batch: 10}
      method: fast
      parameters: all
      sweep: {min: 1e-9, max: 1e-1, per_decade: 3}
      sweep_schemes: [forward, central]
      """)
    let histograms = try #require(report.figures.first { $0.name == "relative-errors" }?.figure)
    #expect(histograms.panels.count > 2)
    let counts = Set(histograms.panels.map(\.notes.count))
    #expect(counts.count == 1, "\(histograms.panels.map(\.notes))")
    let definition = { (notes: [String]) in notes.contains { $0.hasPrefix("relative error = ") } }
    #expect(histograms.panels.allSatisfy { definition($0.notes) })
    let step = try #require(o.results.first { $0.direction == .allParameters }?.kinkStep)
    let sweep = try #require(report.figures.first { $0.name == "sweep" }?.figure)
    let kink = try #require(sweep.panels.last?.verticalMarkers.first { !$0.label.isEmpty })
    #expect(kink.x == step)
    #expect(kink.label.hasSuffix("the ±h step crosses a relu kink and the error jumps"))
    #expect(kink.label.hasPrefix("h > ") && !kink.label.contains("0.000"), "\(kink.label)")
  }
}
