/// The house style: colours, sizes and marker shapes shared by every figure.
///
/// Sizes are in pixels of a 1200x900 figure and scale with the figure's size.
enum HouseStyle {
  struct RGB: Equatable, Hashable {
    var r: Int
    var g: Int
    var b: Int

    init(_ hex: UInt32) {
      r = Int(hex >> 16 & 0xFF)
      g = Int(hex >> 8 & 0xFF)
      b = Int(hex & 0xFF)
    }
  }

  /// Okabe and Ito's colour-blind-safe palette, reordered so that the first colours are the
  /// most distinct on white (yellow, the faintest, comes last).
  static let palette: [RGB] = [
    0x0072B2, 0xD55E00, 0x009E73, 0xE69F00, 0xCC79A7, 0x56B4E9, 0x000000, 0xF0E442,
  ].map(RGB.init)

  /// Font families in order of preference: Latin text, then Hangul and Han (from
  /// fonts-noto-cjk; fonts-nanum as a second choice), then fontconfig's default.
  static let fontFamilies = ["DejaVu Sans", "Noto Sans CJK KR", "NanumGothic", "sans-serif"]

  static let background = RGB(0xFFFFFF)
  static let axes = RGB(0x262626)
  static let text = RGB(0x1A1A1A)
  static let majorGrid = RGB(0xD9D9D9)
  static let minorGrid = RGB(0xF0F0F0)
  static let reference = RGB(0x6E6E6E)
  static let marker = RGB(0x404040)
  static let span = RGB(0x9E9E9E)
  static let legendFrame = RGB(0xCCCCCC)

  /// Text sizes (em, in pixels at 1200x900).
  static let tickEm = 17.0
  static let labelEm = 20.0
  static let titleEm = 21.0
  static let figureTitleEm = 25.0
  /// The figure's second heading line, smaller than its title.
  static let subtitleEm = 19.0
  static let legendEm = 17.0
  static let annotationEm = 16.0

  /// Stroke widths in pixels.
  static let seriesWidth = 2.2
  static let axisWidth = 1.1
  static let gridWidth = 0.9
  static let referenceWidth = 1.6
  static let markerRadius = 5.5

  /// Dash patterns as (on, off) pairs in pixels; empty for solid.
  static func pattern(_ dash: Dash) -> [(on: Double, off: Double)] {
    switch dash {
    case .solid: []
    case .dashed: [(9, 5)]
    case .dotted: [(2, 4)]
    case .dashDot: [(9, 4), (2, 4)]
    }
  }

  /// The marker outlines, as polygons on the unit circle (angles in degrees, radius scale).
  static let markers: [[(angle: Double, radius: Double)]] = [
    stride(from: 0.0, to: 360, by: 20).map { ($0, 1.0) },  // circle
    [45, 135, 225, 315].map { ($0, 1.25) },  // square
    [90, 210, 330].map { ($0, 1.35) },  // triangle up
    [0, 90, 180, 270].map { ($0, 1.3) },  // diamond
    [270, 30, 150].map { ($0, 1.35) },  // triangle down
    // star
    stride(from: 90.0, to: 450, by: 36).enumerated().map { ($1, $0 % 2 == 0 ? 1.45 : 0.6) },
    stride(from: 0.0, to: 360, by: 60).map { ($0, 1.15) },  // hexagon
    [90, 162, 234, 306, 18].map { ($0, 1.2) },  // pentagon
  ]
}

extension HouseStyle {
  /// The palette colour at `index`, cycling.
  static func color(_ index: Int) -> RGB {
    palette[((index % palette.count) + palette.count) % palette.count]
  }
}
