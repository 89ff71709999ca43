import Learning

/// The network as summary.json reports it.
struct NetworkSummary: Codable, Sendable, Equatable {
  var layers: [Int]
  var activation: Activation
  var initialization: String
  var std: Num?
  var seed: UInt64
  var parameters: Int?

  init(_ c: NetworkConfiguration, parameters: Int?) {
    layers = c.layers
    activation = c.activation
    switch c.initialization {
    case .gaussian(let sd):
      initialization = "gaussian"
      std = Num(sd)
    case .he:
      initialization = "he"
    }
    seed = c.seed
    self.parameters = parameters
  }

  enum CodingKeys: String, CodingKey {
    case layers, activation, std, seed, parameters
    case initialization = "init"
  }
}
