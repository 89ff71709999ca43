import Foundation
import Plotting

/// The figure kinds the harness draws, built from made-up but realistic numbers.
enum SampleFigures {
  static let steps = (0...44).map { pow(10, -12 + Double($0) / 4) }

  /// Error of forward, central and five-point differences of exp at 1: truncation C h^p plus
  /// a round-off floor eps / h with a deterministic wobble.
  static func error(order: Double, constant: Double, h: Double, k: Int) -> Double {
    let roundoff = 1.1e-16 / h * (1 + 0.6 * sin(Double(k) * 1.7))
    return constant * pow(h, order) + roundoff
  }

  static var convergence: Figure {
    let schemes: [(String, Double, Double)] = [
      ("forward, O(h)", 1, 1.36), ("central, O(h^{2})", 2, 0.45), ("five-point, O(h^{4})", 4, 0.09),
    ]
    let series = schemes.map { name, p, c in
      Series(
        name, x: steps, y: steps.enumerated().map { error(order: p, constant: c, h: $1, k: $0) })
    }
    let panel = Panel(
      title: "f(x) = e^{x} at x = 1", xAxis: Axis("step size h", scale: .log10),
      yAxis: Axis("|error|", scale: .log10), series: series,
      referenceLines: [
        ReferenceLine("O(h)", slope: 1, through: (1e-2, 3e-4), xRange: 1e-6...1e-1),
        ReferenceLine("O(h^{2})", slope: 2, through: (1e-2, 2e-6), xRange: 1e-5...1e-1),
      ],
      spans: [Span("central fit range", x: 1e-4...1e-1, color: 1)],
      verticalMarkers: [
        VerticalMarker("best h observed", x: 6e-6, dash: .dashed),
        VerticalMarker("best h predicted ≈ ∛ε", x: 4.8e-6, dash: .dotted, color: 2),
      ])
    return Figure(title: "Forward, central and five-point differences", panels: [panel])
  }

  static var twoPanels: Figure {
    let left = Panel(
      title: "∂f/∂x at (2, −1)", xAxis: Axis("h", scale: .log10),
      yAxis: Axis("|error|", scale: .log10),
      series: [
        Series(
          "forward", x: steps,
          y: steps.enumerated().map { error(order: 1, constant: 1, h: $1, k: $0) }),
        Series(
          "central", x: steps,
          y: steps.enumerated().map { error(order: 2, constant: 0.3, h: $1, k: $0) }),
      ], legend: .lowerRight)
    let lossX = (0...100).map(Double.init)
    let right = Panel(
      title: "f(x_{k}) against the step k", xAxis: Axis("step k"),
      yAxis: Axis("f(x_{k})", scale: .log10),
      series: [0.01, 0.1, 0.9, 1.05].enumerated().map { i, rate in
        Series(
          "η = \(rate)", x: lossX, y: lossX.map { 25 * pow(abs(1 - 2 * rate), 2 * $0) },
          style: .line)
      })
    return Figure(title: "Two panels", panels: [left, right], columns: 2)
  }

  static var contour: Figure {
    let f = { (x: Double, y: Double) in x * x + 2 * y * y }
    let grid = Grid2D(x: -4...4, y: -4...4, nx: 81, ny: 81, f)
    let paths = [0.05, 0.2, 0.45].enumerated().map { i, rate in
      var p = (-3.0, 3.5)
      var xs = [p.0]
      var ys = [p.1]
      for _ in 0..<25 {
        p = (p.0 - rate * 2 * p.0, p.1 - rate * 4 * p.1)
        xs.append(p.0)
        ys.append(p.1)
      }
      return Series("η = \(rate)", x: xs, y: ys, style: .lineAndMarkers, color: i)
    }
    let panel = Panel(
      title: "Gradient descent on f = x^{2} + 2y^{2}", xAxis: Axis("x"), yAxis: Axis("y"),
      series: paths,
      annotations: [Annotation("minimum", x: 0.15, y: -0.35)],
      content: .contour(grid, levels: .values([0.5, 2, 4, 8, 12, 18, 25, 32, 40])))
    return Figure(panels: [panel], width: 1000, height: 900)
  }

  static var surface: Figure {
    let f = { (x: Double, y: Double) in x * x + 2 * y * y }
    let grid = Grid2D(x: -3...3, y: -3...3, nx: 31, ny: 31, f)
    let ys = stride(from: -3.0, through: 3.0, by: 0.1).map { $0 }
    let curve = Curve3D(
      "f(2, y): the plane x = 2", x: ys.map { _ in 2 }, y: ys, z: ys.map { f(2, $0) })
    let tangentY = [-2.6, 0.6]
    let tangent = Curve3D(
      "tangent, slope ∂f/∂y = −4", x: [2, 2], y: tangentY, z: tangentY.map { 6 - 4 * ($0 + 1) },
      dash: .dashed, color: 1)
    let point = Curve3D("(2, −1, 6)", x: [2], y: [-1], z: [6], color: 2, style: .markers)
    let panel = Panel(
      title: "f(x, y) = x^{2} + 2y^{2} and its partial in y at (2, −1)", xAxis: Axis("x"),
      yAxis: Axis("y"),
      zAxis: Axis("f"),
      content: .surface3D(
        grid, curves: [curve, tangent, point], plane: Plane3D("the plane x = 2", x: 2),
        azimuth: -55, altitude: 28))
    return Figure(panels: [panel])
  }

  static var histogram: Figure {
    let values = (0..<2000).map { i -> Double in
      let u = (Double(i) + 0.5) / 2000
      return -9.5 + 2.2 * sin(.pi * u) * cos(7 * u) + 1.1 * (u - 0.5)
    }
    let panel = Panel(
      title: "Relative error of the numerical gradient, W_{1}",
      xAxis: Axis("log_{10} relative error"), yAxis: Axis("parameters"),
      series: [Series.histogram("W_{1} (39 200 entries)", values: values, bins: 30)],
      verticalMarkers: [VerticalMarker("tolerance 10^{−6}", x: -6, dash: .dashed, color: 1)])
    return Figure(panels: [panel])
  }

  /// The renderer's own words in Korean, as Harness gives them.
  static let koreanWords = FigureWords(
    undrawnHead: "제 값에 그리지 못한 점 — ", nameSeparator: ": ",
    offFrame: "개는 0 또는 ±∞라 가장자리에 표시", undrawable: "개는 NaN 또는 음수라 생략",
    eachBefore: "각 ", eachAfter: "", edgeMark: "0 또는 ±∞: 가장자리에 표시",
    beyond: "개는 축 밖이라 선이 나가는 곳에 표시", hidden: "개는 축 밖이라 그리지 않음")

  /// Labels in one of the two languages of the course.
  struct Words {
    var step, error, forward, backward, central, fit, title, loss, accuracy, epoch: String
    var descent, training: String

    static let en = Words(
      step: "step h", error: "|error|", forward: "forward", backward: "backward",
      central: "central", fit: "fit range", title: "Forward, backward and central differences",
      loss: "loss", accuracy: "test accuracy", epoch: "epoch",
      descent: "Gradient descent on x_{0}^{2} + x_{1}^{2}", training: "Training curves")
    static let ko = Words(
      step: "간격 h", error: "오차", forward: "전방 차분", backward: "후방 차분", central: "중앙 차분",
      fit: "적합 구간", title: "전방, 후방, 중앙 차분의 오차", loss: "손실함수", accuracy: "테스트 정확도",
      epoch: "에폭", descent: "x_{0}^{2} + x_{1}^{2}의 경사하강법", training: "학습 곡선")
  }

  /// The convergence figure of the issue: forward and backward errors that coincide in the
  /// truncation range, central with exactly zero errors at small h, overlapping fit ranges.
  static func convergenceIssue(_ w: Words) -> Figure {
    let e = (forward: 4.0, central: 0.2)
    let forward = steps.enumerated().map { k, h in
      e.forward * h + 1.1e-16 / h * (1 + 0.6 * sin(Double(k) * 1.7))
    }
    let backward = steps.enumerated().map { k, h in
      e.forward * h * (1 - h) + 1.1e-16 / h * (1 + 0.6 * cos(Double(k) * 2.3))
    }
    let central = steps.enumerated().map { k, h in
      h < 3e-9 && k % 3 != 1 ? 0 : e.central * h * h + 1e-17 / h
    }
    let panel = Panel(
      title: "f(x) = 2x^{2} + 4e^{x} + 15, x = 1", xAxis: Axis(w.step, scale: .log10),
      yAxis: Axis(w.error, scale: .log10),
      series: [
        Series("\(w.forward): 1.00", x: steps, y: forward, xRange: 1e-12...1e-1),
        Series("\(w.backward): 1.00", x: steps, y: backward, xRange: 1e-12...1e-1),
        Series("\(w.central): 2.00", x: steps, y: central, xRange: 1e-12...1e-1),
      ],
      referenceLines: [
        ReferenceLine("O(h^{2})", slope: 2, through: (1e-2, 2e-6), xRange: 1e-5...1e-1)
      ],
      spans: [
        Span("\(w.forward) \(w.fit)", x: 1e-7...1e-1, color: 0),
        Span("\(w.central) \(w.fit)", x: 1e-4...1e-1, color: 2),
      ])
    return Figure(title: w.title, panels: [panel])
  }

  /// Gradient descent on x0^2 + x1^2 from (-3, 4): equal axes, a path that diverges out of the
  /// frame, the loss of two rates that shrink alike.
  static func descent(_ w: Words) -> Figure {
    let grid = Grid2D(x: -6...6, y: -5...5, nx: 61, ny: 51) { $0 * $0 + $1 * $1 }
    let rates = [0.1, 0.9, 1.05]
    let paths = rates.map { rate in
      (0...30).map { k in (-3 * pow(1 - 2 * rate, Double(k)), 4 * pow(1 - 2 * rate, Double(k))) }
    }
    let map = Panel(
      xAxis: Axis("x_{0}"), yAxis: Axis("x_{1}"),
      series: zip(rates, paths).map { rate, p in
        Series("η = \(rate)", x: p.map(\.0), y: p.map(\.1))
      },
      legend: .outsideRight, content: .contour(grid, levels: .count(10)), equalAspect: true)
    let k = (0...30).map(Double.init)
    let loss = Panel(
      xAxis: Axis("k"), yAxis: Axis("f(x_{k})", scale: .log10),
      series: zip(rates, paths).map { rate, p in
        Series("η = \(rate)", x: k, y: p.map { $0.0 * $0.0 + $0.1 * $0.1 }, style: .line)
      })
    return Figure(title: w.descent, panels: [map, loss], columns: 2, width: 1600, height: 800)
  }

  /// Training curves: fractional epochs, an accuracy that must not look exaggerated.
  static func training(_ w: Words) -> Figure {
    let epochs = (1...20).map { Double($0) / 4 }
    let loss = Panel(
      xAxis: Axis(w.epoch, isInteger: true), yAxis: Axis(w.loss),
      series: [
        Series(w.loss, x: epochs, y: epochs.map { 2.3 * exp(-0.25 * $0) + 0.3 }, style: .line)
      ])
    let accuracy = Panel(
      xAxis: Axis(w.epoch, isInteger: true), yAxis: Axis(w.accuracy, including: [0, 1]),
      series: [Series(w.accuracy, x: [1, 2, 3, 4, 5], y: [0.49, 0.55, 0.59, 0.62, 0.64])])
    return Figure(
      title: w.training, panels: [loss, accuracy], columns: 2, width: 1600, height: 700)
  }

  static let issueCases: [(String, Figure)] = [
    ("convergence-issue", convergenceIssue(.en)), ("convergence-issue-ko", convergenceIssue(.ko)),
    ("descent", descent(.en)), ("descent-ko", descent(.ko)), ("training", training(.en)),
    ("training-ko", training(.ko)),
  ]

  static let all: [(String, Figure)] = [
    ("convergence", convergence), ("two-panels", twoPanels), ("contour", contour),
    ("surface", surface), ("histogram", histogram),
  ]
}
