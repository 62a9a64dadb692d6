/// Builds YAML text line by line, the way a person writes a fiche: block style, two-space indentation.
struct YAMLWriter {
    /// The text so far.
    private(set) var text = ""

    /// Appends `content` at `indent` levels of two spaces.
    mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: "  ", count: indent)
        text += content
        text += "\n"
    }

    /// Appends pre-indented lines (relative to `indent`).
    mutating func lines(_ indent: Int, _ contents: [String]) {
        for content in contents { line(indent, content) }
    }

    /// Appends `key: |` followed by `content` wrapped at about 100 characters.
    mutating func block(_ indent: Int, _ key: String, _ content: String) {
        line(indent, "\(key): |")
        var current = ""
        for word in content.split(separator: " ") {
            if !current.isEmpty, current.count + word.count > 100 {
                line(indent + 1, current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { line(indent + 1, current) }
    }

    /// A double-quoted YAML scalar.
    static func quote(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// A block-style list item: the first line gets `- `, the rest are indented to match.
    static func item(_ lines: [String]) -> [String] {
        guard let first = lines.first else { return [] }
        return ["- " + first] + lines.dropFirst().map { "  " + $0 }
    }
}
