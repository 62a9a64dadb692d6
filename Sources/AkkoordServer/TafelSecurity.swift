import AkkoordCore
import Foundation
import HTTPTypes
import Hummingbird

/// A refusal with a Dutch message; `field` names the part of the request that is wrong, if one is.
struct TafelError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var field: String?
    /// Located diagnostics behind the refusal (a scenario file that does not load).
    var diagnostics: [String] = []

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, diagnostics: [String] = []) {
        self.status = status
        self.message = message
        self.field = field
        self.diagnostics = diagnostics
    }

    static func badInput(_ field: String, _ message: String) -> TafelError {
        TafelError(.badRequest, "\(field): \(message)", field: field)
    }

    struct Body: Encodable {
        var fout: String
        var veld: String?
        var meldingen: [String]?
    }

    var response: Response {
        TafelResponse.json(
            JSONRenderer().render(encodable: Body(fout: message, veld: field, meldingen: diagnostics.isEmpty ? nil : diagnostics)),
            status: status)
    }
}

/// Response helpers.
enum TafelResponse {
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, contentType: "application/json; charset=utf-8", status: status)
    }

    static func body(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Secure by default: every request passes the Host allow-list (against DNS rebinding) and, when a token is set, the
/// token check; state-changing requests from a foreign `Origin` are refused; bodies over 1 MB get 413; every response
/// carries a Content-Security-Policy without external sources, `nosniff` and `frame-ancestors 'none'`.
struct TafelSecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let configuration: TafelConfiguration

    static var cookieName: String { "akkoord_tafel" }

    static var securityHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        return headers
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await checked(request, context: context, next: next)
        } catch let error as TafelError {
            response = error.response
        } catch let error as HTTPResponseError {
            response = TafelError(error.status, Self.dutch(error.status)).response
        } catch {
            response = TafelError(.internalServerError, "interne fout: \(error)").response
        }
        for field in Self.securityHeaders { response.headers[field.name] = field.value }
        return response
    }

    private func checked(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] ?? ""
        guard isAllowed(host: host) else {
            throw TafelError(
                .forbidden,
                "onbekende host \(InputText.quoted(host)): deze server antwoordt alleen op zijn eigen adres "
                    + "(tegen DNS-rebinding; meer namen toestaan met --sta-host-toe NAAM)", field: "Host")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > TafelConfiguration.maxBodyBytes {
            throw TafelError(.contentTooLarge, "het verzoek is groter dan 1 MB (\(length) bytes)")
        }
        if let token = configuration.token {
            if let given = request.uri.queryParameters.get("token"), request.method == .get {
                guard Self.same(given, token) else { throw TafelError(.unauthorized, "onjuist toegangstoken") }
                // The token travels once in the URL; from here on it is an HttpOnly, SameSite=Strict cookie.
                var response = Response(status: .seeOther)
                response.headers[.location] = request.uri.path
                response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
                return response
            }
            let cookie = request.cookies[Self.cookieName]?.value
            let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
            guard let presented = cookie ?? bearer, Self.same(presented, token) else {
                throw TafelError(
                    .unauthorized, "toegangstoken ontbreekt: open de pagina via het adres met ?token=… dat 'akkoord serve' toonde")
            }
        }
        if ![.get, .head, .options].contains(request.method) {
            if let origin = request.headers[HTTPField.Name("Origin")!], origin != "http://\(host)" {
                throw TafelError(.forbidden, "verzoek van een andere herkomst (\(InputText.quoted(origin))) geweigerd", field: "Origin")
            }
            if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" {
                throw TafelError(.forbidden, "verzoek van een andere site geweigerd", field: "Sec-Fetch-Site")
            }
        }
        return try await next(request, context)
    }

    /// The allow-list: the bound address, loopback names, IP literals (a rebinding page has a name, never an IP) and
    /// the names given with `--sta-host-toe`.
    func isAllowed(host: String) -> Bool {
        let lowered = host.lowercased()
        var name = lowered
        if lowered.hasPrefix("[") {
            if let end = lowered.firstIndex(of: "]") { name = String(lowered[...end]) }
        } else if let colon = lowered.lastIndex(of: ":") {
            name = String(lowered[..<colon])
        }
        if name.isEmpty { return false }
        if configuration.hostNames.contains(name) { return true }
        if name.hasPrefix("[") { return name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in Int(part).map { (0...255).contains($0) } == true && part.count <= 3 }
    }

    /// Constant-time comparison.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    static func dutch(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "niet gevonden"
        case 405: "deze methode kan hier niet"
        case 413: "het verzoek is groter dan 1 MB"
        default: "verzoek geweigerd (\(status.code))"
        }
    }
}
