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

    /// The Dutch cause for an `errno` value.
    public static func cause(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "geen schrijfrechten"
        case ENOENT: "de map bestaat niet"
        case ENOTDIR: "een deel van het pad is geen map"
        case EISDIR: "is een map"
        case ENOSPC: "de schijf is vol"
        case EDQUOT: "de schijfruimte (quota) is op"
        case EROFS: "het bestandssysteem is alleen-lezen"
        case ENAMETOOLONG: "de naam is te lang"
        case ELOOP: "te veel symbolische koppelingen na elkaar"
        case EIO: "invoer-/uitvoerfout van het apparaat"
        case EFBIG: "het bestand wordt te groot"
        case EMFILE, ENFILE: "te veel open bestanden"
        case ETXTBSY: "het bestand is in gebruik"
        case EBUSY: "het bestand of apparaat is bezet"
        case ENXIO: "er is niemand die leest (apparaat, FIFO of socket zonder lezer)"
        case EPIPE: "de lezer is gestopt"
        case EEXIST: "er bestaat al iets met die naam"
        case ENOTEMPTY: "de map is niet leeg"
        case EXDEV: "tijdelijk bestand en doel liggen op verschillende bestandssystemen"
        default: SystemErrorText.describe(code)
        }
    }
}
