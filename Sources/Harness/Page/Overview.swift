import Foundation
import Mustache
import Plotting

/// index.html around the experiments' sections: a header with the run's provenance, the
/// navigation grouped by kind and language, an overview of cards (title, kind, verdict, a
/// thumbnail of the first figure) and KaTeX copied beside the page from Debian's libjs-katex.
enum OverviewPage {
  /// One experiment folder as the index sees it.
  struct Entry {
    var name: String
    var title: String
    var kind: String
    var language: String
    var passed: Bool
    var section: String
    var card: String
  }

  struct Page {
    struct Group {
      var kind: String
      var languages: [LanguageGroup]
    }
    struct LanguageGroup {
      var label: String
      var entries: [Link]
    }
    struct Link {
      var anchor: String
      var title: String
      var state: String
      var word: String
    }
    var lang: String
    var heading: String
    var intro: String
    var summary: String
    var provenance: String
    var overview: String
    var contents: String
    var groups: [Group]
    var cards: String
    var sections: String
    var katex: Bool
    var style: String
  }

  /// Where Debian's libjs-katex keeps KaTeX (its fonts are a link into fonts-katex).
  static let katexSource = URL(fileURLWithPath: "/usr/share/javascript/katex", isDirectory: true)

  /// The whole page; `katex` says whether KaTeX was copied beside it.
  static func page(_ entries: [Entry], language: Language, katex: Bool) throws -> String {
    let lang = language.rawValue
    let ordered = entries.sorted { order($0) < order($1) }
    var groups: [Page.Group] = []
    for kind in Kinds.names + Set(entries.map(\.kind)).subtracting(Kinds.names).sorted() {
      let ofKind = ordered.filter { $0.kind == kind }
      guard !ofKind.isEmpty else { continue }
      let languages =
        ["en", "ko"] + Set(ofKind.map(\.language)).subtracting(["en", "ko"]).sorted()
      groups.append(
        Page.Group(
          kind: kind,
          languages: languages.compactMap { code in
            let inLanguage = ofKind.filter { $0.language == code }
            guard !inLanguage.isEmpty else { return nil }
            return Page.LanguageGroup(
              label: languageName(code, in: lang),
              entries: inLanguage.map {
                Page.Link(
                  anchor: HTMLWriter.anchor($0.name), title: $0.title,
                  state: $0.passed ? "passed" : "failed",
                  word: language($0.passed ? .passed : .failed))
              })
          }))
    }
    let passed = entries.filter(\.passed).count
    return try OverviewTemplate.page.get().render(
      Page(
        lang: lang, heading: language(.resultsHeading), intro: language(.indexIntro),
        summary: "\(passed) / \(entries.count) \(PagePhrase.passedCount.text(lang))",
        provenance: provenance(lang), overview: PagePhrase.overview.text(lang),
        contents: PagePhrase.contents.text(lang), groups: groups,
        cards: ordered.map(\.card).joined(separator: "\n"),
        sections: ordered.map(\.section).joined(), katex: katex, style: OverviewTemplate.style))
  }

  /// Kinds in their registry's order, English before Korean, then by name.
  static func order(_ e: Entry) -> String {
    let kind = Kinds.names.firstIndex(of: e.kind) ?? Kinds.names.count
    return String(format: "%02d", kind) + (e.language == "en" ? "0" : "1") + e.name
  }

  static func languageName(_ code: String, in lang: String) -> String {
    switch code {
    case "en": return PagePhrase.englishLanguage.text(lang)
    case "ko": return PagePhrase.koreanLanguage.text(lang)
    default: return code
    }
  }

  static func provenance(_ lang: String) -> String {
    let w = { (p: PagePhrase) in p.text(lang) }
    var parts = ["experiment \(w(.version)) \(Provenance.version)"]
    if let commit = Provenance.commit { parts.append("\(w(.commit)) \(commit)") }
    parts.append("\(w(.date)) \(Provenance.date())")
    return parts.joined(separator: " · ")
  }

  /// The file beside an experiment's figures that holds its first figure at card size (written
  /// with the PNGs).
  static let thumbnailName = ".thumbnail.png"

  /// The overview card of one experiment: its first figure as the thumbnail (the card-size
  /// PNG when PNGs were written, else the figure itself).
  static func card(_ experiment: Experiment, _ report: Report, formats: [FigureFormat]) -> String {
    let lang = experiment.language.rawValue
    let thumb = report.figures.first.map {
      let file =
        formats.contains(.png) ? thumbnailName : $0.name + "." + HTMLWriter.shownFormat(formats)
      return "<img src=\"\(PageText.escaped(experiment.name + "/" + file))\" alt=\"\" "
        + "loading=\"lazy\" />"
    }
    let passed = report.verdict.passed
    let word = experiment.language(passed ? .passed : .failedShout)
    return """
      <a class="card \(passed ? "passed" : "failed")" href="#\(HTMLWriter.anchor(experiment.name))" \
      lang="\(lang)" xml:lang="\(lang)"><span class="thumb">\(thumb ?? PagePhrase.noFigure.text(lang))</span>\
      <span class="card-title">\(PageText.escaped(experiment.title))</span><span class="card-meta">\
      <span class="kind">\(PageText.escaped(experiment.kind))</span> \
      <span class="verdict \(passed ? "passed" : "failed")">\(PageText.escaped(word))</span></span></a>
      """
  }

  /// Copies KaTeX (script, style and its WOFF2 fonts) into `root/katex/` unless it is there;
  /// false when Debian's libjs-katex is not installed (the formulas then stay as text).
  static func copyKaTeX(to root: URL) -> Bool {
    let fm = FileManager.default
    let target = root.appendingPathComponent("katex", isDirectory: true)
    let fonts = katexSource.appendingPathComponent("fonts", isDirectory: true)
      .resolvingSymlinksInPath()
    let files: [(URL, URL)] =
      [("katex.min.js", "katex.min.js"), ("katex.min.css", "katex.min.css")].map {
        (katexSource.appendingPathComponent($0.0), target.appendingPathComponent($0.1))
      }
      + ((try? fm.contentsOfDirectory(atPath: fonts.path)) ?? []).filter { $0.hasSuffix(".woff2") }
      .map {
        (fonts.appendingPathComponent($0), target.appendingPathComponent("fonts/" + $0))
      }
    guard files.count > 2, fm.fileExists(atPath: files[0].0.path) else { return false }
    do {
      try fm.createDirectory(
        at: target.appendingPathComponent("fonts"), withIntermediateDirectories: true)
      for (source, destination) in files where !fm.fileExists(atPath: destination.path) {
        let data = try Data(contentsOf: source.resolvingSymlinksInPath())
        try data.write(to: destination, options: .atomic)
      }
      return true
    } catch {
      return false
    }
  }
}
