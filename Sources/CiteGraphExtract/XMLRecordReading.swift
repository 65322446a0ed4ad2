import CiteGraphCore
import Foundation

/// What the XML record readers share: error handling around a streaming read, and small
/// field parsers.
enum XMLRecordReading {
    /// Runs `body`, which streams through `file` appending to a result. An XML error (a
    /// truncated or malformed file) met after at least one record was read becomes a reject
    /// naming the line, and the records before it are kept; met before any, it is thrown.
    /// - Throws: `ExtractError` naming the file and line.
    static func run(
        _ file: RecordFile, format: RecordFormat, _ body: (XMLStreamReader, inout ExtractResult) throws -> Void
    ) throws -> ExtractResult {
        var result = ExtractResult(format: format)
        do {
            try XMLStreamReader.read(file) { reader in try body(reader, &result) }
        } catch let error as ExtractError {
            guard case .malformed(_, let line, let field, let reason) = error, !(result.records.isEmpty && result.rejects.isEmpty)
            else { throw error }
            result.rejects.append(
                RejectedRecord(file: file.path, line: line, field: field, reason: "\(reason) (reading stopped here; the records before were read)"))
        }
        return result
    }

    /// The first run of exactly four digits in `text` that is a plausible year (1000–2999):
    /// "2018", "1998 Dec-1999 Jan", "Mon, 2 Apr 2007 19:18:42 GMT".
    static func year(in text: String) -> Int? {
        var digits = 0
        var value = 0
        for byte in Array(text.utf8) + [0x20] {
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
        return nil
    }

    /// A DOI inside a link or text ("https://doi.org/10.1/x", "doi:10.1/x"), normalised.
    static func doi(in text: String) -> String? {
        guard let range = Self.range(of: "10.", in: text) else { return nil }
        let value = String(text[range.lowerBound...]).trimmingWhitespace()
        guard Self.range(of: "/", in: value) != nil, Self.range(of: " ", in: value) == nil else { return nil }
        return WorkID(kind: .doi, value: value).value
    }

    /// Foundation's `text.range(of: needle)`, found on the UTF-8 bytes when `text` and
    /// `needle` are ASCII (where the two searches agree), which is much faster.
    static func range(of needle: String, in text: String) -> Range<String.Index>? {
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
