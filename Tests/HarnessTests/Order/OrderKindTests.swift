import Calculus
import Foundation
import Testing

@testable import Harness

/// `kind: order` on the shipped Python solvers, their mutants and failing programs.
@Suite(.serialized) struct OrderKindTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// Runs the order experiment at `path` with two job slots.
  static func run(_ path: String) throws -> (outcome: OrderOutcome, report: Report) {
    let experiment = try Experiment.load(path: path)
    let spec = try #require(experiment.spec(of: Order.self))
    var context = RunContext(options: RunOptions(jobs: 2))
    context.directory = experiment.directory
    context.budget = JobBudget(slots: 2)
    let outcome = try Order.run(spec, context: context)
    return (outcome, Order.report(outcome, spec: spec, experiment: experiment))
  }

  /// The C solvers in .cache/bin/ (what `make solvers` does), compiled when missing.
  static func compileSolvers() throws {
    let root = ProcessTests.packageRoot
    for (precision, flags) in [("double", [String]()), ("single", ["-DREAL=float"])] {
      let binary = root.appendingPathComponent(".cache/bin/order-solvers-\(precision)")
      guard !FileManager.default.isExecutableFile(atPath: binary.path) else { continue }
      try FileManager.default.createDirectory(
        at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
      let cc = Process()
      cc.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
      cc.arguments =
        ["-O2", "-std=c11", "-D_DEFAULT_SOURCE"] + flags
        + [
          "-o", binary.path, root.appendingPathComponent("Experiments/solvers/solvers.c").path,
          "-lm",
        ]
      try cc.run()
      cc.waitUntilExit()
      #expect(cc.terminationStatus == 0)
    }
  }

  @Test(arguments: ["order-ode", "order-quadrature", "order-poisson", "order-c"])
  func everyShippedSolverPasses(name: String) throws {
    try Self.compileSolvers()
    let path = try Catalog().resolve(name)
    let (outcome, report) = try Self.run(path)
    #expect(!report.checks.isEmpty)
    for check in report.checks {
      #expect(check.status == .passed, "\(check.subject): \(check.detail)")
    }
    #expect(outcome.results.allSatisfy { $0.study?.status == .fitted })
  }

  /// Every mutant is caught: its check fails, or (Euler's, whose error tends to a constant) is
  /// not checked because no asymptotic range exists; none passes.
  @Test func everyMutantIsCaught() throws {
    let (outcome, report) = try Self.run(
      Self.fixtures.appendingPathComponent("order-mutants.yaml").path)
    #expect(report.checks.count == outcome.results.count)
    for check in report.checks {
      #expect(check.status != .passed, "\(check.subject): \(check.detail)")
    }
    let euler = try #require(outcome.results.first { $0.name == "euler-mutant" })
    #expect(euler.study?.status == .noFit)
    for r in outcome.results where !r.name.hasPrefix("euler-mutant") {
      let order = try #require(r.study?.order)
      // Each lost at least one order.
      #expect(order < (r.expected ?? 0) - 0.9, "\(r.name): \(order)")
    }
  }

  @Test func aFailingLevelIsAFailedCheckNamingItWithItsStandardError() throws {
    let (outcome, report) = try Self.run(
      Self.fixtures.appendingPathComponent("order-failures.yaml").path)
    let crash = try #require(report.checks.first { $0.subject.english == "crashes, level 3" })
    #expect(crash.status == .failed)
    #expect(
      crash.detail.english.contains("status 3")
        && crash.detail.english.contains("diverged at step 7"))
    let slow = try #require(report.checks.first { $0.subject.english == "slow, level 2" })
    #expect(slow.detail.english.contains("timeout of 2 s"))
    let silent = try #require(report.checks.first { $0.subject.english == "silent, level 1" })
    #expect(silent.detail.english.contains("\"done\""))
    // The case's own check is not checked, never passed.
    #expect(report.checks.first { $0.subject.english == "crashes" }?.status == .notChecked)
    #expect(outcome.results[2].levels[1].seconds < 30)
    #expect(report.verdict.passed == false)
  }

  /// Megabytes on both pipes at once: read concurrently, no deadlock, the last line counts.
  @Test func largeOutputOnBothPipesIsRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "order-big-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("big.yaml")
    try """
    kind: order
    cases:
      - name: big
        command: ["python3", "-c", "import sys; n = int(sys.argv[1]); sys.stderr.write('e' * 3000000); sys.stdout.write('o' * 3000000 + '\\\\n'); print(1.0 / n ** 2)", "{n}"]
        n: [4, 8, 16]
        timeout: 60
        expect: {order: 2}
    """.write(to: file, atomically: true, encoding: .utf8)
    let (outcome, report) = try Self.run(file.path)
    let measured: [Double?] = outcome.results[0].levels.map(\.measured)
    let want: [Double?] = [0.0625, 0.015625, 0.00390625]
    #expect(measured == want)
    #expect(report.checks.map(\.status) == [.passed])
  }

  /// In Korean the details and tables are Korean; the subjects (JUnit names, baseline keys)
  /// and summary.json's checks stay English.
  @Test func koreanReportKeepsEnglishSubjects() throws {
    var experiment = try Experiment.load(
      path: Self.fixtures.appendingPathComponent("order-failures.yaml").path)
    experiment.language = .ko
    var context = RunContext(options: RunOptions(jobs: 2))
    context.directory = experiment.directory
    let report = try Kinds.execute(experiment, context: context)
    let english = report.checks.map(\.subject.english)
    #expect(report.checks.map { $0.subject.text(.ko) } == english)
    #expect(english.contains("crashes, level 3"))
    let crash = try #require(report.checks.first { $0.subject.english == "crashes, level 3" })
    #expect(crash.detail.text(.ko).contains("종료 상태 3"))
    #expect(report.tables.first?.header.first == "사례")
  }

  @Test func levelsFillPlaceholders() throws {
    let level = OrderSpec.Level(n: 64, h: 0.1)
    let c = OrderSpec.Case(
      name: "x", command: ["prog", "--n={n}", "{h}", "{h}{n}"], levels: [level], output: .error,
      expected: nil, expectLine: nil, timeout: 1)
    #expect(c.arguments(level) == ["prog", "--n=64", "0.1", "0.164"])
    #expect(c.arguments(OrderSpec.Level(n: nil, h: 1.0 / 3)).last == "0.3333333333333333{n}")
  }

  @Test(arguments: [
    ("cases: [{name: a, command: [p, \"{n}\"], n: [4, 8], colour: red}]", "unknown key 'colour'"),
    ("cases: [{name: a, command: [p], n: [4, 8]}]", "must contain {n} or {h}"),
    (
      "cases: [{name: a, command: [p, \"{n}\"], h: [0.1, 0.05]}]",
      "uses {n} but the case has no 'n'"
    ),
    ("cases: [{name: a, command: [p, \"{h}\"], h: [0.1, 0.2]}]", "h must decrease"),
    ("cases: [{name: a, command: [p, \"{n}\"], n: [4]}]", "at least two levels"),
    ("cases: [{name: a, command: [p, \"{n}\"], n: [4, 8], output: eror}]", "did you mean 'error'"),
    (
      "cases: [{name: a, command: [p, \"{n}\"], n: [4, 8]}, {name: a, command: [p, \"{n}\"], n: [4, 8]}]",
      "two cases are named 'a'"
    ),
  ])
  func invalidFilesAreLocatedErrors(body: String, message: String) {
    #expect {
      _ = try Experiment.parse("kind: order\n" + body, path: "x.yaml")
    } throws: { error in
      "\(error)".contains(message)
    }
  }
}
