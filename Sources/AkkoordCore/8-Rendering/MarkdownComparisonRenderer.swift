/// Renders a comparison of scenarios as Dutch Markdown, from the comparison's ``Outline``.
public struct MarkdownComparisonRenderer: Sendable {
    public init() {}

    public func render(_ comparison: ScenarioComparison) -> String {
        MarkdownOutlineWriter().write(ComparisonOutlineBuilder().build(comparison))
    }
}
