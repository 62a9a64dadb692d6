/// A budget frame a scenario must stay within.
public struct BudgetFrame: Sendable, Hashable {
    /// Maximum structural extra net burden per year at the end of the period.
    public var maxStructuralBurden: Money?
    /// Maximum extra net burden in any single year.
    public var maxBurdenPerYear: Money?
    /// Where each limit was written (`nil` when not from a file); not part of equality.
    public var maxStructuralBurdenLocation: SourceLocation?
    public var maxBurdenPerYearLocation: SourceLocation?

    public init(
        maxStructuralBurden: Money?, maxBurdenPerYear: Money?, maxStructuralBurdenLocation: SourceLocation? = nil,
        maxBurdenPerYearLocation: SourceLocation? = nil
    ) {
        self.maxStructuralBurden = maxStructuralBurden
        self.maxBurdenPerYear = maxBurdenPerYear
        self.maxStructuralBurdenLocation = maxStructuralBurdenLocation
        self.maxBurdenPerYearLocation = maxBurdenPerYearLocation
    }

    /// Equal when the limits are equal; where they were written does not count.
    public static func == (lhs: BudgetFrame, rhs: BudgetFrame) -> Bool {
        lhs.maxStructuralBurden == rhs.maxStructuralBurden && lhs.maxBurdenPerYear == rhs.maxBurdenPerYear
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(maxStructuralBurden)
        hasher.combine(maxBurdenPerYear)
    }
}

/// A located value from a scenario file.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A combination of choices and assumption values to evaluate.
public struct Scenario: Sendable, Hashable {
    public var title: String
    public var description: String?
    /// Reference date: when the coalition agreement is signed.
    public var referenceDate: Day
    /// Chosen option id per decision; missing decisions stay on the current line.
    public var choices: [DecisionRef: Located<String>]
    /// What the file says about each decision it names, beyond the option: weight, must, red lines, status, note
    /// (``ChoiceTerms``). Every decision under `keuzes` has an entry, the plain form too (with the defaults); a
    /// decision with terms but no entry in ``choices`` stays on the current line.
    public var terms: [DecisionRef: ChoiceTerms]
    public var assumptions: [String: Located<Bool>]
    public var frame: BudgetFrame?
    /// What `akkoord risico` draws differently from the rule base (`risico`).
    public var risk = ScenarioRisk()
    /// Expected outcomes for `akkoord test`, if the file has them.
    public var expectations: Expectations?
    public var file: String

    public init(
        title: String, description: String?, referenceDate: Day, choices: [DecisionRef: Located<String>],
        assumptions: [String: Located<Bool>], frame: BudgetFrame?, expectations: Expectations? = nil, file: String,
        terms: [DecisionRef: ChoiceTerms] = [:]
    ) {
        self.terms = terms
        self.title = title
        self.description = description
        self.referenceDate = referenceDate
        self.choices = choices
        self.assumptions = assumptions
        self.frame = frame
        self.expectations = expectations
        self.file = file
    }
}
