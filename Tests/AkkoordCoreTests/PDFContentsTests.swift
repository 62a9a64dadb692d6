import Foundation
import Testing

@testable import AkkoordCore

/// The PDF pack's contents carry page numbers (read back from the first print's named destinations), and Chromium
/// runs with a time limit.
@Suite("Page numbers in the PDF's contents, Chromium's time limit", .serialized)
struct PDFContentsTests {
    /// A PDF in Chromium's plain form: a nested page tree, a stream whose data looks like an object, and `/Dests`.
    static let samplePDF = """
        %PDF-1.7
        1 0 obj
        <</Type /Catalog
        /Pages 2 0 R
        /Dests 9 0 R>>
        endobj
        2 0 obj
        <</Type /Pages
        /Count 3
        /Kids [3 0 R 4 0 R]>>
        endobj
        3 0 obj
        <</Type /Pages
        /Count 2
        /Kids [5 0 R 6 0 R]>>
        endobj
        4 0 obj
        <</Type /Pages
        /Count 1
        /Kids [7 0 R]>>
        endobj
        5 0 obj
        <</Type /Page
        /Parent 3 0 R>>
        endobj
        8 0 obj
        <</Length 30>> stream
        99 0 obj <</Type /Catalog>>
        endstream
        endobj
        6 0 obj
        <</Type /Page
        /Parent 3 0 R>>
        endobj
        7 0 obj
        <</Type /Page
        /Parent 4 0 R>>
        endobj
        9 0 obj
        <</inhoud [5 0 R /XYZ 0 800 0]
        /fiche-1A [7 0 R /XYZ 0 800 0]
        /scenario-#C3#A9n [6 0 R /XYZ 6 776.25 0]>>
        endobj
        %%EOF
        """

    @Test func namedDestinationsGiveTheirPageInTheOrderOfThePageTree() {
        let pages = PDFDestinations.pages(in: Array(Self.samplePDF.utf8))
        #expect(pages == ["inhoud": 1, "scenario-én": 2, "fiche-1A": 3])
    }

    @Test func aPDFWithoutPlainDestinationsGivesNothing() {
        #expect(PDFDestinations.pages(in: Array("%PDF-1.7\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n".utf8)).isEmpty)
        #expect(PDFDestinations.pages(in: []).isEmpty)
    }

    /// With page numbers, each contents entry carries the number of the section it links to; without a number for a
    /// section, blank space as wide as three digits; without `pageNumbers`, nothing.
    @Test func theContentsShowTheNumberOfTheSectionEachEntryLinksTo() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let reports = try GoldenFileTests.reports(["examples/scenario-renoveren.yaml"], in: ruleBase)
        let pack = try BriefingPack(ruleBase: ruleBase, reports: reports, digest: InputDigest(files: []))
        #expect(pack.contentsTargets == ["scenario-scenario-renoveren", "vergelijking", "tijdlijn", "fiche-1A", "fiche-2A"])
        let numbered = pack.singleFile(pageNumbers: ["fiche-1A": 15, "vergelijking": 7])
        #expect(numbered.contains("<li><span class=\"pagina\">15</span><a href=\"#fiche-1A\">"))
        #expect(numbered.contains("<li><span class=\"pagina\">7</span><a href=\"#vergelijking\">"))
        #expect(numbered.contains("<li><span class=\"pagina\">\u{2007}\u{2007}\u{2007}</span><a href=\"#fiche-2A\">"))
        #expect(!pack.singleFile().contains("class=\"pagina\""))
        #expect(!pack.files().values.contains { $0.contains("class=\"pagina\"") })
    }

    /// The tutorial pack with its source text, printed: every number in the contents is the page on which its
    /// section starts (by the section's heading on that page).
    @Test(.enabled(if: PDFPackTests.available || BrowserRenderTests.required, "Chromium or poppler-utils is not installed"))
    func theNumbersInThePrintedContentsAreThePagesWhereTheSectionsStart() throws {
        try #require(PDFPackTests.available, "AKKOORD_REQUIRE_BROWSER=1 but Chromium or poppler-utils is missing")
        let directory = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("pakket.pdf").path
        let result = try CLI.run([
            "pack", "examples/scenario-renoveren.yaml", "examples/scenario-sluiten.yaml", "--rules", "examples/regels",
            "--bronnen", "examples/bronnen", "--pdf", "-o", pdf,
        ])
        try #require(result.status == 0, "\(result.stderr)")
        let texts = try PDFPackTests.run(PDFPackTests.pdftotext, ["-enc", "UTF-8", pdf, "-"])
            .split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast().map(String.init)
        let destinations = PDFDestinations.pages(in: [UInt8](try Data(contentsOf: URL(fileURLWithPath: pdf))))
        // The sections and the heading each starts with.
        let headings: [String: String] = [
            "scenario-scenario-renoveren": "Consequentierapport: Renoveren", "scenario-scenario-sluiten": "Consequentierapport: Zwembad",
            "vergelijking": "Vergelijking van scenario's", "tijdlijn": "Tijdlijn van stuurmomenten",
            "fiche-1A": "Fiche 1A: Zwembad", "fiche-2A": "Fiche 2A: Bibliotheek", "bron-oefendossier": "Bron: Oefendossier",
        ]
        var expected: [Int] = []
        for (id, heading) in headings {
            let page = try #require(destinations[id], "no destination \(id)")
            #expect(PDFPackTests.body(texts[page - 1]).hasPrefix(PDFPackTests.normalized(heading)), "\(id) is not on page \(page)")
            expected.append(page)
        }
        // The contents page's numbers: whole numbers as words of their own, above the footer ("pagina 2 van N").
        let boxes = try PDFPackTests.run(PDFPackTests.pdftotext, ["-bbox", "-f", "2", "-l", "2", pdf, "-"])
        let numbers = boxes.split(separator: "\n").compactMap { line -> Int? in
            guard let y = PDFPackTests.attribute("yMin", in: line), y < 780,
                let open = line.range(
                    of: ">", options: .backwards, range: line.startIndex..<(line.range(of: "</word>")?.lowerBound ?? line.startIndex))
            else { return nil }
            return Int(line[open.upperBound...].prefix { $0 != "<" })
        }
        #expect(numbers.sorted() == expected.sorted(), "contents page numbers \(numbers), sections start at \(expected.sorted())")
    }

    /// A browser that does not finish is stopped at the time limit, with every process it started: exit 2, the option
    /// to give more time named, no PDF and no temporary files left.
    @Test func chromiumIsStoppedAtTheTimeLimit() throws {
        let directory = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let browser = directory.appendingPathComponent("traag-chromium")
        let helper = directory.appendingPathComponent("helper.pid")
        try Data("#!/bin/sh\nsleep 120 &\necho $! > '\(helper.path)'\nwait\n".utf8).write(to: browser)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
        let pdf = directory.appendingPathComponent("pakket.pdf")
        let result = try CLI.run(
            ["pack", "examples/scenario-renoveren.yaml", "--rules", "examples/regels", "--pdf", "-o", pdf.path, "--pdf-tijdslimiet", "1"],
            environment: ["AKKOORD_CHROMIUM": browser.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("akkoord: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("--pdf-tijdslimiet"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
        // The browser's own child was stopped with it.
        let pid = try #require(Int32(try String(contentsOf: helper, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Gone, or a zombie waiting for its new parent to collect it.
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?
            .split(separator: " ").first
        #expect(state == nil || state == "Z", "helper process \(pid) still runs (state \(state ?? ""))")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == ["helper.pid", "traag-chromium"])
    }

    @Test func theTimeLimitMustBePositive() throws {
        let result = try CLI.run(["pack", "examples/scenario-renoveren.yaml", "--pdf", "-o", "/dev/null", "--pdf-tijdslimiet", "0"])
        #expect(result.status == 2)
    }
}
