// swift-tools-version:6.0
import PackageDescription

// The BLAS `make deps` fetches (PyPI's scipy-openblas32, see the Makefile) lives in the
// package's .cache/blas: linked from there, and found there at run time through an rpath, from
// any working directory. (Sources/CBLAS/shim.h includes its headers by the same relative path.)
// Unsafe flags are allowed in a root package and in a local one (Fuzz/ depends on this by path).
let blasLibrary = Context.packageDirectory + "/.cache/blas/lib"
let blasLinkerSettings: [LinkerSetting] = [
  .unsafeFlags(["-L" + blasLibrary, "-Xlinker", "-rpath", "-Xlinker", blasLibrary])
]

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
        "CVectorMath",
        .product(name: "RealModule", package: "swift-numerics"),
        .product(name: "ComplexModule", package: "swift-numerics"),
      ]),
    .target(
      name: "Learning",
      dependencies: [
        "Calculus", "CBLAS", "CZlib",
        .product(name: "RealModule", package: "swift-numerics"),
      ],
      linkerSettings: blasLinkerSettings),
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
      ],
      exclude: ["Programs/python_driver.py"]),
    .target(
      name: "ExperimentCLI",
      dependencies: [
        "Harness", "Learning", "Plotting",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "experiment", dependencies: ["ExperimentCLI"]),
    .executableTarget(
      name: "bench", dependencies: ["Learning", "Calculus"],
      path: "Benchmarks/Sources/bench"),

    // MARK: - Implementation details: C kernels and system libraries

    // Calculus's vector kernels, compiled per instruction set and chosen at run time.
    .target(name: "CVectorMath"),

    .systemLibrary(
      name: "CPLplot", pkgConfig: "plplot",
      providers: [.apt(["libplplot-dev", "plplot-driver-cairo", "pkg-config"])]),
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(name: "CBLAS"),
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
