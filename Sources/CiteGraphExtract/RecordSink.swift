import CiteGraphCore

/// Where a reader puts the records and rejects it reads: gathered into one result (a whole
/// file), or handed on in chunks of `chunkSize` as they come (a streamed file), so that the
/// reader's output never has to be held whole.
final class RecordSink {
    /// The format of the results handed on.
    let format: RecordFormat
    private let chunkSize: Int
    private let deliver: (ExtractResult) throws -> Void
    private var pending: ExtractResult
    /// Records and rejects appended so far, delivered or not.
    private(set) var count = 0
    /// Records (not rejects) appended so far.
    private var records = 0

    /// A sink that hands `deliver` a result each time `chunkSize` records and rejects have
    /// been appended, and the rest on `finish()`.
    init(format: RecordFormat, chunkSize: Int, deliver: @escaping (ExtractResult) throws -> Void) {
        self.format = format
        self.chunkSize = max(1, chunkSize)
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
        if case .success = outcome { records += 1 }
        pending.append(outcome)
        try appended()
    }

    /// Adds a record that was read.
    func append(record: PaperRecord) throws {
        records += 1
        pending.records.append(record)
        try appended()
    }

    /// Adds a record that could not be read.
    func append(reject: RejectedRecord) throws {
        pending.rejects.append(reject)
        try appended()
    }

    private func appended() throws {
        count += 1
        if pending.records.count + pending.rejects.count >= chunkSize { try flush() }
    }

    /// Hands on what is pending (nothing when nothing is).
    func finish() throws {
        if !pending.records.isEmpty || !pending.rejects.isEmpty { try flush() }
    }

    private func flush() throws {
        let chunk = pending
        pending = ExtractResult(format: format)
        try deliver(chunk)
    }

    /// Runs `body` with a sink that gathers everything, and returns it as one result.
    static func collect(format: RecordFormat, _ body: (RecordSink) throws -> Void) throws -> ExtractResult {
        var whole = ExtractResult(format: format)
        let sink = RecordSink(format: format, chunkSize: Int.max) { whole = $0 }
        try body(sink)
        try sink.finish()
        return whole
    }
}
