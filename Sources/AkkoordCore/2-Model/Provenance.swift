/// Where a number or a rule comes from: a verbatim quote from a fiche, or a labelled assumption.
public enum Provenance: Sendable, Hashable {
    /// A verbatim quote from one of the dossier's source texts.
    case quote(Citation)
    /// An assumption made by the rule-base authors, with its reasoning.
    case assumption(String)

    /// A quote from the dossier source, located at `location` (tests and generated rule bases).
    public static func quote(fiche: String, text: String, location: SourceLocation) -> Provenance {
        .quote(Citation(fiche: fiche, text: text, document: nil, location: location))
    }

    /// The quote, if this is one.
    public var citation: Citation? {
        if case .quote(let citation) = self { return citation }
        return nil
    }
}
