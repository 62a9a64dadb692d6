/// Renders the findings of `akkoord check` as compiler-style text, JSON or JUnit XML.
public struct CheckReportRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case junit
    }

    /// The findings plus what was checked.
    public struct Result: Sendable, Encodable {
        public var schemaVersion = 1
        public var files: [String]
        public var diagnostics: [Diagnostic]
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

        public init(files: [String], diagnostics: [Diagnostic]) {
            self.files = files.sorted()
            self.diagnostics = diagnostics.sorted()
        }

        enum CodingKeys: String, CodingKey { case schemaVersion, files, diagnostics, errors, warnings }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(schemaVersion, forKey: .schemaVersion)
            try container.encode(files, forKey: .files)
            try container.encode(diagnostics, forKey: .diagnostics)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    public var format: Format

    public init(format: Format) { self.format = format }

    public func render(_ result: Result) -> String {
        switch format {
        case .text: return result.diagnostics.map { $0.description + "\n" }.joined()
        case .json: return JSONRenderer().render(encodable: result)
        case .junit: return junit(result)
        }
    }

    /// One test case per checked file; errors are failures (their `type` is the diagnostic id), warnings go to the
    /// case's output.
    private func junit(_ result: Result) -> String {
        let byFile = Dictionary(grouping: result.diagnostics, by: \.location.file)
        let files = Array(Set(result.files).union(byFile.keys)).sorted()
        let failures = files.filter { byFile[$0]?.contains { $0.severity == .error } ?? false }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"akkoord check\" tests=\"\(files.count)\" failures=\"\(failures)\">\n"
        out += "  <testsuite name=\"akkoord check\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        for file in files {
            let found = byFile[file] ?? []
            out += "    <testcase classname=\"akkoord.check\" name=\"\(xml(file))\">\n"
            for error in found where error.severity == .error {
                out +=
                    "      <failure message=\"\(xml(error.message))\" type=\"\(xml(error.id.rawValue))\">\(xml(error.description))</failure>\n"
            }
            let warnings = found.filter { $0.severity != .error }
            if !warnings.isEmpty {
                out += "      <system-out>\(xml(warnings.map(\.description).joined(separator: "\n")))</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }

    private func xml(_ text: String) -> String {
        HTMLText.escape(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }.map(String.init).joined())
    }
}
