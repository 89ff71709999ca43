import Calculus
import Foundation

extension Order {
  static func report(_ o: OrderOutcome, spec: OrderSpec, experiment: Experiment) -> Report {
    var report = Report(outcome: o)
    let language = experiment.language
    report.table(
      header: summaryHeader(o, language), rows: o.results.map { summaryRow($0, o, language) })
    for r in o.results {
      report.table(
        language.order(.convergenceTable(caseName: r.name)), header: levelHeader(r, language),
        rows: levelRows(r, language))
    }
    for (c, r) in zip(spec.cases, o.results) {
      for level in r.failedLevels {
        let subject = OrderPhrase.levelSubject(caseName: r.name, level: level)
        let l = r.levels[level - 1]
        report.checks.append(
          Check(
            subject, .failed,
            OrderPhrase.levelFailed(
              level: level, failure: l.failure ?? .notANumber(nil), errorTail: l.errorTail)))
        report.expectationLines[subject.english] = c.expectLine
      }
      if let check = orderCheck(r) {
        report.checks.append(check)
        report.expectationLines[r.name] = c.expectLine ?? spec.toleranceLine
      }
    }
    report.csv("levels.csv", csv(o))
    report.figures = OrderFigures.make(o, language: language)
    return report
  }

  /// The case's check, when it has an expectation; its subject is the case's name.
  static func orderCheck(_ r: OrderOutcome.CaseOutcome) -> Check? {
    guard let expected = r.expected, let verdict = r.verdict else { return nil }
    let subject = Composed.verbatim(text: r.name)
    guard let study = r.study else {
      return Check(
        subject, .notChecked, OrderPhrase.orderLevelsFailed(levels: levelList(r.failedLevels)))
    }
    let levels = levelList(study.asymptoticLevels.map { $0 + 1 })
    let interval = study.fit.flatMap(intervalText) ?? "-"
    switch verdict {
    case .passed(let order, _), .failed(let order, _):
      let within = verdict.passed == true
      return Check(
        subject, within ? .passed : .failed,
        OrderPhrase.orderFitted(
          order: order.fixed3, interval: interval, levels: levels, expected: expected.formatted3,
          tolerance: r.tolerance.formatted3, within: within))
    case .notChecked(let status):
      return Check(
        subject, .notChecked,
        OrderPhrase.orderNotFitted(status: status, asymptotic: study.fittedPoints.count))
    }
  }

  /// "[1.981, 2.019]": the fit's 95% interval of the slope (nil with two points).
  static func intervalText(_ fit: LogLogFit) -> String? {
    fit.slopeInterval.map { "[\($0.lowerBound.fixed3), \($0.upperBound.fixed3)]" }
  }

  static func summaryHeader(_ o: OrderOutcome, _ language: Language) -> [String] {
    var header = [
      language.order(.column(.`case`)), language.order(.column(.expected)),
      language.order(.column(.fitted)), language.order(.column(.interval)),
      language.order(.column(.asymptoticLevels)), language.order(.column(.status)),
    ]
    if o.results.contains(where: { $0.output == .value }) {
      header += [
        language.order(.column(.extrapolated)), language.order(.column(.gci)),
        language.order(.column(.asymptoticRatio)),
      ]
    }
    return header + [language.order(.column(.verdict))]
  }

  static func summaryRow(_ r: OrderOutcome.CaseOutcome, _ o: OrderOutcome, _ language: Language)
    -> [String]
  {
    let fit = r.study?.fit
    let interval = fit.flatMap(intervalText)
    let status: String =
      r.study.map { language.order(.status($0.status)) } ?? language.order(.failedCell)
    let levels: String = r.study.map { levelList($0.asymptoticLevels.map { $0 + 1 }) } ?? "-"
    let expected: String = r.expected?.formatted3 ?? "-"
    let fitted: String = fit?.slope.fixed3 ?? "-"
    var row: [String] = [r.name, expected, fitted, interval ?? "-", levels, status]
    if o.results.contains(where: { $0.output == .value }) {
      let gci = r.study?.gci
      row += [
        gci.map { String(format: "%.10g", $0.extrapolated) } ?? "-",
        gci.map { "\(($0.gciFine * 100).formatted3)%" } ?? "-",
        gci.map { $0.asymptoticRatio.fixed3 } ?? "-",
      ]
    }
    let verdict: String
    switch r.verdict?.passed {
    case .none: verdict = r.verdict == nil ? "-" : language(.notChecked)
    case .some(true): verdict = language(.pass)
    case .some(false): verdict = language(.fail)
    }
    return row + [verdict]
  }

  static func levelHeader(_ r: OrderOutcome.CaseOutcome, _ language: Language) -> [String] {
    let measured = r.output == .error ? OrderPhrase.column(.error) : .column(.value)
    return [
      language.order(.column(.level)), language.order(.column(.n)), language.order(.column(.h)),
      language.order(measured),
    ]
      + (r.output == .value ? [language.order(.column(.difference))] : [])
      + [
        language.order(.column(.observedOrder)), language.order(.column(.regime)),
        language.order(.column(.seconds)),
      ]
  }

  static func levelRows(_ r: OrderOutcome.CaseOutcome, _ language: Language) -> [[String]] {
    r.levels.indices.map { i in
      let l = r.levels[i]
      let measured =
        l.measured.map {
          r.output == .error ? String(format: "%.3e", $0) : String(format: "%.10g", $0)
        }
        ?? language.order(.failedCell)
      var row = [String(i + 1), l.level.n.map(String.init) ?? "-", short(l.level.h), measured]
      if r.output == .value {
        let d = i + 1 < r.levels.count ? r.study?.fittedValues[i] : nil
        row.append(d.map { String(format: "%.3e", $0) } ?? "-")
      }
      let order = r.study?.observedOrders[i]
      row += [
        order.map { $0.fixed3 } ?? "-",
        r.study.map { language.order(.regime($0.regimes[i])) } ?? "-",
        String(format: "%.3f", l.seconds),
      ]
      return row
    }
  }

  /// levels.csv: one row per case and level.
  static func csv(_ o: OrderOutcome) -> CSVTable {
    var table = CSVTable(columns: [
      "case", "level", "n", "h", "output", "measured", "difference", "observed_order", "regime",
      "seconds", "failure",
    ])
    for r in o.results {
      for (i, l) in r.levels.enumerated() {
        let d = r.output == .value && i + 1 < r.levels.count ? r.study?.fittedValues[i] : nil
        table.append([
          .string(r.name), .int(i + 1), l.level.n.map { .int($0) } ?? .string(""),
          .number(l.level.h),
          .string(r.output.rawValue), .number(l.measured), .number(d),
          .number(r.study?.observedOrders[i]), .string(r.study?.regimes[i].rawValue ?? ""),
          .number(l.seconds),
          .string(l.failure.map { OrderPhrase.levelFailure($0).text(.en) } ?? ""),
        ])
      }
    }
    return table
  }
}
