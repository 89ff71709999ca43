/// The words of `kind: partials`.
///
/// Worded in `PartialsPhrase+English.swift` and `PartialsPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum PartialsPhrase: Phrase {
  case tablePartial
  case tableGradientAtSteps
  case hessianEntryAt(entry: String, at: String)
  case hessianEntry(row: String, column: String)
  case partialAt(variable: String, at: String)
  /// The line over one point's panels: the function (nil when the title states it), the point.
  case partialsTitle(f: String?, at: String)
  case captionPartials(f: String, at: String)
  case hessianAt(at: String)
  /// The line over the Hessian's panels: the function (nil when the title states it).
  case hessianTitle(f: String?)
  case captionHessian
  case intersection(plane: String)
  case tangentSlope(variable: String, slope: String)
  case onPlane(plane: String)
  case sliceFigureTitle(variable: String, at: String)
  case captionSlice(variable: String, at: String)
  case showAt(points: String)
  case showHessian
  case gradientUnderTestAt(at: String, scheme: any Phrase)
  case gradientAgrees(count: Int, least: Double)
  case entryDiffers(variable: String, difference: Double, at: String)
  case othersAgree(variables: String, count: Int)
  /// `expect.wrong`'s entries, said after what the check found.
  case expectedWrong(variables: String)
  case gradientNotChecked(variables: String)
  case adaptiveReference(variable: String, at: String, value: Double, error: Double)
  case referenceName(source: String)
  case showProgram(variables: String, program: String, folder: String, precision: String)
  case showGradientProgram(program: String)
  case showAdaptiveReference
}

extension Language {
  /// `phrase` in this language: `language(.tablePartial)`.
  func callAsFunction(_ phrase: PartialsPhrase) -> String { phrase.text(self) }
}
