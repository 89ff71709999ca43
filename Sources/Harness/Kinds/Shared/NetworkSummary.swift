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

/// "784-50-10 relu, gaussian std 0.01, seed 1" (in `language`).
func describe(_ c: NetworkConfiguration, language: Language = .en) -> String {
  let initialization: String
  switch c.initialization {
  case .gaussian(let sd): initialization = language(.gaussianInit(deviation: short(sd)))
  case .he: initialization = "he"
  }
  return language(
    .describeNetwork(
      layers: c.layers.map(String.init).joined(separator: "-"),
      activation: c.activation.rawValue, initialization: initialization, seed: c.seed))
}
