import Foundation
import Testing

@testable import AkkoordCore

/// Renders the briefing pack in a real browser (headless Chromium) to PNG and PDF.
/// Runs when Chromium is installed; `.ci/run` installs it and sets AKKOORD_REQUIRE_BROWSER=1 so it cannot be skipped there.
@Suite("The briefing pack in a real browser", .serialized)
struct BrowserRenderTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["AKKOORD_REQUIRE_BROWSER"] == "1"

    @Test(.enabled(if: chromium != nil || required, "Chromium is not installed"))
    func packRendersToPDFAndPNG() throws {
        let browser = try #require(Self.chromium, "AKKOORD_REQUIRE_BROWSER=1 but Chromium is not installed")
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let paths = ["huidige-lijn", "luchthaven-sluiten"].map { Fixture.scenarios.appendingPathComponent("\($0).yaml").path }
        let reports = try paths.map { path in
            try ReportBuilder().build(
                try Evaluator().evaluate(try ScenarioLoader().load(path: path, ruleBase: ruleBase).value, in: ruleBase))
        }
        let directory = Fixture.temporaryDirectory()
        let pack = directory.appendingPathComponent("pack")
        try PackFolderWriter.write(
            try BriefingPack(ruleBase: ruleBase, reports: reports, digest: InputDigest(files: []), marking: "concept").files(),
            to: pack.path)
        let index = pack.appendingPathComponent("index.html")
        let pdf = directory.appendingPathComponent("index.pdf"), png = directory.appendingPathComponent("index.png")
        try run(
            browser,
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", index.absoluteString])
        try run(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1600", "--screenshot=\(png.path)",
                index.absoluteString,
            ])

        let pdfData = try Data(contentsOf: pdf)
        #expect(pdfData.starts(with: Data("%PDF-".utf8)))
        let pages = Self.pageCount(pdfData)
        #expect(pages >= 2, "the cover with key figures, chart and contents spans more than one A4 page; got \(pages)")

        let stats = try run("/usr/bin/env", ["python3", "-c", Self.pngStatistics, png.path])
        let parts = stats.split(separator: " ").compactMap { Double($0) }
        try #require(parts.count == 3, "unexpected output: \(stats)")
        #expect(parts[0] == 1280, "width")
        #expect(parts[2] > 0.02, "more than 2% of the pixels are not white: \(parts[2])")
    }

    /// Counts `/Type /Page` objects (not `/Pages`).
    static func pageCount(_ data: Data) -> Int {
        let text = String(decoding: data, as: UTF8.self)
        var count = 0
        var search = text.startIndex..<text.endIndex
        while let range = text.range(of: "/Type /Page", range: search) {
            if range.upperBound == text.endIndex || text[range.upperBound] != "s" { count += 1 }
            search = range.upperBound..<text.endIndex
        }
        return count
    }

    /// Prints `width height fraction-of-non-white-pixels` of an 8-bit RGB(A) PNG, using only Python's standard library.
    static let pngStatistics = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n'
        pos, idat, width = 8, b'', 0
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            chunk = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR':
                width, height, depth, color = struct.unpack('>IIBB', chunk[:10])
                assert depth == 8 and color in (2, 6), (depth, color)
                channels = 3 if color == 2 else 4
            elif kind == b'IDAT':
                idat += chunk
            pos += 12 + length
        raw = zlib.decompress(idat)
        stride = width * channels
        previous = bytearray(stride)
        nonwhite = 0
        for row in range(height):
            start = row * (stride + 1)
            kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up = previous[i]
                upleft = previous[i - channels] if i >= channels else 0
                if kind == 1: line[i] = (line[i] + left) & 255
                elif kind == 2: line[i] = (line[i] + up) & 255
                elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
                elif kind == 4:
                    p = left + up - upleft
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                    line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upleft)) & 255
            for x in range(0, stride, channels):
                if line[x] < 240 or line[x + 1] < 240 or line[x + 2] < 240:
                    nonwhite += 1
            previous = line
        print(width, height, nonwhite / (width * height))
        """#

    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        try Subprocess.output(executable, arguments).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
