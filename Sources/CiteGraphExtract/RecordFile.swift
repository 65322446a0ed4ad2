import Foundation

/// A record file checked to exist, be a regular readable file and be non-empty, with its
/// bytes loaded and a content digest for idempotent ingest.
public struct RecordFile: Sendable {
    /// The path as given by the user.
    public let path: String
    /// The file's bytes.
    public let bytes: [UInt8]
    /// A stable 64-bit FNV-1a digest of the bytes, as 16 hex digits (identifies content, not security).
    public let digest: String

    /// Opens and reads `path` (inflating gzip content), refusing a missing, unreadable, empty
    /// file or a directory.
    /// - Throws: `ExtractError` naming the path.
    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExtractError.fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw ExtractError.isDirectory(path: path) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ExtractError.unreadable(path: path, reason: "permission denied")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ExtractError.unreadable(path: path, reason: error.localizedDescription)
        }
        if data.isEmpty { throw ExtractError.emptyFile(path: path) }
        var bytes = [UInt8](data)
        if GzipInput.isGzip(bytes) {
            bytes = try GzipInput.inflate(bytes, path: path)
            if bytes.isEmpty { throw ExtractError.emptyFile(path: path) }
        }
        self.init(path: path, bytes: bytes)
    }

    /// Wraps bytes already in memory (tests, bundled resources).
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.digest = RecordFile.fnv1a(bytes)
    }

    /// The bytes decoded as UTF-8 (a leading BOM dropped).
    /// - Throws: `ExtractError.encoding` with the first line holding invalid UTF-8.
    public func utf8Text() throws -> String {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if let text = String(validating: slice, as: UTF8.self) { return text }
        // Find the line of the first invalid sequence for the message.
        var line = 1
        var start = slice.startIndex
        for i in slice.indices where slice[i] == 0x0A {
            if String(validating: slice[start..<i], as: UTF8.self) == nil { break }
            line += 1
            start = i + 1
        }
        throw ExtractError.encoding(path: path, line: line, reason: "not valid UTF-8 text; convert the file to UTF-8")
    }

    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
