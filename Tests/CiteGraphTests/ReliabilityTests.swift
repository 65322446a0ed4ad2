import Foundation
import FoundationXML
import GRDB
import Testing

/// Hostile and broken input through the real executable: every failure exits non-zero with a
/// message naming the file (and line), and leaves the store as it was.
@Suite(.serialized) struct ReliabilityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samplePage = root.appendingPathComponent("Sources/CiteGraph/SampleCorpus/000_73ef4b26953d8cfe.txt").path
    static let otherPage = root.appendingPathComponent("Sources/CiteGraph/SampleCorpus/004_639bd8d6488af004.txt").path

    /// A store holding one sample page, and its `stats --json`.
    static func seededStore(_ cli: CLIHarness) throws -> String {
        let ingest = try cli.run(["ingest", "--quiet", "--db", "s.sqlite", samplePage])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return try cli.run(["stats", "--json", "--db", "s.sqlite"]).stdout
    }

    /// Ingests `name` (with `extra` arguments) and checks: non-zero exit, stderr names the
    /// file (and `line` when given), the store's stats are unchanged.
    static func expectRefused(
        _ cli: CLIHarness, _ name: String, line: Int? = nil, extra: [String] = [], statsBefore: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try cli.run(["ingest", "--db", "s.sqlite"] + extra + [Self.otherPage, name])
        #expect(result.status != 0, "\(name) was accepted", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(name), "message does not name \(name): \(result.stderr)", sourceLocation: sourceLocation)
        if let line {
            #expect(result.stderr.contains("\(name):\(line):"), "message does not name line \(line): \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        let after = try cli.run(["stats", "--json", "--db", "s.sqlite"]).stdout
        #expect(after == statsBefore, "\(name) changed the store", sourceLocation: sourceLocation)
    }

    @Test func brokenFilesAreRefusedNamingFileAndLine() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        let before = try Self.seededStore(cli)
        let fm = FileManager.default

        _ = fm.createFile(atPath: cli.path("empty.txt"), contents: Data())
        try Self.expectRefused(cli, "empty.txt", statsBefore: before)

        var generator = SplitMix64(seed: 20_241_122)
        let binary = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        _ = fm.createFile(atPath: cli.path("binary.dat"), contents: binary)
        try Self.expectRefused(cli, "binary.dat", statsBefore: before)
        // A gzip header on garbage, and gzip cut short.
        _ = fm.createFile(atPath: cli.path("corrupt.gz"), contents: Data([0x1F, 0x8B, 0x08, 0x00]) + binary.prefix(200))
        try Self.expectRefused(cli, "corrupt.gz", statsBefore: before)

        // Latin-1 in a daily-papers page: the message names the line of the first non-ASCII byte.
        var page = try String(contentsOfFile: Self.otherPage, encoding: .utf8)
        page += "\nCaf\u{E9} graphs for na\u{EF}ve readers\nAn abstract about caf\u{E9}s.\n"
        let latin1 = try #require(page.data(using: .isoLatin1, allowLossyConversion: true))
        let firstHigh = try #require(latin1.firstIndex { $0 >= 0x80 })
        let latinLine = latin1[..<firstHigh].filter { $0 == 0x0A }.count + 1
        _ = fm.createFile(atPath: cli.path("latin1.txt"), contents: latin1)
        try Self.expectRefused(cli, "latin1.txt", line: latinLine, statsBefore: before)

        // Truncated mid-record: by default the cut record goes to `rejects` with file and line
        // (README: malformed records are rejects) and the records before it are kept;
        // --strict fails the file. RIS: the open record's line.
        let ris = "TY  - JOUR\nTI  - A complete record\nPY  - 2020\nER  - \nTY  - JOUR\nTI  - A record cut sh"
        try ris.write(toFile: cli.path("cut.ris"), atomically: true, encoding: .utf8)
        try Self.expectRefused(cli, "cut.ris", line: 5, extra: ["--strict"], statsBefore: before)
        // XML cut in the middle of an element.
        let atom = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/fuzz/seeds/arxiv-atom.xml"), encoding: .utf8)
        try String(atom.prefix(atom.count / 2)).write(toFile: cli.path("cut.xml"), atomically: true, encoding: .utf8)
        try Self.expectRefused(cli, "cut.xml", extra: ["--strict"], statsBefore: before)
        // JSON document cut short.
        let json = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/fuzz/seeds/openalex.json"), encoding: .utf8)
        try String(json.prefix(json.count / 2)).write(toFile: cli.path("cut.json"), atomically: true, encoding: .utf8)
        try Self.expectRefused(cli, "cut.json", extra: ["--strict"], statsBefore: before)

        try fm.createDirectory(atPath: cli.path("adirectory"), withIntermediateDirectories: true)
        try Self.expectRefused(cli, "adirectory", statsBefore: before)
        try Self.expectRefused(cli, "missing-file.txt", statsBefore: before)
    }

    @Test func unreadableFileIsRefused() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        let before = try Self.seededStore(cli)
        let path = cli.path("locked.txt")
        try FileManager.default.copyItem(atPath: Self.otherPage, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        if FileManager.default.isReadableFile(atPath: path) {
            print("unreadableFileIsRefused: skipped, chmod 000 does not stop this user (root) from reading")
            return
        }
        try Self.expectRefused(cli, "locked.txt", statsBefore: before)
    }

    @Test func utf16WithByteOrderMarkIsTranscoded() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        let text = try String(contentsOfFile: Self.samplePage, encoding: .utf8)
        let utf8 = try cli.run(["ingest", "--quiet", "--db", "utf8.sqlite", Self.samplePage])
        #expect(utf8.status == 0)
        let expected = try cli.run(["stats", "--json", "--db", "utf8.sqlite"]).stdout
        for (name, encoding) in [("le.txt", String.Encoding.utf16LittleEndian), ("be.txt", .utf16BigEndian)] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            _ = FileManager.default.createFile(atPath: cli.path(name), contents: Data(bom) + text.data(using: encoding)!)
            let result = try cli.run(["ingest", "--quiet", "--db", "\(name).sqlite", name])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(try cli.run(["stats", "--json", "--db", "\(name).sqlite"]).stdout == expected)
        }
        // An unpaired surrogate is an encoding error naming the file.
        _ = FileManager.default.createFile(atPath: cli.path("bad16.txt"), contents: Data([0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x41, 0x00]))
        let bad = try cli.run(["ingest", "--db", "bad.sqlite", "bad16.txt"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("bad16.txt:2:"), "\(bad.stderr)")
    }

    /// Files in the directory of `path` with their bytes, to prove nothing was created or changed.
    static func snapshot(_ directory: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            result[name] = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
        }
        return result
    }

    @Test func foreignAndNewerStoresAreRefusedUntouched() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        let fm = FileManager.default
        // Random bytes.
        try fm.createDirectory(atPath: cli.path("random"), withIntermediateDirectories: true)
        var generator = SplitMix64(seed: 7)
        _ = fm.createFile(atPath: cli.path("random/store.sqlite"), contents: Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        // A SQLite database of another application.
        try fm.createDirectory(atPath: cli.path("foreign"), withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: cli.path("foreign/store.sqlite"))
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5)")
            }
            try queue.close()
        }
        // A citegraph store written by a newer version: a migration this version does not know.
        try fm.createDirectory(atPath: cli.path("newer"), withIntermediateDirectories: true)
        #expect(try cli.run(["ingest", "--quiet", "--db", "newer/store.sqlite", Self.samplePage]).status == 0)
        do {
            var configuration = Configuration()
            configuration.journalMode = .wal
            let pool = try DatabasePool(path: cli.path("newer/store.sqlite"), configuration: configuration)
            try pool.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
            try pool.close()
        }

        for (dir, expected) in [("random", "not a citegraph store"), ("foreign", "not a citegraph store"), ("newer", "newer citegraph")] {
            let before = try Self.snapshot(cli.path(dir))
            for arguments in [
                ["stats", "--json"], ["ingest", Self.samplePage], ["run", Self.samplePage, "--out", dir], ["rank", "--graph", "cotopic"],
            ] {
                let result = try cli.run(arguments + ["--db", "\(dir)/store.sqlite"])
                #expect(result.status != 0, "\(dir): \(arguments[0]) succeeded")
                #expect(result.stderr.contains("\(dir)/store.sqlite"), "\(dir): \(result.stderr)")
                #expect(result.stderr.contains(expected), "\(dir): \(result.stderr)")
                #expect(try Self.snapshot(cli.path(dir)) == before, "\(dir): \(arguments[0]) changed the directory")
            }
        }
    }

    /// Readers (`stats`, `rank`) while another process ingests: they succeed and see the
    /// store before or after the ingest, never in between (WAL, one transaction per file).
    @Test func readersDuringIngestSeeConsistentState() throws {
        let cli = CLIHarness()
        defer { cli.cleanUp() }
        let before = try Self.seededStore(cli)
        #expect(try cli.run(["build", "--quiet", "--db", "s.sqlite", "--graph", "cotopic"]).status == 0)
        let papersBefore = try Self.papers(before)
        // A corpus large enough for the ingest to take a while.
        var lines: [String] = []
        for i in 0..<4000 {
            let record: [String: Any] = [
                "id": "bulk\(i)", "title": "Bulk paper \(i) on citation graph analytics", "abstract": "We study graphs number \(i).",
                "authors": ["Doe, J.", "Roe, R."], "year": 2000 + i % 25, "references": i > 0 ? ["bulk\(i - 1)"] : [],
            ]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: cli.path("bulk.jsonl"), atomically: true, encoding: .utf8)

        let writer = Process()
        writer.executableURL = CLIHarness.executable
        writer.arguments = ["ingest", "--quiet", "--db", "s.sqlite", "bulk.jsonl"]
        writer.currentDirectoryURL = cli.directory
        try writer.run()
        var seen = Set<Int>()
        var reads = 0
        repeat {
            let stats = try cli.run(["stats", "--json", "--db", "s.sqlite"])
            #expect(stats.status == 0, "\(stats.stderr)")
            let papers = try Self.papers(stats.stdout)
            #expect(papers == papersBefore || papers == papersBefore + 4000, "stats saw \(papers) papers mid-ingest")
            seen.insert(papers)
            let rank = try cli.run(["rank", "--db", "s.sqlite", "--graph", "cotopic", "--top", "3", "--format", "csv"])
            #expect(rank.status == 0, "\(rank.stderr)")
            reads += 1
        } while writer.isRunning
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(try Self.papers(try cli.run(["stats", "--json", "--db", "s.sqlite"]).stdout) == papersBefore + 4000)
        print("readersDuringIngestSeeConsistentState: \(reads) stats+rank reads during the ingest, paper counts seen: \(seen.sorted())")
    }

    static func papers(_ statsJSON: String) throws -> Int {
        let json = try JSONSerialization.jsonObject(with: Data(statsJSON.utf8)) as? [String: Any]
        return try #require(json?["papers"] as? Int)
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a seeded generator for reproducible test data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
