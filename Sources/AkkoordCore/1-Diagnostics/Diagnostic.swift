/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A compiler-style message about an input file: `path:line:column: error: message`, followed by `note:` lines at
/// related places (the first occurrence of a duplicate, the fiche a choice belongs to).
public struct Diagnostic: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// A related place, printed as `path:line:column: note: message` below the diagnostic.
    public struct Note: Sendable, Hashable, Codable, CustomStringConvertible {
        public var location: SourceLocation
        public var message: String

        public init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }

        public var description: String { "\(location): note: \(message)" }
    }

    /// The kind of problem, stable across rewordings of the message (see ``DiagnosticID``).
    public var id: DiagnosticID
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// Related places, in the order they are printed.
    public var notes: [Note]

    public init(_ id: DiagnosticID, _ severity: Severity, _ location: SourceLocation, _ message: String, notes: [Note] = []) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    /// The diagnostic line and its note lines.
    public var description: String {
        (["\(location): \(severity.rawValue): \(message)"] + notes.map(\.description)).joined(separator: "\n")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(DiagnosticID.self, forKey: .id)
        severity = try container.decode(Severity.self, forKey: .severity)
        location = try container.decode(SourceLocation.self, forKey: .location)
        message = try container.decode(String.self, forKey: .message)
        notes = try container.decodeIfPresent([Note].self, forKey: .notes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(severity, forKey: .severity)
        try container.encode(location, forKey: .location)
        try container.encode(message, forKey: .message)
        // Without notes the JSON stays as it was before notes existed.
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }

    private enum CodingKeys: String, CodingKey { case id, severity, location, message, notes }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.severity, lhs.message, lhs.id) < (rhs.location, rhs.severity, rhs.message, rhs.id)
    }
}

/// Thrown when input cannot be used; carries every diagnostic found, errors and warnings alike.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a file or rule base is read.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ id: DiagnosticID, _ location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(id, .error, location, message, notes: notes))
    }

    func warning(_ id: DiagnosticID, _ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(id, .warning, location, message))
    }

    /// Takes over diagnostics collected elsewhere (files read in parallel are merged in file order).
    func append(contentsOf other: [Diagnostic]) {
        diagnostics += other
    }

    /// What kind of thing a declaration with an error declared.
    enum DeclarationKind: Sendable, Hashable {
        case assumption
    }

    /// Declarations whose id was read but that failed with an error reported at the cause (an assumption with a bad
    /// `standaard`): a reference to one of them is not reported again as unknown.
    private(set) var failedDeclarations: Set<Declaration> = []

    struct Declaration: Sendable, Hashable {
        var kind: DeclarationKind
        var id: String
    }

    func declarationFailed(_ kind: DeclarationKind, id: String) {
        failedDeclarations.insert(Declaration(kind: kind, id: id))
    }

    /// Takes over failed declarations collected elsewhere.
    func append(failedDeclarations other: Set<Declaration>) {
        failedDeclarations.formUnion(other)
    }

    func hasFailed(_ kind: DeclarationKind, id: String) -> Bool {
        failedDeclarations.contains(Declaration(kind: kind, id: id))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// How many errors were reported so far; a reader compares it before and after reading one value.
    var errorCount: Int { diagnostics.count { $0.severity == .error } }
}
