import CiteGraphCore
import Foundation

/// A record file checked to exist, be a regular readable file and be non-empty, with its
/// bytes loaded and a content digest for idempotent ingest.
public struct RecordFile: Sendable {
    /// The path as given by the user.
    public let path: String
    /// The file's bytes (inflated when gzip; transcoded to UTF-8 when the file was UTF-16
    /// with a byte-order mark).
    public let bytes: [UInt8]
    /// The content digest of the bytes (`ContentDigest`: "xxh64:" and 16 hex digits).
    public let digest: String

    /// Opens and reads `path` (inflating gzip content, transcoding UTF-16 with a byte-order
    /// mark to UTF-8), refusing a missing, unreadable, empty file or a directory.
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
        bytes = try RecordFile.transcodingUTF16(bytes, path: path)
        if bytes.isEmpty { throw ExtractError.emptyFile(path: path) }
        self.init(path: path, bytes: bytes)
    }

    /// Wraps bytes already in memory (tests, bundled resources).
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.digest = ContentDigest.of(bytes)
    }

    /// The bytes decoded as UTF-8 (a leading BOM dropped).
    /// - Throws: `ExtractError.encoding` with the first line holding invalid UTF-8.
    public func utf8Text() throws -> String {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if let text = String(validating: slice, as: UTF8.self) { return text }
        throw Self.encodingError(in: slice, path: path, linesBefore: 0)
    }

    /// The error for text that is not valid UTF-8, naming the line (counted from
    /// `linesBefore + 1` at the start of `slice`) and column of the first invalid sequence.
    static func encodingError(in slice: ArraySlice<UInt8>, path: String, linesBefore: Int) -> ExtractError {
        // Find the line and column of the first invalid sequence for the message.
        var line = linesBefore + 1
        var start = slice.startIndex
        for i in slice.indices where slice[i] == 0x0A {
            if String(validating: slice[start..<i], as: UTF8.self) == nil { break }
            line += 1
            start = i + 1
        }
        let end = slice[start...].firstIndex(of: 0x0A) ?? slice.endIndex
        var column = 1
        var offset = 0
        var bad: UInt8 = 0
        var iterator = slice[start..<end].makeIterator()
        var decoder = UTF8()
        scan: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                column += 1
                offset += UTF8.width(scalar)
            case .emptyInput:
                break scan
            case .error:
                bad = slice[start + min(offset, end - start - 1)]
                break scan
            }
        }
        let hint = bad >= 0x80 ? " (byte 0x\(String(bad, radix: 16, uppercase: true)) at column \(column); Latin-1 or Windows-1252?)" : ""
        return ExtractError.encoding(
            path: path, line: line,
            reason: "not valid UTF-8 text\(hint); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)")
    }

    /// `bytes` unchanged, or transcoded to UTF-8 (without BOM) when they start with a UTF-16
    /// byte-order mark (FF FE little-endian, FE FF big-endian).
    /// - Throws: `ExtractError.encoding` with the line of an unpaired surrogate or a
    ///   dangling odd byte.
    static func transcodingUTF16(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        guard bytes.count >= 2 else { return bytes }
        let littleEndian: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE {
            littleEndian = true
        } else if bytes[0] == 0xFE && bytes[1] == 0xFF {
            littleEndian = false
        } else {
            return bytes
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count + units.count / 2)
        var line = 1
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                UTF8.encode(scalar) { output.append($0) }
            case .emptyInput:
                break decoding
            case .error:
                throw ExtractError.encoding(
                    path: path, line: line, reason: "not valid UTF-16 text (unpaired surrogate) after the byte-order mark")
            }
        }
        if bytes.count % 2 == 1 {
            throw ExtractError.encoding(path: path, line: line, reason: "UTF-16 text with an odd number of bytes (truncated?)")
        }
        return output
    }

    /// The digest citegraph stored before `ContentDigest`: 64-bit FNV-1a of the bytes as 16
    /// hex digits. Computed only to recognise files ingested into stores that hold such digests.
    public var legacyDigest: String { RecordFile.fnv1a(bytes) }

    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash = FNV1a()
        hash.add(bytes)
        return hash.hex
    }

    /// The 64-bit FNV-1a hash, fed piece by piece.
    struct FNV1a {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ bytes: [UInt8]) {
            var h = hash
            bytes.withUnsafeBufferPointer { buffer in
                for b in buffer {
                    h ^= UInt64(b)
                    h = h &* 0x0000_0100_0000_01B3
                }
            }
            hash = h
        }

        /// The hash as 16 hex digits.
        var hex: String {
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }
}
