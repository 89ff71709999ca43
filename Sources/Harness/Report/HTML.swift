import Foundation
import Mustache
import Plotting

/// index.html: one page a browser opens from disk. Each experiment's section (written beside
/// its results as `.section.html`, its overview card as `.card.html`) has its verdict, files
/// and provenance, a compact checks table (failed first, passing ones folded), the notes, the
/// short tables, the figures in a numbered grid, the long tables folded and the file's source.
/// `OverviewPage` assembles the page. Rendered with Mustache templates (values escaped by the
/// template engine, or by `PageText` where the template takes HTML); well-formed XHTML.
enum HTMLWriter {
  struct Section {
    struct Table {
      var title: String
      var header: [Cell]
      var rows: [Row]
      var rowCount: Int
    }
    struct Row { var cells: [Cell] }
    struct Cell {
      /// HTML (escaped by `PageText`, formulas as KaTeX spans).
      var html: String
      var numeric: Bool
      /// A short cell (a word, a stencil) does not wrap.
      var short: Bool = false
    }
    struct CheckLine {
      var status: String
      var word: String
      var subject: String
      var detail: String
    }
    struct FigureLink {
      var number: String
      /// Wider than `wideFigure` pixels: the figure takes a whole row of the grid.
      var wide: Bool
      var src: String
      var caption: String
      var links: [Link]
    }
    struct Link {
      var href: String
      var label: String
    }

    var anchor: String
    var name: String
    var title: String
    var kind: String
    var descriptionHTML: String?
    var passed: Bool
    var verdictWord: String
    var verdict: String
    var checksHeading: String
    var notesHeading: String
    var fileHeading: String
    var statusHeading: String
    var subjectHeading: String
    var detailHeading: String
    var passedSummary: String
    var lang: String
    var file: String
    var sourceHref: String
    var files: [Link]
    var provenance: String
    /// The experiment file's lines, each its own `<code>` (the file as written, not prose).
    var sourceLines: [String]
    var shortTables: [Table]
    var longTables: [Table]
    var failedChecks: [CheckLine]
    var passedChecks: [CheckLine]
    var notes: [String]
    var figures: [FigureLink]
    /// Stored, not computed: Mustache sees stored properties only.
    var hasFailed: Bool
    var hasPassed: Bool
    var hasNotes: Bool
    var hasFigures: Bool
  }

  /// A table with more rows than this is folded after the figures.
  static let shortTableRows = 12
  /// A figure wider than this many pixels (several panels; most are 1200) takes a row of the grid to itself.
  static let wideFigure = 1400
  /// A cell of at most this many characters does not wrap.
  static let shortCell = 16

  static let checksTemplate = """
    <table class="checks"><thead><tr><th>{{statusHeading}}</th><th>{{subjectHeading}}</th><th>{{detailHeading}}</th></tr></thead>
    <tbody>{{#.}}<tr class="{{status}}"><td class="status">{{word}}</td><td>{{subject}}</td><td>{{detail}}</td></tr>{{/.}}</tbody></table>
    """

  static let tableTemplate = """
    <div class="table-wrap"><table>
    <thead><tr>{{#header}}<th{{#numeric}} class="num"{{/numeric}}>{{{html}}}</th>{{/header}}</tr></thead>
    <tbody>{{#rows}}
    <tr>{{#cells}}<td class="{{#numeric}}num{{/numeric}}{{#short}} short{{/short}}">{{{html}}}</td>{{/cells}}</tr>{{/rows}}
    </tbody>
    </table></div>
    """

  /// A template parsed once: one that does not parse is an error of every write of index.html.
  static func parsed(string: String) -> Result<MustacheTemplate, any Error> {
    Result { try MustacheTemplate(string: string) }
  }

  static let sectionTemplate = parsed(
    string: """
      <section id="{{anchor}}" class="experiment" lang="{{lang}}" xml:lang="{{lang}}">
      <h2>{{title}}</h2>
      <p class="meta"><span class="kind">{{kind}}</span> <span class="name">{{name}}</span> <span class="verdict {{#passed}}passed{{/passed}}{{^passed}}failed{{/passed}}">{{verdictWord}}</span> <span class="verdict-text">{{verdict}}</span></p>
      {{#descriptionHTML}}<p class="description">{{{descriptionHTML}}}</p>{{/descriptionHTML}}
      <p class="files">{{#files}}<a href="{{href}}">{{label}}</a> {{/files}}</p>
      <p class="provenance">{{provenance}}</p>
      {{#hasFailed}}<h3>{{checksHeading}}</h3>
      <div class="table-wrap">\(checksTemplate.replacingOccurrences(of: "{{#.}}", with: "{{#failedChecks}}").replacingOccurrences(of: "{{/.}}", with: "{{/failedChecks}}"))</div>{{/hasFailed}}
      {{#hasPassed}}<details class="passed-checks"><summary>{{passedSummary}}</summary>
      <div class="table-wrap">\(checksTemplate.replacingOccurrences(of: "{{#.}}", with: "{{#passedChecks}}").replacingOccurrences(of: "{{/.}}", with: "{{/passedChecks}}"))</div></details>{{/hasPassed}}
      {{#hasNotes}}<h3>{{notesHeading}}</h3>
      <ul class="notes">{{/hasNotes}}{{#notes}}
      <li>{{{.}}}</li>{{/notes}}
      {{#hasNotes}}</ul>{{/hasNotes}}
      {{#shortTables}}
      <h3>{{title}}</h3>
      \(tableTemplate)
      {{/shortTables}}
      {{#hasFigures}}<div class="figures">{{/hasFigures}}{{#figures}}
      <figure{{#wide}} class="wide"{{/wide}}>
      <a href="{{src}}"><img src="{{src}}" alt="{{caption}}" loading="lazy" /></a>
      <figcaption><b>{{number}}</b> {{caption}} <span class="formats">{{#links}}<a href="{{href}}">{{label}}</a> {{/links}}</span></figcaption>
      </figure>{{/figures}}
      {{#hasFigures}}</div>{{/hasFigures}}
      {{#longTables}}
      <details class="long-table"><summary>{{title}} ({{rowCount}})</summary>
      \(tableTemplate)
      </details>
      {{/longTables}}
      <details class="source">
      <summary>{{fileHeading}}: {{file}}</summary>
      <pre>{{#sourceLines}}<code>{{.}}</code>
      {{/sourceLines}}</pre>
      </details>
      </section>

      """)

  /// The section of one experiment, with links relative to the output folder.
  static func section(
    _ experiment: Experiment, _ report: Report, notes: [String], formats: [FigureFormat]
  ) throws -> String {
    let prefix = "\(experiment.name)/"
    let shown = shownFormat(formats)
    let verdict = report.verdict
    let language = experiment.language
    let lang = language.rawValue
    let checks = report.checks.map {
      Section.CheckLine(
        status: $0.status.rawValue, word: statusWord($0.status, language), subject: $0.subject.text(language),
        detail: $0.detail.text(language))
    }
    let failed = checks.filter { $0.status != Check.Status.passed.rawValue }
    let passed = checks.filter { $0.status == Check.Status.passed.rawValue }
    let tables = report.tables.enumerated().map { table($1, number: $0 + 1, language) }
    let section = Section(
      anchor: anchor(experiment.name), name: experiment.name, title: experiment.title,
      kind: experiment.kind, descriptionHTML: experiment.description.map(PageText.prose),
      passed: verdict.passed,
      verdictWord: verdict.passed ? language(.passed) : language(.failedShout),
      verdict: verdict.text(language), checksHeading: language(.checksHeading),
      notesHeading: language(.notesHeading), fileHeading: language(.experimentFile),
      statusHeading: PagePhrase.statusColumn.text(lang),
      subjectHeading: PagePhrase.subjectColumn.text(lang),
      detailHeading: PagePhrase.detailColumn.text(lang),
      passedSummary:
        "\(language(.checksHeading)): \(passed.count) \(PagePhrase.passedChecks.text(lang))",
      lang: lang, file: experiment.path, sourceHref: prefix + sourceFileName(experiment),
      files: files(experiment, report, prefix: prefix),
      provenance: provenance(experiment),
      sourceLines: experiment.source.split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init),
      shortTables: tables.filter { $0.rowCount <= shortTableRows },
      longTables: tables.filter { $0.rowCount > shortTableRows },
      failedChecks: failed, passedChecks: passed, notes: notes.map(PageText.html),
      figures: report.figures.enumerated().map { i, f in
        Section.FigureLink(
          number: "\(PagePhrase.figure.text(lang)) \(i + 1).",
          wide: f.figure.map {
            (experiment.figureOptions(for: $0).size?.width ?? $0.width) > wideFigure
          }
            ?? false, src: prefix + f.name + "." + shown,
          caption: f.caption,
          links: formats.map {
            Section.Link(
              href: prefix + f.name + "." + $0.rawValue, label: language(.formatLink(format: $0.rawValue)))
          })
      }, hasFailed: !failed.isEmpty, hasPassed: !passed.isEmpty, hasNotes: !notes.isEmpty,
      hasFigures: !report.figures.isEmpty)
    return try sectionTemplate.get().render(section)
  }

  /// The format the page shows a figure in: SVG when written, else PNG.
  static func shownFormat(_ formats: [FigureFormat]) -> String {
    formats.contains(.svg) ? "svg" : formats.contains(.png) ? "png" : formats[0].rawValue
  }

  /// A report table for the page: numeric columns right-aligned, the `f` column typeset.
  static func table(_ t: Report.Table, number: Int, _ language: Language) -> Section.Table {
    let formulaColumns = Set(t.header.indices.filter { t.header[$0] == language(.tableF) })
    let numeric = t.header.indices.map { column in
      let cells = t.rows.compactMap { column < $0.count ? $0[column] : nil }.filter {
        !$0.isEmpty && $0 != "-"
      }
      return !cells.isEmpty && cells.filter(PageText.isNumeric).count * 2 > cells.count
    }
    let rows = t.rows.map { row in
      Section.Row(
        cells: row.enumerated().map { column, text in
          let isNumeric = column < numeric.count && numeric[column] && PageText.isNumeric(text)
          guard formulaColumns.contains(column), let tex = TeX.of(text: text) else {
            return Section.Cell(
              html: PageText.html(text), numeric: isNumeric, short: text.count <= shortCell)
          }
          return Section.Cell(html: formula(tex, text: text), numeric: false)
        })
    }
    return Section.Table(
      title: t.title ?? "\(PagePhrase.table.text(language.rawValue)) \(number)",
      header: t.header.enumerated().map {
        Section.Cell(html: PageText.html($1), numeric: numeric[$0])
      }, rows: rows, rowCount: t.rows.count)
  }

  /// A formula KaTeX typesets on the page; its text shows until then (or without KaTeX).
  static func formula(_ tex: String, text: String) -> String {
    "<span class=\"math\" data-tex=\"\(PageText.escaped(tex))\">\(PageText.escaped(text))</span>"
  }

  /// The CSV files, summary.json, the experiment file and the lab page.
  static func files(_ experiment: Experiment, _ report: Report, prefix: String) -> [Section.Link] {
    let lang = experiment.language.rawValue
    var links = report.data.map { Section.Link(href: prefix + $0.name, label: $0.name) }
    links.append(Section.Link(href: prefix + "summary.json", label: "summary.json"))
    links.append(
      Section.Link(href: prefix + sourceFileName(experiment), label: sourceFileName(experiment)))
    if experiment.spec(of: Convergence.self) != nil {
      links.append(
        Section.Link(href: prefix + Lab.fileName, label: PagePhrase.labLink.text(lang) + " →"))
    }
    return links
  }

  /// "version 0.1.0 · commit abc1234 · 2026-12-05 18:20 UTC · experiment run ... · figure
  /// size 800×600 · language en".
  static func provenance(_ experiment: Experiment) -> String {
    let lang = experiment.language.rawValue
    let w = { (p: PagePhrase) in p.text(lang) }
    let figure = experiment.figure
    let size =
      switch (figure.width, figure.height) {
      case (let width?, let height?): "\(width)×\(height)"
      case (let width?, nil): "\(width)×…"
      case (nil, let height?): "…×\(height)"
      case (nil, nil): w(.ownSize)
      }
    var parts = ["\(w(.version)) \(Provenance.version)"]
    if let commit = Provenance.commit { parts.append("\(w(.commit)) \(commit)") }
    parts += [
      "\(w(.date)) \(Provenance.date())", "\(w(.command)) \(Provenance.command)",
      "\(w(.figureSize)) \(size)" + (figure.fontScale == 1 ? "" : ", ×\(figure.fontScale)"),
      "\(w(.languageLabel)) \(lang)",
    ]
    return parts.joined(separator: " · ")
  }

  static func anchor(_ name: String) -> String {
    "experiment-" + String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
  }
}
