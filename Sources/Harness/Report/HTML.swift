import Foundation
import Mustache
import Plotting

/// index.html: one page a browser opens from disk, with every experiment's verdict, checks,
/// tables, notes, figures and file source. Rendered with Mustache templates (values escaped
/// by the template engine); the output is well-formed XHTML.
enum HTMLWriter {
  struct Section {
    struct Table {
      var title: String?
      var header: [String]
      var rows: [Row]
    }
    struct Row { var cells: [String] }
    struct CheckLine {
      var status: String
      var word: String
      var subject: String
      var detail: String
    }
    struct FigureLink {
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
    var description: String?
    var passed: Bool
    var verdictWord: String
    var verdict: String
    var checksHeading: String
    var notesHeading: String
    var fileHeading: String
    var lang: String
    var file: String
    var sourceHref: String
    /// The experiment file's lines, each its own `<code>` (the file as written, not prose).
    var sourceLines: [String]
    var tables: [Table]
    var checks: [CheckLine]
    var notes: [String]
    var figures: [FigureLink]
    /// Stored, not computed: Mustache sees stored properties only.
    var hasChecks: Bool
    var hasNotes: Bool
  }

  /// A template parsed once: one that does not parse is an error of every write of index.html.
  static func parsed(string: String) -> Result<MustacheTemplate, any Error> {
    Result { try MustacheTemplate(string: string) }
  }

  static let sectionTemplate = parsed(
    string: """
      <section id="{{anchor}}" class="experiment" lang="{{lang}}" xml:lang="{{lang}}">
      <h2>{{title}} <small>({{name}}, {{kind}})</small></h2>
      <p class="verdict {{#passed}}passed{{/passed}}{{^passed}}failed{{/passed}}">{{verdictWord}}: {{verdict}}</p>
      {{#description}}<p class="description">{{description}}</p>{{/description}}
      {{#hasChecks}}<h3>{{checksHeading}}</h3>
      <ul class="checks">{{/hasChecks}}{{#checks}}
      <li class="{{status}}"><strong>{{word}}</strong> {{subject}}: {{detail}}</li>{{/checks}}
      {{#hasChecks}}</ul>{{/hasChecks}}
      {{#tables}}
      {{#title}}<h3>{{title}}</h3>{{/title}}
      <table>
      <thead><tr>{{#header}}<th>{{.}}</th>{{/header}}</tr></thead>
      <tbody>{{#rows}}
      <tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}
      </tbody>
      </table>
      {{/tables}}
      {{#hasNotes}}<h3>{{notesHeading}}</h3>
      <ul class="notes">{{/hasNotes}}{{#notes}}
      <li>{{.}}</li>{{/notes}}
      {{#hasNotes}}</ul>{{/hasNotes}}
      {{#figures}}
      <figure>
      <img src="{{src}}" alt="{{caption}}" />
      <figcaption>{{caption}} ({{#links}}<a href="{{href}}">{{label}}</a> {{/links}})</figcaption>
      </figure>
      {{/figures}}
      <details>
      <summary>{{fileHeading}}: <a href="{{sourceHref}}">{{file}}</a></summary>
      <pre>{{#sourceLines}}<code>{{.}}</code>
      {{/sourceLines}}</pre>
      </details>
      </section>

      """)

  struct Page {
    struct Entry {
      var anchor: String
      var title: String
      var passed: Bool
      var word: String
    }
    var entries: [Entry]
    var sections: String
    var lang: String
    var heading: String
    var intro: String
  }

  static let pageTemplate = parsed(
    string: """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="{{lang}}" xml:lang="{{lang}}">
      <head>
      <meta charset="utf-8" />
      <title>{{heading}}</title>
      <style>
      body { font-family: sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em; }
      table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
      th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
      img { max-width: 100%; }
      .passed { color: #1a7f37; } .failed { color: #cf222e; } .not-checked { color: #9a6700; }
      pre { background: #f6f8fa; padding: 1em; overflow-x: auto; }
      section.experiment { border-top: 2px solid #ddd; margin-top: 2em; }
      </style>
      </head>
      <body>
      <h1>{{heading}}</h1>
      <p>{{{intro}}}</p>
      <ul>{{#entries}}
      <li><a href="#{{anchor}}">{{title}}</a> <span class="{{#passed}}passed{{/passed}}{{^passed}}failed{{/passed}}">{{word}}</span></li>{{/entries}}
      </ul>
      {{{sections}}}
      </body>
      </html>

      """)

  /// The section of one experiment, with links relative to the output folder.
  static func section(
    _ experiment: Experiment, _ report: Report, notes: [String], formats: [FigureFormat]
  ) throws -> String {
    let prefix = "\(experiment.name)/"
    let shown =
      formats.contains(.svg) ? "svg" : formats.contains(.png) ? "png" : formats[0].rawValue
    let verdict = report.verdict
    let language = experiment.language
    let section = Section(
      anchor: anchor(experiment.name), name: experiment.name, title: experiment.title,
      kind: experiment.kind, description: experiment.description, passed: verdict.passed,
      verdictWord: verdict.passed ? language(.passed) : language(.failedShout),
      verdict: verdict.text(language), checksHeading: language(.checksHeading),
      notesHeading: language(.notesHeading), fileHeading: language(.experimentFile),
      lang: language.rawValue, file: experiment.path,
      sourceHref: prefix + sourceFileName(experiment),
      sourceLines: experiment.source.split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init),
      tables: report.tables.map {
        Section.Table(title: $0.title, header: $0.header, rows: $0.rows.map(Section.Row.init))
      },
      checks: report.checks.map {
        Section.CheckLine(
          status: $0.status.rawValue, word: statusWord($0.status, language),
          subject: $0.subject.text(language),
          detail: $0.detail.text(language))
      },
      notes: notes,
      figures: report.figures.map { f in
        Section.FigureLink(
          src: prefix + f.name + "." + shown, caption: f.caption,
          links: formats.map {
            Section.Link(
              href: prefix + f.name + "." + $0.rawValue,
              label: language(.formatLink(format: $0.rawValue)))
          })
      }, hasChecks: !report.checks.isEmpty, hasNotes: !notes.isEmpty)
    return try sectionTemplate.get().render(section)
  }

  /// The whole page from the sections of every experiment folder, in name order.
  static func page(
    _ sections: [(name: String, title: String, passed: Bool, html: String)], language: Language
  ) throws -> String {
    try pageTemplate.get().render(
      Page(
        entries: sections.map {
          Page.Entry(
            anchor: anchor($0.name), title: $0.title, passed: $0.passed,
            word: language($0.passed ? .passed : .failed))
        },
        sections: sections.map(\.html).joined(), lang: language.rawValue,
        heading: language(.resultsHeading), intro: language(.indexIntro)))
  }

  static func anchor(_ name: String) -> String {
    "experiment-" + String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
  }
}
