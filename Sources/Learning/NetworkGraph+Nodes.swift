extension LayerPass {
  /// The layer-level nodes and edges: the input, then per affine layer k its weights, biases,
  /// the affine step and (below the last) the activation, then softmax and loss.
  func graph(_ network: Network<Scalar>) -> ([NetworkGraphNode], [NetworkGraphEdge]) {
    var parts = NetworkGraphParts()
    let depth = weights.count
    let n = activations[0].rows
    var previous = parts.add(
      "input", .input, [n, activations[0].columns], value: frobeniusNorm(activations[0].storage),
      gradient: frobeniusNorm(activationGradients[0].storage))
    for k in 0..<depth {
      let (i, a) = (k + 1, k == 0 ? "X" : "H\(k)")
      let (w, b) = (network.tensorNames[2 * k], network.tensorNames[2 * k + 1])
      let wNorm = frobeniusNorm(weightGradients[k].storage)
      let bNorm = frobeniusNorm(biasGradients[k])
      let wID = parts.add(
        w, .parameter, [weights[k].rows, weights[k].columns],
        value: frobeniusNorm(weights[k].storage), gradient: wNorm)
      let bID = parts.add(
        b, .parameter, [biases[k].count], value: frobeniusNorm(biases[k]), gradient: bNorm)
      let deltaNorm = frobeniusNorm(deltas[k].storage)
      previous = parts.add(
        "affine\(i)", .affine, [n, weights[k].columns], value: frobeniusNorm(affine[k].storage),
        gradient: deltaNorm,
        inputs: [
          (previous, "δ\(i)·\(w)ᵀ", frobeniusNorm(activationGradients[k].storage)),
          (wID, "\(a)ᵀ·δ\(i)", wNorm), (bID, "Σ δ\(i)", bNorm),
        ])
      guard k < depth - 1 else { break }
      let name = activation.rawValue + (depth > 2 ? "\(i)" : "")
      // relu′(z) is 1 for z > 0 and 0 otherwise; σ′(z) = σ(z)(1 − σ(z)).
      let rule = activation == .relu ? "⊙ relu′(Z\(i))" : "⊙ σ(Z\(i))(1 − σ(Z\(i)))"
      previous = parts.add(
        name, .activation, [n, weights[k].columns],
        value: frobeniusNorm(activations[k + 1].storage),
        gradient: frobeniusNorm(activationGradients[k + 1].storage),
        inputs: [(previous, rule, deltaNorm)])
    }
    let pNorm = probabilityGradientNorm
    let softmax = parts.add(
      "softmax", .softmax, [n, probabilities.columns],
      value: frobeniusNorm(probabilities.storage), gradient: pNorm,
      inputs: [(previous, "(P − Y)/n", frobeniusNorm(deltas[depth - 1].storage))])
    parts.add(
      "loss", .loss, [], value: Swift.abs(Double(loss)), gradient: 1,
      inputs: [(softmax, "−1/(n·p_y)", pNorm)])
    return (parts.nodes, parts.edges)
  }
}

/// The nodes and edges of a graph as they are added, each node with its incoming edges.
struct NetworkGraphParts {
  var nodes: [NetworkGraphNode] = []
  var edges: [NetworkGraphEdge] = []

  /// Adds a node with edges from `inputs` (node, rule, gradient norm); returns its id.
  @discardableResult
  mutating func add(
    _ name: String, _ role: NetworkGraphNode.Role, _ shape: [Int], value: Double,
    gradient: Double, inputs: [(Int, String, Double)] = []
  ) -> Int {
    let id = nodes.count
    nodes.append(
      NetworkGraphNode(
        id: id, name: name, role: role, shape: shape, valueNorm: value, gradientNorm: gradient,
        inputs: inputs.map(\.0)))
    for (from, rule, norm) in inputs {
      edges.append(NetworkGraphEdge(from: from, to: id, rule: rule, gradientNorm: norm))
    }
    return id
  }
}
