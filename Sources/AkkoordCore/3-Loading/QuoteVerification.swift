/// The outcome of checking every quote of a rule base against its source texts.
public struct QuoteVerification: Sendable {
    /// The rule base with the place in its source filled in for every quote that was found.
    public var ruleBase: RuleBase
    /// Quotes not found (errors, with the closest passage as a note) and sources that could not be used (warnings).
    public var diagnostics: [Diagnostic]
    /// How many quotes were found in their source.
    public var verified: Int
    /// How many quotes could not be checked (their source text missing, changed or unreadable).
    public var unverified: Int
    /// How many quotes were not found in their source.
    public var notFound: Int
    /// What was found for each declared source, in the order of `dossier.yaml`'s `bronnen` (empty when there are
    /// none, or no quotes to check); the briefing pack shows the texts that were found.
    public var texts: [SourceText]

    public init(
        ruleBase: RuleBase, diagnostics: [Diagnostic], verified: Int, unverified: Int, notFound: Int, texts: [SourceText]
    ) {
        self.ruleBase = ruleBase
        self.diagnostics = diagnostics
        self.verified = verified
        self.unverified = unverified
        self.notFound = notFound
        self.texts = texts
    }
}
