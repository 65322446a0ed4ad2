import Foundation

/// A record file read front to back in blocks, inflated on the fly when it is gzip, so that a
/// file of any size is read with bounded memory. Checks the file like `RecordFile` does.
final class FileByteStream {
    let path: String
    private let handle: FileHandle
    private let inflater: GzipInput.Inflater?
    private var pending: [UInt8] = []
    private var atEnd = false
    /// The block the file is read into, reused: reading through `FileHandle` allocated a
    /// `Data` per block and copied it twice (a fifth of a JSON Lines ingest's kernel and
    /// copying time went to reading the file).
    private var block = [UInt8](repeating: 0, count: FileByteStream.blockSize)
    private static let blockSize = 1 << 20

    /// Opens `path`, refusing a missing, unreadable or empty file or a directory.
    /// - Throws: `ExtractError` naming the path.
    init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ExtractError.fileNotFound(path: path) }
        if isDirectory.boolValue { throw ExtractError.isDirectory(path: path) }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            throw ExtractError.unreadable(path: path, reason: "permission denied")
        }
        self.handle = handle
        let count = try FileByteStream.read(handle.fileDescriptor, into: &block, path: path)
        if count == 0 { throw ExtractError.emptyFile(path: path) }
        let first = Array(block[..<count])
        if GzipInput.isGzip(first) {
            let inflater = try GzipInput.Inflater(path: path)
            try inflater.inflate(first, into: &pending)
            self.inflater = inflater
        } else {
            inflater = nil
            pending = first
        }
    }

    deinit { try? handle.close() }

    /// Appends the next bytes (about a megabyte, inflated) to `buffer`; false at the end.
    func read(into buffer: inout [UInt8]) throws -> Bool {
        if !pending.isEmpty {
            buffer.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
            return true
        }
        while !atEnd {
            let count = try FileByteStream.read(handle.fileDescriptor, into: &block, path: path)
            if count == 0 { atEnd = true }
            guard let inflater else {
                buffer.append(contentsOf: block[..<count])
                return count > 0
            }
            try inflater.inflate(Array(block[..<count]), into: &pending)
            if !pending.isEmpty {
                buffer.append(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
                return true
            }
        }
        return false
    }

    /// Fills `block` from `descriptor` as far as the file goes; the number of bytes read.
    private static func read(_ descriptor: Int32, into block: inout [UInt8], path: String) throws -> Int {
        try block.withUnsafeMutableBytes { raw in
            var filled = 0
            while filled < raw.count {
                let got = Foundation.read(descriptor, raw.baseAddress! + filled, raw.count - filled)
                if got == 0 { break }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw ExtractError.unreadable(path: path, reason: String(cString: strerror(errno)))
                }
                filled += got
            }
            return filled
        }
    }
}
