/// Renders a redline between two rounds as Markdown or as a self-contained HTML page, from its ``Outline``.
public struct RedlineRenderer: Sendable {
    public var marking: String?

    public init(marking: String? = nil) { self.marking = marking }

    public func markdown(_ redline: RoundRedline) -> String { MarkdownOutlineWriter().write(RedlineOutlineBuilder().build(redline)) }

    /// The redline's content without a page around it, headings from `headingLevel` (a part of the briefing pack).
    public func body(_ redline: RoundRedline, headingLevel: Int) -> String {
        HTMLOutlineWriter(headingLevel: headingLevel).write(RedlineOutlineBuilder().build(redline))
    }

    public func html(_ redline: RoundRedline) -> String {
        HTMLText.page(
            title: RedlineOutlineBuilder.title, marking: marking,
            body: HTMLOutlineWriter(headingLevel: 1).write(RedlineOutlineBuilder().build(redline)))
    }
}
