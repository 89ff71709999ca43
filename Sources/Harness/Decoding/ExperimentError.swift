import Foundation

/// An error a user can make: an experiment file, a data file, a name, an output directory.
///
/// Its description is one line in the compiler's style,
/// `Experiments/x.yaml:7:5: unknown scheme 'centrl' (did you mean 'central'?)`,
/// with the line and column where they are known.
public struct ExperimentError: Error, CustomStringConvertible, Sendable, Equatable {
  var file: String?
  var line: Int?
  var column: Int?
  var message: String

  init(file: String? = nil, line: Int? = nil, column: Int? = nil, _ message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    var location = file ?? ""
    if let line {
      location += (location.isEmpty ? "" : ":") + "\(line)"
      if let column { location += ":\(column)" }
    }
    return location.isEmpty ? message : "\(location): \(message)"
  }

  /// The same error attributed to `file` when it does not name one yet.
  func inFile(_ path: String) -> ExperimentError {
    var copy = self
    if copy.file == nil { copy.file = path }
    return copy
  }
}

/// What a run of several experiments tells a script (the design's exit codes).
public enum ExitStatus: Int32, Sendable, Comparable {
  /// Every experiment ran and met its expectations.
  case success = 0
  /// An experiment ran but missed an expectation.
  case expectationMissed = 1
  /// An experiment file, data file, name or output directory is invalid.
  case invalidInput = 2
  /// The run was interrupted (SIGINT or SIGTERM); completed experiments stay.
  case interrupted = 130

  public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.rawValue < b.rawValue }
}

/// The closest candidate to `word` by edit distance, when it is close enough to be a likely typo.
func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
  let target = Array(word.lowercased())
  var best: (String, Int)?
  for candidate in candidates {
    let distance = editDistance(target, Array(candidate.lowercased()))
    if distance < (best?.1 ?? .max) { best = (candidate, distance) }
  }
  guard let (match, distance) = best else { return nil }
  return distance <= max(1, min(3, target.count / 3 + 1)) ? match : nil
}

/// "(did you mean 'x'?)" or nothing.
func suggestion(for word: String, in candidates: some Sequence<String>) -> String {
  closestMatch(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
}

private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
