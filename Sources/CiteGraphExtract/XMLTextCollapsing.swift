extension XMLStreamReader {
    /// `collapsingWhitespace` of the text whose UTF-8 bytes are `utf8`, computed on the bytes.
    ///
    /// The `String` version drops every `Character` whose first scalar is whitespace. On the
    /// bytes, each ASCII whitespace byte (tab, LF, VT, FF, CR, space) is dropped instead, which
    /// gives the same text unless a grapheme cluster mixes whitespace with other scalars or a
    /// non-ASCII scalar is whitespace. Those cases need a non-ASCII scalar right after an ASCII
    /// whitespace byte (a combining mark on a space), right before one (a prepended mark), or a
    /// non-ASCII whitespace scalar (U+0085, U+00A0, U+1680, U+2000…U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000): such text goes through the `String` version.
    /// - Complexity: O(bytes).
    static func collapsingWhitespace(utf8 bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var previousWasSpace = false
        var previousWasNonASCII = false
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                if previousWasNonASCII { return collapsingWhitespace(String(decoding: bytes, as: UTF8.self)) }
                pendingSpace = !out.isEmpty
                previousWasSpace = true
                previousWasNonASCII = false
            } else {
                if b >= 0x80 && (previousWasSpace || startsNonASCIIWhitespace(bytes, at: i)) {
                    return collapsingWhitespace(String(decoding: bytes, as: UTF8.self))
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(b)
                previousWasSpace = false
                previousWasNonASCII = b >= 0x80
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the bytes at `i` encode one of Unicode's non-ASCII whitespace scalars.
    private static func startsNonASCIIWhitespace(_ bytes: [UInt8], at i: Int) -> Bool {
        let b0 = bytes[i]
        guard b0 == 0xC2 || b0 == 0xE1 || b0 == 0xE2 || b0 == 0xE3, i + 1 < bytes.count else { return false }
        let b1 = bytes[i + 1]
        if b0 == 0xC2 { return b1 == 0x85 || b1 == 0xA0 }
        guard i + 2 < bytes.count else { return false }
        let b2 = bytes[i + 2]
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80  // U+1680
        case (0xE2, 0x80): return (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF  // U+2000…200A, 2028, 2029, 202F
        case (0xE2, 0x81): return b2 == 0x9F  // U+205F
        case (0xE3, 0x80): return b2 == 0x80  // U+3000
        default: return false
        }
    }
}
