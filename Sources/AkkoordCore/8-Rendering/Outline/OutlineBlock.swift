/// One block of an ``Outline``: text, a table, a list, key figures or a chart.
public indirect enum OutlineBlock: Sendable, Hashable {
    /// The line under a title that says what the document is about.
    case meta(OutlineText)
    case paragraph(OutlineText)
    /// The sentence shown instead of content that is absent ("Geen meldingen.").
    case emptyState(String)
    case table(OutlineTable)
    case list([OutlineText])
    /// Titled lists, e.g. the opportunities and risks per decision.
    case groups([Group])
    /// Key figures, each a label and a value.
    case figures([Figure])
    case chart(OutlineChart)
    /// Blocks for one kind of medium only, where a text and a visual presentation differ on purpose
    /// (a summary table in Markdown, cards in HTML).
    case only(Medium, [OutlineBlock])
    /// Blocks a reader opens when needed (a long table): closed under `summary` in HTML (`<details>`), shown in full in
    /// text media.
    case collapsed(summary: String, [OutlineBlock])

    public enum Medium: Sendable, Hashable {
        /// Plain-text media such as Markdown: no charts, lists rather than wide tables.
        case text
        /// Visual media such as HTML: charts, cards, tables with marks.
        case visual
    }

    public struct Group: Sendable, Hashable {
        /// What the group is about (a decision), shown before the title.
        public var key: String
        public var title: OutlineText
        public var items: [OutlineText]
    }

    public struct Figure: Sendable, Hashable {
        public var label: String
        public var value: String
    }
}
