/// Turns an ``Outline`` into Markdown: sections as `##` headings, tables as pipe tables, no charts.
struct MarkdownOutlineWriter: Sendable {
    func write(_ outline: Outline) -> String {
        var out = ["# " + render(outline.title)]
        append(outline.blocks, to: &out)
        for section in outline.sections {
            out += ["", "## \(section.title)"]
            append(section.blocks, to: &out)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Blocks separated by an empty line; lists that follow each other form one list.
    private func append(_ blocks: [OutlineBlock], to out: inout [String]) {
        var previousWasList = false
        for block in visible(blocks) {
            let lines = lines(block)
            guard !lines.isEmpty else { continue }
            let isList = if case .list = block { true } else { false }
            if !(isList && previousWasList) { out.append("") }
            out += lines
            previousWasList = isList
        }
    }

    private func visible(_ blocks: [OutlineBlock]) -> [OutlineBlock] {
        blocks.flatMap { block -> [OutlineBlock] in
            switch block {
            case .only(.text, let inner), .collapsed(_, let inner): visible(inner)
            case .only(.visual, _), .chart: []
            default: [block]
            }
        }
    }

    private func lines(_ block: OutlineBlock) -> [String] {
        switch block {
        case .meta(let text), .paragraph(let text): [render(text)]
        case .emptyState(let sentence): [sentence]
        case .table(let table): lines(table)
        case .list(let items): items.map { "- " + render($0) }
        case .groups(let groups):
            groups.flatMap { group in ["- **\(inline(group.key))** " + render(group.title)] + group.items.map { "  - " + render($0) } }
        case .figures(let figures): figures.map { "- \(inline($0.label)): \(inline($0.value))" }
        case .chart, .only, .collapsed: []
        }
    }

    private func lines(_ table: OutlineTable) -> [String] {
        let heading = table.title.map { ["### \($0)", ""] } ?? []
        if table.rows.isEmpty, let sentence = table.emptyState { return heading + [sentence] }
        let header = "|" + table.headers.map { $0.isEmpty ? " " : " \(inline($0)) " }.joined(separator: "|") + "|"
        let alignment =
            "| " + table.headers.indices.map { table.numericColumns.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |"
        return heading + [header, alignment] + table.rows.map { "| " + $0.map(render).joined(separator: " | ") + " |" }
    }

    func render(_ text: OutlineText) -> String {
        text.spans.map { span in
            switch span {
            case .text(let text): text
            case .value(let value), .lapsed(let value): inline(value)
            case .strong(let value), .deviation(let value): "**\(inline(value))**"
            case .level(let level): "**\(level.rawValue)**"
            case .detail(let value): ": " + inline(value)
            case .delta(let value): " (\(inline(value)))"
            case .quote(let value, let source): " “\(inline(value))”" + (source.map { " (\(inline($0)))" } ?? "")
            }
        }.joined()
    }

    /// Text from YAML on one line, with Markdown control characters escaped.
    func inline(_ text: String) -> String {
        // Most texts contain nothing to escape: one pass over the bytes decides.
        guard text.utf8.contains(where: Self.needsEscaping) else { return text.trimmingWhitespace() }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r": result.unicodeScalars.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|":
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingWhitespace()
    }

    /// Bytes that ``inline(_:)`` rewrites: line breaks and Markdown's punctuation.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"):
            true
        default:
            false
        }
    }
}
