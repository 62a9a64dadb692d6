/// A value with one text in the report's JSON, and read back from it.
public protocol ReportTextConvertible: Sendable, Hashable {
    var reportText: String { get }
    init?(reportText: String)
}

extension SourceLocation: ReportTextConvertible {
    public var reportText: String { description }

    /// Reads `path:line:column`; the path as written (control characters stay escaped).
    public init?(reportText: String) {
        let parts = reportText.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { return nil }
        self.init(file: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
    }
}

extension Origin: ReportTextConvertible {
    public var reportText: String { description }

    public init?(reportText: String) {
        switch reportText {
        case "begrotingskader": self = .frame
        case "scenario": self = .scenario
        default:
            guard let space = reportText.firstIndex(of: " ") else { return nil }
            let rest = String(reportText[reportText.index(after: space)...])
            switch reportText[..<space] {
            case "optie": guard let ref = OptionRef(parsing: rest) else { return nil }; self = .option(ref)
            case "regel": self = .rule(rest)
            case "stuurmoment": guard let ref = DecisionRef(parsing: rest) else { return nil }; self = .steering(ref)
            case "verloop": guard let ref = DecisionRef(parsing: rest) else { return nil }; self = .lapse(ref)
            case "begroting" where rest.hasPrefix("(fiche ") && rest.hasSuffix(")"):
                self = .budgeted(String(rest.dropFirst("(fiche ".count).dropLast()))
            default: return nil
            }
        }
    }
}

extension Amount: ReportTextConvertible {
    public var reportText: String { DutchFormat.amount(self) }

    /// Reads `€ 1.234,56`, `-€ 1.234 – € 5.000`, `onbekend nadeel` or `onbekend voordeel`.
    public init?(reportText: String) {
        if reportText.hasPrefix("onbekend ") {
            guard let direction = BudgetDirection(rawValue: String(reportText.dropFirst("onbekend ".count))) else { return nil }
            self = .unknown(direction)
        } else if let dash = reportText.range(of: " – ") {
            guard let min = Money(dutchEuro: reportText[..<dash.lowerBound]), let max = Money(dutchEuro: reportText[dash.upperBound...])
            else { return nil }
            self = .range(min: min, max: max)
        } else {
            guard let value = Money(dutchEuro: Substring(reportText)) else { return nil }
            self = .exact(value)
        }
    }
}

extension Money {
    /// Reads ``DutchFormat/euro(_:)``: `€ 1.234`, `-€ 1.234,56`.
    init?(dutchEuro text: Substring) {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : text
        guard unsigned.hasPrefix("€ ") else { return nil }
        let parts = unsigned.dropFirst(2).split(separator: ",", omittingEmptySubsequences: false)
        let digits = parts[0].filter { $0 != "." }
        guard parts.count <= 2, !digits.isEmpty, digits.allSatisfy(\.isASCII), let euros = Int64(digits),
            parts.count == 1 || parts[1].count == 2, let cents = parts.count == 2 ? Int64(parts[1]) : 0
        else { return nil }
        let (scaled, overflow) = euros.multipliedReportingOverflow(by: 100)
        guard !overflow, scaled <= Int64.max - cents else { return nil }
        self.init(cents: negative ? -(scaled + cents) : scaled + cents)
    }
}

extension Share: ReportTextConvertible {
    public var reportText: String { DutchFormat.share(self) }

    /// Reads `50%` or `12,05%`.
    public init?(reportText: String) {
        guard reportText.hasSuffix("%") else { return nil }
        let parts = reportText.dropLast().split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0, parts.count == 1 || parts[1].count == 2,
            let fraction = parts.count == 2 ? Int(parts[1]) : 0, fraction >= 0
        else { return nil }
        self.init(basisPoints: whole * 100 + fraction)
    }
}

extension EffectAmount: ReportTextConvertible {
    public var reportText: String { DutchFormat.effectAmount(self) }

    /// Reads ``DutchFormat/effectAmount(_:)``.
    public init?(reportText: String) {
        let side: BudgetSide = reportText.hasPrefix("baten ") ? .baten : .lasten
        let text = side == .baten ? String(reportText.dropFirst("baten ".count)) : reportText
        if let from = text.range(of: " per jaar vanaf ", options: .backwards) {
            guard let amount = Amount(reportText: String(text[..<from.lowerBound])), let year = Int(text[from.upperBound...]) else {
                return nil
            }
            self.init(side: side, timing: .from(amount, year))
        } else if let listed = text.range(of: " in ", options: .backwards) {
            let years = text[listed.upperBound...].split(separator: ", ").compactMap { Int($0) }
            guard let amount = Amount(reportText: String(text[..<listed.lowerBound])), !years.isEmpty else { return nil }
            self.init(side: side, timing: .years(amount, years))
        } else {
            var amounts: [Int: Amount] = [:]
            for entry in text.split(separator: "; ") {
                guard let colon = entry.range(of: ": "), let year = Int(entry[..<colon.lowerBound]),
                    let amount = Amount(reportText: String(entry[colon.upperBound...]))
                else { return nil }
                amounts[year] = amount
            }
            self.init(side: side, timing: .perYear(amounts))
        }
    }
}
