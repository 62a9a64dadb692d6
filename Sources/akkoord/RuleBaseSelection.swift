import AkkoordCore
import Foundation

/// The rule base a command works with, once resolved (see ``RuleBaseOptions/resolve(for:)``).
struct RuleBaseSelection {
    /// The rule-base folder.
    var rules: String
    /// `--bronnen`, if given.
    var bronnen: String?
    /// Where a scenario names the folder with `regelbasis:`, if it came from there.
    var declaredAt: SourceLocation?

    /// The folder with the source texts: `--bronnen`, else `AKKOORD_BRONNEN`, else `bronnen/` beside the rule base.
    var sourcesDirectory: String {
        if let bronnen { return bronnen }
        if let variable = ProcessInfo.processInfo.environment["AKKOORD_BRONNEN"], !variable.isEmpty { return variable }
        let parent = ((rules.count > 1 && rules.hasSuffix("/") ? String(rules.dropLast()) : rules) as NSString).deletingLastPathComponent
        return parent.isEmpty ? "bronnen" : (parent as NSString).appendingPathComponent("bronnen")
    }

    /// Checks the quotes of a loaded rule base against the source texts.
    func verifyQuotes(_ ruleBase: RuleBase) -> QuoteVerification {
        let dossier = (try? RuleBaseLayout(directory: rules))?.dossier ?? (rules as NSString).appendingPathComponent("dossier.yaml")
        return QuoteVerifier(ruleBase: ruleBase, directory: sourcesDirectory, dossierPath: dossier).verify()
    }

    /// Loading diagnostics, with a note at the scenario's `regelbasis:` on problems with the folder itself.
    func explained(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard let declaredAt else { return diagnostics }
        let base = rules.count > 1 && rules.hasSuffix("/") ? String(rules.dropLast()) : rules
        let folderFiles: Set<String> = [base, base + "/dossier.yaml", base + "/fiches"]
        return diagnostics.map { diagnostic in
            guard diagnostic.severity == .error, folderFiles.contains(diagnostic.location.file) else { return diagnostic }
            var explained = diagnostic
            explained.notes.append(Diagnostic.Note(declaredAt, "deze regelbasis noemt het scenario met 'regelbasis:'"))
            return explained
        }
    }
}
