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
    let language = experiment.language
    report.table(
      language(.graphNodesTitle(network: isNetwork)),
      header: [
        language(.tableId), language(.tableNode),
        language(isNetwork ? .tableShape : .tableExpression),
        language(.tableValue(network: isNetwork)), language(.tableAdjoint(network: isNetwork)),
      ],
      rows: o.nodes.map { node in
        let name = node.role.map { language(.networkNodeName($0, node.label)) } ?? node.label
        let detail = node.shape == [] ? language(.scalar) : node.detail
        return [
          String(node.id), name, detail, number(node.value.value), number(node.adjoint.value),
        ]
      })
    report.checks =
      isNetwork
      ? backpropChecks(o, spec: spec, language: language)
      : adjointChecks(o, spec: spec, language: language)
    report.table(
      language(.tableGradient),
      header: isNetwork
        ? [
          language(.tableTensor), language(.tableGraphGradient),
          language(.tableBackpropDifference),
        ]
        : [
          language(.tableVariable), language(.tableVariableAdjoint),
          language(.tableSymbolic), language(.schemeName("central")),
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
    report.notes = notes(o, language: language)
    report.diagram(
      "graph",
      language(isNetwork ? .captionNetworkGraph : .captionExpressionGraph(o.title)),
      o.diagrams[language] ?? o.diagrams[.en]!)
    return report
  }

  static func adjointChecks(_ o: GraphOutcome, spec: GraphSpec, language: Language) -> [Check] {
    o.comparisons.flatMap { c -> [Check] in
      let symbolic = c.symbolicError?.value ?? .nan
      let central = c.centralError?.value ?? .nan
      return [
        Check(
          language(.againstSymbolic(c.name)), passed: symbolic <= spec.symbolicTolerance,
          language(
            .symbolicDetail(
              adjoint: number(c.adjoint.value), symbolic: number(c.symbolic?.value),
              error: String(format: "%.2g", symbolic), bound: short(spec.symbolicTolerance)))),
        Check(
          language(.againstCentral(c.name)), passed: central <= spec.centralTolerance,
          language(
            .centralDetail(
              central: number(c.central?.value), h: number(c.step?.value),
              error: String(format: "%.2g", central), bound: short(spec.centralTolerance)))),
      ]
    }
  }

  static func backpropChecks(_ o: GraphOutcome, spec: GraphSpec, language: Language) -> [Check] {
    o.comparisons.map { c in
      let error = c.backpropError?.value ?? .nan
      return Check(
        language(.graphAgainstBackprop(c.name)), passed: error <= spec.backpropTolerance,
        language(
          .normwiseDetail(String(format: "%.2g", error), bound: short(spec.backpropTolerance))))
    }
  }

  static func notes(_ o: GraphOutcome, language: Language) -> [String] {
    if o.subject == "network" {
      return [
        language(
          .networkGraphNote(
            loss: number(o.output.value), seconds: String(format: "%.3g", o.seconds),
            backprop: o.backpropSeconds.map { String(format: "%.3g", $0) }))
      ]
    }
    return [
      language(
        .expressionGraphNote(
          f: number(o.output.value), at: o.point?.text ?? "", nodes: o.nodes.count,
          operations: o.nodes.filter { !$0.isInput }.count, edges: o.edges.count))
    ]
  }

  /// Four significant digits, or "" for nothing.
  static func number(_ x: Double?) -> String {
    guard let x else { return "" }
    return String(format: "%.4g", x)
  }
}
