import Testing

@testable import AkkoordCore

@Suite("Money is exact; ranges and unknowns stay apart")
struct MoneyTests {
    @Test(arguments: [
        ("500000", Int64(50_000_000)),
        ("1.000.000,00", 100_000_000),
        ("1.000.000", 100_000_000),
        ("€ 1.234,56", 123_456),
        ("-250000", -25_000_000),
        ("0", 0),
        ("315540", 31_554_000),
        ("12,5", 1_250),
    ])
    func parsesDutchAmounts(text: String, cents: Int64) {
        #expect(MoneyParser.parseEuros(text) == Money(cents: cents))
    }

    @Test(arguments: ["0.5", "1,3 mln", "010", "1.00.000", "abc", "1,234", "", "1e6"])
    func rejectsFloatsAndNonsense(text: String) {
        #expect(MoneyParser.parseEuros(text) == nil)
    }

    @Test func sharesRoundHalfAwayFromZero() throws {
        #expect(MoneyParser.parseShare("50%") == Share(basisPoints: 5_000))
        #expect(MoneyParser.parseShare("33,3%") == Share(basisPoints: 3_330))
        #expect(MoneyParser.parseShare("101%") == nil)
        #expect(try Money(euros: 11_000_000).applying(Share(basisPoints: 5_000)) == Money(euros: 5_500_000))
        #expect(try Money(cents: 1).applying(Share(basisPoints: 5_000)) == Money(cents: 1))
        #expect(try Money(cents: -1).applying(Share(basisPoints: 5_000)) == Money(cents: -1))
        #expect(try Money(cents: 3).applying(Share(basisPoints: 3_330)) == Money(cents: 1))
    }

    @Test func totalsKeepRangesAndUnknownsApart() throws {
        var total = AmountTotal.zero
        try total.add(.exact(Money(euros: 100)))
        try total.add(.range(min: Money(euros: 10), max: Money(euros: 30)))
        try total.add(.unknown(.nadeel))
        #expect(total.minimum == Money(euros: 110))
        #expect(total.maximum == Money(euros: 130))
        #expect(total.unknownCount == 1)
        #expect(!total.isExact)
        var onlyUnknown = AmountTotal.zero
        try onlyUnknown.add(.unknown(.nadeel))
        #expect(DutchFormat.total(onlyUnknown) == "1 onbekend nadeel")
        try onlyUnknown.add(.unknown(.voordeel))
        try onlyUnknown.add(.unknown(.voordeel))
        #expect(DutchFormat.total(onlyUnknown) == "1 onbekend nadeel, 2 onbekend voordeel")
        #expect(DutchFormat.total(.zero) == "–")
        #expect(DutchFormat.total(total) == "€ 110 – € 130 + 1 onbekend nadeel")
    }

    @Test func subtractionWidensRanges() throws {
        let lasten = AmountTotal(minimum: Money(euros: 100), maximum: Money(euros: 200), unknownBurdens: 0, unknownBenefits: 0)
        let baten = AmountTotal(minimum: Money(euros: 10), maximum: Money(euros: 50), unknownBurdens: 0, unknownBenefits: 1)
        let net = try lasten.subtracting(baten)
        #expect(net.minimum == Money(euros: 50))
        #expect(net.maximum == Money(euros: 190))
        #expect(net.unknownBenefits == 1, "an unknown revenue stays a voordeel of the net burden")
        #expect(net.unknownBurdens == 0)
    }

    @Test func dutchFormatting() {
        #expect(DutchFormat.euro(Money(euros: 1_234_567)) == "€ 1.234.567")
        #expect(DutchFormat.euro(Money(cents: 123_456)) == "€ 1.234,56")
        #expect(DutchFormat.euro(Money(euros: -650_000)) == "-€ 650.000")
        #expect(DutchFormat.compact(Money(euros: 1_300_000)) == "€ 1,3 mln")
        #expect(DutchFormat.compact(Money(euros: 26_000_000)) == "€ 26 mln")
        #expect(DutchFormat.compact(Money(euros: 999_999)) == "€ 999.999")
        #expect(DutchFormat.number(Money(cents: -123_456_78)) == "-123.456,78")
        #expect(DutchFormat.date(Day(year: 2026, month: 6, day: 1)!) == "1 juni 2026")
    }
}
