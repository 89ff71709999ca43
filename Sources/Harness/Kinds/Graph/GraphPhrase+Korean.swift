extension GraphPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .graphNodesTitle(let network): return network ? "노드 (값과 기울기의 노름)" : "노드"
    case .tableId: return "번호"
    case .tableNode: return "노드"
    case .tableExpression: return "식"
    case .tableShape: return "모양"
    case .tableVariable: return "변수"
    case .tableSymbolic: return "기호 미분"
    case .tableValue(let network): return network ? "|v|" : "값 v"
    case .tableAdjoint(let network): return network ? "|∂L/∂v|" : "역전파 미분 ∂f/∂v"
    case .tableRelativeErrorSymbolicCentral: return "상대 오차 (기호 미분, 중앙 차분)"
    case .tableGraphGradient: return "|그래프의 기울기|"
    case .tableBackpropDifference: return "오차역전파와의 상대 차이"
    case .tableVariableAdjoint: return "역전파 미분"
    case .networkNodeName(let role, let name):
      switch role {
      case .input: return "입력"
      case .loss: return "손실"
      case .parameter, .affine, .activation, .softmax: return name
      }
    case .scalar: return "스칼라"
    case .againstSymbolic(let variable): return "오차역전파로 구한 ∂f/∂\(variable)와 기호 편미분의 비교"
    case .symbolicDetail(let adjoint, let symbolic, let error, let bound): return "역전파 \(adjoint), 기호 미분 \(symbolic): 상대 오차 \(error), 기준 \(bound)"
    case .againstCentral(let variable): return "오차역전파로 구한 ∂f/∂\(variable)와 중앙 차분의 비교"
    case .centralDetail(let central, let h, let error, let bound): return "h = \(h)에서 중앙 차분 \(central): 상대 차이 \(error), 기준 \(bound)"
    case .graphAgainstBackprop(let tensor): return "\(tensor): 그래프의 기울기와 오차역전파의 비교"
    case .normwiseDetail(let error, let bound): return "노름 상대 차이 \(error), 기준 \(bound)"
    case .expressionGraphNote(let f, let at, let nodes, let operations, let edges): return "\(at)에서 f = \(f): 노드 \(nodes)개 (연산 \(operations)개, 여러 번 쓰여도 한 번만 계산), 간선 \(edges)개; 각 노드의 ∂f/∂v는 그 노드에서 나가는 간선마다 (머리 노드의 ∂f/∂v) × (국소 미분)을 더한 값"
    case .networkGraphNote(let loss, let seconds, let backprop): return "손실 \(loss); 그래프의 순전파와 역전파에 \(seconds)초" + (backprop.map { ", 같은 배치의 오차역전파에 \($0)초" } ?? "") + " 걸림"
    case .captionExpressionGraph(let f): return "\(f)의 계산 그래프: 노드에 순전파 값과 역전파 미분, 간선에 국소 미분"
    case .captionNetworkGraph: return "신경망의 층 단위 계산 그래프: 노드에 값과 기울기의 노름, 간선에 역전파 규칙"
    case .expressionDiagramLine(let at, let value): return "\(at)에서 f = \(value)"
    case .networkDiagramLine(let network, let images, let source, let loss): return "\(source)의 이미지 \(images)개에서 \(network) 신경망: 손실 L = \(loss)"
    case .showExpressionGraph(let variables, let f, let at): return "\(at)에서 f(\(variables)) = \(f)"
    case .showExpressionChecks(let symbolic, let central): return "확인 항목: 역전파 미분을 기호 편미분(상대 오차 \(symbolic) 이하) 및 중앙 차분(\(central) 이하)과 비교"
    case .showNetworkGraph(let layers, let activation, let images, let source): return "\(source)의 이미지 \(images)개에서 신경망 \(layers) \(activation)"
    case .showNetworkChecks(let bound): return "확인 항목: 텐서마다 그래프의 기울기를 오차역전파와 비교 (노름 상대 차이 \(bound) 이하)"
    case .networkLegendNode: return "노드: 층, 모양, |v| = 값의 노름, |∂L/∂v| = 손실함수 기울기의 노름"
    case .networkLegendArrow: return "화살표: 오차역전파 규칙, ← 거꾸로 전달되는 기울기의 노름"
    case .expressionLegendNode: return "노드: 연산, v = 순전파 값, ∂f/∂v = 오차역전파로 구한 미분"
    case .expressionLegendArrow: return "화살표: ∂ = 국소 미분 ∂(머리)/∂(꼬리), ← (∂f/∂머리)·∂ 역전파되는 값"
    }
  }
}
