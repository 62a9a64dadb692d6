import Foundation

/// Why an output could not be written, in Dutch, naming the path: `pad: error: kan niet schrijven: geen schrijfrechten`.
/// Refusals (an input, a folder `pack` did not make) carry their own explanation instead.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    /// The path as the user gave it.
    public var path: String
    /// The explanation after `error: `.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// A failed system call: the cause comes from `errno`; `detail` names the file or folder involved when that is
    /// not the path itself (the temporary file, the folder that holds it).
    public init(path: String, errno code: Int32, detail: String? = nil) {
        let cause = Self.cause(errno: code)
        self.init(path: path, message: "kan niet schrijven: " + cause + (detail.map { " (\($0))" } ?? ""))
    }

    public var description: String { "\(path): error: \(message)" }

    /// The Dutch cause for an `errno` value: the general text of ``SystemErrorText``, said the way it reads when
    /// writing for the few causes where that differs.
    public static func cause(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "geen schrijfrechten"
        case ENOENT: "de map bestaat niet"
        default: SystemErrorText.describe(code)
        }
    }
}
