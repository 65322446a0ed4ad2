/// The bytes an `XMLStreamReader` hands to libxml2, a piece at a time: a file's bytes in
/// memory, or a file read front to back in blocks (inflated when gzip) so that only a block
/// is in memory at a time.
///
/// A document that declares ISO-8859-1 can be handed over as UTF-8 instead
/// (`transcodeDeclaredLatin1()`): the pieces that are ASCII (all of them in dblp.xml, which
/// writes other characters as entities) go as they are, the others are converted, byte for
/// byte as libxml2's own ISO-8859-1 decoder would convert them.
struct XMLInput {
    private let memory: UnsafeBufferPointer<UInt8>
    private let stream: FileByteStream?
    private var block: [UInt8] = []
    private var offset = 0
    /// Whether pieces are converted from ISO-8859-1 to UTF-8 before they are handed out.
    private var latin1 = false
    /// The UTF-8 of the latest converted piece (reused).
    private var converted: [UInt8] = []

    /// Bytes already in memory (they must outlive the input).
    init(memory: UnsafeBufferPointer<UInt8>) {
        self.memory = memory
        stream = nil
    }

    /// The file at `path`, read block by block.
    /// - Throws: `ExtractError` naming the file (missing, unreadable, empty, corrupt gzip).
    init(streaming path: String) throws {
        memory = UnsafeBufferPointer(start: nil, count: 0)
        stream = try FileByteStream(path: path)
    }

    /// Calls `body` with the next at most `limit` bytes of the input (never empty; more bytes
    /// when ISO-8859-1 is converted to UTF-8); false, without calling it, at the end of the
    /// input.
    /// - Throws: `ExtractError` when the file cannot be read.
    mutating func next(atMost limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Bool {
        guard let stream else {
            let count = min(limit, memory.count - offset)
            guard count > 0 else { return false }
            Self.hand(UnsafeBufferPointer(rebasing: memory[offset..<offset + count]), latin1: latin1, converting: &converted, to: body)
            offset += count
            return true
        }
        if offset == block.count {
            block.removeAll(keepingCapacity: true)
            offset = 0
            guard try stream.read(into: &block) else { return false }
        }
        let count = min(limit, block.count - offset)
        block.withUnsafeBufferPointer { whole in
            Self.hand(UnsafeBufferPointer(rebasing: whole[offset..<offset + count]), latin1: latin1, converting: &converted, to: body)
        }
        offset += count
        return true
    }

    /// Passes `piece` to `body`; with `latin1`, as UTF-8 (converted in `converted` unless it
    /// is ASCII).
    private static func hand(
        _ piece: UnsafeBufferPointer<UInt8>, latin1: Bool, converting converted: inout [UInt8], to body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard latin1, !isASCII(piece) else { return body(piece) }
        converted.removeAll(keepingCapacity: true)
        converted.reserveCapacity(2 * piece.count)
        for byte in piece {
            if byte < 0x80 {
                converted.append(byte)
            } else {
                converted.append(0xC0 | byte >> 6)
                converted.append(0x80 | byte & 0x3F)
            }
        }
        converted.withUnsafeBufferPointer(body)
    }

    /// When the document opens with an XML declaration of encoding ISO-8859-1, switches the
    /// input to handing out UTF-8 and returns true: the parser must then be told to ignore
    /// the declared encoding (`XML_PARSE_IGNORE_ENC`). Any other document (another encoding,
    /// a byte-order mark, no declaration, a declaration this check does not follow) is left
    /// to libxml2's own detection: false. Call it before the first `next`.
    /// - Throws: `ExtractError` when the file cannot be read.
    mutating func transcodeDeclaredLatin1() throws -> Bool {
        if let stream, block.isEmpty, offset == 0 {
            _ = try stream.read(into: &block)
        }
        let declaresLatin1 =
            stream == nil
            ? Self.declaresLatin1(UnsafeBufferPointer(rebasing: memory.prefix(Self.declarationLimit)))
            : block.withUnsafeBufferPointer { Self.declaresLatin1(UnsafeBufferPointer(rebasing: $0.prefix(Self.declarationLimit))) }
        latin1 = declaresLatin1
        return declaresLatin1
    }

    /// How far into the document the XML declaration is looked for.
    private static let declarationLimit = 512

    /// Whether `head` opens with `<?xml version="…" encoding="ISO-8859-1"` (either quotes,
    /// the encoding name in any case, white space as XML allows it): the name that libxml2
    /// maps to its built-in ISO-8859-1 decoder.
    static func declaresLatin1(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        func skipSpaces() -> Bool {
            let start = i
            while i < head.count, isSpace(head[i]) { i += 1 }
            return i > start
        }
        func literal(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard i + count <= head.count else { return false }
            for k in 0..<count where head[i + k] != text.utf8Start[k] { return false }
            i += count
            return true
        }
        /// `Eq` then a quoted value; the range of the value.
        func quotedValue() -> Range<Int>? {
            _ = skipSpaces()
            guard literal("=") else { return nil }
            _ = skipSpaces()
            guard i < head.count, head[i] == 0x22 || head[i] == 0x27 else { return nil }
            let quote = head[i]
            let start = i + 1
            i = start
            while i < head.count, head[i] != quote {
                guard head[i] != 0x3C && head[i] != 0x3E else { return nil }
                i += 1
            }
            guard i < head.count else { return nil }
            i += 1
            return start..<i - 1
        }
        guard literal("<?xml"), skipSpaces(), literal("version"), quotedValue() != nil, skipSpaces(), literal("encoding"),
            let name = quotedValue()
        else { return false }
        let expected: StaticString = "ISO-8859-1"
        guard name.count == expected.utf8CodeUnitCount else { return false }
        for (k, index) in name.enumerated() {
            let b = head[index]
            let upper = (0x61...0x7A).contains(b) ? b - 0x20 : b
            if upper != expected.utf8Start[k] { return false }
        }
        return true
    }

    /// Whether every byte of `bytes` is below 0x80 (eight bytes at a time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var high: UInt64 = 0
        while i + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            high |= UInt64(bytes[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}
