import Foundation
import Testing

@testable import AkkoordCore

/// docs/tutorial.md cannot rot: every command in it runs, in order, in a fresh folder against the built binary, with
/// the exit code it states (`# exitcode N`, else 0) and, where it shows output, output that contains those lines. The
/// edits the tutorial asks for are in invisible markers (`<!-- tutorial: ... -->`) that the test carries out.
@Suite("The tutorial runs as written", .serialized)
struct TutorialTests {
    enum Step: CustomStringConvertible {
        case command(String, exitCode: Int32, output: [String], line: Int)
        case replace(path: String, old: String, new: String, line: Int)
        case write(path: String, text: String, append: Bool, line: Int)

        var description: String {
            switch self {
            case .command(let command, _, _, let line): "docs/tutorial.md:\(line): $ \(command)"
            case .replace(let path, let old, _, let line): "docs/tutorial.md:\(line): vervang \(old) in \(path)"
            case .write(let path, _, _, let line): "docs/tutorial.md:\(line): schrijf \(path)"
            }
        }
    }

    enum Directive {
        case skip
        case write(String, append: Bool)
    }

    static func quoted(_ text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The steps of the tutorial, in order; problems with the markup itself are returned as messages.
    static func steps(_ text: String) -> (steps: [Step], problems: [String]) {
        var steps: [Step] = []
        var problems: [String] = []
        var pending: Directive?
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<!-- tutorial:") {
                let body = trimmed.dropFirst("<!-- tutorial:".count).dropLast(trimmed.hasSuffix("-->") ? 3 : 0)
                    .trimmingCharacters(in: .whitespaces)
                if body == "niet uitvoeren" {
                    pending = .skip
                } else if body.hasPrefix("vervang ") {
                    let parts = quoted(Substring(body))
                    let path = body.components(separatedBy: "\" in ").last ?? ""
                    if parts.count >= 2, !path.isEmpty {
                        steps.append(.replace(path: path, old: parts[0], new: parts[1], line: number))
                    } else {
                        problems.append("docs/tutorial.md:\(number): onleesbare vervanging")
                    }
                } else if body.hasPrefix("schrijf ") {
                    pending = .write(String(body.dropFirst("schrijf ".count)), append: false)
                } else if body.hasPrefix("voeg toe aan ") {
                    pending = .write(String(body.dropFirst("voeg toe aan ".count)), append: true)
                } else {
                    problems.append("docs/tutorial.md:\(number): onbekende markering \(body)")
                }
                continue
            }
            guard trimmed.hasPrefix("```") else { continue }
            let language = trimmed.dropFirst(3)
            var block: [String] = []
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                block.append(lines[index])
                index += 1
            }
            index += 1
            let directive = pending
            pending = nil
            switch (language, directive) {
            case (_, .skip?):
                continue
            case ("yaml", .write(let path, let append)?):
                steps.append(.write(path: path, text: block.joined(separator: "\n") + "\n", append: append, line: number))
            case ("sh", nil):
                var current: (String, Int32, [String], Int)?
                for (offset, blockLine) in block.enumerated() {
                    if blockLine.hasPrefix("$ ") {
                        if let current { steps.append(.command(current.0, exitCode: current.1, output: current.2, line: current.3)) }
                        var command = String(blockLine.dropFirst(2))
                        var code: Int32 = 0
                        if let range = command.range(of: "  # exitcode ") {
                            code = Int32(command[range.upperBound...].trimmingCharacters(in: .whitespaces)) ?? -1
                            command = String(command[..<range.lowerBound])
                        }
                        current = (command, code, [], number + 1 + offset)
                    } else if current != nil {
                        let expected = blockLine.trimmingCharacters(in: .whitespaces)
                        if !expected.isEmpty, expected != "..." { current?.2.append(expected) }
                    }
                }
                if let current {
                    steps.append(.command(current.0, exitCode: current.1, output: current.2, line: current.3))
                } else {
                    problems.append("docs/tutorial.md:\(number): sh-blok zonder '$ '-opdracht en zonder <!-- tutorial: niet uitvoeren -->")
                }
            case (_, .write?):
                problems.append("docs/tutorial.md:\(number): na 'schrijf'/'voeg toe aan' hoort een yaml-blok")
            default:
                continue
            }
        }
        return (steps, problems)
    }

    @Test func everyCommandRunsWithTheStatedExitCodeAndOutput() throws {
        let text = try String(contentsOf: Fixture.root.appendingPathComponent("docs/tutorial.md"), encoding: .utf8)
        let (steps, problems) = Self.steps(text)
        #expect(problems.isEmpty, "\(problems)")
        let commands = steps.filter { if case .command = $0 { true } else { false } }
        #expect(commands.count >= 15, "the tutorial should run init, check, report, compare, test and pack")
        for word in ["init", "check", "report", "compare", "test", "pack"] {
            #expect(commands.contains { "\($0)".contains("$ akkoord \(word)") }, "no `akkoord \(word)` in the tutorial")
        }
        let binaryFolder = try #require(CLI.binary).deletingLastPathComponent().path
        var directory = Fixture.temporaryDirectory()
        for step in steps {
            switch step {
            case .command(let command, let exitCode, let output, _):
                if command.hasPrefix("cd ") {
                    directory = directory.appendingPathComponent(String(command.dropFirst(3))).standardizedFileURL
                    #expect(FileManager.default.fileExists(atPath: directory.path), "\(step)")
                    continue
                }
                let result = try Self.shell(command, in: directory, path: binaryFolder)
                #expect(result.status == exitCode, "\(step): exit \(result.status)\n\(result.stdout)\(result.stderr)")
                let combined = result.stdout + result.stderr
                for expected in output {
                    #expect(combined.contains(expected), "\(step): output lacks \(expected)\n\(combined)")
                }
            case .replace(let path, let old, let new, _):
                let file = directory.appendingPathComponent(path)
                let contents = try String(contentsOf: file, encoding: .utf8)
                #expect(contents.components(separatedBy: old).count == 2, "\(step): \(old) must occur exactly once in \(path)")
                try Data(contents.replacingOccurrences(of: old, with: new).utf8).write(to: file)
            case .write(let path, let text, let append, _):
                let file = directory.appendingPathComponent(path)
                let before = append ? try String(contentsOf: file, encoding: .utf8) : ""
                #expect(append || !FileManager.default.fileExists(atPath: file.path), "\(step): file exists")
                try Data((before + text).utf8).write(to: file)
            }
        }
    }

    /// Runs a command line with `sh`, with the built binary first on the `PATH` and without `AKKOORD_BRONNEN`.
    static func shell(_ command: String, in directory: URL, path: String) throws -> CLI.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["AKKOORD_BRONNEN"] = nil
        environment["PATH"] = path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return try Subprocess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: directory, environment: environment)
    }
}
