/// The bytes an `XMLStreamReader` hands to libxml2, a piece at a time: a file's bytes in
/// memory, or a file read front to back in blocks (inflated when gzip) so that only a block
/// is in memory at a time.
struct XMLInput {
    private let memory: UnsafeBufferPointer<UInt8>
    private let stream: FileByteStream?
    private var block: [UInt8] = []
    private var offset = 0

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

    /// Calls `body` with the next at most `limit` bytes (never empty); false, without calling
    /// it, at the end of the input.
    /// - Throws: `ExtractError` when the file cannot be read.
    mutating func next(atMost limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Bool {
        guard let stream else {
            let count = min(limit, memory.count - offset)
            guard count > 0 else { return false }
            body(UnsafeBufferPointer(rebasing: memory[offset..<offset + count]))
            offset += count
            return true
        }
        if offset == block.count {
            block.removeAll(keepingCapacity: true)
            offset = 0
            guard try stream.read(into: &block) else { return false }
        }
        let count = min(limit, block.count - offset)
        block.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offset..<offset + count])) }
        offset += count
        return true
    }
}
