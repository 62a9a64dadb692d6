/// A reference written as dot-separated ids (`2F.exploitatie`, `2F.exploitatie.uitbesteden`), encoded as that text.
public protocol DottedReference: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Parses the dotted text; `nil` when it has the wrong number of parts or an empty part.
    init?(parsing text: String)
}

extension DottedReference {
    /// The parts of `text` split at dots, when there are exactly `count` and none is empty.
    static func parts(of text: String, count: Int) -> [String]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == count, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return parts.map(String.init)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ref = Self(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
        }
        self = ref
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Points at a decision: `2F.exploitatie`.
public struct DecisionRef: DottedReference {
    public var fiche: String
    public var decision: String

    public init(fiche: String, decision: String) {
        self.fiche = fiche
        self.decision = decision
    }

    /// Parses `FICHE.DECISION`.
    public init?(parsing text: String) {
        guard let parts = Self.parts(of: text, count: 2) else { return nil }
        self.init(fiche: parts[0], decision: parts[1])
    }

    public var description: String { "\(fiche).\(decision)" }

    public static func < (lhs: DecisionRef, rhs: DecisionRef) -> Bool {
        (FicheCode.sortKey(lhs.fiche), lhs.decision) < (FicheCode.sortKey(rhs.fiche), rhs.decision)
    }
}

/// Points at an option: `2F.exploitatie.uitbesteden`.
public struct OptionRef: DottedReference {
    public var decision: DecisionRef
    public var option: String

    public init(decision: DecisionRef, option: String) {
        self.decision = decision
        self.option = option
    }

    /// Parses `FICHE.DECISION.OPTION`.
    public init?(parsing text: String) {
        guard let parts = Self.parts(of: text, count: 3) else { return nil }
        self.init(decision: DecisionRef(fiche: parts[0], decision: parts[1]), option: parts[2])
    }

    public var description: String { "\(decision).\(option)" }

    public static func < (lhs: OptionRef, rhs: OptionRef) -> Bool {
        (lhs.decision, lhs.option) < (rhs.decision, rhs.option)
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
