/// Sections of a report's outline as HTML fragments, for a page that shows parts of the report beside other content
/// (`akkoord serve`): the same sentences, tables and charts as the HTML report, without a page around them.
public struct HTMLReportFragments: Sendable {
    public init() {}

    /// The stylesheet of the HTML report, for a page that shows these fragments.
    public static var stylesheet: String { HTMLStyle.css }

    /// The fragments by key: `wijzigingen` (what the scenario changes), `samenvatting`, `geld`, `meldingen`, `tijdlijn`.
    /// Each starts with its section title as an `h3`.
    public func render(_ report: ConsequenceReport) -> [String: String] {
        render(report, keys: Self.keys)
    }

    /// The keys of ``render(_:)``; ``render(_:keys:)`` also knows `geldgrafiek`: only the chart of `geld`.
    public static let keys: Set<String> = ["wijzigingen", "samenvatting", "geld", "meldingen", "tijdlijn"]

    /// Only the fragments named in `keys` (a page that shows two of them need not build the others).
    public func render(_ report: ConsequenceReport, keys: Set<String>) -> [String: String] {
        let builder = ReportOutlineBuilder()
        let writer = HTMLOutlineWriter(headingLevel: 2)
        let sections: [(String, () -> Outline.Section)] = [
            ("wijzigingen", { builder.changes(report) }), ("samenvatting", { builder.summary(report) }),
            ("geld", { builder.money(report) }), ("meldingen", { builder.messages(report) }), ("tijdlijn", { builder.timeline(report) }),
            (
                "geldgrafiek",
                {
                    let money = builder.money(report)
                    return Outline.Section(money.title, money.blocks.filter { if case .chart = $0 { true } else { false } })
                }
            ),
        ]
        var fragments: [String: String] = [:]
        for (key, make) in sections where keys.contains(key) {
            let section = make()
            fragments[key] = "<h3>\(HTMLText.escapeText(section.title))</h3>\n" + writer.write(section.blocks)
        }
        return fragments
    }

    /// A comparison's content (as in the HTML comparison), headings from `h2`.
    public func render(_ comparison: ScenarioComparison) -> String {
        HTMLComparisonRenderer().body(comparison, headingLevel: 2)
    }
}
