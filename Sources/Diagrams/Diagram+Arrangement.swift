extension Diagram {
  /// How a diagram is arranged before Graphviz lays it out: the direction its arrows run, and
  /// the layer where it folds, if it does.
  ///
  /// A diagram's layers are its steps from the inputs (see `layers()`). Folded at layer `k`,
  /// the layers before `k` are one band and the layers from `k` on a second band that turns
  /// back beside the first, as a snake does: layer `k` is the turn, one rank past layer
  /// `k - 1`, and the later layers run back on earlier ranks (the arrows within the second
  /// band are laid out head to tail and drawn with their arrowheads at their tails, beside the
  /// first band: right to left when the arrows run left to right, upward when they run top to
  /// bottom). Graphviz places every node; the arrangement only chooses the ranks' order.
  public struct Arrangement: Sendable, Hashable, CustomStringConvertible {
    public var direction: Direction
    /// The first layer of the second band; nil draws one band.
    public var fold: Int?

    public init(_ direction: Direction, fold: Int? = nil) {
      self.direction = direction
      self.fold = fold
    }

    public var description: String {
      direction.rawValue + (fold.map { " folded at layer \($0)" } ?? "")
    }
  }

  /// The aspect (width / height) a diagram without a canvas is arranged for: the plots'
  /// default 1200 × 900.
  public static let defaultAspect = 4.0 / 3

  /// Each node's layer, by id: an input is layer 0, every other node one layer past the
  /// farthest node it reads; a node that reads nothing and is not an input (a network's
  /// weights) sits one layer before its first reader, beside the node it joins.
  ///
  /// Edge Cases: the nodes of a cycle (which a computational graph never has) are layer 0.
  func layers() -> [String: Int] {
    var layer: [String: Int] = [:]
    var incoming: [String: [String]] = [:]
    var outgoing: [String: [String]] = [:]
    for edge in edges {
      incoming[edge.to, default: []].append(edge.from)
      outgoing[edge.from, default: []].append(edge.to)
    }
    // Kahn's order: a node once every node it reads has its layer.
    // Ids are checked when the graph is built; a repeated one is counted once here.
    var waiting = Dictionary(
      nodes.map { ($0.id, incoming[$0.id]?.count ?? 0) }, uniquingKeysWith: { a, _ in a })
    var ready = Array(Set(nodes.filter { waiting[$0.id] == 0 }.map(\.id)))
    while let id = ready.popLast() {
      layer[id] = (incoming[id] ?? []).compactMap { layer[$0] }.map { $0 + 1 }.max() ?? 0
      for next in outgoing[id] ?? [] {
        waiting[next, default: 0] -= 1
        if waiting[next] == 0 { ready.append(next) }
      }
    }
    for node in nodes {
      guard let own = layer[node.id] else {
        layer[node.id] = 0
        continue
      }
      let readers = (outgoing[node.id] ?? []).compactMap { layer[$0] }
      if node.style != .input, incoming[node.id] == nil, let first = readers.min() {
        layer[node.id] = max(own, first - 1)
      }
    }
    return layer
  }

  /// The arrangements a layout is chosen from: both directions, each in one band and folded
  /// at every layer past the second that a single arrow reaches, from the layer before (the
  /// turn of the snake).
  func arrangements() -> [Arrangement] {
    let layers = layers()
    let count = (layers.values.max() ?? 0) + 1
    let folds = (2..<max(2, count)).filter { fold in
      let crossing = edges.filter {
        layers[$0.from, default: 0] < fold && layers[$0.to, default: 0] >= fold
      }
      return crossing.count == 1
        && crossing.allSatisfy {
          layers[$0.from] == fold - 1 && layers[$0.to] == fold
        }
    }
    return Direction.allCases.flatMap { direction in
      [Arrangement(direction)] + folds.map { Arrangement(direction, fold: $0) }
    }
  }
}
