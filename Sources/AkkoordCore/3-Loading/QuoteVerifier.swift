/// Checks every quote (`citaat`) of a rule base against the source texts that `dossier.yaml` declares (`bronnen`),
/// read from a folder outside the rule base.
///
/// A quote that is found gets the line it begins on in its source. A quote that is not found is an error at the
/// quote, with the closest passage of the source as a note. Sources that cannot be used give warnings, never one
/// per quote: one warning for all missing (or unreadable) texts with the number of quotes left unchecked, and one
/// per text whose SHA-256 differs from the declared one.
public struct QuoteVerifier: Sendable {
    /// The rule base as loaded.
    public var ruleBase: RuleBase
    /// The folder with the source texts.
    public var directory: String
    /// The path of `dossier.yaml`, where a warning about the sources as a whole is located.
    public var dossierPath: String

    public init(ruleBase: RuleBase, directory: String, dossierPath: String) {
        self.ruleBase = ruleBase
        self.directory = directory
        self.dossierPath = dossierPath
    }

    /// How to give Akkoord the folder with the source texts, for the warnings.
    public static let howToProvide = "geef de map met de bronteksten met --bronnen MAP of de omgevingsvariabele AKKOORD_BRONNEN"

    public func verify() -> QuoteVerification {
        let sources = ruleBase.info.sources
        let citations = ruleBase.citations
        var diagnostics: [Diagnostic] = []
        guard !citations.isEmpty else {
            return QuoteVerification(
                ruleBase: ruleBase, diagnostics: [], verified: 0, unverified: 0, notFound: 0,
                texts: sources.map { SourceText($0, directory: directory) })
        }
        guard !sources.isEmpty else {
            diagnostics.append(
                Diagnostic(
                    .quoteUnverified, .warning, SourceLocation(file: dossierPath, line: 1, column: 1),
                    "\(citations.count) citaten zijn niet geverifieerd: dossier.yaml noemt geen "
                        + "'bronnen' (zie docs/format.md, Bronnen)"))
            return QuoteVerification(
                ruleBase: ruleBase, diagnostics: diagnostics, verified: 0,
                unverified: citations.count, notFound: 0, texts: [])
        }
        let texts = sources.map { SourceText($0, directory: directory) }
        // Each distinct quote per source is searched once.
        var lines: [String: [String: ClosedRange<Int>?]] = [:]
        var unusable: [String: Int] = [:]
        var verified = 0, notFound = 0
        let updated = ruleBase.updatingCitations { citation in
            // A quote from an undeclared source was refused by the loader; it is left alone here.
            guard let index = sources.firstIndex(where: { $0.id == (citation.document ?? sources[0].id) }) else {
                return citation
            }
            let source = sources[index]
            guard case .found(let path, let text, _) = texts[index] else {
                unusable[source.id, default: 0] += 1
                return citation
            }
            let range: ClosedRange<Int>? =
                if let known = lines[source.id]?[citation.text] { known } else { text.lines(of: citation.text) }
            lines[source.id, default: [:]][citation.text] = .some(range)
            var result = citation
            if let range {
                verified += 1
                result.passage = SourcePassage(
                    document: source.id, file: source.file, line: range.lowerBound, lastLine: range.upperBound)
            } else {
                notFound += 1
                var notes: [Diagnostic.Note] = []
                if let closest = text.closestPassage(to: citation.text) {
                    notes.append(
                        Diagnostic.Note(
                            SourceLocation(file: path, line: closest.line, column: 1),
                            "dichtstbijzijnde passage: “\(InputText.escaped(closest.text))”"))
                } else {
                    notes.append(
                        Diagnostic.Note(
                            SourceLocation(file: path, line: 1, column: 1),
                            "geen passage in deze bron lijkt op het citaat"))
                }
                diagnostics.append(
                    Diagnostic(
                        .quoteNotFound, .error, citation.location,
                        "citaat staat niet letterlijk in bron \(InputText.quoted(source.id)) "
                            + "(\(InputText.quoted(source.file))): \(InputText.quoted(citation.text))",
                        notes: notes))
            }
            return result
        }
        diagnostics += warnings(sources: sources, texts: texts, unusable: unusable)
        return QuoteVerification(
            ruleBase: updated, diagnostics: diagnostics, verified: verified,
            unverified: unusable.values.reduce(0, +), notFound: notFound, texts: texts)
    }

    /// One warning for every text that is missing or unreadable together, one per changed text.
    private func warnings(sources: [DossierSource], texts: [SourceText], unusable: [String: Int]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var absent: [(source: DossierSource, why: String)] = []
        for (source, text) in zip(sources, texts) {
            switch text {
            case .found:
                break
            case .missing(let path):
                absent.append((source, "\(InputText.quoted(path)) ontbreekt"))
            case .unreadable(let path, let reason):
                absent.append((source, "\(InputText.quoted(path)) \(reason)"))
            case .changed(let path, let actual):
                let count = unusable[source.id] ?? 0
                diagnostics.append(
                    Diagnostic(
                        .quoteSourceChanged, .warning, source.location,
                        "brontekst \(InputText.quoted(path)) is een andere versie: SHA-256 \(actual), "
                            + "verwacht \(source.sha256); \(count) \(count == 1 ? "citaat" : "citaten") "
                            + "uit bron \(InputText.quoted(source.id)) niet geverifieerd"))
            }
        }
        if let first = absent.first {
            let count = absent.map { unusable[$0.source.id] ?? 0 }.reduce(0, +)
            diagnostics.append(
                Diagnostic(
                    .quoteUnverified, .warning, first.source.location,
                    "\(count) \(count == 1 ? "citaat" : "citaten") niet geverifieerd: brontekst "
                        + absent.map(\.why).joined(separator: ", ") + "; \(Self.howToProvide)"))
        }
        return diagnostics
    }
}
