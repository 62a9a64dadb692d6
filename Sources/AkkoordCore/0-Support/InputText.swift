/// Text from the input, made safe to show in a message: control characters escaped, long values shortened.
///
/// Every message that echoes a value from a file (an id, a key, a path) goes through here, so a file cannot put
/// terminal escape sequences or megabytes of text into a diagnostic.
public enum InputText {
    /// The most characters of a value shown in a message.
    public static let shownCharacters = 80

    /// The value with control characters written as `\n`, `\t` or `\u{1B}`.
    public static func escaped(_ value: some StringProtocol) -> String {
        guard value.unicodeScalars.contains(where: isControl) else { return String(value) }
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar): result += escapedControl(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The value between single quotes, escaped, and cut after ``shownCharacters`` characters with the full length.
    public static func quoted(_ value: some CustomStringConvertible) -> String {
        let text = value.description
        var shown = Substring(text)
        var suffix = ""
        if text.utf8.count > shownCharacters, text.count > shownCharacters {
            shown = text.prefix(shownCharacters)
            suffix = "… (\(text.count) tekens)"
        }
        return "'\(escaped(shown))'\(suffix)"
    }

    /// One control character as `\u{1B}` (at least two hexadecimal digits).
    public static func escapedControl(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + (digits.count < 2 ? "0" + digits : digits) + "}"
    }

    /// C0 and C1 control characters and DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
