import Foundation
import Testing

@testable import AkkoordCore

/// `akkoord redline VORIGE HUIDIGE`: what moved between two rounds.
@Suite("Redline between rounds")
struct RedlineTests {
    static let first = """
        titel: Ronde 1
        peildatum: 2026-06-15
        keuzes:
          2F.doorgaan: {optie: doorgaan, status: open}
          3G.bijdrage: {optie: bestendigen, status: voorlopig}
          5M.opdracht: verlengen
        aannames:
          provincie-cofinanciert-baan: nee

        """
    static let second = """
        titel: Ronde 2
        peildatum: 2026-06-15
        keuzes:
          2F.doorgaan: {optie: sluiten, status: akkoord, notitie: "Na de fractievergadering"}
          3G.bijdrage: {optie: bestendigen, status: akkoord}
          5M.opdracht: verlengen
        aannames:
          provincie-cofinanciert-baan: nee

        """

    func rounds() throws -> (URL, URL) {
        let folder = Fixture.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let one = folder.appendingPathComponent("ronde1.yaml"), two = folder.appendingPathComponent("ronde2.yaml")
        try Self.first.write(to: one, atomically: true, encoding: .utf8)
        try Self.second.write(to: two, atomically: true, encoding: .utf8)
        return (one, two)
    }

    @Test("The model: moved options and statuses, money per year and structurally, messages, progress per opgave")
    func model() throws {
        let (one, two) = try rounds()
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let sides = try [one, two].map { url in
            let scenario = try ScenarioLoader().load(path: url.path, ruleBase: ruleBase).value
            return (scenario, try ReportBuilder().build(try Evaluator().evaluate(scenario, in: ruleBase)))
        }
        let redline = try RoundRedline(previous: sides[0], current: sides[1], ruleBase: ruleBase)
        #expect(redline.beslissingen.map(\.beslissing.description) == ["2F.doorgaan", "3G.bijdrage"], "5M did not move")
        let airport = try #require(redline.beslissingen.first)
        #expect(airport.optieVeranderd && airport.statusVeranderd)
        #expect(airport.vorige.optie.id == "doorgaan" && airport.huidige.optie.id == "sluiten")
        #expect(airport.vorige.status == .open && airport.huidige.status == .akkoord)
        #expect(airport.huidige.notitie == "Na de fractievergadering")
        #expect(redline.beslissingen[1].optieVeranderd == false && redline.beslissingen[1].statusVeranderd)
        // Differences are exactly current minus previous, bound by bound.
        for year in redline.geld {
            #expect(year.verschil.laagCent == year.huidige.minCent - year.vorige.minCent)
            #expect(year.verschil.hoogCent == year.huidige.maxCent - year.vorige.maxCent)
            #expect(year.verschil.onbekendNadeel == year.huidige.onbekendNadeel - year.vorige.onbekendNadeel)
            #expect(year.verschil.onbekendVoordeel == year.huidige.onbekendVoordeel - year.vorige.onbekendVoordeel)
        }
        #expect(redline.structureelNaPeriode.verschil.laagCent < 0, "closing the airport saves money structurally")
        #expect(redline.meldingenOpgelost.contains { $0.tekst.contains("provincie betaalt niet mee") })
        let attractive = try #require(redline.voortgang.first { $0.opgave == "aantrekkelijk" })
        #expect(attractive.akkoordVorige == 0 && attractive.akkoordHuidige == 2)
    }

    @Test("The command gives Markdown, HTML and JSON; the Dutch alias works")
    func command() throws {
        let (one, two) = try rounds()
        let markdown = try CLI.run(["redline", one.path, two.path, "--rules", Fixture.rules.path])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# \(RedlineOutlineBuilder.title)"))
        #expect(markdown.stdout.contains("| open → **akkoord** |"))
        let html = try CLI.run(["rondeverschil", one.path, two.path, "--rules", Fixture.rules.path, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<html lang=\"nl\">"))
        let json = try CLI.run(["redline", one.path, two.path, "--rules", Fixture.rules.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == RoundRedline.currentSchemaVersion)
        #expect((object["beslissingen"] as? [Any])?.count == 2)
    }

    @Test("A steering warning whose text only names another reference date did not move; money cells read as in the report")
    func laterReferenceDate() throws {
        let folder = Fixture.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let one = folder.appendingPathComponent("ronde1.yaml"), two = folder.appendingPathComponent("ronde2.yaml")
        let body = """
            keuzes:
              2F.doorgaan: {optie: sluiten, status: open}
              3C.structurele-middelen: continueren
            aannames:
              provincie-cofinanciert-baan: nee

            """
        try "titel: Ronde 1\npeildatum: 2026-11-23\n\(body)".write(to: one, atomically: true, encoding: .utf8)
        try "titel: Ronde 2\npeildatum: 2026-11-30\n\(body.replacingOccurrences(of: "continueren", with: "laten-aflopen"))"
            .write(to: two, atomically: true, encoding: .utf8)
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let sides = try [one, two].map { url in
            let scenario = try ScenarioLoader().load(path: url.path, ruleBase: ruleBase).value
            return (scenario, try ReportBuilder().build(try Evaluator().evaluate(scenario, in: ruleBase)))
        }
        let airport = Origin.steering(DecisionRef(fiche: "2F", decision: "doorgaan"))
        #expect(sides.allSatisfy { side in side.1.meldingen.contains { $0.herkomst == airport } }, "both rounds warn on 2F")
        let redline = try RoundRedline(previous: sides[0], current: sides[1], ruleBase: ruleBase)
        #expect(!redline.meldingenErbij.contains { $0.herkomst == airport })
        #expect(!redline.meldingenOpgelost.contains { $0.herkomst == airport })
        let inner = Origin.steering(DecisionRef(fiche: "3C", decision: "structurele-middelen"))
        #expect(redline.meldingenOpgelost.contains { $0.herkomst == inner }, "back on the current line: no deviation to warn on")
        let markdown = RedlineRenderer().markdown(redline)
        let money = markdown.split(separator: "\n").filter { $0.hasPrefix("| 2029 |") || $0.hasPrefix("| Over de periode |") }
        #expect(money.count == 2)
        #expect(money.first?.hasSuffix("| € 550.000 voordeel |") == true, "\(money)")
        for row in money {
            #expect(!row.contains("| ("), "a difference stands on its own in its column: \(row)")
            #expect(!row.contains("-€"), "a negative nadeel reads as voordeel: \(row)")
            #expect(row.hasSuffix("voordeel |"), "3C's € 550.000 a year no longer spent: \(row)")
        }
    }

    @Test("pack --vorige-ronde: the pack has the redline from that round to the first scenario, as a page and as JSON")
    func pack() throws {
        let (one, two) = try rounds()
        let folder = one.deletingLastPathComponent()
        let output = folder.appendingPathComponent("pakket").path
        let result = try CLI.run(["pack", two.path, "--vorige-ronde", one.path, "--rules", Fixture.rules.path, "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLI.run(["redline", one.path, two.path, "--rules", Fixture.rules.path, "--format", "json"])
        #expect(try String(contentsOfFile: output + "/data/redline.json", encoding: .utf8) == json.stdout, "the JSON is akkoord redline's")
        let page = try String(contentsOfFile: output + "/redline.html", encoding: .utf8)
        #expect(page.contains(RedlineOutlineBuilder.title) && page.contains("Na de fractievergadering"))
        let index = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"redline.html\">") && index.contains("<a href=\"data/redline.json\">"))
        #expect(
            !FileManager.default.fileExists(atPath: output + "/scenario-ronde1.html"), "the previous round is not a scenario of the pack")
        // One file: a section of its own, in the contents; without the option there is none.
        let single = try CLI.run([
            "pack", two.path, "--vorige-ronde", one.path, "--rules", Fixture.rules.path, "--single-file", "--output", "-",
        ])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("<section class=\"page\" id=\"redline\">") && single.stdout.contains("<a href=\"#redline\">"))
        let without = try CLI.run(["pack", two.path, "--rules", Fixture.rules.path, "--single-file", "--output", "-"])
        #expect(without.status == 0 && !without.stdout.contains("id=\"redline\""))
    }
}
