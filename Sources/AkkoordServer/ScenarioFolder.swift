import AkkoordCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The scenarios folder: the only place the page reads or writes scenario files. Names are plain words (letters,
/// digits, `-`, `_`), so no name leaves the folder; links and other non-regular files are refused.
struct ScenarioFolder: Sendable {
    /// The folder as the command line names it (reports name scenarios from here).
    let directory: String
    /// `regelbasis:` for saved scenarios: the rule-base folder as seen from this folder.
    let ruleBaseFolder: String

    init(directory: String, rulesDirectory: String) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.ruleBaseFolder = Self.relativePath(from: directory, to: rulesDirectory)
    }

    /// A scenario name without `.yaml`; `.yaml` at the end is taken off.
    static func validName(_ given: String) throws(TafelError) -> String {
        let name = given.hasSuffix(".yaml") ? String(given.dropLast(5)) : given
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard !name.isEmpty, name.count <= 80, allowed, name.first != "-" else {
            throw TafelError.badInput(
                "naam",
                "een scenarionaam bestaat uit letters, cijfers, - en _ (hoogstens 80, niet beginnend met -), zonder map: "
                    + "\(InputText.quoted(given)) kan niet")
        }
        return name
    }

    func path(_ name: String) -> String { "\(directory)/\(name).yaml" }

    /// The kind of what is at `path`, without following a link.
    private static func kind(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// The names of the scenario files in the folder (regular `.yaml` files with a valid name), sorted.
    func names() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.filter { name in
            (try? Self.validName(name)) != nil && Self.kind(path(name)) == S_IFREG
        }.sorted()
    }

    /// The bytes of a scenario file; 404 when there is none, 403 for a link or other non-regular file.
    func read(_ name: String) throws(TafelError) -> Data {
        let path = path(try Self.validName(name))
        guard let kind = Self.kind(path) else {
            throw TafelError(.notFound, "geen scenario \(InputText.quoted(name)) in \(directory)", field: "naam")
        }
        guard kind == S_IFREG else {
            throw TafelError(.forbidden, "\(path) is geen gewoon bestand (een link of map wordt niet gevolgd)", field: "naam")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TafelError(.notFound, "\(path) is niet te lezen", field: "naam")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: TafelConfiguration.maxBodyBytes + 1)) ?? Data()
        guard data.count <= TafelConfiguration.maxBodyBytes else { throw TafelError(.contentTooLarge, "\(path) is groter dan 1 MB") }
        return data
    }

    /// Writes a scenario atomically; an existing file is replaced only when `overwrite` says so (409 otherwise).
    func write(_ yaml: String, name: String, overwrite: Bool) throws(TafelError) {
        let path = path(try Self.validName(name))
        if let kind = Self.kind(path) {
            guard kind == S_IFREG else {
                throw TafelError(.forbidden, "\(path) is geen gewoon bestand (een link of map wordt niet overschreven)", field: "naam")
            }
            guard overwrite else {
                throw TafelError(
                    .conflict, "scenario \(InputText.quoted(name)) bestaat al; bevestig dat het overschreven mag worden", field: "naam")
            }
        }
        do {
            try AtomicFileWriter.write(yaml, to: path)
        } catch {
            throw TafelError(.internalServerError, error.description)
        }
    }

    /// `to` as seen from the folder `from` (both made absolute first).
    static func relativePath(from: String, to: String) -> String {
        func components(_ path: String) -> [String] {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
        }
        let base = components(from), target = components(to)
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
