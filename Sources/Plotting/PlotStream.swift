internal import CCairo
internal import CPLplot
import Foundation

/// Owns one PLplot stream from `plinit` to `plend1`.
///
/// PLplot keeps global state: create, draw with and close a stream only while holding the
/// renderer's lock, one stream at a time.
final class PlotStream {
  private let id: PLINT
  private var isOpen = true

  /// Opens a stream on `device` with a page of exactly `width` x `height` units (pixels for
  /// the Cairo devices, SVG user units for `svg`), writing to `file` when the device does.
  init(device: String, width: Int, height: Int, file: String?) {
    var stream: PLINT = 0
    c_plmkstrm(&stream)
    id = stream
    c_plsdev(device)
    if let file { c_plsfnam(file) }
    c_plspage(0, 0, PLINT(width), PLINT(height), 0, 0)
    let bg = HouseStyle.background
    c_plscolbg(PLINT(bg.r), PLINT(bg.g), PLINT(bg.b))
    c_plscmap0n(16)
    // The Cairo driver reads its Pango font families when the stream starts: Latin from
    // DejaVu Sans, Hangul and Han from Noto Sans CJK KR (Nanum Gothic if that is missing).
    setenv("PLPLOT_FREETYPE_SANS_FAMILY", HouseStyle.fontFamilies.joined(separator: ","), 1)
    c_plinit()
  }

  /// Hands the stream a Cairo context to draw into (the `extcairo` device).
  func attach(_ canvas: CairoCanvas) {
    pl_cmd(PLINT(PLESC_DEVINIT), UnsafeMutableRawPointer(canvas.context))
  }

  /// Ends the stream, flushing what the device still holds; idempotent.
  func close() {
    guard isOpen else { return }
    isOpen = false
    c_plsstrm(id)
    c_plend1()
  }

  deinit { close() }
}

/// Owns a Cairo surface and its drawing context: an image surface for PNG, a PDF surface.
final class CairoCanvas {
  enum Kind { case png, pdf }

  let kind: Kind
  let surface: OpaquePointer
  let context: OpaquePointer

  /// Creates the surface, white, of `width` x `height` pixels (points for PDF).
  ///
  /// A PDF surface opens `path` at once, so an unwritable path fails here.
  init(_ kind: Kind, width: Int, height: Int, path: String) throws(RenderError) {
    self.kind = kind
    switch kind {
    case .png:
      surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
    case .pdf:
      surface = cairo_pdf_surface_create(path, Double(width), Double(height))
    }
    context = cairo_create(surface)
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else {
      cairo_destroy(context)
      cairo_surface_destroy(surface)
      throw RenderError(path: path, reason: String(cString: cairo_status_to_string(status)))
    }
    cairo_set_source_rgb(context, 1, 1, 1)
    cairo_paint(context)
  }

  /// Writes the PNG, or completes the PDF, at `path`.
  func finish(path: String) throws(RenderError) {
    cairo_surface_flush(surface)
    var status: cairo_status_t
    switch kind {
    case .png:
      status = cairo_surface_write_to_png(surface, path)
    case .pdf:
      cairo_surface_finish(surface)
      status = cairo_surface_status(surface)
    }
    guard status == CAIRO_STATUS_SUCCESS else {
      throw RenderError(path: path, reason: String(cString: cairo_status_to_string(status)))
    }
  }

  deinit {
    cairo_destroy(context)
    cairo_surface_destroy(surface)
  }
}

/// Measures text as the Cairo devices draw it: DejaVu Sans, and the CJK font for Hangul and
/// Han characters (Pango's fallback, which the house font list makes explicit).
enum TextMetrics {
  /// The ratio of a font's em size to the character height PLplot is given.
  static let emPerCharacterHeight = 1.34
  /// The size of super- and subscripts relative to the text around them, as PLplot draws them.
  static let scriptScale = 0.74

  /// The advance width in pixels of `markup` drawn at `em` pixels.
  static func width(of markup: String, em: Double) -> Double {
    let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
    let cr = cairo_create(surface)
    defer {
      cairo_destroy(cr)
      cairo_surface_destroy(surface)
    }
    var total = 0.0
    for run in Markup.truncated(Markup.runs(markup)) {
      cairo_set_font_size(cr, run.level == 0 ? em : em * scriptScale)
      for piece in scriptRuns(run.text) {
        let face = piece.cjk ? HouseStyle.fontFamilies[1] : HouseStyle.fontFamilies[0]
        cairo_select_font_face(cr, face, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, piece.text, &extents)
        total += extents.x_advance
      }
    }
    return total
  }

  /// Whether a scalar is drawn from the CJK font: Hangul, CJK punctuation and ideographs,
  /// full-width forms.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF,
      0xFE30...0xFE4F, 0xFF00...0xFFEF:
      true
    default: false
    }
  }

  /// `text` split into runs drawn from one font each.
  static func scriptRuns(_ text: String) -> [(text: String, cjk: Bool)] {
    var runs: [(text: String, cjk: Bool)] = []
    for scalar in text.unicodeScalars {
      let cjk = isCJK(scalar)
      if let last = runs.last, last.cjk == cjk {
        runs[runs.count - 1].text.unicodeScalars.append(scalar)
      } else {
        runs.append((String(scalar), cjk))
      }
    }
    return runs
  }
}
