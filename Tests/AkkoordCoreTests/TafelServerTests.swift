import AkkoordCore
import AkkoordServer
import Foundation
import Testing

/// `akkoord serve` over real HTTP: the server runs in the test process on a free port; requests are written byte for
/// byte on a socket, so every security rule can be tried with the headers an attacker would send.
@Suite("akkoord serve: the API and its security rules", .serialized)
struct TafelServerTests {
    static let airport =
        #"{"keuzes": {"2F.doorgaan": "sluiten"}, "aannames": {"provincie-cofinanciert-baan": false}, "peildatum": "2026-06-15"}"#

    @Test("POST /api/evalueer gives exactly the bytes of `akkoord report --format json` for the saved scenario")
    func evaluateEqualsReport() async throws {
        let tafel = try await RunningTafel.start()
        let evaluated = try await tafel.send("POST", "/api/evalueer", body: Self.airport)
        #expect(evaluated.status == 200, "\(evaluated.text)")
        #expect(evaluated.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(evaluated.header("Server-Timing")?.hasPrefix("evaluatie;dur=") == true)

        let saved = try await tafel.send("PUT", "/api/scenarios/luchthaven", body: Self.airport)
        #expect(saved.status == 200, "\(saved.text)")
        let file = tafel.scenarios.appendingPathComponent("luchthaven.yaml")
        let viaName = try await tafel.send(
            "POST", "/api/evalueer",
            body: Self.airport.replacingOccurrences(of: "{\"keuzes\"", with: "{\"naam\": \"luchthaven\", \"keuzes\""))
        let report = try CLI.run(["report", file.path, "--format", "json", "--bronnen", RunningTafel.sources])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == viaName.text, "the server's JSON differs from akkoord report's")
        let choices = try #require(viaName.json["keuzes"] as? [[String: Any]])
        let airport = try #require(choices.first { $0["beslissing"] as? String == "2F.doorgaan" })
        #expect((airport["gekozen"] as? [String: Any])?["id"] as? String == "sluiten")
        // Without a name the scenario is `tafel.yaml` in the folder; otherwise the same report.
        #expect(evaluated.text.replacingOccurrences(of: "/tafel.yaml", with: "/luchthaven.yaml") == viaName.text)

        // The saved file is deterministic and names the rule base, so `akkoord report` needs no --rules.
        let yaml = try String(contentsOf: file, encoding: .utf8)
        #expect(yaml.contains("regelbasis: \""))
        #expect(yaml.contains("  2F.doorgaan: sluiten\n"))
        #expect(yaml.contains("  provincie-cofinanciert-baan: nee\n"))
        let again = try await tafel.send("PUT", "/api/scenarios/luchthaven?overschrijven=ja", body: Self.airport)
        #expect(again.status == 200)
        #expect(try String(contentsOf: file, encoding: .utf8) == yaml)
        await tafel.stop()
    }

    @Test("GET /api/regelbasis lists opgaven, fiches, decisions with options and the current line, and assumptions")
    func ruleBaseCatalog() async throws {
        let tafel = try await RunningTafel.start()
        let reply = try await tafel.send("GET", "/api/regelbasis")
        await tafel.stop()
        #expect(reply.status == 200)
        let json = reply.json
        let fiches = try #require(json["fiches"] as? [[String: Any]])
        let fiche = try #require(fiches.first { $0["code"] as? String == "2F" })
        let decisions = try #require(fiche["beslissingen"] as? [[String: Any]])
        let doorgaan = try #require(decisions.first { $0["id"] as? String == "2F.doorgaan" })
        let options = try #require(doorgaan["opties"] as? [[String: Any]])
        #expect(options.map { $0["id"] as? String }.contains("sluiten"))
        #expect(options.filter { $0["huidige_lijn"] as? Bool == true }.count == 1)
        let assumptions = try #require(json["aannames"] as? [[String: Any]])
        #expect(assumptions.contains { $0["id"] as? String == "provincie-cofinanciert-baan" && $0["standaard"] is Bool })
        #expect((json["opgaven"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test("Malformed JSON and unknown ids get 400 with a Dutch message naming the field")
    func badInputNamesTheField() async throws {
        let tafel = try await RunningTafel.start()
        let cases: [(body: String, field: String, words: String)] = [
            ("{\"keuzes\": ", "body", "geen geldige JSON"),
            ("[1, 2]", "body", "JSON-object"),
            (#"{"keuzes": {"2F.doorgan": "sluiten"}}"#, "keuzes.2F.doorgan", "onbekende beslissing"),
            (#"{"keuzes": {"2F.doorgaan": "dicht"}}"#, "keuzes.2F.doorgaan", "heeft geen optie"),
            (#"{"aannames": {"provincie-betaalt": true}}"#, "aannames.provincie-betaalt", "onbekende aanname"),
            (#"{"aannames": {"provincie-cofinanciert-baan": "nee"}}"#, "aannames.provincie-cofinanciert-baan", "true of false"),
            (#"{"peildatum": "15 juni"}"#, "peildatum", "datum"),
            (#"{"kuezes": {}}"#, "kuezes", "bedoelde je 'keuzes'"),
            (#"{"naam": "../buiten"}"#, "naam", "zonder map"),
            (#"{"keuzes": {"2F.doorgaan": {"optie": "sluiten", "status": "klaar"}}}"#, "keuzes.2F.doorgaan.status", "onbekende status"),
            (#"{"keuzes": {"2F.doorgaan": {"optie": "dicht"}}}"#, "keuzes.2F.doorgaan.optie", "heeft geen optie"),
            (#"{"keuzes": {"2F.doorgaan": {"opsie": "sluiten"}}}"#, "keuzes.2F.doorgaan.opsie", "bedoelde je 'optie'"),
        ]
        for item in cases {
            let reply = try await tafel.send("POST", "/api/evalueer", body: item.body)
            #expect(reply.status == 400, "\(item.body)")
            #expect(reply.json["veld"] as? String == item.field, "\(item.body): \(reply.text)")
            #expect((reply.json["fout"] as? String)?.contains(item.words) == true, "\(item.body): \(reply.text)")
        }
        await tafel.stop()
    }

    @Test("Bodies over 1 MB get 413, by Content-Length and when streamed without one")
    func largeBodies() async throws {
        let tafel = try await RunningTafel.start()
        let big = "{\"titel\": \"" + String(repeating: "a", count: 1_100_000) + "\"}"
        let declared = try await tafel.send("POST", "/api/evalueer", body: big)
        #expect(declared.status == 413)
        let chunk = String(big.utf8.count, radix: 16)
        let chunked = try await RawHTTP.exchange(
            port: tafel.port,
            Data(
                ("POST /api/evalueer HTTP/1.1\r\nHost: 127.0.0.1:\(tafel.port)\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: application/json\r\n\r\n\(chunk)\r\n\(big)\r\n0\r\n\r\n").utf8))
        #expect(chunked.status == 413)
        #expect((chunked.json["fout"] as? String)?.contains("1 MB") == true)
        await tafel.stop()
    }

    @Test("Every response carries a CSP without external sources, nosniff and frame-ancestors 'none'")
    func securityHeaders() async throws {
        let tafel = try await RunningTafel.start()
        for path in ["/", "/presentatie", "/tafel.js", "/api/regelbasis", "/bestaat-niet"] {
            let reply = try await tafel.send("GET", path)
            let policy = try #require(reply.header("Content-Security-Policy"), "\(path)")
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("http"), "no external source in \(policy)")
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
            #expect(reply.header("X-Frame-Options") == "DENY")
        }
        let page = try await tafel.send("GET", "/")
        #expect(page.status == 200)
        #expect(page.text.contains("<html lang=\"nl\">"))
        #expect(!page.text.contains("http://") && !page.text.contains("https://"), "the page loads nothing from elsewhere")
        #expect(!page.text.contains("<script>"), "no inline script (the CSP forbids it)")
        await tafel.stop()
    }

    @Test("A Host outside the allow-list gets 403 (DNS rebinding); IP literals and localhost pass")
    func hostAllowList() async throws {
        let tafel = try await RunningTafel.start()
        let rebinding = try await tafel.send("GET", "/api/regelbasis", host: "evil.example:\(tafel.port)")
        #expect(rebinding.status == 403)
        #expect(rebinding.json["veld"] as? String == "Host")
        #expect(try await tafel.send("GET", "/api/status", host: "localhost:\(tafel.port)").status == 200)
        #expect(try await tafel.send("GET", "/api/status", host: "127.0.0.1").status == 200)
        await tafel.stop()
    }

    @Test("State-changing requests from a foreign Origin get 403; the page's own origin passes")
    func foreignOrigin() async throws {
        let tafel = try await RunningTafel.start()
        let own = "http://127.0.0.1:\(tafel.port)"
        for (method, path) in [("PUT", "/api/tafel"), ("POST", "/api/evalueer"), ("PUT", "/api/scenarios/x")] {
            let foreign = try await tafel.send(method, path, body: Self.airport, headers: ["Origin": "http://evil.example"])
            #expect(foreign.status == 403, "\(method) \(path)")
            #expect(foreign.json["veld"] as? String == "Origin")
        }
        #expect(!FileManager.default.fileExists(atPath: tafel.scenarios.appendingPathComponent("x.yaml").path))
        let crossSite = try await tafel.send("PUT", "/api/tafel", body: Self.airport, headers: ["Sec-Fetch-Site": "cross-site"])
        #expect(crossSite.status == 403)
        let ownOrigin = try await tafel.send("PUT", "/api/tafel", body: Self.airport, headers: ["Origin": own])
        #expect(ownOrigin.status == 200)
        await tafel.stop()
    }

    @Test("Another host requires the token: 401 without; once in the URL, then an HttpOnly SameSite=Strict cookie")
    func token() async throws {
        let token = "0123456789abcdef0123456789abcdef"
        let tafel = try await RunningTafel.start(host: "0.0.0.0", token: token)
        #expect(try await tafel.send("GET", "/").status == 401)
        #expect(try await tafel.send("GET", "/api/regelbasis").status == 401)
        #expect(try await tafel.send("POST", "/api/evalueer", body: Self.airport).status == 401)
        #expect(try await tafel.send("GET", "/?token=fout").status == 401)
        let wrongCookie = try await tafel.send("GET", "/api/regelbasis", headers: ["Cookie": "akkoord_tafel=\(String(token.reversed()))"])
        #expect(wrongCookie.status == 401)

        let entry = try await tafel.send("GET", "/presentatie?token=\(token)")
        #expect(entry.status == 303)
        #expect(entry.header("Location") == "/presentatie", "the token leaves the address bar")
        let cookie = try #require(entry.header("Set-Cookie"))
        #expect(cookie.hasPrefix("akkoord_tafel=\(token)"))
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        let withCookie = try await tafel.send("GET", "/api/regelbasis", headers: ["Cookie": "akkoord_tafel=\(token)"])
        #expect(withCookie.status == 200)
        let bearer = try await tafel.send("POST", "/api/evalueer", body: Self.airport, headers: ["Authorization": "Bearer \(token)"])
        #expect(bearer.status == 200)
        await tafel.stop()

        // Without a token for another host, one is generated.
        let generated = TafelConfiguration(host: "0.0.0.0", rulesDirectory: "rules", sourcesDirectory: "bronnen", scenariosDirectory: "s")
        #expect(generated.secured().token?.count == 64)
        #expect(TafelConfiguration(rulesDirectory: "rules", sourcesDirectory: "bronnen", scenariosDirectory: "s").secured().token == nil)
    }

    @Test("Scenarios: names cannot leave the folder, links are not followed, nothing is overwritten without confirmation")
    func scenarioFolder() async throws {
        let root = Fixture.temporaryDirectory()
        let folder = root.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outside = root.appendingPathComponent("geheim.yaml")
        try "titel: geheim\npeildatum: 2026-06-15\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.yaml"), withDestinationURL: outside)
        let tafel = try await RunningTafel.start(scenarios: folder)

        for name in ["..%2Fgeheim", "%2E%2E", "a.b", "-x", ".hidden"] {
            let read = try await tafel.send("GET", "/api/scenarios/\(name)")
            #expect([400, 404].contains(read.status), "\(name): \(read.status)")
            let write = try await tafel.send("PUT", "/api/scenarios/\(name)", body: Self.airport)
            #expect([400, 404].contains(write.status), "\(name): \(write.status)")
        }
        #expect(try await tafel.send("GET", "/api/scenarios/link").status == 403)
        #expect(try await tafel.send("PUT", "/api/scenarios/link?overschrijven=ja", body: Self.airport).status == 403)
        #expect(try String(contentsOf: outside, encoding: .utf8).hasPrefix("titel: geheim"))

        #expect(try await tafel.send("PUT", "/api/scenarios/ronde1", body: Self.airport).status == 200)
        let file = folder.appendingPathComponent("ronde1.yaml")
        let first = try String(contentsOf: file, encoding: .utf8)
        let other = #"{"titel": "Anders", "keuzes": {"2F.doorgaan": "verkopen"}}"#
        let refused = try await tafel.send("PUT", "/api/scenarios/ronde1", body: other)
        #expect(refused.status == 409)
        #expect(try String(contentsOf: file, encoding: .utf8) == first)
        #expect(try await tafel.send("PUT", "/api/scenarios/ronde1?overschrijven=ja", body: other).status == 200)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("verkopen"))

        let list = try await tafel.send("GET", "/api/scenarios")
        #expect(list.json["scenarios"] as? [String] == ["ronde1"], "the link is not listed: \(list.text)")
        let opened = try await tafel.send("GET", "/api/scenarios/ronde1")
        #expect(opened.status == 200)
        #expect((opened.json["keuzes"] as? [String: String])?["2F.doorgaan"] == "verkopen")
        #expect(opened.json["titel"] as? String == "Anders")
        await tafel.stop()
    }

    @Test("The presentation view's event stream follows the operator's changes")
    func presentationFollows() async throws {
        let tafel = try await RunningTafel.start()
        let port = tafel.port
        let events = Task { () -> String in
            try await RawHTTP.onThread { () throws -> String in
                let socket = try RawHTTP.connect(port: port)
                defer { close(socket) }
                RawHTTP.write(socket, Data("GET /api/gebeurtenissen HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8))
                var seen = Data()
                var buffer = [UInt8](repeating: 0, count: 4096)
                while !String(decoding: seen, as: UTF8.self).contains("\"revisie\":1") {
                    let count = recv(socket, &buffer, buffer.count, 0)
                    if count <= 0 { break }
                    seen.append(contentsOf: buffer[0..<count])
                }
                return String(decoding: seen, as: UTF8.self)
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let change = try await tafel.send("PUT", "/api/tafel", body: Self.airport)
        #expect(change.status == 200)
        #expect(change.json["revisie"] as? Int == 1)
        let stream = try await events.value
        #expect(stream.contains("text/event-stream"))
        #expect(stream.contains("event: toestand\ndata: {\"revisie\":1}"))
        let table = try await tafel.send("GET", "/api/tafel")
        #expect((table.json["toestand"] as? [String: Any])?["keuzes"] as? [String: String] == ["2F.doorgaan": "sluiten"])
        #expect((table.json["weergave"] as? [String: String])?["wijzigingen"]?.contains(ReportOutlineBuilder.changesTitle) == true)
        // A view that stays connected does not keep the server from stopping.
        let open = Task { () -> Int in
            try await RawHTTP.onThread { () throws -> Int in
                let socket = try RawHTTP.connect(port: port)
                defer { close(socket) }
                RawHTTP.write(socket, Data("GET /api/gebeurtenissen HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8))
                return RawHTTP.readAll(socket).count
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(await tafel.stop(), "the server stops cleanly")
        #expect(try await open.value > 0, "the stream ended when the server stopped")
    }

    @Test("PUT /api/tafel gives the part of the JSON report the page shows: every value equal to POST /api/evalueer's")
    func pageReportIsPartOfReport() async throws {
        let tafel = try await RunningTafel.start()
        let several =
            #"{"keuzes": {"2F.doorgaan": "sluiten", "3G.bijdrage": "intensiveren", "3C.structurele-middelen": "intensiveren", "#
            + #""3H.boegbeeld": {"optie": "boegbeeld", "status": "akkoord"}}, "peildatum": "2027-09-01", "#
            + #""kader": {"max_structureel_nadeel_cent": 0, "max_nadeel_per_jaar_cent": 100000000}}"#
        for body in [Self.airport, several, "{}"] {
            let whole = try await tafel.send("POST", "/api/evalueer", body: body)
            let table = try await tafel.send("PUT", "/api/tafel", body: body)
            #expect(whole.status == 200 && table.status == 200, "\(whole.text) \(table.text)")
            let part = try #require(table.json["rapport"] as? [String: Any])
            #expect(Set(part.keys) == ["scenario", "samenvatting", "keuzes", "geld", "tijdlijn", "meldingen"])
            #expect(Self.isPart(part, of: whole.json), "the page's report differs from the JSON report for \(body)")
            #expect((part["keuzes"] as? [Any])?.count == (whole.json["keuzes"] as? [Any])?.count)
            #expect((part["meldingen"] as? [Any])?.count == (whole.json["meldingen"] as? [Any])?.count)
            let fragments = try #require(table.json["weergave"] as? [String: String])
            #expect(Set(fragments.keys) == ["geldgrafiek", "wijzigingen"])
            #expect(fragments["geldgrafiek"]?.contains("<figure") == true)
            #expect(fragments["wijzigingen"]?.contains(ReportOutlineBuilder.changesTitle) == true)
            #expect(table.text.utf8.count * 4 < whole.text.utf8.count, "the page's answer is a small part of the report")
        }
        #expect(!Self.isPart(["samenvatting": ["fouten": -1]], of: ["samenvatting": ["fouten": 0]]), "the check can fail")
        await tafel.stop()
    }

    @Test("Saving over an opened file keeps its comment block, verwachtingen and risico; the report is akkoord report's")
    func saveKeepsExpectations() async throws {
        let tafel = try await RunningTafel.start()
        let file = tafel.scenarios.appendingPathComponent("ronde.yaml")
        let original = """
            # Ronde 2 aan tafel: vertrouwelijk.

            titel: Ronde 2
            peildatum: 2026-06-15
            keuzes:
              2F.doorgaan: verkopen
            verwachtingen:
              # afgesproken met de fracties
              fouten: 0
            risico:
              vast: [aanbesteding-luchthaven-slaagt]

            """
        try original.write(to: file, atomically: true, encoding: .utf8)
        let opened = try await tafel.send("GET", "/api/scenarios/ronde")
        #expect(opened.status == 200, "\(opened.text)")
        let body = Self.airport.replacingOccurrences(of: "{\"keuzes\"", with: "{\"titel\": \"Ronde 2\", \"keuzes\"")
        #expect(try await tafel.send("PUT", "/api/scenarios/ronde", body: body).status == 409)
        #expect(try String(contentsOf: file, encoding: .utf8) == original, "nothing written without confirmation")
        #expect(try await tafel.send("PUT", "/api/scenarios/ronde?overschrijven=ja", body: body).status == 200)
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.hasPrefix("# Ronde 2 aan tafel: vertrouwelijk.\nregelbasis: "))
        #expect(saved.contains("  2F.doorgaan: sluiten\n"))
        #expect(
            saved.hasSuffix(
                "verwachtingen:\n  # afgesproken met de fracties\n  fouten: 0\nrisico:\n  vast: [aanbesteding-luchthaven-slaagt]\n"))
        let report = try CLI.run(["report", file.path, "--format", "json", "--bronnen", RunningTafel.sources])
        #expect(report.status == 0, "\(report.stderr)")
        let evaluated = try await tafel.send(
            "POST", "/api/evalueer", body: body.replacingOccurrences(of: "{\"titel\"", with: "{\"naam\": \"ronde\", \"titel\""))
        #expect(report.stdout == evaluated.text, "the saved file reports as the page's state does")
        let test = try CLI.run(["test", file.path, "--bronnen", RunningTafel.sources])
        #expect(test.status == 0, "the kept verwachtingen are checked by akkoord test: \(test.stdout) \(test.stderr)")
        await tafel.stop()
    }

    /// True when every key of `part` is in `whole` with an equal value (objects recursively, lists element by element
    /// and of the same length).
    static func isPart(_ part: Any, of whole: Any) -> Bool {
        switch (part, whole) {
        case (let part as [String: Any], let whole as [String: Any]):
            return part.allSatisfy { key, value in whole[key].map { isPart(value, of: $0) } ?? false }
        case (let part as [Any], let whole as [Any]):
            return part.count == whole.count && zip(part, whole).allSatisfy { isPart($0, of: $1) }
        case (let part as NSObject, let whole as NSObject):
            return part.isEqual(whole)
        default:
            return false
        }
    }

    @Test("A broken rule file keeps the last valid rule base and reports its located diagnostics; a repair reloads")
    func reloadKeepsLastValid() async throws {
        let rules = Fixture.temporaryDirectory().appendingPathComponent("rules")
        try FileManager.default.copyItem(at: Fixture.rules, to: rules)
        let tafel = try await RunningTafel.start(rules: rules, reloadInterval: .milliseconds(50))
        let fiche = rules.appendingPathComponent("fiches/2F-technology-base.yaml")
        let original = try String(contentsOf: fiche, encoding: .utf8)
        try (original + "\nkapot: [\n").write(to: fiche, atomically: true, encoding: .utf8)
        var status = try await tafel.send("GET", "/api/status")
        for _ in 0..<100 where (status.json["problemen"] as? [String])?.isEmpty != false {
            try await Task.sleep(for: .milliseconds(50))
            status = try await tafel.send("GET", "/api/status")
        }
        let problems = try #require(status.json["problemen"] as? [String])
        #expect(problems.contains { $0.contains("2F-technology-base.yaml:") && $0.contains("error:") }, "\(problems)")
        let stillWorks = try await tafel.send("POST", "/api/evalueer", body: Self.airport)
        #expect(stillWorks.status == 200, "the last valid rule base stays in use")

        try original.replacingOccurrences(of: "\ntitel: ", with: "\ntitel: Herladen ").write(to: fiche, atomically: true, encoding: .utf8)
        for _ in 0..<100 where (status.json["problemen"] as? [String])?.isEmpty == false {
            try await Task.sleep(for: .milliseconds(50))
            status = try await tafel.send("GET", "/api/status")
        }
        #expect((status.json["problemen"] as? [String]) == [])
        #expect((status.json["generatie"] as? Int ?? 0) >= 2)
        let catalog = try await tafel.send("GET", "/api/regelbasis")
        #expect(catalog.text.contains("\"titel\":\"Herladen "), "the repaired files are in use")
        await tafel.stop()
    }

    @Test("A client that sends one byte at a time does not block others")
    func slowClientDoesNotBlock() async throws {
        let tafel = try await RunningTafel.start()
        let port = tafel.port
        let slow = Thread {
            guard let socket = try? RawHTTP.connect(port: port) else { return }
            for byte in "POST /api/evalueer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n".utf8.prefix(20) {
                RawHTTP.write(socket, Data([byte]))
                Thread.sleep(forTimeInterval: 0.2)
            }
            close(socket)
        }
        slow.start()
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        for _ in 0..<5 { #expect(try await tafel.send("GET", "/api/status").status == 200) }
        #expect(ContinuousClock.now - started < .seconds(3), "others are served while the slow client trickles")
        await tafel.stop()
    }

    @Test("A request must arrive whole in time: a body or a head sent one byte at a time gets its connection closed")
    func tricklingClientIsCut() async throws {
        let tafel = try await RunningTafel.start(requestTimeout: .seconds(1), idleTimeout: .seconds(1))
        let port = tafel.port
        /// Sends `prefix` whole, then `trickle` one byte per 100 ms until the server closes; the bytes it got out.
        func trickle(_ prefix: String, _ trickle: String) async throws -> (sent: Int, seconds: Double, reply: String) {
            try await RawHTTP.onThread { () throws -> (sent: Int, seconds: Double, reply: String) in
                let socket = try RawHTTP.connect(port: port)
                defer { close(socket) }
                RawHTTP.write(socket, Data(prefix.utf8))
                let started = Date()
                var sent = 0
                var closed = false
                for byte in trickle.utf8 {
                    Thread.sleep(forTimeInterval: 0.1)
                    var probe = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                    if poll(&probe, 1, 0) > 0 {
                        closed = true
                        break
                    }
                    if Glibc.send(socket, [byte], 1, Int32(MSG_NOSIGNAL)) != 1 {
                        closed = true
                        break
                    }
                    sent += 1
                }
                let reply = closed ? String(decoding: RawHTTP.readAll(socket), as: UTF8.self) : "(still open)"
                return (sent, Date().timeIntervalSince(started), reply)
            }
        }
        let body = String(repeating: " ", count: 100)
        async let bodyTrickle = trickle(
            "POST /api/evalueer HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
            body)
        async let headTrickle = trickle("GET /api/status HTTP/1.1\r\n", "Host: 127.0.0.1:\(port)\r\nX-Langzaam: " + body)
        // Meanwhile others are served.
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        for _ in 0..<5 { #expect(try await tafel.send("GET", "/api/status").status == 200) }
        #expect(ContinuousClock.now - started < .seconds(3), "others are served while the slow clients trickle")
        for (what, result) in [("body", try await bodyTrickle), ("head", try await headTrickle)] {
            #expect(result.sent < 60, "the \(what) trickle was cut off after \(result.sent) of 100+ bytes")
            #expect(result.seconds < 6, "within the timeout and some slack (\(result.seconds) s)")
            #expect(!result.reply.contains("200 OK"), "no answer to a request that never arrived whole: \(result.reply)")
        }
        // A request that arrives whole in time is answered as always.
        #expect(try await tafel.send("POST", "/api/evalueer", body: Self.airport).status == 200)
        await tafel.stop()
    }

    @Test("Rounds: a choice carries a status and a note; saved in the structured form, opened and reported like any scenario")
    func statusAndNote() async throws {
        let tafel = try await RunningTafel.start()
        let body = #"""
            {"keuzes": {"2F.doorgaan": {"optie": "sluiten", "status": "voorlopig", "notitie": "Na overleg: \"eerst\" de fracties"},
                        "3G.bijdrage": {"status": "geparkeerd"}, "2F.exploitatie": "uitbesteden"}, "peildatum": "2026-06-15"}
            """#
        let saved = try await tafel.send("PUT", "/api/scenarios/ronde2", body: body)
        #expect(saved.status == 200, "\(saved.text)")
        let yaml = try String(contentsOf: tafel.scenarios.appendingPathComponent("ronde2.yaml"), encoding: .utf8)
        #expect(
            yaml.contains(#"  2F.doorgaan: {optie: sluiten, status: voorlopig, notitie: "Na overleg: \"eerst\" de fracties"}"#), "\(yaml)")
        #expect(yaml.contains("  2F.exploitatie: uitbesteden\n"))
        #expect(yaml.contains("  3G.bijdrage: {status: geparkeerd}\n"))
        let opened = try await tafel.send("GET", "/api/scenarios/ronde2")
        let choices = try #require(opened.json["keuzes"] as? [String: Any])
        #expect(choices["2F.exploitatie"] as? String == "uitbesteden")
        let airport = try #require(choices["2F.doorgaan"] as? [String: Any])
        #expect(airport["status"] as? String == "voorlopig")
        #expect(airport["notitie"] as? String == "Na overleg: \"eerst\" de fracties")
        #expect((choices["3G.bijdrage"] as? [String: Any])?["optie"] == nil, "a status without an option keeps the current line")
        let report = try CLI.run([
            "report", tafel.scenarios.appendingPathComponent("ronde2.yaml").path, "--format", "json", "--bronnen", RunningTafel.sources,
        ])
        let evaluated = try await tafel.send(
            "POST", "/api/evalueer", body: body.replacingOccurrences(of: "{\"keuzes\"", with: "{\"naam\": \"ronde2\", \"keuzes\""))
        #expect(report.stdout == evaluated.text)
        await tafel.stop()
    }

    @Test("Compare the current state with saved scenarios, as akkoord compare does")
    func compare() async throws {
        let tafel = try await RunningTafel.start()
        #expect(try await tafel.send("PUT", "/api/scenarios/basis", body: "{}").status == 200)
        let reply = try await tafel.send("POST", "/api/vergelijk", body: "{\"toestand\": \(Self.airport), \"namen\": [\"basis\"]}")
        #expect(reply.status == 200, "\(reply.text)")
        let comparison = try #require(reply.json["vergelijking"] as? [String: Any])
        #expect((comparison["scenarios"] as? [Any])?.count == 2)
        #expect((reply.json["weergave"] as? String)?.contains("<table") == true)
        let unknown = try await tafel.send("POST", "/api/vergelijk", body: "{\"toestand\": {}, \"namen\": [\"bestaat-niet\"]}")
        #expect(unknown.status == 404)
        await tafel.stop()
    }
}
