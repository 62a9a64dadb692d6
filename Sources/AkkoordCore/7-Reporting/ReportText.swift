/// A typed value of the report that the JSON contract (docs/report-json.md) writes as text: an origin as
/// `"optie 1A.zwembad.sluiten"`, a place as `"regels/1A.yaml:12:9"` (references code themselves as dotted text). The report keeps the
/// value; only its coding turns it into text and back, so the JSON stays byte-identical.
@propertyWrapper
public struct ReportText<Value: ReportTextConvertible>: Sendable, Hashable, Codable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Value(reportText: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "onleesbare waarde: \(InputText.escaped(text))")
        }
        wrappedValue = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.reportText)
    }
}
