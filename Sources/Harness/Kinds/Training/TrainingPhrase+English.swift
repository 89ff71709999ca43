import Foundation

extension TrainingPhrase {
  /// The phrase in English.
  // swift-format-ignore
  var english: String {
    switch self {
    case .tableFirstEpochLoss: return "first epoch loss"
    case .tableLastEpochLoss: return "last epoch loss"
    case .tablePerStep: return "per step"
    case .tableNote: return "note"
    case .lossFalls: return "loss falls"
    case .lossDoesNotFall: return "loss does not fall"
    case .learningRateSubject(let rate): return "learning rate \(rate)"
    case .learningRateGradientSubject(let rate, let gradient): return "learning rate \(rate) (\(gradient.english) gradient)"
    case .finalAccuracy(let got, let bound):
      let (g, b) = (String(format: "%.4f", got), String(format: "%.4f", bound))
      return "final test accuracy \(g), at least \(b) expected"
    case .noEpochCompleted: return "no epoch was completed: no test accuracy"

    case .epoch: return "epoch"
    case .crossEntropy: return "cross-entropy loss"
    case .testAccuracy: return "test accuracy"
    case .epochMean: return "at epoch e the curve is the mean loss of epoch e's steps, as in the table"
    case .trainingTitle(let net, let activation, let source, let train, let test, let batch):
      return "\(net) \(activation) network on \(source) (\(train) train, \(test) test), batch \(batch)"

    // Graph, gradcheck, training, show.
    case .captionCurves:
      return "training loss and test accuracy for each learning rate"
    case .captionComparison: return "the loss at each step with the numerical gradient and with backprop, and their difference"
    case .stepAxis: return "step"
    case .lossDifferenceAxis: return "|numerical − backprop| loss"
    case .equalLossesAt(let steps): return "equal losses (difference 0, not on the log scale) at step \(steps)"
    // Figures helper.
    case .gradientMethod(let numerical): return numerical ? "numerical" : "backprop"
    case .tableLr: return "lr"
    case .stoppedNote(let subject, let reason): return "\(subject.english): stopped: \(reason.english)"
    case .lossNotFinite(let reason, _, _, _): return reason
    case .lossesAgree(let rate, let gap, let slowdown): return "lr \(rate): numerical and backprop losses differ by at most \(gap); a numerical step takes \(slowdown)× a backprop step"
    case .numericalAgainstBackprop(let rate): return "lr \(rate): numerical-gradient training against backprop"
    case .largestStepLossDifference(let gap, let bound): return "largest step-loss difference \(gap), bound \(bound)"
    case .showTrainingData(let source, let rates, let batch, let epochs, let gradient): return "data: \(source); learning rates \(rates), batch \(batch), epochs \(epochs); gradient \(gradient)"
    case .progressTraining(let gradient, let rate): return "training (\(gradient), lr \(rate))"
    }
  }
}
