import AkkoordCore
import Foundation

/// One evaluation at the table: the draft is written as scenario YAML (the bytes a save would write), loaded with the
/// scenario loader and reported, so the JSON is exactly what `akkoord report <map>/<naam>.yaml --format json` gives.
struct TafelEvaluation: Sendable {
    var yaml: String
    var evaluation: Evaluation
    var report: ConsequenceReport

    /// `baselines`: kept baseline evaluations of this rule base (``BaselineCache``); `compiled`: this rule base compiled
    /// once per load. The report is the same with or without them.
    init(
        _ draft: TafelDraft, folder: ScenarioFolder, ruleBase: RuleBase, baselines: BaselineCache? = nil, compiled: CompiledRuleBase? = nil
    ) throws(TafelError) {
        let (yaml, scenario) = try Self.scenario(draft, folder: folder, ruleBase: ruleBase)
        self.yaml = yaml
        do {
            evaluation = try Evaluator().evaluate(scenario, in: ruleBase)
            var baseline = baselines?.baseline(for: scenario)
            if baseline == nil, let baselines {
                let evaluated = try Evaluator().evaluate(ScenarioImpact.baselineScenario(of: scenario), in: ruleBase)
                baselines.remember(evaluated)
                baseline = evaluated
            }
            report = try ReportBuilder().build(evaluation, baseline: baseline, compiled: compiled)
        } catch {
            throw TafelError(.unprocessableContent, error.description, field: "body")
        }
    }

    /// The JSON report, byte for byte as `akkoord report --format json` writes it.
    var json: String { JSONRenderer().render(report) }

    /// The part of the report the page shows (``TafelPageReport``).
    var pageJSON: String { TafelPageReport(report).json }

    /// The report sections the page shows, as HTML (as the HTML report has them).
    var fragments: String { TafelJSON.encode(HTMLReportFragments().render(report, keys: TafelPageReport.fragmentKeys)) }

    /// The YAML of a draft and the scenario the loader reads from it.
    static func scenario(_ draft: TafelDraft, folder: ScenarioFolder, ruleBase: RuleBase) throws(TafelError) -> (String, Scenario) {
        let yaml = ScenarioWriter(ruleBase: ruleBase).yaml(draft.scenarioDraft(ruleBaseFolder: folder.ruleBaseFolder))
        do {
            return (yaml, try ScenarioLoader().load(data: Data(yaml.utf8), path: folder.path(draft.naam), ruleBase: ruleBase).value)
        } catch {
            throw TafelError(
                .badRequest, "het scenario is niet te laden", field: "body", diagnostics: error.diagnostics.sorted().map(\.description))
        }
    }

    /// The YAML to save over an existing file: with that file's comment block, `verwachtingen` and `risico`
    /// (``ScenarioWriter/keeping(_:from:)``); 422 when the result does not load.
    static func keeping(_ yaml: String, from existing: Data, name: String, folder: ScenarioFolder, ruleBase: RuleBase) throws(TafelError)
        -> String
    {
        let kept = ScenarioWriter.keeping(yaml, from: String(decoding: existing, as: UTF8.self))
        do {
            _ = try ScenarioLoader().load(data: Data(kept.utf8), path: folder.path(name), ruleBase: ruleBase)
        } catch {
            throw TafelError(
                .unprocessableContent, "het bestaande bestand \(name).yaml is niet te combineren met de keuzes; niets bewaard",
                field: "naam", diagnostics: error.diagnostics.sorted().map(\.description))
        }
        return kept
    }

    /// A saved scenario file, loaded as `akkoord report` loads it.
    static func saved(_ name: String, folder: ScenarioFolder, ruleBase: RuleBase) throws(TafelError) -> Scenario {
        let data = try folder.read(name)
        do {
            return try ScenarioLoader().load(data: data, path: folder.path(name), ruleBase: ruleBase).value
        } catch {
            throw TafelError(
                .unprocessableContent, "scenario \(InputText.quoted(name)) is niet te laden", field: "naam",
                diagnostics: error.diagnostics.sorted().map(\.description))
        }
    }

    /// The page's state for a saved scenario.
    static func open(_ name: String, folder: ScenarioFolder, ruleBase: RuleBase) throws(TafelError) -> TafelDraft {
        TafelDraft(try saved(name, folder: folder, ruleBase: ruleBase), name: name)
    }
}
