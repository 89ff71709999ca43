// swift-tools-version:6.0
import PackageDescription

// MARK: - Public API targets

let package = Package(
  name: "Derivatives",
  products: [
    .executable(name: "experiment", targets: ["experiment"]),
    .library(name: "Calculus", targets: ["Calculus"]),
    .library(name: "Learning", targets: ["Learning"]),
    .library(name: "Plotting", targets: ["Plotting"]),
    .library(name: "Diagrams", targets: ["Diagrams"]),
    .library(name: "Harness", targets: ["Harness"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    .target(
      name: "Calculus",
      dependencies: [
        .product(name: "RealModule", package: "swift-numerics"),
        .product(name: "ComplexModule", package: "swift-numerics"),
      ]),
    .target(
      name: "Learning",
      dependencies: [
        "Calculus", "CBLAS", "CZlib",
        .product(name: "RealModule", package: "swift-numerics"),
      ]),
    .target(name: "Plotting", dependencies: ["CPLplot", "CCairo"]),
    .target(
      name: "Diagrams",
      dependencies: [
        "CGraphviz", "Calculus", "Learning",
        .product(name: "RealModule", package: "swift-numerics"),
      ]),
    .target(
      name: "Harness",
      dependencies: [
        "Calculus", "Learning", "Plotting", "Diagrams",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "RealModule", package: "swift-numerics"),
        .product(name: "ComplexModule", package: "swift-numerics"),
      ]),
    .target(
      name: "ExperimentCLI",
      dependencies: [
        "Harness", "Plotting",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "experiment", dependencies: ["ExperimentCLI"]),
    .executableTarget(
      name: "bench", dependencies: ["Learning", "Calculus", "CBLAS"],
      path: "Benchmarks/Sources/bench"),

    // MARK: - Implementation details: system libraries

    .systemLibrary(
      name: "CPLplot", pkgConfig: "plplot",
      providers: [.apt(["libplplot-dev", "plplot-driver-cairo", "pkg-config"])]),
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev", "libgvc6", "fonts-noto-cjk"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // MARK: - Test bundles

    .testTarget(
      name: "CalculusTests",
      dependencies: ["Calculus", .product(name: "Yams", package: "Yams")]),
    .testTarget(name: "LearningTests", dependencies: ["Learning"]),
    .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
    .testTarget(
      name: "HarnessTests", dependencies: ["Harness", "ExperimentCLI", "Learning"],
      exclude: ["Order/Fixtures"]),
    .testTarget(name: "DiagramsTests", dependencies: ["Diagrams", "Calculus", "Learning"]),
  ]
)
