import Foundation
internal import CCairo

/// A small copy of a written PNG figure, for an overview page's cards: Cairo scales the image
/// with its `CAIRO_FILTER_GOOD` filter (a box filter when shrinking), so thin lines fade
/// rather than vanish.
public enum Thumbnail {
  /// Writes `source` (a PNG) scaled to `width` pixels wide, keeping its aspect, as the PNG
  /// `target`; an image no wider than `width` is copied at its size.
  public static func write(png source: URL, to target: URL, width: Int = 480)
    throws(RenderError)
  {
    let image = cairo_image_surface_create_from_png(source.path)
    defer { cairo_surface_destroy(image) }
    guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else {
      throw RenderError(path: source.path, reason: "not a readable PNG")
    }
    let (w, h) = (Int(cairo_image_surface_get_width(image)), Int(cairo_image_surface_get_height(image)))
    let scale = min(1, Double(width) / Double(max(w, 1)))
    let small = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, Int32((Double(w) * scale).rounded()),
      Int32(max(1, (Double(h) * scale).rounded())))
    defer { cairo_surface_destroy(small) }
    let context = cairo_create(small)
    cairo_scale(context, scale, scale)
    cairo_set_source_surface(context, image, 0, 0)
    cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
    cairo_paint(context)
    cairo_destroy(context)
    cairo_surface_flush(small)
    guard cairo_surface_write_to_png(small, target.path) == CAIRO_STATUS_SUCCESS else {
      throw RenderError(path: target.path, reason: "the thumbnail could not be written")
    }
  }
}
