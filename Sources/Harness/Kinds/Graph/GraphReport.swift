import Calculus
import Foundation

extension Graph {
  static func report(_ o: GraphOutcome, spec: GraphSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let isNetwork = o.subject == "network"
    report.csv("nodes.csv", nodeTable(o))
    report.csv("edges.csv", edgeTable(o))
    let language = experiment.language
    report.tables.append(nodeRows(o, language))
    report.checks = isNetwork ? backpropChecks(o, spec: spec) : adjointChecks(o, spec: spec)
    report.tables.append(gradientRows(o, language))
    report.notes = notes(o)
    report.diagram(
      "graph",
      language(isNetwork ? .captionNetworkGraph : .captionExpressionGraph(f: o.title)),
      o.diagrams[language] ?? o.diagrams[.en]!)
    return report
  }

  /// nodes.csv: each node's label, expression, value and adjoint.
  static func nodeTable(_ o: GraphOutcome) -> CSVTable {
    var nodes = CSVTable(columns: ["id", "label", "expression", "input", "value", "adjoint"])
    for n in o.nodes {
      nodes.append([
        .int(n.id), .string(n.label), .string(n.detail), .bool(n.isInput), .number(n.value.value),
        .number(n.adjoint.value),
      ])
    }
    return nodes
  }

  /// edges.csv: each edge's local derivative, rule and contribution.
  static func edgeTable(_ o: GraphOutcome) -> CSVTable {
    var edges = CSVTable(columns: ["from", "to", "local_derivative", "rule", "contribution"])
    for e in o.edges {
      edges.append([
        .int(e.from), .int(e.to), .number(e.localDerivative?.value), .string(e.rule ?? ""),
        .number(e.contribution.value),
      ])
    }
    return edges
  }

  /// The table of nodes: id, name, expression (or shape), value and adjoint.
  static func nodeRows(_ o: GraphOutcome, _ language: Language) -> Report.Table {
    let isNetwork = o.subject == "network"
    return Report.Table(
      language(.graphNodesTitle(network: isNetwork)),
      header: [
        language(.tableId), language(.tableNode),
        language(isNetwork ? .tableShape : .tableExpression),
        language(.tableValue(network: isNetwork)), language(.tableAdjoint(network: isNetwork)),
      ],
      rows: o.nodes.map { node in
        let name =
          node.role.map { language(.networkNodeName(role: $0, name: node.label)) } ?? node.label
        let detail = node.shape == [] ? language(.scalar) : node.detail
        return [
          String(node.id), name, detail, number(node.value.value), number(node.adjoint.value),
        ]
      })
  }

  /// The table of gradients: against backprop (a network), or against the symbolic partials
  /// and a central difference (an expression).
  static func gradientRows(_ o: GraphOutcome, _ language: Language) -> Report.Table {
    let isNetwork = o.subject == "network"
    return Report.Table(
      language(.tableGradient),
      header: isNetwork
        ? [
          language(.tableTensor), language(.tableGraphGradient),
          language(.tableBackpropDifference),
        ]
        : [
          language(.tableVariable), language(.tableVariableAdjoint),
          language(.tableSymbolic), language(.schemeName(scheme: .central)),
          language(.tableRelativeErrorSymbolicCentral),
        ],
      rows: o.comparisons.map { c in
        isNetwork
          ? [c.name, number(c.adjoint.value), number(c.backpropError?.value)]
          : [
            c.name, number(c.adjoint.value), number(c.symbolic?.value), number(c.central?.value),
            "\(number(c.symbolicError?.value)), \(number(c.centralError?.value))",
          ]
      })
  }

  static func adjointChecks(_ o: GraphOutcome, spec: GraphSpec) -> [Check] {
    o.comparisons.flatMap { c -> [Check] in
      let symbolic = c.symbolicError?.value ?? .nan
      let central = c.centralError?.value ?? .nan
      return [
        Check(
          GraphPhrase.againstSymbolic(variable: c.name), passed: symbolic <= spec.symbolicTolerance,
          GraphPhrase.symbolicDetail(
            adjoint: number(c.adjoint.value), symbolic: number(c.symbolic?.value),
            error: String(format: "%.2g", symbolic), bound: short(spec.symbolicTolerance))),
        Check(
          GraphPhrase.againstCentral(variable: c.name), passed: central <= spec.centralTolerance,
          GraphPhrase.centralDetail(
            central: number(c.central?.value), h: number(c.step?.value),
            error: String(format: "%.2g", central), bound: short(spec.centralTolerance))),
      ]
    }
  }

  static func backpropChecks(_ o: GraphOutcome, spec: GraphSpec) -> [Check] {
    o.comparisons.map { c in
      let error = c.backpropError?.value ?? .nan
      return Check(
        GraphPhrase.graphAgainstBackprop(tensor: c.name), passed: error <= spec.backpropTolerance,
        GraphPhrase.normwiseDetail(
          error: String(format: "%.2g", error), bound: short(spec.backpropTolerance)))
    }
  }

  static func notes(_ o: GraphOutcome) -> [any Phrase] {
    if o.subject == "network" {
      return [
        GraphPhrase.networkGraphNote(
          loss: number(o.output.value), seconds: String(format: "%.3g", o.seconds),
          backprop: o.backpropSeconds.map { String(format: "%.3g", $0) })
      ]
    }
    return [
      GraphPhrase.expressionGraphNote(
        f: number(o.output.value), at: o.point?.text ?? "", nodes: o.nodes.count,
        operations: o.nodes.filter { !$0.isInput }.count, edges: o.edges.count)
    ]
  }

  /// Four significant digits, or "" for nothing.
  static func number(_ x: Double?) -> String {
    guard let x else { return "" }
    return String(format: "%.4g", x)
  }
}
