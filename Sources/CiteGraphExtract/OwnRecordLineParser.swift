import CiteGraphCore
import Foundation

/// Byte-level parser for one line of citegraph's own JSON Lines record format: an object
/// whose keys are among `id`, `doi`, `title`, `abstract`, `authors`, `year`, `venue`,
/// `keywords`, `references`, with string (or null) values, string lists, and an integer year.
///
/// It allocates only the strings of the record (no dictionary of `Any` per line). Anything
/// outside that shape — another key, a nested object, a numeric id, invalid JSON or UTF-8 —
/// returns nil, and the caller reads the line with `JSONSerialization` and `JSONWorkMapper`,
/// which give the same record for the lines this parser accepts.
struct OwnRecordLineParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    private enum Key: Int, CaseIterable {
        case id, doi, title, abstract, authors, year, venue, keywords, references
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The record of `line`, a reject (a year out of range, neither title nor id), or nil
    /// when the line is not in the own format's shape.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, location: SourceLocation) -> Result<PaperRecord, RejectedRecord>? {
        var parser = OwnRecordLineParser(line)
        return parser.record(location: location)
    }

    private mutating func record(location: SourceLocation) -> Result<PaperRecord, RejectedRecord>? {
        var id: String?, doi: String?, title: String?, abstract: String?, venue: String?
        var authors: [String] = [], keywords: [String] = [], references: [String] = []
        var year: Int?
        var seen = 0
        skipSpace()
        guard take(0x7B) else { return nil }  // {
        skipSpace()
        if !take(0x7D) {
            while true {
                skipSpace()
                guard let key = parseKey() else { return nil }
                guard seen & (1 << key.rawValue) == 0 else { return nil }  // a repeated key: leave it to Foundation
                seen |= 1 << key.rawValue
                skipSpace()
                guard take(0x3A) else { return nil }  // :
                skipSpace()
                if takeNull() {
                    // null is the same as a missing field.
                } else {
                    switch key {
                    case .id: guard let s = parseString() else { return nil }; id = s
                    case .doi: guard let s = parseString() else { return nil }; doi = s
                    case .title: guard let s = parseString() else { return nil }; title = s
                    case .abstract: guard let s = parseString() else { return nil }; abstract = s
                    case .venue: guard let s = parseString() else { return nil }; venue = s
                    case .authors: guard let list = parseStringList() else { return nil }; authors = list
                    case .keywords: guard let list = parseStringList() else { return nil }; keywords = list
                    case .references: guard let list = parseStringList() else { return nil }; references = list
                    case .year: guard let n = parseInteger() else { return nil }; year = n
                    }
                }
                skipSpace()
                if take(0x2C) { continue }  // ,
                guard take(0x7D) else { return nil }  // }
                break
            }
        }
        skipSpace()
        guard i == bytes.count else { return nil }
        // The same mapping as JSONWorkMapper.record for these fields (empty strings count as absent).
        var ids: [WorkID] = []
        if let id = id.flatMap(nonEmpty) {
            // (A byte check first: most ids have no "/", and Foundation's `contains` is slow.)
            let isOpenAlex = id.containsASCII(UInt8(ascii: "/")) && id.contains("openalex.org/")
            ids.append(WorkID(kind: isOpenAlex ? .openalex : .local, value: id))
        }
        if let doi = doi.flatMap(nonEmpty) { ids.append(WorkID(kind: .doi, value: doi)) }
        let cleanTitle = JSONWorkMapper.cleanTitle(title.flatMap(nonEmpty) ?? "")
        if cleanTitle.isEmpty && ids.isEmpty {
            return .failure(RejectedRecord(file: location.file, line: location.line, field: "title", reason: "object has neither a title nor an id"))
        }
        if let y = year, !(1000...2999).contains(y) {
            return .failure(RejectedRecord(file: location.file, line: location.line, field: "year", reason: "\(y) is not a year"))
        }
        let cleanAbstract = abstract.flatMap(nonEmpty).map(JSONWorkMapper.cleanAbstract)
        return .success(
            PaperRecord(
                source: location, ids: ids, title: cleanTitle, abstract: cleanAbstract?.isEmpty == true ? nil : cleanAbstract,
                authors: authors, year: year, venue: venue.flatMap(nonEmpty), keywords: keywords, references: references))
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    private mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
            i += 1
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    private mutating func takeNull() -> Bool {
        guard i + 4 <= bytes.count, bytes[i] == 0x6E, bytes[i + 1] == 0x75, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x6C else { return false }
        i += 4
        return true
    }

    private static let keyNames: [[UInt8]] = Key.allCases.map { Array("\($0)".utf8) }

    /// A quoted key without escapes that is one of `Key`.
    private mutating func parseKey() -> Key? {
        guard take(0x22) else { return nil }
        let start = i
        while i < bytes.count, bytes[i] != 0x22 {
            if bytes[i] == 0x5C { return nil }
            i += 1
        }
        guard i < bytes.count else { return nil }
        let name = UnsafeBufferPointer(rebasing: bytes[start..<i])
        i += 1
        // The candidate by length and first letter, then one comparison of the bytes.
        let candidate: Key?
        switch (name.count, name.first ?? 0) {
        case (2, UInt8(ascii: "i")): candidate = .id
        case (3, UInt8(ascii: "d")): candidate = .doi
        case (4, UInt8(ascii: "y")): candidate = .year
        case (5, UInt8(ascii: "t")): candidate = .title
        case (5, UInt8(ascii: "v")): candidate = .venue
        case (7, UInt8(ascii: "a")): candidate = .authors
        case (8, UInt8(ascii: "a")): candidate = .abstract
        case (8, UInt8(ascii: "k")): candidate = .keywords
        case (10, UInt8(ascii: "r")): candidate = .references
        default: candidate = nil
        }
        guard let candidate else { return nil }
        let expected = OwnRecordLineParser.keyNames[candidate.rawValue]
        return expected.withUnsafeBufferPointer { memcmp($0.baseAddress!, name.baseAddress!, name.count) == 0 } ? candidate : nil
    }

    /// A JSON string, unescaped; nil for invalid escapes, control characters or UTF-8.
    private mutating func parseString() -> String? {
        guard take(0x22) else { return nil }
        let start = i
        var allBits: UInt8 = 0
        // Eight bytes at a time while none is a quote, a backslash or a control character
        // (SWAR tests, Anderson's "Bit Twiddling Hacks"; a false alarm only hands the word
        // to the byte loop below).
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var highBits: UInt64 = 0
            while i + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                if special & highs != 0 { break }
                highBits |= word & highs
                i += 8
            }
            if highBits != 0 { allBits = 0x80 }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                // ASCII is valid UTF-8: `decoding` takes its fast path; other text is validated.
                return allBits < 0x80 ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
            }
            if b == 0x5C { break }
            if b < 0x20 { return nil }
            allBits |= b
            i += 1
        }
        guard i < bytes.count else { return nil }
        // Escapes: copy into a buffer.
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                return String(validating: out, as: UTF8.self)
            }
            if b < 0x20 { return nil }
            if b != 0x5C {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { return nil }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var scalar = parseHex4() else { return nil }
                if (0xD800...0xDBFF).contains(scalar) {
                    guard take(0x5C), take(0x75), let low = parseHex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    return nil
                }
                guard let s = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: UTF8.encode(s)!)
            default: return nil
            }
        }
        return nil
    }

    private mutating func parseHex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    /// A list of strings; null and empty elements are skipped, as `JSONWorkMapper` does.
    private mutating func parseStringList() -> [String]? {
        guard take(0x5B) else { return nil }  // [
        var list: [String] = []
        skipSpace()
        if take(0x5D) { return list }
        list.reserveCapacity(8)
        while true {
            skipSpace()
            if !takeNull() {
                guard let s = parseString() else { return nil }
                if !s.isEmpty { list.append(s) }
            }
            skipSpace()
            if take(0x2C) { continue }
            guard take(0x5D) else { return nil }
            return list
        }
    }

    /// An integer literal (no fraction or exponent) of at most 18 digits.
    private mutating func parseInteger() -> Int? {
        let negative = take(0x2D)
        let start = i
        var value = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        let digits = i - start
        guard digits > 0, digits <= 18, !(digits > 1 && bytes[start] == 0x30) else { return nil }
        if i < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { return nil }
        return negative ? -value : value
    }
}
