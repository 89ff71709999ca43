/// The proportions of a panel's layout, named: every margin, band and share the layout uses.
///
/// Lengths are in house pixels (a 1200x900 page at font scale 1): a constant called `…Ems`
/// multiplies the em of the text it makes room for, any other length the page's text scale
/// (`Painter.textScale`) or, for a `…Padding`, the page's scale. Shares are fractions.
enum LayoutMetrics {
  // MARK: Margins and bands around the axes

  /// The empty margin around a panel's cell, in house pixels times the page scale.
  static let padding = 8.0
  /// The band above the axes for a panel title, in title ems.
  static let titleBandEms = 2.0
  /// Where a panel title's centre line sits above the axes, in title ems.
  static let titleRaiseEms = 1.0
  /// The band under the axes for the x tick labels, in tick ems.
  static let tickBandEms = 1.85
  /// The space above and below the x axis label in its band (the band is the label's
  /// reach, subscripts included, and this), in label ems.
  static let xLabelSpaceEms = 0.05
  /// The gap between the y tick labels and the (rotated) y label, in label ems.
  static let yLabelGapEms = 0.2
  /// The gap between the y axis and the right end of its tick labels (the room reserved
  /// there), in pixels.
  static let yTickGap = 10.0
  /// The gap between the x axis and the top of its tick labels, in pixels.
  static let xTickGap = 10.0
  /// The height of one line of notes under a panel, in annotation ems.
  static let noteLineEms = 1.4
  /// Where the first note's centre line sits under the x label's band, in annotation ems.
  static let firstNoteDropEms = 0.7
  /// The least gap between a note beside the x label and the label, in annotation ems.
  static let noteBesideGapEms = 2.0
  /// The share of a cell's width a line of notes may fill before it wraps.
  static let noteWidthShare = 0.96
  /// The least space between two labels at lines side by side, in annotation ems.
  static let labelGapEms = 0.8
  /// The shares of the axes' width notes moved inside them may fill before they wrap, tried
  /// in turn.
  static let insideNotesWidthShares = [0.5, 0.35]
  /// The share of a cell's width a panel title or annotation may fill before it is set smaller.
  static let textWidthShare = 0.98
  /// The smallest share of its em a text that does not fit is set at.
  static let smallestTextShare = 0.6
  /// The least the axes keep of their cell either way, whatever the text takes.
  static let minimumAxesShare = 0.1

  // MARK: Ticks

  /// The least gap between two x tick labels, in pixels.
  static let xTickLabelGap = 14.0
  /// The height of a row of y tick labels on a linear axis, in tick ems.
  static let linearTickRowEms = 1.7
  /// The height of a row of y tick labels on a log axis (raised exponents), in tick ems.
  static let logTickRowEms = 2.1
  /// Half the height of a tick label's box, in tick ems.
  static let tickHalfHeightEms = 0.6
  /// The space kept on each side of an x tick label, in pixels.
  static let tickLabelSpace = 4.0

  // MARK: Legends

  /// A legend fits inside the axes when it takes at most this share of their width and height.
  static let legendInsideShare = 0.9
  /// A legend goes under the axes when that leaves the axes this much more area than beside.
  static let belowAdvantage = 1.15
  /// The gap between the axes and a legend beside them, in pixels.
  static let legendGap = 14.0
  /// The gap above a legend under the axes, in pixels.
  static let legendBelowGap = 8.0
  /// The space between the notes and a legend under them, in pixels.
  static let legendBelowSpace = 4.0

  // MARK: Labels at lines

  /// The gap between a line's right end and its direct label, in pixels.
  static let directLabelGap = 6.0
  /// How far left of a line's right end its direct label may sit, as a share of the axes' width.
  static let directLabelSpan = 0.35
  /// The height of a slope guide's label box, in annotation ems.
  static let guideLabelHeightEms = 1.2
  /// The gap between a slope guide's end and its label, in annotation ems.
  static let guideLabelGapEms = 0.4
  /// The lengths of a slope guide drawn for a label, as shares of the axes' width, in order
  /// of preference (a shorter one where the longer is crossed).
  static let guideLengthShares = [0.22, 0.14]
  /// Where a slope guide may end, as shares of its visible stretch, in order of preference.
  static let guideEnds = [1.0, 0.85, 0.7, 0.55, 0.4, 0.25]

  // MARK: Marks

  /// The length of a major tick outside the frame, in pixels.
  static let majorTickLength = 6.0
  /// The length of a minor tick, in pixels.
  static let minorTickLength = 3.5

  /// The radius of an edge mark (a triangle at the frame) in marker radii.
  static let edgeMarkRadius = 1.3
  /// The length of an edge mark's triangle, in its radii.
  static let edgeMarkLength = 1.7
  /// The white outline of a marker or an edge mark, in pixels.
  static let outlineWidth = 0.9
  /// How densely lines are sampled when counting the pixels they cover, in pixels.
  static let sampleSpacing = 3.0
}
