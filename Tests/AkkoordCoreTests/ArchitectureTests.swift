import Foundation
import Testing

/// The library's folders are its stages, numbered in dependency order (docs/architecture.md): a file may use types
/// of its own stage and of lower stages, never of a higher one.
@Suite("Architecture: stages in dependency order")
struct ArchitectureTests {
    static let library = Fixture.root.appendingPathComponent("Sources/AkkoordCore")

    /// The stage folders (`0-Support`, `1-Diagnostics`, …) with their number.
    static func stages() throws -> [(number: Int, name: String)] {
        try FileManager.default.contentsOfDirectory(atPath: library.path).compactMap { name in
            guard let dash = name.firstIndex(of: "-"), let number = Int(name[..<dash]) else { return nil }
            return (number, name)
        }.sorted { $0.number < $1.number }
    }

    static func swiftFiles(in stage: String) -> [URL] {
        let folder = library.appendingPathComponent(stage)
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [URL] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".swift") { files.append(folder.appendingPathComponent(relative)) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The source without comments and string literals, so words in them do not count as uses.
    static func code(_ text: String) -> String {
        var result = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var kept = ""
            var inString = false
            var previous: Character = " "
            var iterator = line.makeIterator()
            while let character = iterator.next() {
                if !inString, character == "/", previous == "/" {
                    kept.removeLast()
                    break
                }
                if character == "\"", previous != "\\" { inString.toggle() } else if !inString { kept.append(character) }
                previous = character
            }
            result += kept + "\n"
        }
        return result
    }

    /// Names of the types a file declares at its top level.
    static func declaredTypes(_ text: String) -> [String] {
        let pattern =
            #"(?m)^(?:public |package |internal |final |indirect )*(?:struct|enum|class|protocol|actor|typealias) +([A-Z][A-Za-z0-9]*)"#
        let regex = try? NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex?.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } } ?? []
    }

    @Test func stagesAreNumberedWithoutGaps() throws {
        let stages = try Self.stages()
        #expect(stages.map(\.number) == Array(0..<stages.count))
        let all = try FileManager.default.contentsOfDirectory(atPath: Self.library.path)
        #expect(all.count == stages.count, "every folder of the library is a numbered stage: \(all.sorted())")
    }

    @Test func noStageUsesATypeOfAHigherStage() throws {
        let stages = try Self.stages()
        var owner: [String: Int] = [:]
        for stage in stages {
            for file in Self.swiftFiles(in: stage.name) {
                for name in Self.declaredTypes(try String(contentsOf: file, encoding: .utf8)) { owner[name] = stage.number }
            }
        }
        #expect(owner.count > 50, "the type scan found \(owner.count) types")
        var violations: [String] = []
        for stage in stages {
            for file in Self.swiftFiles(in: stage.name) {
                let code = Self.code(try String(contentsOf: file, encoding: .utf8))
                let words = Set(code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
                for word in words.sorted() {
                    if let higher = owner[word], higher > stage.number {
                        violations.append("\(stage.name)/\(file.lastPathComponent) uses \(word) from \(stages[higher].name)")
                    }
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test func loadingNeverForceUnwrapsAYAMLNode() throws {
        let stage = try #require(try Self.stages().first { $0.name.hasSuffix("-Loading") })
        for file in Self.swiftFiles(in: stage.name) {
            let code = Self.code(try String(contentsOf: file, encoding: .utf8))
            #expect(code.range(of: #"node\([^()]*\)!"#, options: .regularExpression) == nil, "\(file.lastPathComponent)")
        }
    }
}
