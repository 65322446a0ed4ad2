/// A BibTeX file read front to back in pieces of about a megabyte, each ending where a line
/// starts an entry (`@type{` or `@type(` after optional blanks), so that the pieces can be
/// parsed one by one (`BibTeXParser` with `firstLine` and `limit`) with memory bounded by the
/// piece size (or the longest entry). The parser reads the entries of a piece as it reads them
/// in the whole file because an entry never runs over a line that starts the next entry: it
/// ends there, rejected as unclosed (`checkNotAtNextEntry`); each piece also holds that next
/// line, so that the parser sees it and gives the same reason as for the whole file.
struct BibTeXSegments {
    private var blocks: UTF8TextBlocks
    private var buffer: [UInt8] = []
    /// Where the next piece starts in `buffer`.
    private var start = 0
    /// The line of `buffer[start]`.
    private var firstLine = 1
    private var ended = false
    /// Bytes gathered before a piece is cut.
    private let pieceSize: Int

    /// One piece: its bytes, the offset of the line that starts the next piece (entries start
    /// before it), and the line of its first byte.
    struct Piece {
        var bytes: [UInt8]
        var limit: Int
        var firstLine: Int
    }

    /// Opens the UTF-8 file at `path` (named `name` in messages), to be cut in pieces of
    /// about `pieceSize` bytes.
    /// - Throws: `ExtractError` naming the file.
    init(path: String, name: String, pieceSize: Int = 1 << 20) throws {
        blocks = try UTF8TextBlocks(path: path, name: name)
        self.pieceSize = pieceSize
    }

    /// The next piece, or nil after the last.
    /// - Throws: `ExtractError` when the file cannot be read or is not UTF-8.
    mutating func next() throws -> Piece? {
        while true {
            if !ended && buffer.count - start < pieceSize {
                try readBlock()
                continue
            }
            if let cut = entryLine(from: start + pieceSize) {
                let end = buffer[cut...].firstIndex(of: 0x0A).map { $0 + 1 } ?? buffer.count
                let piece = Piece(bytes: Array(buffer[start..<end]), limit: cut - start, firstLine: firstLine)
                firstLine += buffer[start..<cut].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                start = cut
                if start > buffer.count / 2 {
                    buffer.removeSubrange(..<start)
                    start = 0
                }
                return piece
            }
            if !ended {
                try readBlock()  // no entry starts after the piece's size yet: read on
                continue
            }
            guard start < buffer.count else { return nil }
            defer { buffer = []; start = 0 }
            return Piece(bytes: Array(buffer[start...]), limit: buffer.count - start, firstLine: firstLine)
        }
    }

    private mutating func readBlock() throws {
        if let block = try blocks.next() {
            buffer += block.bytes
            if block.isLast { ended = true }
        } else {
            ended = true
        }
    }

    /// The offset of the first line starting at or after `offset` (and after `start`) that
    /// starts an entry and is complete (ends with a newline).
    private func entryLine(from offset: Int) -> Int? {
        var i = max(offset, start + 1)
        while i < buffer.count {
            if buffer[i - 1] == 0x0A {
                var q = i
                while q < buffer.count, buffer[q] == 0x20 || buffer[q] == 0x09 { q += 1 }
                if q < buffer.count, buffer[q] == UInt8(ascii: "@"), BibTeXReader.startsEntry(buffer[q...]),
                    buffer[q...].contains(0x0A)
                {
                    return i
                }
            }
            i += 1
        }
        return nil
    }
}
