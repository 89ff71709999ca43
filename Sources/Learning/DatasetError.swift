/// A data file that cannot be read: missing, truncated, or not what its format says.
public struct DatasetError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The file (or directory) in question.
  public var file: String
  /// Why it cannot be used.
  public var reason: String
  /// The 1-based row of a CSV file, when the problem is in one row.
  public var row: Int?
  /// Whether the file is missing (then fetching or installing it is the remedy).
  public var isMissing: Bool

  public init(file: String, reason: String, row: Int? = nil, isMissing: Bool = false) {
    self.file = file
    self.reason = reason
    self.row = row
    self.isMissing = isMissing
  }

  /// `file: row N: reason` or `file: reason`.
  public var description: String {
    if let row { return "\(file): row \(row): \(reason)" }
    return "\(file): \(reason)"
  }
}
