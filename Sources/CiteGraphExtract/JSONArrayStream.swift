import Foundation

/// A JSON document whose top level is an array, read element by element from a file (plain
/// or gzip) in blocks: each element's bytes are found by tracking strings, escapes and
/// nesting depth, so that an array of any size is read with memory bounded by its largest
/// element. The elements themselves are parsed by the caller.
struct JSONArrayStream {
    private let input: FileByteStream
    private let name: String
    private var buffer: [UInt8] = []
    /// Where the unread bytes of `buffer` start.
    private var start = 0
    private var endOfInput = false
    private var closed = false

    /// Whether `head` (the file's first bytes) opens an array: `[` after an optional UTF-8
    /// byte-order mark and whitespace.
    static func startsWithArray(_ head: [UInt8]) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { !isWhitespace($0) } == UInt8(ascii: "[")
    }

    /// Opens the file at `path` (named `name` in messages), which must open an array.
    /// - Throws: `ExtractError` naming the file.
    init(path: String, name: String) throws {
        input = try FileByteStream(path: path)
        self.name = name
        _ = try input.read(into: &buffer)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard try skipWhitespace(), buffer[start] == UInt8(ascii: "[") else { throw invalid("the document is not an array") }
        start += 1
        guard try skipWhitespace() else { throw invalid("the array is not closed") }
        if buffer[start] == UInt8(ascii: "]") {
            start += 1
            try close()
        }
    }

    /// The bytes of the next element, or nil after the last.
    /// - Throws: `ExtractError.malformed` when the document is not a well-formed array.
    mutating func next() throws -> [UInt8]? {
        guard !closed else { return nil }
        if start > 1 << 20 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        guard try skipWhitespace() else { throw invalid("the array is not closed") }
        while true {
            if let end = elementEnd() {
                var last = end
                while last > start && Self.isWhitespace(buffer[last - 1]) { last -= 1 }
                guard last > start else { throw invalid("an empty array element") }
                let element = Array(buffer[start..<last])
                let delimiter = buffer[end]
                start = end + 1
                if delimiter == UInt8(ascii: "]") { try close() }
                return element
            }
            guard !endOfInput, try input.read(into: &buffer) else { throw invalid("the array is not closed") }
        }
    }

    /// Where the element starting at `start` ends: the index of the `,` or `]` after it,
    /// nil when the buffer ends first.
    private func elementEnd() -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var depth = 0
            var inString = false
            var escaped = false
            var i = start
            while i < bytes.count {
                let b = bytes[i]
                if inString {
                    if escaped {
                        escaped = false
                    } else if b == UInt8(ascii: "\\") {
                        escaped = true
                    } else if b == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else {
                    switch b {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        if depth == 0 { return i }
                        depth -= 1
                    case UInt8(ascii: ","):
                        if depth == 0 { return i }
                    default: break
                    }
                }
                i += 1
            }
            return nil
        }
    }

    /// After the closing `]`: only whitespace may follow.
    private mutating func close() throws {
        closed = true
        if try skipWhitespace() { throw invalid("text after the closing bracket of the array") }
    }

    /// Moves `start` past whitespace, reading on as needed; false at the end of the input.
    private mutating func skipWhitespace() throws -> Bool {
        while true {
            while start < buffer.count && Self.isWhitespace(buffer[start]) { start += 1 }
            if start < buffer.count { return true }
            buffer.removeAll(keepingCapacity: true)
            start = 0
            if endOfInput { return false }
            if try !input.read(into: &buffer) { endOfInput = true }
        }
    }

    private func invalid(_ reason: String) -> ExtractError {
        .malformed(path: name, line: 1, field: "json", reason: "not valid JSON (\(reason))")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
