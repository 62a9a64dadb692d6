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
