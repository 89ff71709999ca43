import Calculus
import Learning
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
/// Schemes beyond the notes' three are named as Korean textbooks name them: `central4` 4차 중앙
/// 차분 (the fourth-order central stencil: five points for f', more for higher q), `richardson`
/// 리처드슨 외삽, `complex-step` 복소 스텝, the Hessian's `central2` 2계 중앙 차분, `adaptive`
/// 적응형 미분. A stencil the user named keeps its name.
///
/// Calculus returns typed reasons (`OrderVerdict`, `FitReason`, `TaylorReason`,
/// `DomainViolation`, `NonDifferentiability`, `DescentStop`); they are worded here once, in both
/// languages (Phrase+Calculus.swift). summary.json carries the English.
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
  case pointsNotDrawn(String, caption: String, Int)
  case formatLink(String)
  case schemeName(String)
  case precisionName(String)
  case descentStatus(String)
  case accuracyStatus(String)
  case estimateSource(String)

  // Calculus's typed results (worded in Phrase+Calculus.swift).
  case orderVerdict(OrderVerdict)
  case fitReason(FitReason)
  case taylorReason(TaylorReason)
  case domainViolation(DomainViolation)
  case nonDifferentiability(NonDifferentiability)
  case descentStop(DescentStop)

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
  case functionAt(String, variable: String, at: String)
  case pointOf(String, String)
  case tooFewErrors(Int, String)
  case leavesDomainCell(String, steps: Int)
  case domainNote(String, from: String, steps: Int, at: String, DomainViolation)
  case nonFiniteNote(String, Int)
  case complexStepCell, notFinite
  case valueCheckDetail(estimate: Double, expected: Double, difference: Double, tolerance: Double)
  case hessianEntryAt(String, String)
  case hessianEntry(String, String)

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
  case versus(String, String)
  case largestPathDistance
  case pathSubject(rate: String, update: String, gradient: String, reference: String)
  case referenceDidNotConverge
  case pathDistance(Double, bound: Double)

  // Gradcheck.
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

  // Graph, gradcheck, training, show.
  case tableMaxAbs, tableMaxRel, tableNormwise
  case sweepDirection(GradcheckOutcome.DirectionSweep.Direction)
  case lossAlongDirection(GradcheckOutcome.DirectionSweep.Direction)
  case kinkSweepNote(String)
  case kinkParametersNote(Int, of: Int)
  case relativeFloorNote(floor: String, roundoff: String, bound: String, below: Int, held: String)
  case tensorWorst(
    maxRelative: String, bound: String, entries: Int, worst: Int, backprop: String,
    numerical: String)
  case noSmoothEntry(sampled: Int, nearKink: Int)
  case fastAgainstTextbook
  case largestDifference(String, bound: String)
  case gradientMethod(String)
  case tableLr
  case stoppedNote(String, String)
  case lossNotFinite(reason: String, loss: String, step: Int, epoch: Int)
  case lossesAgree(rate: String, gap: String, slowdown: String)
  case numericalAgainstBackprop(String)
  case largestStepLossDifference(String, bound: String)
  case graphNodesTitle(network: Bool)
  case tableId, tableNode, tableExpression, tableShape, tableVariable, tableSymbolic
  case tableValue(network: Bool)
  case tableAdjoint(network: Bool)
  case tableRelativeErrorSymbolicCentral, tableGraphGradient, tableBackpropDifference
  case tableVariableAdjoint
  case networkNodeName(NetworkGraphNode.Role, String)
  case scalar
  case againstSymbolic(String)
  case symbolicDetail(adjoint: String, symbolic: String, error: String, bound: String)
  case againstCentral(String)
  case centralDetail(central: String, h: String, error: String, bound: String)
  case graphAgainstBackprop(String)
  case normwiseDetail(String, bound: String)
  case expressionGraphNote(f: String, at: String, nodes: Int, operations: Int, edges: Int)
  case networkGraphNote(loss: String, seconds: String, backprop: String?)
  case captionExpressionGraph(String)
  case captionNetworkGraph
  case expressionDiagramLine(f: String, at: String, value: String)
  case networkDiagramLine(network: String, images: Int, source: String, loss: String)
  case showFile(String)
  case showDescription(String)
  case showNone
  case showNetwork(String)
  case showGradcheckData(String, batch: String)
  case showGradcheckStep(h: String, scheme: String, method: String, parameters: String?)
  case showTrainingData(String, rates: String, batch: Int, epochs: Int, gradient: String)
  case showExpressionGraph(variables: String, f: String, at: String)
  case showExpressionChecks(symbolic: String, central: String)
  case showNetworkGraph(layers: String, activation: String, images: Int, source: String)
  case showNetworkChecks(String)
  case describeNetwork(layers: String, activation: String, initialization: String, seed: UInt64)
  case gaussianInit(String)
  case showSchemes(String)
  case showPrecision(String)
  case showSteps(Int, from: String, to: String, perDecade: Int)
  case showExpect(String, tolerance: String?)
  case showAuto(String)
  case showCase(Int, variable: String, f: String, points: String)
  case showDerivativeEstimated(Int)
  case showGivenDerivative(String)
  case showMethods(String)
  case showAccuracyExpect(String, minDigits: String?, covers: String?)
  case showStart(String)
  case showDescentRun(rates: String, steps: Int, gradients: String, updates: String)
  case showAt(String)
  case showHessian
  case progressNumericalGradient(method: GradcheckSpec.Method)
  case progressTraining(gradient: String, rate: String)

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
  case predictedEstimateNote
  case tinyStep(TaylorReason)
  case predictedBestStep(TaylorReason)
  case largeStep(TaylorReason)
  case textbookStep(negligible: Bool, root: Int, TaylorReason)
  case adaptiveFrom(String, String)
  case outsideDomainAt(String, f: String, DomainViolation)
  case notFiniteAt(f: String, value: String, location: String, precision: String)
  case noDerivativeAt(String, NonDifferentiability)
  case digitsDetail(Double, passed: Bool, minimum: Double, error: Double, evaluations: Int, String)
  case statusDetail(String, String)
  case coversSubject(String, String)
  case noEstimates
  case coverageDetail(Int, of: Int, passed: Bool, share: Double)

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
    case .pointsNotDrawn(let figure, let caption, let n):
      // Korean names the figure by its caption: the file name is English words.
      return (
        "\(figure): \(n) point(s) not drawn: an error of exactly 0 or a non-finite value has no place on a log axis (the CSV keeps them)",
        "그림 ‘\(caption)’: 점 \(n)개는 그리지 않음: 오차가 정확히 0이거나 유한하지 않은 값은 로그 축에 놓을 수 없음 (CSV에는 있음)")
    case .formatLink(let format):
      // The file format as the file name ends (png, svg, pdf); English capitalises it.
      return (format.uppercased(), format)
    case .schemeName(let name):
      switch name {
      case "forward": return (name, "전방 차분")
      case "backward": return (name, "후방 차분")
      case "central": return (name, "중앙 차분")
      case "central4": return (name, "4차 중앙 차분")
      case "richardson": return (name, "리처드슨 외삽")
      case "complex-step": return (name, "복소 스텝")
      case "central2": return (name, "2계 중앙 차분")
      case "adaptive": return (name, "적응형 미분")
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
    case .accuracyStatus(let status):
      switch status {
      case "measured": return (status, "측정")
      case "non-finite-estimate": return (status, "추정값이 유한하지 않음")
      case "converged": return (status, "수렴")
      case "cap-reached": return (status, "계산 상한 도달")
      case "no-finite-evaluations": return (status, "유한한 계산값 없음")
      case "non-finite-at-point": return (status, "점에서 유한하지 않음")
      case "no-derivative": return (status, "미분계수 없음")
      default: return (status, status)
      }
    case .estimateSource(let source):
      return (source, source == "predicted" ? "예측" : "사후 추정")
    case .orderVerdict(let v): return Self.words(v)
    case .fitReason(let r): return Self.words(r)
    case .taylorReason(let r): return Self.words(r)
    case .domainViolation(let v): return Self.words(v)
    case .nonDifferentiability(let v): return Self.words(v)
    case .descentStop(let s): return Self.words(s)

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
    case .pointOf(let f, let at): return ("\(f) at \(at)", "\(at)에서 \(f)")
    case .functionAt(let f, let v, let at): return ("\(f) at \(v) = \(at)", "\(v) = \(at)에서 \(f)")
    case .tooFewErrors(let n, let detail):
      return ("\(n) finite non-zero error(s) measured: \(detail)", "유한하고 0이 아닌 오차가 \(n)개만 측정됨: \(detail)")
    case .leavesDomainCell(let h, let n): return ("from h = \(h) (\(n) steps)", "h = \(h)부터 (간격 \(n)개)")
    case .domainNote(let subject, let h, let n, let at, let violation):
      let v = Self.words(violation)
      return (
        "\(subject): the stencil leaves the domain from h = \(h) (\(n) steps; at \(at): \(v.en)); those steps are excluded from the fit",
        "\(subject): h = \(h)부터 스텐실이 정의역을 벗어남 (간격 \(n)개; \(at)에서: \(v.ko)); 이 간격들은 맞춤에서 제외")
    case .nonFiniteNote(let subject, let n):
      return (
        "\(subject): \(n) step(s) gave a non-finite estimate; excluded from the fit",
        "\(subject): 간격 \(n)개에서 추정값이 유한하지 않아 맞춤에서 제외")
    case .complexStepCell: return ("complex step", "복소 스텝")
    case .notFinite: return ("not finite", "유한하지 않음")
    case .valueCheckDetail(let e, let x, let d, let t):
      return (
        String(format: "estimate %.15g, expected %.15g (difference %.3g, tolerance %g relative)", e, x, d, t),
        String(format: "추정값 %.15g, 기대값 %.15g (차이 %.3g, 상대 허용 오차 %g)", e, x, d, t))
    case .hessianEntry(let a, let b):
      // Korean writes the entry as the notes write partial derivatives (∂).
      let ko = a == b ? "∂²f/∂\(a)²" : "∂²f/∂\(a)∂\(b)"
      return ("f_{\(a)\(b)}", ko)
    case .hessianEntryAt(let entry, let at): return ("Hessian \(entry) at \(at)", "\(at)에서 헤세 행렬 성분 \(entry)")
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
    case .versus(let a, let b): return ("\(a) vs \(b)", "\(a) 대 \(b)")
    case .largestPathDistance: return ("largest distance between the two paths", "두 경로 사이의 최대 거리")
    case .pathSubject(let rate, let update, let gradient, let reference):
      return (
        "learning rate \(rate), \(update) update: the \(gradient) path against the \(reference) path",
        "학습률 \(rate), \(update) 갱신: \(gradient) 경로와 \(reference) 경로의 비교")
    case .referenceDidNotConverge:
      return ("the reference run did not converge: nothing to compare", "기준 실행이 수렴하지 않아 비교할 것이 없음")
    case .pathDistance(let d, let bound):
      return (
        String(format: "largest distance %.3g, bound %.3g", d, bound),
        String(format: "최대 거리 %.3g, 한계 %.3g", d, bound))

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

    // Graph, gradcheck, training, show.
    case .tableMaxAbs: return ("max abs", "최대 절대 오차")
    case .tableMaxRel: return ("max rel", "최대 상대 오차")
    case .tableNormwise: return ("normwise", "노름 상대 오차")
    case .sweepDirection(let direction):
      switch direction {
      case .outputLayer: return (direction.rawValue, "출력층")
      case .allParameters: return (direction.rawValue, "모든 매개변수")
      }
    case .lossAlongDirection(let direction):
      switch direction {
      case .outputLayer: return ("derivative of the loss along the output layer", "출력층 방향 손실의 미분")
      case .allParameters: return ("derivative of the loss along the all parameters", "모든 매개변수 방향 손실의 미분")
      }
    case .kinkSweepNote(let h):
      return (
        "along a random direction in all parameters some pre-activation crosses a relu kink for h > \(h): the sweep bends there",
        "모든 매개변수의 무작위 방향에서는 h > \(h)일 때 어떤 활성화 전 값이 relu 꺾임을 넘음: 오차 곡선이 거기서 꺾임")
    case .kinkParametersNote(let kinks, let total):
      return (
        "\(kinks) of \(total) parameters have a ±h step that crosses a relu kink for some sample; they are reported apart and kept out of the verdict",
        "매개변수 \(total)개 중 \(kinks)개는 어떤 표본에서 ±h 간격이 relu 꺾임을 넘음: 따로 보고하고 판정에서 뺌")
    case .relativeFloorNote(let floor, let roundoff, let bound, let below, let held):
      return (
        "relative errors use the floor \(floor) (10 × the numerical gradient's round-off level \(roundoff) / the bound \(bound)): \(below) entries are smaller than it and are held to |a − n| <= \(held)",
        "상대 오차의 분모는 \(floor) 이상으로 둠 (10 × 수치 미분 기울기의 반올림 오차 수준 \(roundoff) / 기준 \(bound)): 이보다 작은 성분 \(below)개는 |a − n| <= \(held)로 판정")
    case .tensorWorst(let maxRelative, let bound, let entries, let worst, let backprop, let numerical):
      return (
        "max relative error \(maxRelative), bound \(bound), over \(entries) entries (worst entry \(worst): backprop \(backprop), numerical \(numerical))",
        "성분 \(entries)개의 최대 상대 오차 \(maxRelative), 기준 \(bound) (오차가 가장 큰 성분 \(worst)번: 오차역전파 \(backprop), 수치 미분 \(numerical))")
    case .noSmoothEntry(let sampled, let nearKink):
      return (
        "no entry compared away from relu kinks (\(sampled) sampled, \(nearKink) near a kink)",
        "relu 꺾임에서 먼 성분이 없어 비교하지 못함 (표본 \(sampled)개, 꺾임 근처 \(nearKink)개)")
    case .fastAgainstTextbook:
      return ("fast against textbook numerical gradient", "빠른 방식과 교과서 방식으로 구한 수치 미분 기울기의 비교")
    case .largestDifference(let gap, let bound):
      return ("largest difference \(gap), bound \(bound)", "최대 차이 \(gap), 기준 \(bound)")
    case .gradientMethod(let name):
      switch name {
      case "numerical": return (name, "수치 미분")
      case "backprop": return (name, "오차역전파")
      default: return (name, name)
      }
    case .tableLr: return ("lr", "학습률")
    case .stoppedNote(let subject, let reason): return ("\(subject): stopped: \(reason)", "\(subject): 중단: \(reason)")
    case .lossNotFinite(let reason, let loss, let step, let epoch):
      return (reason, "에폭 \(epoch)의 스텝 \(step)에서 손실이 유한하지 않음 (\(loss))")
    case .lossesAgree(let rate, let gap, let slowdown):
      return (
        "lr \(rate): numerical and backprop losses differ by at most \(gap); a numerical step takes \(slowdown)× a backprop step",
        "학습률 \(rate): 수치 미분과 오차역전파의 손실 차이는 최대 \(gap); 수치 미분 한 스텝에 오차역전파 한 스텝의 \(slowdown)배 시간이 걸림")
    case .numericalAgainstBackprop(let rate):
      return ("lr \(rate): numerical-gradient training against backprop", "학습률 \(rate): 수치 미분 기울기로 한 학습과 오차역전파 학습의 비교")
    case .largestStepLossDifference(let gap, let bound):
      return ("largest step-loss difference \(gap), bound \(bound)", "스텝 손실의 최대 차이 \(gap), 기준 \(bound)")
    case .graphNodesTitle(let network):
      return network ? ("nodes (norms of values and gradients)", "노드 (값과 기울기의 노름)") : ("nodes", "노드")
    case .tableId: return ("id", "번호")
    case .tableNode: return ("node", "노드")
    case .tableExpression: return ("expression", "식")
    case .tableShape: return ("shape", "모양")
    case .tableVariable: return ("variable", "변수")
    case .tableSymbolic: return ("symbolic", "기호 미분")
    case .tableValue(let network): return ("value", network ? "|v|" : "값 v")
    case .tableAdjoint(let network): return ("adjoint", network ? "|∂L/∂v|" : "역전파 미분 ∂f/∂v")
    case .tableVariableAdjoint: return ("adjoint", "역전파 미분")
    case .tableRelativeErrorSymbolicCentral:
      return ("relative error (symbolic, central)", "상대 오차 (기호 미분, 중앙 차분)")
    case .tableGraphGradient: return ("|graph gradient|", "|그래프의 기울기|")
    case .tableBackpropDifference: return ("relative difference from backprop", "오차역전파와의 상대 차이")
    case .networkNodeName(let role, let name):
      switch role {
      case .input: return (name, "입력")
      case .loss: return (name, "손실")
      default: return (name, name)
      }
    case .scalar: return ("scalar", "스칼라")
    case .againstSymbolic(let variable):
      return ("∂f/∂\(variable) by backprop against the symbolic partial", "오차역전파로 구한 ∂f/∂\(variable)와 기호 편미분의 비교")
    case .symbolicDetail(let adjoint, let symbolic, let error, let bound):
      return (
        "adjoint \(adjoint), symbolic \(symbolic): relative error \(error), bound \(bound)",
        "역전파 \(adjoint), 기호 미분 \(symbolic): 상대 오차 \(error), 기준 \(bound)")
    case .againstCentral(let variable):
      return ("∂f/∂\(variable) by backprop against a central difference", "오차역전파로 구한 ∂f/∂\(variable)와 중앙 차분의 비교")
    case .centralDetail(let central, let h, let error, let bound):
      return (
        "central \(central) at h = \(h): relative difference \(error), bound \(bound)",
        "h = \(h)에서 중앙 차분 \(central): 상대 차이 \(error), 기준 \(bound)")
    case .graphAgainstBackprop(let tensor):
      return ("\(tensor): the graph's gradient against backprop", "\(tensor): 그래프의 기울기와 오차역전파의 비교")
    case .normwiseDetail(let error, let bound):
      return ("normwise relative difference \(error), bound \(bound)", "노름 상대 차이 \(error), 기준 \(bound)")
    case .expressionGraphNote(let f, let at, let nodes, let operations, let edges):
      return (
        "f = \(f) at \(at): \(nodes) nodes (\(operations) operations, each computed once however often it is used), \(edges) edges; each adjoint is the sum over the edges leaving the node of (adjoint of the head) × (local derivative)",
        "\(at)에서 f = \(f): 노드 \(nodes)개 (연산 \(operations)개, 여러 번 쓰여도 한 번만 계산), 간선 \(edges)개; 각 노드의 ∂f/∂v는 그 노드에서 나가는 간선마다 (머리 노드의 ∂f/∂v) × (국소 미분)을 더한 값")
    case .networkGraphNote(let loss, let seconds, let backprop):
      return (
        "loss \(loss); the graph's forward and reverse sweeps took \(seconds) s" + (backprop.map { ", backprop on the same batch \($0) s" } ?? ""),
        "손실 \(loss); 그래프의 순전파와 역전파에 \(seconds)초" + (backprop.map { ", 같은 배치의 오차역전파에 \($0)초" } ?? "") + " 걸림")
    case .captionExpressionGraph(let f):
      return (
        "the computational graph of \(f): forward values and adjoints on the nodes, local derivatives on the edges",
        "\(f)의 계산 그래프: 노드에 순전파 값과 역전파 미분, 간선에 국소 미분")
    case .captionNetworkGraph:
      return (
        "the network's layer graph: value and gradient norms on the nodes, backward rules on the edges",
        "신경망의 층 단위 계산 그래프: 노드에 값과 기울기의 노름, 간선에 역전파 규칙")
    case .expressionDiagramLine(let f, let at, let value):
      return ("f = \(f) at \(at): f = \(value)", "\(at)에서 f = \(f): f = \(value)")
    case .networkDiagramLine(let network, let images, let source, let loss):
      return ("\(network) on \(images) images of \(source): loss L = \(loss)", "\(source)의 이미지 \(images)개에서 \(network) 신경망: 손실 L = \(loss)")
    case .showFile(let path): return ("file: \(path)", "파일: \(path)")
    case .showDescription(let text): return ("description: \(text)", "설명: \(text)")
    case .showNone: return ("none", "없음")
    case .showNetwork(let network): return ("network: \(network)", "신경망: \(network)")
    case .showGradcheckData(let source, let batch): return ("data: \(source), batch \(batch)", "데이터: \(source), 배치 \(batch)")
    case .showGradcheckStep(let h, let scheme, let method, let parameters):
      return (
        "h: \(h), scheme \(scheme), method \(method), parameters: \(parameters ?? "all")",
        "h: \(h), 차분 \(scheme), 방법 \(["fast": "빠른 방식", "textbook": "교과서 방식", "both": "두 방식 모두"][method] ?? method), 매개변수: \(parameters.map { "\($0)개" } ?? "전부")")
    case .showTrainingData(let source, let rates, let batch, let epochs, let gradient):
      return (
        "data: \(source); learning rates \(rates), batch \(batch), epochs \(epochs); gradient \(gradient)",
        "데이터: \(source); 학습률 \(rates), 배치 \(batch), 에폭 \(epochs)회; 기울기 \(gradient)")
    case .showExpressionGraph(let variables, let f, let at):
      return ("f(\(variables)) = \(f) at \(at)", "\(at)에서 f(\(variables)) = \(f)")
    case .showExpressionChecks(let symbolic, let central):
      return (
        "checks: adjoints against the symbolic partials (relative \(symbolic)) and a central difference (\(central))",
        "확인 항목: 역전파 미분을 기호 편미분(상대 오차 \(symbolic) 이하) 및 중앙 차분(\(central) 이하)과 비교")
    case .showNetworkGraph(let layers, let activation, let images, let source):
      return ("network \(layers) \(activation) on \(images) images of \(source)", "\(source)의 이미지 \(images)개에서 신경망 \(layers) \(activation)")
    case .showNetworkChecks(let bound):
      return (
        "checks: each tensor's gradient against backprop (normwise relative \(bound))",
        "확인 항목: 텐서마다 그래프의 기울기를 오차역전파와 비교 (노름 상대 차이 \(bound) 이하)")
    case .describeNetwork(let layers, let activation, let initialization, let seed):
      return ("\(layers) \(activation), \(initialization), seed \(seed)", "\(layers) \(activation), \(initialization), 시드 \(seed)")
    case .gaussianInit(let sd): return ("gaussian std \(sd)", "정규분포 표준편차 \(sd)")
    case .showSchemes(let schemes): return ("schemes: \(schemes)", "차분: \(schemes)")
    case .showPrecision(let precisions): return ("precision: \(precisions)", "정밀도: \(precisions)")
    case .showSteps(let count, let from, let to, let perDecade):
      return (
        "h: \(count) steps from \(from) to \(to), \(perDecade) per decade",
        "h: \(from)부터 \(to)까지 \(count)개, 10배마다 \(perDecade)개")
    case .showExpect(let expectations, let tolerance):
      return (
        "expect: \(expectations)" + (tolerance.map { ", tolerance \($0)" } ?? ""),
        "기대 차수: \(expectations)" + (tolerance.map { ", 허용 오차 \($0)" } ?? ""))
    case .showAuto(let scheme): return ("\(scheme) auto", "\(scheme) 자동")
    case .showCase(let i, let variable, let f, let points):
      return (
        "case \(i): f(\(variable)) = \(f)   at \(variable) = \(points)",
        "함수 \(i): f(\(variable)) = \(f)   (\(variable) = \(points)에서)")
    case .showDerivativeEstimated(let q):
      return ("  derivative estimated: f^(\(q))", "  추정하는 미분: f^(\(q))")
    case .showGivenDerivative(let df): return ("  df (given) = \(df), agrees with f'", "  df (파일에 주어짐) = \(df), f'와 일치")
    case .showMethods(let methods): return ("methods: \(methods)", "방법: \(methods)")
    case .showAccuracyExpect(let method, let minDigits, let covers):
      let en = [minDigits.map { "min_digits \($0)" }, covers.map { "covers \($0)" }].compactMap { $0 }
      let ko = [minDigits.map { "최소 자릿수 \($0)" }, covers.map { "추정이 오차를 덮는 비율 \($0)" }].compactMap { $0 }
      return ("expect \(method): " + en.joined(separator: ", "), "\(method) 기대: " + ko.joined(separator: ", "))
    case .showStart(let point): return ("start: \(point)", "시작점: \(point)")
    case .showDescentRun(let rates, let steps, let gradients, let updates):
      return (
        "learning rates: \(rates); \(steps) steps; gradient: \(gradients); update: \(updates)",
        "학습률: \(rates); 스텝 \(steps)회; 기울기: \(gradients); 갱신 규칙: \(updates)")
    case .showAt(let points): return ("at: \(points)", "위치: \(points)")
    case .showHessian: return ("hessian: central second differences", "헤세 행렬: 중앙 2계 차분")
    case .progressNumericalGradient(let method):
      switch method {
      case .fast: return ("numerical gradient (fast)", "수치 미분 기울기 (빠른 방식)")
      default: return ("numerical gradient (textbook)", "수치 미분 기울기 (교과서 방식)")
      }
    case .progressTraining(let gradient, let rate):
      return ("training (\(gradient), lr \(rate))", "학습 (\(gradient), 학습률 \(rate))")
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
    case .predictedEstimateNote:
      return (
        "The error estimate of a fixed scheme is predicted, not measured: the Taylor truncation term at its step plus the round-off floor, from the symbolic derivatives (a black-box method has no such estimate). The adaptive derivative's is its own a-posteriori estimate.",
        "고정 차분의 오차 추정은 측정값이 아니라 예측값입니다: 기호 미분으로 구한 그 간격에서의 테일러 절단 항에 반올림 오차 하한을 더한 값입니다 (블랙박스 방법에는 이런 추정이 없습니다). 적응형 미분의 오차 추정은 그 방법 자신의 사후 추정입니다.")
    case .tinyStep(let r):
      let w = Self.words(r)
      return ("a tiny step (no cancellation): \(w.en)", "아주 작은 간격 (상쇄 없음): \(w.ko)")
    case .predictedBestStep(let r):
      let w = Self.words(r)
      return ("predicted best step: \(w.en)", "예측된 최적 간격: \(w.ko)")
    case .largeStep(let r):
      let w = Self.words(r)
      return ("no truncation error (\(w.en)): a large step", "절단 오차가 없음 (\(w.ko)): 큰 간격")
    case .textbookStep(let negligible, let root, let r):
      let w = Self.words(r)
      let why: Pair =
        negligible
        ? ("the truncation terms are negligible at the point, not zero", "절단 항이 이 점에서 0은 아니지만 무시할 만큼 작음")
        : ("f(x) = 0 gives no round-off scale", "f(x) = 0이라 반올림 오차의 크기를 정할 수 없음")
      return (
        "\(why.en): the textbook step epsilon^(1/\(root)) max(|x|, 1); \(w.en)",
        "\(why.ko): 교과서의 간격 epsilon^(1/\(root)) max(|x|, 1); \(w.ko)")
    case .adaptiveFrom(let stencil, let h):
      return ("\(stencil) differences from h = \(h)", "h = \(h)부터 \(Phrase.schemeName(stencil).text(.ko))")
    case .outsideDomainAt(let location, let f, let v):
      let w = Self.words(v)
      return ("\(location) is outside the domain of \"\(f)\": \(w.en)", "\(location)은 \"\(f)\"의 정의역 밖: \(w.ko)")
    case .notFiniteAt(let f, let value, let location, let precision):
      return ("\"\(f)\" is \(value) at \(location) in \(precision)", "\(precision)에서 \(location)일 때 \"\(f)\" = \(value)")
    case .noDerivativeAt(let location, let v):
      let w = Self.words(v)
      return ("no derivative at \(location): \(w.en)", "\(location)에서 미분계수 없음: \(w.ko)")
    case .digitsDetail(let d, let passed, let minimum, let error, let evaluations, let status):
      let sign = passed ? ">=" : "<"
      return (
        String(format: "%.2f digits %@ %g (error %.3g, %d evaluations, %@)", d, sign, minimum, error, evaluations, status),
        String(format: "정확한 자릿수 %.2f %@ %g (오차 %.3g, 계산 %d회, %@)", d, sign, minimum, error, evaluations, status))
    case .statusDetail(let status, let detail): return ("\(status): \(detail)", "\(status): \(detail)")
    case .coversSubject(let method, let precision):
      return ("\(method), \(precision): error estimate covers the error", "\(method), \(precision): 오차 추정이 오차를 덮음")
    case .noEstimates: return ("no result has both an error and an error estimate", "오차와 오차 추정이 함께 있는 결과가 없음")
    case .coverageDetail(let covered, let total, let passed, let share):
      let measured = 100 * Double(covered) / Double(max(total, 1))
      let sign = passed ? ">=" : "<"
      return (
        String(format: "%d of %d results (%.1f%%) %@ %.1f%%", covered, total, measured, sign, 100 * share),
        String(format: "결과 %d개 중 %d개 (%.1f%%) %@ %.1f%%", total, covered, measured, sign, 100 * share))

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
