import AkkoordCore
import Foundation

/// One evaluation at the table: the draft is written as scenario YAML (the bytes a save would write), loaded with the
/// scenario loader and reported, so the JSON is exactly what `akkoord report <map>/<naam>.yaml --format json` gives.
struct TafelEvaluation: Sendable {
    var yaml: String
    var evaluation: Evaluation
    var report: ConsequenceReport
    var json: String

    init(_ draft: TafelDraft, folder: ScenarioFolder, ruleBase: RuleBase) throws(TafelError) {
        let (yaml, scenario) = try Self.scenario(draft, folder: folder, ruleBase: ruleBase)
        self.yaml = yaml
        do {
            evaluation = try Evaluator().evaluate(scenario, in: ruleBase)
            report = try ReportBuilder().build(evaluation)
            json = JSONRenderer().render(report)
        } catch {
            throw TafelError(.unprocessableContent, error.description, field: "body")
        }
    }

    /// The report's outline sections as HTML (the page shows them as the HTML report does).
    var fragments: String { TafelJSON.encode(HTMLReportFragments().render(report)) }

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
