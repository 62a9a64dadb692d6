/// Where a number or a rule comes from: a verbatim quote from a fiche, or a labelled assumption.
public enum Provenance: Sendable, Hashable {
    /// A verbatim quote from the dossier.
    case quote(fiche: String, text: String)
    /// An assumption made by the rule-base authors, with its reasoning.
    case assumption(String)
}
