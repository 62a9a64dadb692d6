/// A table of an ``Outline``: header labels and rows of cells; the first cell of a row names the row.
public struct OutlineTable: Sendable, Hashable {
    /// A title of its own: a subheading in text, the caption in HTML.
    public var title: String?
    /// A caption where tables carry one (HTML) and no subheading in text.
    public var caption: String?
    public var headers: [String]
    public var rows: [[OutlineText]]
    /// Columns with amounts or counts, aligned right.
    public var numericColumns: Set<Int>
    /// The sentence shown instead of a table without rows; without one, an empty table is shown.
    public var emptyState: String?

    public init(
        title: String? = nil, caption: String? = nil, headers: [String], rows: [[OutlineText]],
        numericColumns: Set<Int> = [], emptyState: String? = nil
    ) {
        self.title = title
        self.caption = caption
        self.headers = headers
        self.rows = rows
        self.numericColumns = numericColumns
        self.emptyState = emptyState
    }
}
