import Foundation

/// Author name normalisation.
public enum AuthorName {
    /// A key that joins spellings of one name: "Smith, J." and "Smith, J" and "J. Smith" share
    /// a key, "Doe, John" and "Doe, Jack" do not. Family name, then given names (full given
    /// names kept; initials as letters), case- and accent-folded.
    public static func key(_ name: String) -> String {
        keyASCII(name) ?? keyByCharacters(name)
    }

    /// `key` for any text, by characters and Unicode properties.
    static func keyByCharacters(_ name: String) -> String {
        let (family, given) = split(name)
        let givenKey = given.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" })
            .map { TitleKey.normalise(String($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        return TitleKey.normalise(family) + "," + givenKey
    }

    /// `key` for an all-ASCII name, byte by byte; nil when `name` is not all ASCII. Same
    /// result: the family and given parts `split` finds, each reduced to its runs of letters
    /// and digits, lowercased and joined by single spaces (what `TitleKey.normalise` makes of
    /// ASCII, and of the given names' parts joined).
    private static func keyASCII(_ name: String) -> String? {
        let result = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var lo = 0, hi = bytes.count
            for b in bytes where b >= 0x80 { return nil }
            func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            while lo < hi, isWhitespace(bytes[lo]) { lo += 1 }
            while hi > lo, isWhitespace(bytes[hi - 1]) { hi -= 1 }
            // "Family, Given" at the first comma; else "Given … Family" at the last space.
            var family = lo..<hi, given = hi..<hi
            if let comma = bytes[lo..<hi].firstIndex(of: UInt8(ascii: ",")) {
                family = lo..<comma
                given = comma + 1..<hi
            } else if let space = bytes[lo..<hi].lastIndex(of: 0x20) {
                family = space + 1..<hi
                given = lo..<space
            }
            return String(unsafeUninitializedCapacity: hi - lo + 1) { out in
                var written = TitleKey.writeASCIIWords(bytes[family], to: out.baseAddress!)
                out[written] = UInt8(ascii: ",")
                written += 1
                return written + TitleKey.writeASCIIWords(bytes[given], to: out.baseAddress! + written)
            }
        }
        return result ?? nil
    }

    /// The family name, the given names and their initials: `split`, then `initials` of the
    /// given names; byte by byte for an all-ASCII name (ingest stores them for every new author).
    public static func parts(_ name: String) -> (family: String, given: String, initials: String) {
        if let ascii = partsASCII(name) { return ascii }
        let (family, given) = split(name)
        return (family, given, initials(given))
    }

    /// `parts` of an all-ASCII name; nil when `name` is not all ASCII. For ASCII, a character
    /// is a byte (a CR LF pair is one character, but only ever trimmed as whitespace), the
    /// whitespace is tab … carriage return and space, and the letters are A–Z and a–z.
    static func partsASCII(_ name: String) -> (family: String, given: String, initials: String)? {
        let result = name.utf8.withContiguousStorageIfAvailable { bytes -> (String, String, String)? in
            for b in bytes where b >= 0x80 { return nil }
            func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            func trimmed(_ range: Range<Int>) -> Range<Int> {
                var lo = range.lowerBound, hi = range.upperBound
                while lo < hi, isWhitespace(bytes[lo]) { lo += 1 }
                while hi > lo, isWhitespace(bytes[hi - 1]) { hi -= 1 }
                return lo..<hi
            }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            let whole = trimmed(0..<bytes.count)
            let family: String, given: String
            if let comma = bytes[whole].firstIndex(of: UInt8(ascii: ",")) {
                family = text(trimmed(whole.lowerBound..<comma))
                given = text(trimmed(comma + 1..<whole.upperBound))
            } else {
                // Words are the runs between spaces; the last is the family name, the others
                // (joined by single spaces) the given names.
                var words: [Range<Int>] = []
                var start = whole.lowerBound
                for i in whole where bytes[i] == 0x20 {
                    if i > start { words.append(start..<i) }
                    start = i + 1
                }
                if whole.upperBound > start { words.append(start..<whole.upperBound) }
                if words.count <= 1 {
                    family = text(whole)
                    given = ""
                } else {
                    family = text(words[words.count - 1])
                    given = words.dropLast().map(text).joined(separator: " ")
                }
            }
            // Initials: the first letter of each part of the given names between " ", "." and "-".
            var initials: [UInt8] = []
            var partHasLetter = false
            for b in given.utf8 {
                if b == 0x20 || b == 0x2E || b == 0x2D {
                    partHasLetter = false
                    continue
                }
                let upper = b & ~0x20
                if !partHasLetter, upper >= 0x41, upper <= 0x5A {
                    initials.append(upper)
                    partHasLetter = true
                }
            }
            return (family, given, String(decoding: initials, as: UTF8.self))
        }
        return result ?? nil
    }

    /// Splits a name into (family, given): "Doe, John" → ("Doe", "John"); "John Doe" → ("Doe", "John").
    public static func split(_ name: String) -> (family: String, given: String) {
        let trimmed = name.trimmingWhitespace()
        if let comma = trimmed.firstIndex(of: ",") {
            return (String(trimmed[..<comma]).trimmingWhitespace(), String(trimmed[trimmed.index(after: comma)...]).trimmingWhitespace())
        }
        let words = trimmed.split(separator: " ")
        guard words.count > 1 else { return (trimmed, "") }
        return (String(words.last!), words.dropLast().joined(separator: " "))
    }

    /// The initials of the given names, letters only: "John Ronald Reuel" → "JRR",
    /// "J.-P." → "JP", "" → "".
    public static func initials(_ given: String) -> String {
        String(given.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" }).compactMap { $0.first(where: \.isLetter) }.map { Character($0.uppercased()) })
    }

    /// An ORCID iD in its bare form "0000-0002-1825-0097" from "https://orcid.org/…",
    /// "orcid.org/…" or the bare form; nil when `text` holds none.
    public static func orcid(_ text: String) -> String? {
        let digits = text.uppercased().filter { $0.isNumber || $0 == "X" }
        guard digits.count >= 16 else { return nil }
        let core = Array(digits.suffix(16))
        guard core.prefix(15).allSatisfy(\.isNumber) else { return nil }
        return stride(from: 0, to: 16, by: 4).map { String(core[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
