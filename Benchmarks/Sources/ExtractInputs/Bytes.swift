/// Byte-slice helpers for building inputs from real files.
enum Bytes {
    /// Where input preparation failed.
    struct MissingMarker: Error, CustomStringConvertible {
        var marker: String
        var file: String
        var description: String { "'\(marker)' not found in \(file)" }
    }

    /// The index of the first occurrence of `needle` at or after `start`, or nil.
    static func find(_ needle: String, in bytes: [UInt8], from start: Int = 0) -> Int? {
        let n = Array(needle.utf8)
        guard n.count <= bytes.count else { return nil }
        var i = start
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], bytes[i..<i + n.count].elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }

    /// The index of the last occurrence of `needle`, or nil.
    static func findLast(_ needle: String, in bytes: [UInt8]) -> Int? {
        let n = Array(needle.utf8)
        var i = bytes.count - n.count
        while i >= 0 {
            if bytes[i] == n[0], bytes[i..<i + n.count].elementsEqual(n) { return i }
            i -= 1
        }
        return nil
    }

    /// From the first `start` marker to the end of the last `end` marker.
    static func span(_ bytes: [UInt8], from start: String, through end: String, in file: String) throws -> [UInt8] {
        guard let a = find(start, in: bytes) else { throw MissingMarker(marker: start, file: file) }
        guard let b = findLast(end, in: bytes), b >= a else { throw MissingMarker(marker: end, file: file) }
        return Array(bytes[a..<b + end.utf8.count])
    }

    /// What lies after the first `start` marker and before the last `end` marker.
    static func between(_ bytes: [UInt8], after start: String, before end: String, in file: String) throws -> [UInt8] {
        guard let a = find(start, in: bytes) else { throw MissingMarker(marker: start, file: file) }
        guard let b = findLast(end, in: bytes), b >= a + start.utf8.count else { throw MissingMarker(marker: end, file: file) }
        return Array(bytes[(a + start.utf8.count)..<b])
    }

    /// Everything up to and including the first `marker`.
    static func prefix(_ bytes: [UInt8], through marker: String, in file: String) throws -> [UInt8] {
        guard let a = find(marker, in: bytes) else { throw MissingMarker(marker: marker, file: file) }
        return Array(bytes[..<(a + marker.utf8.count)])
    }

    /// `bytes` with `suffix` added at the end of every line that starts with `tag` (given
    /// with its leading newline, e.g. `"\nUT "`).
    static func suffixingLines(_ bytes: [UInt8], tag: String, with suffix: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 100)
        var from = 0
        while let t = find(tag, in: bytes, from: from) {
            var end = t + tag.utf8.count
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            out += bytes[from..<end]
            out += suffix.utf8
            from = end
        }
        out += bytes[from...]
        return out
    }
}
