import Crypto
import Foundation

/// A SHA-256 hash over every input file (rule base and scenarios), so a briefing pack says exactly what it was
/// made from and anyone can reproduce it.
public struct InputDigest: Sendable, Hashable {
    /// Lower-case hexadecimal SHA-256.
    public var hex: String
    /// How many files went into it.
    public var fileCount: Int

    /// Hashes files in path order; each contributes its path, its length and its bytes.
    public init(files: [(path: String, data: Data)]) {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.update(data: Data("\(file.path)\n\(file.data.count)\n".utf8))
            hasher.update(data: file.data)
        }
        hex = hasher.finalize().map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        fileCount = files.count
    }

    /// Hashes the rule-base folder (all YAML files, paths relative to it) and the scenario files as given.
    public init(ruleDirectory: String, scenarioPaths: [String]) {
        var files: [(String, Data)] = []
        // A folder that cannot be listed was reported when the rule base was loaded; what can be read is hashed.
        let layout = try? RuleBaseLayout(directory: ruleDirectory)
        let prefix = (layout?.directory ?? ruleDirectory) + "/"
        for path in layout?.allFiles ?? [] {
            if let data = FileManager.default.contents(atPath: path) { files.append(("rules/" + path.dropFirst(prefix.count), data)) }
        }
        for path in scenarioPaths {
            if let data = FileManager.default.contents(atPath: path) {
                files.append(("scenarios/" + URL(fileURLWithPath: path).lastPathComponent, data))
            }
        }
        self.init(files: files)
    }
}
