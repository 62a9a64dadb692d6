/// Renders a consequence report as a self-contained, printable HTML page, from the report's ``Outline``.
public struct HTMLReportRenderer: Sendable {
    /// An optional marking on every page, e.g. "concept" or "vertrouwelijk".
    public var marking: String?

    public init(marking: String? = nil) { self.marking = marking }

    public func render(_ report: ConsequenceReport) -> String {
        HTMLText.page(title: ReportOutlineBuilder().title(report).plain, marking: marking, body: body(report, headingLevel: 1))
    }

    /// The report's content; `headingLevel` 1 for a page of its own.
    func body(_ report: ConsequenceReport, headingLevel: Int, sourceLinks: SourceLinks? = nil) -> String {
        HTMLOutlineWriter(headingLevel: headingLevel, sourceLinks: sourceLinks).write(ReportOutlineBuilder().build(report))
    }
}
