extension Expression {
  /// The most nodes a symbolic derivative built for reading may have (about 50 kB of text):
  /// `sin` nested 60 deep has a third derivative of about 60^4 nodes, which neither prints
  /// nor simplifies in reasonable time.
  public static let readableNodeLimit = 10_000

  /// The number of nodes of the tree as printed (shared subtrees counted each time they
  /// appear), counting no further than `limit + 1`, without recursion.
  ///
  /// Complexity: O(min(size, limit)).
  public func nodeCount(limit: Int) -> Int {
    var count = 0
    var stack = [self]
    while count <= limit, let node = stack.popLast() {
      count += 1
      stack += node.children
    }
    return count
  }

  /// The simplified symbolic derivatives of orders 0 through `order` with respect to
  /// `variable`, for reading; nil from the first order whose unsimplified tree has more than
  /// `nodeLimit` nodes (checked before it is simplified, printed or differentiated again).
  ///
  /// Numbers never need these: `derivatives(withRespectTo:at:upTo:)` computes any order by
  /// Taylor-mode arithmetic in time linear in the expression.
  ///
  /// Complexity: each order costs O(s d) for the previous order's s ≤ `nodeLimit` nodes and
  /// depth d, plus its simplification; past the limit nothing more is built.
  public func readableDerivatives(
    withRespectTo variable: String, upTo order: Int, nodeLimit: Int = readableNodeLimit
  ) -> [Expression?] {
    var result: [Expression?] = [simplified()]
    for _ in 0..<order {
      guard let last = result[result.count - 1] else {
        result.append(nil)
        continue
      }
      let raw = last.simplified().rawDerivative(variable)
      result.append(raw.nodeCount(limit: nodeLimit) <= nodeLimit ? raw.simplified() : nil)
    }
    return result
  }
}
