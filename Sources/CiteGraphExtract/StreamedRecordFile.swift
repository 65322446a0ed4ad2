import CiteGraphCore

/// A record file that can be read in chunks of records instead of whole: what is known of it
/// before reading (the format from its head, the content digest from one streaming pass).
public struct StreamedRecordFile: Sendable {
    /// The path to open.
    public let path: String
    /// The name recorded in provenance and messages (defaults to the path).
    public let displayName: String
    /// The content digest of the (inflated) content, equal to `RecordFile(path:).digest`; nil
    /// when `open` was asked not to compute it (see `contentDigest(path:)`).
    public let digest: String?
    /// The format the file is read as.
    public let format: RecordFormat

    /// The formats read in chunks (`Extractor.stream`; BibTeX files given together through
    /// `BibTeXDatabase`); files of the others are read whole by `Extractor.read`: an edge
    /// list's records gather each node's links from the whole file, and daily-papers pages
    /// are small.
    public static let streamableFormats: Set<RecordFormat> = [
        .jsonl, .pubmedXML, .jats, .arxivOAI, .arxivAtom, .dblpXML, .webOfScience, .ris, .medline, .keyValue, .csv, .json, .bibtex,
    ]

    /// Opens `path`, sniffs its format from the first kilobytes (unless `format` is given)
    /// and computes its digest in one pass (unless `digest` is false), or returns nil when the
    /// file is read whole (another format, a JSON document that is one object, or UTF-16 text
    /// that needs transcoding).
    /// - Throws: `ExtractError` naming the file (missing, unreadable, empty, unknown format).
    public static func open(path: String, displayName: String? = nil, format: RecordFormat? = nil, digest: Bool = true) throws
        -> StreamedRecordFile?
    {
        let name = displayName ?? path
        let stream = try FileByteStream(path: path)
        var head: [UInt8] = []
        while head.count < 4096, try stream.read(into: &head) {}
        if head.isEmpty { throw ExtractError.emptyFile(path: path) }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }
        let chosen = try format ?? FormatSniffer.detect(RecordFile(path: name, bytes: Array(head.prefix(4096))))
        guard streamableFormats.contains(chosen) else { return nil }
        if chosen == .json, !JSONArrayStream.startsWithArray(head) { return nil }  // one object: read whole
        let hex = digest ? try contentDigest(of: stream, head: head) : nil
        return StreamedRecordFile(path: path, displayName: name, digest: hex, format: chosen)
    }

    /// The content digest (`ContentDigest`) of the (inflated) content of `path`, equal to
    /// `RecordFile(path:).digest`, read in blocks with bounded memory.
    /// - Throws: `ExtractError` naming the file.
    public static func contentDigest(path: String) throws -> String {
        try contentDigest(of: FileByteStream(path: path), head: [])
    }

    /// The FNV-1a digest older stores hold (`RecordFile.legacyDigest`) of the content of `path`.
    /// - Throws: `ExtractError` naming the file.
    public static func legacyContentDigest(path: String) throws -> String {
        var hash = RecordFile.FNV1a()
        try forEachBlock(of: FileByteStream(path: path), head: []) { hash.add($0) }
        return hash.hex
    }

    private static func contentDigest(of stream: FileByteStream, head: [UInt8]) throws -> String {
        var digest = ContentDigest()
        try forEachBlock(of: stream, head: head) { digest.add($0) }
        return digest.hex
    }

    private static func forEachBlock(of stream: FileByteStream, head: [UInt8], _ body: ([UInt8]) -> Void) throws {
        body(head)
        var block: [UInt8] = []
        while try stream.read(into: &block) {
            body(block)
            block.removeAll(keepingCapacity: true)
        }
    }
}
