import Calculus
import Diagrams
import Foundation
import Learning

/// `kind: graph`: the chain rule as backprop computes it. For an expression, Calculus'
/// reverse-mode graph at the point, every adjoint checked against the symbolic partial and a
/// central difference; for the notes' network, Learning's layer-level graph on a batch, its
/// tensor gradients checked against backprop.
enum Graph: ExperimentKindDefinition {
  static let name = "graph"

  static func run(_ spec: GraphSpec, context: RunContext) throws -> GraphOutcome {
    switch spec.subject {
    case .expression(let f, let text, let variables, let point):
      return expressionGraph(f, text: text, variables: variables, point: point)
    case .network(let network, let data):
      return try networkGraph(network, data: data, context: context)
    }
  }

  static func expressionGraph(
    _ f: Expression, text: String, variables: [String], point: [Double]
  ) -> GraphOutcome {
    let values = Dictionary(uniqueKeysWithValues: zip(variables, point))
    let clock = ContinuousClock()
    var graph: ComputationalGraph<Double>?
    let elapsed = clock.measure { graph = f.reverseMode(at: values) }
    let g = graph!
    let nodes = g.nodes.map { node -> GraphOutcome.Node in
      let isInput: Bool
      if case .input = node.operation { isInput = true } else { isInput = false }
      return GraphOutcome.Node(
        id: node.id, label: node.label, detail: node.expression.description,
        value: Num(node.value), adjoint: Num(node.adjoint), isInput: isInput)
    }
    let edges = g.edges.map {
      GraphOutcome.Edge(
        from: $0.from, to: $0.to, localDerivative: Num($0.localDerivative), rule: nil,
        contribution: Num($0.contribution))
    }
    let comparisons = g.checks(of: f, at: values).map {
      GraphOutcome.Comparison(
        name: $0.variable, adjoint: Num($0.adjoint), symbolic: Num($0.symbolic),
        central: Num($0.central), step: Num($0.step), symbolicError: Num($0.symbolicError),
        centralError: Num($0.centralError), backpropError: nil)
    }
    return GraphOutcome(
      subject: "expression", title: text, point: PointValues(variables, point),
      output: Num(g.value), nodes: nodes, edges: edges, gradient: g.gradient.mapValues(Num.init),
      comparisons: comparisons, seconds: seconds(elapsed), backpropSeconds: nil,
      diagrams: inEveryLanguage { language in
        captioned(
          Diagram(g, notation: .init(language)),
          language(
            .expressionDiagramLine(
              at: PointValues(variables, point).text, value: Diagram.format(g.value))))
      })
  }

  static func networkGraph(_ network: NetworkSpec, data: DataSpec, context: RunContext) throws
    -> GraphOutcome
  {
    let batch = try DataLoading.batch(data, network: network, context: context)
    try context.checkCancellation()
    let batchSize = batch.count
    let net = Network<Double>(network.configuration)
    let inputs: Matrix<Double> = batch.inputs(as: Double.self)
    let clock = ContinuousClock()
    var graph: NetworkGraph<Double>?
    let graphTime = clock.measure {
      graph = NetworkGraph(network: net, inputs: inputs, labels: batch.labels)
    }
    let g = graph!
    var backprop: [[Double]] = []
    let backpropTime = clock.measure {
      backprop = net.gradient(inputs: inputs, labels: batch.labels).gradients
    }
    let compared = NetworkGradientCheck.compare(
      analytic: g.gradients.map(\.values), numerical: backprop, names: g.gradients.map(\.name))
    let nodes = g.nodes.map {
      GraphOutcome.Node(
        id: $0.id, label: $0.name,
        detail: $0.shape.isEmpty ? "scalar" : $0.shape.map(String.init).joined(separator: "×"),
        value: Num($0.valueNorm), adjoint: Num($0.gradientNorm),
        isInput: $0.role == .input || $0.role == .parameter, role: $0.role, shape: $0.shape)
    }
    let edges = g.edges.map {
      GraphOutcome.Edge(
        from: $0.from, to: $0.to, localDerivative: nil, rule: $0.rule,
        contribution: Num($0.gradientNorm))
    }
    var gradient: [String: Num] = [:]
    for tensor in g.gradients { gradient[tensor.name] = Num(frobenius(tensor.values)) }
    let comparisons = zip(g.gradients, compared).map { tensor, c in
      GraphOutcome.Comparison(
        name: tensor.name, adjoint: Num(frobenius(tensor.values)), symbolic: nil, central: nil,
        step: nil, symbolicError: nil, centralError: nil,
        backpropError: Num(c.normwiseRelativeError))
    }
    let layers = network.configuration.layers.map(String.init).joined(separator: "-")
    let described = "\(layers) \(network.configuration.activation.rawValue)"
    let title = "\(described) on \(batchSize) images of \(data.label)"
    return GraphOutcome(
      subject: "network", title: title, point: nil, output: Num(Double(g.loss)), nodes: nodes,
      edges: edges, gradient: gradient, comparisons: comparisons, seconds: seconds(graphTime),
      backpropSeconds: seconds(backpropTime),
      diagrams: inEveryLanguage { language in
        captioned(
          Diagram(g, notation: .init(language)),
          language(
            .networkDiagramLine(
              network: described, images: batchSize, source: data.label,
              loss: Diagram.format(g.loss))))
      })
  }

  /// `make(language)` for every language the tool speaks: the run does not know the report's
  /// language, and a diagram is built from the graph, which the outcome does not keep.
  static func inEveryLanguage(_ make: (Language) -> Diagram) -> [Language: Diagram] {
    Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, make($0)) })
  }

  /// The diagram with `line` (what is drawn, at which point) above its legend; the figure's
  /// title is the experiment's.
  static func captioned(_ diagram: Diagram, _ line: String) -> Diagram {
    var diagram = diagram
    diagram.caption.insert(Diagram.Line(line, tone: .plain), at: 0)
    return diagram
  }

  static func frobenius(_ v: [Double]) -> Double {
    v.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  static func explain(_ s: GraphSpec) -> [String] { explain(s, language: .en) }

  static func explain(_ s: GraphSpec, language: Language) -> [String] {
    switch s.subject {
    case .expression(let f, _, let variables, let point):
      var lines = [
        language(
          .showExpressionGraph(
            variables: variables.joined(separator: ", "), f: "\(f)",
            at: PointValues(variables, point).text))
      ]
      for v in variables { lines.append("  ∂f/∂\(v) = \(f.derivative(withRespectTo: v))") }
      lines.append(
        language(
          .showExpressionChecks(
            symbolic: short(s.symbolicTolerance), central: short(s.centralTolerance))))
      return lines
    case .network(let network, let data):
      return [
        language(
          .showNetworkGraph(
            layers: "\(network.configuration.layers)",
            activation: network.configuration.activation.rawValue, images: data.batch ?? 100,
            source: data.label)),
        language(.showNetworkChecks(bound: short(s.backpropTolerance))),
      ]
    }
  }
}
