/// Turns an ``Outline`` into HTML content: headings from `headingLevel` down, tables with captions, inline SVG charts.
struct HTMLOutlineWriter: Sendable {
    /// 1 for a page of its own.
    var headingLevel = 1
    /// In the briefing pack: links from quotes to their lines in the pack's source pages.
    var sourceLinks: SourceLinks?

    func write(_ outline: Outline) -> String {
        let h = headingLevel
        var out = "<h\(h)>\(render(outline.title))</h\(h)>\n" + write(outline.blocks)
        for section in outline.sections {
            out += "<h\(h + 1)>\(HTMLText.escapeText(section.title))</h\(h + 1)>\n" + write(section.blocks)
        }
        return out
    }

    func write(_ blocks: [OutlineBlock]) -> String { blocks.map(write).joined() }

    func write(_ block: OutlineBlock) -> String {
        let e = HTMLText.escape
        switch block {
        case .meta(let text): return "<p class=\"meta\">\(render(text))</p>\n"
        case .paragraph(let text): return "<p>\(render(text))</p>\n"
        case .emptyState(let sentence): return "<p>\(HTMLText.escapeText(sentence))</p>\n"
        case .table(let table):
            if table.rows.isEmpty, let sentence = table.emptyState { return "<p>\(HTMLText.escapeText(sentence))</p>\n" }
            return HTMLText.table(
                caption: table.title ?? table.caption, headers: table.headers, rows: table.rows.map { $0.map(render) },
                numericColumns: table.numericColumns)
        case .list(let items): return "<ul>" + items.map { "<li>\(render($0))</li>" }.joined() + "</ul>\n"
        case .groups(let groups):
            let h = headingLevel + 2
            return groups.map { group in
                "<h\(h)>\(e(group.key)): \(render(group.title))</h\(h)><ul>" + group.items.map { "<li>\(render($0))</li>" }.joined()
                    + "</ul>\n"
            }.joined()
        case .figures(let figures):
            return "<div class=\"cards\">"
                + figures.map { "<div class=\"card\">\(e($0.label))<strong>\(e($0.value))</strong></div>" }.joined() + "</div>\n"
        case .chart(let chart): return "<figure>" + svg(chart) + "<figcaption>\(HTMLText.escapeText(chart.caption))</figcaption></figure>\n"
        case .only(.visual, let blocks): return write(blocks)
        case .only(.text, _): return ""
        case .collapsed(let summary, let blocks):
            return "<details><summary>\(HTMLText.escapeText(summary))</summary>\n" + write(blocks) + "</details>\n"
        }
    }

    private func svg(_ chart: OutlineChart) -> String {
        switch chart.kind {
        case .moneyPerYear(let years, let series):
            SVGChart.moneyPerYear(
                years: years, series: series.map { SVGChart.Series(name: $0.name, values: $0.values) }, title: chart.title)
        case .momentsPerQuarter(let items, let years):
            SVGChart.momentsPerQuarter(items: items, years: years, title: chart.title)
        case .histogram(let bins): RiskCharts.histogram(bins, title: chart.title)
        case .tornado(let bars, let base): RiskCharts.tornado(bars, base: base, title: chart.title)
        }
    }

    func render(_ text: OutlineText) -> String {
        let e = HTMLText.escape
        return text.spans.map { span in
            switch span {
            case .text(let text): HTMLText.escapeText(text)
            case .value(let value): e(value)
            case .strong(let value): "<strong>\(e(value))</strong>"
            case .deviation(let value): "<span class=\"bijsturing\">\(e(value))</span>"
            case .level(let level): "<span class=\"\(level.rawValue)\">\(level.rawValue)</span>"
            case .lapsed(let value): "<span class=\"verstreken\">\(e(value))</span>"
            case .detail(let value), .delta(let value): "<br><small>\(e(value))</small>"
            case .quote(let value, let source):
                "<blockquote>“\(e(value))”" + (source.map { " <cite>\(cite($0, quote: value))</cite>" } ?? "") + "</blockquote>"
            }
        }.joined()
    }

    /// Where a quote stands, linked to the passage when the pack includes its source.
    private func cite(_ place: String, quote: String) -> String {
        guard let href = sourceLinks?.href(place: place, quote: quote) else { return HTMLText.escape(place) }
        return "<a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(place))</a>"
    }
}
