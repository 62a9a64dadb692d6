/// CSV output. The default dialect opens correctly in Dutch Excel (semicolon, decimal comma, UTF-8 with BOM);
/// `rfc4180` gives comma-separated values with a decimal point for other tools.
public struct CSVRenderer: Sendable {
    public enum Dialect: String, Sendable, CaseIterable {
        /// Semicolon, decimal comma, UTF-8 byte-order mark: Excel with Dutch regional settings.
        case excelNL = "excel-nl"
        /// RFC 4180: comma, decimal point, no byte-order mark.
        case rfc4180
    }

    public var dialect: Dialect

    public init(dialect: Dialect = .excelNL) { self.dialect = dialect }

    private var separator: String { dialect == .excelNL ? ";" : "," }

    /// One row per effect per year: the budget lines of a report, each with its source (the file and line of a quote
    /// verified in its source text in the last two columns, empty otherwise).
    public func render(_ report: ConsequenceReport) -> String {
        var rows: [[Field]] = [
            [
                "scenario", "nummer", "fiche", "herkomst", "omschrijving", "soort", "aard", "programma", "jaar",
                "min_euro", "max_euro", "onbekend_nadeel", "onbekend_voordeel", "bron_fiche", "citaat", "aanname",
                "bron_bestand", "bron_regel",
            ].map(Field.text)
        ]
        for effect in report.effecten {
            for year in effect.perJaar {
                let known = year.bedrag.onbekendNadeel == 0 && year.bedrag.onbekendVoordeel == 0
                rows.append([
                    .text(report.scenario.titel), .text(effect.nummer), .text(effect.fiche), .text(effect.herkomst.description),
                    .text(effect.omschrijving), .text(effect.soort.rawValue), .text(effect.aard.rawValue), .text(effect.programma),
                    .number("\(year.jaar)"), known ? .money(year.bedrag.minCent) : .empty, known ? .money(year.bedrag.maxCent) : .empty,
                    .number("\(year.bedrag.onbekendNadeel)"), .number("\(year.bedrag.onbekendVoordeel)"), .text(effect.bron?.fiche ?? ""),
                    .text(effect.bron?.citaat ?? ""),
                    .text(effect.aanname ?? ""), .text(effect.bron?.bestand ?? ""),
                    effect.bron?.regel.map { .number("\($0)") } ?? .empty,
                ])
            }
        }
        return document(rows)
    }

    /// One row per year per scenario: net burden and the difference with the first scenario.
    public func render(_ comparison: ScenarioComparison) -> String {
        var rows: [[Field]] = [
            [
                "jaar", "scenario", "nadeel_min_euro", "nadeel_max_euro", "onbekend_nadeel", "onbekend_voordeel", "verschil_min_euro",
                "verschil_max_euro",
            ].map(Field.text)
        ]
        func append(_ label: String, _ totals: [ScenarioComparison.TotalWithDelta]) {
            for (index, value) in totals.enumerated() {
                rows.append([
                    .text(label), .text(comparison.scenarios[index].titel), .money(value.totaal.minCent), .money(value.totaal.maxCent),
                    .number("\(value.totaal.onbekendNadeel)"), .number("\(value.totaal.onbekendVoordeel)"),
                    value.verschil.map { .money($0.minCent) } ?? .empty,
                    value.verschil.map { .money($0.maxCent) } ?? .empty,
                ])
            }
        }
        for year in comparison.geld { append("\(year.jaar)", year.nadeel) }
        append("structureel na periode", comparison.structureelNaPeriode)
        return document(rows)
    }

    enum Field {
        case text(String)
        case number(String)
        case money(Int64)
        case empty
    }

    private func document(_ rows: [[Field]]) -> String {
        let body = rows.map { $0.map(encode).joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
        return dialect == .excelNL ? "\u{FEFF}" + body : body
    }

    private func encode(_ field: Field) -> String {
        switch field {
        case .empty: return ""
        case .number(let text): return text
        case .money(let cents):
            let sign = cents < 0 ? "-" : ""
            let magnitude = cents.magnitude
            let fraction = magnitude % 100
            return "\(sign)\(magnitude / 100)\(dialect == .excelNL ? "," : ".")\(fraction < 10 ? "0" : "")\(fraction)"
        case .text(var text):
            if CSVRenderer.startsLikeFormula(text) { text = "'" + text }
            let needsQuotes = text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r")
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
    }

    /// Whether a spreadsheet program could read the text as a formula: its first Unicode scalar, after the leading
    /// white space, byte-order marks and zero-width characters that spreadsheets skip, is `=`, `+`, `-` or `@` (or
    /// their full-width forms), or the text starts with a tab, carriage return or line feed. Scalars, not
    /// characters: `=` followed by a combining accent is one character that does not equal `=`.
    static func startsLikeFormula(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        if let first = scalars.first, ["\t", "\r", "\n"].contains(first) { return true }
        let skipped: Set<UInt32> = [0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x00A0, 0x202F]
        guard let first = scalars.first(where: { !($0.properties.isWhitespace || skipped.contains($0.value)) }) else { return false }
        return ["=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"].contains(first)
    }
}
