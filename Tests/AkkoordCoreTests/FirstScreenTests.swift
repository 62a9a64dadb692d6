import Foundation
import Testing

@testable import AkkoordCore

/// The negotiator's first screen (issue 15): in the HTML report of scenarios/luchthaven-sluiten.yaml, at 1,400 px wide,
/// what the scenario changes, its money per year and its deadlines stand within the first 1,000 px. Measured in headless
/// Chromium, not by guessing pixels: a small script writes the bounding boxes of those elements into the page, and
/// `--dump-dom` prints the page after it ran. Skipped like the other browser tests when Chromium is missing, unless
/// AKKOORD_REQUIRE_BROWSER=1.
@Suite("The first screen of the HTML report in a real browser", .serialized)
struct FirstScreenTests {
    static let width = 1400, height = 1000

    /// Writes `top bottom` of each element the test needs into `<pre id="layout">`.
    static let measuring = """
        <script>
        (function () {
          function caption(text) {
            var found = Array.prototype.find.call(document.querySelectorAll('caption'), function (c) { return c.textContent.indexOf(text) === 0; });
            return found ? found.parentElement : null;
          }
          var heading = Array.prototype.find.call(document.querySelectorAll('h2'), function (h) { return h.textContent === 'Wat dit scenario verandert'; });
          var withoutMoney = Array.prototype.find.call(document.querySelectorAll('p'), function (p) { return p.textContent.indexOf('Zonder marginaal begrotingseffect') === 0; });
          var decide = Array.prototype.find.call(document.querySelectorAll('thead th'), function (th) { return th.textContent === 'Beslissen'; });
          var parts = { changes: heading, money: caption('Geld per bijsturing'), decide: decide, withoutMoney: withoutMoney, deadlines: caption('Wanneer beslissen') };
          var lines = [];
          for (var name in parts) {
            var box = parts[name] ? parts[name].getBoundingClientRect() : null;
            lines.push(name + ' ' + (box ? Math.round(box.top + window.scrollY) + ' ' + Math.round(box.bottom + window.scrollY) : 'missing'));
          }
          lines.push('viewport ' + window.innerWidth + ' ' + document.documentElement.scrollWidth);
          var out = document.createElement('pre');
          out.id = 'layout';
          out.textContent = lines.join('\\n');
          document.body.appendChild(out);
        })();
        </script>
        """

    @Test(.enabled(if: BrowserRenderTests.chromium != nil || BrowserRenderTests.required, "Chromium is not installed"))
    func changesMoneyAndDeadlinesAreOnTheFirstScreen() throws {
        let browser = try #require(BrowserRenderTests.chromium, "AKKOORD_REQUIRE_BROWSER=1 but Chromium is not installed")
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let path = Fixture.scenarios.appendingPathComponent("luchthaven-sluiten.yaml").path
        let report = try ReportBuilder().build(
            try Evaluator().evaluate(try ScenarioLoader().load(path: path, ruleBase: ruleBase).value, in: ruleBase))
        let html = HTMLReportRenderer().render(report)
        let directory = Fixture.temporaryDirectory()
        let page = directory.appendingPathComponent("rapport.html"), png = directory.appendingPathComponent("rapport.png")
        try Data(html.replacingOccurrences(of: "</body>", with: Self.measuring + "</body>").utf8).write(to: page)
        let window = "--window-size=\(Self.width),\(Self.height)"
        let dom = try Subprocess.output(
            browser, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", window, "--dump-dom", page.absoluteString])
        let layout = try Self.layout(dom)
        let viewport = try #require(layout["viewport"])
        #expect(viewport[0] == Self.width, "the page is laid out at \(Self.width) px: \(viewport)")
        #expect(viewport[1] <= Self.width, "nothing runs past the right edge: \(viewport)")
        // What changes, its money per year with when to decide on each deviation (the "Beslissen" column), and the
        // deviations without money with their deadlines: all within the first screen. The detailed deadline table starts
        // on it.
        for name in ["changes", "money", "decide", "withoutMoney"] {
            let box = try #require(layout[name], "\(name) not found in the page")
            #expect(box[1] <= Self.height, "\(name) ends at \(box[1]) px, below the first \(Self.height) px")
        }
        let deadlines = try #require(layout["deadlines"], "the deadline table is missing")
        #expect(deadlines[0] < Self.height, "the deadline table starts at \(deadlines[0]) px")
        // The screenshot a reader would see, at the same size.
        _ = try Subprocess.output(
            browser,
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", window, "--screenshot=\(png.path)", page.absoluteString])
        let header = try Data(contentsOf: png).prefix(24)
        #expect(header.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pngWidth = header[16..<20].reduce(0) { $0 << 8 | Int($1) }, pngHeight = header[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(pngWidth == Self.width && pngHeight == Self.height)
    }

    /// `name top bottom` lines from the `<pre id="layout">` of a dumped page.
    static func layout(_ dom: String) throws -> [String: [Int]] {
        let start = try #require(dom.range(of: "<pre id=\"layout\">"), "the measuring script did not run")
        let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        var result: [String: [Int]] = [:]
        for line in dom[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard let name = parts.first else { continue }
            result[String(name)] = parts.dropFirst().compactMap { Int($0) }
        }
        return result.filter { $0.value.count == 2 }
    }
}
