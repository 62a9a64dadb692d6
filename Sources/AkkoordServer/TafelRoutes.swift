import AkkoordCore
import Foundation
import HTTPTypes
import Hummingbird

/// The endpoints (docs/serve.md lists them).
struct TafelRoutes: Sendable {
    let server: TafelServer

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: TafelSecurityMiddleware(configuration: server.configuration))
        router.get("/") { _, _ in TafelResponse.body(TafelPage.html(presentation: false), contentType: "text/html; charset=utf-8") }
        router.get("/presentatie") { _, _ in
            TafelResponse.body(TafelPage.html(presentation: true), contentType: "text/html; charset=utf-8")
        }
        router.get("/tafel.css") { _, _ in TafelResponse.body(TafelPage.css, contentType: "text/css; charset=utf-8") }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/rapport.css") { _, _ in TafelResponse.body(HTMLReportFragments.stylesheet, contentType: "text/css; charset=utf-8") }
        router.get("/tafel.js") { _, _ in TafelResponse.body(TafelPage.script, contentType: "text/javascript; charset=utf-8") }
        router.get("/api/regelbasis") { _, _ in await TafelResponse.json(server.store.snapshot.catalog) }
        router.get("/api/status") { _, _ in try await status() }
        router.post("/api/evalueer") { request, _ in
            let started = ContinuousClock.now
            let snapshot = await server.store.snapshot
            let draft = try TafelDraft.parse(try await body(request), ruleBase: snapshot.ruleBase)
            let evaluation = try TafelEvaluation(
                draft, folder: server.folder, ruleBase: snapshot.ruleBase, baselines: snapshot.baselines,
                compiled: snapshot.compiled)
            return timed(TafelResponse.json(evaluation.json), since: started)
        }
        router.get("/api/tafel") { _, _ in try await table() }
        router.put("/api/tafel") { request, _ in
            let started = ContinuousClock.now
            let snapshot = await server.store.snapshot
            let data = try await body(request)
            let read = ContinuousClock.now
            let cpu = ThreadCPUClock.now
            let draft = try TafelDraft.parse(data, ruleBase: snapshot.ruleBase)
            let evaluation = try TafelEvaluation(
                draft, folder: server.folder, ruleBase: snapshot.ruleBase, baselines: snapshot.baselines,
                compiled: snapshot.compiled)
            let (report, fragments) = (evaluation.pageJSON, evaluation.fragments)
            let computed = (ContinuousClock.now, ThreadCPUClock.now - cpu)
            // The answer is kept before the presentation views hear of the change, so their GET finds it ready
            // instead of evaluating the same state again beside this request.
            let text = await server.session.set(draft, generation: snapshot.generation) { revision in
                tableJSON(revision: revision, draft: draft, report: report, fragments: fragments)
            }
            return timed(
                TafelResponse.json(text), since: started,
                parts: [("lezen", read - started), ("rekenen", computed.0 - read), ("cpu", computed.1), ("sessie", .now - computed.0)])
        }
        router.get("/api/gebeurtenissen") { _, _ in
            let stream = await server.session.listen()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    for await event in stream { try await writer.write(ByteBuffer(string: event)) }
                    try await writer.finish(nil)
                })
        }
        router.get("/api/scenarios") { _, _ in
            TafelResponse.json(TafelJSON.encode(ScenarioList(map: server.folder.directory, scenarios: server.folder.names())))
        }
        router.get("/api/scenarios/:naam") { _, context in
            let name = try ScenarioFolder.validName(context.parameters.get("naam") ?? "")
            let ruleBase = await server.store.snapshot.ruleBase
            return TafelResponse.json(TafelJSON.encode(try TafelEvaluation.open(name, folder: server.folder, ruleBase: ruleBase)))
        }
        router.put("/api/scenarios/:naam") { request, context in
            let name = try ScenarioFolder.validName(context.parameters.get("naam") ?? "")
            let overwrite = request.uri.queryParameters.get("overschrijven") == "ja"
            let ruleBase = await server.store.snapshot.ruleBase
            var draft = try TafelDraft.parse(try await body(request), ruleBase: ruleBase)
            draft.naam = name
            let evaluation = try TafelEvaluation(draft, folder: server.folder, ruleBase: ruleBase)
            var yaml = evaluation.yaml
            if overwrite, server.folder.names().contains(name), let existing = try? server.folder.read(name) {
                // The file's own comment block, `verwachtingen` and `risico` stay (the page's state does not hold them).
                yaml = try TafelEvaluation.keeping(yaml, from: existing, name: name, folder: server.folder, ruleBase: ruleBase)
            }
            try server.folder.write(yaml, name: name, overwrite: overwrite)
            return TafelResponse.json(TafelJSON.encode(Saved(naam: name, bestand: server.folder.path(name))), status: .ok)
        }
        router.post("/api/vergelijk") { request, _ in try await compare(request) }
        return router
    }

    struct ScenarioList: Encodable {
        var map: String
        var scenarios: [String]
    }

    struct Saved: Encodable {
        var naam: String
        var bestand: String
    }

    /// The body, at most 1 MB (413 beyond).
    func body(_ request: Request) async throws -> Data {
        do {
            var buffer = try await request.body.collect(upTo: TafelConfiguration.maxBodyBytes)
            return buffer.readData(length: buffer.readableBytes) ?? Data()
        } catch {
            throw TafelError(.contentTooLarge, "het verzoek is groter dan 1 MB")
        }
    }

    /// `Server-Timing: evaluatie;dur=<ms>` (the whole time in the server), then `parts` as further metrics.
    func timed(_ response: Response, since started: ContinuousClock.Instant, parts: [(String, Duration)] = []) -> Response {
        var response = response
        func milliseconds(_ duration: Duration) -> String {
            String(format: "%.2f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
        }
        response.headers[HTTPField.Name("Server-Timing")!] = ([("evaluatie", ContinuousClock.now - started)] + parts).map {
            "\($0.0);dur=\(milliseconds($0.1))"
        }.joined(separator: ", ")
        return response
    }

    /// `{"revisie": N, "toestand": {...}, "rapport": <what the page shows of the JSON report>, "weergave": {<section>:
    /// <HTML>}}` (``TafelPageReport``; the whole report is `POST /api/evalueer`).
    func tableJSON(revision: Int, draft: TafelDraft?, evaluation: TafelEvaluation?) -> String {
        tableJSON(revision: revision, draft: draft, report: evaluation?.pageJSON, fragments: evaluation?.fragments)
    }

    func tableJSON(revision: Int, draft: TafelDraft?, report: String?, fragments: String?) -> String {
        "{\"revisie\":\(revision),\"toestand\":\(draft.map { TafelJSON.encode($0) } ?? "null"),"
            + "\"rapport\":\(report ?? "null"),\"weergave\":\(fragments ?? "null")}"
    }

    /// The operator's scenario with its report (what the presentation view shows).
    func table() async throws -> Response {
        let (revision, current) = await server.session.current
        guard let draft = current else {
            return TafelResponse.json(tableJSON(revision: revision, draft: nil, evaluation: nil))
        }
        let snapshot = await server.store.snapshot
        if let text = await server.session.cachedAnswer(generation: snapshot.generation) { return TafelResponse.json(text) }
        let evaluation = try TafelEvaluation(
            draft, folder: server.folder, ruleBase: snapshot.ruleBase, baselines: snapshot.baselines,
            compiled: snapshot.compiled)
        let text = tableJSON(revision: revision, draft: draft, evaluation: evaluation)
        await server.session.remember(revision: revision, generation: snapshot.generation, text: text)
        return TafelResponse.json(text)
    }

    struct Status: Encodable {
        var generatie: Int
        var problemen: [String]
        var revisie: Int
    }

    func status() async throws -> Response {
        TafelResponse.json(
            TafelJSON.encode(
                Status(
                    generatie: await server.store.snapshot.generation, problemen: await server.store.problems,
                    revisie: await server.session.revision)))
    }

    /// `{"toestand": {...}, "namen": [...]}`: the current state beside saved scenarios, as `akkoord compare` gives it
    /// (the current state first, so differences are against it).
    func compare(_ request: Request) async throws -> Response {
        let ruleBase = await server.store.snapshot.ruleBase
        let object = try TafelJSON.object(try await body(request))
        for key in object.keys.sorted() where !["toestand", "namen"].contains(key) {
            throw TafelError.badInput(key, "onbekend veld \(InputText.quoted(key)) (velden: toestand, namen)")
        }
        guard case .object = object["toestand"] ?? .null else { throw TafelError.badInput("toestand", "moet een object zijn") }
        guard case .array(let names) = object["namen"] ?? .null, !names.isEmpty, names.count <= 10 else {
            throw TafelError.badInput("namen", "moet een lijst van 1 tot 10 scenarionamen zijn")
        }
        let draft = try TafelDraft.parse(try JSONEncoder().encode(object["toestand"]!), ruleBase: ruleBase)
        var scenarios: [Scenario] = []
        for (index, value) in names.enumerated() {
            guard case .string(let name) = value else { throw TafelError.badInput("namen[\(index)]", "moet een scenarionaam zijn") }
            scenarios.append(try TafelEvaluation.saved(name, folder: server.folder, ruleBase: ruleBase))
        }
        let current = try TafelEvaluation.scenario(draft, folder: server.folder, ruleBase: ruleBase).1
        do {
            let evaluations = try ([current] + scenarios).map { scenario throws(MoneyOverflow) in
                try Evaluator().evaluate(scenario, in: ruleBase)
            }
            let comparison = try ScenarioComparison(evaluations: evaluations)
            return TafelResponse.json(
                "{\"vergelijking\":\(JSONRenderer().render(encodable: comparison)),\"weergave\":\(TafelJSON.encode(HTMLReportFragments().render(comparison)))}"
            )
        } catch {
            throw TafelError(.unprocessableContent, error.description)
        }
    }
}
