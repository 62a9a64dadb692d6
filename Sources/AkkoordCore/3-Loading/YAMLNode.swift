/// A node of a composed YAML document, as Akkoord reads it.
///
/// Every scalar stays text: Akkoord interprets values itself, so YAML 1.1 resolution (`no` → false, `010` → 8) never
/// happens. Aliases are already expanded (within the node budget), so a reader never meets one. Positions are 1-based
/// and count characters, like the editor's.
struct YAMLNode: Sendable {
    /// What the node holds.
    enum Content: Sendable {
        /// A scalar's text; `isPlain` is false for quoted and block scalars, so `""` and `~` can be told apart.
        case scalar(String, isPlain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    var line: Int
    var column: Int

    /// The scalar's text, or `nil` for a collection.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }
}

/// One key–value pair of a mapping.
struct YAMLPair: Sendable {
    /// The key as text (the composer refuses lists and mappings as keys).
    var key: String
    var keyNode: YAMLNode
    var value: YAMLNode
}
