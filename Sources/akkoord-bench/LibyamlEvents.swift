import CYaml
import Foundation

/// The floor for any loader built on libyaml: pulling every event out of the parser, building nothing.
enum LibyamlEvents {
    /// Parses every file to the end of its stream on one thread; returns the number of events seen.
    static func count(_ files: [Data]) -> Int {
        var events = 0
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        for data in files where !data.isEmpty {
            guard yaml_parser_initialize(parser) == 1 else { continue }
            data.withUnsafeBytes { raw in
                yaml_parser_set_input_string(parser, raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
                var event = yaml_event_t()
                while yaml_parser_parse(parser, &event) == 1 {
                    events += 1
                    let done = event.type == YAML_STREAM_END_EVENT
                    yaml_event_delete(&event)
                    if done { break }
                }
            }
            yaml_parser_delete(parser)
        }
        return events
    }
}
