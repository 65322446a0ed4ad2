import CiteGraphCore
import CiteGraphExtract
import Foundation
import GRDB
import Testing

@testable import CiteGraphStore

/// Authors' name parts, ORCID iDs and service ids, from real OpenAlex works.
@Suite struct AuthorIdentityTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")

    @Test func nameParts() {
        #expect(AuthorName.initials("John Ronald Reuel") == "JRR")
        #expect(AuthorName.initials("J.-P.") == "JP")
        #expect(AuthorName.initials("") == "")
        #expect(AuthorName.split("Doe, John K.") == ("Doe", "John K."))
        #expect(AuthorName.initials(AuthorName.split("Ronny Hänsch").given) == "R")
        #expect(AuthorName.orcid("https://orcid.org/0000-0002-1825-0097") == "0000-0002-1825-0097")
        #expect(AuthorName.orcid("0000-0002-1694-233X") == "0000-0002-1694-233X")
        #expect(AuthorName.orcid("not an orcid") == nil)
    }

    /// The OpenAlex file names 1,181 distinct ORCID iDs (counted with Python's json module):
    /// every stored ORCID is one of them, and authors keyed by name keep almost all of them
    /// (two people sharing one name key keep the first one's ORCID).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: AuthorIdentityTests.data.path), "../shared/data is missing"))
    func openAlexAuthorsKeepTheirORCIDs() throws {
        let path = Self.data.appendingPathComponent("openalex_works_tu9_2022/institutions-id-tu9--type-selection--py-diophila.json").path
        let works = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [[String: Any]])
        var fileORCIDs = Set<String>()
        for work in works {
            for authorship in work["authorships"] as? [[String: Any]] ?? [] {
                if let orcid = (authorship["author"] as? [String: Any])?["orcid"] as? String, let bare = AuthorName.orcid(orcid) { fileORCIDs.insert(bare) }
            }
        }
        #expect(fileORCIDs.count == 1181)
        let store = try Store(path: FileManager.default.temporaryDirectory.appendingPathComponent("orcid-\(UUID().uuidString).sqlite").path)
        defer { try? FileManager.default.removeItem(atPath: store.path) }
        let file = try RecordFile(path: path)
        let result = try Extractor.read(file)
        _ = try store.ingest(IngestBatch(path: path, digest: file.digest, format: result.format.rawValue, records: result.records, rejects: result.rejects))
        let (stored, withServiceID, hansch) = try store.pool.read { db in
            (try String.fetchSet(db, sql: "SELECT orcid FROM authors WHERE orcid IS NOT NULL"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM authors WHERE service_id LIKE 'openalex:A%'") ?? 0,
             try Row.fetchOne(db, sql: "SELECT family, given, initials, service_id FROM authors WHERE name = 'Ronny Hänsch'"))
        }
        print("OpenAlex: \(stored.count) of \(fileORCIDs.count) ORCIDs stored, \(withServiceID) authors with an OpenAlex id")
        #expect(stored.isSubset(of: fileORCIDs))
        #expect(Double(stored.count) >= 0.97 * Double(fileORCIDs.count))
        #expect(withServiceID > 0)
        // Volume and first page from `biblio`: 13 and 16 of the 410 works have them (Python).
        let (volumes, pages) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM papers WHERE volume IS NOT NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM papers WHERE first_page IS NOT NULL") ?? 0)
        }
        #expect(volumes == 13 && pages == 16, "volumes \(volumes), first pages \(pages)")
        let row = try #require(hansch)
        #expect(row[0] as String == "Hänsch" && row[1] as String == "Ronny" && row[2] as String == "R")
        #expect(row[3] as String == "openalex:A4202611140")
    }
}
