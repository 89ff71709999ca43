import Calculus
import Foundation

extension Graph {
  static func report(_ o: GraphOutcome, spec: GraphSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let isNetwork = o.subject == "network"
    var nodes = CSVTable(columns: ["id", "label", "expression", "input", "value", "adjoint"])
    for n in o.nodes {
      nodes.append([
        .int(n.id), .string(n.label), .string(n.detail), .bool(n.isInput), .number(n.value.value),
        .number(n.adjoint.value),
      ])
    }
    var edges = CSVTable(columns: ["from", "to", "local_derivative", "rule", "contribution"])
    for e in o.edges {
      edges.append([
        .int(e.from), .int(e.to), .number(e.localDerivative?.value), .string(e.rule ?? ""),
        .number(e.contribution.value),
      ])
    }
    report.csv("nodes.csv", nodes)
    report.csv("edges.csv", edges)
    report.table(
      "nodes" + (isNetwork ? " (norms of values and gradients)" : ""),
      header: ["id", "node", isNetwork ? "shape" : "expression", "value", "adjoint"],
      rows: o.nodes.map {
        [
          String($0.id), $0.label, $0.detail, number($0.value.value),
          number($0.adjoint.value),
        ]
      })
    report.checks = isNetwork ? backpropChecks(o, spec: spec) : adjointChecks(o, spec: spec)
    report.table(
      "gradient",
      header: isNetwork
        ? ["tensor", "|graph gradient|", "relative difference from backprop"]
        : ["variable", "adjoint", "symbolic", "central", "relative error (symbolic, central)"],
      rows: o.comparisons.map { c in
        isNetwork
          ? [c.name, number(c.adjoint.value), number(c.backpropError?.value)]
          : [
            c.name, number(c.adjoint.value), number(c.symbolic?.value), number(c.central?.value),
            "\(number(c.symbolicError?.value)), \(number(c.centralError?.value))",
          ]
      })
    report.notes = notes(o)
    report.diagram(
      "graph",
      isNetwork
        ? "the network's layer graph: value and gradient norms on the nodes, backward rules on "
          + "the edges"
        : "the computational graph of \(o.title): forward values and adjoints on the nodes, "
          + "local derivatives on the edges",
      o.diagram)
    return report
  }

  static func adjointChecks(_ o: GraphOutcome, spec: GraphSpec) -> [Check] {
    o.comparisons.flatMap { c -> [Check] in
      let symbolic = c.symbolicError?.value ?? .nan
      let central = c.centralError?.value ?? .nan
      return [
        Check(
          "∂f/∂\(c.name) by backprop against the symbolic partial",
          passed: symbolic <= spec.symbolicTolerance,
          "adjoint \(number(c.adjoint.value)), symbolic \(number(c.symbolic?.value)): relative "
            + "error \(String(format: "%.2g", symbolic)), bound \(short(spec.symbolicTolerance))"),
        Check(
          "∂f/∂\(c.name) by backprop against a central difference",
          passed: central <= spec.centralTolerance,
          "central \(number(c.central?.value)) at h = \(number(c.step?.value)): relative "
            + "difference \(String(format: "%.2g", central)), bound "
            + short(spec.centralTolerance)),
      ]
    }
  }

  static func backpropChecks(_ o: GraphOutcome, spec: GraphSpec) -> [Check] {
    o.comparisons.map { c in
      let error = c.backpropError?.value ?? .nan
      return Check(
        "\(c.name): the graph's gradient against backprop", passed: error <= spec.backpropTolerance,
        "normwise relative difference \(String(format: "%.2g", error)), bound "
          + short(spec.backpropTolerance))
    }
  }

  static func notes(_ o: GraphOutcome) -> [String] {
    var notes: [String] = []
    if o.subject == "network" {
      notes.append(
        "loss \(number(o.output.value)); the graph's forward and reverse sweeps took "
          + String(format: "%.3g s", o.seconds)
          + (o.backpropSeconds.map { String(format: ", backprop on the same batch %.3g s", $0) }
            ?? ""))
    } else {
      let operations = o.nodes.filter { !$0.isInput }.count
      notes.append(
        "f = \(number(o.output.value)) at \(o.point?.text ?? ""): \(o.nodes.count) nodes "
          + "(\(operations) operations, each computed once however often it is used), "
          + "\(o.edges.count) edges; each adjoint is the sum over the edges leaving the node of "
          + "(adjoint of the head) × (local derivative)")
    }
    return notes
  }

  /// Four significant digits, or "" for nothing.
  static func number(_ x: Double?) -> String {
    guard let x else { return "" }
    return String(format: "%.4g", x)
  }
}
