import Foundation
import Testing

@testable import AkkoordCore

@Suite("Diagnostic ids")
struct DiagnosticIDTests {
    /// Every `DiagnosticID("…")` constant in the source, in order.
    private func declaredIDs() throws -> [String] {
        let url = Fixture.root.appendingPathComponent("Sources/AkkoordCore/1-Diagnostics/DiagnosticID.swift")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.matches(of: /static let \w+ = DiagnosticID\("([^"]+)"\)/).map { String($0.output.1) }
    }

    @Test func everyConstantIsListedOnceInAll() throws {
        let all = DiagnosticID.all.map(\.rawValue)
        #expect(all == (try declaredIDs()))
        #expect(Set(all).count == all.count)
    }

    @Test func idsAreAreaDotKebabCase() {
        for id in DiagnosticID.all {
            #expect(id.rawValue.wholeMatch(of: /[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(id)")
        }
    }

    @Test func docsListEqualsTheConstants() throws {
        let text = try String(contentsOf: Fixture.root.appendingPathComponent("docs/checks.md"), encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- diagnose-ids: begin"))
        let end = try #require(text.range(of: "<!-- diagnose-ids: eind -->"))
        let listed = text[begin.upperBound..<end.lowerBound].split(separator: "\n")
            .compactMap { $0.firstMatch(of: /^\| `([^`]+)` \|/).map { String($0.output.1) } }
        #expect(listed == DiagnosticID.all.map(\.rawValue))
    }

    @Test func jsonCarriesTheIDAndDecodesIt() throws {
        let diagnostic = Diagnostic(.yamlDuplicateKey, .error, SourceLocation(file: "a.yaml", line: 2, column: 1), "dubbel")
        let data = try JSONEncoder().encode(diagnostic)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] as? String == "yaml.duplicate-key")
        #expect(try JSONDecoder().decode(Diagnostic.self, from: data) == diagnostic)
    }

    @Test func textOutputDoesNotShowTheID() {
        let diagnostic = Diagnostic(.keyMissing, .error, SourceLocation(file: "a.yaml", line: 2, column: 1), "ontbreekt")
        #expect(diagnostic.description == "a.yaml:2:1: error: ontbreekt")
    }
}
