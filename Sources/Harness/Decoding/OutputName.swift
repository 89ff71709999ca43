/// What an experiment's name may be: it names the folder `<output>/<name>/`, beside the
/// index pages and the staging folders (`.staging-<name>-<UUID>`, 46 bytes more), so it must
/// not take their names nor pass the file system's 255 bytes.
enum OutputName {
  /// The names the output folder itself uses, compared without case: the index pages, the
  /// page's KaTeX folder, a convergence experiment's lab page, the folder's README.
  static let reserved: Set<String> = ["index.md", "index.html", "katex", "lab.html", "readme.md"]

  /// The most UTF-8 bytes of a name (200 letters of the Latin alphabet, 66 of Hangul).
  static let maxBytes = 200

  /// Why `name` cannot name an output folder, or nil when it can.
  static func problem(_ name: String) -> String? {
    if name.isEmpty
      || name.contains(where: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) })
      || name.hasPrefix(".")
    {
      return "name '\(name)' must be letters, digits, '-', '_' or '.', not starting with '.'"
    }
    if reserved.contains(name.lowercased()) {
      return "name '\(name)' is reserved for the output folder's own files ("
        + reserved.sorted().joined(separator: ", ") + "); choose another"
    }
    if name.utf8.count > maxBytes {
      return "name '\(name.prefix(40))...' is \(name.utf8.count) bytes long; the limit is "
        + "\(maxBytes)"
    }
    return nil
  }
}
