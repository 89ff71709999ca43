import Foundation
import Learning

/// The most work one experiment file may ask for, checked while the file is decoded, so that
/// an absurd value is a located error (exit 2, nothing written) instead of an allocation
/// failure, an overflow trap or a run that never ends.
enum HarnessLimits {
  /// The most step sizes in one grid (`h` or `sweep`): 10,000, a hundred times the widest
  /// shipped grid (1e-14 to 1e-1 at 8 per decade is 105 points).
  static let gridPoints = 10_000
  /// The most steps of one gradient-descent path: 1,000,000.
  static let descentSteps = 1_000_000
  /// The most points (`at`, summed over a convergence file's cases) one file may sweep:
  /// 10,000, each swept over the whole grid by every scheme in every precision.
  static let points = 10_000
  /// The most learning rates of one descent or training file: 100 (each a run of its own).
  static let learningRates = 100
  /// Networks: memory (8 GiB), epochs, steps and batch, as Learning checks them.
  static let resources = ResourceLimits.standard

  /// Step sizes a grid from `min` to `max` at `perDecade` asks for (the decades' count times
  /// `perDecade`, plus one), computed without overflow (`max` finite).
  static func gridPointCount(min: Double, max: Double, perDecade: Int) -> Int {
    let decades = log10(max) - log10(min)
    let points = (decades * Double(perDecade)).rounded(.down) + 1
    return points >= Double(Int.max) ? Int.max : Int(points)
  }

  /// Rows a data spec will hold in memory: its `train` and `test` counts, or the known size of
  /// a named source's split (0 for a folder or CSV file not yet read).
  static func expectedRows(_ data: DataSpec) -> (train: Int, test: Int) {
    let split: (train: Int, test: Int)
    switch data.source {
    case .fashionMNIST: split = (60_000, 10_000)
    case .mnistSample: split = (4_000, 1_000)
    case .idx, .csv: split = (0, 0)
    }
    return (data.train ?? split.train, data.test ?? split.test)
  }
}

extension ResourceLimitError {
  /// The key of a network experiment whose value asked for too much: `layers` for memory.
  var key: String {
    switch self {
    case .memory: return "layers"
    case .dataset: return "train"
    case .epochs: return "epochs"
    case .steps: return "steps"
    case .batch: return "batch"
    }
  }
}

/// An error at `key` when `count` is past `limit`: `too many points: 20000 asked for; the
/// limit is 10000`.
func checkCount(
  _ count: Int, of what: String, limit: Int, _ c: KeyedDecodingContainer<AnyKey>, key: String
) throws {
  guard count <= limit else {
    throw c.error(key, "too many \(what): \(count) asked for; the limit is \(limit)")
  }
}

/// A `ResourceLimitError` located at the key that asked for it, for example
/// `7:11: network too large: layers [784, 100000000, 10] with batch 100 need about 1184.6 GiB;
/// the limit is 8 GiB`.
func experimentError(_ error: ResourceLimitError, at mark: (line: Int, column: Int)?)
  -> ExperimentError
{
  let what: String
  switch error {
  case .memory: what = "network too large"
  case .dataset: what = "too much data"
  case .epochs: what = "too many epochs"
  case .steps: what = "too many steps"
  case .batch: what = "batch out of range"
  }
  return ExperimentError(line: mark?.line, column: mark?.column, "\(what): \(error)")
}
