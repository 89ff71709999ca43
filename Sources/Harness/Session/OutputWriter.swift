import Diagrams
import Foundation
import Plotting

#if canImport(Glibc)
  import Glibc
#endif

/// Writes results so that a reader never sees half of one, and nothing for a failed run.
///
/// Every file of an experiment is written into a hidden staging folder inside the output
/// folder; only when all of them (figures included) are complete does that folder replace
/// `<output>/<name>/` by rename, and index.md and index.html are rebuilt (each written to a
/// temporary file and renamed). The swap and the index run under a lock file, so two runs
/// into one output folder never interleave there. An interrupted or failed run leaves the
/// previous results in place and no staging folder behind.
enum OutputWriter {
  /// Writes the report of `experiment` under `root/<name>/`, rendering figures in `formats`.
  ///
  /// - Returns: the render notes (points a log axis cannot show).
  /// - Throws: `ExperimentError` when the folder cannot be written, `CancellationError` when
  ///   interrupted; nothing is left behind either way.
  @discardableResult
  static func write(
    _ report: Report, of experiment: Experiment, to root: URL, formats: [FigureFormat],
    cancellation: Cancellation
  ) throws -> [any Phrase] {
    let fm = FileManager.default
    try makeDirectory(root)
    let staging = root.appendingPathComponent(
      ".staging-\(experiment.name)-\(UUID().uuidString)", isDirectory: true)
    Staging.shared.register(staging)
    defer {
      try? fm.removeItem(at: staging)
      Staging.shared.unregister(staging)
    }
    do {
      StagingOwner.removeDeadStaging(in: root)
      try fm.createDirectory(at: staging, withIntermediateDirectories: false)
      try Data(StagingOwner.current.text.utf8).write(
        to: staging.appendingPathComponent(StagingOwner.fileName))
      let notes = try stage(report, of: experiment, in: staging, formats: formats, cancellation)
      if cancellation.isCancelled { throw CancellationError() }
      try Staging.shared.commit(root: root) {
        unlink(staging.appendingPathComponent(StagingOwner.fileName).path)
        try swap(staging, into: root.appendingPathComponent(experiment.name, isDirectory: true))
        try writeIndex(root: root)
      }
      return notes
    } catch let error as ExperimentError {
      throw error
    } catch let error as CancellationError {
      throw error
    } catch {
      throw ExperimentError(
        file: root.appendingPathComponent(experiment.name).path,
        "cannot write the results: \(describe(error))")
    }
  }

  /// Writes every file of the report into `folder`.
  private static func stage(
    _ report: Report, of experiment: Experiment, in folder: URL, formats: [FigureFormat],
    _ cancellation: Cancellation
  ) throws -> [any Phrase] {
    var notes: [any Phrase] = []
    for file in report.data {
      try Data(file.table.serialized().utf8).write(to: folder.appendingPathComponent(file.name))
    }
    for entry in report.figures {
      if cancellation.isCancelled { throw CancellationError() }
      switch entry.content {
      case .plot(let plot):
        // The one place every figure gets the experiment's title, size, font scale and
        // language; the kinds' builders never set them.
        var options = experiment.figureOptions(for: plot)
        if !entry.underExperimentTitle { options.title = nil }
        let figure = plot.applying(options)
        let rendered = try Renderer.render(
          figure, to: folder.appendingPathComponent(entry.name), formats: formats)
        let dropped = rendered.droppedPoints.values.reduce(0, +)
        if dropped > 0 {
          notes.append(
            ReportPhrase.pointsNotDrawn(figure: entry.name, caption: entry.caption, count: dropped))
        }
      case .diagram(var diagram):
        diagram.title = experiment.title + (diagram.title.map { ": " + $0 } ?? "")
        diagram.canvas = canvas(experiment.figure)
        diagram.fontScale = experiment.figure.fontScale
        try writeDiagram(diagram, name: entry.name, in: folder, formats: formats)
      }
    }
    let allNotes = (report.notes + notes).map { $0.text(experiment.language) }
    if let first = report.figures.first, formats.contains(.png) {
      try Thumbnail.write(
        png: folder.appendingPathComponent(first.name + ".png"),
        to: folder.appendingPathComponent(OverviewPage.thumbnailName))
    }
    try Lab.write(experiment, into: folder)
    try Data(experiment.source.utf8).write(
      to: folder.appendingPathComponent(sourceFileName(experiment)))
    try SummaryDocument(experiment: experiment, report: report, extraNotes: notes)
      .serialized()
      .write(to: folder.appendingPathComponent("summary.json"))
    try Data(
      MarkdownWriter.section(experiment, report, notes: allNotes, formats: formats, prefix: "./")
        .utf8
    ).write(to: folder.appendingPathComponent("summary.md"))
    try Data(
      MarkdownWriter.section(
        experiment, report, notes: allNotes, formats: formats, prefix: "./\(experiment.name)/"
      ).utf8
    ).write(to: folder.appendingPathComponent(".section.md"))
    try Data(HTMLWriter.section(experiment, report, notes: allNotes, formats: formats).utf8)
      .write(to: folder.appendingPathComponent(".section.html"))
    try Data(OverviewPage.card(experiment, report, formats: formats).utf8)
      .write(to: folder.appendingPathComponent(".card.html"))
    return notes
  }

  /// The box a diagram is fitted into (see `Diagram.Canvas`): `figure`'s width and height; a
  /// side not given leaves that side free (the other one decides), neither keeps the natural
  /// size.
  static func canvas(_ figure: FigureSettings) -> Diagram.Canvas? {
    guard figure.width != nil || figure.height != nil else { return nil }
    return Diagram.Canvas(width: figure.width, height: figure.height)
  }

  /// Lays out and renders a Graphviz diagram in every format; Graphviz's message becomes the
  /// experiment's error (the staging folder is then removed, as for any failure).
  private static func writeDiagram(
    _ diagram: Diagram, name: String, in folder: URL, formats: [FigureFormat]
  ) throws {
    let diagramFormats = formats.compactMap { DiagramFormat(rawValue: $0.rawValue) }
    do {
      _ = try DiagramRenderer.write(diagram, into: folder, name: name, formats: diagramFormats)
    } catch {
      throw ExperimentError("Graphviz could not draw \(name): \(error.message)")
    }
  }

  /// Replaces `final` with `staging` by rename, the old folder moved aside first.
  private static func swap(_ staging: URL, into final: URL) throws {
    let fm = FileManager.default
    var old: URL?
    if fm.fileExists(atPath: final.path) {
      let aside = final.deletingLastPathComponent().appendingPathComponent(
        ".old-\(final.lastPathComponent)-\(UUID().uuidString)", isDirectory: true)
      try fm.moveItem(at: final, to: aside)
      old = aside
    }
    try fm.moveItem(at: staging, to: final)
    if let old { try? fm.removeItem(at: old) }
  }

  /// Creates `url` (and its parents) or says why it cannot be written.
  static func makeDirectory(_ url: URL) throws {
    try checkWritable(url)
    guard !FileManager.default.fileExists(atPath: url.path) else { return }
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw ExperimentError(
        file: url.path, "cannot create the output directory: \(describe(error))")
    }
  }

  /// The folders from `url` up that do not exist yet, deepest first: what a run that writes
  /// nothing must remove again.
  static func missingFolders(_ url: URL) -> [URL] {
    var missing: [URL] = []
    var folder = url.standardizedFileURL
    while folder.path != "/", !FileManager.default.fileExists(atPath: folder.path) {
      missing.append(folder)
      folder = folder.deletingLastPathComponent()
    }
    return missing
  }

  /// Removes `folders` (deepest first) while each is empty or holds only the lock file, so a
  /// failed run leaves no empty output folder; `rmdir` never removes a folder another run
  /// has written into meanwhile.
  static func removeIfEmpty(_ folders: [URL]) {
    for folder in folders {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      if entries == [".lock"] { unlink(folder.appendingPathComponent(".lock").path) }
      guard rmdir(folder.path) == 0 || errno == ENOENT else { return }
    }
  }

  /// Whether `url` can be the output folder, without creating anything: an existing writable
  /// directory, or a path whose nearest existing ancestor is a writable directory.
  static func checkWritable(_ url: URL) throws {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw ExperimentError(file: url.path, "the output path exists and is not a directory")
      }
      guard fm.isWritableFile(atPath: url.path) else {
        throw ExperimentError(file: url.path, "the output directory is not writable")
      }
      return
    }
    var ancestor = url.standardizedFileURL.deletingLastPathComponent()
    while !fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
      ancestor = ancestor.deletingLastPathComponent()
    }
    guard isDirectory.boolValue else {
      throw ExperimentError(
        file: url.path,
        "cannot create the output directory: \(ancestor.path) is a file, not a directory")
    }
    guard fm.isWritableFile(atPath: ancestor.path) else {
      throw ExperimentError(
        file: url.path, "cannot create the output directory: \(ancestor.path) is not writable")
    }
  }

  /// Rebuilds `root/index.md` and `root/index.html` from every experiment folder's sections,
  /// in name order; each written to a temporary file, then renamed.
  static func writeIndex(root: URL) throws {
    let fm = FileManager.default
    let names = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? [])
      .filter {
        !$0.hasPrefix(".")
          && fm.fileExists(atPath: root.appendingPathComponent("\($0)/.section.md").path)
      }
      .sorted()
    // The index speaks the language most of its experiments speak.
    let language = indexLanguage(root: root, names: names)
    var markdown = "# \(language(.resultsHeading))\n\n\(language(.resultsIntro))\n\n"
    var entries: [OverviewPage.Entry] = []
    for name in names {
      let folder = root.appendingPathComponent(name, isDirectory: true)
      guard
        let html = try? String(
          contentsOf: folder.appendingPathComponent(".section.html"), encoding: .utf8),
        let data = try? Data(contentsOf: folder.appendingPathComponent("summary.json")),
        let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { continue }
      let passed = summary["passed"] as? Bool ?? false
      let title = summary["title"] as? String ?? name
      markdown +=
        "- [\(MarkdownWriter.escaped(name))](#\(markdownAnchor(name))): "
        + (passed ? language(.passed) : "**\(language(.failed))**") + "\n"
      let card = try? String(contentsOf: folder.appendingPathComponent(".card.html"), encoding: .utf8)
      entries.append(
        OverviewPage.Entry(
          name: name, title: title, kind: summary["kind"] as? String ?? "",
          language: summary["language"] as? String ?? "en", passed: passed, section: html,
          card: card ?? ""))
    }
    for name in names {
      let file = root.appendingPathComponent("\(name)/.section.md")
      if let md = try? String(contentsOf: file, encoding: .utf8) { markdown += "\n" + md }
    }
    try atomicWrite(markdown, to: root.appendingPathComponent("index.md"))
    let katex = OverviewPage.copyKaTeX(to: root)
    try atomicWrite(
      OverviewPage.page(entries, language: language, katex: katex),
      to: root.appendingPathComponent("index.html"))
  }

  /// The language of most experiments in `root` (English on a tie), from their summary.json.
  static func indexLanguage(root: URL, names: [String]) -> Language {
    var korean = 0
    for name in names {
      let url = root.appendingPathComponent("\(name)/summary.json")
      guard let data = try? Data(contentsOf: url),
        let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { continue }
      korean += summary["language"] as? String == Language.ko.rawValue ? 1 : -1
    }
    return korean > 0 ? .ko : .en
  }

  /// GitHub's anchor for a `## name` heading.
  static func markdownAnchor(_ name: String) -> String {
    String(
      name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == " " }
        .map { $0 == " " ? "-" : $0 })
  }

  static func atomicWrite(_ text: String, to url: URL) throws {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
    do {
      try Data(text.utf8).write(to: temporary)
      if rename(temporary.path, url.path) != 0 {
        throw ExperimentError(file: url.path, "cannot write: \(String(cString: strerror(errno)))")
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}

/// The staging folders in flight, and the lock that a commit and an interrupt share: an
/// interrupt waits for a commit in progress, then removes what is staged.
final class Staging: @unchecked Sendable {
  static let shared = Staging()
  private let lock = NSLock()
  private var folders: Set<URL> = []
  private var stopped = false
  /// The output folders this run would create, removed again by `abandon` when empty.
  private var created: [URL] = []

  /// Notes the folders a run will create (`OutputWriter.missingFolders`).
  func willCreate(_ folders: [URL]) {
    lock.lock()
    created = folders
    lock.unlock()
  }

  func register(_ url: URL) {
    lock.lock()
    folders.insert(url)
    lock.unlock()
  }

  func unregister(_ url: URL) {
    lock.lock()
    folders.remove(url)
    lock.unlock()
  }

  /// Runs `body` holding the in-process lock and the output folder's lock file.
  func commit(root: URL, _ body: () throws -> Void) throws {
    lock.lock()
    defer { lock.unlock() }
    if stopped { throw CancellationError() }
    let lockPath = root.appendingPathComponent(".lock").path
    let fd = open(lockPath, O_CREAT | O_RDWR, 0o644)
    guard fd >= 0 else {
      throw ExperimentError(
        file: lockPath, "cannot open the lock file: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    flock(fd, LOCK_EX)
    defer { flock(fd, LOCK_UN) }
    try body()
  }

  /// Removes every staged folder; no commit starts after this. Returns what was removed.
  @discardableResult
  func abandon() -> Int {
    lock.lock()
    defer { lock.unlock() }
    stopped = true
    for folder in folders { try? FileManager.default.removeItem(at: folder) }
    let count = folders.count
    folders.removeAll()
    OutputWriter.removeIfEmpty(created)
    return count
  }
}
