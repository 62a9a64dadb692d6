/// A verbatim quote (`citaat`) from a source text of the dossier, with where it stands in the rule base and, once
/// verified, where it stands in the source text.
public struct Citation: Sendable, Hashable {
    /// The fiche the quote is about (`bron.fiche`).
    public var fiche: String
    /// The quote as written in the rule base.
    public var text: String
    /// The id of the declared source (`bron.document`); `nil` means the dossier, the first declared source.
    public var document: String?
    /// The `citaat` in the rule base.
    public var location: SourceLocation
    /// Where verification found the quote; `nil` when it was not verified.
    public var passage: SourcePassage?

    public init(fiche: String, text: String, document: String?, location: SourceLocation, passage: SourcePassage? = nil) {
        self.fiche = fiche
        self.text = text
        self.document = document
        self.location = location
        self.passage = passage
    }
}
