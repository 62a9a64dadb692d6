/// Points at a decision: `2F.exploitatie`.
public struct DecisionRef: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var fiche: String
    public var decision: String

    public init(fiche: String, decision: String) {
        self.fiche = fiche
        self.decision = decision
    }

    /// Parses `FICHE.DECISION`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(fiche: String(parts[0]), decision: String(parts[1]))
    }

    public var description: String { "\(fiche).\(decision)" }

    public static func < (lhs: DecisionRef, rhs: DecisionRef) -> Bool {
        (FicheCode.sortKey(lhs.fiche), lhs.decision) < (FicheCode.sortKey(rhs.fiche), rhs.decision)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ref = DecisionRef(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
        }
        self = ref
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Points at an option: `2F.exploitatie.uitbesteden`.
public struct OptionRef: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var decision: DecisionRef
    public var option: String

    public init(decision: DecisionRef, option: String) {
        self.decision = decision
        self.option = option
    }

    /// Parses `FICHE.DECISION.OPTION`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(decision: DecisionRef(fiche: String(parts[0]), decision: String(parts[1])), option: String(parts[2]))
    }

    public var description: String { "\(decision).\(option)" }

    public static func < (lhs: OptionRef, rhs: OptionRef) -> Bool {
        (lhs.decision, lhs.option) < (rhs.decision, rhs.option)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ref = OptionRef(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
        }
        self = ref
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Fiche codes such as `1A` or `5N`, ordered by number, then letter.
public enum FicheCode {
    /// Whether a text is a valid fiche code: a digit and one or two upper-case letters (`2F`; `2AB` for dossiers
    /// with more than 26 fiches in one chapter).
    public static func isValid(_ code: String) -> Bool {
        let scalars = Array(code.unicodeScalars)
        guard (2...3).contains(scalars.count), ("1"..."9").contains(scalars[0]) else { return false }
        return scalars.dropFirst().allSatisfy { ("A"..."Z").contains($0) }
    }

    /// A key that sorts `1B` before `1M` before `1AA` before `2A`.
    public static func sortKey(_ code: String) -> String { "\(code.prefix(1))\(code.count)\(code.dropFirst())" }
}
