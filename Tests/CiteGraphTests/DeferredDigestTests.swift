import CiteGraph
import CiteGraphExtract
import Foundation
import GRDB
import Testing

/// A streamed file ingested into a store without files gets its digest while it is stored:
/// the digest recorded (in `source_files` and on its rejects) must be the file's content
/// digest, so that ingesting it again — alone or beside another file — stores nothing.
@Suite struct DeferredDigestTests {
    @Test func deferredDigestIsTheContentDigest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("records.jsonl").path
        // Line 2 is a reject (a year out of range): the reject carries the file's digest too.
        try """
            {"id": "a1", "title": "First paper on graphs", "authors": ["Doe, J."], "year": 2020, "references": ["b2"]}
            {"id": "bad", "title": "Out of range", "year": 20200}
            {"id": "b2", "title": "Second paper on graphs", "authors": ["Roe, R."], "year": 2019}

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let expected = try RecordFile(path: file).digest
        let database = dir.appendingPathComponent("s.sqlite").path
        let pipeline = try Pipeline(databasePath: database)
        let first = try pipeline.ingest(paths: [file])
        #expect(first.map(\.records) == [2])
        #expect(first.map(\.rejects) == [1])
        let queue = try DatabaseQueue(path: database)
        let digests = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT digest FROM source_files"), try String.fetchAll(db, sql: "SELECT file_digest FROM rejects"))
        }
        #expect(digests.0 == [expected])
        #expect(digests.1 == [expected])
        // Again, after a file read with its digest computed first: nothing new.
        let again = try pipeline.ingest(paths: [SampleCorpusPaths.first, file])
        #expect(again.map(\.alreadyIngested) == [false, true])
        // A copy given beside the file into a new store: the copy is known by the digest the
        // first one got while it was stored.
        let copy = dir.appendingPathComponent("copy.jsonl").path
        try FileManager.default.copyItem(atPath: file, toPath: copy)
        let fresh = try Pipeline(databasePath: dir.appendingPathComponent("t.sqlite").path)
        #expect(try fresh.ingest(paths: [file, copy]).map(\.alreadyIngested) == [false, true])
    }
}

/// A bundled sample page, a file of another format to ingest before the JSON Lines one.
enum SampleCorpusPaths {
    static let first = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CiteGraph/SampleCorpus/000_73ef4b26953d8cfe.txt").path
}
