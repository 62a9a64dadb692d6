import Foundation
import Testing

@testable import AkkoordCore

@Suite("The bundled Enschede rule base says what the dossier says")
struct RuleBaseContentTests {
    let ruleBase: RuleBase

    init() throws { ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value }

    @Test func allFortyNineFichesArePresent() {
        let expected = (["1": "ABCDEFGHIJKLM", "2": "ABCDEF", "3": "ABCDEFGHIJK", "4": "ABCDE", "5": "ABCDEFGHIJKLMN"] as [String: String])
            .flatMap { number, letters in letters.map { "\(number)\($0)" } }.sorted()
        #expect(expected.count == 49)
        #expect(ruleBase.fiches.map(\.code) == expected)
        #expect(ruleBase.fiches.allSatisfy { !$0.decisions.isEmpty })
    }

    /// The municipality's texts are not in the repository: the checks that read them run when `AKKOORD_BRONNEN` names a
    /// folder holding them (as `.ci/run` does) and are skipped, with this reason, otherwise.
    static let sourcesAvailable = Fixture.enschedeSources != nil

    /// Every quote in the rule base (effects, rules, assumptions, facts, doubts) is found in its source text by the tool's
    /// own verification, with its line, and the declared hashes match the texts.
    @Test(.enabled(if: sourcesAvailable, "AKKOORD_BRONNEN does not name a folder with the Enschede source texts"))
    func everyQuoteIsVerifiedInItsSource() throws {
        let folder = try #require(Fixture.enschedeSources)
        let verification = QuoteVerifier(
            ruleBase: ruleBase, directory: folder.path,
            dossierPath: Fixture.rules.appendingPathComponent("dossier.yaml").path
        ).verify()
        #expect(verification.diagnostics.isEmpty, "\(verification.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(ruleBase.citations.count >= 600)
        #expect(verification.verified == ruleBase.citations.count)
        #expect(verification.ruleBase.citations.allSatisfy { $0.passage != nil })
    }

    /// Our own extraction of the amounts the dossier states (Resources/bedragen/*.tsv): each is in the rule base
    /// with its quote, as an exact amount, a total or a range.
    @Test(.enabled(if: sourcesAvailable, "AKKOORD_BRONNEN does not name a folder with the Enschede source texts"))
    func everyStatedAmountIsEncodedWithItsQuote() throws {
        let sources = try #require(Fixture.enschedeSources)
        let dossier = SearchableText(try String(contentsOf: sources.appendingPathComponent(Fixture.enschedeDossierFile), encoding: .utf8))
        let folder = try #require(Bundle.module.url(forResource: "Resources/bedragen", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }.sorted()
        #expect(files.count == 8)
        var amounts: [(fiche: String, value: String, quote: String)] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let columns = line.split(separator: "\t", maxSplits: 2).map(String.init)
                try #require(columns.count == 3, "\(file): \(line)")
                amounts.append((columns[0], columns[1], columns[2]))
            }
        }
        #expect(amounts.count >= 15)
        var effects: [(fiche: String, effect: BudgetEffect)] = []
        for fiche in ruleBase.fiches {
            for decision in fiche.decisions { for option in decision.options { effects += option.effects.map { (fiche.code, $0) } } }
            effects += fiche.budgeted.map { (fiche.code, $0) }
        }
        for rule in ruleBase.rules { effects += rule.effects.map { (rule.fiche ?? "", $0) } }
        for amount in amounts {
            #expect(dossier.line(of: amount.quote) != nil, "quote not in dossier: \(amount.quote)")
            let expected = try #require(parse(amount.value), "bad value \(amount.value)")
            let carriers = effects.filter { entry in
                guard let citation = entry.effect.provenance.citation else { return false }
                return citation.fiche == amount.fiche
                    && SearchableText.normalised(citation.text) == SearchableText.normalised(amount.quote)
            }
            #expect(!carriers.isEmpty, "\(amount.fiche): no effect quotes \(amount.quote)")
            let matches = carriers.contains { entry in
                let effect = entry.effect
                let values: [Amount] = [effect.amount, effect.total, try? effect.amount.negated(), try? effect.total?.negated()].compactMap
                { $0 }
                if values.contains(expected) { return true }
                if case .perYear(let perYear) = effect.timing { return perYear.values.contains(expected) }
                return false
            }
            #expect(matches, "\(amount.fiche): \(amount.value) not found on the effects quoting \(amount.quote)")
        }
    }

    /// `123`, `-123`, `100-200`, `-525000--475000`.
    func parse(_ text: String) -> Amount? {
        if let value = Int64(text) { return euros(value).map { .exact($0) } }
        let body = text.hasPrefix("-") ? String(text.dropFirst()) : text
        guard let separator = body.firstIndex(of: "-") else { return nil }
        let first = (text.hasPrefix("-") ? "-" : "") + body[..<separator]
        let second = String(body[body.index(after: separator)...])
        guard let min = Int64(first).flatMap(euros), let max = Int64(second).flatMap(euros) else { return nil }
        return .range(min: min, max: max)
    }

    func euros(_ value: Int64) -> Money? {
        let (cents, overflow) = value.multipliedReportingOverflow(by: 100)
        return overflow ? nil : Money(cents: cents)
    }

    @Test func everyScenarioLoadsAndEvaluatesWithoutErrors() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixture.scenarios.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count >= 5)
        for name in names {
            let scenario = try ScenarioLoader().load(path: Fixture.scenarios.appendingPathComponent(name).path, ruleBase: ruleBase).value
            let evaluation = try Evaluator().evaluate(scenario, in: ruleBase)
            #expect(evaluation.count(.fout) == 0, "\(name): \(evaluation.messages.filter { $0.level == .fout }.map(\.text))")
        }
    }
}
