import Foundation

/// The text of an experiment file, checked on its raw bytes before YAML parsing.
///
/// YAML parsers report encoding and layout mistakes in their own terms ("found character that
/// cannot start any token", "The file isn't in the correct format"). These checks find them
/// first and say what they are, at the line and column (and byte offset) where they are:
///
/// - a file larger than `maximumBytes`;
/// - a UTF-16 or UTF-32 byte-order mark, or NUL bytes (UTF-16 without a mark); a UTF-8
///   byte-order mark is accepted and dropped;
/// - bytes that are not UTF-8, with a guess of the encoding (CP949/EUC-KR, Latin-1);
/// - a tab in the indentation of a block (YAML allows only spaces there);
/// - an alias (`*name`): rejected outright, so that no alias bomb can expand;
/// - nesting deeper than `maximumNesting` (indentation, `- ` entries and `[` / `{`);
/// - a key repeated in a block mapping, at the repetition (Yams rejects duplicates too, in
///   flow mappings as well, but at the first occurrence).
enum ExperimentText {
  /// The largest experiment file accepted: 1 MiB (the shipped ones are under 4 KiB).
  static let maximumBytes = 1 << 20
  /// The deepest nesting of mappings and sequences accepted: 64 (the shipped files nest 4).
  static let maximumNesting = 64

  /// Reads the file at `path` and returns its checked text.
  ///
  /// - Throws: `ExperimentError` naming the file, and the line and column where they apply.
  static func load(path: String) throws(ExperimentError) -> String {
    try decode(try FileBytes.read(path, limit: maximumBytes + 1), path: path)
  }

  /// Checks the raw bytes of an experiment file and returns its text.
  ///
  /// - Throws: `ExperimentError` naming `path`, with the line and column where they apply.
  static func decode(_ bytes: [UInt8], path: String) throws(ExperimentError) -> String {
    guard bytes.count <= maximumBytes else {
      throw ExperimentError(
        file: path,
        "the file has more than \(maximumBytes) bytes; an experiment file is at most "
          + "\(maximumBytes) bytes (1 MiB)"
      )
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    try checkUnicodeForm(body, path: path)
    guard let text = String(validating: body, as: UTF8.self) else {
      throw notUTF8(body, path: path)
    }
    var scanner = YAMLLayoutScanner(text, path: path)
    try scanner.scan()
    return text
  }

  /// Rejects UTF-16 and UTF-32 (with or without a byte-order mark) and other NUL bytes.
  private static func checkUnicodeForm(_ bytes: ArraySlice<UInt8>, path: String)
    throws(ExperimentError)
  {
    let marks: [([UInt8], String)] = [
      ([0x00, 0x00, 0xFE, 0xFF], "UTF-32"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32"),
      ([0xFE, 0xFF], "UTF-16"), ([0xFF, 0xFE], "UTF-16"),
    ]
    if let (_, name) = marks.first(where: { bytes.starts(with: $0.0) }) {
      throw ExperimentError(
        file: path, line: 1, column: 1,
        "the file is \(name) (it starts with a \(name) byte-order mark); save it as UTF-8")
    }
    guard let zero = bytes.firstIndex(of: 0) else { return }
    let (line, column) = position(of: zero, in: bytes)
    let everyOther =
      bytes.count >= 4
      && bytes.prefix(64).enumerated().filter { $0.element == 0 }
        .count >= min(bytes.count, 64) / 3
    throw ExperimentError(
      file: path, line: line, column: column,
      "NUL byte at byte offset \(zero)"
        + (everyOther
          ? ": the file looks like UTF-16 without a byte-order mark; save it as UTF-8"
          : ": this is not a text file"))
  }

  /// The error for bytes that are not UTF-8: where the first bad byte is, and a guess.
  private static func notUTF8(_ bytes: ArraySlice<UInt8>, path: String) -> ExperimentError {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = bytes.startIndex
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error: break loop
      case .emptyInput: break loop
      }
    }
    let (line, column) = position(of: offset, in: bytes)
    let byte = String(bytes[offset], radix: 16, uppercase: true)
    return ExperimentError(
      file: path, line: line, column: column,
      "the file is not UTF-8: byte 0x\(byte) at byte offset \(offset) "
        + "cannot start or continue a UTF-8 character; \(encodingGuess(bytes))")
  }

  /// A hint about the encoding of non-UTF-8 text.
  static func encodingGuess(_ bytes: ArraySlice<UInt8>) -> String {
    // CP949 (and EUC-KR, its subset): every non-ASCII byte is part of a two-byte character, a
    // lead byte 0x81...0xFE then 0x41...0x5A, 0x61...0x7A or 0x81...0xFE.
    var index = bytes.startIndex
    var pairs = 0
    var doubleByte = true
    while index < bytes.endIndex {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let next = index + 1 < bytes.endIndex ? bytes[index + 1] : 0
      guard (0x81...0xFE).contains(lead),
        (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next) || (0x81...0xFE).contains(next)
      else {
        doubleByte = false
        break
      }
      pairs += 1
      index += 2
    }
    if doubleByte && pairs > 0 {
      return "it looks like CP949/EUC-KR (Korean); save it as UTF-8"
    }
    return "it looks like Latin-1 or Windows-1252; save it as UTF-8"
  }

  /// The 1-based line and column (in characters) of the byte at `offset`.
  static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
    let before = bytes[bytes.startIndex..<offset]
    let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
    let line = 1 + before.count(where: { $0 == 0x0A })
    let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
    return (line, prefix.unicodeScalars.count + 1)
  }
}

/// A line-by-line scan of YAML text for what `ExperimentText` rejects: tabs in indentation,
/// aliases and deep nesting. It follows YAML's lexical structure far enough to tell an alias
/// from a `*` inside a scalar (`f: 2*x`, `"*"`, a comment): quoted scalars (also over several
/// lines), comments, block scalars (`|`, `>`), plain scalars and their continuation lines,
/// and flow collections.
struct YAMLLayoutScanner {
  private let lines: [[Character]]
  private let path: String
  /// The indentation of the block collections that enclose the current line.
  private var indents: [Int] = []
  private var flowDepth = 0
  /// Set while inside a block scalar: the indentation of the line that introduced it.
  private var blockScalarParent: Int?
  /// Set while a quoted scalar continues on the next line: its quote.
  private var openQuote: Character?
  /// The indentation of the line whose plain scalar may continue on the next, deeper lines.
  private var plainScalarIndent: Int?
  /// The keys of the open block mappings, by their column: each key's line.
  private var keys: [Int: [String: Int]] = [:]

  init(_ text: String, path: String) {
    // "\r\n" is one Character, and a newline.
    lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
      Array($0)
    }
    self.path = path
  }

  private func error(_ line: Int, _ column: Int, _ message: String) -> ExperimentError {
    ExperimentError(file: path, line: line + 1, column: column + 1, message)
  }

  mutating func scan() throws(ExperimentError) {
    for (number, line) in lines.enumerated() {
      try scanLine(line, number)
    }
  }

  private mutating func scanLine(_ line: [Character], _ number: Int) throws(ExperimentError) {
    let indent = line.prefix { $0 == " " }.count
    let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
    if let parent = blockScalarParent {
      if blank || indent > parent { return }
      blockScalarParent = nil
    }
    var column = 0
    var nodeStart = true
    if let quote = openQuote {
      guard let end = closingQuote(quote, in: line, from: 0) else { return }
      openQuote = nil
      column = end + 1
      nodeStart = false
    } else if flowDepth == 0 {
      if let tab = line.prefix(while: { $0 == " " || $0 == "\t" }).firstIndex(of: "\t") {
        throw error(number, tab, "tabs are not allowed for indentation in YAML; use spaces")
      }
      if blank || line[indent] == "#" { return }
      if let continued = plainScalarIndent, indent > continued { return }
      plainScalarIndent = nil
      while let last = indents.last, last >= indent { indents.removeLast() }
      indents.append(indent)
      try checkNesting(number, indent, extra: 0)
      column = indent
    }
    try scanTokens(line, number, from: column, nodeStart: nodeStart, indent: indent)
  }

  /// Where the scan of one line stands.
  private struct Cursor {
    let line: [Character]
    let number: Int
    /// The line's indentation.
    let indent: Int
    var column: Int
    /// Whether a node may start here (after `- `, `: `, `[`, `,` or at the line's start).
    var nodeStart: Bool
    /// How many `- ` and `? ` entries this line opened.
    var entries = 0
    /// The column of the last `- ` on this line, if any.
    var dash: Int?
    /// Where the last scalar started: a key, when a `:` follows it.
    var tokenStart: Int
    /// A plain scalar that ends the line continues on lines indented deeper than this: the
    /// column of its key, or of the `- ` of its sequence entry.
    var continuation: Int

    var current: Character { line[column] }
    var next: Character? { column + 1 < line.count ? line[column + 1] : nil }
    /// Whether the current character is followed by whitespace or the end of the line.
    var separated: Bool { next == nil || next == " " || next == "\t" }
  }

  /// What scanning one character did.
  private enum Step { case advanced, endOfLine, notHandled }

  /// Scans the tokens of one line from `column`.
  private mutating func scanTokens(
    _ line: [Character], _ number: Int, from column: Int, nodeStart: Bool, indent: Int
  ) throws(ExperimentError) {
    var cursor = Cursor(
      line: line, number: number, indent: indent, column: column, nodeStart: nodeStart,
      tokenStart: column, continuation: indent)
    while cursor.column < line.count {
      let c = cursor.current
      if c == " " || c == "\t" {
        cursor.column += 1
        continue
      }
      let previous = cursor.column > 0 ? line[cursor.column - 1] : " "
      if c == "#" && (previous == " " || previous == "\t") { return }
      var step = Step.notHandled
      if cursor.nodeStart { step = try scanNodeStart(&cursor) }
      if step == .notHandled { step = try scanIndicator(&cursor) }
      switch step {
      case .endOfLine: return
      case .advanced: continue
      case .notHandled:
        // A plain scalar: it runs to a ': ', a ' #', the end of the line or (in a flow
        // collection) a flow indicator.
        cursor.tokenStart = cursor.column
        cursor.column = plainScalarEnd(line, from: cursor.column)
        cursor.nodeStart = false
        if cursor.column >= line.count, flowDepth == 0 { plainScalarIndent = cursor.continuation }
      }
    }
  }

  /// Scans what may only stand where a node starts: an alias (rejected), an anchor or tag, a
  /// `- ` or `? ` entry, a flow collection, a block scalar, a quoted scalar.
  private mutating func scanNodeStart(_ cursor: inout Cursor) throws(ExperimentError) -> Step {
    let (c, number) = (cursor.current, cursor.number)
    switch c {
    case "*":
      throw error(
        number, cursor.column,
        "YAML aliases ('*name') are not accepted in experiment files; write the value out")
    case "&", "!":
      while cursor.column < cursor.line.count, cursor.current != " " { cursor.column += 1 }
    case "-" where cursor.separated && flowDepth == 0, "?" where cursor.separated && flowDepth == 0:
      if cursor.next == "\t" {
        throw error(
          number, cursor.column + 1, "tabs are not allowed for indentation in YAML; use spaces")
      }
      cursor.entries += 1
      try checkNesting(number, cursor.column, extra: cursor.entries)
      cursor.continuation = cursor.column
      if c == "-" { cursor.dash = cursor.column }
      cursor.column += 1
    case "|" where flowDepth == 0, ">" where flowDepth == 0:
      blockScalarParent = cursor.indent
      return .endOfLine
    case "'", "\"":
      cursor.tokenStart = cursor.column
      guard let end = closingQuote(c, in: cursor.line, from: cursor.column + 1) else {
        openQuote = c
        return .endOfLine
      }
      cursor.column = end + 1
      cursor.nodeStart = false
    default:
      return .notHandled
    }
    return .advanced
  }

  /// Scans the indicators that may follow a node: flow brackets and commas, and `:`.
  private mutating func scanIndicator(_ cursor: inout Cursor) throws(ExperimentError) -> Step {
    let c = cursor.current
    if c == "[" || c == "{" {
      guard flowDepth > 0 || cursor.nodeStart else { return .notHandled }
      flowDepth += 1
      try checkNesting(cursor.number, cursor.column, extra: cursor.entries)
      cursor.nodeStart = true
    } else if flowDepth > 0 && (c == "]" || c == "}") {
      flowDepth = max(0, flowDepth - 1)
      cursor.nodeStart = false
    } else if flowDepth > 0 && c == "," {
      cursor.nodeStart = true
    } else if c == ":"
      && (cursor.separated || (flowDepth > 0 && "[]{},".contains(cursor.next ?? " ")))
    {
      if flowDepth == 0 {
        cursor.continuation = cursor.tokenStart
        try recordKey(cursor)
      }
      cursor.nodeStart = true
    } else {
      return .notHandled
    }
    cursor.column += 1
    return .advanced
  }

  /// Records the block-mapping key that ends at the cursor's `:`, and throws when the same
  /// mapping already has it (Yams rejects duplicates too, but at the first occurrence).
  private mutating func recordKey(_ cursor: Cursor) throws(ExperimentError) {
    let keyColumn = cursor.tokenStart
    var key = String(cursor.line[keyColumn..<cursor.column])
    while key.last == " " || key.last == "\t" { key.removeLast() }
    if let quote = key.first, quote == "'" || quote == "\"", key.count >= 2, key.last == quote {
      key = String(key.dropFirst().dropLast())
    }
    if key.isEmpty { return }  // `: value` after a `? key`
    keys = keys.filter { $0.key <= keyColumn }
    // A `- ` before the key starts a new mapping (the next entry of a sequence).
    if cursor.dash != nil { keys[keyColumn] = [:] }
    if let first = keys[keyColumn]?[key] {
      throw error(
        cursor.number, keyColumn, "duplicate key '\(key)' (first at line \(first + 1))")
    }
    keys[keyColumn, default: [:]][key] = cursor.number
  }

  /// Where a plain scalar that starts at `start` ends.
  private func plainScalarEnd(_ line: [Character], from start: Int) -> Int {
    var column = start
    while column < line.count {
      let c = line[column]
      let next: Character? = column + 1 < line.count ? line[column + 1] : nil
      if c == ":" && (next == nil || next == " " || next == "\t") { return column }
      if c == " " && next == "#" { return column }
      if flowDepth > 0 && (",[]{}".contains(c) || (c == ":" && ",[]{}".contains(next ?? " "))) {
        return column
      }
      column += 1
    }
    return column
  }

  /// The column of the quote that closes a scalar opened with `quote`, or nil when it
  /// continues on the next line. `''` inside single quotes and `\x` inside double quotes are
  /// escapes.
  private func closingQuote(_ quote: Character, in line: [Character], from start: Int) -> Int? {
    var column = start
    while column < line.count {
      let c = line[column]
      if quote == "\"" && c == "\\" {
        column += 2
        continue
      }
      if c == quote {
        if quote == "'" && column + 1 < line.count && line[column + 1] == "'" {
          column += 2
          continue
        }
        return column
      }
      column += 1
    }
    return nil
  }

  /// Throws when the block indentation levels, the `- ` entries on this line and the open
  /// flow collections together nest deeper than `ExperimentText.maximumNesting`.
  private func checkNesting(_ line: Int, _ column: Int, extra: Int) throws(ExperimentError) {
    let depth = indents.count + extra + flowDepth
    guard depth > ExperimentText.maximumNesting else { return }
    throw error(
      line, column,
      "the YAML nests deeper than \(ExperimentText.maximumNesting) levels (the limit); "
        + "an experiment file needs a few")
  }
}
