import Foundation
import Testing

@testable import CiteGraphExtract

@Suite struct GzipInputTests {
    /// A gzip of a real page (made with the system gzip) reads like the page itself.
    @Test func gzippedPageReadsLikeThePage() throws {
        let dir = SampleCorpus.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = SampleCorpus.files[0]
        let gz = dir.appendingPathComponent("page.txt.gz").path
        try SharedData.gzip(page, to: gz)
        let plain = try RecordFile(path: page)
        let inflated = try RecordFile(path: gz)
        #expect(inflated.bytes == plain.bytes)
        #expect(try Extractor.read(inflated).records.count == 146)
    }

    @Test func corruptGzipIsAnErrorNamingTheFile() throws {
        let bytes: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]
        #expect(throws: ExtractError.self) { try GzipInput.inflate(bytes, path: "bad.gz") }
    }
}
