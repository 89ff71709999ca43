extension GraphPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .graphNodesTitle(let network): return network ? "nodes (norms of values and gradients)" : "nodes"
    case .tableId: return "id"
    case .tableNode: return "node"
    case .tableExpression: return "expression"
    case .tableShape: return "shape"
    case .tableVariable: return "variable"
    case .tableSymbolic: return "symbolic"
    case .tableValue: return "value"
    case .tableAdjoint: return "adjoint"
    case .tableRelativeErrorSymbolicCentral: return "relative error (symbolic, central)"
    case .tableGraphGradient: return "|graph gradient|"
    case .tableBackpropDifference: return "relative difference from backprop"
    case .tableVariableAdjoint: return "adjoint"
    case .networkNodeName(_, let name): return name
    case .scalar: return "scalar"
    case .againstSymbolic(let variable): return "∂f/∂\(variable) by backprop against the symbolic partial"
    case .symbolicDetail(let adjoint, let symbolic, let error, let bound): return "adjoint \(adjoint), symbolic \(symbolic): relative error \(error), bound \(bound)"
    case .againstCentral(let variable): return "∂f/∂\(variable) by backprop against a central difference"
    case .centralDetail(let central, let h, let error, let bound): return "central \(central) at h = \(h): relative difference \(error), bound \(bound)"
    case .graphAgainstBackprop(let tensor): return "\(tensor): the graph's gradient against backprop"
    case .normwiseDetail(let error, let bound): return "normwise relative difference \(error), bound \(bound)"
    case .expressionGraphNote(let f, let at, let nodes, let operations, let edges): return "f = \(f) at \(at): \(nodes) nodes (\(operations) operations, each computed once however often it is used), \(edges) edges; each adjoint is the sum over the edges leaving the node of (adjoint of the head) × (local derivative)"
    case .networkGraphNote(let loss, let seconds, let backprop): return "loss \(loss); the graph's forward and reverse sweeps took \(seconds) s" + (backprop.map { ", backprop on the same batch \($0) s" } ?? "")
    case .captionExpressionGraph(let f): return "the computational graph of \(f): forward values and adjoints on the nodes, local derivatives on the edges"
    case .captionNetworkGraph: return "the network's layer graph: value and gradient norms on the nodes, backward rules on the edges"
    case .expressionDiagramLine(let at, let value): return "at \(at): f = \(value)"
    case .networkDiagramLine(let network, let images, let source, let loss): return "\(network) on \(images) images of \(source): loss L = \(loss)"
    case .showExpressionGraph(let variables, let f, let at): return "f(\(variables)) = \(f) at \(at)"
    case .showExpressionChecks(let symbolic, let central): return "checks: adjoints against the symbolic partials (relative \(symbolic)) and a central difference (\(central))"
    case .showNetworkGraph(let layers, let activation, let images, let source): return "network \(layers) \(activation) on \(images) images of \(source)"
    case .showNetworkChecks(let bound): return "checks: each tensor's gradient against backprop (normwise relative \(bound))"
    case .networkLegendNode: return "node: layer, shape, |v| = norm of its value, |∂L/∂v| = norm of the loss's gradient"
    case .networkLegendArrow: return "arrow: the backward rule, ← the norm of the gradient it carries back"
    case .expressionLegendNode: return "node: operation, v = forward value, ∂f/∂v = adjoint (by backprop)"
    case .expressionLegendArrow: return "arrow: ∂ = local derivative ∂(head)/∂(tail), ← (∂f/∂head)·∂ flowing back"
    }
  }
}
