/// A report as a presentation-neutral document: a title, blocks before the first section, and sections of blocks.
/// Built once from a report (``ReportOutlineBuilder``) or a comparison (``ComparisonOutlineBuilder``), where every
/// Dutch sentence is written; the renderers only turn it into markup (``MarkdownOutlineWriter``, ``HTMLOutlineWriter``).
public struct Outline: Sendable, Hashable {
    public var title: OutlineText
    /// What comes before the first section: the meta line, a description.
    public var blocks: [OutlineBlock]
    public var sections: [Section]

    public init(title: OutlineText, blocks: [OutlineBlock], sections: [Section]) {
        self.title = title
        self.blocks = blocks
        self.sections = sections
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var blocks: [OutlineBlock]

        public init(_ title: String, _ blocks: [OutlineBlock]) {
            self.title = title
            self.blocks = blocks
        }
    }
}
