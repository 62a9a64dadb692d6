import Foundation

/// How `akkoord pack` recognises its own earlier output, so that it replaces only what it made.
///
/// A pack folder holds `.akkoord-pakket`: a header line, comment lines, then one relative path per line of every
/// file pack wrote there. A single-file pack carries `<meta name="generator" content="akkoord pack">` in its head;
/// a PDF pack has a document title that ends with ``pdfTitleSuffix``.
public enum PackMarker {
    /// The marker file's name inside a pack folder.
    public static let fileName = ".akkoord-pakket"
    /// The first line of the marker file; a folder whose marker does not start with it is not a pack folder.
    public static let header = "# akkoord-pakket 1"
    /// The generator tag in the head of every pack page, and what identifies an earlier single-file pack.
    public static let generatorTag = "<meta name=\"generator\" content=\"akkoord pack\">"

    /// What `pack --pdf` adds to the pack's title; the PDF carries it in its document information (`/Title`).
    public static let pdfTitleSuffix = " · akkoord pack"
    /// How an earlier PDF pack is recognised: its `/Title`, near the start of the file, ends with ``pdfTitleSuffix``,
    /// written by Chromium as a PDF text string, either UTF-16BE in hexadecimal or (for a plain ASCII title) literally.
    public static let pdfMarkers: [String] = [
        pdfTitleSuffix.utf16.map { unit in
            let hex = String(unit, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - hex.count) + hex
        }.joined() + ">",
        "akkoord pack)",
    ]

    /// The marker file's text for the given files.
    public static func text(listing files: [String]) -> String {
        """
        \(header)
        # Deze map is gemaakt door akkoord pack. Een volgende pack vervangt de bestanden hieronder, verwijdert er die het
        # niet meer maakt en laat alle andere bestanden staan. Verwijder dit bestand niet zolang pack de map mag bijwerken.

        """ + files.sorted().map { $0 + "\n" }.joined()
    }

    /// The files listed in a marker file's text, or `nil` when the text is not a marker. Lines that are not a safe
    /// relative path inside the folder (absolute, `..`, `.`, empty parts) are ignored, so a tampered marker can never
    /// make pack delete anything outside its folder.
    public static func files(in text: String) -> [String]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == header else { return nil }
        return lines.dropFirst().filter { !$0.hasPrefix("#") && isSafeRelativePath($0) }
    }

    /// A non-empty relative path without `.`, `..` or empty parts.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
