import Testing

@testable import AkkoordCore

@Suite("Dutch period words become day intervals")
struct PeriodParserTests {
    let parser = PeriodParser(
        coalitionStart: Day(year: 2026, month: 6, day: 1)!,
        namedPeriods: [
            "begroting-2027": Period(
                text: "november 2026",
                start: Day(year: 2026, month: 11, day: 1)!,
                end: Day(year: 2026, month: 11, day: 30)!)
        ])

    func interval(_ text: String) -> String? {
        guard case .known(let period)? = parser.parse(text) else { return nil }
        return "\(period.start)..\(period.end)"
    }

    @Test(arguments: [
        ("voorjaar 2026", "2026-03-01..2026-05-31"),
        ("het voorjaar van 2026", "2026-03-01..2026-05-31"),
        ("najaar 2026", "2026-09-01..2026-11-30"),
        ("eind 2026", "2026-10-01..2026-12-31"),
        ("Eind 2026", "2026-10-01..2026-12-31"),
        ("medio 2026", "2026-06-01..2026-08-31"),
        ("halverwege 2027", "2027-06-01..2027-08-31"),
        ("Q2 2026", "2026-04-01..2026-06-30"),
        ("begin 2027", "2027-01-01..2027-03-31"),
        ("2027", "2027-01-01..2027-12-31"),
        ("december 2027", "2027-12-01..2027-12-31"),
        ("februari 2028", "2028-02-01..2028-02-29"),
        ("15 juni 2026", "2026-06-15..2026-06-15"),
        ("2026-06-15", "2026-06-15..2026-06-15"),
        ("31-12-2027", "2027-12-31..2027-12-31"),
        ("tweede helft 2026", "2026-07-01..2026-12-31"),
        ("begroting-2027", "2026-11-01..2026-11-30"),
    ])
    func parses(text: String, expected: String) {
        #expect(interval(text) == expected)
    }

    @Test(arguments: ["31-12-207", "xx", "voorjaar", "Q5 2026", "31-02-2026", "binnenkort", "2026/2027", ""])
    func rejectsWhatItDoesNotUnderstand(text: String) {
        #expect(parser.parse(text) == nil)
    }

    @Test func aPlanningMomentMayBeWrittenInWords() {
        for text in ["begroting 2027", "voor de begroting 2027", "Begroting-2027", "de begroting 2027"] {
            #expect(interval(text) == "2026-11-01..2026-11-30", "\(text)")
        }
        // Only a named moment: other words are not guessed.
        #expect(interval("voor 2027") == nil)
    }

    @Test func aDayCanBeWrittenOutInDutchAsTheDocsSay() {
        #expect(parser.parseDay("1 december 2026") == Day(year: 2026, month: 12, day: 1))
        #expect(parser.parseDay("15 juni 2026") == Day(year: 2026, month: 6, day: 15))
        #expect(parser.parseDay("15-06-2026") == Day(year: 2026, month: 6, day: 15))
        // A period is not a day.
        #expect(parser.parseDay("juni 2026") == nil)
        #expect(parser.parseDay("31 februari 2026") == nil)
    }

    @Test func aScenarioMayWriteItsPeildatumInDutch() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let scenario = try Fixture.scenario("titel: x\npeildatum: 1 december 2026\n", in: ruleBase)
        #expect(scenario.referenceDate == Day(year: 2026, month: 12, day: 1))
    }

    @Test func coalitionStartIsRelativeToTheReferenceDate() {
        let moment = parser.parse("de start nieuwe coalitie")
        #expect(moment == .coalitionStart(text: "de start nieuwe coalitie"))
        let reference = Day(year: 2026, month: 11, day: 23)!
        #expect(moment?.resolved(referenceDate: reference).period?.start == reference)
        #expect(moment?.resolved(referenceDate: reference).period?.end == reference)
    }

    @Test func unknownIsExplicit() {
        #expect(parser.parse("onbekend") == .unknown)
    }
}
