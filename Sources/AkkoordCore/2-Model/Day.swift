/// A calendar day without time or time zone.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a day; returns `nil` for a date that does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a rule base or scenario may name (dates, periods, effect years); see docs/format.md, "Grenzen".
    /// Wide enough for any planning horizon, narrow enough that a typo such as `20260` or `0000` is caught.
    public static let supportedYears = 1900...2200

    /// The longest dossier period in years (`periode: {van, tot}`, both ends included).
    public static let maxPeriodYears = 30

    /// Number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The last day of a month.
    public static func endOf(month: Int, year: Int) -> Day {
        Day(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    /// Days since 1 January 1970 (negative before it), by the proleptic Gregorian calendar.
    public var dayNumber: Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The number of days from `other` to this day: positive when this day is later.
    public func days(since other: Day) -> Int { dayNumber - other.dayNumber }

    /// The quarter (1–4).
    public var quarter: Int { (month - 1) / 3 + 1 }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days from this day to `other` (negative when `other` is earlier).
    public func days(until other: Day) -> Int { other.days(since: self) }

    /// ISO 8601 form, `2026-06-01`.
    public var description: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let day = Day(year: parts[0], month: parts[1], day: parts[2]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad day \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Day {
    /// A sort key that puts an unknown day after every known one: a timeline's "no date yet".
    public static func undatedLast(_ day: Day?) -> UndatedLast { UndatedLast(day: day) }

    /// See ``undatedLast(_:)``.
    public struct UndatedLast: Sendable, Hashable, Comparable {
        var day: Day?

        public static func < (lhs: UndatedLast, rhs: UndatedLast) -> Bool {
            switch (lhs.day, rhs.day) {
            case (let left?, let right?): left < right
            case (.some, .none): true
            case (.none, _): false
            }
        }
    }
}
