import CiteGraph
import CiteGraphExtract
import Foundation
import GRDB
import Testing

/// A streamed file ingested into a store without files gets its digest while it is stored:
/// the digest recorded (in `source_files` and on its rejects) must be the file's content
/// digest, so that ingesting it again — alone or beside another file — stores nothing.
@Suite struct DeferredDigestTests {
    /// A new empty directory under the system's temporary directory.
    static func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func deferredDigestIsTheContentDigest() throws {
        let dir = try Self.scratchDirectory()
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

    /// A store written by an older citegraph holds FNV-1a digests (16 hex digits, no
    /// "xxh64:"): a file it holds is still recognised, read whole (a daily-papers page) or
    /// streamed (JSON Lines), and a new file gets today's digest.
    @Test func filesInAStoreWithLegacyDigestsAreRecognised() throws {
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("records.jsonl").path
        try """
            {"id": "a1", "title": "First paper on graphs", "year": 2020}

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let database = dir.appendingPathComponent("old.sqlite").path
        let pipeline = try Pipeline(databasePath: database)
        #expect(try pipeline.ingest(paths: [SampleCorpusPaths.first, file]).map(\.alreadyIngested) == [false, false])
        // As an older version would have stored them.
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            try db.execute(sql: "UPDATE source_files SET digest = ? WHERE path = ?", arguments: [try RecordFile(path: SampleCorpusPaths.first).legacyDigest, SampleCorpusPaths.first])
            try db.execute(sql: "UPDATE source_files SET digest = ? WHERE path = ?", arguments: [try StreamedRecordFile.legacyContentDigest(path: file), file])
        }
        try queue.close()
        let again = try Pipeline(databasePath: database)
        let second = SampleCorpusPaths.first.replacingOccurrences(of: "000_73ef4b26953d8cfe", with: "001_2104e24bc6dda065")
        #expect(try again.ingest(paths: [SampleCorpusPaths.first, file, second]).map(\.alreadyIngested) == [true, true, false])
        let digests = try DatabaseQueue(path: database).read { db in try String.fetchAll(db, sql: "SELECT digest FROM source_files ORDER BY id") }
        #expect(digests.count == 3)
        #expect(digests[2] == (try RecordFile(path: second).digest) && digests[2].hasPrefix("xxh64:"))
        #expect(digests.prefix(2).allSatisfy { !$0.contains(":") })
    }
}

/// A bundled sample page, a file of another format to ingest before the JSON Lines one.
enum SampleCorpusPaths {
    static let first = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CiteGraph/SampleCorpus/000_73ef4b26953d8cfe.txt").path
}
