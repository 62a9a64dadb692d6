/// An optional ``ReportText``: a missing value leaves the key out, as the JSON contract has it.
@propertyWrapper
public struct OptionalReportText<Value: ReportTextConvertible>: Sendable, Hashable, Codable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try ReportText<Value>(from: decoder).wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue { try container.encode(value.reportText) } else { try container.encodeNil() }
    }
}

extension KeyedEncodingContainer {
    /// Leaves the key out for a missing value, like a plain optional property.
    public mutating func encode<Value>(_ value: OptionalReportText<Value>, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue.map(ReportText.init(wrappedValue:)), forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// A missing key is a missing value, like a plain optional property.
    public func decode<Value>(_ type: OptionalReportText<Value>.Type, forKey key: Key) throws -> OptionalReportText<Value> {
        OptionalReportText(wrappedValue: try decodeIfPresent(ReportText<Value>.self, forKey: key)?.wrappedValue)
    }
}
