import Plotting

/// The language of every text the tool writes for people (figures, summary.md, index pages,
/// terminal tables): `en` or `ko`. summary.json and the CSV files stay English, for programs.
public typealias Language = FigureLanguage

/// Every text the tool writes for people, in each language it speaks: one case per phrase,
/// numbers and formulas passed in as they are printed.
///
/// Korean terms follow the course notes (the project's glossary): 미분, 편미분, 중앙 차분,
/// 오차, 경사하강법, 학습률, 손실함수, 에폭, 스텝, 수렴/너무 느림/발산.
///
/// Edge Cases: a phrase with arguments places them where each language's grammar wants them;
/// an argument is never translated (formulas, numbers, scheme names stay as written).
enum Phrase: Sendable, Equatable {
  // Verdicts and statuses.
  case passed, failed, failedShout, notChecked, notCheckedShout, pass, fail
  case checksHeading, notesHeading, note
  case noChecks
  case checksPassed(Int, of: Int)
  case checksFailed(Int, of: Int)
  case passedCount(Int)
  case notCheckedCount(Int)
  case seconds(Double)
  case experimentFile
  case resultsHeading, resultsIntro, indexIntro
  case pointsNotDrawn(String, Int)
  case schemeName(String)
  case precisionName(String)
  case descentStatus(String)

  // Sweeps (convergence, partials, gradcheck).
  case stepH, absError
  case slope(String, Double)
  case exactRoundOff(String)
  case noFit(String)
  case fitRange(String)
  case bestObserved, bestPredicted
  case errorAgainstStep(String, String, derivative: Int)
  case casePoint(String, String, String)
  case samePrecisions
  case schemeOrder(String, Int)
  case captionError(String, String, String)
  case captionPrecisions(String, String)
  case tableScheme, tablePrecision, tableFitted, tablePredicted, tableExpected, tableBestH
  case tableVerdict, tableF, tableAt, tableStepsOfNotes, exact, noFitWord
  case tablePartial, tableGradientAtSteps, tableTensor, tableEntries, tableNearKink
  case tableKinkMaxRel, tableDirection, tableAlongDirection
  case tableGradient, tableLearningRate, tableStatus, tableSteps, tableFinalF, tableWhy
  case tableFirstEpochLoss, tableLastEpochLoss, tablePerStep, tableNote
  case lossFalls, lossDoesNotFall
  case learningRateSubject(String)
  case learningRateGradientSubject(String, String)
  case learningRateUpdateGradientSubject(String, update: String, gradient: String)
  case tableUpdate
  case tableStencil, tableModelRatio, tableLeavesDomain
  case modelCurve(String)
  case leavesDomainFrom(String, String)
  case updateRule(String)
  case expectedGot(String, String, String)
  case finalAccuracy(Double, Double)
  case noEpochCompleted

  // Partials.
  case partialAt(String, String)
  case partialsTitle(String)
  case captionPartials(String, String)
  case hessianAt(String)
  case hessianTitle(String)
  case captionHessian
  case surfaceAndPlane(String, String)
  case sliceTitle(String, String)
  case intersection(String)
  case tangentSlope(String, String)
  case onPlane(String)
  case sliceFigureTitle(String, String)
  case captionSlice(String, String)

  // Descent.
  case descentLoss(String)
  case descentLossTooLowRightHigh(String)
  case lossPanel, stepK
  case descentPaths(String)
  case pathsPanel(Int, String, String)
  case start(String)
  case captionLoss
  case captionPaths(String)
  case gradientLabel, analytic
  case gradientStyles(String)
  case lineStyle(String)
  case learningRateRun(String, String)

  // Gradcheck.
  case awayFromKinks(Int)
  case crossesKink(Int)
  case verdictBound(String)
  case log10RelativeError
  case parameters
  case relativeErrorPanel(String, String)
  case gradcheckTitle(String, String, String)
  case captionRelativeErrors
  case noSampledEntries(String)
  case sweepOutputLayer, sweepAllParameters
  case kinkCrossed(String)
  case sweepTitle(String)
  case captionSweep

  // Training.
  case epoch, crossEntropy, testAccuracy, lossPanelTraining, accuracyPanel
  case epochMean
  case trainingTitle(String, String, String, Int, Int, Int)
  case captionCurves

  // Accuracy.
  case evaluationsOfF, correctDigits, digitsAgainstEvaluations
  case everyCaseAndPoint(String)
  case medianDigits(String, Double, String)
  case digitsPerCase(String)
  case captionDigits(Int)
  case captionDigitsPerCase(String, Int, Int)
  case calibrationTitle
  case calibrationPanel(String)
  case trueError, errorEstimate, estimateIsError
  case covered(Int, Int)
  case captionCalibration(String)
  case notDrawnOnLog(Int)
  case accuracyPerMethod, tableMethod, tableMedianDigits, tablePercentile10, tableMin
  case tableMedianEvaluations, tableCovers, tableEstimate, tableDigits, tableEvaluations
  case tableStep, tableError
  // Figures helper.
  case modelCurvesDashed, fitRangesShaded
  case slopesNote(String)
  case awayFromKinksName, crossesKinkName
  case entryCounts(Int, Int)

  /// The text in `language`.
  func text(_ language: Language) -> String {
    let pair = texts
    return language == .ko ? pair.ko : pair.en
  }

  // swift-format-ignore
  private var texts: (en: String, ko: String) {
    switch self {
    case .passed: return ("passed", "통과")
    case .failed: return ("failed", "실패")
    case .failedShout: return ("FAILED", "실패")
    case .notChecked: return ("not checked", "확인 안 됨")
    case .notCheckedShout: return ("NOT CHECKED", "확인 안 됨")
    case .pass: return ("pass", "통과")
    case .fail: return ("FAIL", "실패")
    case .checksHeading: return ("Checks", "확인 항목")
    case .notesHeading: return ("Notes", "참고")
    case .note: return ("note", "참고")
    case .noChecks: return ("no checks (measured and reported only)", "확인 항목 없음 (측정과 보고만)")
    case .checksPassed(let n, let total):
      return ("\(n) of \(total) check\(total == 1 ? "" : "s") passed", "확인 \(total)개 중 \(n)개 통과")
    case .checksFailed(let n, let total):
      return ("\(n) of \(total) check\(total == 1 ? "" : "s") failed", "확인 \(total)개 중 \(n)개 실패")
    case .passedCount(let n): return ("\(n) passed", "\(n)개 통과")
    case .notCheckedCount(let n): return ("\(n) not checked", "\(n)개 확인 안 됨")
    case .seconds(let s):
      let t = String(format: "%.1f", s)
      return ("in \(t) s", "\(t)초")
    case .experimentFile: return ("The experiment file", "실험 파일")
    case .resultsHeading: return ("Experiment results", "실험 결과")
    case .resultsIntro:
      return (
        "Generated by `experiment run`; one section per experiment in this folder. Each folder holds `summary.json`, the CSV data behind every figure (columns: see the package's docs/columns.md), the figures and a copy of the experiment file. `index.html` shows the same in a browser.",
        "`experiment run`이 만든 결과입니다. 이 폴더의 실험마다 한 절이 있습니다. 각 폴더에는 `summary.json`, 그림의 바탕이 된 CSV 데이터(열: 패키지의 docs/columns.md), 그림, 실험 파일의 사본이 있습니다. `summary.json`과 CSV는 프로그램이 읽도록 영어로 씁니다. `index.html`은 같은 내용을 브라우저로 보여 줍니다.")
    case .indexIntro:
      return (
        "Generated by <code>experiment run</code>: one section per experiment in this folder.",
        "<code>experiment run</code>이 만든 결과입니다. 이 폴더의 실험마다 한 절이 있습니다.")
    case .pointsNotDrawn(let figure, let n):
      return (
        "\(figure): \(n) point(s) not drawn: an error of exactly 0 or a non-finite value has no place on a log axis (the CSV keeps them)",
        "\(figure): 점 \(n)개는 그리지 않음: 오차가 정확히 0이거나 유한하지 않은 값은 로그 축에 놓을 수 없음 (CSV에는 있음)")
    case .schemeName(let name):
      switch name {
      case "forward": return (name, "전방 차분")
      case "backward": return (name, "후방 차분")
      case "central": return (name, "중앙 차분")
      default: return (name, name)
      }
    case .precisionName(let name):
      switch name {
      case "half": return (name, "반정밀도")
      case "single": return (name, "단정밀도")
      case "double": return (name, "배정밀도")
      case "extended": return (name, "확장 정밀도")
      default: return (name, name)
      }
    case .descentStatus(let status):
      switch status {
      case "converged": return (status, "수렴")
      case "too-slow": return ("too slow", "너무 느림")
      case "diverged": return (status, "발산")
      default: return (status, status)
      }

    case .stepH: return ("step h", "간격 h")
    case .absError: return ("|error|", "|오차|")
    case .slope(let scheme, let order):
      let s = String(format: "%.2f", order)
      return ("\(scheme): slope \(s)", "\(scheme): 기울기 \(s)")
    case .exactRoundOff(let scheme): return ("\(scheme): exact (round-off only)", "\(scheme): 정확 (반올림 오차만)")
    case .noFit(let scheme): return ("\(scheme): no fit", "\(scheme): 맞춤 없음")
    case .fitRange(let scheme): return ("\(scheme) fit range", "\(scheme) 맞춤 구간")
    case .bestObserved: return ("vertical lines in each series' colour: best h observed (dotted)", "세로선 (계열별 색): 관측된 최적 h (점선)")
    case .bestPredicted: return ("predicted (dashed)", "예측된 최적 h (파선)")
    case .errorAgainstStep(let variable, let precision, let q):
      // f', f'', f''' and then f^{(q)} (the renderer's superscript).
      let f = q <= 3 ? "f" + String(repeating: "'", count: q) : "f^{(\(q))}"
      return (
        "|estimate − \(f)(\(variable))| against the step h, \(precision) precision",
        "간격 h에 따른 |추정값 − \(f)(\(variable))|, \(precision)")
    case .casePoint(let variable, let f, let at):
      return ("f(\(variable)) = \(f) at \(variable) = \(at)", "\(variable) = \(at)에서 f(\(variable)) = \(f)")
    case .samePrecisions: return ("the same schemes in every precision", "모든 정밀도에서 같은 차분")
    case .schemeOrder(let scheme, let order): return ("\(scheme) (order \(order))", "\(scheme) (차수 \(order))")
    case .captionError(let f, let at, let precision):
      return ("\(f) at \(at): error against h (\(precision))", "\(at)에서 \(f): 간격 h에 따른 오차 (\(precision))")
    case .captionPrecisions(let f, let at): return ("\(f) at \(at): every precision", "\(at)에서 \(f): 모든 정밀도")
    case .tableScheme: return ("scheme", "차분")
    case .tablePrecision: return ("precision", "정밀도")
    case .tableFitted: return ("fitted", "측정 차수")
    case .tablePredicted: return ("predicted", "예측 차수")
    case .tableExpected: return ("expected", "기대 차수")
    case .tableBestH: return ("best h", "최적 h")
    case .tableVerdict: return ("verdict", "판정")
    case .tableF: return ("f", "f")
    case .tableAt: return ("at", "위치")
    case .tableStepsOfNotes: return ("the notes' steps (double): estimate (|error|)", "강의 노트의 간격 (배정밀도): 추정값 (|오차|)")
    case .exact: return ("exact", "정확")
    case .noFitWord: return ("no fit", "맞춤 없음")
    case .tablePartial: return ("partial", "편미분")
    case .tableGradientAtSteps: return ("the gradient at the notes' steps (double): estimate (|error|)", "강의 노트의 간격에서 기울기 (배정밀도): 추정값 (|오차|)")
    case .tableTensor: return ("tensor", "텐서")
    case .tableEntries: return ("entries", "성분 수")
    case .tableNearKink: return ("near kink", "꺾임 근처")
    case .tableKinkMaxRel: return ("kink max rel", "꺾임 최대 상대 오차")
    case .tableDirection: return ("direction", "방향")
    case .tableAlongDirection: return ("the derivative of the loss along a random direction", "무작위 방향에 대한 손실의 미분")
    case .tableGradient: return ("gradient", "기울기")
    case .tableLearningRate: return ("learning rate", "학습률")
    case .tableStatus: return ("status", "상태")
    case .tableSteps: return ("steps", "스텝 수")
    case .tableFinalF: return ("final f", "최종 f")
    case .tableWhy: return ("why", "이유")
    case .tableFirstEpochLoss: return ("first epoch loss", "첫 에폭 손실")
    case .tableLastEpochLoss: return ("last epoch loss", "마지막 에폭 손실")
    case .tablePerStep: return ("per step", "스텝당 시간")
    case .tableNote: return ("note", "비고")
    case .lossFalls: return ("loss falls", "손실 감소")
    case .lossDoesNotFall: return ("loss does not fall", "손실 감소 안 함")
    case .learningRateSubject(let rate): return ("learning rate \(rate)", "학습률 \(rate)")
    case .learningRateGradientSubject(let rate, let gradient):
      return ("learning rate \(rate) (\(gradient) gradient)", "학습률 \(rate) (\(gradient) 기울기)")
    case .learningRateUpdateGradientSubject(let rate, let update, let gradient):
      return (
        "learning rate \(rate) (\(update) update, \(gradient) gradient)",
        "학습률 \(rate) (\(update) 갱신, \(gradient) 기울기)"
      )
    case .tableUpdate: return ("update", "갱신 규칙")
    case .tableStencil: return ("stencil", "스텐실")
    case .modelCurve(let name): return ("\(name): model", "\(name): 오차 모형")
    case .leavesDomainFrom(let name, let h):
      return ("\(name): leaves the domain from h = \(h)", "\(name): h = \(h)부터 정의역을 벗어남")
    case .tableModelRatio:
      return ("error at predicted best h / best", "예측 최적 h에서의 오차 / 최소 오차")
    case .tableLeavesDomain: return ("leaves the domain", "정의역을 벗어남")
    case .updateRule(let rule):
      switch rule {
      case "standard": return ("standard", "표준")
      case "multiplicative": return ("multiplicative", "곱셈형")
      default: return (rule, rule)
      }
    case .expectedGot(let expected, let got, let reason):
      return ("expected \(expected), got \(got) (\(reason))", "기대 \(expected), 결과 \(got) (\(reason))")
    case .finalAccuracy(let got, let bound):
      let (g, b) = (String(format: "%.4f", got), String(format: "%.4f", bound))
      return ("final test accuracy \(g), at least \(b) expected", "최종 테스트 정확도 \(g), 기대 최소 \(b)")
    case .noEpochCompleted: return ("no epoch was completed: no test accuracy", "완료된 에폭이 없어 테스트 정확도 없음")

    case .partialAt(let variable, let at): return ("∂f/∂\(variable) at \(at)", "\(at)에서 ∂f/∂\(variable)")
    case .partialsTitle(let f):
      return ("f = \(f): error of each partial derivative against h", "f = \(f): 간격 h에 따른 각 편미분의 오차")
    case .captionPartials(let f, let at):
      return ("every partial of \(f) at \(at): error against h", "\(at)에서 \(f)의 모든 편미분: 간격 h에 따른 오차")
    case .hessianAt(let at): return ("Hessian at \(at): central second differences", "\(at)에서 헤세 행렬: 중앙 2계 차분")
    case .hessianTitle(let f): return ("f = \(f): Hessian entries", "f = \(f): 헤세 행렬의 성분")
    case .captionHessian: return ("the Hessian's second differences: error against h", "헤세 행렬의 2계 차분: 간격 h에 따른 오차")
    case .surfaceAndPlane(let f, let plane): return ("z = \(f) and the plane \(plane)", "z = \(f)와 평면 \(plane)")
    case .sliceTitle(let plane, let f): return ("the slice \(plane): z = \(f)", "단면 \(plane): z = \(f)")
    case .intersection(let plane): return ("intersection with the plane \(plane)", "평면 \(plane)과의 교선")
    case .tangentSlope(let variable, let slope):
      return ("tangent line, slope ∂f/∂\(variable) = \(slope)", "접선, 기울기 ∂f/∂\(variable) = \(slope)")
    case .onPlane(let plane): return ("f on the plane \(plane)", "평면 \(plane) 위의 f")
    case .sliceFigureTitle(let variable, let at):
      return ("∂f/∂\(variable) at \(at): the slope of the surface along \(variable)", "\(at)에서 ∂f/∂\(variable): \(variable) 방향 곡면의 기울기")
    case .captionSlice(let variable, let at):
      return ("the partial ∂f/∂\(variable) at \(at) as the slope of the intersection curve", "교선의 접선 기울기로 본 \(at)에서의 편미분 ∂f/∂\(variable)")

    case .descentLoss(let f): return ("f = \(f) along the descent", "경사하강법을 따라간 f = \(f)")
    case .descentLossTooLowRightHigh(let f):
      return ("f = \(f) along the descent: too low, just right, too high", "경사하강법을 따라간 f = \(f): 학습률 너무 작음, 적절함, 너무 큼")
    case .lossPanel: return ("f(x_{k}) against step k (log scale)", "스텝 k에 따른 f(x_{k}) (로그 눈금)")
    case .stepK: return ("step k", "스텝 k")
    case .descentPaths(let f): return ("Gradient descent on f = \(f): paths by learning rate η", "f = \(f)의 경사하강법: 학습률 η별 경로")
    case .pathsPanel(let steps, let start, let gradients):
      return ("\(steps) steps from \(start), gradient: \(gradients)", "\(start)에서 \(steps) 스텝, 기울기: \(gradients)")
    case .start(let point): return ("start \(point)", "시작점 \(point)")
    case .captionLoss: return ("f against the step for each learning rate", "학습률마다 스텝에 따른 f")
    case .captionPaths(let f): return ("gradient descent paths on the contour map of \(f)", "\(f)의 등고선 위 경사하강법 경로")
    case .gradientLabel: return ("gradient", "기울기")
    case .analytic: return ("analytic", "해석적")
    case .gradientStyles(let styles): return ("line style by gradient: \(styles)", "기울기별 선 모양: \(styles)")
    case .lineStyle(let style):
      switch style {
      case "solid": return ("solid", "실선")
      case "dashed": return ("dashed", "파선")
      case "dotted": return ("dotted", "점선")
      default: return ("dash-dot", "일점쇄선")
      }
    case .learningRateRun(let rate, let status): return ("η = \(rate): \(status)", "η = \(rate): \(status)")

    case .awayFromKinks(let n): return ("away from kinks (\(n))", "꺾임에서 먼 성분 (\(n))")
    case .crossesKink(let n): return ("step crosses a relu kink (\(n))", "간격이 relu 꺾임을 넘음 (\(n))")
    case .verdictBound(let bound): return ("verdict bound \(bound)", "판정 기준 \(bound)")
    case .log10RelativeError: return ("log_{10} relative error", "log_{10} 상대 오차")
    case .parameters: return ("parameters", "매개변수 수")
    case .relativeErrorPanel(let tensor, let floor):
      return ("\(tensor): |a − n| / max(|a|, |n|, \(floor))", "\(tensor): |a − n| / max(|a|, |n|, \(floor))")
    case .gradcheckTitle(let scheme, let h, let net):
      return ("Backprop against the numerical gradient (\(scheme), h = \(h)), \(net) network", "오차역전파와 수치 미분 기울기 비교 (\(scheme), h = \(h)), \(net) 신경망")
    case .captionRelativeErrors:
      return ("relative errors between backprop and the numerical gradient, per tensor", "텐서별 오차역전파와 수치 미분 기울기의 상대 오차")
    case .noSampledEntries(let tensors):
      return ("no entry sampled (not drawn): \(tensors)", "표본 성분이 없어 그리지 않음: \(tensors)")
    case .sweepOutputLayer:
      return ("along a random direction in the output layer (W2, b2): smooth", "출력층(W2, b2)의 무작위 방향: 매끄러움")
    case .sweepAllParameters:
      return ("along a random direction in all parameters: relu kinks", "모든 매개변수의 무작위 방향: relu 꺾임")
    case .kinkCrossed(let h): return ("a relu kink is crossed for h > \(h)", "h > \(h)이면 relu 꺾임을 넘음")
    case .sweepTitle(let precision):
      return ("|numerical − backprop| derivative of the loss along a direction d, against h (\(precision))", "방향 d에 대한 손실의 |수치 미분 − 오차역전파|, 간격 h에 따라 (\(precision))")
    case .captionSweep:
      return ("error of the numerical derivative of the network's loss against h, along two directions", "두 방향에서 간격 h에 따른 신경망 손실의 수치 미분 오차")

    case .epoch: return ("epoch", "에폭")
    case .crossEntropy: return ("cross-entropy loss", "교차 엔트로피 손실")
    case .testAccuracy: return ("test accuracy", "테스트 정확도")
    case .lossPanelTraining:
      return ("training loss (mean over the last epoch's steps) against epochs", "에폭에 따른 학습 손실 (최근 한 에폭 스텝의 평균)")
    case .accuracyPanel: return ("test accuracy after each epoch", "에폭마다 테스트 정확도")
    case .epochMean:
      return (
        "at epoch e the curve is the mean loss of epoch e's steps, as in the table",
        "에폭 e에서 곡선의 값은 표와 같은 에폭 e 스텝들의 평균 손실")
    case .trainingTitle(let net, let activation, let source, let train, let test, let batch):
      return (
        "\(net) \(activation) network on \(source) (\(train) train, \(test) test), batch \(batch)",
        "\(source)에서 \(net) \(activation) 신경망 (학습 \(train)개, 테스트 \(test)개), 배치 \(batch)")
    case .evaluationsOfF: return ("evaluations of f", "f의 계산 횟수")
    case .correctDigits: return ("correct digits", "정확한 자릿수")
    case .digitsAgainstEvaluations: return ("digits against evaluations", "계산 횟수에 따른 정확한 자릿수")
    case .everyCaseAndPoint(let precision):
      return ("\(precision) precision: every case and point", "\(precision): 모든 함수와 점")
    case .medianDigits(let method, let digits, let evaluations):
      let d = String(format: "%.1f", digits)
      let plural = evaluations == "1" ? "" : "s"
      return ("\(method): median \(d) digits, \(evaluations) evaluation\(plural)", "\(method): 중앙값 \(d)자리, 계산 \(evaluations)회")
    case .digitsPerCase(let precision):
      return ("digits against evaluations per case (\(precision))", "함수별 계산 횟수에 따른 정확한 자릿수 (\(precision))")
    case .captionDigits(let count):
      return (
        "Correct digits against evaluations of f, \(count) points; each method a colour and marker (set 5% apart sideways where the cost is the same; a complex evaluation counts as one)",
        "f의 계산 횟수에 따른 정확한 자릿수, 점 \(count)개; 방법마다 색과 표식 (계산 횟수가 같으면 옆으로 5%씩 벌려 놓음; 복소수 계산은 1회로 셈)")
    case .captionDigitsPerCase(let precision, let first, let last):
      return (
        "Correct digits against evaluations per case (\(precision)), cases \(first) to \(last)",
        "함수별 계산 횟수에 따른 정확한 자릿수 (\(precision)), 함수 \(first)–\(last)")
    case .calibrationTitle: return ("calibration of the error estimates", "오차 추정의 보정")
    case .calibrationPanel(let precision):
      return ("\(precision) precision: above the diagonal the estimate covers the error", "\(precision): 대각선 위에서는 추정이 오차를 덮음")
    case .trueError: return ("true error |estimate − f'(x)|", "참 오차 |추정값 − f'(x)|")
    case .errorEstimate: return ("error estimate", "오차 추정")
    case .estimateIsError: return ("estimate = error", "추정 = 오차")
    case .covered(let covered, let total):
      let share = String(format: "%.0f%%", 100 * Double(covered) / Double(max(total, 1)))
      return ("\(covered)/\(total) covered (\(share))", "\(covered)/\(total) 덮음 (\(share))")
    case .captionCalibration(let shares):
      return (
        "Error estimate against the true error (log-log, diagonal dashed); share covered: \(shares)",
        "참 오차에 따른 오차 추정 (로그-로그, 대각선은 파선); 덮은 비율: \(shares)")
    case .notDrawnOnLog(let n):
      return ("\(n) results with a zero error or estimate are not drawn on log axes", "오차나 추정이 0인 결과 \(n)개는 로그 축에 그리지 않음")
    case .accuracyPerMethod:
      return ("per method: digits (−log10 relative error) and evaluations of f", "방법별: 정확한 자릿수 (−log10 상대 오차)와 f의 계산 횟수")
    case .tableMethod: return ("method", "방법")
    case .tableMedianDigits: return ("median digits", "자릿수 중앙값")
    case .tablePercentile10: return ("10th pct", "10백분위")
    case .tableMin: return ("min", "최소")
    case .tableMedianEvaluations: return ("median evaluations", "계산 횟수 중앙값")
    case .tableCovers: return ("estimate ≥ error", "추정 ≥ 오차")
    case .tableEstimate: return ("estimate", "추정값")
    case .tableDigits: return ("digits", "자릿수")
    case .tableEvaluations: return ("evaluations", "계산 횟수")
    case .tableStep: return ("step", "간격")
    case .tableError: return ("error", "오차")

    case .captionCurves:
      return ("training loss and test accuracy for each learning rate", "학습률마다 학습 손실과 테스트 정확도")
    // Figures helper.
    case .modelCurvesDashed: return ("dashed: error model", "파선: 오차 모형")
    case .fitRangesShaded: return ("shaded: fit range (scheme's colour)", "음영: 맞춤 구간 (차분별 색)")
    case .slopesNote(let list): return ("slopes: \(list)", "기울기: \(list)")
    case .awayFromKinksName: return ("away from kinks", "꺾임에서 먼 성분")
    case .crossesKinkName: return ("step crosses a relu kink", "간격이 relu 꺾임을 넘음")
    case .entryCounts(let smooth, let kinked):
      return (
        "\(smooth) entries away from kinks" + (kinked > 0 ? ", \(kinked) crossing one" : ""),
        "꺾임에서 먼 성분 \(smooth)개" + (kinked > 0 ? ", 꺾임을 넘는 성분 \(kinked)개" : ""))
    }
  }
}

extension FigureLanguage {
  /// `phrase` in this language: `language(.stepH)`.
  func callAsFunction(_ phrase: Phrase) -> String { phrase.text(self) }
}
