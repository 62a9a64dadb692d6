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

    public init(ruleBase: RuleBase, diagnostics: [Diagnostic], verified: Int, unverified: Int, notFound: Int) {
        self.ruleBase = ruleBase
        self.diagnostics = diagnostics
        self.verified = verified
        self.unverified = unverified
        self.notFound = notFound
    }
}
