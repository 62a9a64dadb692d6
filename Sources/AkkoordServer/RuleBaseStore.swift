import AkkoordCore
import Foundation

/// The rule base the server works with. Rule files changed on disk are reloaded; a broken rule base keeps the last
/// valid one in use and its located diagnostics are shown in the page's banner until it is repaired.
actor RuleBaseStore {
    /// A loaded rule base with the number of the load that produced it.
    struct Snapshot: Sendable {
        var ruleBase: RuleBase
        var generation: Int
        var catalog: String
        /// Baselines evaluated for this rule base (new with every load, so never one of another rule base).
        var baselines = BaselineCache()
        /// This rule base compiled, for the marginals of "wat verandert" (``ScenarioImpact``); compiled once per load.
        var compiled: CompiledRuleBase?
    }

    let rulesDirectory: String
    let sourcesDirectory: String
    private(set) var snapshot: Snapshot
    /// Located diagnostics of the rule files as they are on disk now; empty when they load.
    private(set) var problems: [String] = []
    private var fingerprint: [String: String]

    init(rulesDirectory: String, sourcesDirectory: String) throws(LoadError) {
        self.rulesDirectory = rulesDirectory
        self.sourcesDirectory = sourcesDirectory
        fingerprint = Self.fingerprint([rulesDirectory, sourcesDirectory])
        let ruleBase = try Self.load(rulesDirectory: rulesDirectory, sourcesDirectory: sourcesDirectory)
        snapshot = Snapshot(
            ruleBase: ruleBase, generation: 1, catalog: RuleBaseCatalog(ruleBase, generation: 1).json,
            compiled: try? CompiledRuleBase(ruleBase))
    }

    /// Loads as `akkoord report` does: the loader, then the quotes placed in their source texts.
    static func load(rulesDirectory: String, sourcesDirectory: String) throws(LoadError) -> RuleBase {
        let loaded = try RuleBaseLoader().load(directory: rulesDirectory)
        let dossier = (try? RuleBaseLayout(directory: rulesDirectory))?.dossier ?? rulesDirectory + "/dossier.yaml"
        return QuoteVerifier(ruleBase: loaded.value, directory: sourcesDirectory, dossierPath: dossier).verify().ruleBase
    }

    /// Reloads when a file changed; true when the snapshot or the problems changed.
    func reloadIfChanged() -> Bool {
        let now = Self.fingerprint([rulesDirectory, sourcesDirectory])
        guard now != fingerprint else { return false }
        fingerprint = now
        do {
            let ruleBase = try Self.load(rulesDirectory: rulesDirectory, sourcesDirectory: sourcesDirectory)
            let generation = snapshot.generation + 1
            snapshot = Snapshot(
                ruleBase: ruleBase, generation: generation, catalog: RuleBaseCatalog(ruleBase, generation: generation).json,
                compiled: try? CompiledRuleBase(ruleBase))
            problems = []
        } catch {
            problems = error.diagnostics.sorted().map(\.description)
        }
        return true
    }

    /// Modification dates and sizes of every file under the folders.
    static func fingerprint(_ directories: [String]) -> [String: String] {
        var state: [String: String] = [:]
        for directory in directories {
            guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
                state[directory] = "?"
                continue
            }
            for case let relative as String in enumerator {
                let path = directory + "/" + relative
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                state[path] =
                    "\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)/\((attributes?[.size] as? Int) ?? 0)"
            }
        }
        return state
    }
}

/// Baseline evaluations (``ScenarioImpact``: the scenario without choices) kept between clicks: at the table most
/// clicks change a choice and leave the assumptions, the reference date and the frame alone, so the baseline is the
/// same and need not be evaluated again. Looked up by the whole baseline scenario (with its locations), so a hit is the
/// evaluation the report would make; at most a few are kept.
final class BaselineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Scenario: Evaluation] = [:]

    func baseline(for scenario: Scenario) -> Evaluation? {
        lock.withLock { entries[ScenarioImpact.baselineScenario(of: scenario)] }
    }

    func remember(_ baseline: Evaluation) {
        lock.withLock {
            if entries.count >= 8 { entries = [:] }
            entries[baseline.scenario] = baseline
        }
    }
}
