import Foundation
import Testing

@testable import AkkoordCore

/// `akkoord pack --pdf`: the bundled five-scenario pack printed by headless Chromium, read back with poppler-utils
/// (`pdfinfo`, `pdftotext`). Skipped when Chromium or poppler-utils are missing, except under AKKOORD_REQUIRE_BROWSER=1
/// (CI), where a missing tool fails.
@Suite("The briefing pack as PDF", .serialized)
struct PDFPackTests {
    static let pdfinfo = "/usr/bin/pdfinfo", pdftotext = "/usr/bin/pdftotext"
    static let available =
        BrowserRenderTests.chromium != nil && FileManager.default.isExecutableFile(atPath: pdfinfo)
        && FileManager.default.isExecutableFile(atPath: pdftotext)

    @Test(.enabled(if: available || BrowserRenderTests.required, "Chromium or poppler-utils is not installed"))
    func bundledPackPrintsToOnePDF() throws {
        try #require(Self.available, "AKKOORD_REQUIRE_BROWSER=1 but Chromium or poppler-utils (pdfinfo, pdftotext) is missing")
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: Fixture.scenarios.path).filter { $0.hasSuffix(".yaml") }
            .sorted().map { "scenarios/" + $0 }
        try #require(scenarios.count == 5)
        let directory = Fixture.temporaryDirectory()
        let pdf = directory.appendingPathComponent("pakket.pdf").path
        let result = try CLI.run(["pack"] + scenarios + ["--pdf", "--output", pdf, "--markering", "vertrouwelijk"])
        try #require(result.status == 0, "\(result.stderr)")

        let info = try Self.run(Self.pdfinfo, ["-enc", "UTF-8", pdf])
        let pages = try #require(Self.field("Pages", in: info).flatMap { Int($0) }, "\(info)")
        #expect(Self.field("Page size", in: info)?.hasSuffix("(A4)") == true, "\(info)")
        #expect(Self.field("Title", in: info) == "Briefingpakket \(ruleBase.info.title)\(PackMarker.pdfTitleSuffix)", "\(info)")
        // Cover, contents, five reports, comparison, timeline, one page per fiche at least.
        #expect(pages >= 2 + 5 + 2 + ruleBase.fiches.count, "\(pages) pages")

        // pdftotext ends every page with a form feed.
        let texts = try Self.run(Self.pdftotext, ["-enc", "UTF-8", pdf, "-"]).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
        try #require(texts.count == pages)
        for (index, text) in texts.enumerated() {
            #expect(text.contains("VERTROUWELIJK"), "page \(index + 1) lacks the marking")
            #expect(text.contains("pagina \(index + 1) van \(pages)"), "page \(index + 1) lacks its number")
        }
        #expect(Self.body(texts[0]).hasPrefix(Self.normalized("Briefingpakket: \(ruleBase.info.title)")), "\(texts[0])")
        #expect(texts[0].contains("Kerncijfers"))
        // The contents start a page of their own, right after the cover.
        let contentsPage = try #require(texts.firstIndex { Self.body($0).hasPrefix("Inhoud ") }, "no page starts with the contents")
        #expect(contentsPage == 1, "the cover takes \(contentsPage) pages")

        // Each report and each fiche starts a page of its own, where its internal link leads.
        let destinations = try Self.run(Self.pdfinfo, ["-dests", pdf])
        let reports = try scenarios.map { path in
            try ScenarioLoader().load(path: Fixture.root.appendingPathComponent(path).path, ruleBase: ruleBase).value.title
        }
        let starts: [(anchor: String, heading: String)] =
            zip(scenarios, reports).map { path, title in
                let slug = String(path.dropFirst("scenarios/".count).dropLast(".yaml".count))
                return ("scenario-\(slug)", "Consequentierapport: \(title)")
            } + ruleBase.fiches.map { ("fiche-\($0.code)", "Fiche \($0.code): \($0.title)") }
        let contents = Self.body(texts[contentsPage])
        for start in starts {
            let index = try #require(
                texts.firstIndex { Self.body($0).hasPrefix(Self.normalized(start.heading) + " ") }, "no page starts with \(start.heading)")
            #expect(Self.destinationPage(start.anchor, in: destinations) == index + 1, "link target \(start.anchor)\n\(destinations)")
        }
        // The contents (two columns, so entries interleave in the text) name every report and fiche and link to them.
        let raw = try Data(contentsOf: URL(fileURLWithPath: pdf))
        for start in starts {
            #expect(raw.range(of: Data("/Dest /\(start.anchor)".utf8)) != nil, "no link to \(start.anchor)")
        }
        for fiche in ruleBase.fiches {
            let firstWord = fiche.title.split(separator: " ").first.map(String.init) ?? ""
            #expect(contents.contains(Self.normalized("\(fiche.code) \(firstWord)")), "the contents lack fiche \(fiche.code)")
        }
        for title in reports {
            #expect(contents.contains(Self.normalized("Consequentierapport: \(title.split(separator: " ")[0])")))
        }

        // No table or text runs into the right margin (14 mm) or off the page: every word's box ends inside it.
        let boxes = try Self.run(Self.pdftotext, ["-bbox", pdf, "-"])
        let right = 594.96 - 14 / 25.4 * 72 + 1
        let outside = boxes.split(separator: "\n").filter { line in
            Self.attribute("xMax", in: line).map { $0 > right } ?? false
        }
        #expect(outside.isEmpty, "\(outside.count) words run past the right margin: \(outside.prefix(5))")

        // A second run replaces the earlier PDF pack.
        let again = try CLI.run(["pack", scenarios[0], "--pdf", "--output", pdf])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.field("Title", in: try Self.run(Self.pdfinfo, ["-enc", "UTF-8", pdf]))?.hasSuffix(PackMarker.pdfTitleSuffix) == true)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left == ["pakket.pdf"], "no temporary files are left: \(left)")
    }

    @Test func missingChromiumIsExplained() throws {
        let directory = Fixture.temporaryDirectory()
        let pdf = directory.appendingPathComponent("pakket.pdf").path
        let result = try CLI.run(
            ["pack", "scenarios/huidige-lijn.yaml", "--pdf", "-o", pdf], environment: ["PATH": "/nonexistent", "AKKOORD_CHROMIUM": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Chromium"), "\(result.stderr)")
        #expect(result.stderr.contains("apt-get install chromium"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func pdfAndSingleFileExcludeEachOther() throws {
        let result = try CLI.run(["pack", "scenarios/huidige-lijn.yaml", "--pdf", "--single-file", "-o", "/dev/null"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--single-file of --pdf"), "\(result.stderr)")
    }

    @Test func markingInTheMarginIsAQuotedCSSString() {
        let page = HTMLText.page(title: "t", marking: "a\"b\\c</style><script>", body: "")
        #expect(page.contains(#"@top-center { content: "a\22 b\5C c\3C /style\3E \3C script\3E "; }"#), "\(page)")
        #expect(!page.contains("</style><script>"))
        #expect(!HTMLText.page(title: "t", marking: nil, body: "").contains("@top-center { content: \""))
    }

    /// A page's text without the marking in its top margin, ``normalized``: what the page starts with.
    static func body(_ text: String) -> String {
        normalized(
            text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) != "VERTROUWELIJK" }.joined(separator: "\n"))
    }

    /// Text without hyphens (pdftotext joins a word hyphenated at a line end) and with whitespace collapsed.
    static func normalized(_ text: String) -> String { collapse(text.replacingOccurrences(of: "-", with: "")) }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A numeric attribute of a `pdftotext -bbox` word: `<word xMin="…" yMin="…" xMax="…" yMax="…">`.
    static func attribute(_ name: String, in line: Substring) -> Double? {
        guard line.contains("<word "), let start = line.range(of: name + "=\"") else { return nil }
        return Double(line[start.upperBound...].prefix { $0 != "\"" })
    }

    /// A `Key: value` line of `pdfinfo`.
    static func field(_ key: String, in info: String) -> String? {
        info.split(separator: "\n").first { $0.hasPrefix(key + ":") }.map { collapse(String($0.dropFirst(key.count + 1))) }
    }

    /// The page of a named destination in `pdfinfo -dests` output (`   3 [ XYZ … ] "name"`).
    static func destinationPage(_ name: String, in dests: String) -> Int? {
        dests.split(separator: "\n").first { $0.hasSuffix("\"\(name)\"") }.flatMap { line in
            line.split(separator: " ").first.flatMap { Int($0) }
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        try Subprocess.output(executable, arguments)
    }
}
