extension XMLStreamReader {
    /// `collapsingWhitespace` of the text whose UTF-8 bytes are `utf8`, computed on the
    /// scalars instead of the characters.
    ///
    /// The `String` version drops every `Character` whose first scalar is whitespace. Here
    /// each whitespace scalar is dropped instead. The two agree whenever every whitespace
    /// scalar is a character of its own: where a whitespace scalar meets a non-ASCII scalar,
    /// the pair is checked (a space takes a following combining mark or spacing mark into its
    /// character, a prepended mark takes the following space; these rules of Unicode's
    /// grapheme breaking look at the pair only), and text with such a pair goes through the
    /// `String` version.
    /// - Complexity: O(bytes).
    static func collapsingWhitespace(utf8 bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { collapsingWhitespace(utf8: $0) }
    }

    /// `collapsingWhitespace(utf8:)` of the bytes in `input`.
    static func collapsingWhitespace(utf8 input: UnsafeBufferPointer<UInt8>) -> String {
        if isCollapsedASCII(input) { return String(decoding: input, as: UTF8.self) }
        // Set when the bytes cannot settle the text: invalid UTF-8, or a pair of scalars
        // that make one character.
        var unsettled = false
        let collapsed = String(unsafeUninitializedCapacity: input.count) { output in
            var written = 0
            var pendingSpace = false
            var previous: Unicode.Scalar? = nil
            var previousIsSpace = false
            var i = 0
            let count = input.count
            while i < count {
                let b = input[i]
                if b < 0x80 && !previousIsSpace && (previous?.value ?? 0) < 0x80 {
                    // ASCII after ASCII non-space (or at the start): no pair to check.
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                        pendingSpace = written > 0
                        previousIsSpace = true
                    } else {
                        if pendingSpace {
                            output[written] = 0x20
                            written += 1
                            pendingSpace = false
                        }
                        output[written] = b
                        written += 1
                    }
                    previous = Unicode.Scalar(b)
                    i += 1
                    continue
                }
                var length = 1
                var scalar = Unicode.Scalar(b)
                var isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                if b >= 0x80 {
                    guard let (decoded, width) = decodeScalar(input, at: i) else {
                        unsettled = true
                        return 0
                    }
                    scalar = decoded
                    length = width
                    isSpace = isNonASCIIWhitespace(decoded)
                }
                if let p = previous, isSpace || previousIsSpace, p.value >= 0x80 || scalar.value >= 0x80, formOneCharacter(p, scalar) {
                    unsettled = true
                    return 0
                }
                if isSpace {
                    pendingSpace = written > 0
                } else {
                    if pendingSpace {
                        output[written] = 0x20
                        written += 1
                        pendingSpace = false
                    }
                    for k in 0..<length { output[written + k] = input[i + k] }
                    written += length
                }
                previous = scalar
                previousIsSpace = isSpace
                i += length
            }
            return written
        }
        return unsettled ? collapsingWhitespace(String(decoding: input, as: UTF8.self)) : collapsed
    }

    /// Whether `bytes` are printable ASCII already collapsed (no space at either end, no two
    /// spaces in a row, no other whitespace), which collapsing leaves as they are: most text
    /// of a single element ("2014", a name, a title).
    static func isCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previous: UInt8 = 0
        for b in bytes {
            guard b >= 0x20, b < 0x7F, b != 0x20 || previous != 0x20 else { return false }
            previous = b
        }
        return true
    }

    /// Whether `a` followed by `b` is one grapheme cluster.
    private static func formOneCharacter(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        var pair = String(Character(a))
        pair.unicodeScalars.append(b)
        return pair.count == 1
    }

    /// Unicode's White_Space scalars above ASCII: U+0085, U+00A0, U+1680, U+2000…U+200A,
    /// U+2028, U+2029, U+202F, U+205F, U+3000.
    private static func isNonASCIIWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The scalar whose UTF-8 encoding starts at `i`, and its length; nil for invalid UTF-8.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = UInt32(bytes[i])
        let width = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0
        guard width > 0, i + width <= bytes.count else { return nil }
        var value = b0 & (0xFF >> UInt32(width + 1))
        for k in 1..<width {
            let b = UInt32(bytes[i + k])
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | (b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), scalar.utf8.count == width else { return nil }
        return (scalar, width)
    }
}
