/// Reads one YAML mapping of a known kind with typed getters that report problems to a sink instead of throwing.
/// `Key` lists the keys the kind allows (``FormatKey``): a reader can only ask for those, and ``allowOnly(in:)`` reports
/// every other key. Every scalar is read as text and interpreted here, so YAML 1.1 surprises (`no` → false, `010` → 8)
/// cannot happen.
struct MappingReader<Key: FormatKey> {
    let pairs: [YAMLPair]
    let location: SourceLocation
    let context: ReadContext

    /// Wraps `node` if it is a mapping; reports an error (naming `what`) otherwise.
    init?(_ node: YAMLNode, what: String, context: ReadContext) {
        self.context = context
        self.location = context.location(of: node)
        guard case .mapping(let pairs) = node.content else {
            context.sink.error(
                .valueNotMapping, location, "\(what) moet een mapping (sleutel: waarde) zijn, maar is \(ReadContext.kind(of: node))")
            return nil
        }
        self.pairs = pairs
    }

    /// Reports every key that is not one of `Key`'s, with a suggestion when one is close.
    func allowOnly(in what: String) {
        allowOnly(Array(Key.allCases), in: what)
    }

    /// Reports every key not in `allowed` (a subset of `Key`'s, for a form that allows fewer).
    func allowOnly(_ allowed: [Key], in what: String) {
        let names = allowed.map(\.rawValue)
        for pair in pairs where !names.contains(pair.key) {
            context.sink.error(
                .keyUnknown, context.location(of: pair.keyNode),
                "onbekende sleutel \(InputText.quoted(pair.key)) in \(what)\(Suggestion.hint(for: pair.key, in: names))")
        }
    }

    func has(_ key: Key) -> Bool { pairs.contains { $0.key == key.rawValue } }

    func node(_ key: Key) -> YAMLNode? { pairs.first { $0.key == key.rawValue }?.value }

    /// Where the value under `key` is (the mapping itself when the key is absent), for messages about that value.
    func valueLocation(_ key: Key) -> SourceLocation {
        node(key).map { context.location(of: $0) } ?? location
    }

    /// One of an enumeration's raw values under `key`; an other text is reported with the allowed values.
    func enumValue<E: RawRepresentable & CaseIterable>(_ key: Key, required: Bool = true) -> E? where E.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        return context.enumValue(text, at: valueLocation(key), what: key.rawValue)
    }

    func keyLocation(_ key: Key) -> SourceLocation {
        pairs.first { $0.key == key.rawValue }.map { context.location(of: $0.keyNode) } ?? location
    }

    /// Reports a missing required key, unless a misspelt key in the same mapping is close to it: then the unknown
    /// key's "bedoelde je …?" already names the cause, and a second error would only repeat it.
    private func missing(_ key: Key) {
        let name = key.rawValue
        if pairs.contains(where: { $0.key != name && Suggestion.closest(to: $0.key, in: [name]) == name }) { return }
        context.sink.error(.keyMissing, location, "verplichte sleutel \(InputText.quoted(name)) ontbreekt")
    }

    /// The value under `key` read with `read`; a missing required key is reported once, here.
    func value<T>(_ key: Key, required: Bool, _ read: (YAMLNode) -> T?) -> T? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        return read(node)
    }

    /// A required or optional text.
    func string(_ key: Key, required: Bool = true) -> String? {
        value(key, required: required) { context.text($0, what: InputText.quoted(key.rawValue)) }
    }

    /// A text that must be a simple identifier.
    func identifier(_ key: Key, required: Bool = true) -> String? {
        guard let value = string(key, required: required) else { return nil }
        guard Identifier.isValid(value) else {
            context.sink.error(
                .valueIdentifier, valueLocation(key),
                "\(InputText.quoted(key.rawValue)) moet een id zijn van kleine letters, cijfers en '-' (gevonden: \(InputText.quoted(value)))"
            )
            return nil
        }
        return value
    }

    func bool(_ key: Key, required: Bool = true) -> Bool? {
        value(key, required: required) { context.bool($0, what: InputText.quoted(key.rawValue)) }
    }

    func integer(_ key: Key, required: Bool = true) -> Int? {
        value(key, required: required) { context.integer($0, what: InputText.quoted(key.rawValue)) }
    }

    /// A year in ``Day/supportedYears``.
    func year(_ key: Key, required: Bool = true) -> Int? {
        value(key, required: required) { context.year($0, what: InputText.quoted(key.rawValue)) }
    }

    /// A list of items read with `item`; a single scalar is not accepted as a list.
    func list<T>(_ key: Key, required: Bool = false, _ item: (YAMLNode) -> T?) -> [T] {
        guard let node = node(key) else {
            if required { missing(key) }
            return []
        }
        guard case .sequence(let sequence) = node.content else {
            context.sink.error(
                .valueNotList, context.location(of: node),
                "\(InputText.quoted(key.rawValue)) moet een lijst zijn, maar is \(ReadContext.kind(of: node))")
            return []
        }
        return sequence.compactMap(item)
    }

    /// A list of texts.
    func strings(_ key: Key, required: Bool = false) -> [String] {
        list(key, required: required) { context.text($0, what: "een element van \(InputText.quoted(key.rawValue))") }
    }

    /// A nested mapping of kind `Nested` (its reader checks its keys with ``allowOnly(in:)``).
    func mapping<Nested: FormatKey>(
        _ key: Key, of kind: Nested.Type, required: Bool = true, what: String? = nil
    ) -> MappingReader<Nested>? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        return MappingReader<Nested>(node, what: what ?? InputText.quoted(key.rawValue), context: context)
    }

    /// The pairs of a nested mapping whose keys are data (decision refs, assumption ids, years), not format keys.
    func entries(_ key: Key, required: Bool = true) -> [YAMLPair]? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .mapping(let pairs) = node.content else {
            context.sink.error(
                .valueNotMapping, context.location(of: node),
                "\(InputText.quoted(key.rawValue)) moet een mapping (sleutel: waarde) zijn, maar is \(ReadContext.kind(of: node))")
            return nil
        }
        return pairs
    }
}

/// Shared state while reading one file.
struct ReadContext {
    let path: String
    let sink: DiagnosticSink
    /// The rule base's interest rate for investments (`rente_investeringen` in `dossier.yaml`), once it is read.
    var defaultInterest: InterestRate? = nil

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: path, line: node.line, column: node.column)
    }

    static func kind(of node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, let isPlain): text.isEmpty && isPlain ? "leeg" : "een tekst (\(InputText.quoted(text.prefix(40))))"
        case .sequence: "een lijst"
        case .mapping: "een mapping"
        }
    }

    /// A non-empty text scalar.
    func text(_ node: YAMLNode, what: String) -> String? {
        guard case .scalar(let scalar, let isPlain) = node.content else {
            sink.error(.valueNotText, location(of: node), "\(what) moet een tekst zijn, maar is \(ReadContext.kind(of: node))")
            return nil
        }
        let value = scalar.trimmingWhitespace()
        if value.isEmpty || (isPlain && ["~", "null", "Null", "NULL"].contains(value)) {
            sink.error(.valueEmpty, location(of: node), "\(what) is leeg")
            return nil
        }
        return value
    }

    /// `ja`/`nee` (or `true`/`false`); YAML 1.1 spellings are rejected with an explanation.
    /// One of an enumeration's raw values; an other text is reported at `location` with the allowed values.
    func enumValue<E: RawRepresentable & CaseIterable>(_ text: String, at location: SourceLocation, what: String) -> E?
    where E.RawValue == String {
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue)
        sink.error(
            .valueNotAllowed, location,
            "\(InputText.quoted(what)) moet een van \(allowed.joined(separator: ", ")) zijn "
                + "(gevonden: \(InputText.quoted(text)))\(Suggestion.hint(for: text, in: allowed))")
        return nil
    }

    func bool(_ node: YAMLNode, what: String) -> Bool? {
        guard let raw = text(node, what: what) else { return nil }
        switch raw.lowercased() {
        case "ja", "true": return true
        case "nee", "false": return false
        case "yes", "no", "on", "off", "y", "n":
            sink.error(
                .valueBoolean, location(of: node),
                "\(what): \(InputText.quoted(raw)) is dubbelzinnig (YAML 1.1 maakt er een boolean van); schrijf ja of nee")
        default:
            sink.error(.valueBoolean, location(of: node), "\(what) moet ja of nee zijn (gevonden: \(InputText.quoted(raw)))")
        }
        return nil
    }

    /// The range of years as written in messages.
    static let supportedYearsText = "\(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound)"

    /// A whole number that is a year in ``Day/supportedYears``.
    func year(_ node: YAMLNode, what: String) -> Int? {
        guard let value = integer(node, what: what) else { return nil }
        guard Day.supportedYears.contains(value) else {
            sink.error(.boundsYear, location(of: node), "\(what): jaar \(value) ligt buiten \(ReadContext.supportedYearsText)")
            return nil
        }
        return value
    }

    /// A whole number written in decimal digits; a leading zero is rejected (YAML 1.1 reads `010` as 8).
    func integer(_ node: YAMLNode, what: String) -> Int? {
        guard let raw = text(node, what: what) else { return nil }
        let digits = raw.hasPrefix("-") ? String(raw.dropFirst()) : raw
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            sink.error(.valueInteger, location(of: node), "\(what) moet een geheel getal zijn (gevonden: \(InputText.quoted(raw)))")
            return nil
        }
        if digits.count > 1, digits.hasPrefix("0") {
            sink.error(
                .valueInteger, location(of: node),
                "\(what): \(InputText.quoted(raw)) heeft een voorloopnul (YAML 1.1 leest dat als octaal); laat de nul weg")
            return nil
        }
        guard let value = Int(raw), digits.count <= 15 else {
            sink.error(.boundsAmount, location(of: node), "\(what): \(InputText.quoted(raw)) is te groot")
            return nil
        }
        return value
    }
}

/// Ids of decisions, options, assumptions and rules: lower-case letters, digits and dashes.
enum Identifier {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || ("A"..."Z").contains($0)
        }
    }
}
