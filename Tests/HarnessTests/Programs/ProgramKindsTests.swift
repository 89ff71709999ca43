import Foundation
import Testing

@testable import Harness

/// f(x, y) = x^2 y + sin(x y) and its gradient over the command protocol, in C; `bug` doubles
/// df/dx (df/dy stays right), `short` answers one number where two are expected.
let cSurface = """
  #include <math.h>
  #include <stdio.h>
  #include <string.h>
  int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "f";
    double x, y;
    while (scanf("%lf %lf", &x, &y) == 2) {
      double gx = 2 * x * y + y * cos(x * y), gy = x * x + x * cos(x * y);
      if (strcmp(mode, "f") == 0) printf("%.17g\\n", x * x * y + sin(x * y));
      else if (strcmp(mode, "bug") == 0) printf("%.17g %.17g\\n", 2 * gx, gy);
      else if (strcmp(mode, "short") == 0) printf("%.17g\\n", gx);
      else printf("%.17g %.17g\\n", gx, gy);
      fflush(stdout);
    }
    return 0;
  }
  """

/// The same in numpy: batches of arrays; `gradient_missing_term` forgets y cos(x y) in df/dx.
let pythonSurface = """
  import numpy as np

  def f(x, y):
      return x**2 * y + np.sin(x * y)

  def gradient(x, y):
      return np.stack([2 * x * y + y * np.cos(x * y), x**2 + x * np.cos(x * y)], axis=-1)

  def gradient_missing_term(x, y):
      return np.stack([2 * x * y, x**2 + x * np.cos(x * y)], axis=-1)

  def bowl(x, y):
      return (x - 1)**2 + 2 * (y + 0.5)**2

  def bowl_gradient(x, y):
      return np.stack([2 * (x - 1), 4 * (y + 0.5)], axis=-1)

  def f32(x, y):
      x = np.asarray(x, dtype=np.float32); y = np.asarray(y, dtype=np.float32)
      return (x**2 * y + np.sin(x * y)).astype(np.float64)

  def gradient32(x, y):
      x = np.asarray(x, dtype=np.float32); y = np.asarray(y, dtype=np.float32)
      g = np.stack([2 * x * y + y * np.cos(x * y), x**2 + x * np.cos(x * y)], axis=-1)
      return g.astype(np.float64)
  """

/// `f` and `gradient` from programs in kinds partials and descent, in process.
@Suite struct ProgramKindsTests {
  func partials(_ folder: ProgramFolder, f: String, gradient: String?, extra: String = "")
    throws -> PartialsOutcome
  {
    let file = try folder.write(
      "p-\(UUID().uuidString).yaml",
      """
      kind: partials
      f: \(f)
      \(gradient.map { "gradient: \($0)" } ?? "")
      variables: [x, y]
      at: [{x: 0.7, y: -1.3}, {x: 2, y: 0.5}]
      schemes: [forward, central, central4]
      \(extra)
      """)
    let experiment = try Experiment.load(path: file.path)
    let spec = try #require(experiment.spec(of: Partials.self))
    return try Partials.run(spec, context: RunContext(options: RunOptions()))
  }

  @Test func aCGradientPassesAndItsPlantedBugIsNamedEntryByEntry() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.compileC("surface", cSurface)
    let good = try partials(
      folder, f: #"{command: ["./surface"]}"#, gradient: #"{command: ["./surface", "grad"]}"#)
    let checks = try #require(good.gradientChecks)
    #expect(checks.count == 6)
    #expect(checks.allSatisfy { $0.status == .passed }, "\(checks.map(\.status))")
    let bad = try partials(
      folder, f: #"{command: ["./surface"]}"#, gradient: #"{command: ["./surface", "bug"]}"#)
    let found = try #require(bad.gradientChecks)
    #expect(found.allSatisfy { $0.status == .failed })
    #expect(found.allSatisfy { $0.differing.map(\.variable) == ["x"] })
    // The plateau is the size of the bug: |2 gx - gx| = |gx| at (0.7, -1.3).
    let gx = 2 * 0.7 * -1.3 + -1.3 * cos(0.7 * -1.3)
    let level = try #require(found[0].entries[0].agreement.plateau)
    #expect(abs(level - abs(gx)) < 1e-3 * abs(gx))
  }

  /// `expect: {wrong: [x]}` turns the planted bug into the expected outcome: passed when
  /// exactly x differs, failed when the expectation names the right entry instead, and a
  /// correct gradient fails an expectation of a bug.
  @Test func anExpectedWrongEntryPassesOnlyWhenExactlyItDiffers() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.compileC("surface", cSurface)
    let (f, bug, good) = (
      #"{command: ["./surface"]}"#, #"{command: ["./surface", "bug"]}"#,
      #"{command: ["./surface", "grad"]}"#
    )
    let found = try #require(
      partials(folder, f: f, gradient: bug, extra: "expect: {wrong: [x]}").gradientChecks)
    #expect(found.allSatisfy { $0.status == .passed }, "\(found.map(\.status))")
    let named = try #require(
      partials(folder, f: f, gradient: bug, extra: "expect: {wrong: [y]}").gradientChecks)
    #expect(named.allSatisfy { $0.status == .failed })
    let missed = try #require(
      partials(folder, f: f, gradient: good, extra: "expect: {wrong: [x]}").gradientChecks)
    #expect(missed.allSatisfy { $0.status == .failed })
    #expect(throws: ExperimentError.self) {
      _ = try partials(folder, f: f, gradient: bug, extra: "expect: {wrong: [z]}")
    }
  }

  @Test func aPythonGradientInDoubleAndSinglePassesAndAMissingTermFails() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("surface.py", pythonSurface)
    let good = try partials(
      folder, f: #"{python: "surface.py:f"}"#, gradient: #"{python: "surface.py:gradient"}"#)
    #expect(good.gradientChecks?.allSatisfy { $0.status == .passed } == true)
    let single = try partials(
      folder, f: #"{python: "surface.py:f32", precision: single}"#,
      gradient: #"{python: "surface.py:gradient32", precision: single}"#)
    #expect(single.gradientChecks?.allSatisfy { $0.status == .passed } == true)
    let bad = try partials(
      folder, f: #"{python: "surface.py:f"}"#,
      gradient: #"{python: "surface.py:gradient_missing_term"}"#)
    #expect(bad.gradientChecks?.allSatisfy { $0.differing.map(\.variable) == ["x"] } == true)
  }

  @Test func withoutAGradientTheAdaptiveDerivativeIsTheReference() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("surface.py", pythonSurface)
    let run = try partials(
      folder, f: #"{python: "surface.py:f"}"#, gradient: nil,
      extra: "expect: {forward: auto, central: auto}")
    #expect(run.gradientChecks == nil)
    #expect(run.references?.allSatisfy { $0.source == "adaptive" } == true)
    #expect(
      run.results.filter { $0.outcome.scheme != .central4 }.allSatisfy { $0.outcome.passed },
      "\(run.results.map { ($0.outcome.scheme, $0.outcome.fit.fit?.order ?? .nan) })")
  }

  @Test func descentFollowsAProgramsFAndComparesTheUsersGradient() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.write("surface.py", pythonSurface)
    let file = try folder.write(
      "d.yaml",
      """
      kind: descent
      f: {python: "surface.py:bowl"}
      variables: [x, y]
      start: {x: 0.5, y: 0.5}
      learning_rates: [0.1]
      steps: 200
      gradient: [central, {python: "surface.py:bowl_gradient"}]
      """)
    let experiment = try Experiment.load(path: file.path)
    let spec = try #require(experiment.spec(of: Descent.self))
    #expect(spec.gradients == [.central, .user])
    let outcome = try Descent.run(spec, context: RunContext(options: RunOptions()))
    #expect(outcome.runs.count == 2)
    #expect(outcome.runs.allSatisfy { $0.run.status == .converged })
    let distance = try #require(outcome.pathAgreement.first?.maxDistance.value)
    #expect(distance < 1e-6)
    // The same descent on the expression: the program's path is the expression's.
    let expression = try Descent.run(
      try #require(
        try Experiment.load(
          path: try folder.write(
            "e.yaml",
            """
            kind: descent
            f: "(x-1)^2 + 2*(y+0.5)^2"
            start: {x: 0.5, y: 0.5}
            learning_rates: [0.1]
            steps: 200
            """
          ).path
        ).spec(of: Descent.self)), context: RunContext(options: RunOptions()))
    #expect(expression.runs[0].run.finalPoint == outcome.runs[0].run.finalPoint)
  }

  func accuracy(_ folder: ProgramFolder, cases: String) throws -> AccuracyOutcome {
    let file = try folder.write(
      "a-\(UUID().uuidString).yaml",
      "kind: accuracy\ncases:\n\(cases)\nmethods: [forward, central, central4, richardson, adaptive]")
    let experiment = try Experiment.load(path: file.path)
    let spec = try #require(experiment.spec(of: Accuracy.self))
    return try Accuracy.run(spec, context: RunContext(options: RunOptions()))
  }

  @Test func accuracyOfACProgramAgainstItsDerivativeOrTheAdaptiveOne() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    try folder.compileC("model", cProgram)
    let withDf = try accuracy(
      folder,
      cases: #"  - {f: {command: ["./model"]}, df: {command: ["./model", "df"]}, at: [0.3, 1.7]}"#)
    #expect(withDf.results.count == 10)
    #expect(withDf.references?.allSatisfy { $0.source == "df" } == true)
    for r in withDf.results {
      let least: Double = r.method == .forward ? 6 : r.method == .central ? 9 : 11
      #expect((r.digits ?? 0) >= least, "\(r.method) at \(r.at): \(r.digits ?? -1)")
    }
    // Without df, the adaptive derivative's error estimate caps what can be seen.
    let adaptive = try accuracy(folder, cases: #"  - {f: {command: ["./model"]}, at: 1.7}"#)
    let reference = try #require(adaptive.references?.first)
    #expect(reference.source == "adaptive")
    let own = try #require(adaptive.results.first { $0.method == .adaptive })
    let cap = -log10((reference.error.value ?? 1) / abs(reference.value.value ?? 1))
    #expect(own.digits == cap)
  }

  @Test(arguments: [
    ("kind: accuracy\ncases:\n  - {f: {command: [\"./m\"]}, at: 1}\nmethods: [central, complex-step]",
     "complex-step needs an expression"),
    ("kind: accuracy\ncases:\n  - {f: {command: [\"./m\"]}, at: 1}\nprecision: [single]",
     "a program computes in its own precision"),
    ("kind: accuracy\ncases:\n  - {f: \"sin(x)\", df: \"cos(x)\", at: 1}",
     "'df' belongs to a program f"),
    ("kind: partials\nf: {command: [\"./m\"]}\nvariables: [x, y]\nat: {x: 1, y: 2}\nprecision: [single]",
     "a program computes in its own precision"),
    ("kind: partials\nf: {command: [\"./m\"]}\nvariables: [x, y]\nat: {x: 1, y: 2}\nschemes: [complex-step]",
     "complex-step needs an expression"),
    ("kind: partials\nf: {command: [\"./m\"]}\nvariables: [x, y]\nat: {x: 1, y: 2}\nhessian: true",
     "'hessian' needs an expression"),
    ("kind: partials\nf: {command: [\"./m\"]}\nat: {x: 1, y: 2}", "a program f needs 'variables:'"),
    ("kind: partials\nf: \"x*y\"\nat: {x: 1, y: 2}\ngradient: {command: [\"./g\"]}",
     "'gradient' is the gradient under test of a program f"),
    ("kind: descent\nf: {command: [\"./m\"]}\nvariables: [x]\nstart: {x: 1}\nlearning_rates: [0.1]\ngradient: analytic",
     "analytic needs an expression"),
    ("kind: descent\nf: \"x^2\"\nstart: {x: 1}\nlearning_rates: [0.1]\ngradient: user",
     "'user' is the path of your gradient"),
  ])
  func whatNeedsAnExpressionSaysSo(_ yaml: String, _ message: String) throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    let file = try folder.write("e.yaml", yaml)
    #expect {
      try Experiment.load(path: file.path)
    } throws: { error in
      "\(error)".contains(message)
    }
  }
}

/// Every bad-input class through the binary for partials and descent: exit 2, the program and
/// the point named, nothing written; NaN everywhere is "not checked", never passed.
@Suite(.serialized) struct ProgramKindsFailureTests {
  static let misbehaving = """
    import math, sys
    mode = sys.argv[1]
    n = 0
    for line in sys.stdin:
        n += 1
        x, y = (float(w) for w in line.split())
        if mode == "crash-100" and n == 100:
            sys.stderr.write("crash at point 100\\n"); sys.exit(5)
        if mode == "words": print("not a number", flush=True); continue
        if mode == "three": print(repr(x), repr(y), repr(x), flush=True); continue
        if mode == "nan": print("nan nan", flush=True); continue
        if mode == "nan1": print("NaN", flush=True); continue
        if mode == "grad": print(repr(2 * x), repr(2 * y), flush=True); continue
        print(repr(x * x + y * y), flush=True)
    """

  func run(_ yaml: String, _ folder: ProgramFolder) throws -> ProcessTests.Result {
    try folder.write("bad.py", Self.misbehaving)
    let file = try folder.write("e.yaml", yaml)
    let output = folder.url.appendingPathComponent("out")
    let result = ProcessTests.finish(
      try ProcessTests.spawn(["run", file.path, "--output", output.path], in: folder.url))
    if result.status == 2 {
      #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("e").path))
    }
    return result
  }

  static func partials(f: String, gradient: String) -> String {
    """
    kind: partials
    f: \(f)
    gradient: \(gradient)
    variables: [x, y]
    at: {x: 0.5, y: -0.25}
    schemes: [central]
    """
  }

  static func descent(f: String = f, gradient: String) -> String {
    """
    kind: descent
    f: \(f)
    variables: [x, y]
    start: {x: 1, y: 1}
    learning_rates: [0.1]
    gradient: \(gradient)
    """
  }

  static let f = #"{command: ["python3", "bad.py", "f"]}"#

  @Test(arguments: [
    (partials(f: #"{command: ["./missing"]}"#, gradient: f), "f: cannot start the program ./missing"),
    (partials(f: #"{command: ["python3", "bad.py", "crash-100"]}"#, gradient: f), "crash at point 100"),
    (partials(f: #"{command: ["python3", "bad.py", "words"]}"#, gradient: f), "which is not a number"),
    (partials(f: f, gradient: #"{command: ["python3", "bad.py", "three"]}"#),
     "gradient: the program python3 bad.py three answered 3 numbers where 2 were expected"),
    (partials(f: f, gradient: #"{command: ["python3", "bad.py", "f"]}"#),
     "answered 1 numbers where 2 were expected"),
    (descent(gradient: #"[central, {command: ["python3", "bad.py", "three"]}]"#),
     "answered 3 numbers where 2 were expected"),
    (descent(f: #"{command: ["python3", "bad.py", "crash-100"]}"#, gradient: "central"),
     "crash at point 100"),
    ("kind: accuracy\ncases:\n  - {f: {command: [\"./missing\"]}, at: 1}",
     "f: cannot start the program ./missing"),
    ("kind: accuracy\ncases:\n  - {f: {python: \"absent.py:f\"}, at: 1}",
     "absent.py: no such file"),
  ])
  func aMisbehavingProgramIsALocatedError(_ yaml: String, _ says: String) throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    let r = try run(yaml, folder)
    #expect(r.status == 2, "\(r.err)")
    #expect(r.err.contains(says), "\(r.err)")
    #expect(r.err.contains("e.yaml:"), "\(r.err)")
  }

  @Test func nanEverywhereIsNotCheckedNeverPassed() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    for (f, gradient) in [
      (Self.f, #"{command: ["python3", "bad.py", "nan"]}"#),
      (#"{command: ["python3", "bad.py", "nan1"]}"#, #"{command: ["python3", "bad.py", "grad"]}"#),
    ] {
      let r = try run(Self.partials(f: f, gradient: gradient), folder)
      #expect(r.status == 0, "\(r.err)")
      #expect(r.out.contains("NOT CHECKED"), "\(r.out)")
      #expect(!r.out.contains("FAILED") && !r.out.contains("checks passed"), "\(r.out)")
    }
  }

  @Test func showListsAndNoProgramsRefusesPartialsAndDescent() throws {
    let folder = try ProgramFolder()
    defer { folder.remove() }
    for yaml in [
      Self.partials(f: Self.f, gradient: #"{python: "bad.py:g"}"#),
      Self.descent(gradient: #"{python: "bad.py:g"}"#),
      "kind: accuracy\ncases:\n  - {f: \(Self.f), df: {python: \"bad.py:g\"}, at: 1}",
    ] {
      let file = try folder.write("e.yaml", yaml)
      let show = ProcessTests.finish(try ProcessTests.spawn(["show", file.path], in: folder.url))
      #expect(show.out.contains("python3 bad.py f (in \(folder.url.path))"), "\(show.out)")
      #expect(show.out.contains("python_driver.py bad.py g"), "\(show.out)")
      let refused = ProcessTests.finish(
        try ProcessTests.spawn(["run", file.path, "--no-programs"], in: folder.url))
      #expect(refused.status == 2)
      #expect(refused.err.contains("refused (--no-programs)"), "\(refused.err)")
    }
  }
}
