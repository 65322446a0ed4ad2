/// What one line of a Web of Science plain-text export is, read from its UTF-8 bytes.
///
/// Lines whose first four bytes are ASCII (nearly all) are classified on the bytes; the
/// others go through the same rules on `Character`s. Both give what the rules in
/// `WebOfScienceReader` say for the line as a `String`: with ASCII up to the fourth
/// byte, the first three characters are the first three bytes and the fourth character
/// starts at the fourth byte.
enum WebOfScienceLine: Equatable {
    /// Empty or only spaces.
    case blank
    /// `FN` or `VR` (file header lines).
    case header
    /// Three spaces then the next value of the field before (only when a record has a field).
    case continuation(String)
    /// `ER`.
    case endOfRecord
    /// `EF`.
    case endOfFile
    /// A tag, a space and its value (`TI A title`), or a tag alone.
    case field(tag: String, value: String)
    /// A known tag glued to its value (`AUGilles, H`, seen in real exports).
    case gluedField(tag: String, value: String)
    /// Anything else, with the reason to reject the record holding it.
    case stray(reason: String)

    /// Field tags of WoS exports, as two ASCII bytes (`first << 8 | second`).
    private static let knownTagCodes: Set<UInt16> = Set(
        WebOfScienceReader.knownTags.map { tag in
            let bytes = Array(tag.utf8)
            return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        })

    /// Classifies the line `bytes[range]` (its line ending already cut off); `canContinue`
    /// says whether a record with at least one field is open.
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, canContinue: Bool) {
        let n = range.count
        let s = range.lowerBound
        var allSpaces = true
        for i in range where bytes[i] != 0x20 {
            allSpaces = false
            break
        }
        if allSpaces {
            self = .blank
            return
        }
        for i in s..<(s + min(n, 4)) where bytes[i] >= 0x80 {
            self = Self(characters: Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)), canContinue: canContinue)
            return
        }
        let b0 = bytes[s]
        let b1: UInt8 = n > 1 ? bytes[s + 1] : 0
        let b2: UInt8 = n > 2 ? bytes[s + 2] : 0
        if n >= 3, b0 == 0x20, b1 == 0x20, b2 == 0x20, canContinue {
            self = .continuation(bytes.trimmedString((s + 3)..<range.upperBound))
            return
        }
        if n == 2, b0 == UInt8(ascii: "E"), b1 == UInt8(ascii: "R") {
            self = .endOfRecord
            return
        }
        if n == 2, b0 == UInt8(ascii: "E"), b1 == UInt8(ascii: "F") {
            self = .endOfFile
            return
        }
        if n >= 2, (b0 == UInt8(ascii: "F") && b1 == UInt8(ascii: "N")) || (b0 == UInt8(ascii: "V") && b1 == UInt8(ascii: "R")) {
            self = .header
            return
        }
        if n > 2, b2 != 0x20, Self.knownTagCodes.contains(UInt16(b0) << 8 | UInt16(b1)) {
            self = .gluedField(tag: Self.tag(b0, b1), value: bytes.trimmedString((s + 2)..<range.upperBound))
            return
        }
        let isUpper = { (b: UInt8) in b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard n >= 2, isUpper(b0), isUpper(b1) || isDigit(b1), n == 2 || b2 == 0x20 else {
            self = Self(characters: Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)), canContinue: canContinue)
            return
        }
        self = .field(tag: Self.tag(b0, b1), value: n > 3 ? bytes.trimmedString((s + 3)..<range.upperBound) : "")
    }

    /// The same rules on characters (the reader's original code, kept for lines with
    /// non-ASCII bytes at their start and for the rejects' messages).
    init(characters line: Substring, canContinue: Bool) {
        if line.trimmingPrefix(while: { $0 == " " }).isEmpty {
            self = .blank
            return
        }
        if line.hasPrefix("   "), canContinue {
            self = .continuation(String(line.dropFirst(3)).trimmingWhitespace())
            return
        }
        let tag = String(line.prefix(2))
        if tag == "ER" && line.count == 2 { self = .endOfRecord; return }
        if tag == "EF" && line.count == 2 { self = .endOfFile; return }
        if tag == "FN" || tag == "VR" { self = .header; return }
        if tag.count == 2, WebOfScienceReader.knownTags.contains(tag), line.count > 2, line.dropFirst(2).first != " " {
            self = .gluedField(tag: tag, value: String(line.dropFirst(2)).trimmingWhitespace())
            return
        }
        let isTag = tag.count == 2 && tag.allSatisfy { $0.isUppercase || $0.isNumber } && tag.first!.isLetter
            && (line.count == 2 || line.dropFirst(2).first == " ")
        if !isTag {
            self = .stray(reason: "'\(line.prefix(20))' is neither a field tag nor a continuation line")
            return
        }
        self = .field(tag: tag, value: String(line.dropFirst(3)).trimmingWhitespace())
    }

    /// A two-letter tag as a (small, unallocated) string.
    private static func tag(_ b0: UInt8, _ b1: UInt8) -> String {
        String(decoding: [b0, b1], as: UTF8.self)
    }
}
