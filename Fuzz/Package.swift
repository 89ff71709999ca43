// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for the expression language, the experiment files and the numerical
// claims of a sweep. `make fuzz` builds
// them with `-sanitize=fuzzer,address` for every module (so the code under test is
// instrumented too) into ../.build-fuzz, then runs each for FUZZ_SECONDS.

// A path dependency is named by its folder, which is whatever the clone is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let rootName = root.lastPathComponent

let package = Package(
  name: "Fuzz",
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
  ],
  targets: [
    .target(name: "CFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CFuzzer"]),
    .executableTarget(
      name: "fuzz-expression",
      dependencies: [
        "FuzzSupport", .product(name: "Calculus", package: rootName),
        .product(name: "ComplexModule", package: "swift-numerics"),
      ],
      path: "Sources/FuzzExpression"),
    .executableTarget(
      name: "fuzz-claims",
      dependencies: ["FuzzSupport", .product(name: "Calculus", package: rootName)],
      path: "Sources/FuzzClaims"),
    .executableTarget(
      name: "fuzz-experiment",
      dependencies: ["FuzzSupport", .product(name: "Harness", package: rootName)],
      path: "Sources/FuzzExperiment"),
  ]
)
