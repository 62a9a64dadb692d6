import Foundation

/// The rule base a scenario names with `regelbasis:`, a folder relative to the scenario file. It is read before the
/// rule base is loaded, so that `akkoord report ../elders/scenario.yaml` finds its rules from any folder.
public struct DeclaredRuleBase: Sendable, Hashable {
    /// The folder as a path from the current directory (or absolute), `..` resolved where the path allows it.
    public var directory: String
    /// The value as the scenario writes it.
    public var written: String
    /// Where the scenario names it.
    public var location: SourceLocation

    public init(directory: String, written: String, location: SourceLocation) {
        self.directory = directory
        self.written = written
        self.location = location
    }

    /// Reads `regelbasis` from a scenario file. `nil` when the file names none, or cannot be read or parsed: loading
    /// the scenario reports that, and a `regelbasis` that is not text, with its place.
    public static func read(scenario path: String, limits: LoadLimits = .standard) -> DeclaredRuleBase? {
        let sink = DiagnosticSink()
        guard let data = YAMLDocument.readBytes(path: path, limits: limits, sink: sink),
            let document = YAMLDocument.parse(data: data, path: path, limits: limits, sink: sink),
            case .mapping(let pairs) = document.root.content,
            let pair = pairs.first(where: { $0.key == ScenarioKey.regelbasis.rawValue }),
            let written = pair.value.scalarText?.trimmingWhitespace(), !written.isEmpty, written != "~"
        else { return nil }
        return DeclaredRuleBase(
            directory: resolve(written, besideFile: path), written: written,
            location: SourceLocation(file: path, line: pair.value.line, column: pair.value.column))
    }

    /// `relative` read from the folder of `file`: an absolute path stays as it is; `a/../b` becomes `b` when `a` is a
    /// real folder (not a symbolic link, where `..` would lead elsewhere).
    public static func resolve(_ relative: String, besideFile file: String) -> String {
        if relative.hasPrefix("/") { return normalized(relative) }
        let folder = (file as NSString).deletingLastPathComponent
        return normalized(folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative))
    }

    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true).map(String.init) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                let prefix = (absolute ? "/" : "") + parts.joined(separator: "/")
                var status = stat()
                if lstat(prefix, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                    parts.removeLast()
                    continue
                }
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
