import Foundation

extension TrainingPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .tableFirstEpochLoss: return "첫 에폭 손실"
    case .tableLastEpochLoss: return "마지막 에폭 손실"
    case .tablePerStep: return "스텝당 시간"
    case .tableNote: return "비고"
    case .lossFalls: return "손실 감소"
    case .lossDoesNotFall: return "손실 감소 안 함"
    case .learningRateSubject(let rate): return "학습률 \(rate)"
    case .learningRateGradientSubject(let rate, let gradient): return "학습률 \(rate) (\(gradient.korean) 기울기)"
    case .finalAccuracy(let got, let bound):
      let (g, b) = (String(format: "%.4f", got), String(format: "%.4f", bound))
      return "최종 테스트 정확도 \(g), 기대 최소 \(b)"
    case .noEpochCompleted: return "완료된 에폭이 없어 테스트 정확도 없음"

    case .epoch: return "에폭"
    case .crossEntropy: return "교차 엔트로피 손실"
    case .testAccuracy: return "테스트 정확도"
    case .epochMean: return "에폭 e에서 곡선의 값은 표와 같은 에폭 e 스텝들의 평균 손실"
    case .trainingTitle(let net, let activation, let source, let train, let test, let batch):
      return "\(source)에서 \(net) \(activation) 신경망 (학습 \(train)개, 테스트 \(test)개), 배치 \(batch)"

    // Graph, gradcheck, training, show.
    case .captionCurves:
      return "학습률마다 학습 손실과 테스트 정확도"
    case .captionComparison: return "수치 미분 기울기와 오차역전파로 학습한 각 스텝의 손실과 그 차이"
    case .stepAxis: return "스텝"
    case .lossDifferenceAxis: return "|수치 미분 − 오차역전파| 손실"
    case .equalLossesAt(let steps): return "스텝 \(steps)에서 손실이 같음 (차이 0, 로그 눈금에 없음)"
    // Figures helper.
    case .gradientMethod(let numerical): return numerical ? "수치 미분" : "오차역전파"
    case .tableLr: return "학습률"
    case .stoppedNote(let subject, let reason): return "\(subject.korean): 중단: \(reason.korean)"
    case .lossNotFinite(_, let loss, let step, let epoch): return "에폭 \(epoch)의 스텝 \(step)에서 손실이 유한하지 않음 (\(loss))"
    case .lossesAgree(let rate, let gap, let slowdown): return "학습률 \(rate): 수치 미분과 오차역전파의 손실 차이는 최대 \(gap); 수치 미분 한 스텝에 오차역전파 한 스텝의 \(slowdown)배 시간이 걸림"
    case .numericalAgainstBackprop(let rate): return "학습률 \(rate): 수치 미분 기울기로 한 학습과 오차역전파 학습의 비교"
    case .largestStepLossDifference(let gap, let bound): return "스텝 손실의 최대 차이 \(gap), 기준 \(bound)"
    case .showTrainingData(let source, let rates, let batch, let epochs, let gradient): return "데이터: \(source); 학습률 \(rates), 배치 \(batch), 에폭 \(epochs)회; 기울기 \(gradient)"
    case .progressTraining(let gradient, let rate): return "학습 (\(gradient), 학습률 \(rate))"
    }
  }
}
