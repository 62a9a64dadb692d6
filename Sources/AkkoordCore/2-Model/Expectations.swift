/// Expected outcomes stored in a scenario file (`verwachtingen`), checked by `akkoord test`.
public struct Expectations: Sendable, Hashable {
    /// A message that should (or should not) be there; every given field must match.
    public struct MessagePattern: Sendable, Hashable {
        public var level: MessageLevel?
        public var contains: String?
        public var rule: String?
        public var location: SourceLocation

        public init(level: MessageLevel?, contains: String?, rule: String?, location: SourceLocation) {
            self.level = level
            self.contains = contains
            self.rule = rule
            self.location = location
        }
    }

    public var choices: [DecisionRef: Located<String>] = [:]
    public var burdenPerYear: [Int: Located<AmountTotal>] = [:]
    public var structuralRunRate: Located<AmountTotal>?
    public var messagesPresent: [MessagePattern] = []
    public var messagesAbsent: [MessagePattern] = []
    public var rulesFired: [Located<String>] = []
    public var rulesNotFired: [Located<String>] = []
    public var errorCount: Located<Int>?
    /// Where `verwachtingen` starts, for messages and for `--update`.
    public var location: SourceLocation

    public init(location: SourceLocation) { self.location = location }

    /// Whether nothing is expected.
    public var isEmpty: Bool {
        choices.isEmpty && burdenPerYear.isEmpty && structuralRunRate == nil && messagesPresent.isEmpty
            && messagesAbsent.isEmpty && rulesFired.isEmpty && rulesNotFired.isEmpty && errorCount == nil
    }
}
