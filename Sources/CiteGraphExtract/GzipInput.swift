import CZlib

/// Transparent gzip input: record files ending in `.gz` (or starting with the gzip magic
/// bytes) are inflated before sniffing. The only file that imports zlib.
enum GzipInput {
    /// Whether `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// Inflates gzip data (concatenated members too).
    /// - Parameter limit: largest output accepted, against decompression bombs.
    /// - Throws: `ExtractError.unreadable` naming `path` for corrupt or oversized data.
    static func inflate(_ bytes: [UInt8], path: String, limit: Int = 8 << 30) throws -> [UInt8] {
        var stream = z_stream()
        guard citegraph_inflateInit2(&stream, 15 + 32) == Z_OK else {
            throw ExtractError.unreadable(path: path, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 4)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        let total = input.count
        var status: Int32 = Z_OK
        try input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(total)
            repeat {
                try chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    if status == Z_STREAM_END && stream.avail_in > 0 {
                        // Another gzip member follows.
                        output.append(contentsOf: outBuffer[0..<(outBuffer.count - Int(stream.avail_out))])
                        inflateReset(&stream)
                        status = Z_OK
                        return
                    }
                    guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && stream.avail_in > 0) else {
                        throw ExtractError.unreadable(path: path, reason: "corrupt gzip data (zlib status \(status))")
                    }
                    output.append(contentsOf: outBuffer[0..<(outBuffer.count - Int(stream.avail_out))])
                }
                if output.count > limit {
                    throw ExtractError.unreadable(path: path, reason: "gzip data inflates beyond \(limit) bytes")
                }
            } while status != Z_STREAM_END && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if status != Z_STREAM_END {
            throw ExtractError.unreadable(path: path, reason: "gzip data is truncated")
        }
        return output
    }
}
