import CiteGraphCore
import Foundation

/// Reads a JSON Lines file (plain or gzip) a chunk of records at a time, so that memory stays
/// bounded by the chunk size whatever the file size. Records and rejects are the same as
/// `JSONLinesReader.read` gives for the whole file, with the same positions and line numbers.
public final class JSONLinesStream {
    private let input: FileByteStream
    private let name: String
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    /// Where the unread bytes of `buffer` start.
    private var consumed = 0
    private var endOfInput = false
    private var lineNumber = 0
    private var position = 0

    /// Opens `file` for reading `chunkSize` records at a time.
    /// - Throws: `ExtractError` naming the file.
    public init(_ file: StreamedRecordFile, chunkSize: Int = 10_000) throws {
        input = try FileByteStream(path: file.path)
        name = file.displayName
        self.chunkSize = max(1, chunkSize)
        _ = try input.read(into: &buffer)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { consumed = 3 }
    }

    /// The next records and rejects, or nil after the last line.
    /// - Throws: `ExtractError` when the file cannot be read (or its gzip data is corrupt).
    public func next() throws -> ExtractResult? {
        buffer.removeSubrange(0..<consumed)
        consumed = 0
        var lines: [JSONLinesReader.LineSpan] = []
        lines.reserveCapacity(chunkSize)
        var start = 0
        while lines.count < chunkSize {
            let newline = buffer.withUnsafeBufferPointer { b -> Int? in
                guard start < b.count, let base = b.baseAddress else { return nil }
                guard let found = memchr(base + start, 0x0A, b.count - start) else { return nil }
                return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            }
            let end: Int
            if let newline {
                end = newline
            } else if !endOfInput {
                if try !input.read(into: &buffer) { endOfInput = true }
                continue
            } else if start < buffer.count {
                end = buffer.count  // the last line, without a newline
            } else {
                break
            }
            lineNumber += 1
            if !JSONLinesReader.isBlank(buffer[start..<end]) {
                lines.append(JSONLinesReader.LineSpan(range: start..<end, line: lineNumber, position: position))
                position += 1
            }
            start = min(end + 1, buffer.count)
        }
        consumed = start
        if lines.isEmpty { return nil }
        return JSONLinesReader.parse(lines, in: buffer, path: name)
    }
}
