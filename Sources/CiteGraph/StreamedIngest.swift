import CiteGraphCore
import CiteGraphExtract
import CiteGraphStore
import Foundation

/// A file to ingest: read whole before storing, or streamed chunk by chunk while storing.
enum IngestInput {
    case whole(IngestBatch)
    case streamed(StreamedRecordFile)
    /// A whole file not read yet.
    case pending
}

/// Stores a streamed file: one thread reads, parses and prepares the next chunk of records
/// while the caller's thread stores the previous one, with at most two chunks in memory.
enum StreamedIngest {
    /// Reads `file` chunk by chunk into `session`.
    /// - Parameters:
    ///   - strict: the first malformed record fails the file (and the transaction).
    ///   - chunkSize: records (and rejects) per chunk.
    /// - Throws: `ExtractError` naming the file and line, or the store's error.
    static func store(_ file: StreamedRecordFile, into session: IngestSession, strict: Bool, chunkSize: Int = 10_000) throws {
        try store(into: session, strict: strict) { deliver in try Extractor.stream(file, chunkSize: chunkSize, deliver) }
    }

    /// Reads file `index` of the BibTeX `database` chunk by chunk into `session`.
    /// - Throws: `ExtractError` naming the file and line, or the store's error.
    static func store(_ index: Int, of database: BibTeXDatabase, into session: IngestSession, strict: Bool, chunkSize: Int = 10_000) throws {
        try store(into: session, strict: strict) { deliver in try database.stream(index, chunkSize: chunkSize, deliver) }
    }

    /// Stores what `read` hands its argument, chunk by chunk, reading on another thread.
    private static func store(
        into session: IngestSession, strict: Bool, read: @escaping @Sendable (_ deliver: @escaping (ExtractResult) throws -> Void) throws -> Void
    ) throws {
        let pipe = ChunkPipe<Chunk>(capacity: 1)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            defer { done.signal() }
            do {
                try read { result in
                    let chunk = Chunk(prepared: PreparedRecords(result.records), rejects: result.rejects)
                    guard pipe.put(.success(chunk)) else { throw CancellationError() }
                }
                _ = pipe.put(nil)
            } catch is CancellationError {
                return  // the consumer has gone
            } catch {
                _ = pipe.put(.failure(error))
            }
        }
        defer {
            pipe.cancel()
            done.wait()
        }
        while let item = pipe.take() {
            let chunk = try item.get()
            if strict, let reject = chunk.rejects.first { throw reject.error }
            try session.store(chunk.prepared)
            try session.store(rejects: chunk.rejects)
            // Free the chunk's strings on another thread: the writer is the bottleneck.
            DispatchQueue.global().async { withExtendedLifetime(chunk) {} }
        }
    }

    /// One chunk of a file, prepared for storing.
    struct Chunk: Sendable {
        var prepared: PreparedRecords
        var rejects: [RejectedRecord]
    }
}
