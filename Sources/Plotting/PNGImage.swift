internal import CCairo

/// A decoded PNG, for checking what was drawn (tests and tools read pixels through it).
struct PNGImage {
  let width: Int
  let height: Int
  /// Rows of premultiplied ARGB pixels as Cairo stores them (`0xAARRGGBB`).
  private let pixels: [UInt32]

  /// Reads the PNG at `path`, or returns `nil` when it is not a readable PNG.
  init?(path: String) {
    let surface = cairo_image_surface_create_from_png(path)
    defer { cairo_surface_destroy(surface) }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
      let data = cairo_image_surface_get_data(surface)
    else { return nil }
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    var pixels: [UInt32] = []
    pixels.reserveCapacity(width * height)
    data.withMemoryRebound(to: UInt8.self, capacity: stride * height) { bytes in
      for row in 0..<height {
        let start = UnsafeRawPointer(bytes + row * stride)
        for column in 0..<width {
          pixels.append(start.loadUnaligned(fromByteOffset: 4 * column, as: UInt32.self))
        }
      }
    }
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// The colour at a pixel, ignoring alpha.
  func rgb(x: Int, y: Int) -> (r: Int, g: Int, b: Int) {
    let p = pixels[y * width + x]
    return (Int(p >> 16 & 0xFF), Int(p >> 8 & 0xFF), Int(p & 0xFF))
  }

  /// How many pixels are within `tolerance` (per channel) of the colour `hex` (`0xRRGGBB`).
  func count(of hex: UInt32, tolerance: Int = 8) -> Int {
    let (r, g, b) = (Int(hex >> 16 & 0xFF), Int(hex >> 8 & 0xFF), Int(hex & 0xFF))
    return pixels.count { p in
      abs(Int(p >> 16 & 0xFF) - r) <= tolerance && abs(Int(p >> 8 & 0xFF) - g) <= tolerance
        && abs(Int(p & 0xFF) - b) <= tolerance
    }
  }
}
