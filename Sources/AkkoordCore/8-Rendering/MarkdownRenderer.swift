/// Renders a report as Dutch Markdown: summary, choices, money, messages, timeline, consequences, partners, sources.
/// The content is the report's ``Outline``; this only writes it as Markdown.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: ConsequenceReport) -> String {
        MarkdownOutlineWriter().write(ReportOutlineBuilder().build(report))
    }
}
