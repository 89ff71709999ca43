import Foundation
import Learning

/// Loads a data spec's train/test pair, with file errors as `ExperimentError`s.
enum DataLoading {
  /// The spec's source, with the MNIST sample looked up in the run's data folder.
  static func source(_ spec: DataSpec, context: RunContext) -> DataSource {
    if case .mnistSample = spec.source {
      return .mnistSample(
        file: context.options.dataDirectory.appendingPathComponent("mnist_5k.csv.gz").path)
    }
    return spec.source
  }

  /// The first `data.batch` (default 100) training images, loaded and checked against the
  /// network as `load` does: what gradcheck and graph evaluate the network on.
  static func batch(_ data: DataSpec, network: NetworkSpec, context: RunContext) throws
    -> Dataset
  {
    let batchSize = data.batch ?? 100
    let loaded = try load(
      data, network: network, trainCount: data.train, testCount: data.test, context: context)
    guard batchSize <= loaded.train.count else {
      throw ExperimentError(
        line: data.mark?.line, column: data.mark?.column,
        "batch \(batchSize) is larger than the \(loaded.train.count) training images of "
          + data.label)
    }
    return loaded.train.subset(0..<batchSize)
  }

  /// Loads the data and checks it against the network's layer sizes.
  static func load(
    _ spec: DataSpec, network: NetworkSpec, trainCount: Int?, testCount: Int?, context: RunContext
  ) throws -> (train: Dataset, test: Dataset) {
    let data: (train: Dataset, test: Dataset)
    do {
      data = try source(spec, context: context).load(trainCount: trainCount, testCount: testCount)
    } catch {
      var hint = ""
      if case .mnistSample = spec.source, error.isMissing {
        hint =
          " (run `make data` to fetch the MNIST sample, or point --data or DERIVATIVES_DATA at "
          + "the folder that holds mnist_5k.csv.gz)"
      }
      if case .fashionMNIST = spec.source, error.isMissing {
        hint = " (install Debian's dataset-fashion-mnist: `make deps`)"
      }
      // A row's problem is located in the data file (`data.csv:7: ...`), a whole file's at
      // the experiment's `source` key.
      if let row = error.row {
        throw ExperimentError(file: error.file, line: row, column: nil, "\(error.reason)\(hint)")
      }
      throw ExperimentError(
        line: spec.mark?.line, column: spec.mark?.column,
        "\(error.file): \(error.reason)\(hint)")
    }
    let layers = network.configuration.layers
    let mark = network.layersMark
    let features = data.train.featureCount
    guard layers.first == features else {
      throw ExperimentError(
        line: mark?.line, column: mark?.column,
        "network layers \(layers) do not match the data: \(spec.label) has \(features) inputs "
          + "per image, so the first layer must be \(features)")
    }
    let classes = Int((data.train.labels + data.test.labels).max() ?? 0) + 1
    guard let outputs = layers.last, outputs >= classes else {
      throw ExperimentError(
        line: mark?.line, column: mark?.column,
        "network layers \(layers) do not match the data: the labels go up to \(classes - 1), so "
          + "the last layer needs at least \(classes) outputs")
    }
    return data
  }
}
