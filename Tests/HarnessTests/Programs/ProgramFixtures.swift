import Foundation
import Testing

@testable import Harness

/// A temporary folder holding user programs and experiment files that name them.
struct ProgramFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "programs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: url) }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> URL {
    let file = url.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  /// Compiles `source` with the system's `cc` into `name` here.
  func compileC(_ name: String, _ source: String) throws {
    try write(name + ".c", source)
    let result = try ProgramRunner.run(
      ["cc", "-O2", "-o", name, name + ".c", "-lm"], in: url, timeout: 120,
      cancellation: Cancellation())
    try #require(result.ending == .exited(0), "cc failed: \(result.standardError)")
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// f = x cos x and its derivative, with planted bugs, as a C program of the command protocol.
let cProgram = """
  #include <math.h>
  #include <stdio.h>
  #include <string.h>
  int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "f";
    double x;
    while (scanf("%lf", &x) == 1) {
      double v;
      if (strcmp(mode, "df") == 0) v = cos(x) - x * sin(x);
      else if (strcmp(mode, "sign") == 0) v = cos(x) + x * sin(x);
      else if (strcmp(mode, "tiny") == 0) v = cos(x) - x * sin(x) + 1e-6;
      else v = x * cos(x);
      printf("%.17g\\n", v);
      fflush(stdout);
    }
    return 0;
  }
  """

/// The same in Python, over numpy arrays, and a scalar-only version (math).
let pythonModel = """
  import math
  import numpy as np

  def f(x):
      return x * np.cos(x)

  def df(x):
      return np.cos(x) - x * np.sin(x)

  def df_twice(x):
      return 2 * (np.cos(x) - x * np.sin(x))

  def f_scalar(x):
      return x * math.cos(x)

  def df_scalar(x):
      return math.cos(x) - x * math.sin(x)

  def f_vector(v):
      return v[..., 0] * np.cos(v[..., 0])
  """
