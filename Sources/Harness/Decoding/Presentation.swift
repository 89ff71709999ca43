import Foundation
import Plotting

/// `figure: {width, height, font_scale}`: the pixel size of every figure of the experiment
/// (SVG and PDF keep the same aspect) and a factor on every font and line width.
///
/// Edge Cases:
/// - Without `width` and `height` each figure keeps its own size (figures of several panels
///   are wider); with only one of them, the other follows each figure's own aspect.
/// - Sizes outside `pixelRange` and scales outside `fontScaleRange` are located errors.
public struct FigureSettings: Sendable, Equatable {
  var width: Int?
  var height: Int?
  var fontScale: Double

  /// Pixel sizes a figure may have: smaller is unreadable, larger is a typo.
  public static let pixelRange = 200...10_000
  /// Font scales a figure may have.
  public static let fontScaleRange = 0.25...8.0

  init(width: Int? = nil, height: Int? = nil, fontScale: Double = 1) {
    self.width = width
    self.height = height
    self.fontScale = fontScale
  }

  /// The options for one figure whose own size is `own`.
  func options(title: String, language: Language, own: (width: Int, height: Int))
    -> FigureOptions
  {
    var size: (width: Int, height: Int)?
    switch (width, height) {
    case (let w?, let h?): size = (w, h)
    case (let w?, nil):
      size = (w, max(1, Int((Double(w * own.height) / Double(own.width)).rounded())))
    case (nil, let h?):
      size = (max(1, Int((Double(h * own.width) / Double(own.height)).rounded())), h)
    case (nil, nil): size = nil
    }
    return FigureOptions(
      title: title, size: size, fontScale: fontScale, words: language.figureWords)
  }

  /// `WxH` as given to `--figure-size`, e.g. `1600x1000`; nil when malformed or out of range.
  public static func parseSize(_ text: String) -> (width: Int, height: Int)? {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
      pixelRange.contains(w), pixelRange.contains(h)
    else { return nil }
    return (w, h)
  }
}

extension FigureSettings: Decodable {
  public init(from decoder: Decoder) throws {
    let c = try decoder.strictContainer(
      allowing: ["width", "height", "font_scale"], in: "'figure'")
    let range = Self.pixelRange
    func pixels(_ key: String) throws -> Int? {
      let what = "a whole number of pixels from \(range.lowerBound) to \(range.upperBound)"
      guard let value = try c.optional(key, as: Int.self, expected: what) else { return nil }
      guard range.contains(value) else {
        throw c.error(key, "figure.\(key) must be \(what), got \(value)")
      }
      return value
    }
    width = try pixels("width")
    height = try pixels("height")
    let scales = Self.fontScaleRange
    let what = "a number from \(short(scales.lowerBound)) to \(short(scales.upperBound))"
    fontScale =
      try c.optional("font_scale", as: NumberValue.self, expected: what)?.value ?? 1
    guard scales.contains(fontScale) else {
      throw c.error("font_scale", "figure.font_scale must be \(what), got \(short(fontScale))")
    }
  }
}

/// `language: en | ko`, with a suggestion for the usual ways of naming Korean or English.
struct LanguageValue: Decodable, Sendable {
  var value: Language

  /// Names people write for a language, mapped to its code.
  static let aliases: [String: Language] = [
    "english": .en, "eng": .en, "en-us": .en, "en-gb": .en, "korean": .ko, "kor": .ko,
    "kr": .ko, "ko-kr": .ko, "한국어": .ko, "한글": .ko,
  ]

  init(from decoder: Decoder) throws {
    let names = Language.allCases.map(\.rawValue)
    let expected = "expected one of: " + names.joined(separator: ", ")
    guard let string = try? decoder.singleValueContainer().decode(String.self) else {
      throw ExperimentError(at: decoder.mark, "'language' must be a language code; \(expected)")
    }
    if let language = Language(rawValue: string) {
      value = language
      return
    }
    let hint =
      Self.aliases[string.lowercased()].map { " (did you mean '\($0.rawValue)'?)" }
      ?? suggestion(for: string, in: names)
    throw ExperimentError(at: decoder.mark, "unknown language '\(string)'\(hint); \(expected)")
  }
}

/// What the command line sets over every experiment file's own `language` and `figure`.
public struct PresentationOverrides: Sendable {
  public var language: Language?
  public var size: (width: Int, height: Int)?
  public var fontScale: Double?

  public init(
    language: Language? = nil, size: (width: Int, height: Int)? = nil, fontScale: Double? = nil
  ) {
    self.language = language
    self.size = size
    self.fontScale = fontScale
  }
}

extension Experiment {
  /// This experiment with the command line's choices over the file's.
  public func overridden(by overrides: PresentationOverrides) -> Experiment {
    var copy = self
    if let language = overrides.language { copy.language = language }
    if let size = overrides.size {
      copy.figure.width = size.width
      copy.figure.height = size.height
    }
    if let scale = overrides.fontScale { copy.figure.fontScale = scale }
    return copy
  }

  /// The options every figure of this experiment is drawn with: the experiment's title as the
  /// figure's title, its size, font scale and language.
  func figureOptions(for figure: Figure) -> FigureOptions {
    self.figure.options(
      title: title, language: language, own: (figure.width, figure.height))
  }
}
