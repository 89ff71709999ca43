import Foundation
import Learning

/// Maps a data spec to a loaded train/test pair, with file errors as `ExperimentError`s.
enum DataLoading {
  static func source(_ spec: DataSpec, context: RunContext) -> DataSource {
    switch spec.source {
    case .fashionMNIST: return .fashionMNIST()
    case .mnistSample:
      return .mnistSample(
        file: context.options.dataDirectory.appendingPathComponent("mnist_5k.csv.gz").path)
    case .idx(let directory): return .idx(directory: directory)
    case .csv(let file): return .csv(file: file)
    }
  }

  /// Loads the data and checks it against the network's layer sizes.
  static func load(
    _ spec: DataSpec, network: NetworkSpec, trainCount: Int?, testCount: Int?, context: RunContext
  )
    throws -> (train: Dataset, test: Dataset)
  {
    let data: (train: Dataset, test: Dataset)
    do {
      data = try source(spec, context: context).load(trainCount: trainCount, testCount: testCount)
    } catch {
      var hint = ""
      if case .mnistSample = spec.source { hint = " (run `make data` to fetch the MNIST sample)" }
      if case .fashionMNIST = spec.source {
        hint = " (install Debian's dataset-fashion-mnist: `make deps`)"
      }
      throw ExperimentError(
        file: error.file, line: nil, column: nil,
        "\(error.reason)\(error.row.map { " (row \($0))" } ?? "")\(hint)")
    }
    let features = data.train.featureCount
    guard network.layers.first == features else {
      throw ExperimentError(
        line: network.layersMark?.line, column: network.layersMark?.column,
        "network layers \(network.layers) do not match the data: \(spec.source.label) has \(features) inputs per image, so the first layer must be \(features)"
      )
    }
    let classes = Int((data.train.labels + data.test.labels).max() ?? 0) + 1
    guard let outputs = network.layers.last, outputs >= classes else {
      throw ExperimentError(
        line: network.layersMark?.line, column: network.layersMark?.column,
        "network layers \(network.layers) do not match the data: the labels go up to \(classes - 1), so the last layer needs at least \(classes) outputs"
      )
    }
    return data
  }

  static func configuration(_ network: NetworkSpec) -> NetworkConfiguration {
    let initialization: Initialization
    switch network.initialization {
    case .gaussian: initialization = .gaussian(standardDeviation: network.standardDeviation)
    case .he: initialization = .he
    }
    let activation: Activation = network.activation == .relu ? .relu : .sigmoid
    return NetworkConfiguration(
      layers: network.layers, activation: activation, initialization: initialization,
      seed: network.seed)
  }
}
