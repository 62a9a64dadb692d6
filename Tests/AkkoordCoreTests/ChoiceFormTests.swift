import Foundation
import Testing

@testable import AkkoordCore

/// The structured choice form (`{optie, gewicht, moet, nooit, status, notitie}`) shared by positions and rounds.
@Suite("Scenario choices: plain and structured form")
struct ChoiceFormTests {
    static func load(_ choices: String) throws(LoadError) -> Scenario {
        let ruleBase: RuleBase
        do { ruleBase = try Fixture.exampleRuleBase() } catch { throw LoadError(diagnostics: []) }
        return try Fixture.scenario("titel: T\npeildatum: 2026-06-15\nkeuzes:\n\(choices)", in: ruleBase)
    }

    static func errors(_ choices: String) -> [Diagnostic] {
        do {
            _ = try load(choices)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    @Test func plainFormHasDefaultTerms() throws {
        let scenario = try Self.load("  1A.renovatie: sluiten\n")
        let ref = try #require(DecisionRef(parsing: "1A.renovatie"))
        #expect(scenario.choices[ref]?.value == "sluiten")
        let terms = try #require(scenario.terms[ref])
        #expect(terms.isPlain)
        #expect(terms.weight == 1 && !terms.isMust && terms.never.isEmpty && terms.status == nil && terms.note == nil)
        #expect(terms.location.line == 4)
    }

    @Test func structuredFormIsReadWithLocations() throws {
        let scenario = try Self.load(
            """
              1A.renovatie: {optie: sluiten, gewicht: 3, moet: ja, status: voorlopig, notitie: "Na overleg"}
              1A.exploitant:
                nooit: [verlengen]
                status: open

            """)
        let renovatie = try #require(DecisionRef(parsing: "1A.renovatie"))
        let exploitant = try #require(DecisionRef(parsing: "1A.exploitant"))
        #expect(scenario.choices[renovatie]?.value == "sluiten")
        let terms = try #require(scenario.terms[renovatie])
        #expect(terms.weight == 3 && terms.isMust && terms.status == .voorlopig && terms.note == "Na overleg")
        #expect(!terms.isPlain)
        // Without `optie` the decision stays on the current line: no choice, but its terms are kept.
        #expect(scenario.choices[exploitant] == nil)
        let red = try #require(scenario.terms[exploitant])
        #expect(red.never.map(\.value) == ["verlengen"])
        #expect(red.never.first?.location.line == 6)
        #expect(red.status == .open)
    }

    @Test func structuredOptionEvaluatesLikeThePlainForm() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let plain = try Fixture.scenario("titel: T\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: sluiten\n", in: ruleBase)
        let structured = try Fixture.scenario(
            "titel: T\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: {optie: sluiten, gewicht: 5, status: akkoord}\n", in: ruleBase)
        let a = try Evaluator().evaluate(plain, in: ruleBase)
        let b = try Evaluator().evaluate(structured, in: ruleBase)
        #expect(a.budget == b.budget)
        #expect(a.messages.map(\.text) == b.messages.map(\.text))
        #expect(a.deviations.map(\.optionRef) == b.deviations.map(\.optionRef))
    }

    @Test(arguments: [
        ("  1A.renovatie: {}\n", DiagnosticID.keyNoneOf, 4),
        ("  1A.renovatie: {optie: sluitn}\n", .refUnknownOption, 4),
        ("  1A.renovatie: {nooit: [renoveren, nergens]}\n", .refUnknownOption, 4),
        ("  1A.renovatie: {optie: sluiten, nooit: [sluiten]}\n", .choiceContradiction, 4),
        ("  1A.renovatie: {moet: ja}\n", .choiceContradiction, 4),
        ("  1A.renovatie: {optie: sluiten, gewicht: 1001}\n", .boundsWeight, 4),
        ("  1A.renovatie: {optie: sluiten, gewicht: -1}\n", .boundsWeight, 4),
        ("  1A.renovatie: {optie: sluiten, status: rond}\n", .valueNotAllowed, 4),
        ("  1A.renovatie: {optie: sluiten, prioriteit: 2}\n", .keyUnknown, 4),
        ("  1A.renovatie: {optie: sluiten, moet: yes}\n", .valueBoolean, 4),
        ("  1A.renovatie:\n    nooit: [renoveren, renoveren]\n", .idDuplicate, 5),
    ])
    func badChoicesAreLocatedErrors(text: String, id: DiagnosticID, line: Int) {
        let errors = Self.errors(text)
        #expect(errors.map(\.id) == [id], "\(errors)")
        #expect(errors.first?.location.line == line)
    }
}
