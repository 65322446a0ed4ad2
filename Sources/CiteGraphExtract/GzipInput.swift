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

extension GzipInput {
    /// Streaming inflation of gzip data read piece by piece (concatenated members too), so
    /// that a compressed file of any size is read with bounded memory.
    final class Inflater {
        private var stream = z_stream()
        private let path: String
        private var input: [UInt8] = []
        private var finished = false
        private var started = false

        init(path: String) throws {
            self.path = path
            guard citegraph_inflateInit2(&stream, 15 + 32) == Z_OK else {
                throw ExtractError.unreadable(path: path, reason: "zlib could not start")
            }
        }

        deinit { inflateEnd(&stream) }

        /// Inflates `compressed` (the next piece of the file; empty at its end) and appends
        /// the output to `output`.
        /// - Throws: `ExtractError.unreadable` for corrupt or truncated data.
        func inflate(_ compressed: [UInt8], into output: inout [UInt8]) throws {
            if compressed.isEmpty {
                if started && !finished { throw ExtractError.unreadable(path: path, reason: "gzip data is truncated") }
                return
            }
            started = true
            input = compressed
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let total = input.count
            try input.withUnsafeMutableBufferPointer { inBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(total)
                var produced = 0
                repeat {
                    if finished {
                        // Another gzip member follows.
                        inflateReset(&stream)
                        finished = false
                    }
                    produced = try chunk.withUnsafeMutableBufferPointer { outBuffer in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = uInt(outBuffer.count)
                        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                        guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && stream.avail_in > 0) else {
                            throw ExtractError.unreadable(path: path, reason: "corrupt gzip data (zlib status \(status))")
                        }
                        if status == Z_STREAM_END { finished = true }
                        return outBuffer.count - Int(stream.avail_out)
                    }
                    output.append(contentsOf: chunk[0..<produced])
                    if produced == 0 && !finished && stream.avail_in > 0 {
                        throw ExtractError.unreadable(path: path, reason: "corrupt gzip data (no progress)")
                    }
                    // Go on while input remains, or while a full output buffer may leave output pending.
                } while stream.avail_in > 0 || (produced == chunk.count && !finished)
            }
            stream.next_in = nil
        }
    }
}
