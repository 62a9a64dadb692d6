import CYaml

/// Builds a ``YAMLNode`` tree straight from libyaml's event stream.
///
/// This replaces `Yams.compose` for Akkoord's files. It is the same libyaml parser (the copy bundled with Yams), but
/// without Yams' tag objects and resolver, and with Akkoord's own rules applied while the tree grows rather than in
/// a second pass: the node budget and nesting limit (aliases counted as expanded), duplicate keys reported at the
/// second occurrence, one document per file. Measured on 5,000 synthetic fiches this composes in about a quarter of
/// the time `Yams.compose` with the basic resolver needs (see `docs/performance.md`).
struct YAMLComposer {
    /// Why a document could not be composed, with the 1-based position to report.
    struct Failure: Error, Equatable {
        var id: DiagnosticID
        var line: Int
        var column: Int
        var message: String
        /// For errors of libyaml's reader (bad bytes), the byte offset it stopped at.
        var byteOffset: Int?
        /// A related line (the first occurrence of a duplicate key) and what to say there.
        var note: (line: Int, message: String)?

        static func == (lhs: Failure, rhs: Failure) -> Bool {
            (lhs.id, lhs.line, lhs.column, lhs.message, lhs.byteOffset) == (rhs.id, rhs.line, rhs.column, rhs.message, rhs.byteOffset)
                && lhs.note?.line == rhs.note?.line && lhs.note?.message == rhs.note?.message
        }
    }

    let limits: LoadLimits

    /// Composes the single document in `bytes`; `nil` when the stream holds no document (empty or only comments).
    func compose(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> YAMLNode? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw Failure(id: .yamlOutOfMemory, line: 1, column: 1, message: "YAML-lezer kan niet starten: onvoldoende geheugen")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base.assumingMemoryBound(to: UInt8.self), bytes.count)

        var tree = Tree(limits: limits)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw Self.failure(of: parser.pointee) }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return tree.root
            case YAML_DOCUMENT_START_EVENT:
                if tree.root != nil {
                    throw Failure(
                        id: .yamlMultipleDocuments, line: line, column: column,
                        message: "ongeldige YAML: het bestand bevat meer dan één "
                            + "document (een tweede begint met '---' op regel \(line)); zet elk document in een eigen bestand")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let bytes = UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length))
                if let control = Self.firstControlCharacter(in: bytes) {
                    throw Failure(
                        id: .yamlControlCharacter, line: line, column: column,
                        message: "tekst bevat het stuurteken \(control); stuurtekens "
                            + "(ook via een escape zoals \"\\e\" of \"\\0\") zijn niet toegestaan in sleutels en waarden")
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let node = YAMLNode(
                    content: .scalar(text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE),
                    line: line, column: column)
                try tree.add(node, size: 1, height: 0, anchor: Self.name(scalar.anchor))
            case YAML_ALIAS_EVENT:
                let name = Self.name(event.data.alias.anchor) ?? ""
                try tree.addAlias(name, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                try tree.open(isMapping: false, line: line, column: column, anchor: Self.name(event.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT:
                try tree.open(isMapping: true, line: line, column: column, anchor: Self.name(event.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try tree.close()
            default:
                // Stream start, document end and the empty event carry nothing to build.
                break
            }
        }
    }

    /// The first control character in a scalar, written escaped (`\u{1B}`) so a message never carries it: C0 except
    /// tab and line feed (a carriage return only directly before a line feed), DEL, and C1 (U+0080–U+009F). libyaml
    /// refuses most of them as raw bytes, but double-quoted escapes such as `\e`, `\0`, `\x7F` and `\N` produce them.
    static func firstControlCharacter(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var code: UInt32?
            if byte < 0x20 {
                let allowed =
                    byte == 0x09 || byte == 0x0A
                    || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A)
                if !allowed { code = UInt32(byte) }
            } else if byte == 0x7F {
                code = 0x7F
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                // U+0080–U+009F are encoded as C2 80 … C2 9F.
                code = UInt32(bytes[index + 1])
            }
            if let code, let scalar = Unicode.Scalar(code) { return InputText.escapedControl(scalar) }
            index += 1
        }
        return nil
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func failure(of parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "onbekende fout"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return Failure(id: .yamlOutOfMemory, line: 1, column: 1, message: "YAML kan niet gelezen worden: onvoldoende geheugen")
        case YAML_READER_ERROR:
            return Failure(
                id: .yamlEncoding, line: 1, column: 1, message: "ongeldige invoer: \(problem)", byteOffset: parser.problem_offset)
        default:
            var message = "ongeldige YAML: \(problem)"
            if let context = parser.context.map({ String(cString: $0) }) {
                message += " (\(context) op \(parser.context_mark.line + 1):\(parser.context_mark.column + 1))"
            }
            return Failure(
                id: .yamlSyntax, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                message: message)
        }
    }
}

/// The tree under construction: a stack of open collections plus the anchors seen so far.
private struct Tree {
    struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Keys seen so far (text → line), built once a mapping grows past a few keys.
        var keyLines: [String: Int]?
        /// Nodes in this subtree, aliases counted as expanded.
        var size = 1
        /// Levels below this node.
        var height = 0
    }

    struct Anchored {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    let limits: LoadLimits
    var stack: [Frame] = []
    var anchors: [String: Anchored] = [:]
    var nodes = 0
    var root: YAMLNode?

    init(limits: LoadLimits) { self.limits = limits }

    mutating func open(isMapping: Bool, line: Int, column: Int, anchor: String?) throws(YAMLComposer.Failure) {
        try count(1, height: 0, line: line, column: column)
        stack.append(Frame(isMapping: isMapping, line: line, column: column, anchor: anchor))
    }

    mutating func close() throws(YAMLComposer.Failure) {
        let frame = stack.removeLast()
        let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
        try attach(
            YAMLNode(content: content, line: frame.line, column: frame.column), size: frame.size,
            height: frame.height, anchor: frame.anchor)
    }

    mutating func add(_ node: YAMLNode, size: Int, height: Int, anchor: String?) throws(YAMLComposer.Failure) {
        try count(size, height: height, line: node.line, column: node.column)
        try attach(node, size: size, height: height, anchor: anchor)
    }

    mutating func addAlias(_ name: String, line: Int, column: Int) throws(YAMLComposer.Failure) {
        guard let anchored = anchors[name] else {
            throw .init(
                id: .yamlUnknownAlias, line: line, column: column,
                message: "ongeldige YAML: alias '*\(name)' verwijst naar een anker "
                    + "'&\(name)' dat niet eerder (en niet eromheen) in het bestand staat")
        }
        // The alias stands for a copy of the anchored subtree; it is reported at the alias.
        var node = anchored.node
        node.line = line
        node.column = column
        try add(node, size: anchored.size, height: anchored.height, anchor: nil)
    }

    /// Charges `size` nodes reaching `height` levels below the current depth against the limits.
    private mutating func count(_ size: Int, height: Int, line: Int, column: Int) throws(YAMLComposer.Failure) {
        nodes += size
        if nodes > limits.maxNodes {
            throw .init(
                id: .yamlTooLarge, line: line, column: column,
                message: "document is te groot of te diep genest: meer dan "
                    + "\(limits.maxNodes) knopen na het uitklappen van aliassen")
        }
        if stack.count + height > limits.maxDepth {
            throw .init(
                id: .yamlTooLarge, line: line, column: column,
                message: "document is te groot of te diep genest: meer dan "
                    + "\(limits.maxDepth) niveaus")
        }
    }

    /// Hangs a finished node under the open collection (or makes it the root).
    private mutating func attach(_ node: YAMLNode, size: Int, height: Int, anchor: String?) throws(YAMLComposer.Failure) {
        if let anchor { anchors[anchor] = Anchored(node: node, size: size, height: height) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        stack[top].height = max(stack[top].height, height + 1)
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return
        }
        stack[top].pendingKey = nil
        guard let text = key.scalarText else {
            throw .init(
                id: .yamlComplexKey, line: key.line, column: key.column,
                message: "een sleutel moet een eenvoudige tekst zijn, geen lijst of mapping")
        }
        try checkUnique(text, at: key, in: top)
        stack[top].pairs.append(YAMLPair(key: text, keyNode: key, value: node))
    }

    /// Refuses a key the mapping already has, at the second occurrence: that is the one to fix.
    private mutating func checkUnique(_ key: String, at node: YAMLNode, in index: Int) throws(YAMLComposer.Failure) {
        var earlier: Int?
        if let lines = stack[index].keyLines {
            earlier = lines[key]
            stack[index].keyLines![key] = node.line
        } else {
            earlier = stack[index].pairs.first { $0.key == key }?.keyNode.line
            if stack[index].pairs.count >= 16 {
                var lines: [String: Int] = [:]
                for pair in stack[index].pairs { lines[pair.key] = pair.keyNode.line }
                lines[key] = node.line
                stack[index].keyLines = lines
            }
        }
        if let earlier {
            throw .init(
                id: .yamlDuplicateKey, line: node.line, column: node.column, message: "dubbele sleutel \(InputText.quoted(key))",
                note: (earlier, "\(InputText.quoted(key)) staat hier al"))
        }
    }
}
