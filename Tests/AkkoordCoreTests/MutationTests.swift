import Foundation
import Testing

@testable import AkkoordCore

/// Mutated copies of the bundled rule bases and scenarios through the real binary. Whatever the input, Akkoord must
/// keep its contract: exit code 0, 1 or 2 and never a signal; exit 2 always with a `path:line:column: error:` line
/// and no output file; the same input gives byte-identical results on a second run.
///
/// 300 inputs by default (seed 2026); `AKKOORD_MUTATIES=N` and `AKKOORD_MUTATIE_ZAAD=S` set a longer or other run
/// (docs/hardening.md has the figures of the long run). A failing input is kept and its folder printed.
@Suite("Mutated inputs keep the exit-code contract", .serialized)
struct MutationTests {
    static var count: Int { ProcessInfo.processInfo.environment["AKKOORD_MUTATIES"].flatMap(Int.init) ?? 300 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["AKKOORD_MUTATIE_ZAAD"].flatMap(UInt64.init) ?? 2026 }

    /// One mutated input: a copy of a rule base and a scenario, one file of which was mutated.
    struct Case {
        var directory: URL
        var rules: URL
        var scenario: URL
        var description: String
    }

    /// The values a mutation puts in place of a number, a date or a text: the edges the loader must hold.
    static let extremes = [
        "0", "-1", "-5", "9300000000000", "999999999999999", "9223372036854775807", "-9223372036854775808",
        "2030000", "99999999", "1.5", "1e30", "0000-01-01", "2026-02-30", "9999-12-31", "\"2026\\e[2J\"", "\"a\\0b\"",
        "[]", "{}", "~", "''", "\"\"", "[2027, 2027]", "100%", "250%", "-50%", "onbekend", "{min: 5, max: 1}",
        String(repeating: "x", count: 5_000), "*anker", "&a [*a]", "ja", "no", "\"\\u0085\"", "'=HYPERLINK(1)'",
    ]

    static func mutate(_ text: String, _ random: inout SplitMix, identifiers: [String]) -> (String, String) {
        var lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return (text, "leeg") }
        // Most mutations aim at a line with a number, a date or a percentage: there the loader's edges are.
        let numeric = lines.indices.filter { lines[$0].range(of: #": *"?[-0-9]"#, options: .regularExpression) != nil }
        let index =
            !numeric.isEmpty && Bool.random(using: &random)
            ? numeric.randomElement(using: &random)! : Int.random(in: 0..<lines.count, using: &random)
        let line = lines[index]
        let what: String
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            lines.remove(at: index)
            what = "regel \(index + 1) weg"
        case 1:
            // Repeat a block of lines (an effect, a list element) up to 30 times: sums and duplicates.
            let end = min(lines.count, index + Int.random(in: 1...8, using: &random))
            let times = Int.random(in: 1...30, using: &random)
            let block = Array(lines[index..<end])
            lines.insert(contentsOf: Array(repeating: block, count: times).joined(), at: end)
            what = "regels \(index + 1)–\(end) \(times) keer herhaald"
        case 2 where index + 1 < lines.count:
            lines.swapAt(index, index + 1)
            what = "regels \(index + 1) en \(index + 2) verwisseld"
        case 3:
            let indent = ["", "  ", "    ", "\t", " "].randomElement(using: &random)!
            lines[index] = indent + line.drop { $0 == " " }
            what = "inspringing van regel \(index + 1)"
        case 4, 5, 6:
            // Replace the value after a key, or a list element, with an extreme value.
            guard let colon = line.range(of: ": ") ?? line.range(of: "- ") else { fallthrough }
            let value = extremes.randomElement(using: &random)!
            lines[index] = line[..<colon.upperBound] + value
            what = "waarde op regel \(index + 1) wordt \(value.prefix(30))"
        case 7:
            // Replace an id with another id of the rule base (a dangling or circular reference).
            guard let id = identifiers.randomElement(using: &random), let colon = line.range(of: ": ") else { fallthrough }
            lines[index] = line[..<colon.upperBound] + id
            what = "waarde op regel \(index + 1) wordt id \(id)"
        case 8:
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { fallthrough }
            var key = line
            key.remove(at: line.index(before: colon))
            lines[index] = key
            what = "sleutel op regel \(index + 1) verminkt"
        default:
            let cut = Int.random(in: 0...text.utf8.count, using: &random)
            let bytes = Array(text.utf8.prefix(cut))
            return (String(decoding: bytes, as: UTF8.self), "afgebroken na \(cut) bytes")
        }
        return (lines.joined(separator: "\n"), what)
    }

    /// Ids that occur in the files (`id:` and `code:` values), for mutations that point at something else.
    static func identifiers(in texts: [String]) -> [String] {
        var ids: Set<String> = []
        for text in texts {
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces).drop { $0 == "-" || $0 == " " }
                for key in ["id: ", "code: "] where trimmed.hasPrefix(key) {
                    ids.insert(String(trimmed.dropFirst(key.count)))
                }
            }
        }
        return ids.sorted()
    }

    /// Makes the `number`-th case: a copy of the tutorial rule base (or, one time in 25, the Enschede one) with
    /// one or two mutations in one of its files or in the scenario.
    static func makeCase(_ number: Int, root: URL, random: inout SplitMix) throws -> Case {
        let manager = FileManager.default
        let enschede = number % 25 == 24
        let sourceRules = enschede ? Fixture.rules : Fixture.examples.appendingPathComponent("regels")
        let scenarios =
            enschede
            ? try RuleBaseLayout.yamlFiles(in: Fixture.scenarios.path)
            : [
                Fixture.examples.appendingPathComponent("scenario-sluiten.yaml").path,
                Fixture.examples.appendingPathComponent("scenario-renoveren.yaml").path,
            ]
        let directory = root.appendingPathComponent(String(format: "geval-%05d", number))
        let rules = directory.appendingPathComponent("regels")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try manager.copyItem(at: sourceRules, to: rules)
        let scenario = directory.appendingPathComponent("scenario.yaml")
        try manager.copyItem(at: URL(fileURLWithPath: scenarios.randomElement(using: &random)!), to: scenario)

        let layout = try RuleBaseLayout(directory: rules.path)
        // Enschede: mutate the scenario or a few of its files, not all 49 fiches equally.
        let candidates = [scenario.path] + layout.allFiles
        let target = candidates.randomElement(using: &random)!
        let texts = try candidates.map { try String(contentsOfFile: $0, encoding: .utf8) }
        let ids = identifiers(in: texts)
        var text = try String(contentsOfFile: target, encoding: .utf8)
        var what: [String] = []
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            let (mutated, description) = mutate(text, &random, identifiers: ids)
            text = mutated
            what.append(description)
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        let name = target.hasPrefix(rules.path) ? String(target.dropFirst(rules.path.count + 1)) : "scenario.yaml"
        return Case(
            directory: directory, rules: rules, scenario: scenario,
            description: "\(directory.lastPathComponent) (\(enschede ? "Enschede" : "oefen")): \(name): \(what.joined(separator: "; "))")
    }

    struct Run: Equatable {
        var status: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String
        var output: Data?
        var leftovers: [String]
    }

    static func run(_ arguments: [String], output: URL?, in directory: URL, statistics: Statistics? = nil) throws -> Run {
        if let output { try? FileManager.default.removeItem(at: output) }
        let start = ContinuousClock.now
        let result = try CLI.run(arguments, in: directory)
        statistics?.add(status: result.signalled ? -1 : result.status, seconds: (ContinuousClock.now - start) / .seconds(1))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return Run(
            status: result.status, signalled: result.signalled, stdout: result.stdout, stderr: result.stderr,
            output: output.flatMap { FileManager.default.contents(atPath: $0.path) },
            leftovers: names.filter { $0.hasSuffix(".tmp") || $0.hasPrefix(".") }.sorted())
    }

    /// What is wrong with a run, or nothing.
    static func problems(_ run: Run, _ command: String, writesOutput: Bool) -> [String] {
        var problems: [String] = []
        if run.signalled { problems.append("\(command): beëindigd door signaal \(run.status)") }
        if !run.signalled, ![0, 1, 2].contains(run.status) { problems.append("\(command): exitcode \(run.status)") }
        if run.status == 2 {
            let located = run.stderr.split(separator: "\n").contains {
                $0.range(of: #"^.+:[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil
            }
            if !located { problems.append("\(command): exit 2 zonder pad:regel:kolom: \(run.stderr.prefix(300))") }
            if writesOutput, run.output != nil { problems.append("\(command): uitvoerbestand geschreven bij exit 2") }
        }
        if !run.leftovers.isEmpty { problems.append("\(command): achtergebleven bestanden \(run.leftovers)") }
        return problems
    }

    @Test func mutatedInputsKeepTheContract() throws {
        let root = Fixture.temporaryDirectory()
        var random = SplitMix(seed: Self.seed)
        let cases = try (0..<Self.count).map { try Self.makeCase($0, root: root, random: &random) }
        let failures = Failures()
        let statistics = Statistics()
        // Two processes at a time: each case is independent and writes only in its own folder.
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let item = cases[index]
            do {
                let output = item.directory.appendingPathComponent("rapport.md")
                let report = ["report", item.scenario.path, "--rules", item.rules.path, "-o", output.path]
                let first = try Self.run(report, output: output, in: item.directory, statistics: statistics)
                let second = try Self.run(report, output: output, in: item.directory)
                let check = ["check", "--rules", item.rules.path, item.scenario.path]
                let checked = try Self.run(check, output: nil, in: item.directory, statistics: statistics)
                let again = try Self.run(check, output: nil, in: item.directory)
                var problems = Self.problems(first, "report", writesOutput: true) + Self.problems(checked, "check", writesOutput: false)
                if first != second { problems.append("report: tweede run verschilt") }
                if checked != again { problems.append("check: tweede run verschilt") }
                if !problems.isEmpty { failures.add(item.description + "\n  " + problems.joined(separator: "\n  ")) }
            } catch {
                failures.add("\(item.description): \(error)")
            }
        }
        let found = failures.all
        // The figures docs/hardening.md reports for the long run.
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        print(
            "mutaties: \(cases.count) invoeren (zaad \(Self.seed)), \(statistics.summary), "
                + "grootste kindproces \(usage.ru_maxrss / 1024) MB, contractbreuken \(found.count)")
        #expect(
            found.isEmpty,
            "\(found.count) van \(cases.count) invoeren breken het contract (bewaard in \(root.path)):\n\(found.prefix(10).joined(separator: "\n"))"
        )
        if found.isEmpty { try? FileManager.default.removeItem(at: root) }
    }
}

/// Exit codes and run times of the first runs, collected from concurrent iterations.
final class Statistics: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int32: Int] = [:]
    private var longest = 0.0

    func add(status: Int32, seconds: Double) {
        lock.withLock {
            counts[status, default: 0] += 1
            longest = max(longest, seconds)
        }
    }

    /// `1200 runs (exit 0: …, 1: …, 2: …, signaal: …), langste run 0,41 s`.
    var summary: String {
        lock.withLock {
            let total = counts.values.reduce(0, +)
            let parts = counts.keys.sorted().map { "\($0 < 0 ? "signaal" : "exit \($0)"): \(counts[$0]!)" }
            return "\(total) runs (\(parts.joined(separator: ", "))), langste run \(String(format: "%.2f", longest)) s"
        }
    }
}

/// Failures collected from concurrent iterations.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ item: String) { lock.withLock { items.append(item) } }

    var all: [String] { lock.withLock { items.sorted() } }
}
