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

    /// The interval, if known.
    public var period: Period? {
        if case .known(let period) = self { return period }
        return nil
    }
}
