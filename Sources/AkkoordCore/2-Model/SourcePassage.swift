/// Where a verified quote stands in a source text.
public struct SourcePassage: Sendable, Hashable {
    /// The id of the declared source.
    public var document: String
    /// The file name of the source text.
    public var file: String
    /// The line, starting at 1, on which the quote begins.
    public var line: Int
    /// The line on which the quote ends (``line`` for a quote on one line).
    public var lastLine: Int

    public init(document: String, file: String, line: Int, lastLine: Int? = nil) {
        self.document = document
        self.file = file
        self.line = line
        self.lastLine = max(line, lastLine ?? line)
    }
}
