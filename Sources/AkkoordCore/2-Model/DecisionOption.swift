/// One answer to a decision.
public struct DecisionOption: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Whether this is the line the municipality is on now.
    public var isCurrentLine: Bool
    public var explanation: String?
    public var effects: [BudgetEffect]
    public var requires: [OptionRef]
    public var excludes: [OptionRef]
    public var opportunities: [String]
    public var risks: [String]
    public var location: SourceLocation
    /// Why choosing this option has no budget effect (`geen_begrotingseffect`): a quote or a labelled assumption. An
    /// option other than the current line has effects, or says this, so that a missing effect is never a silent € 0.
    public var noBudgetEffect: Provenance?

    public init(
        id: String, title: String, isCurrentLine: Bool, explanation: String?, effects: [BudgetEffect],
        requires: [OptionRef], excludes: [OptionRef], opportunities: [String], risks: [String],
        location: SourceLocation, noBudgetEffect: Provenance? = nil
    ) {
        self.id = id
        self.title = title
        self.isCurrentLine = isCurrentLine
        self.explanation = explanation
        self.effects = effects
        self.requires = requires
        self.excludes = excludes
        self.opportunities = opportunities
        self.risks = risks
        self.location = location
        self.noBudgetEffect = noBudgetEffect
    }
}
