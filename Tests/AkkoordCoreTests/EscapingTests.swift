import Foundation
import Testing

@testable import AkkoordCore

@Suite("Values from YAML are escaped in every output")
struct EscapingTests {
    static let hostile = "<script>alert(\"x\")</script> & 'quotes'; =HYPERLINK(\"http://x\") | *vet*"

    func report() throws -> (ConsequenceReport, RuleBase) {
        let fiche = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/fiches/2A-bibliotheek.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "titel: Bibliotheek", with: "titel: '\(Self.hostile.replacingOccurrences(of: "'", with: "''"))'")
            .replacingOccurrences(
                of: "titel: Uitbreiden in het zwembadgebouw",
                with: "titel: \"\(Self.hostile.replacingOccurrences(of: "\"", with: "\\\""))\""
            )
            .replacingOccurrences(of: "omschrijving: Inrichting", with: "omschrijving: \"=1+1 \\\"inrichting\\\"; <b>\"")
        let directory = Fixture.ruleBase(replacing: ["fiches/2A-bibliotheek.yaml": fiche])
        let ruleBase = try RuleBaseLoader().load(directory: directory.path).value
        #expect(ruleBase.fiche("2A")?.title == Self.hostile)
        let scenario = try Fixture.scenario(
            "titel: \"<img src=x onerror=alert(1)>\"\npeildatum: 2026-06-15\nkeuzes: {2A.bibliotheek: uitbreiden}\n", in: ruleBase)
        return (try ReportBuilder().build(try Evaluator().evaluate(scenario, in: ruleBase)), ruleBase)
    }

    @Test func htmlEscapesTitlesAndTexts() throws {
        let (report, ruleBase) = try report()
        let pages = [
            HTMLReportRenderer().render(report), HTMLComparisonRenderer().render(try ScenarioComparison(reports: [report, report])),
            try BriefingPack(ruleBase: ruleBase, reports: [report], digest: InputDigest(files: [])).singleFile(),
        ]
        for html in pages {
            #expect(!html.contains("<script"))
            #expect(!html.contains("<img"))
            #expect(!html.contains("<b>"))
            #expect(
                html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;")
                    || html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
        #expect(pages[2].contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    }

    @Test func markdownEscapesControlCharacters() throws {
        let (report, _) = try report()
        let markdown = MarkdownRenderer().render(report)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.contains("\\| \\*vet\\*"))
    }

    @Test func csvQuotesAndDefusesFormulas() throws {
        let (report, _) = try report()
        let csv = CSVRenderer().render(report)
        #expect(csv.contains("\"'=1+1 \"\"inrichting\"\"; <b>\""))
        #expect(!csv.contains(";=1+1"))
    }
}
