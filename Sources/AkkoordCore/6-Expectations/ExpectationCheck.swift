/// Compares an evaluation with the expectations stored in its scenario.
public struct ExpectationCheck: Sendable {
    /// One expectation that did not hold.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var location: SourceLocation
        public var what: String
        public var expected: String
        public var actual: String

        public var description: String { "\(location): error: \(what): verwacht \(expected), maar is \(actual)" }
    }

    public init() {}

    public func failures(_ evaluation: Evaluation) -> [Failure] {
        guard let expectations = evaluation.scenario.expectations else { return [] }
        var failures: [Failure] = []
        let chosen = Dictionary(uniqueKeysWithValues: evaluation.choices.map { ($0.ref, $0.chosen.id) })
        for (ref, expected) in expectations.choices.sorted(by: { $0.key < $1.key }) where chosen[ref] != expected.value {
            failures.append(
                Failure(location: expected.location, what: "keuze \(ref)", expected: expected.value, actual: chosen[ref] ?? "geen"))
        }
        for (year, expected) in expectations.burdenPerYear.sorted(by: { $0.key < $1.key }) {
            let actual = evaluation.budget.years.first { $0.year == year }?.burden ?? .zero
            if !Self.matches(actual, expected.value) {
                failures.append(
                    Failure(
                        location: expected.location, what: "nadeel \(year)", expected: Self.describe(expected.value),
                        actual: Self.describe(actual)))
            }
        }
        if let expected = expectations.structuralRunRate, !Self.matches(evaluation.budget.structuralRunRate, expected.value) {
            failures.append(
                Failure(
                    location: expected.location, what: "structureel nadeel na de periode",
                    expected: Self.describe(expected.value), actual: Self.describe(evaluation.budget.structuralRunRate)))
        }
        for pattern in expectations.messagesPresent where !evaluation.messages.contains(where: { matches($0, pattern) }) {
            failures.append(
                Failure(
                    location: pattern.location, what: "melding", expected: "aanwezig: \(Self.describe(pattern))", actual: "niet gevonden"))
        }
        for pattern in expectations.messagesAbsent {
            if let found = evaluation.messages.first(where: { matches($0, pattern) }) {
                failures.append(
                    Failure(
                        location: pattern.location, what: "melding", expected: "afwezig: \(Self.describe(pattern))",
                        actual: "\(found.level.rawValue): \(found.text)"))
            }
        }
        let fired = Set(evaluation.firedRules.map(\.id))
        for rule in expectations.rulesFired where !fired.contains(rule.value) {
            failures.append(Failure(location: rule.location, what: "regel \(rule.value)", expected: "afgegaan", actual: "niet afgegaan"))
        }
        for rule in expectations.rulesNotFired where fired.contains(rule.value) {
            failures.append(Failure(location: rule.location, what: "regel \(rule.value)", expected: "niet afgegaan", actual: "afgegaan"))
        }
        if let expected = expectations.errorCount, expected.value != evaluation.count(.fout) {
            failures.append(
                Failure(
                    location: expected.location, what: "aantal fouten", expected: "\(expected.value)", actual: "\(evaluation.count(.fout))")
            )
        }
        return failures
    }

    private func matches(_ message: EvaluationMessage, _ pattern: Expectations.MessagePattern) -> Bool {
        if let level = pattern.level, message.level != level { return false }
        if let text = pattern.contains, !message.text.contains(text) { return false }
        if let rule = pattern.rule, message.origin != .rule(rule) { return false }
        return true
    }

    /// An expected total names the known bounds and how many unknown amounts are part of it, in either direction.
    static func matches(_ actual: AmountTotal, _ expected: AmountTotal) -> Bool {
        actual.minimum == expected.minimum && actual.maximum == expected.maximum && actual.unknownCount == expected.unknownCount
    }

    static func describe(_ total: AmountTotal) -> String {
        let known =
            total.isExact ? DutchFormat.euro(total.minimum) : "\(DutchFormat.euro(total.minimum)) – \(DutchFormat.euro(total.maximum))"
        return "\(known) (min \(total.minimum), max \(total.maximum), onbekend \(total.unknownCount))"
    }

    static func describe(_ pattern: Expectations.MessagePattern) -> String {
        [pattern.level.map { "niveau \($0.rawValue)" }, pattern.contains.map { "bevat '\($0)'" }, pattern.rule.map { "regel \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
    }
}

/// Writes the current results of an evaluation as a `verwachtingen` block and puts it into scenario text.
public enum ExpectationWriter {
    /// The YAML block for the evaluation's current results.
    public static func block(for evaluation: Evaluation) -> String {
        func euros(_ money: Money) -> String {
            money.cents % 100 == 0 ? "\(money.cents / 100)" : "\"\(DutchFormat.number(money).replacingOccurrences(of: ".", with: ""))\""
        }
        func total(_ value: AmountTotal) -> String {
            "{min: \(euros(value.minimum)), max: \(euros(value.maximum)), onbekend: \(value.unknownCount)}"
        }
        var lines = [
            "verwachtingen:", "  # Bijgewerkt met `akkoord test --update`: controleer de wijzigingen voordat je ze vastlegt.",
            "  fouten: \(evaluation.count(.fout))",
        ]
        let explicit = evaluation.choices.filter(\.isExplicit)
        if !explicit.isEmpty {
            lines.append("  keuzes:")
            lines += explicit.map { "    \($0.ref): \($0.chosen.id)" }
        }
        lines.append("  nadeel_per_jaar:")
        lines += evaluation.budget.years.map { "    \($0.year): \(total($0.burden))" }
        lines.append("  structureel_na_periode: \(total(evaluation.budget.structuralRunRate))")
        let fired = evaluation.firedRules.map(\.id).sorted()
        lines.append(fired.isEmpty ? "  regels_afgegaan: []" : "  regels_afgegaan:")
        lines += fired.map { "    - \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Replaces the top-level `verwachtingen:` block in `text` (or appends one), leaving everything else as it was.
    public static func replacingBlock(in text: String, with block: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("verwachtingen:") }) else {
            return lines.joined(separator: "\n") + "\n\n" + block
        }
        var end = start + 1
        while end < lines.count {
            let line = lines[end]
            if let first = line.first, first != " ", first != "#", first != "\t", !line.isEmpty { break }
            end += 1
        }
        var trailingBlank: [String] = []
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty {
            end -= 1
            trailingBlank.append("")
        }
        let replacement = block.components(separatedBy: "\n").dropLast()
        lines.replaceSubrange(start..<end, with: replacement + trailingBlank)
        return lines.joined(separator: "\n") + "\n"
    }
}
