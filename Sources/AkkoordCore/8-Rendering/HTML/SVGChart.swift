/// Inline SVG charts (no scripts, no network): money per year per scenario, and steering moments per quarter.
/// Pixel positions are approximate by nature; the amounts in labels come from exact money.
enum SVGChart {
    static let palette = ["#0b4f8a", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"]

    struct Series {
        var name: String
        /// Net burden per year (same order as `years`).
        var values: [ConsequenceReport.Total]
    }

    /// Grouped columns per year: solid to the lower bound, hatched up to the upper bound; a "?" marks unknowns.
    static func moneyPerYear(years: [Int], series: [Series], title: String) -> String {
        let width = 680.0, height = 280.0, left = 86.0, bottom = 34.0, top = 16.0
        let bounds: [Int64] = series.flatMap(\.values).flatMap { [$0.minCent, $0.maxCent] } + [0]
        let lowCents = bounds.min() ?? 0, highCents = bounds.max() ?? 0
        let low = Double(lowCents), high = Double(highCents)
        let span = max(high - low, 1)
        let plotHeight = height - bottom - top
        func y(_ cents: Int64) -> Double { top + (high - Double(cents)) / span * plotHeight }
        let groupWidth = (width - left - 10) / Double(max(years.count, 1))
        let barWidth = min(28, (groupWidth - 12) / Double(max(series.count, 1)))
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height + 24 + Double(series.count) * 16))\" role=\"img\" aria-labelledby=\"chart-money-title\">"
        svg += "<title id=\"chart-money-title\">\(HTMLText.escape(title))</title>"
        svg +=
            "<defs><pattern id=\"hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"5\" fill=\"#777\"/></pattern></defs>"
        // Axis: zero line and extremes. A label closer than `labelGap` to one already drawn (zero first) is left out, so
        // "-€ 50.000" never sits on top of "€ 0"; its grid line stays.
        let labelGap = 14.0
        var labelled: [Double] = []
        let values: [Int64] = [0] + Set([lowCents, highCents]).subtracting([0]).sorted()
        for value in values {
            let position = y(value)
            svg +=
                "<line x1=\"\(fmt(left))\" x2=\"\(fmt(width - 6))\" y1=\"\(fmt(position))\" y2=\"\(fmt(position))\" stroke=\"\(value == 0 ? "#333" : "#ccc")\"/>"
            guard !labelled.contains(where: { abs($0 - position) < labelGap }) else { continue }
            labelled.append(position)
            svg +=
                "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(position + 4))\" text-anchor=\"end\" font-size=\"11\">\(HTMLText.escape(DutchFormat.compact(Money(cents: value))))</text>"
        }
        for (yearIndex, year) in years.enumerated() {
            let groupLeft = left + Double(yearIndex) * groupWidth + 6
            svg +=
                "<text x=\"\(fmt(groupLeft + groupWidth / 2 - 6))\" y=\"\(fmt(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"12\">\(year)</text>"
            for (seriesIndex, item) in series.enumerated() {
                let total = item.values[yearIndex]
                let x = groupLeft + Double(seriesIndex) * barWidth
                let color = palette[seriesIndex % palette.count]
                let zero = y(0), lowEnd = y(total.minCent), highEnd = y(total.maxCent)
                // Solid: the part that is certain (from zero to the bound nearest zero); hatched: the range beyond.
                let certain: Int64 = total.minCent >= 0 ? total.minCent : (total.maxCent <= 0 ? total.maxCent : 0)
                let certainEnd = y(certain)
                let label = "\(item.name), \(year): \(DutchFormat.burdenTotal(total.amountTotal))"
                svg += "<g><title>\(HTMLText.escape(label))</title>"
                svg +=
                    "<rect x=\"\(fmt(x))\" y=\"\(fmt(min(zero, certainEnd)))\" width=\"\(fmt(barWidth - 2))\" height=\"\(fmt(max(abs(certainEnd - zero), 0.5)))\" fill=\"\(color)\"/>"
                if total.maxCent != total.minCent {
                    let far = total.minCent >= 0 ? highEnd : (total.maxCent <= 0 ? lowEnd : lowEnd)
                    let near = total.minCent < 0 && total.maxCent > 0 ? highEnd : certainEnd
                    svg +=
                        "<rect x=\"\(fmt(x))\" y=\"\(fmt(min(far, near)))\" width=\"\(fmt(barWidth - 2))\" height=\"\(fmt(abs(far - near)))\" fill=\"url(#hatch)\" stroke=\"\(color)\"/>"
                }
                if total.onbekendNadeel > 0 || total.onbekendVoordeel > 0 {
                    svg +=
                        "<text x=\"\(fmt(x + barWidth / 2 - 1))\" y=\"\(fmt(min(zero, highEnd, lowEnd) - 3))\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\">?</text>"
                }
                svg += "</g>"
            }
        }
        for (index, item) in series.enumerated() {
            let legendY = height + 8 + Double(index) * 16
            svg += "<rect x=\"\(fmt(left))\" y=\"\(fmt(legendY))\" width=\"12\" height=\"12\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(fmt(left + 18))\" y=\"\(fmt(legendY + 10))\" font-size=\"12\">\(HTMLText.escape(item.name))</text>"
        }
        return svg + "</svg>"
    }

    /// Columns per quarter: how many steering moments (bijsturingen) and lapses fall in each quarter.
    static func momentsPerQuarter(items: [ConsequenceReport.TimelineItem], years: ClosedRange<Int>, title: String) -> String {
        let quarters = years.flatMap { year in (1...4).map { "Q\($0) \(year)" } }
        var counts: [String: (steer: Int, lapse: Int)] = [:]
        for item in items {
            guard let quarter = item.kwartaal, quarters.contains(quarter) else { continue }
            switch item.soort {
            case .bijsturing: counts[quarter, default: (0, 0)].steer += 1
            case .verloop: counts[quarter, default: (0, 0)].lapse += 1
            case .uiterlijk, .aanname: break
            }
        }
        let maximum = max(counts.values.map { $0.steer + $0.lapse }.max() ?? 0, 1)
        let width = 680.0, height = 200.0, left = 30.0, bottom = 46.0
        let columnWidth = (width - left - 10) / Double(quarters.count)
        let unit = (height - bottom - 10) / Double(maximum)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height + 24))\" role=\"img\" aria-labelledby=\"chart-moments-title\">"
        svg += "<title id=\"chart-moments-title\">\(HTMLText.escape(title))</title>"
        svg +=
            "<line x1=\"\(fmt(left))\" x2=\"\(fmt(width - 6))\" y1=\"\(fmt(height - bottom))\" y2=\"\(fmt(height - bottom))\" stroke=\"#333\"/>"
        for (index, quarter) in quarters.enumerated() {
            let x = left + Double(index) * columnWidth + 2
            let count = counts[quarter] ?? (0, 0)
            var base = height - bottom
            for (value, color, kind) in [(count.steer, palette[0], "bijsturing"), (count.lapse, palette[1], "verloop")] where value > 0 {
                let barHeight = Double(value) * unit
                base -= barHeight
                svg +=
                    "<rect x=\"\(fmt(x))\" y=\"\(fmt(base))\" width=\"\(fmt(columnWidth - 4))\" height=\"\(fmt(barHeight))\" fill=\"\(color)\"><title>\(quarter): \(value) \(kind)</title></rect>"
            }
            if count.steer + count.lapse > 0 {
                svg +=
                    "<text x=\"\(fmt(x + columnWidth / 2 - 2))\" y=\"\(fmt(base - 3))\" text-anchor=\"middle\" font-size=\"10\">\(count.steer + count.lapse)</text>"
            }
            svg +=
                "<text x=\"\(fmt(x + columnWidth / 2 - 2))\" y=\"\(fmt(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"9\">Q\(index % 4 + 1)</text>"
            if index % 4 == 0 {
                svg += "<text x=\"\(fmt(x))\" y=\"\(fmt(height - bottom + 30))\" font-size=\"11\">\(years.lowerBound + index / 4)</text>"
            }
        }
        svg +=
            "<rect x=\"\(fmt(left))\" y=\"\(fmt(height + 6))\" width=\"12\" height=\"12\" fill=\"\(palette[0])\"/><text x=\"\(fmt(left + 18))\" y=\"\(fmt(height + 16))\" font-size=\"12\">bijsturing (logisch moment)</text>"
        svg +=
            "<rect x=\"\(fmt(left + 220))\" y=\"\(fmt(height + 6))\" width=\"12\" height=\"12\" fill=\"\(palette[1])\"/><text x=\"\(fmt(left + 238))\" y=\"\(fmt(height + 16))\" font-size=\"12\">loopt vanzelf af</text>"
        return svg + "</svg>"
    }

    /// One decimal, deterministic.
    static func fmt(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
