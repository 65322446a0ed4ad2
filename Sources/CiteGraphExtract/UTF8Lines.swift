import CiteGraphCore

/// The lines of valid UTF-8 text as byte ranges, split exactly where `TaggedText.lines`
/// splits the same text as a `String`: at each LF, a CR just before the LF going with it
/// (Swift reads CR LF as one `Character`; no grapheme cluster spans an LF or a CR, so
/// cutting the bytes there agrees with cutting the characters). As there, the text after
/// the last LF is a line too, empty when the text ends with LF.
/// - Complexity: O(text size) over the whole iteration; no allocation.
struct UTF8Lines: Sequence, IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var start = 0
    private var done = false

    /// Lines of `bytes`, which must outlive the iteration.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> Range<Int>? {
        guard !done else { return nil }
        let count = bytes.count
        var i = start
        while i < count, bytes[i] != 0x0A { i += 1 }
        let lineStart = start
        if i == count {
            done = true
            return lineStart..<count
        }
        start = i + 1
        return lineStart..<(i > lineStart && bytes[i - 1] == 0x0D ? i - 1 : i)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The text of `range` with whitespace trimmed at both ends, equal to
    /// `String(decoding: self[range], as: UTF8.self).trimmingWhitespace()` for valid UTF-8,
    /// made without the intermediate string when the range neither starts nor ends with
    /// whitespace or a non-ASCII byte (the common case: then its first and last characters
    /// start with an ASCII letter, digit or sign and cannot be whitespace).
    func trimmedString(_ range: Range<Int>) -> String {
        guard let first = range.first else { return "" }
        let last = range.upperBound - 1
        if Self.isPlainASCII(self[first]) && Self.isPlainASCII(self[last]) {
            return String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self).trimmingWhitespace()
    }

    /// An ASCII byte that is not whitespace (nor a control character).
    @inline(__always)
    static func isPlainASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
