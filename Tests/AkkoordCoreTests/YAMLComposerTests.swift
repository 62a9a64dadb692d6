import Foundation
import Testing

@testable import AkkoordCore

/// The event-stream composer: the tree it builds, and the limits and mistakes it reports while building it.
@Suite("YAML composer")
struct YAMLComposerTests {
    func compose(_ text: String, limits: LoadLimits = .standard) -> Result<YAMLNode?, YAMLComposer.Failure> {
        let data = Data(text.utf8)
        return data.withUnsafeBytes { raw in
            Result { () throws(YAMLComposer.Failure) in try YAMLComposer(limits: limits).compose(raw) }
        }
    }

    func failure(_ text: String, limits: LoadLimits = .standard) throws -> YAMLComposer.Failure {
        guard case .failure(let failure) = compose(text, limits: limits) else {
            Issue.record("expected a failure for \(text.prefix(60))")
            throw CancellationError()
        }
        return failure
    }

    @Test func scalarsStayTextWithPositionsAndStyle() throws {
        let root = try #require(try compose("a: no\nb: '010'\nlijst:\n  - x\n  - ~\n").get())
        guard case .mapping(let pairs) = root.content else { Issue.record("root is not a mapping"); return }
        #expect(pairs.map(\.key) == ["a", "b", "lijst"])
        guard case .scalar(let a, let aPlain) = pairs[0].value.content, case .scalar(let b, let bPlain) = pairs[1].value.content else {
            Issue.record("scalars expected"); return
        }
        #expect((a, aPlain) == ("no", true))
        #expect((b, bPlain) == ("010", false))
        #expect((pairs[1].value.line, pairs[1].value.column) == (2, 4))
        guard case .sequence(let items) = pairs[2].value.content else { Issue.record("list expected"); return }
        #expect(items.map(\.scalarText) == ["x", "~"])
        #expect((items[1].line, items[1].column) == (5, 5))
    }

    @Test func aliasesAreExpandedAndReportedAtTheAlias() throws {
        let root = try #require(try compose("basis: &b {x: 1, y: 2}\nkopie: *b\n").get())
        guard case .mapping(let pairs) = root.content, case .mapping(let copy) = pairs[1].value.content else {
            Issue.record("mappings expected"); return
        }
        #expect(copy.map(\.key) == ["x", "y"])
        #expect((pairs[1].value.line, pairs[1].value.column) == (2, 8))
    }

    @Test func expandedAliasesCountAgainstTheNodeBudget() throws {
        // 1 root + 2 keys + (1 + 3) for the list + 4 for the alias = 11 nodes.
        let text = "a: &l [1, 2, 3]\nb: *l\n"
        #expect((try? compose(text, limits: LoadLimits(maxNodes: 11)).get()) != nil)
        let failure = try failure(text, limits: LoadLimits(maxNodes: 10))
        #expect(failure.message.contains("meer dan 10 knopen"))
        #expect((failure.line, failure.column) == (2, 4))
    }

    @Test func nestingIsLimitedWhereItHappens() throws {
        let failure = try failure("a: [[[[x]]]]\n", limits: LoadLimits(maxDepth: 3))
        #expect(failure.message.contains("meer dan 3 niveaus"))
        #expect((failure.line, failure.column) == (1, 7))
        #expect((try? compose("a: [[x]]\n", limits: LoadLimits(maxDepth: 3)).get()) != nil)
    }

    @Test func duplicateKeysAreFoundInSmallAndLargeMappings() throws {
        let small = try failure("a: 1\nb: 2\na: 3\n")
        #expect(small.message == "dubbele sleutel 'a'")
        #expect(small.note?.line == 1)
        #expect((small.line, small.column) == (3, 1))
        // Past 16 keys the composer switches to a dictionary; the answer must not change.
        let keys = (1...40).map { "k\($0): \($0)\n" }.joined()
        let large = try failure(keys + "  \n\"k7\": weer\n")
        #expect(large.message == "dubbele sleutel 'k7'")
        #expect(large.note?.line == 7)
        #expect((large.line, large.column) == (42, 1))
        // The same key in different mappings is fine.
        #expect((try? compose("x: {a: 1}\ny: {a: 2}\n").get()) != nil)
    }

    @Test func oneDocumentPerFile() throws {
        let failure = try failure("a: 1\n---\nb: 2\n")
        #expect(failure.message.contains("meer dan één document"))
        #expect((failure.line, failure.column) == (2, 1))
        #expect((try? compose("---\na: 1\n...\n").get()) != nil)
    }

    @Test func unknownAliasAndComplexKeysAreRefused() throws {
        let alias = try failure("a: 1\nb: *nergens\n")
        #expect(alias.message.contains("'*nergens'"))
        #expect((alias.line, alias.column) == (2, 4))
        // An anchor cannot be used inside its own node.
        #expect(try failure("a: &x [*x]\n").message.contains("'*x'"))
        let key = try failure("? [a, b]\n: c\n")
        #expect(key.message.contains("een sleutel moet een eenvoudige tekst zijn"))
    }

    @Test func emptyStreamsHaveNoRoot() throws {
        #expect(try compose("").get() == nil)
        #expect(try compose("# alleen commentaar\n\n").get() == nil)
    }

    @Test func syntaxErrorsCarryLibyamlPositions() throws {
        let failure = try failure("a: [1, 2\nb: 3\n")
        #expect(failure.message.hasPrefix("ongeldige YAML: "))
        #expect(failure.line >= 1)
    }
}
