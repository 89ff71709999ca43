/// The words of `kind: training`.
///
/// Worded in `TrainingPhrase+English.swift` and `TrainingPhrase+Korean.swift`,
/// each an exhaustive switch: a phrase without its Korean does not compile.
enum TrainingPhrase: Phrase {
  case tableFirstEpochLoss
  case tableLastEpochLoss
  case tablePerStep
  case tableNote
  case lossFalls
  case lossDoesNotFall
  case learningRateSubject(rate: String)
  case learningRateGradientSubject(rate: String, gradient: any Phrase)
  case finalAccuracy(got: Double, bound: Double)
  case noEpochCompleted
  case epoch
  case crossEntropy
  case testAccuracy
  case epochMean
  case trainingTitle(
    network: String, activation: String, source: String, train: Int, test: Int, batch: Int)
  case captionCurves
  case captionComparison
  case stepAxis
  case lossDifferenceAxis
  case equalLossesAt(steps: String)
  case gradientMethod(numerical: Bool)
  case tableLr
  case stoppedNote(subject: any Phrase, reason: any Phrase)
  case lossNotFinite(reason: String, loss: String, step: Int, epoch: Int)
  case lossesAgree(rate: String, gap: String, slowdown: String)
  case numericalAgainstBackprop(rate: String)
  case largestStepLossDifference(gap: String, bound: String)
  case showTrainingData(source: String, rates: String, batch: Int, epochs: Int, gradient: String)
  case progressTraining(gradient: String, rate: String)
}

extension Language {
  /// `phrase` in this language: `language(.tableFirstEpochLoss)`.
  func callAsFunction(_ phrase: TrainingPhrase) -> String { phrase.text(self) }
}
