/// Renders an ``ExplorationReport`` as a self-contained HTML page with an SVG chart of the Pareto front.
public struct ExplorationHTMLRenderer: Sendable {
    public var marking: String?

    public init(marking: String? = nil) { self.marking = marking }

    public func render(_ report: ExplorationReport, packageYAML: String?) -> String {
        let e = HTMLText.escape
        var body = "<h1>\(e(report.titel))</h1>\n"
        body += "<p><strong>Status: \(e(report.status)).</strong> \(e(report.toelichting))</p>\n"
        body += "<ul><li>Posities: \(e(report.posities.joined(separator: "; ")))</li>"
        body += "<li>Aannames anders dan standaard: \(e(report.aannames.isEmpty ? "geen" : report.aannames.joined(separator: ", ")))</li>"
        body += "<li>Zoekknopen: \(report.zoekknopen)</li></ul>\n"
        if !report.conflict.isEmpty {
            body += "<h2>Deze eisen gaan samen niet</h2>\n"
            body += HTMLText.table(
                caption: nil, headers: ["plaats", "soort", "eis"],
                rows: report.conflict.map { [e($0.locatie), e($0.soort), e($0.tekst)] })
        }
        for package in report.pakketten {
            body += "<h2>\(package.rang == 1 ? "Beste pakket" : "Pakket \(package.rang)")</h2>\n"
            body += "<p>Laagste tevredenheid \(e(package.laagsteTevredenheid)), samen \(e(package.totaleTevredenheid)); "
            body += "structureel nadeel na de periode \(e(package.structureelNadeel)).</p>\n"
            body += HTMLText.table(
                caption: nil, headers: ["positie", "tevredenheid", "krijgt", "levert in"],
                rows: package.partijen.map { party in
                    [
                        e(party.naam), e("\(party.tevredenheid) (\(party.gehonoreerd)/\(party.gewicht))"),
                        e(party.krijgt.map { "\($0.beslissing): \($0.gewenst)" }.joined(separator: ", ")),
                        e(party.leverIn.map { "\($0.beslissing): \($0.gewenst) → \($0.pakket)" }.joined(separator: ", ")),
                    ]
                })
        }
        if !report.paretofront.isEmpty {
            body += "<h2>Paretofront: structureel nadeel tegen laagste tevredenheid</h2>\n"
            if !report.paretofrontVolledig { body += "<p><em>Onvolledig: de zoektocht is gestopt.</em></p>\n" }
            body += Self.frontChart(report.paretofront)
            body += HTMLText.table(
                caption: nil, headers: ["laagste tevredenheid", "structureel nadeel"],
                rows: report.paretofront.map { [e($0.laagsteTevredenheid), e($0.structureelNadeel)] }, numericColumns: [0, 1])
        }
        if let packageYAML { body += "<h2>Het beste pakket als scenario</h2>\n<pre>\(e(packageYAML))</pre>\n" }
        return HTMLText.page(title: report.titel, marking: marking, body: body)
    }

    /// A step chart: lowest satisfaction (x, 0–100%) against structural deficit (y).
    static func frontChart(_ points: [ExplorationReport.FrontPoint]) -> String {
        let width = 640.0, height = 320.0, left = 90.0, bottom = 40.0, top = 20.0, right = 20.0
        let values = points.map { Double($0.structureelNadeelCent) / 100 }
        let low = min(0, values.min() ?? 0), high = max(values.max() ?? 1, low + 1)
        func x(_ point: ExplorationReport.FrontPoint) -> Double {
            let share = point.noemer == 0 ? 0 : Double(point.laagsteTevredenheidTeller) / Double(point.noemer)
            return left + share * (width - left - right)
        }
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * (height - top - bottom) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
        svg += "aria-label=\"Paretofront\" class=\"chart\">\n"
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"#555\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"#555\"/>\n"
        for tick in [0, 25, 50, 75, 100] {
            let tx = left + Double(tick) / 100 * (width - left - right)
            svg +=
                "<text x=\"\(SVGChart.fmt(tx))\" y=\"\(SVGChart.fmt(height - bottom + 16))\" font-size=\"11\" text-anchor=\"middle\">\(tick)%</text>\n"
        }
        for value in [low, high] {
            let label = HTMLText.escape(DutchFormat.compact(Money(cents: Int64(value * 100))))
            svg +=
                "<text x=\"\(SVGChart.fmt(left - 6))\" y=\"\(SVGChart.fmt(y(value) + 4))\" font-size=\"11\" text-anchor=\"end\">\(label)</text>\n"
        }
        svg +=
            "<text x=\"\(SVGChart.fmt((left + width) / 2))\" y=\"\(SVGChart.fmt(height - 6))\" font-size=\"12\" text-anchor=\"middle\">laagste tevredenheid</text>\n"
        let path = points.map { "\(SVGChart.fmt(x($0))),\(SVGChart.fmt(y(Double($0.structureelNadeelCent) / 100)))" }
        if path.count > 1 {
            svg += "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"\(path.joined(separator: " "))\"/>\n"
        }
        for point in points {
            svg +=
                "<circle cx=\"\(SVGChart.fmt(x(point)))\" cy=\"\(SVGChart.fmt(y(Double(point.structureelNadeelCent) / 100)))\" r=\"4\" fill=\"#1f5fa8\">"
            svg += "<title>\(HTMLText.escape("\(point.laagsteTevredenheid): \(point.structureelNadeel)"))</title></circle>\n"
        }
        return svg + "</svg>\n"
    }
}
