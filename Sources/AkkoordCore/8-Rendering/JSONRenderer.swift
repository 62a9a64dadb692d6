import Foundation

/// Renders a report as JSON with sorted keys and snake_case names, so output is byte-identical for equal inputs.
public struct JSONRenderer: Sendable {
    public init() {}

    public func render(_ report: ConsequenceReport) -> String {
        render(encodable: report)
    }

    /// Renders any Codable value with the same settings.
    public func render(encodable value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding these plain value types cannot fail; a failure would be a programming error.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
