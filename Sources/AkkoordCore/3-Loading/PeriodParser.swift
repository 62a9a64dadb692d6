/// Turns Dutch period words ("voorjaar 2026", "Q2 2026", "eind 2026") into day intervals. "Start nieuwe coalitie"
/// stays relative: it becomes the scenario's reference date when a scenario is evaluated.
public struct PeriodParser: Sendable {
    /// The day "start nieuwe coalitie" means.
    public var coalitionStart: Day
    /// Planning-and-control ids and their periods (e.g. `begroting-2027`).
    public var namedPeriods: [String: Period]

    public init(coalitionStart: Day, namedPeriods: [String: Period] = [:]) {
        self.coalitionStart = coalitionStart
        self.namedPeriods = namedPeriods
    }

    static let months: [String: Int] = [
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
        "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    static let fillers: Set<String> = ["het", "de", "van", "in", "rond", "omstreeks", "een", "uiterlijk", "per"]

    /// Parses a period; `nil` when the words are not understood. `onbekend` gives `.unknown`.
    public func parse(_ raw: String) -> Moment? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = text.lowercased()
        if lower == "onbekend" { return .unknown }
        if let named = namedPeriods[lower] ?? namedPeriods[Self.planningID(lower)] {
            return .known(Period(text: text, start: named.start, end: named.end))
        }
        if PeriodParser.coalitionStartWords.contains(normalizedWords(lower).joined(separator: " ")) {
            return .coalitionStart(text: text)
        }
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .map(String.init).filter { !PeriodParser.fillers.contains($0) }
        guard let interval = interval(words) else { return nil }
        return .known(Period(text: text, start: interval.0, end: interval.1))
    }

    /// A planning moment written in words, as its id: `voor de kadernota 2027` and `kadernota 2027` → `kadernota-2027`
    /// (fillers and a leading "voor" dropped: deciding before the kadernota means deciding at it).
    static func planningID(_ lower: String) -> String {
        var words = lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        if words.first == "voor" { words.removeFirst() }
        return words.filter { !fillers.contains($0) }.joined(separator: "-")
    }

    static let coalitionStartWords: Set<String> = [
        "start nieuwe coalitie", "start coalitie", "begin nieuwe coalitie",
        "start nieuw college", "begin collegeperiode", "start collegeperiode",
    ]

    private func normalizedWords(_ lower: String) -> [String] {
        lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            .filter { !PeriodParser.fillers.contains($0) }
    }

    private func year(_ word: String) -> Int? {
        guard word.count == 4, let value = Int(word), Day.supportedYears.contains(value) else { return nil }
        return value
    }

    private func interval(_ words: [String]) -> (Day, Day)? {
        switch words.count {
        case 1:
            let word = words[0]
            if let year = year(word) { return (Day(year: year, month: 1, day: 1)!, Day(year: year, month: 12, day: 31)!) }
            if let day = isoDay(word) ?? dutchNumericDay(word) { return (day, day) }
            return nil
        case 2:
            guard let year = year(words[1]) else { return nil }
            let word = words[0]
            if let month = PeriodParser.months[word] {
                return (Day(year: year, month: month, day: 1)!, Day.endOf(month: month, year: year))
            }
            if word.count == 2, word.hasPrefix("q"), let quarter = Int(word.dropFirst()), (1...4).contains(quarter) {
                return months(year, 3 * quarter - 2, 3 * quarter)
            }
            switch word {
            case "begin", "start": return months(year, 1, 3)
            case "voorjaar", "lente": return months(year, 3, 5)
            case "medio", "halverwege", "zomer", "midden": return months(year, 6, 8)
            case "najaar", "herfst": return months(year, 9, 11)
            case "eind", "einde", "eind-": return months(year, 10, 12)
            default: return nil
            }
        case 3:
            if let year = year(words[2]) {
                if let month = PeriodParser.months[words[1]], let dayNumber = Int(words[0]),
                    let day = Day(year: year, month: month, day: dayNumber)
                {
                    return (day, day)
                }
                switch (words[0], words[1]) {
                case ("eerste", "helft"), ("1e", "helft"): return months(year, 1, 6)
                case ("tweede", "helft"), ("2e", "helft"): return months(year, 7, 12)
                case ("eerste", "kwartaal"), ("1e", "kwartaal"): return months(year, 1, 3)
                case ("tweede", "kwartaal"), ("2e", "kwartaal"): return months(year, 4, 6)
                case ("derde", "kwartaal"), ("3e", "kwartaal"): return months(year, 7, 9)
                case ("vierde", "kwartaal"), ("4e", "kwartaal"): return months(year, 10, 12)
                default: return nil
                }
            }
            return nil
        default:
            return nil
        }
    }

    private func months(_ year: Int, _ first: Int, _ last: Int) -> (Day, Day) {
        (Day(year: year, month: first, day: 1)!, Day.endOf(month: last, year: year))
    }

    /// `2026-06-15`.
    func isoDay(_ word: String) -> Day? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), Day.supportedYears.contains(year),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// `15-06-2026`.
    func dutchNumericDay(_ word: String) -> Day? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            Day.supportedYears.contains(year)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Parses an exact day (`2026-06-15` or `15-06-2026`) in ``Day/supportedYears``.
    public func parseDay(_ raw: String) -> Day? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let day = isoDay(text) ?? dutchNumericDay(text) { return day }
        // A date written out in Dutch, "1 december 2026": the period of exactly that day.
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count == 3, let (start, end) = interval(words), start == end else { return nil }
        return start
    }
}
