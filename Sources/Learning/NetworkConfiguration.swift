/// The activation of a network's hidden layers.
public enum Activation: String, Sendable, Codable, CaseIterable {
  /// `max(0, z)`; its derivative is taken as 0 at z = 0.
  case relu
  /// `1 / (1 + exp(-z))`.
  case sigmoid
}

/// How a network's weights are drawn (biases start at zero).
public enum Initialization: Sendable, Hashable, Codable {
  /// Every weight from N(0, standardDeviation^2); the seeds use 0.01.
  case gaussian(standardDeviation: Double)
  /// He et al. (2015): weights of a layer with `n` inputs from N(0, 2 / n).
  case he

  /// The seeds' initialisation, N(0, 0.01^2).
  public static let seeds = Initialization.gaussian(standardDeviation: 0.01)

  /// The standard deviation of the weights of a layer with `fanIn` inputs.
  public func standardDeviation(fanIn: Int) -> Double {
    switch self {
    case .gaussian(let sd): return sd
    case .he: return (2 / Double(fanIn)).squareRoot()
    }
  }
}

/// The shape and initialisation of a fully connected network
/// affine -> activation -> ... -> affine -> softmax -> cross-entropy.
public struct NetworkConfiguration: Sendable, Hashable, Codable {
  /// The layer widths, input first, classes last: `[784, 50, 10]` is the seeds' network.
  public var layers: [Int]
  /// The activation after every affine layer but the last.
  public var activation: Activation
  /// How the weights are drawn.
  public var initialization: Initialization
  /// The seed of the weights: the same seed gives bit-identical weights on every run.
  public var seed: UInt64

  public init(
    layers: [Int] = [784, 50, 10], activation: Activation = .relu,
    initialization: Initialization = .seeds, seed: UInt64 = 0
  ) {
    self.layers = layers
    self.activation = activation
    self.initialization = initialization
    self.seed = seed
  }

  /// The number of weights and biases: `sum(layers[k] * layers[k+1] + layers[k+1])`
  /// (39,760 for `[784, 50, 10]`).
  public var parameterCount: Int {
    zip(layers, layers.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
  }
}
