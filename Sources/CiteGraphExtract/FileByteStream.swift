import Foundation

/// A record file read front to back in blocks, inflated on the fly when it is gzip, so that a
/// file of any size is read with bounded memory. Checks the file like `RecordFile` does.
final class FileByteStream {
    let path: String
    private let handle: FileHandle
    private let inflater: GzipInput.Inflater?
    private var pending: [UInt8] = []
    private var atEnd = false
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
        let first = try FileByteStream.read(handle, count: FileByteStream.blockSize, path: path)
        if first.isEmpty { throw ExtractError.emptyFile(path: path) }
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
        while pending.isEmpty && !atEnd {
            let block = try FileByteStream.read(handle, count: FileByteStream.blockSize, path: path)
            if let inflater {
                try inflater.inflate(block, into: &pending)
            } else {
                pending = block
            }
            if block.isEmpty { atEnd = true }
        }
        guard !pending.isEmpty else { return false }
        buffer.append(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
        return true
    }

    private static func read(_ handle: FileHandle, count: Int, path: String) throws -> [UInt8] {
        do {
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch {
            throw ExtractError.unreadable(path: path, reason: error.localizedDescription)
        }
    }
}
