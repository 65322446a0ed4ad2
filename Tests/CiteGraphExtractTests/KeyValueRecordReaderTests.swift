import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct KeyValueRecordReaderTests {
    /// AAN metadata: 18,041 records (README of aan_acl_anthology_network).
    @Test func aanMetadata() throws {
        let file = try RecordFile(path: SharedData.path("aan_acl_anthology_network/acl-metadata.txt"))
        #expect(try FormatSniffer.detect(file) == .keyValue)
        let result = try Extractor.read(file)
        #expect(result.records.count + result.rejects.count == 18041)
        #expect(result.rejects.isEmpty, "\(result.rejects.prefix(3))")
        let first = result.records[0]
        #expect(first.ids == [WorkID(kind: .local, value: "D10-1001")])
        #expect(first.authors == ["Rush, Alexander M.", "Sontag, David", "Collins, Michael John", "Jaakkola, Tommi"])
        #expect(first.year == 2010 && first.venue == "EMNLP")
    }

    @Test func entitiesAndBadLines() throws {
        let text = "id = {X1}\nauthor = {Cr&eacute;pin, A}\ntitle = {A &amp; B}\nyear = {2001}\n\nid = {X2}\ngarbage\n"
        let result = try Extractor.read(RecordFile(path: "m.txt", bytes: Array(text.utf8)))
        #expect(result.records.map(\.title) == ["A & B"])
        #expect(result.records.first?.authors == ["Crépin, A"])
        #expect(result.rejects.map(\.line) == [7])
    }
}
