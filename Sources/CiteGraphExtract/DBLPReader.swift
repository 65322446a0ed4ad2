import CiteGraphCore

/// Reader for dblp XML (`dblp.xml` and excerpts: a `<dblp>` root of publication records),
/// streamed; ISO-8859-1 and UTF-8 files alike.
///
/// Records: `article`, `inproceedings`, `proceedings`, `incollection`, `book`, `phdthesis`,
/// `mastersthesis` and `data`, each one paper. `www` records are dblp's person and homepage
/// entries, not publications: they are skipped (neither records nor rejects), as are
/// elements of unknown type.
///
/// Fields used: `@key` (local id `dblp:KEY`), `author` (in order; dblp's homonym number
/// such as "Manish Singh 0001" dropped), `title` (dblp's closing period dropped), `year`,
/// `journal`, else `booktitle`, else `school` (venue), `ee` links to doi.org (DOI) or
/// arxiv.org (arXiv id), and `cite` (dblp keys of cited works, as `dblp:KEY`, "..."
/// skipped). `crossref` names the proceedings volume a paper is part of, which is not a
/// citation: it is used as the venue only when there is none.
/// dblp's character entities (`&uuml;`, …, declared in `dblp.dtd`) are resolved from a
/// built-in table: the DTD is never loaded, from the disk or the network.
/// A record without a title is rejected with its line.
/// - Complexity: O(file size) time; memory O(one record).
public enum DBLPReader {
    /// The publication record types of dblp.dtd (without `www`).
    static let recordTypes: Set<String> = [
        "article", "inproceedings", "proceedings", "incollection", "book", "phdthesis", "mastersthesis", "data",
    ]

    /// What an element is to this reader, by its local name.
    enum Field {
        case record, author, title, year, journal, booktitle, school, crossref, ee, cite, other

        init(localName: String) {
            switch localName {
            case "author": self = .author
            case "title": self = .title
            case "year": self = .year
            case "journal": self = .journal
            case "booktitle": self = .booktitle
            case "school": self = .school
            case "crossref": self = .crossref
            case "ee": self = .ee
            case "cite": self = .cite
            default: self = recordTypes.contains(localName) ? .record : .other
            }
        }
    }

    /// The `Field` of each local name of one parse, by `XMLStart.localNameIndex`: the name is
    /// compared once, not at every tag.
    struct Fields {
        private var known: [Field?] = []

        mutating func of(_ start: XMLStart) -> Field {
            let index = start.localNameIndex
            if index >= 0 && index < known.count, let field = known[index] { return field }
            let field = Field(localName: start.localName)
            if index >= 0 {
                if index >= known.count { known.append(contentsOf: repeatElement(nil, count: index + 1 - known.count)) }
                known[index] = field
            }
            return field
        }
    }

    public static func looksLike(_ head: String) -> Bool {
        head.contains("<dblp>") || head.contains("<!DOCTYPE dblp") || head.contains("dblp.dtd")
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try XMLRecordReading.readWhole(file, format: .dblpXML, read)
    }

    /// Reads the records of `source` into `sink`, each as soon as its end tag is read.
    /// - Throws: `ExtractError` naming the file and line, or what the sink throws.
    static func read(_ source: XMLRecordReading.Source, into sink: RecordSink) throws {
        try XMLRecordReading.run(source, into: sink, attributesOf: recordTypes) { reader in
            var position = 0
            var depth = 0
            var fields = Fields()
            while let event = try reader.nextTag() {
                switch event {
                case .text: continue
                case .end: depth -= 1
                case .start(let start):
                    guard depth == 1 else { depth += 1; continue }
                    if fields.of(start) == .record {
                        try sink.append(record(reader, start: start, fields: &fields, file: source.name, position: position))
                        position += 1
                    } else {
                        try reader.skipElement()  // www (person pages) and unknown types
                    }
                }
            }
        }
    }

    static func record(
        _ reader: XMLStreamReader, start: XMLStart, fields: inout Fields, file: String, position: Int
    ) throws -> Result<PaperRecord, RejectedRecord> {
        var ids: [WorkID] = []
        if var key = start.attributes["key"], !key.isEmpty { ids.append(WorkID(kind: .local, value: key.withUTF8(dblpKey))) }
        var title = ""
        var authors: [String] = []
        var year: Int? = nil
        var journal: String? = nil, booktitle: String? = nil, school: String? = nil, crossref: String? = nil
        var references: [String] = []
        // Text that is not kept as it is (names, titles, years, links, keys) is read as bytes
        // (`withText`): most of it is ASCII straight from the parser, and only the strings
        // kept are made.
        try reader.readChildren { s in
            switch fields.of(s) {
            case .author: authors.append(try reader.withText(withoutHomonymNumber(utf8:)))
            case .title: title = try reader.withText(withoutClosingPeriod(utf8:))
            case .year: year = try reader.withText(XMLRecordReading.year(utf8:))
            case .journal: journal = try reader.readText()
            case .booktitle: booktitle = try reader.readText()
            case .school: school = try reader.readText()
            case .crossref: crossref = try reader.readText()
            case .ee:
                if let id = try reader.withText(linkID(utf8:)) { XMLRecordReading.add(id, to: &ids) }
            case .cite:
                try reader.withText { key in
                    if !key.isEmpty, !key.elementsEqual("...".utf8) { references.append(dblpKey(key)) }
                }
            case .record, .other:
                try reader.skipElement()
            }
        }
        guard !title.isEmpty else {
            return .failure(RejectedRecord(file: file, line: start.line, field: "title", reason: "\(start.localName) has no title"))
        }
        // The first non-empty of the four, without building an array of optionals per record.
        func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
        let venue = nonEmpty(journal) ?? nonEmpty(booktitle) ?? nonEmpty(school) ?? nonEmpty(crossref)
        return .success(
            PaperRecord(
                source: SourceLocation(file: file, position: position, line: start.line, format: RecordFormat.dblpXML.rawValue),
                ids: ids, title: title, authors: authors.contains(where: \.isEmpty) ? authors.filter { !$0.isEmpty } : authors, year: year, venue: venue, references: references))
    }

    /// "dblp:" and the dblp key whose UTF-8 is `key`, made as one string.
    static func dblpKey(_ key: UnsafeBufferPointer<UInt8>) -> String {
        let prefix: StaticString = "dblp:"
        let count = prefix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: count + key.count) { out in
            _ = UnsafeMutableBufferPointer(rebasing: out[..<count]).initialize(from: UnsafeBufferPointer(start: prefix.utf8Start, count: count))
            _ = UnsafeMutableBufferPointer(rebasing: out[count...]).initialize(from: key)
            return count + key.count
        }
    }

    /// The DOI of a doi.org link, else the arXiv id of an arxiv.org/abs/ link, in the link
    /// whose UTF-8 is `link`; nil for other links. Searched on the bytes when the link is
    /// ASCII, with Foundation's search otherwise (`XMLRecordReading.range(of:in:)`).
    static func linkID(utf8 link: UnsafeBufferPointer<UInt8>) -> WorkID? {
        let arxivPrefix: StaticString = "arxiv.org/abs/"
        if XMLInput.isASCII(link) {
            if XMLRecordReading.firstOffset(of: "doi.org/10.", inASCII: link) != nil, let doi = XMLRecordReading.doiID(inASCII: link) {
                return doi
            }
            guard let offset = XMLRecordReading.firstOffset(of: arxivPrefix, inASCII: link) else { return nil }
            let id = UnsafeBufferPointer(rebasing: link[(offset + arxivPrefix.utf8CodeUnitCount)...])
            return WorkID(kind: .arxiv, value: String(decoding: id, as: UTF8.self))
        }
        let text = String(decoding: link, as: UTF8.self)
        if XMLRecordReading.range(of: "doi.org/10.", in: text) != nil, let doi = XMLRecordReading.doiID(in: text) { return doi }
        guard let range = XMLRecordReading.range(of: arxivPrefix.description, in: text) else { return nil }
        return WorkID(kind: .arxiv, value: String(text[range.upperBound...]))
    }

    /// "Manish Singh 0001" → "Manish Singh" (dblp numbers people who share a name).
    static func withoutHomonymNumber(_ name: String) -> String {
        guard let space = name.lastIndex(of: " ") else { return name }
        // Four characters that are ASCII digits are four bytes that are.
        let tail = name.utf8[name.utf8.index(after: space)...]
        return tail.count == 4 && tail.allSatisfy({ (0x30...0x39).contains($0) }) ? String(name[..<space]) : name
    }

    /// `withoutHomonymNumber` of the name whose UTF-8 is `name`, decided on the bytes: the
    /// number is there exactly when the name ends in a space and four ASCII digits, and that
    /// space is a character of its own (so the last " ") unless a prepended mark, never ASCII,
    /// comes before it, which the `Character` rules decide.
    static func withoutHomonymNumber(utf8 name: UnsafeBufferPointer<UInt8>) -> String {
        let n = name.count
        guard n >= 5, name[n - 5] == 0x20, name[(n - 4)...].allSatisfy({ (0x30...0x39).contains($0) }) else {
            return String(decoding: name, as: UTF8.self)
        }
        guard n == 5 || name[n - 6] < 0x80 else { return withoutHomonymNumber(String(decoding: name, as: UTF8.self)) }
        return String(decoding: UnsafeBufferPointer(rebasing: name[..<(n - 5)]), as: UTF8.self)
    }

    /// A title without dblp's closing period ("Curvedness." → "Curvedness"; an ellipsis
    /// "…ing.." stays), as `String`'s `hasSuffix(".")`, `hasSuffix("..")` and `removeLast()`
    /// give it: decided on the bytes when the last three are ASCII (an ASCII period after an
    /// ASCII byte is a character of its own), by those `Character` rules otherwise.
    static func withoutClosingPeriod(utf8 title: UnsafeBufferPointer<UInt8>) -> String {
        let n = title.count
        let period = UInt8(ascii: ".")
        guard n > 0, title[n - 1] == period else { return String(decoding: title, as: UTF8.self) }
        guard title[max(0, n - 3)...].allSatisfy({ $0 < 0x80 }) else {
            var text = String(decoding: title, as: UTF8.self)
            if text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
            return text
        }
        let keep = n >= 2 && title[n - 2] == period ? n : n - 1
        return String(decoding: UnsafeBufferPointer(rebasing: title[..<keep]), as: UTF8.self)
    }
}
