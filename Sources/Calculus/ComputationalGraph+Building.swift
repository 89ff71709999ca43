import RealModule

/// What an operation reads: a node of the graph, or a constant folded into the operation.
enum GraphOperand<T: Real> {
  case node(Int, T)
  case constant(T, Expression)

  var value: T {
    switch self {
    case .node(_, let v), .constant(let v, _): return v
    }
  }
}

/// The hash-consing key of a node: its operation and its operands (node ids or constant
/// sub-expressions). Two sub-trees are equal exactly when their keys are.
struct GraphKey: Hashable {
  enum Operand: Hashable {
    case node(Int)
    case constant(Expression)
  }

  var operation: GraphOperation
  var operands: [Operand]
}

/// Builds a `ComputationalGraph` bottom-up: forward values and local derivatives per node.
struct GraphBuilder<T: Real> {
  let point: [String: T]
  var nodes: [GraphNode<T>] = []
  var edges: [(from: Int, to: Int, local: T)] = []
  private var index: [GraphKey: Int] = [:]

  init(point: [String: T]) { self.point = point }

  /// The operand for `e`: an existing node when an equal sub-tree was met before, a new node,
  /// or a constant when `e` has no variables.
  mutating func operand(_ e: Expression) -> GraphOperand<T> {
    switch e {
    case .number, .constant:
      return .constant(e.evaluate([String: T]()), e)
    case .variable(let name):
      return node(.input(name), e, label: name, [], value: point[name]!, locals: [])
    case .sum(let terms): return operation(.sum, e, terms.map { operand($0) })
    case .product(let factors): return operation(.product, e, factors.map { operand($0) })
    case .power(let base, let exponent):
      return operation(.power, e, [operand(base), operand(exponent)])
    case .function(let f, let argument): return operation(.function(f), e, [operand(argument)])
    }
  }

  /// A node for an operation on `operands`, or a constant when every operand is constant.
  private mutating func operation(
    _ op: GraphOperation, _ e: Expression, _ operands: [GraphOperand<T>]
  ) -> GraphOperand<T> {
    if operands.allSatisfy({ if case .constant = $0 { true } else { false } }) {
      return .constant(e.evaluate([String: T]()), e)
    }
    let (value, locals) = Self.forward(op, operands.map(\.value))
    return node(op, e, label: Self.label(op, operands), operands, value: value, locals: locals)
  }

  /// The existing node with the same key, or a new one.
  private mutating func node(
    _ op: GraphOperation, _ e: Expression, label: String, _ operands: [GraphOperand<T>],
    value: T, locals: [T]
  ) -> GraphOperand<T> {
    let key = GraphKey(
      operation: op,
      operands: operands.map {
        switch $0 {
        case .node(let id, _): .node(id)
        case .constant(_, let c): .constant(c)
        }
      })
    if let id = index[key] { return .node(id, nodes[id].value) }
    let id = append(
      op, label: label, expression: e, operands: operands, value: value, locals: locals)
    index[key] = id
    return .node(id, value)
  }

  /// Appends a node and its edges (one per distinct input node, local derivatives summed).
  @discardableResult
  mutating func append(
    _ op: GraphOperation, label: String, expression: Expression, operands: [GraphOperand<T>],
    value: T, locals: [T]
  ) -> Int {
    let id = nodes.count
    var inputs: [Int] = []
    var sums: [Int: T] = [:]
    for (operand, local) in zip(operands, locals) {
      guard case .node(let from, _) = operand else { continue }
      if sums[from] == nil { inputs.append(from) }
      sums[from, default: 0] += local
    }
    nodes.append(
      GraphNode(
        id: id, operation: op, label: label, expression: expression, value: value, adjoint: 0,
        inputs: inputs))
    for from in inputs { edges.append((from, id, sums[from]!)) }
    return id
  }
}
