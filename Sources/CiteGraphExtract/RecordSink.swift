import CiteGraphCore

/// Where a reader puts the records and rejects it reads: gathered into one result (a whole
/// file), or handed on in chunks as they come (a streamed file), so that the reader's output
/// never has to be held whole. A chunk ends at `chunkSize` records and rejects, or sooner when
/// its text reaches `byteBudget` bytes (records of a JATS article with its reference list
/// weigh a hundred times a Web of Science line's), so that a chunk's memory is bounded.
final class RecordSink {
    /// The format of the results handed on.
    let format: RecordFormat
    private let chunkSize: Int
    private let byteBudget: Int
    private let deliver: (ExtractResult) throws -> Void
    private var pending: ExtractResult
    /// The text bytes (plus a string's overhead each) of the pending records and rejects.
    private var pendingBytes = 0
    /// Records and rejects appended so far, delivered or not.
    private(set) var count = 0
    /// Records (not rejects) appended so far.
    private var records = 0

    /// A sink that hands `deliver` a result each time `chunkSize` records and rejects, or
    /// `byteBudget` bytes of their text, have been appended, and the rest on `finish()`.
    init(format: RecordFormat, chunkSize: Int, byteBudget: Int = 4 << 20, deliver: @escaping (ExtractResult) throws -> Void) {
        self.format = format
        self.chunkSize = max(1, chunkSize)
        self.byteBudget = byteBudget
        self.deliver = deliver
        pending = ExtractResult(format: format)
    }

    /// Whether nothing was appended yet.
    var isEmpty: Bool { count == 0 }

    /// Whether a record (not only rejects) was appended.
    var hasRecords: Bool { records > 0 }

    /// Adds a record that was read, or a reject.
    /// - Throws: what `deliver` throws (the consumer has gone).
    func append(_ outcome: Result<PaperRecord, RejectedRecord>) throws {
        switch outcome {
        case .success(let record): try append(record: record)
        case .failure(let reject): try append(reject: reject)
        }
    }

    /// Adds a record that was read.
    func append(record: PaperRecord) throws {
        records += 1
        pending.records.append(record)
        try appended(bytes: Self.bytes(of: record))
    }

    /// Adds a record that could not be read.
    func append(reject: RejectedRecord) throws {
        pending.rejects.append(reject)
        try appended(bytes: Self.bytes(of: reject.reason) + Self.bytes(of: reject.field))
    }

    /// Counts what was appended (weighing it only when there is a byte budget: a whole file
    /// is gathered without) and hands on a full chunk.
    private func appended(bytes: @autoclosure () -> Int) throws {
        count += 1
        guard chunkSize != Int.max else { return }
        pendingBytes += bytes()
        if pending.records.count + pending.rejects.count >= chunkSize || pendingBytes >= byteBudget { try flush() }
    }

    /// About the memory of `record`'s text: its strings' bytes plus a heap object's overhead.
    static func bytes(of record: PaperRecord) -> Int {
        var total = bytes(of: record.title) + bytes(of: record.abstract ?? "") + bytes(of: record.venue ?? "")
        for id in record.ids { total += bytes(of: id.value) }
        for list in [record.authors, record.keywords, record.references] {
            for text in list { total += bytes(of: text) }
        }
        return total
    }

    private static func bytes(of text: String) -> Int { text.utf8.count + 32 }

    /// Hands on what is pending (nothing when nothing is).
    func finish() throws {
        if !pending.records.isEmpty || !pending.rejects.isEmpty { try flush() }
    }

    private func flush() throws {
        let chunk = pending
        pending = ExtractResult(format: format)
        pendingBytes = 0
        try deliver(chunk)
    }

    /// Runs `body` with a sink that gathers everything, and returns it as one result.
    static func collect(format: RecordFormat, _ body: (RecordSink) throws -> Void) throws -> ExtractResult {
        var whole = ExtractResult(format: format)
        let sink = RecordSink(format: format, chunkSize: Int.max, byteBudget: Int.max) { whole = $0 }
        try body(sink)
        try sink.finish()
        return whole
    }
}
