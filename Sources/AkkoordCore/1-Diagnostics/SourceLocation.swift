/// A place in a YAML file, 1-based.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Path as given to the loader.
    public var file: String
    /// Line, starting at 1.
    public var line: Int
    /// Column, starting at 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, with control characters in the path escaped so a diagnostic stays on one line.
    public var description: String { "\(InputText.escaped(file)):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
