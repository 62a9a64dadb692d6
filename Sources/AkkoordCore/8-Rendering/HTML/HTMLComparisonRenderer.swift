/// Renders a comparison of scenarios as a self-contained HTML page, from the comparison's ``Outline``.
public struct HTMLComparisonRenderer: Sendable {
    public var marking: String?

    public init(marking: String? = nil) { self.marking = marking }

    public func render(_ comparison: ScenarioComparison) -> String {
        HTMLText.page(title: ComparisonOutlineBuilder.title, marking: marking, body: body(comparison, headingLevel: 1))
    }

    /// The comparison's content; `headingLevel` 1 for a page of its own.
    func body(_ comparison: ScenarioComparison, headingLevel: Int) -> String {
        HTMLOutlineWriter(headingLevel: headingLevel).write(ComparisonOutlineBuilder().build(comparison))
    }
}
