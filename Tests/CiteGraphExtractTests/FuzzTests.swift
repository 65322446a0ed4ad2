import CiteGraphCore
import CiteGraphExtract
import Foundation
import Testing

/// Mutation fuzzing of every reader family: real fixtures (Tests/Fixtures/fuzz/seeds, see the
/// README there) are mutated by a seeded generator and read through the same path as the
/// command line (`RecordFile(path:)`, then `Extractor.read` with the family's format and with
/// the format sniffed). A reader may throw an `ExtractError` naming the file, or return
/// records and rejects; it must not crash, throw anything else, or run past the time bound.
/// Where the format is streamed (`StreamedRecordFile`), the input is also streamed in chunks
/// of 7 records (`Extractor.stream`, as ingest reads it), which must give what the whole-file
/// reader gives: the same records, rejects, or error (for invalid JSON: an error).
///
/// Budget: `CITEGRAPH_FUZZ_BUDGET` mutations per family (default 40, so the normal suite
/// stays quick); `scripts/fuzz.sh BUDGET` raises it. Seed: `CITEGRAPH_FUZZ_SEED` (printed).
/// Before each execution the input is written to `$TMPDIR/citegraph-fuzz/<family>.current`,
/// so a crash leaves the offending input behind; inputs that hang are saved beside it.
/// Crashes found are kept as regression inputs in Tests/Fixtures/fuzz/crashes.
@Suite struct FuzzTests {
    static let fixtures = SampleCorpus.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz")

    /// A reader family: the seed files it starts from and the formats it is read with.
    struct Family: Sendable, CustomTestStringConvertible {
        var name: String
        var seeds: [String]
        var formats: [RecordFormat]
        var testDescription: String { name }
    }

    static let families: [Family] = [
        Family(name: "daily-papers", seeds: ["daily-papers.txt"], formats: [.dailyPapers]),
        Family(name: "wos", seeds: ["wos.isi"], formats: [.webOfScience]),
        Family(name: "ris", seeds: ["example.ris"], formats: [.ris]),
        Family(name: "medline", seeds: ["medline.txt"], formats: [.medline]),
        Family(name: "bibtex", seeds: ["krr.bib"], formats: [.bibtex]),
        Family(name: "csv", seeds: ["scopus.csv"], formats: [.csv]),
        Family(name: "json", seeds: ["openalex.json", "aminer.json", "s2.json", "crossref.json", "records.jsonl"], formats: [.json, .jsonl]),
        Family(name: "edge-list", seeds: ["cora.cites", "acl.txt"], formats: [.edgeList, .edgeListCitedFirst]),
        Family(
            name: "xml", seeds: ["pubmed.xml", "jats.nxml", "arxiv-oai.xml", "arxiv-atom.xml", "dblp.xml"],
            formats: [.pubmedXML, .jats, .arxivOAI, .arxivAtom, .dblpXML]),
        Family(name: "gzip", seeds: ["records.jsonl.gz"], formats: [.jsonl]),
    ]

    static var budget: Int { ProcessInfo.processInfo.environment["CITEGRAPH_FUZZ_BUDGET"].flatMap(Int.init) ?? 40 }
    static var baseSeed: UInt64 {
        ProcessInfo.processInfo.environment["CITEGRAPH_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x00C1_7E96_0000_F022
    }
    /// Longest time one input may take through one reader (debug build, shared CPU).
    static var timeBound: Double {
        ProcessInfo.processInfo.environment["CITEGRAPH_FUZZ_TIMEOUT"].flatMap(Double.init) ?? 10
    }

    static func seedBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("seeds/\(name)")))
    }

    @Test(arguments: families)
    func readerSurvivesMutatedInput(_ family: Family) throws {
        let seeds = try family.seeds.map(Self.seedBytes)
        // Splicing draws from every family's seeds, so formats meet each other's syntax.
        let donors = try Self.families.flatMap(\.seeds).map(Self.seedBytes)
        let seed = Self.baseSeed ^ UInt64(truncatingIfNeeded: family.name.hashValueStable)
        let budget = Self.budget
        print("fuzz \(family.name): seed \(seed), \(budget) mutations")
        var generator = SplitMix64(seed: seed)
        let workDir = FileManager.default.temporaryDirectory.appendingPathComponent("citegraph-fuzz")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
        let current = workDir.appendingPathComponent("\(family.name).current").path
        var executions = 0
        for iteration in 0..<budget {
            let base = seeds[iteration % seeds.count]
            let input = Mutator.mutate(base, donors: donors, using: &generator)
            guard FileManager.default.createFile(atPath: current, contents: Data(input)) else {
                Issue.record("cannot write \(current)"); return
            }
            var formats: [RecordFormat?] = family.formats.map { $0 }
            formats.append(nil)
            for format in formats {
                executions += 1
                let outcome = Self.readBounded(path: current, format: format, seconds: Self.timeBound)
                switch outcome {
                case .ok, .extractError:
                    break
                case .otherError(let description):
                    Issue.record("fuzz \(family.name) seed \(seed) iteration \(iteration) format \(format?.rawValue ?? "sniffed"): not an ExtractError: \(description)")
                case .wrongPath(let message):
                    Issue.record("fuzz \(family.name) seed \(seed) iteration \(iteration): error does not name the file: \(message)")
                case .streamedDiffers(let message):
                    let saved = workDir.appendingPathComponent("differs-\(family.name)-\(seed)-\(iteration).bin")
                    try? Data(input).write(to: saved)
                    Issue.record("fuzz \(family.name) seed \(seed) iteration \(iteration) format \(format?.rawValue ?? "sniffed"): streamed reading differs (\(message)); input saved to \(saved.path)")
                case .timedOut:
                    let saved = workDir.appendingPathComponent("hang-\(family.name)-\(seed)-\(iteration).bin")
                    try? Data(input).write(to: saved)
                    Issue.record("fuzz \(family.name) seed \(seed) iteration \(iteration) format \(format?.rawValue ?? "sniffed"): more than \(Self.timeBound) s; input saved to \(saved.path)")
                    return  // the reading thread cannot be stopped; stop this family
                }
            }
        }
        print("fuzz \(family.name): \(executions) executions, no crash")
    }

    /// Every committed crash input is read without crashing, with every format.
    @Test func crashRegressionInputs() throws {
        let dir = Self.fixtures.appendingPathComponent("crashes")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasSuffix(".md") }.sorted()
        for name in names {
            let path = dir.appendingPathComponent(name).path
            for format in RecordFormat.allCases.map(Optional.some) + [nil] {
                let outcome = Self.readBounded(path: path, format: format, seconds: Self.timeBound)
                switch outcome {
                case .ok, .extractError: break
                default: Issue.record("\(name) with \(format?.rawValue ?? "sniffed"): \(outcome)")
                }
            }
        }
    }

    enum Outcome: Sendable {
        case ok, extractError, otherError(String), wrongPath(String), timedOut, streamedDiffers(String)
    }

    /// Reads `path` on a separate thread and waits at most `seconds`.
    static func readBounded(path: String, format: RecordFormat?, seconds: Double) -> Outcome {
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = read(path: path, format: format)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        if done.wait(timeout: .now() + seconds) == .timedOut { return .timedOut }
        return box.value ?? .timedOut
    }

    static func read(path: String, format: RecordFormat?) -> Outcome {
        let whole = readWhole(path: path, format: format)
        if let difference = streamedDifference(path: path, format: format, whole: whole) { return .streamedDiffers(difference) }
        switch whole {
        case .success(let result):
            if let reject = result.rejects.first(where: { $0.file != path }) {
                return .wrongPath("reject names \(reject.file)")
            }
            return .ok
        case .failure(let error as ExtractError):
            let message = error.localizedDescription
            return error.path == path && message.hasPrefix(path) ? .extractError : .wrongPath(message)
        case .failure(let error):
            return .otherError("\(type(of: error)): \(error)")
        }
    }

    static func readWhole(path: String, format: RecordFormat?) -> Result<ExtractResult, Error> {
        Result { try Extractor.read(RecordFile(path: path), format: format) }
    }

    /// How streaming `path` differs from reading it whole; nil when it does not (or the file
    /// is read whole).
    static func streamedDifference(path: String, format: RecordFormat?, whole: Result<ExtractResult, Error>) -> String? {
        let file: StreamedRecordFile
        do {
            guard let opened = try StreamedRecordFile.open(path: path, format: format) else { return nil }
            file = opened
        } catch {
            if case .success = whole { return "streaming cannot open what reads whole: \(error)" }
            return nil
        }
        var records: [PaperRecord] = []
        var rejects: [RejectedRecord] = []
        let streamed = Result {
            try Extractor.stream(file, chunkSize: 7) { chunk in
                records += chunk.records
                rejects += chunk.rejects
            }
        }
        switch (whole, streamed) {
        case (.success(let result), .success):
            if result.rejects != rejects { return "rejects \(rejects.prefix(3)) instead of \(result.rejects.prefix(3))" }
            if result.records != records {
                let index = zip(records, result.records).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(records.count, result.records.count)
                return "\(records.count) records instead of \(result.records.count), from record \(index)"
            }
            return nil
        case (.failure(let a), .failure(let b)):
            return file.format == .json || "\(a)" == "\(b)" ? nil : "error \(b) instead of \(a)"
        case (.success, .failure(let error)):
            return "error \(error) instead of records"
        case (.failure(let error), .success):
            return "records instead of error \(error)"
        }
    }

    final class OutcomeBox: @unchecked Sendable {
        var value: Outcome?
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator for reproducible fuzzing.
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

extension String {
    /// FNV-1a of the UTF-8 bytes: a hash that is the same in every process (unlike `hashValue`).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 { hash ^= UInt64(b); hash = hash &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

/// Byte-level mutations: bit flips, insertions, deletions, truncation, duplication, splicing
/// with another fixture, and tokens that readers treat specially (quotes, braces, markup,
/// entities, NUL, invalid UTF-8, record terminators).
enum Mutator {
    static let tokens: [[UInt8]] = [
        Array("\"".utf8), Array("{".utf8), Array("}".utf8), Array("<".utf8), Array(">".utf8), Array("&".utf8),
        [0], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF],
        Array("\r\n".utf8), Array("\n\n".utf8), Array("\\".utf8), Array(",".utf8), Array("\t".utf8), Array("#".utf8),
        Array("&amp;".utf8), Array("&#0;".utf8), Array("&#x110000;".utf8), Array("&undefined;".utf8), Array("]]>".utf8),
        Array("<![CDATA[".utf8), Array("<!ENTITY e \"x\">".utf8), Array("</".utf8), Array("/>".utf8), Array("<?xml ".utf8),
        Array("@string{".utf8), Array("@article{".utf8), Array("#".utf8), Array("\\\"{".utf8), Array("{\\".utf8),
        Array("ER  - ".utf8), Array("TY  - ".utf8), Array("ER\n".utf8), Array("PMID- ".utf8), Array("      ".utf8),
        Array("[".utf8), Array("]".utf8), Array(":".utf8), Array("null".utf8), Array("1e999".utf8), Array("-0".utf8),
        Array("\"\\u".utf8), Array("\\ud800".utf8), Array("==>".utf8), Array("%".utf8), Array("=".utf8),
        Array("99999999999999999999".utf8), Array(repeating: UInt8(ascii: "{"), count: 200),
        Array(repeating: UInt8(ascii: "["), count: 300), Array(repeating: UInt8(ascii: "<"), count: 50),
    ]

    static func mutate<G: RandomNumberGenerator>(_ base: [UInt8], donors: [[UInt8]], using g: inout G) -> [UInt8] {
        var bytes = base
        let steps = Int.random(in: 1...4, using: &g)
        for _ in 0..<steps {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &g)
            switch Int.random(in: 0..<9, using: &g) {
            case 0:  // bit flips
                for _ in 0..<Int.random(in: 1...8, using: &g) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &g)] ^= 1 << UInt8.random(in: 0..<8, using: &g)
                }
            case 1:  // random bytes inserted
                bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }, at: at)
            case 2:  // a range deleted
                if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...256, using: &g))) }
            case 3:  // truncated
                bytes.removeSubrange(min(at, bytes.count)...)
            case 4, 5:  // special token inserted (twice as likely)
                bytes.insert(contentsOf: tokens.randomElement(using: &g)!, at: at)
            case 6:  // spliced: our prefix, another fixture's suffix
                let donor = donors.randomElement(using: &g)!
                let from = donor.isEmpty ? 0 : Int.random(in: 0..<donor.count, using: &g)
                bytes.removeSubrange(min(at, bytes.count)...)
                bytes.append(contentsOf: donor[from...])
            case 7:  // a chunk duplicated
                if at < bytes.count {
                    let chunk = Array(bytes[at..<min(bytes.count, at + Int.random(in: 1...512, using: &g))])
                    bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &g))
                }
            default:  // a byte replaced with a boundary value
                if at < bytes.count { bytes[at] = [0x00, 0x7F, 0x80, 0xC0, 0xFF, 0x0A, 0x0D, 0x22, 0x5C].randomElement(using: &g)! }
            }
        }
        return bytes
    }
}
