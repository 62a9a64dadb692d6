import Foundation
import Testing

@testable import AkkoordCore

/// What Akkoord never overwrites (README, "Wat Akkoord nooit overschrijft"), through the built binary: `pack` only
/// replaces what it made, `-o` never replaces an input, follows links, keeps permissions, writes devices and FIFOs
/// directly, and says in Dutch why a write failed.
@Suite("Output safety", .serialized)
struct OutputSafetyTests {
    /// A small project in a fresh folder: `regels/` (the tutorial rule base) and two scenarios.
    struct Project {
        let root: URL
        var rules: String { root.appendingPathComponent("regels").path }
        var scenario: String { root.appendingPathComponent("renoveren.yaml").path }
        var second: String { root.appendingPathComponent("sluiten.yaml").path }

        init() throws {
            root = Fixture.temporaryDirectory()
            try FileManager.default.copyItem(
                at: Fixture.examples.appendingPathComponent("regels"), to: root.appendingPathComponent("regels"))
            try FileManager.default.copyItem(
                at: Fixture.examples.appendingPathComponent("scenario-renoveren.yaml"),
                to: root.appendingPathComponent("renoveren.yaml"))
            try FileManager.default.copyItem(
                at: Fixture.examples.appendingPathComponent("scenario-sluiten.yaml"),
                to: root.appendingPathComponent("sluiten.yaml"))
        }

        func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

        func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: root) }

        /// Every file under the project with its contents, to prove nothing changed.
        func snapshot() -> [String: Data] {
            var files: [String: Data] = [:]
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
            for case let relative as String in enumerator {
                files[relative] = FileManager.default.contents(atPath: path(relative)) ?? Data("<map>".utf8)
            }
            return files
        }

        /// Temporary files a writer might have left behind.
        func leftovers() -> [String] {
            let names = FileManager.default.enumerator(atPath: root.path)?.allObjects.compactMap { $0 as? String } ?? []
            return names.filter { ($0.contains(".akkoord-") && !$0.hasSuffix(PackMarker.fileName)) || $0.hasSuffix(".tmp") }
        }
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func expectRefused(_ result: CLI.Result, path: String, _ words: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("\(path): error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: 1. pack writes only into a new folder or one it made

    @Test func packRefusesAFolderItDidNotMake() throws {
        let project = try Project()
        try Data("mijn aantekeningen\n".utf8).write(to: URL(fileURLWithPath: project.path("notities.txt")))
        let before = project.snapshot()
        // `--output .` in a project used to wipe the rule base.
        let result = try project.run(["pack", "renoveren.yaml", "--rules", "regels", "--output", "."])
        expectRefused(result, path: ".", "niet eerder door akkoord pack gemaakt")
        #expect(project.snapshot() == before, "pack changed files in a folder it did not make")
    }

    @Test func packUpdatesOnlyWhatItMadeEarlier() throws {
        let project = try Project()
        var result = try project.run(["pack", "renoveren.yaml", "sluiten.yaml", "--rules", "regels", "--output", "pakket"])
        #expect(result.status == 0, "\(result.stderr)")
        let marker = text(project.path("pakket/.akkoord-pakket"))
        #expect(marker.hasPrefix(PackMarker.header + "\n"))
        #expect(marker.contains("\nscenario-sluiten.html\n") && marker.contains("\ndata/rapport-sluiten.json\n"))
        try Data("eigen\n".utf8).write(to: URL(fileURLWithPath: project.path("pakket/eigen.txt")))
        try Data("eigen\n".utf8).write(to: URL(fileURLWithPath: project.path("pakket/data/notities.txt")))

        result = try project.run(["pack", "renoveren.yaml", "--rules", "regels", "--output", "pakket"])
        #expect(result.status == 0, "\(result.stderr)")
        let manager = FileManager.default
        #expect(manager.fileExists(atPath: project.path("pakket/scenario-renoveren.html")))
        #expect(!manager.fileExists(atPath: project.path("pakket/scenario-sluiten.html")), "a file pack no longer makes stays")
        #expect(!manager.fileExists(atPath: project.path("pakket/data/rapport-sluiten.json")))
        #expect(text(project.path("pakket/eigen.txt")) == "eigen\n", "pack touched a file it did not write")
        #expect(text(project.path("pakket/data/notities.txt")) == "eigen\n", "pack touched a file it did not write")
        #expect(!text(project.path("pakket/.akkoord-pakket")).contains("sluiten"), "the marker lists what pack no longer wrote")
        #expect(project.leftovers().isEmpty, "\(project.leftovers())")
    }

    @Test func packRefusesAFileInTheWayThatItDidNotWrite() throws {
        let project = try Project()
        try FileManager.default.createDirectory(atPath: project.path("pakket"), withIntermediateDirectories: true)
        try Data("\(PackMarker.header)\n".utf8).write(to: URL(fileURLWithPath: project.path("pakket/.akkoord-pakket")))
        try Data("mijn eigen index\n".utf8).write(to: URL(fileURLWithPath: project.path("pakket/index.html")))
        let result = try project.run(["pack", "renoveren.yaml", "--rules", "regels", "--output", "pakket"])
        expectRefused(result, path: "pakket/index.html", "niet door akkoord pack geschreven")
        #expect(text(project.path("pakket/index.html")) == "mijn eigen index\n")
        #expect(!FileManager.default.fileExists(atPath: project.path("pakket/tijdlijn.html")), "a refused pack wrote files")

        // A symbolic link inside a pack folder is not followed: pack would otherwise write outside its folder.
        try FileManager.default.removeItem(atPath: project.path("pakket/index.html"))
        try FileManager.default.createDirectory(atPath: project.path("elders"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.path("pakket/data"), withDestinationPath: "../elders")
        expectRefused(
            try project.run(["pack", "renoveren.yaml", "--rules", "regels", "--output", "pakket"]),
            path: "pakket/data", "staat in de weg")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path("elders")).isEmpty)
    }

    @Test func packNeverDeletesOutsideItsFolderWhateverTheMarkerSays() throws {
        let project = try Project()
        var result = try project.run(["pack", "renoveren.yaml", "--rules", "regels", "--output", "pakket"])
        #expect(result.status == 0, "\(result.stderr)")
        let outside = project.path("buiten.txt")
        try Data("buiten\n".utf8).write(to: URL(fileURLWithPath: outside))
        let marker = project.path("pakket/.akkoord-pakket")
        try Data((text(marker) + "../buiten.txt\n\(outside)\n./../buiten.txt\n../regels/dossier.yaml\n").utf8).write(
            to: URL(fileURLWithPath: marker))
        result = try project.run(["pack", "renoveren.yaml", "--rules", "regels", "--output", "pakket"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(text(outside) == "buiten\n")
        #expect(FileManager.default.fileExists(atPath: project.path("regels/dossier.yaml")))
        #expect(PackMarker.files(in: "\(PackMarker.header)\n../x\n/x\na/../x\n./x\na//x\ndata/x.csv\n") == ["data/x.csv"])
    }

    @Test func singleFilePackReplacesOnlyAnEarlierPack() throws {
        let project = try Project()
        try Data("notulen\n".utf8).write(to: URL(fileURLWithPath: project.path("notulen.html")))
        var result = try project.run(["pack", "renoveren.yaml", "--rules", "regels", "--single-file", "-o", "notulen.html"])
        expectRefused(result, path: "notulen.html", "geen eerder briefingpakket")
        #expect(text(project.path("notulen.html")) == "notulen\n")

        try Data().write(to: URL(fileURLWithPath: project.path("pakket.html")))
        result = try project.run(["pack", "renoveren.yaml", "--rules", "regels", "--single-file", "-o", "pakket.html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(text(project.path("pakket.html")).contains(PackMarker.generatorTag))
        result = try project.run(["pack", "sluiten.yaml", "--rules", "regels", "--single-file", "-o", "pakket.html"])
        #expect(result.status == 0, "an earlier single-file pack is replaced: \(result.stderr)")
        #expect(project.leftovers().isEmpty, "\(project.leftovers())")
    }

    @Test func pdfPackRefusesAForeignFileBeforeStartingTheBrowser() throws {
        let project = try Project()
        // Without a browser on PATH: the refusal comes first, so it is not about Chromium.
        let noBrowser = ["PATH": "/nonexistent", "AKKOORD_CHROMIUM": ""]
        try Data("%PDF-1.4\n1 0 obj\n<</Title (Notulen)>>\n".utf8).write(to: URL(fileURLWithPath: project.path("notulen.pdf")))
        var result = try CLI.run(
            ["pack", "renoveren.yaml", "--rules", "regels", "--pdf", "-o", "notulen.pdf"], in: project.root, environment: noBrowser)
        expectRefused(result, path: "notulen.pdf", "geen eerder PDF-briefingpakket")
        #expect(text(project.path("notulen.pdf")).contains("Notulen"))
        result = try CLI.run(
            ["pack", "renoveren.yaml", "--rules", "regels", "--pdf", "-o", "renoveren.yaml"], in: project.root, environment: noBrowser)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("renoveren.yaml: error: "), "\(result.stderr)")

        // An earlier PDF pack (its title ends with the marker, as Chromium writes it) gets as far as the browser.
        let earlier = "%PDF-1.4\n1 0 obj\n<</Title <FEFF0042" + PackMarker.pdfMarkers[0] + "\n"
        try Data(earlier.utf8).write(to: URL(fileURLWithPath: project.path("pakket.pdf")))
        result = try CLI.run(
            ["pack", "renoveren.yaml", "--rules", "regels", "--pdf", "-o", "pakket.pdf"], in: project.root, environment: noBrowser)
        #expect(result.status == 2)
        #expect(result.stderr.contains("apt-get install chromium"), "\(result.stderr)")
        #expect(text(project.path("pakket.pdf")) == earlier)
        #expect(project.leftovers().isEmpty, "\(project.leftovers())")
    }

    // MARK: 2. -o never replaces an input

    @Test func outputOntoAnInputIsRefused() throws {
        let project = try Project()
        try FileManager.default.createSymbolicLink(
            atPath: project.path("koppeling.yaml"), withDestinationPath: project.path("regels/dossier.yaml"))
        try FileManager.default.linkItem(atPath: project.scenario, toPath: project.path("harde-koppeling.yaml"))
        let before = project.snapshot()
        let attempts: [(arguments: [String], output: String)] = [
            (["report", "renoveren.yaml", "--rules", "regels", "-o", "./renoveren.yaml"], "./renoveren.yaml"),
            (["report", "renoveren.yaml", "--rules", "regels", "-o", "harde-koppeling.yaml"], "harde-koppeling.yaml"),
            (["report", "renoveren.yaml", "--rules", "./regels/", "-o", "koppeling.yaml"], "koppeling.yaml"),
            (
                [
                    "compare", "renoveren.yaml", "sluiten.yaml", "--rules", "regels", "-o",
                    "../\(project.root.lastPathComponent)/sluiten.yaml",
                ],
                "../\(project.root.lastPathComponent)/sluiten.yaml"
            ),
            (
                ["check", "--rules", "regels", "--format", "json", "-o", "regels/fiches/2A-bibliotheek.yaml"],
                "regels/fiches/2A-bibliotheek.yaml"
            ),
            (["pack", "renoveren.yaml", "--rules", "regels", "--single-file", "-o", "renoveren.yaml"], "renoveren.yaml"),
        ]
        for attempt in attempts {
            expectRefused(try project.run(attempt.arguments), path: attempt.output, "invoerbestand")
        }
        #expect(project.snapshot() == before, "an input changed")
        #expect(project.leftovers().isEmpty, "\(project.leftovers())")
    }

    // MARK: 3. devices and FIFOs are written directly; `-` is standard output

    @Test func aFIFOStaysAFIFOAndReceivesTheOutput() throws {
        let project = try Project()
        let fifo = project.path("uit.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // The read end, opened without waiting for a writer; `check --format json` is small enough for the pipe buffer.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let result = try project.run(["check", "--rules", "regels", "--format", "json", "-o", "uit.fifo"])
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &buffer, buffer.count)
        let received = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileStatus.of(fifo)?.kind == .fifo, "the FIFO was replaced by a regular file")
        #expect(received.contains("\"schema_version\""), "the reader got: \(received.prefix(80))")
    }

    @Test func dashMeansStandardOutput() throws {
        let project = try Project()
        let result = try project.run(["report", "renoveren.yaml", "--rules", "regels", "-o", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Consequentierapport"))
        #expect(!FileManager.default.fileExists(atPath: project.path("-")))
    }

    // MARK: 4. permissions

    @Test func aReplacedFileKeepsItsPermissionsAndANewFileFollowsTheUmask() throws {
        let project = try Project()
        let existing = project.path("geheim.md")
        try Data("oud\n".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(chmod(existing, 0o600) == 0)
        var result = try project.run(["report", "renoveren.yaml", "--rules", "regels", "-o", "geheim.md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(text(existing).hasPrefix("# Consequentierapport"))
        #expect(FileStatus.of(existing)?.permissions == 0o600, "mode \(String(FileStatus.of(existing)?.permissions ?? 0, radix: 8))")

        let mask = umask(0)
        umask(mask)
        result = try project.run(["report", "renoveren.yaml", "--rules", "regels", "-o", "nieuw.md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileStatus.of(project.path("nieuw.md"))?.permissions == 0o666 & ~mask)
    }

    // MARK: 5. symbolic links are followed

    @Test func outputThroughASymbolicLinkReplacesItsTarget() throws {
        let project = try Project()
        try FileManager.default.createDirectory(atPath: project.path("echt"), withIntermediateDirectories: true)
        try Data("oud\n".utf8).write(to: URL(fileURLWithPath: project.path("echt/rapport.md")))
        try FileManager.default.createSymbolicLink(atPath: project.path("rapport.md"), withDestinationPath: "echt/rapport.md")
        let result = try project.run(["report", "renoveren.yaml", "--rules", "regels", "-o", "rapport.md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileStatus.of(project.path("rapport.md"))?.kind == .symbolicLink, "the link was replaced")
        #expect(text(project.path("echt/rapport.md")).hasPrefix("# Consequentierapport"), "the target was left untouched")
        #expect(project.leftovers().isEmpty, "\(project.leftovers())")
    }

    @Test func testUpdateThroughASymbolicLinkKeepsTheLink() throws {
        let project = try Project()
        try FileManager.default.createSymbolicLink(atPath: project.path("koppeling.yaml"), withDestinationPath: "renoveren.yaml")
        #expect(chmod(project.scenario, 0o640) == 0)
        let result = try project.run(["test", "koppeling.yaml", "--rules", "regels", "--update"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileStatus.of(project.path("koppeling.yaml"))?.kind == .symbolicLink, "the link was replaced")
        #expect(text(project.scenario).contains("verwachtingen:"), "the scenario the link points to was not updated")
        #expect(FileStatus.of(project.scenario)?.permissions == 0o640)
    }

    // MARK: 6. Dutch messages with the cause

    @Test func writeErrorsNameThePathAndTheCauseInDutch() throws {
        let project = try Project()
        try FileManager.default.createDirectory(atPath: project.path("map"), withIntermediateDirectories: true)
        let cases: [(output: String, cause: String)] = [
            ("bestaat-niet/rapport.md", "de map bestaat niet"),
            ("map", "is een map"),
            ("renoveren.yaml/rapport.md", "een deel van het pad is geen map"),
        ]
        for (output, cause) in cases {
            let result = try project.run(["report", "renoveren.yaml", "--rules", "regels", "-o", output])
            expectRefused(result, path: output, "kan niet schrijven: \(cause)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("could not"), "\(result.stderr)")
        }
        #expect(WriteError(path: "x", errno: EACCES).description == "x: error: kan niet schrijven: geen schrijfrechten")
        #expect(WriteError.cause(errno: ENOSPC) == "de schijf is vol")
        #expect(WriteError.cause(errno: EROFS) == "het bestandssysteem is alleen-lezen")
        #expect(project.leftovers().isEmpty, "\(project.leftovers())")
    }

    // MARK: 15. exit 2 leaves no output, except check's findings file

    @Test func checkWritesItsFindingsFileEvenWhenTheRuleBaseIsUnusable() throws {
        let project = try Project()
        try Data("titel: [\n".utf8).write(to: URL(fileURLWithPath: project.path("regels/fiches/9Z-kapot.yaml")))
        let result = try project.run(["check", "--rules", "regels", "--format", "junit", "-o", "bevindingen.xml"])
        #expect(result.status == 2, "\(result.stderr)")
        let report = text(project.path("bevindingen.xml"))
        #expect(report.contains("<testsuite") && report.contains("9Z-kapot.yaml") && report.contains("<failure"), "\(report.prefix(300))")
    }

    @Test func otherCommandsLeaveNothingBehindOnExit2() throws {
        let project = try Project()
        try Data("titel: [\n".utf8).write(to: URL(fileURLWithPath: project.path("kapot.yaml")))
        let before = project.snapshot()
        let runs: [[String]] = [
            ["report", "kapot.yaml", "--rules", "regels", "-o", "rapport.md"],
            ["compare", "renoveren.yaml", "kapot.yaml", "--rules", "regels", "-o", "vergelijking.md"],
            ["pack", "renoveren.yaml", "kapot.yaml", "--rules", "regels", "-o", "pakket"],
            ["pack", "renoveren.yaml", "kapot.yaml", "--rules", "regels", "--single-file", "-o", "pakket.html"],
            ["test", "kapot.yaml", "--rules", "regels", "--update"],
        ]
        for arguments in runs {
            let result = try project.run(arguments)
            #expect(result.status == 2, "\(arguments): exit \(result.status)")
        }
        #expect(project.snapshot() == before, "\(Set(project.snapshot().keys).symmetricDifference(before.keys))")
    }
}
