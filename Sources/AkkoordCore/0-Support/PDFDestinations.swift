import Foundation

/// The page each named destination of a PDF points to, read from the document catalog's `/Dests` dictionary and the
/// page tree. Chromium writes one named destination per element id that an internal link points to, uncompressed
/// (`/Dests 14 0 R` → `<</s2 [8 0 R /XYZ 6 776.25 0]>>`), which is how `pack --pdf` learns on which page each entry of
/// the contents starts without a second tool. Handles only that plain form (no object streams, no `/Names` tree);
/// anything else yields an empty result, never a wrong one.
public enum PDFDestinations {
    /// Destination name → page number (1-based). Empty when the PDF has no plain `/Dests` dictionary.
    public static func pages(in pdf: [UInt8]) -> [String: Int] {
        let objects = Self.objects(pdf)
        guard let catalog = objects.values.first(where: { hasType("Catalog", $0) }),
            let pagesRoot = reference(after: "/Pages", in: catalog),
            let destsRef = reference(after: "/Dests", in: catalog),
            let dests = objects[destsRef]
        else { return [:] }
        // Page object number → page number, in the order of the page tree.
        var order: [Int: Int] = [:]
        var stack = [pagesRoot]
        var visited = Set<Int>()
        var pageObjects: [Int] = []
        // Depth-first, children in order: a stack of nodes still to visit, last child pushed first.
        while let node = stack.popLast() {
            guard visited.insert(node).inserted, let body = objects[node] else { continue }
            if hasType("Pages", body) {
                stack += references(inArrayAfter: "/Kids", in: body).reversed()
            } else if hasType("Page", body) {
                pageObjects.append(node)
            }
        }
        for (index, object) in pageObjects.enumerated() { order[object] = index + 1 }
        var result: [String: Int] = [:]
        // Entries: `/name [N 0 R /XYZ ...]`.
        var index = dests.startIndex
        let bytes = dests
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "/") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.endIndex, !isDelimiter(bytes[end]) { end += 1 }
            let name = decodeName(bytes[(index + 1)..<end])
            var cursor = end
            while cursor < bytes.endIndex, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "[") else {
                index = end
                continue
            }
            let close = bytes[cursor...].firstIndex(of: UInt8(ascii: "]")) ?? bytes.endIndex
            if let object = firstReference(bytes[(cursor + 1)..<close]), let page = order[object] { result[name] = page }
            index = close
        }
        return result
    }

    /// Every `N 0 obj … endobj` body by object number; stream data is skipped, so bytes inside a compressed stream
    /// are never taken for an object.
    private static func objects(_ pdf: [UInt8]) -> [Int: ArraySlice<UInt8>] {
        var objects: [Int: ArraySlice<UInt8>] = [:]
        let marker = Array(" 0 obj".utf8)
        let streamStart = Array("stream".utf8)
        let streamEnd = Array("endstream".utf8)
        let end = Array("endobj".utf8)
        var index = 0
        while let found = find(marker, in: pdf, from: index, to: pdf.count) {
            var start = found
            while start > 0, isDigit(pdf[start - 1]) { start -= 1 }
            let bodyStart = found + marker.count
            guard start < found, start == 0 || !isRegular(pdf[start - 1]),
                let number = Int(String(decoding: pdf[start..<found], as: UTF8.self)),
                var bodyEnd = find(end, in: pdf, from: bodyStart, to: pdf.count)
            else {
                index = bodyStart
                continue
            }
            if let stream = find(streamStart, in: pdf, from: bodyStart, to: bodyEnd) {
                // The dictionary before the data; the object ends after `endstream`.
                guard let dataEnd = find(streamEnd, in: pdf, from: stream + streamStart.count, to: pdf.count),
                    let after = find(end, in: pdf, from: dataEnd, to: pdf.count)
                else { break }
                objects[number] = pdf[bodyStart..<stream]
                bodyEnd = after
            } else {
                objects[number] = pdf[bodyStart..<bodyEnd]
            }
            index = bodyEnd + end.count
        }
        return objects
    }

    private static func hasType(_ type: String, _ body: ArraySlice<UInt8>) -> Bool {
        let needle = Array("/Type".utf8)
        var from = body.startIndex
        while let found = find(needle, in: body, from: from) {
            var cursor = found + needle.count
            while cursor < body.endIndex, isSpace(body[cursor]) { cursor += 1 }
            let name = Array(("/" + type).utf8)
            if cursor + name.count <= body.endIndex, Array(body[cursor..<(cursor + name.count)]) == name,
                cursor + name.count == body.endIndex || isDelimiter(body[cursor + name.count])
            {
                return true
            }
            from = found + needle.count
        }
        return false
    }

    /// The object number of `key N 0 R` in a dictionary.
    private static func reference(after key: String, in body: ArraySlice<UInt8>) -> Int? {
        let needle = Array(key.utf8)
        var from = body.startIndex
        while let found = find(needle, in: body, from: from) {
            let after = found + needle.count
            if after < body.endIndex, isDelimiter(body[after]) {
                return firstReference(body[after...])
            }
            from = after
        }
        return nil
    }

    /// The object numbers in the array after `key`: `/Kids [2 0 R 8 0 R]`.
    private static func references(inArrayAfter key: String, in body: ArraySlice<UInt8>) -> [Int] {
        guard let found = find(Array(key.utf8), in: body, from: body.startIndex),
            let open = body[found...].firstIndex(of: UInt8(ascii: "[")),
            let close = body[open...].firstIndex(of: UInt8(ascii: "]"))
        else { return [] }
        let words = String(decoding: body[(open + 1)..<close], as: UTF8.self).split(whereSeparator: {
            $0 == " " || $0 == "\n" || $0 == "\r"
        })
        var result: [Int] = []
        var index = 0
        while index + 2 < words.count {
            if words[index + 2] == "R", let number = Int(words[index]) {
                result.append(number)
                index += 3
            } else {
                index += 1
            }
        }
        return result
    }

    /// The first `N G R` in the bytes (skipping white space before it).
    private static func firstReference(_ bytes: ArraySlice<UInt8>) -> Int? {
        let words = String(decoding: bytes.prefix(64), as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
        guard words.count >= 3, words[2].hasPrefix("R"), let number = Int(words[0]), Int(words[1]) != nil else { return nil }
        return number
    }

    /// A PDF name without its slash: `#xx` escapes decoded.
    private static func decodeName(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "#"), index + 2 < bytes.endIndex,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first offset of `needle` in `haystack[from..<to]`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, from >= 0, to <= haystack.count, to - from >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            needle.withUnsafeBufferPointer { pin -> Int? in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return nil }
                var position = from
                let last = to - pin.count
                while position <= last {
                    guard let hit = memchr(base + position, Int32(pin[0]), last - position + 1) else { return nil }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, pinBase, pin.count) == 0 { return offset }
                    position = offset + 1
                }
                return nil
            }
        }
    }

    private static func find(_ needle: [UInt8], in slice: ArraySlice<UInt8>, from: Int) -> Int? {
        find(needle, in: Array(slice), from: from - slice.startIndex, to: slice.count).map { $0 + slice.startIndex }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00].contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isDelimiter(_ byte: UInt8) -> Bool { isSpace(byte) || Array("()<>[]{}/%".utf8).contains(byte) }
    private static func isRegular(_ byte: UInt8) -> Bool { !isDelimiter(byte) }
}
