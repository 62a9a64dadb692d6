/// Parses euro amounts and percentages as written in the rule base.
public enum MoneyParser {
    /// Parses `500000`, `-250000`, `"1.000.000"`, `"1.000.000,00"`, `"€ 1.234,56"`. No floating point.
    public static func parseEuros(_ raw: String) -> Money? {
        var text = raw.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("−") {
            negative = true
            text.removeFirst()
        }
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let whole = String(parts[0])
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Thousands separators: first group 1–3 digits, the rest exactly 3.
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        let digits = groups.joined()
        guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if digits.count > 1, digits.hasPrefix("0") { return nil }
        var cents = Int64(digits)! * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            cents += Int64(fraction.count == 1 ? String(fraction) + "0" : String(fraction))!
        }
        return Money(cents: negative ? -cents : cents)
    }

    /// Parses `50%`, `"33,3%"`, `100%`.
    public static func parseShare(_ raw: String) -> Share? {
        let text = raw.replacingOccurrences(of: " ", with: "")
        guard text.hasSuffix("%") else { return nil }
        let number = text.dropLast()
        let parts = number.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber) else { return nil }
        var basisPoints = whole * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            basisPoints += Int(fraction.count == 1 ? String(fraction) + "0" : String(fraction))!
        }
        guard basisPoints <= 10_000 else { return nil }
        return Share(basisPoints: basisPoints)
    }
}
