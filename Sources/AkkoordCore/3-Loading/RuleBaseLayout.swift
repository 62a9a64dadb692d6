import Foundation

/// Where the files of a rule base are: `dossier.yaml`, `fiches/*.yaml` and `regels/*.yaml`.
///
/// This is the one place that decides which files are read. A name that starts with `.` is skipped (editor lock
/// files such as `.#x.yaml`, macOS `._x.yaml`, hidden files); `.yaml` and `.yml` count in any case (`X.YAML` too);
/// sub-folders are not read. `fiches/` must exist; `regels/` may be absent. A folder that exists but cannot be read,
/// or is a file, is an error with its path and cause: it is never read as empty.
public struct RuleBaseLayout: Sendable, Hashable {
    /// The rule-base folder as given, without a trailing `/`.
    public var directory: String
    /// The path of `dossier.yaml`.
    public var dossier: String
    /// The fiche files, sorted by name.
    public var ficheFiles: [String]
    /// The cross-fiche rule files, sorted by name.
    public var ruleFiles: [String]

    /// The sub-folders that hold YAML files, in reading order.
    public static let folders = ["fiches", "regels"]

    /// Lists the files of the rule base in `directory`; throws every problem with the folders as diagnostics.
    public init(directory: String) throws(LoadError) {
        let base = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.directory = base
        dossier = base + "/dossier.yaml"
        if let problem = Self.folderProblem(base) {
            throw LoadError(diagnostics: [
                Diagnostic(
                    problem.id, .error, SourceLocation(file: base, line: 1, column: 1),
                    "map met regels \(problem.text)")
            ])
        }
        var diagnostics: [Diagnostic] = []
        if !FileManager.default.fileExists(atPath: dossier) {
            diagnostics.append(
                Diagnostic(
                    .ruleBaseNoDossier, .error, SourceLocation(file: dossier, line: 1, column: 1),
                    "dossier.yaml ontbreekt in de map met regels"))
        }
        var lists: [[String]] = []
        for folder in Self.folders {
            let path = base + "/" + folder
            do {
                lists.append(try Self.yamlFiles(in: path, required: folder == "fiches"))
            } catch {
                diagnostics += error.diagnostics
                lists.append([])
            }
        }
        ficheFiles = lists[0]
        ruleFiles = lists[1]
        if !diagnostics.isEmpty { throw LoadError(diagnostics: diagnostics) }
    }

    /// Every YAML file of the rule base, dossier first, then fiches and rules.
    public var allFiles: [String] { [dossier] + ficheFiles + ruleFiles }

    /// Whether a file name counts as a YAML file of the rule base (or of a scenario folder).
    public static func isYAMLFileName(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let lower = name.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    /// The YAML files directly in a folder, sorted by name. A folder that is missing (when `required`), is not a
    /// folder or cannot be read is an error located at the folder.
    public static func yamlFiles(in directory: String, required: Bool = true) throws(LoadError) -> [String] {
        let location = SourceLocation(file: directory, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if !required { return [] }
            throw LoadError(diagnostics: [Diagnostic(.folderMissing, .error, location, "map bestaat niet")])
        }
        if !isDirectory.boolValue {
            throw LoadError(diagnostics: [Diagnostic(.folderNotAFolder, .error, location, "is geen map maar een bestand")])
        }
        guard let stream = opendir(directory) else {
            throw LoadError(diagnostics: [
                Diagnostic(.fileUnreadable, .error, location, "kan de map niet lezen: \(SystemErrorText.current)")
            ])
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if isYAMLFileName(name) { names.append(name) }
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return names.sorted().map { prefix + $0 }
    }

    /// Why `path` cannot serve as the rule-base folder, or `nil` when it can.
    private static func folderProblem(_ path: String) -> (id: DiagnosticID, text: String)? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return (.folderMissing, "niet gevonden")
        }
        return isDirectory.boolValue ? nil : (.folderNotAFolder, "is geen map maar een bestand")
    }
}
