import CiteGraphCore
import Foundation

/// Reader for JSON Lines: citegraph's own record format (`id`, `doi`, `title`, `abstract`,
/// `authors`, `year`, `venue`, `keywords`, `references`), the arXiv metadata snapshot, and
/// OpenAlex/Semantic Scholar/Crossref objects one per line. A line that is not a JSON object is
/// rejected with its line number; the others are read.
/// - Complexity: O(file size); one line parsed at a time.
public enum JSONLinesReader {
    public static func looksLike(_ head: String) -> Bool {
        // A first line holding a whole object, and another object line soon after; a
        // pretty-printed document opens with "{" alone.
        let lines = head.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix("\u{FEFF}") }.prefix(6)
        guard let first = lines.first, first.hasPrefix("{"), first.count > 1 else { return false }
        let closed = first.trimmingWhitespaceSuffix().hasSuffix("}") || lines.count == 1
        return closed && (lines.count == 1 || lines.dropFirst().contains { $0.hasPrefix("{") })
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        // Find the non-blank lines, then parse them on all cores in order-preserving chunks.
        var lines: [LineSpan] = []
        let bytes = file.bytes
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            if !isBlank(bytes[start..<end]) { lines.append(LineSpan(range: start..<end, line: lineNumber, position: lines.count)) }
            start = end + 1
        }
        return parse(lines, in: bytes, path: file.path)
    }

    /// One non-blank line: its bytes, 1-based line number and 0-based record position.
    struct LineSpan: Sendable {
        var range: Range<Int>
        var line: Int
        var position: Int
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Parses `lines` of `bytes` on all cores, keeping their order.
    ///
    /// Each worker writes the records of its lines straight into the result array, from the
    /// slot of its first line on; the runs are then moved together over the gaps that rejected
    /// lines leave. Records are moved, never copied: collecting per-worker arrays of `Result`s
    /// copied every record once more (a retain and a release of each of its strings).
    static func parse(_ lines: [LineSpan], in bytes: [UInt8], path: String) -> ExtractResult {
        let chunkCount = min(max(1, lines.count / 2_000), ProcessInfo.processInfo.activeProcessorCount * 4)
        let outcomes = ParallelSlots(count: chunkCount, initial: (records: 0, rejects: [RejectedRecord]()))
        var result = ExtractResult(format: .jsonl)
        result.records = [PaperRecord](unsafeUninitializedCapacity: lines.count) { buffer, initialized in
            let slots = RecordSlots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let lo = lines.count * chunk / chunkCount, hi = lines.count * (chunk + 1) / chunkCount
                var written = 0
                var rejects: [RejectedRecord] = []
                bytes.withUnsafeBufferPointer { buffer in
                    for span in lines[lo..<hi] {
                        let location = SourceLocation(file: path, position: span.position, line: span.line, format: RecordFormat.jsonl.rawValue)
                        switch record(UnsafeBufferPointer(rebasing: buffer[span.range]), location: location) {
                        case .success(let record):
                            (slots.base + lo + written).initialize(to: record)
                            written += 1
                        case .failure(let reject):
                            rejects.append(reject)
                        }
                    }
                }
                outcomes.set(chunk, (written, rejects))
            }
            var count = 0
            for chunk in 0..<chunkCount {
                let lo = lines.count * chunk / chunkCount, written = outcomes[chunk].records
                if lo != count { (slots.base + count).moveInitialize(from: slots.base + lo, count: written) }
                count += written
            }
            initialized = count
        }
        for chunk in 0..<chunkCount { result.rejects.append(contentsOf: outcomes[chunk].rejects) }
        return result
    }

    /// The start of the records being parsed, shared by the workers of `parse`, which write
    /// disjoint slots.
    private struct RecordSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<PaperRecord>
    }

    /// The record of one line: citegraph's own format through the byte-level parser, any
    /// other object through `JSONSerialization` and `JSONWorkMapper`.
    static func record(_ line: UnsafeBufferPointer<UInt8>, location: SourceLocation) -> Result<PaperRecord, RejectedRecord> {
        if let own = OwnRecordLineParser.parse(line, location: location) { return own }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: line)) as? [String: Any] else {
            return .failure(RejectedRecord(file: location.file, line: location.line, field: "json", reason: "not a JSON object"))
        }
        return JSONWorkMapper.record(from: object, location: location)
    }
}

extension Substring {
    func trimmingWhitespaceSuffix() -> Substring {
        var s = self
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}

/// Reader for JSON documents holding works: a single object, an array (OpenAlex export,
/// AMiner DBLP V12), or an API page (`results`, `data`, `items`, Crossref's `message`).
public enum JSONDocumentReader {
    public static func looksLike(_ head: String) -> Bool {
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("{") || trimmed.hasPrefix("[")
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(file.bytes))
        } catch {
            throw invalidJSON(error, name: file.path)
        }
        return try RecordSink.collect(format: .json) { sink in
            for (position, item) in JSONWorkMapper.works(in: json).enumerated() {
                try sink.append(work(item, position: position, name: file.path))
            }
        }
    }

    /// Reads the file at `path`, whose top level is an array of works, element by element
    /// into `sink` (`JSONArrayStream`): the same records and rejects as `read(_:)`.
    /// - Throws: `ExtractError` naming the file, or what the sink throws.
    static func read(streaming path: String, name: String, into sink: RecordSink) throws {
        var elements = try JSONArrayStream(path: path, name: name)
        var position = 0
        while let bytes = try elements.next() {
            let item: Any
            do {
                item = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
            } catch {
                throw invalidJSON(error, name: name)
            }
            try sink.append(work(item, position: position, name: name))
            position += 1
        }
    }

    private static func invalidJSON(_ error: Error, name: String) -> ExtractError {
        let nsError = error as NSError
        let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        return ExtractError.malformed(path: name, line: 1, field: "json", reason: "not valid JSON (\(detail))")
    }

    /// The record of the work `item`, the `position`-th of the document.
    private static func work(_ item: Any, position: Int, name: String) -> Result<PaperRecord, RejectedRecord> {
        let location = SourceLocation(file: name, position: position, line: 1, format: RecordFormat.json.rawValue)
        guard let object = item as? [String: Any] else {
            return .failure(RejectedRecord(file: name, line: 1, field: "item \(position)", reason: "not a JSON object"))
        }
        switch JSONWorkMapper.record(from: object, location: location) {
        case .success(let record): return .success(record)
        case .failure(var reject):
            reject.field = "item \(position): " + reject.field
            return .failure(reject)
        }
    }
}
