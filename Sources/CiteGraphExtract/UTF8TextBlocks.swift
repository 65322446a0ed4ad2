import Foundation

/// A text file read front to back in blocks of whole lines (about a megabyte each, inflated
/// when gzip), checked to be UTF-8 block by block, so that line-based readers read a file of
/// any size with bounded memory. A leading byte-order mark is dropped, as
/// `RecordFile.utf8Text()` drops it.
struct UTF8TextBlocks {
    private let input: FileByteStream
    private let name: String
    private let validating: Bool
    private var buffer: [UInt8] = []
    private var endOfInput = false
    private var done = false
    /// Lines in the blocks handed out so far.
    private var linesBefore = 0

    /// One block: whole lines, each ended by "\n", or (the last block) the rest of the file,
    /// possibly empty.
    struct Block {
        var bytes: [UInt8]
        var isLast: Bool
    }

    /// Opens the file at `path`; `name` names it in messages. Unless `validating` is false,
    /// a block that is not valid UTF-8 throws the error `RecordFile.utf8Text()` throws (and
    /// a leading byte-order mark is dropped; when false, every byte is kept).
    /// - Throws: `ExtractError` naming the file.
    init(path: String, name: String, validating: Bool = true) throws {
        input = try FileByteStream(path: path)
        self.name = name
        self.validating = validating
        _ = try input.read(into: &buffer)
        if validating && buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
    }

    /// The next block, or nil after the last.
    /// - Throws: `ExtractError` when the file cannot be read or is not UTF-8.
    mutating func next() throws -> Block? {
        guard !done else { return nil }
        var searched = 0
        while true {
            // The last newline of what was read: blocks of many lines.
            let newline = buffer[searched...].lastIndex(of: 0x0A)
            if let newline, !endOfInput {
                let block = Array(buffer[...newline])
                buffer.removeSubrange(...newline)
                return try checked(Block(bytes: block, isLast: false))
            }
            if endOfInput {
                done = true
                let block = buffer
                buffer = []
                return try checked(Block(bytes: block, isLast: true))
            }
            searched = buffer.count
            if try !input.read(into: &buffer) { endOfInput = true }
        }
    }

    private mutating func checked(_ block: Block) throws -> Block {
        if validating, !Self.isASCII(block.bytes), String(validating: block.bytes, as: UTF8.self) == nil {
            throw RecordFile.encodingError(in: block.bytes[...], path: name, linesBefore: linesBefore)
        }
        if validating { linesBefore += block.bytes.withUnsafeBufferPointer { Self.newlines(in: $0) } }
        return block
    }

    private static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var any: UInt8 = 0
            for byte in b { any |= byte }
            return any < 0x80
        }
    }

    private static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0A { count += 1 }
        return count
    }

    /// Calls `body` with each line of the file, as `TaggedText.lines` splits the whole text
    /// (at "\n" and "\r\n"; after a final newline, an empty last line).
    mutating func forEachLine(_ body: (Substring) throws -> Void) throws {
        while let block = try next() {
            let text = String(decoding: block.bytes, as: UTF8.self)
            var lines = TaggedText.lines(text)[...]
            if !block.isLast { lines = lines.dropLast() }
            for line in lines { try body(line) }
        }
    }

    /// Calls `body` with the bytes of each line of the file, as `UTF8Lines` splits the whole
    /// file (a "\r" before "\n" dropped; after a final newline, an empty last line).
    mutating func forEachByteLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        while let block = try next() {
            try block.bytes.withUnsafeBufferPointer { bytes in
                for range in UTF8Lines(bytes) where block.isLast || range.lowerBound < bytes.count {
                    try body(UnsafeBufferPointer(rebasing: bytes[range]))
                }
            }
        }
    }
}
