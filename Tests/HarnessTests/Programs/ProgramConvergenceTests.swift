import Foundation
import Testing

@testable import Harness

/// `f` and `df` from programs in kind: convergence, in process.
@Suite struct ProgramConvergenceTests {
  func experiment(_ folder: ProgramFolder, _ yaml: String) throws
    -> (outcome: ConvergenceOutcome, report: Report)
  {
    let file = try folder.write("e-\(UUID().uuidString).yaml", yaml)
    let experiment = try Experiment.load(path: file.path)
    let spec = try #require(experiment.spec(of: Convergence.self))
    let outcome = try Convergence.run(spec, context: RunContext(options: RunOptions()))
    return (outcome, Convergence.report(outcome, spec: spec, experiment: experiment))
  }

  func yaml(f: String, df: String, at: String = "[0.3, 1.7]") -> String {
    """
    kind: convergence
    cases:
      - f: \(f)
        at: \(at)
        df: \(df)
    schemes: [forward, central, central4]
    """
  }

  @Test func aCProgramsCorrectDerivativePassesAndItsBugsAreFound() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.compileC("model", cProgram)
    let good = try experiment(
      folder, yaml(f: #"{command: ["./model"]}"#, df: #"{command: ["./model", "df"]}"#))
    let checks = try #require(good.outcome.derivativeChecks)
    #expect(checks.count == 6)
    #expect(checks.allSatisfy { $0.agreement.status == .agrees })
    for bug in ["sign", "tiny"] {
      let bad = try experiment(
        folder, yaml(f: #"{command: ["./model"]}"#, df: "{command: [\"./model\", \"\(bug)\"]}"))
      let found = try #require(bad.outcome.derivativeChecks)
      #expect(found.allSatisfy { $0.agreement.status == .plateau }, "\(bug)")
      #expect(
        bad.report.checks.contains { $0.detail.english.contains("differs from the finite differences") })
    }
    // The sign bug at x = 1.7: |d - g| = 2 x sin x.
    let sign = try experiment(
      folder, yaml(f: #"{command: ["./model"]}"#, df: #"{command: ["./model", "sign"]}"#, at: "1.7")
    )
    let level = try #require(sign.outcome.derivativeChecks?.first?.agreement.plateau)
    #expect(abs(level - 2 * 1.7 * sin(1.7)) < 1e-3)
  }

  @Test(arguments: [("f", "df"), ("f_scalar", "df_scalar")])
  func pythonFunctionsInBatchesOrPointByPoint(_ names: (String, String)) throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("model.py", pythonModel)
    let good = try experiment(
      folder, yaml(f: "{python: \"model.py:\(names.0)\"}", df: "{python: \"model.py:\(names.1)\"}"))
    #expect(good.outcome.derivativeChecks?.allSatisfy { $0.agreement.status == .agrees } == true)
    #expect(good.report.verdict.passed)
  }

  @Test func aFactorOfTwoInPythonIsAPlateauOfTheDerivativesSize() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("model.py", pythonModel)
    let bad = try experiment(
      folder,
      yaml(
        f: #"{python: "model.py:f_vector", vector: true}"#, df: #"{python: "model.py:df_twice"}"#,
        at: "0.3"))
    let check = try #require(bad.outcome.derivativeChecks?.first)
    #expect(check.agreement.status == .plateau)
    let d = cos(0.3) - 0.3 * sin(0.3)
    #expect(abs((check.agreement.plateau ?? 0) - d) < 1e-4 * d)
    #expect(!bad.report.verdict.passed)
  }

  @Test func withoutDfTheAdaptiveDerivativeIsTheReference() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("model.py", pythonModel)
    let file = """
      kind: convergence
      cases:
        - f: {python: "model.py:f"}
          at: 0.3
      schemes: [forward, central]
      expect: {forward: auto, central: auto}
      """
    let run = try experiment(folder, file)
    #expect(run.outcome.derivativeChecks?.allSatisfy { $0.reference == "adaptive" } == true)
    #expect(run.outcome.results.allSatisfy { $0.outcome.passed })
    #expect(run.report.notes.contains { $0.english.contains("adaptive derivative") })
  }

  @Test(arguments: [
    ("precision: [single]", "a program computes in its own precision"),
    ("schemes: [central, complex-step]", "complex-step needs an expression"),
  ])
  func expressionOnlyKeysSaySo(_ key: String, _ message: String) throws {
    try expectLoadError(kind: "convergence", fileKey: key, contains: message)
  }

  /// Loading a file with one program case (`caseKey` added to the case, `fileKey` to the file)
  /// fails with an error that contains `message`.
  func expectLoadError(kind: String, caseKey: String = "", fileKey: String = "", contains message: String)
    throws
  {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "e.yaml",
      """
      kind: \(kind)
      cases:
        - f: {command: ["./model"]}
          at: 0.3
          \(caseKey)
      \(fileKey)
      """)
    #expect {
      try Experiment.load(path: file.path)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  /// Convergence and accuracy decode a program case's `df` through one `ProgramDerivativeCase`:
  /// an expression `df` in another variable is refused at its line in both, and a second
  /// derivative of a program without `df` is refused in convergence.
  @Test(arguments: [
    ("convergence", "df: 2*y", "e.yaml:5:9: df uses y, but f is a function of x"),
    ("accuracy", "df: 2*y", "e.yaml:5:9: df uses y, but f is a function of x"),
    ("convergence", "derivative: 2", "derivative: 2 of a program needs df"),
  ])
  func aProgramsDfIsDecodedAlikeInBothKinds(_ kind: String, _ key: String, _ message: String)
    throws
  {
    try expectLoadError(kind: kind, caseKey: key, contains: message)
  }
}
