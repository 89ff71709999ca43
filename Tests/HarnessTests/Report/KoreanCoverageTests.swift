import Foundation
import Testing

@testable import Harness

/// Held-out Korean files, one per kind, run through the session as a user runs them: every text
/// the tool writes for people (terminal, summary.md, index.md, index.html, the text of every SVG
/// figure) is Korean, apart from what the file itself wrote (formulas, names, titles) and the
/// words of mathematics and file formats.
///
/// A word is a run of ASCII letters. One of two letters or more that is neither in the file's
/// quoted strings nor in `Self.vocabulary` is English the tool forgot to translate.
@Suite(.serialized) struct KoreanCoverageTests {
  /// Words that are not English prose: functions and operations, file formats and the kinds'
  /// keywords (the terminal names the kind as the file does).
  static let vocabulary: Set<String> = Set(Kinds.names).union([
    "sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "sigmoid", "relu", "atan", "asin", "acos",
    "sinh", "cosh", "abs", "max", "min", "softmax", "affine", "NaN", "nan", "inf", "mnist",
    "MNIST", "csv", "CSV", "json", "yaml", "png", "svg", "pdf", "html", "summary", "index",
    "digits", "experiment", "ms", "k", "he", "Python", "python",
    // Euler's number: a figure writes exp(x) as e^{x}, which reads "ex" once the markup is gone.
    "e",
  ])

  /// Files beside a held-out file: the Python functions its programs name.
  static let companions: [String: [String: String]] = [
    "convergence-programs": [
      "model.py": """
      import numpy as np

      def f(x):
          return x * np.cos(x)

      def df(x):
          return np.cos(x) + x * np.sin(x)   # a sign slip
      """
    ]
  ]

  static let files: [String: String] = [
    "convergence": """
    kind: convergence
    name: "ko-convergence"
    title: "수렴 차수 확인"
    language: ko
    figure: {width: 1200, height: 760, font_scale: 1.2}
    cases:
      - {f: "sqrt(x)", at: 0.001}
      - {f: "x^2 + 2*x + 1", at: 2}
      - {f: "exp(x)*sin(x)", at: 0.5}
    schemes: [forward, backward, central, central4, richardson, complex-step, {name: "제멋대로", offsets: [-1, 0, 2]}]
    h: {min: 1e-10, max: 1e-1, per_decade: 2}
    precision: [single, double]
    expect: {forward: 1, central: 2, central4: 3}
    """,
    "convergence-q2": """
    kind: convergence
    name: "ko-second-derivative"
    title: "이계 미분"
    language: ko
    cases:
      - {f: "exp(x)*sin(x)", at: 0.5, derivative: 2}
      - {f: "x^3", at: 1, derivative: 3}
    schemes: [forward, central, central4]
    h: {min: 1e-6, max: 1e-1, per_decade: 3}
    precision: [double, extended]
    expect: {forward: 1, central: 2, central4: 4}
    """,
    "partials": """
    kind: partials
    name: "ko-partials"
    title: "편미분의 기하학적 의미"
    language: ko
    figure: {width: 1200, height: 760, font_scale: 1.2}
    f: "x^2 + 2*y^2"
    at: [{x: 2, y: -1}]
    schemes: [forward, central]
    h: {min: 1e-8, max: 1e-1, per_decade: 2}
    expect: {forward: 1, central: 2, hessian: auto}
    hessian: true
    slice: y
    """,
    "descent": """
    kind: descent
    name: "ko-descent"
    title: "경사하강법"
    language: ko
    figure: {width: 1200, height: 760, font_scale: 1.2}
    f: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
    start: {x: 0, y: 0}
    learning_rates: [0.001, 0.01, 0.05]
    steps: 60
    gradient: [analytic, central, forward]
    update: [standard, multiplicative]
    h: 1e-4
    expect: {converges: [0.01], path_agreement: 1e-3}
    """,
    "gradcheck": """
    kind: gradcheck
    name: "ko-gradcheck"
    title: "기울기 확인"
    language: ko
    figure: {width: 1200, height: 760, font_scale: 1.2}
    network: {layers: [784, 6, 10], activation: relu, init: he, seed: 9}
    data: {source: {csv: "DATA"}, batch: 20}
    h: 1e-4
    method: both
    sweep: {min: 1e-9, max: 1e-1, per_decade: 2}
    expect: {max_relative_error: 1e-6, central: 2, forward: 1}
    """,
    "training": """
    kind: training
    name: "ko-training"
    title: "신경망 학습"
    language: ko
    figure: {width: 1200, height: 760, font_scale: 1.2}
    network: {layers: [784, 8, 10], seed: 4}
    data: {source: {csv: "DATA"}, train: 50, test: 10}
    optimizer: {learning_rate: 0.1, batch: 10, epochs: 2, max_steps: 6}
    gradient: numerical
    h: 1e-4
    compare: true
    expect: {loss_decreases: true}
    """,
    "accuracy": """
    kind: accuracy
    name: "ko-accuracy"
    title: "정확도 비교"
    language: ko
    figure: {width: 1200, height: 760, font_scale: 1.2}
    cases:
      - {f: "exp(x)", at: [0, 1]}
      - {f: "x^3 - 3*x", at: [1]}
    methods: [forward, central, central4, complex-step, adaptive]
    precision: [double]
    """,
    "graph": """
    kind: graph
    name: "ko-graph"
    title: "연쇄 법칙"
    language: ko
    figure: {width: 1200, height: 760, font_scale: 1.2}
    f: "exp(4*x^2)"
    at: {x: 0.3}
    expect: {symbolic: 1e-12, central: 1e-8}
    """,
    "convergence-programs": """
    kind: convergence
    name: "ko-programs"
    title: "검사 대상 코드"
    language: ko
    cases:
      - f: {python: "model.py:f"}
        df: {python: "model.py:df"}
        at: 1.7
      - f: {python: "model.py:f"}
        at: 0.7
    schemes: [forward, central]
    expect: {forward: auto, central: auto}
    """,
    "backprop": """
    kind: backprop
    name: "ko-backprop"
    title: "오차역전파 검사"
    language: ko
    model:
      python: "PROGRAMS/two_layer_net_factor_two.py:TwoLayerNet"
      arguments: {"input_size": 64, "hidden_size": 16, "output_size": 10, "weight_decay": 0.1}
      seed: 3
    data: {batch: 50, seed: 2}
    precision: [double, single]
    parameters: 4
    expect: {wrong: [b2]}
    """,
    "network-graph": """
    kind: graph
    name: "ko-network-graph"
    title: "신경망의 계산 그래프"
    language: ko
    network: {layers: [784, 6, 10], activation: relu, init: he, seed: 9}
    data: {source: {csv: "DATA"}, batch: 20}
    expect: {backprop: 1e-12}
    """,
  ]

  @Test(arguments: files.keys.sorted())
  func everyTextIsKorean(_ kind: String) async throws {
    let data = try csvData(rows: 70)
    defer { try? FileManager.default.removeItem(atPath: data) }
    let yaml = try #require(Self.files[kind]).replacingOccurrences(of: "DATA", with: data)
      .replacingOccurrences(of: "PROGRAMS", with: BackpropTests.programs.path)
    let (root, output, catalog) = try workspace(
      ["held-out.yaml": yaml].merging(Self.companions[kind] ?? [:]) { a, _ in a })
    defer { try? FileManager.default.removeItem(at: root) }
    let captured = Captured()
    let session = Session(
      options: RunOptions(outputRoot: output, formats: [.png, .svg]), catalog: catalog,
      out: { captured.append($0) }, err: { captured.append($0) })
    _ = await session.run(["held-out"], all: false)
    let folder = try #require(
      try FileManager.default.contentsOfDirectory(at: output, includingPropertiesForKeys: nil)
        .first {
          $0.hasDirectoryPath
            && FileManager.default.fileExists(atPath: $0.appendingPathComponent("summary.md").path)
        })
    var texts = ["terminal": captured.text.replacingOccurrences(of: output.path, with: "")]
    for name in ["index.md", "index.html"] {
      texts[name] = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
    }
    texts["summary.md"] = try String(
      contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
    let svgs = try FileManager.default.contentsOfDirectory(
      at: folder, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "svg" }
    #expect(!svgs.isEmpty)
    for svg in svgs {
      let text = try svgTexts(svg).joined(separator: "\n")
      #expect(text.contains { $0.isHangul }, "\(svg.lastPathComponent) has no Hangul")
      texts[svg.lastPathComponent] = text
    }
    let allowed = Self.vocabulary.union(Self.quotedWords(yaml))
    for (place, text) in texts.sorted(by: { $0.key < $1.key }) {
      let english = Self.untranslated(text, allowed: allowed)
      #expect(english.isEmpty, "\(kind), \(place): \(english.prefix(40).joined(separator: " | "))")
    }
  }

  /// Every word of two letters or more outside `allowed`, with the line it stands in.
  static func untranslated(_ text: String, allowed: Set<String>) -> [String] {
    var found: [String] = []
    // Style and script are code; provenance is the run's facts (version, commit, UTC date,
    // command line).
    let page = decodeEntities(
      text.replacing(/<style>[\s\S]*?<\/style>/, with: "")
        .replacing(/<script>[\s\S]*?<\/script>/, with: "")
        .replacing(/<p class="provenance">[^\n]*<\/p>/, with: ""))
    for line in page.split(separator: "\n") {
      // Markup (HTML tags, markdown links' targets, code spans), paths and file names are not
      // prose.
      let prose = line.replacing(/<code>[^<]*<\/code>/, with: " ").replacing(/<[^>]*>/, with: " ")
        .replacing(/\]\([^)]*\)/, with: "]")
        .replacing(/`[^`]*`/, with: " ").replacing(/[\w.\-]*\/[\w.\-\/]*/, with: " ")
        .replacing(/[\w\-]+\.(yaml|json|csv|md|png|svg|pdf|html)\b/, with: " ")
      let words = prose.split { !($0.isASCII && $0.isLetter) }
      // A word of the file's one-letter names only is a subscript (f_xy, x_k): mathematics.
      let unknown = words.filter { word in
        word.count >= 2 && !allowed.contains(String(word))
          && !word.allSatisfy { allowed.contains(String($0)) }
      }
      if !unknown.isEmpty {
        found.append(unknown.joined(separator: ",") + ": " + String(line.prefix(120)))
      }
    }
    return found
  }

  /// The words inside the file's quoted strings: the user's formulas, names and titles.
  static func quotedWords(_ yaml: String) -> Set<String> {
    var words: Set<String> = []
    for match in yaml.matches(of: /"([^"]*)"/) {
      for word in match.1.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) {
        words.insert(String(word))
      }
    }
    return words
  }

  /// The text of every `<text>` element of an SVG (PLplot's or Graphviz's), entities decoded.
  func svgTexts(_ url: URL) throws -> [String] {
    let raw = try String(contentsOf: url, encoding: .utf8)
    return raw.matches(of: /<text[^>]*>([\s\S]*?)<\/text>/).map { match in
      Self.decodeEntities(String(match.1).replacing(/<[^>]*>/, with: ""))
    }
  }

  static func decodeEntities(_ text: String) -> String {
    var out = text.replacing(/&#x([0-9a-fA-F]+);/) { match in
      UInt32(match.1, radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
    }
    out = out.replacing(/&#([0-9]+);/) { match in
      UInt32(match.1).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
    }
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
      out = out.replacingOccurrences(of: entity, with: character)
    }
    return out
  }

  @Test func theScannerFindsEnglishAndSparesFormulas() {
    let allowed = Self.vocabulary.union(Self.quotedWords(#"f: "exp(4*x^2) + myvar""#))
    #expect(Self.untranslated("중앙 차분: 기울기 2.00, exp(4*x^2) + myvar", allowed: allowed).isEmpty)
    #expect(Self.untranslated("-> /tmp/out/ko-x/ h = 1e-05", allowed: allowed).isEmpty)
    let found = Self.untranslated("참고: the stencil leaves the domain", allowed: allowed)
    #expect(found.count == 1 && found[0].hasPrefix("the,stencil,leaves,the,domain"))
    #expect(Self.decodeEntities("&#xac04;&#x20;h &lt; 1") == "간 h < 1")
  }
}

extension Character {
  /// A Hangul syllable (가–힣).
  var isHangul: Bool {
    unicodeScalars.first.map { (0xAC00...0xD7A3).contains($0.value) } ?? false
  }
}
