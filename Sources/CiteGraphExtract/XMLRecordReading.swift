import CiteGraphCore
import Foundation

/// What the XML record readers share: error handling around a streaming read, and small
/// field parsers.
enum XMLRecordReading {
    /// Where an XML reader reads from: a file in memory, or a file streamed block by block.
    enum Source {
        /// The bytes of a file read whole.
        case whole(RecordFile)
        /// The file at `path`, read in blocks, named `displayName` in records and messages.
        case streamed(path: String, displayName: String)

        /// The name of the file in records and messages.
        var name: String {
            switch self {
            case .whole(let file): return file.path
            case .streamed(_, let displayName): return displayName
            }
        }
    }

    /// Runs `body`, which streams through `source` appending to `sink`; `attributesOf` names
    /// the elements whose attributes `body` reads (see `XMLStreamReader.read`). An XML error (a
    /// truncated or malformed file) met after at least one record was read becomes a reject
    /// naming the line, and the records before it are kept; met before any, it is thrown.
    /// - Throws: `ExtractError` naming the file and line, or what the sink throws.
    static func run(
        _ source: Source, into sink: RecordSink, attributesOf: Set<String>? = nil, _ body: (XMLStreamReader) throws -> Void
    ) throws {
        do {
            switch source {
            case .whole(let file):
                try XMLStreamReader.read(file, attributesOf: attributesOf, body)
            case .streamed(let path, let displayName):
                try XMLStreamReader.read(streaming: path, displayName: displayName, attributesOf: attributesOf, body)
            }
        } catch let error as ExtractError {
            guard case .malformed(_, let line, let field, let reason) = error, !sink.isEmpty else { throw error }
            try sink.append(
                reject: RejectedRecord(
                    file: source.name, line: line, field: field, reason: "\(reason) (reading stopped here; the records before were read)"))
        }
    }

    /// Reads `file` whole with `read` into one result.
    static func readWhole(_ file: RecordFile, format: RecordFormat, _ read: (Source, RecordSink) throws -> Void) throws -> ExtractResult {
        try RecordSink.collect(format: format) { sink in try read(.whole(file), sink) }
    }

    /// The first run of exactly four digits in `text` that is a plausible year (1000–2999):
    /// "2018", "1998 Dec-1999 Jan", "Mon, 2 Apr 2007 19:18:42 GMT".
    static func year(in text: String) -> Int? {
        var text = text
        return text.withUTF8(year(utf8:))
    }

    /// `year(in:)` of the text whose UTF-8 bytes are `bytes`.
    static func year(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = 0
        var value = 0
        for byte in bytes {
            if (0x30...0x39).contains(byte) {
                digits += 1
                // Only runs of exactly four digits count: stop accumulating past five, so a
                // long digit run cannot overflow.
                if digits <= 5 { value = value * 10 + Int(byte - 0x30) }
            } else {
                if digits == 4, (1000...2999).contains(value) { return value }
                digits = 0
                value = 0
            }
        }
        return digits == 4 && (1000...2999).contains(value) ? value : nil
    }

    /// A DOI inside a link or text ("https://doi.org/10.1/x", "doi:10.1/x"), normalised.
    static func doi(in text: String) -> String? {
        doiID(in: text)?.value
    }

    /// `doi(in:)` as a work id: the DOI normalised once (normalising it again, as
    /// `WorkID(kind: .doi, value: doi(in: text))` does, changes nothing: it starts with "10.").
    static func doiID(in text: String) -> WorkID? {
        var text = text
        if let id = text.withUTF8({ XMLInput.isASCII($0) ? .some(doiID(inASCII: $0)) : nil }) { return id }
        guard let range = Self.range(of: "10.", in: text) else { return nil }
        let value = String(text[range.lowerBound...]).trimmingWhitespace()
        guard Self.range(of: "/", in: value) != nil, Self.range(of: " ", in: value) == nil else { return nil }
        return WorkID(kind: .doi, value: value)
    }

    /// `doiID(in:)` of ASCII text, on its bytes: one `String` (the DOI's) made.
    static func doiID(inASCII bytes: UnsafeBufferPointer<UInt8>) -> WorkID? {
        guard let start = firstOffset(of: "10.", inASCII: bytes) else { return nil }
        // Trailing white space trimmed (there is no leading: the DOI starts at "10.").
        var end = bytes.count
        while end > start, bytes[end - 1] == 0x20 || (0x09...0x0D).contains(bytes[end - 1]) { end -= 1 }
        let value = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard value.contains(UInt8(ascii: "/")), !value.contains(UInt8(ascii: " ")) else { return nil }
        return WorkID(kind: .doi, value: String(decoding: value, as: UTF8.self))
    }

    /// The byte offset of the ASCII `needle` in the ASCII `bytes`, nil when absent.
    static func firstOffset(of needle: StaticString, inASCII bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        firstOffset(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: bytes)
    }

    /// Foundation's `text.range(of: needle)`, found on the UTF-8 bytes when `text` and
    /// `needle` are ASCII (where the two searches agree), which is much faster.
    static func range(of needle: String, in text: String) -> Range<String.Index>? {
        let found: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            needle.utf8.withContiguousStorageIfAvailable { pattern in asciiOffset(of: pattern, in: bytes) } ?? nil
        }
        switch found {
        case .some(.some(let offset)) where offset >= 0:
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            return start..<text.utf8.index(start, offsetBy: needle.utf8.count)
        case .some(.some):
            return nil
        case .some(.none):
            return text.range(of: needle)
        case .none:
            return searchingUTF8View(of: needle, in: text)
        }
    }

    /// The byte offset of `pattern` in `bytes`, -1 when absent; nil when either is not
    /// ASCII or `pattern` is empty (for Foundation's search to decide).
    private static func asciiOffset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !pattern.isEmpty, XMLInput.isASCII(pattern), XMLInput.isASCII(bytes) else { return nil }
        return firstOffset(of: pattern, in: bytes) ?? -1
    }

    /// The byte offset of the first occurrence of the non-empty `pattern` in `bytes`, nil when
    /// absent.
    private static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var i = 0
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// `range(of:in:)` through the strings' UTF-8 views, for strings without contiguous
    /// UTF-8 storage.
    private static func searchingUTF8View(of needle: String, in text: String) -> Range<String.Index>? {
        let bytes = text.utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, !bytes.contains(where: { $0 >= 0x80 }), !pattern.contains(where: { $0 >= 0x80 }) else {
            return text.range(of: needle)
        }
        var start = bytes.startIndex
        while let candidate = bytes[start...].firstIndex(of: first) {
            guard let end = bytes.index(candidate, offsetBy: pattern.count, limitedBy: bytes.endIndex) else { return nil }
            if bytes[candidate..<end].elementsEqual(pattern) { return candidate..<end }
            start = bytes.index(after: candidate)
        }
        return nil
    }

    /// Appends `id` unless an equal one is there.
    static func add(_ id: WorkID, to ids: inout [WorkID]) {
        if !id.value.isEmpty, !ids.contains(id) { ids.append(id) }
    }
}
