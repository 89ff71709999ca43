import Diagrams
import Learning

/// The words of `kind: graph`.
///
/// Worded in `GraphPhrase+English.swift` and `GraphPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum GraphPhrase: Phrase {
  case graphNodesTitle(network: Bool)
  case tableId
  case tableNode
  case tableExpression
  case tableShape
  case tableVariable
  case tableSymbolic
  case tableValue(network: Bool)
  case tableAdjoint(network: Bool)
  case tableRelativeErrorSymbolicCentral
  case tableGraphGradient
  case tableBackpropDifference
  case tableVariableAdjoint
  case networkNodeName(role: NetworkGraphNode.Role, name: String)
  case scalar
  case againstSymbolic(variable: String)
  case symbolicDetail(adjoint: String, symbolic: String, error: String, bound: String)
  case againstCentral(variable: String)
  case centralDetail(central: String, h: String, error: String, bound: String)
  case graphAgainstBackprop(tensor: String)
  case normwiseDetail(error: String, bound: String)
  case expressionGraphNote(f: String, at: String, nodes: Int, operations: Int, edges: Int)
  case networkGraphNote(loss: String, seconds: String, backprop: String?)
  case captionExpressionGraph(f: String)
  case captionNetworkGraph
  /// The diagram's line under the title: the point and the value (the output node shows f).
  case expressionDiagramLine(at: String, value: String)
  case networkDiagramLine(network: String, images: Int, source: String, loss: String)
  case showExpressionGraph(variables: String, f: String, at: String)
  case showExpressionChecks(symbolic: String, central: String)
  case showNetworkGraph(layers: String, activation: String, images: Int, source: String)
  case showNetworkChecks(bound: String)
  /// The legends of the diagrams: the nodes' and the arrows' notation.
  case networkLegendNode
  case networkLegendArrow
  case expressionLegendNode
  case expressionLegendArrow
}

extension Language {
  /// `phrase` in this language: `language(.graphNodesTitle)`.
  func callAsFunction(_ phrase: GraphPhrase) -> String { phrase.text(self) }
}

extension NetworkNotation {
  /// A network diagram's words in `language`.
  init(_ language: Language) {
    let input = language(.networkNodeName(role: .input, name: "input"))
    let loss = language(.networkNodeName(role: .loss, name: "loss"))
    self.init(
      legend: [language(.networkLegendNode), language(.networkLegendArrow)],
      names: [.input: input, .loss: loss], scalar: language(.scalar))
  }
}

extension GraphNotation {
  /// An expression graph diagram's words in `language`.
  init(_ language: Language) {
    self.init(legend: [language(.expressionLegendNode), language(.expressionLegendArrow)])
  }
}
