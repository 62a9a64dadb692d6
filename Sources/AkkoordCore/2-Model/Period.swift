/// A fuzzy Dutch period ("voorjaar 2026") understood as an inclusive interval of days.
public struct Period: Sendable, Hashable, Codable {
    /// The words as written in the rule base.
    public var text: String
    /// First day of the interval.
    public var start: Day
    /// Last day of the interval.
    public var end: Day

    /// Creates a period.
    public init(text: String, start: Day, end: Day) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// A moment that may be unknown.
public enum Moment: Sendable, Hashable {
    /// A known interval.
    case known(Period)
    /// Nobody knows when.
    case unknown
    /// When the new coalition starts ("start nieuwe coalitie"): the scenario's reference date.
    case coalitionStart(text: String)

    /// The interval, if known without a scenario.
    public var period: Period? {
        if case .known(let period) = self { return period }
        return nil
    }

    /// Resolves a moment relative to the coalition start against a scenario's reference date.
    public func resolved(referenceDate: Day) -> Moment {
        if case .coalitionStart(let text) = self { return .known(Period(text: text, start: referenceDate, end: referenceDate)) }
        return self
    }
}
