/// A publication of the municipality that the rule base quotes (`bronnen` in `dossier.yaml`). The text itself stays
/// outside the rule base; the declaration says which file it is and pins its contents with a SHA-256 hash.
public struct DossierSource: Sendable, Hashable {
    /// The id quotes use in `bron.document`.
    public var id: String
    public var title: String
    public var publisher: String?
    /// The date of publication as written (a day, a month or a year).
    public var date: String?
    /// Lower-case hexadecimal SHA-256 of the text file.
    public var sha256: String
    /// The file name of the text, looked up in the sources folder.
    public var file: String
    /// The declaration in `dossier.yaml`.
    public var location: SourceLocation

    public init(
        id: String, title: String, publisher: String?, date: String?, sha256: String, file: String,
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.sha256 = sha256
        self.file = file
        self.location = location
    }
}
