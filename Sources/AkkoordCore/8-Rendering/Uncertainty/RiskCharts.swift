/// Inline SVG charts of `akkoord risico`: the histogram of the period total and the tornado. Pixel positions are
/// approximate by nature; the labels come from exact cents.
enum RiskCharts {
    private static let fmt = SVGChart.fmt

    /// Columns per bin of the period total; height is the probability.
    static func histogram(_ bins: [RiskReport.Bin], title: String) -> String {
        let width = 680.0, height = 240.0, left = 50.0, bottom = 40.0, top = 14.0, right = 10.0
        let highest = max(bins.map(\.kans).max() ?? 0, 0.0001)
        let barWidth = (width - left - right) / Double(max(bins.count, 1))
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"chart-risk-histogram\">"
        svg += "<title id=\"chart-risk-histogram\">\(HTMLText.escape(title))</title>"
        svg +=
            "<line x1=\"\(fmt(left))\" x2=\"\(fmt(width - right))\" y1=\"\(fmt(height - bottom))\" y2=\"\(fmt(height - bottom))\" stroke=\"#333\"/>"
        svg +=
            "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(top + 4))\" text-anchor=\"end\" font-size=\"11\">\(percent(highest))</text>"
        for (index, bin) in bins.enumerated() {
            let barHeight = bin.kans / highest * (height - top - bottom)
            let x = left + Double(index) * barWidth
            let label =
                "\(DutchFormat.euro(Money(cents: bin.vanCent))) – \(DutchFormat.euro(Money(cents: bin.totCent))): \(percent(bin.kans))"
            svg += "<g><title>\(HTMLText.escape(label))</title>"
            svg +=
                "<rect x=\"\(fmt(x + 1))\" y=\"\(fmt(height - bottom - barHeight))\" width=\"\(fmt(max(barWidth - 2, 0.5)))\" height=\"\(fmt(barHeight))\" fill=\"\(SVGChart.palette[0])\"/></g>"
        }
        if let first = bins.first, let last = bins.last {
            svg +=
                "<text x=\"\(fmt(left))\" y=\"\(fmt(height - bottom + 16))\" font-size=\"11\">\(HTMLText.escape(DutchFormat.compact(Money(cents: first.vanCent))))</text>"
            svg +=
                "<text x=\"\(fmt(width - right))\" y=\"\(fmt(height - bottom + 16))\" text-anchor=\"end\" font-size=\"11\">\(HTMLText.escape(DutchFormat.compact(Money(cents: last.totCent))))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars around the base, largest swing on top; the label names the subject.
    static func tornado(_ bars: [RiskReport.Bar], base: Int64, title: String) -> String {
        let shown = Array(bars.prefix(12))
        let width = 680.0, labelWidth = 250.0, right = 16.0, rowHeight = 22.0, top = 18.0
        let height = top + Double(shown.count) * rowHeight + 26
        let values = shown.flatMap { [$0.laagCent, $0.hoogCent] } + [base]
        let low = Double(values.min() ?? 0), high = Double(values.max() ?? 0)
        let span = max(high - low, 1)
        func x(_ cents: Int64) -> Double { labelWidth + (Double(cents) - low) / span * (width - labelWidth - right) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"chart-risk-tornado-\(abs(title.hashValueStable))\">"
        svg += "<title id=\"chart-risk-tornado-\(abs(title.hashValueStable))\">\(HTMLText.escape(title))</title>"
        for (index, bar) in shown.enumerated() {
            let y = top + Double(index) * rowHeight
            let left = x(min(bar.laagCent, bar.hoogCent)), rightEnd = x(max(bar.laagCent, bar.hoogCent))
            let label = bar.soort == "aanname" ? bar.sleutel : "\(bar.sleutel): \(bar.titel)"
            let short = label.count > 40 ? String(label.prefix(39)) + "…" : label
            svg += "<g><title>\(HTMLText.escape("\(label): \(bar.laag) – \(bar.hoog) (zwaai \(bar.zwaai))"))</title>"
            svg +=
                "<text x=\"\(fmt(labelWidth - 6))\" y=\"\(fmt(y + 14))\" text-anchor=\"end\" font-size=\"11\">\(HTMLText.escape(short))</text>"
            svg +=
                "<rect x=\"\(fmt(left))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(max(rightEnd - left, 0.5)))\" height=\"\(fmt(rowHeight - 6))\" fill=\"\(SVGChart.palette[bar.soort == "aanname" ? 1 : 0])\"/></g>"
        }
        let baseX = x(base), bottom = top + Double(shown.count) * rowHeight
        svg += "<line x1=\"\(fmt(baseX))\" x2=\"\(fmt(baseX))\" y1=\"\(fmt(top))\" y2=\"\(fmt(bottom))\" stroke=\"#333\"/>"
        svg +=
            "<text x=\"\(fmt(baseX))\" y=\"\(fmt(bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(HTMLText.escape(DutchFormat.compact(Money(cents: base))))</text>"
        return svg + "</svg>"
    }

    static func percent(_ probability: Double) -> String {
        let tenths = Int((probability * 1000).rounded())
        return "\(tenths / 10),\(tenths % 10)%"
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process), for element ids.
    fileprivate var hashValueStable: Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(hash % 1_000_000)
    }
}
