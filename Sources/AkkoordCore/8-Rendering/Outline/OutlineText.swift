/// A line of text in an ``Outline``: fixed Dutch wording and values from the input, with emphasis by meaning.
/// Written with interpolation: `"Structureel nadeel: \(strong: total)."`; a plain `\(x)` is a value.
public struct OutlineText: Sendable, Hashable, ExpressibleByStringInterpolation {
    public enum Span: Sendable, Hashable {
        /// Wording of the report itself.
        case text(String)
        /// A value from the input (a title, an id, an amount).
        case value(String)
        /// An emphasised value.
        case strong(String)
        /// A chosen option that deviates from the current line.
        case deviation(String)
        /// A message level (`fout`, `waarschuwing`, `info`).
        case level(MessageLevel)
        /// A moment that has passed.
        case lapsed(String)
        /// An explanation that belongs to what precedes it (a decision's question).
        case detail(String)
        /// A secondary figure beside a value (the difference with the first scenario).
        case delta(String)
        /// A quotation from a source document, with where it stands there when that is known.
        case quote(String, source: String?)
    }

    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }

    public init(stringLiteral value: String) { spans = value.isEmpty ? [] : [.text(value)] }

    public init(stringInterpolation: Interpolation) { spans = stringInterpolation.spans }

    public struct Interpolation: StringInterpolationProtocol {
        var spans: [Span] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { spans.append(.text(literal)) } }
        public mutating func appendInterpolation(_ value: String) { spans.append(.value(value)) }
        public mutating func appendInterpolation(_ text: OutlineText) { spans += text.spans }
        public mutating func appendInterpolation(text: String) { spans.append(.text(text)) }
        public mutating func appendInterpolation(strong value: String) { spans.append(.strong(value)) }
        public mutating func appendInterpolation(deviation value: String) { spans.append(.deviation(value)) }
        public mutating func appendInterpolation(level: MessageLevel) { spans.append(.level(level)) }
        public mutating func appendInterpolation(lapsed value: String) { spans.append(.lapsed(value)) }
        public mutating func appendInterpolation(detail value: String) { spans.append(.detail(value)) }
        public mutating func appendInterpolation(delta value: String) { spans.append(.delta(value)) }
        public mutating func appendInterpolation(quote value: String, source: String?) { spans.append(.quote(value, source: source)) }
    }

    /// The words without markup, for a page title.
    public var plain: String {
        spans.map { span in
            switch span {
            case .text(let text), .value(let text), .strong(let text), .deviation(let text), .lapsed(let text): text
            case .level(let level): level.rawValue
            case .detail(let text): ": " + text
            case .delta(let text): " (\(text))"
            case .quote(let text, let source): " “\(text)”" + (source.map { " (\($0))" } ?? "")
            }
        }.joined()
    }

    /// Values joined by fixed wording, e.g. names separated by ", ".
    static func joined(_ values: [String], separator: String) -> OutlineText {
        OutlineText(values.enumerated().flatMap { index, value in index == 0 ? [Span.value(value)] : [.text(separator), .value(value)] })
    }
}
