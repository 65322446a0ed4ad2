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
    /// - Parameter strict: the first malformed record fails the file (and the transaction).
    /// - Throws: `ExtractError` naming the file and line, or the store's error.
    /// - Parameter chunkSize: records (and rejects) per chunk.
    static func store(_ file: StreamedRecordFile, into session: IngestSession, strict: Bool, chunkSize: Int = 10_000) throws {
        let pipe = ChunkPipe<Chunk>(capacity: 1)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            defer { done.signal() }
            do {
                try Extractor.stream(file, chunkSize: chunkSize) { result in
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
