import Foundation
import Testing

@testable import AkkoordCore

/// The briefing pack shows each declared source text as a page with an anchor per line, and every verified quote in
/// it links to its passage; without the texts it says which are missing and how to provide them. On the tutorial
/// rule base and its made-up source text (`examples/bronnen`), so nothing outside the repository is needed.
@Suite("Source pages in the briefing pack")
struct PackSourceTests {
    static let regels = Fixture.examples.appendingPathComponent("regels")

    func verification(sources: URL) throws -> QuoteVerification {
        QuoteVerifier(
            ruleBase: try Fixture.exampleRuleBase(), directory: sources.path,
            dossierPath: Self.regels.appendingPathComponent("dossier.yaml").path
        ).verify()
    }

    func pack(sources: URL) throws -> (BriefingPack, QuoteVerification) {
        let verification = try verification(sources: sources)
        let reports = try GoldenFileTests.reports(
            ["examples/scenario-renoveren.yaml", "examples/scenario-sluiten.yaml"], in: verification.ruleBase)
        let pack = try BriefingPack(
            ruleBase: verification.ruleBase, reports: reports, digest: InputDigest(files: []),
            sources: PackSource.all(verification))
        return (pack, verification)
    }

    /// Every `href` of a page, and every `id`.
    func hrefs(_ html: String) -> [String] { matches(#"href="([^"]*)""#, in: html) }
    func ids(_ html: String) -> Set<String> { Set(matches(#" id="([^"]*)""#, in: html)) }

    func matches(_ pattern: String, in html: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            Issue.record("bad pattern \(pattern)")
            return []
        }
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test func aQuoteSpanningLinesHasItsFirstAndLastLine() {
        let text = SearchableText("Eerste regel.\nDe gemeente is verant-\nwoordelijk voor Noord-\nBrabant   en\n\n  de  regio.\n")
        #expect(text.lines(of: "Brabant en de regio.") == 4...6)
        #expect(text.lines(of: "is verantwoordelijk voor Noord") == 2...3)
        #expect(text.lines(of: "voor Noord-Brabant en de") == 3...6)
        #expect(text.lines(of: "Eerste regel.") == 1...1)
        #expect(text.lines(of: "Zuid-Holland") == nil)
    }

    @Test func linesAreSplitAtLineFeedsLikeTheQuoteLineNumbers() {
        #expect(PackSource.lines("a\r\nb\n\nc\n") == ["a", "b", "", "c"])
        #expect(PackSource.lines("a") == ["a"])
        #expect(PackSource.lines("") == [""])
    }

    /// The folder pack: `bronnen/oefendossier.html` has one anchor per line of the text and one per quoted passage,
    /// with a style rule that highlights exactly the passage's lines; each report and the fiche page link every
    /// verified quote to that passage.
    @Test func everyVerifiedQuoteLinksToItsPassageInTheSourcePage() throws {
        let (pack, verification) = try pack(sources: Fixture.exampleSources)
        let files = pack.files()
        let page = try #require(files["bronnen/oefendossier.html"])
        let text = try String(contentsOf: Fixture.exampleSources.appendingPathComponent("oefendossier.txt"), encoding: .utf8)
        let lineCount = PackSource.lines(text).count
        let pageIDs = ids(page)
        for line in 1...lineCount { #expect(pageIDs.contains("bron-oefendossier-r\(line)")) }
        #expect(!pageIDs.contains("bron-oefendossier-r\(lineCount + 1)"))

        let passages = Set(verification.ruleBase.citations.compactMap(\.passage))
        #expect(passages.count == 2)
        for passage in passages {
            let id = "bron-oefendossier-p\(passage.line)-\(passage.lastLine)"
            #expect(pageIDs.contains(id))
            #expect(
                page.contains(
                    "#bron-oefendossier-tekst:has(#\(id):target) > span:nth-of-type(n+\(passage.line)):nth-of-type(-n+\(passage.lastLine))"
                ))
        }
        // The quote about the renovation, in the report of the scenario that renovates.
        let renovation = try #require(passages.first { $0.line == 12 })
        #expect(renovation.lastLine == 13)
        let report = try #require(files["scenario-scenario-renoveren.html"], "\(files.keys.sorted())")
        #expect(hrefs(report).contains("bronnen/oefendossier.html#bron-oefendossier-p12-13"))
        // Every link into the source page from any page of the pack lands on an anchor that exists.
        for (path, html) in files where path.hasSuffix(".html") {
            for href in hrefs(html) where href.contains("bronnen/oefendossier.html#") {
                let fragment = String(href.split(separator: "#").last ?? "")
                #expect(pageIDs.contains(fragment), "\(path): \(href)")
                #expect(path.hasPrefix("fiches/") == href.hasPrefix("../"), "\(path): \(href)")
            }
        }
        // The line an anchor names holds the start of its quote.
        let line12 = try #require(matches(#"id="bron-oefendossier-r12"[^>]*>([^<]*)<"#, in: page).first)
        #expect(line12.hasPrefix("Het zwembad wordt in 2027"))
        // The contents link to the page.
        #expect(hrefs(try #require(files["index.html"])).contains("bronnen/oefendossier.html"))
    }

    /// The single file gets the sources as sections; every internal link resolves.
    @Test func theSingleFileHasTheSourcesAndEveryInternalLinkResolves() throws {
        let (pack, _) = try pack(sources: Fixture.exampleSources)
        let html = pack.singleFile()
        let allIDs = ids(html)
        #expect(allIDs.contains("bron-oefendossier"))
        let inPage = hrefs(html).filter { $0.hasPrefix("#") }
        #expect(inPage.contains("#bron-oefendossier-p12-13"))
        #expect(inPage.contains("#bron-oefendossier"))
        for href in inPage { #expect(allIDs.contains(String(href.dropFirst())), "\(href)") }
        #expect(!hrefs(html).contains { $0.hasPrefix("bronnen/") })
    }

    /// Without the texts: no source pages, no links from quotes, and the contents name the missing source with how
    /// to provide it.
    @Test func withoutTheTextsThePackSaysWhichSourcesAreMissingAndHow() throws {
        let empty = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let (pack, verification) = try pack(sources: empty)
        #expect(verification.verified == 0)
        guard case .absent = try #require(pack.sources.first).content else {
            Issue.record("the source should be absent")
            return
        }
        let files = pack.files()
        #expect(!files.keys.contains { $0.hasPrefix("bronnen/") })
        for (path, html) in files where path.hasSuffix(".html") {
            #expect(!hrefs(html).contains { $0.contains("bronnen/") }, "\(path)")
        }
        let index = try #require(files["index.html"])
        let missing = try #require(matches(#"<p class="bronnen-ontbreken">(.*?)</p>"#, in: index).first)
        #expect(missing.contains("Oefendossier coalitieonderhandelingen Voorbeeldstad"))
        #expect(missing.contains("oefendossier.txt"))
        #expect(missing.contains(HTMLText.escape(QuoteVerifier.howToProvide)))
        let single = pack.singleFile()
        #expect(single.contains("<p class=\"bronnen-ontbreken\">"))
        #expect(!ids(single).contains("bron-oefendossier"))
    }

    /// A text with another hash is not shown: its quotes were not verified against it.
    @Test func aChangedTextIsNotShown() throws {
        let folder = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Een andere tekst.\n".utf8).write(to: folder.appendingPathComponent("oefendossier.txt"))
        let (pack, _) = try pack(sources: folder)
        #expect(pack.files()["bronnen/oefendossier.html"] == nil)
        #expect(pack.files()["index.html"]?.contains("<p class=\"bronnen-ontbreken\">") == true)
    }

    /// A pack made without source information (a library caller) says nothing about sources.
    @Test func aPackWithoutSourceInformationHasNoSourceSection() throws {
        let verification = try verification(sources: Fixture.exampleSources)
        let reports = try GoldenFileTests.reports(["examples/scenario-renoveren.yaml"], in: verification.ruleBase)
        let pack = try BriefingPack(ruleBase: verification.ruleBase, reports: reports, digest: InputDigest(files: []))
        #expect(!pack.files().keys.contains { $0.hasPrefix("bronnen/") })
        #expect(!pack.singleFile().contains("bronnen-ontbreken"))
    }

    /// The command line passes the texts to the pack: from `--bronnen`, and with an empty folder the pack says they are
    /// missing.
    @Test func packFindsTheTextsThroughTheCommandLine() throws {
        let directory = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let with = directory.appendingPathComponent("met")
        let result = try CLI.run([
            "pack", "examples/scenario-renoveren.yaml", "--rules", "examples/regels", "--bronnen", "examples/bronnen", "-o", with.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: with.appendingPathComponent("bronnen/oefendossier.html"), encoding: .utf8)
        #expect(ids(page).contains("bron-oefendossier-p12-13"))
        let report = try String(contentsOf: with.appendingPathComponent("scenario-scenario-renoveren.html"), encoding: .utf8)
        #expect(hrefs(report).contains("bronnen/oefendossier.html#bron-oefendossier-p12-13"))

        let empty = directory.appendingPathComponent("leeg")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let without = directory.appendingPathComponent("zonder")
        let second = try CLI.run([
            "pack", "examples/scenario-renoveren.yaml", "--rules", "examples/regels", "--bronnen", empty.path, "-o", without.path,
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: without.appendingPathComponent("bronnen").path))
        let index = try String(contentsOf: without.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<p class=\"bronnen-ontbreken\">"))
    }

    /// With the Enschede texts (`AKKOORD_BRONNEN`, as in CI): the bundled pack has a page per declared source, every
    /// verified quote of every report links to an anchor that exists, and each linked line holds the start of its quote.
    @Test(.enabled(if: RuleBaseContentTests.sourcesAvailable, "AKKOORD_BRONNEN does not name a folder with the Enschede source texts"))
    func theBundledPackLinksEveryQuoteToItsSource() throws {
        let folder = try #require(Fixture.enschedeSources)
        let verification = QuoteVerifier(
            ruleBase: try RuleBaseLoader().load(directory: Fixture.rules.path).value, directory: folder.path,
            dossierPath: Fixture.rules.appendingPathComponent("dossier.yaml").path
        ).verify()
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: Fixture.scenarios.path).filter { $0.hasSuffix(".yaml") }
            .sorted().map { "scenarios/" + $0 }
        let reports = try GoldenFileTests.reports(scenarios, in: verification.ruleBase)
        let pack = try BriefingPack(
            ruleBase: verification.ruleBase, reports: reports, digest: InputDigest(files: []), sources: PackSource.all(verification))
        let files = pack.files()
        let declared = verification.ruleBase.info.sources
        var anchors: [String: Set<String>] = [:]
        for source in declared {
            let page = try #require(files["bronnen/\(source.id).html"], "no page for \(source.id)")
            anchors["bronnen/\(source.id).html"] = ids(page)
        }
        var links = 0
        for (path, html) in files where path.hasSuffix(".html") {
            for href in hrefs(html) where href.contains("bronnen/") && href.contains("#") {
                let parts = href.replacingOccurrences(of: "../", with: "").split(separator: "#").map(String.init)
                #expect(anchors[parts[0]]?.contains(parts[1]) == true, "\(path): \(href)")
                links += 1
            }
        }
        #expect(links > 0)
        // In each report every verified quote (one blockquote each in "Bronnen") carries its link.
        for (report, slug) in zip(reports, pack.slugs) {
            let html = try #require(files["scenario-\(slug).html"])
            let linked = matches(#"<cite><a href="(bronnen/[^"]*)">"#, in: html).count
            #expect(linked == report.bronnen.filter { $0.regel != nil }.count, "\(slug)")
        }
    }
}
