import CLibXML2
import CiteGraphCore

/// One thing met while streaming through an XML document.
enum XMLEvent: Equatable {
    /// An element's start tag (an empty element `<a/>` gives `.start` then `.end`).
    case start(XMLStart)
    /// Character data: text, CDATA, whitespace, or a character entity this reader resolved.
    case text(String)
    /// An element's end tag, by local name.
    case end(String)
}

/// An element's start tag.
struct XMLStart: Equatable {
    /// The name as written, with its prefix (`dc:title`).
    var name: String
    /// The name without prefix (`title`); readers match on it.
    var localName: String
    /// Attributes by the name as written (`pub-id-type`, `xlink:href`).
    var attributes: [String: String]
    /// The 1-based line of the start tag.
    var line: Int
}

/// A streaming XML reader: a safe wrapper over libxml2's `xmlTextReader` that never builds a
/// document tree (each node is freed once the reader moves past it).
///
/// Safety settings, for files from anywhere:
/// - `XML_PARSE_NONET`, and neither `XML_PARSE_DTDLOAD` nor `XML_PARSE_NOENT`: no external
///   DTD or external entity is ever loaded, from the network or the disk, and entities are
///   not substituted by the parser (no XXE).
/// - `XML_PARSE_HUGE` off: libxml2's limits on text nodes (10 MB), names and entity
///   amplification stay on, so an entity-expansion bomb ("billion laughs") is refused by the
///   parser; on top of that this reader refuses documents that make more than
///   `maxEntityReferences` entity references.
/// - A reference to an entity the document does not declare (JATS and dblp files declare
///   theirs in an external DTD that is not read) is resolved from `HTMLEntities` (the
///   HTML 4 / ISO 8859-1 character entities); other unknown entities are dropped and counted
///   in `undefinedEntities`.
///
/// Use it inside `XMLStreamReader.read(_:_:)`, which owns the libxml2 reader for the scope
/// of the body (do not let the reader escape it).
/// - Complexity: O(file size) time; memory O(depth of the document + largest text node).
final class XMLStreamReader {
    /// Most entity references a document may make before it is refused as a bomb.
    static let maxEntityReferences = 1_000_000

    private let handle: xmlTextReaderPtr
    private let sink: ErrorSink
    let path: String
    /// Whether the end of the empty element just read is still to be reported.
    private var pendingEnd = false
    private var entityReferences = 0
    /// Names of entities referenced but neither declared nor known HTML entities.
    private(set) var undefinedEntities: Set<String> = []

    private init(handle: xmlTextReaderPtr, sink: ErrorSink, path: String) {
        self.handle = handle; self.sink = sink; self.path = path
    }

    /// Runs `body` with a reader over the bytes of `file`; the libxml2 reader is freed when
    /// `body` returns or throws.
    /// - Throws: `ExtractError.malformed` naming the file and line for XML errors, or what
    ///   `body` throws.
    static func read<T>(_ file: RecordFile, _ body: (XMLStreamReader) throws -> T) throws -> T {
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        let sink = ErrorSink()
        return try withExtendedLifetime(sink) {
            try file.bytes.withUnsafeBufferPointer { buffer -> T in
                guard let base = buffer.baseAddress, buffer.count > 0 else { throw ExtractError.emptyFile(path: file.path) }
                guard buffer.count <= Int(Int32.max) else {
                    throw ExtractError.malformed(path: file.path, line: 1, field: "xml", reason: "file larger than 2 GiB; split it")
                }
                let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                guard let handle = xmlReaderForMemory(chars, Int32(buffer.count), file.path, nil, options) else {
                    throw ExtractError.malformed(path: file.path, line: 1, field: "xml", reason: "libxml2 could not start reading the document")
                }
                defer { xmlFreeTextReader(handle) }
                xmlTextReaderSetStructuredErrorHandler(handle, collectXMLError, Unmanaged.passUnretained(sink).toOpaque())
                return try body(XMLStreamReader(handle: handle, sink: sink, path: file.path))
            }
        }
    }

    /// The line the parser has reached (it reads ahead, so it may be past the current node).
    var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(handle)) }

    /// The next event, or nil at the end of the document.
    /// - Throws: `ExtractError.malformed` with libxml2's message and line.
    func next() throws -> XMLEvent? {
        guard let node = try step() else { return nil }
        switch node {
        case .start: return .start(currentStart())
        case .end: return .end(Self.string(xmlTextReaderConstLocalName(handle)))
        case .text: return .text(Self.string(xmlTextReaderConstValue(handle)))
        case .entity(let text): return .text(text)
        }
    }

    /// The next start or end tag, or nil at the end of the document: `next()` without the
    /// text between tags, which is never turned into strings (for loops that look at
    /// elements only; entity references still count towards `maxEntityReferences`).
    /// - Throws: `ExtractError.malformed` with libxml2's message and line.
    func nextTag() throws -> XMLEvent? {
        while let node = try step() {
            switch node {
            case .start: return .start(currentStart())
            case .end: return .end(Self.string(xmlTextReaderConstLocalName(handle)))
            case .text, .entity: continue
            }
        }
        return nil
    }

    /// What `step()` moved to; the reader stays on that node until the next step, so its
    /// name and value are read from libxml2 only when wanted.
    private enum Node {
        /// An element's start (the reader is on the element).
        case start
        /// An element's end (also the end of an empty element, the reader still on it).
        case end
        /// Character data: the node's value.
        case text
        /// An entity reference resolved to `HTMLEntities` text.
        case entity(String)
    }

    /// Moves to the next node of interest, or returns nil at the end of the document.
    private func step() throws -> Node? {
        if pendingEnd {
            pendingEnd = false
            return .end
        }
        while true {
            let status = xmlTextReaderRead(handle)
            if let error = sink.fatal { throw malformed(error) }
            if status == 0 { return nil }
            if status < 0 {
                throw ExtractError.malformed(
                    path: path, line: parserLine, field: "xml", reason: "XML parse error (libxml2 gave no message)")
            }
            switch xmlTextReaderNodeType(handle) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if xmlTextReaderIsEmptyElement(handle) == 1 { pendingEnd = true }
                return .start
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                entityReferences += 1
                if entityReferences > Self.maxEntityReferences {
                    throw ExtractError.malformed(
                        path: path, line: parserLine, field: "xml",
                        reason: "more than \(Self.maxEntityReferences) entity references: refused as a possible entity-expansion bomb")
                }
                let name = Self.string(xmlTextReaderConstName(handle))
                if let text = HTMLEntities.character(named: name) { return .entity(text) }
                undefinedEntities.insert(name)
            default:
                continue
            }
        }
    }

    /// After a `.start`, reads up to and including the element's end and returns its text
    /// with runs of whitespace collapsed to one space and the ends trimmed. With
    /// `spacing`, the boundaries of child elements other than inline formatting (`italic`,
    /// `sup`, `i`, …) count as spaces, so `<surname>Doe</surname><given-names>J</given-names>`
    /// reads "Doe J"; `skipping` names child elements whose text is left out (`label`).
    /// `intercept` sees each child element's start first: when it returns true it has read
    /// that element to its end itself and the element adds nothing to the text.
    ///
    /// The text is gathered as UTF-8 bytes straight from libxml2 (no string per text node).
    func readText(
        spacing: Bool = false, skipping: Set<String> = [], intercept: (XMLStart) throws -> Bool = { _ in false }
    ) throws -> String {
        var text: [UInt8] = []
        var depth = 1
        var skipDepth = 0
        while depth > 0, let node = try step() {
            switch node {
            case .start:
                if skipDepth > 0 {
                    depth += 1
                    skipDepth += 1
                    continue
                }
                let s = currentStart()
                if try intercept(s) {
                    if spacing { text.append(0x20) }
                    continue
                }
                depth += 1
                if skipping.contains(s.localName) { skipDepth += 1; continue }
                if spacing && !Self.inlineElements.contains(s.localName) { text.append(0x20) }
            case .end:
                depth -= 1
                if skipDepth > 0 { skipDepth -= 1; continue }
                if spacing && depth > 0 && !Self.inlineElements.contains(Self.string(xmlTextReaderConstLocalName(handle))) {
                    text.append(0x20)
                }
            case .text:
                if skipDepth == 0, let value = xmlTextReaderConstValue(handle) {
                    text.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
                }
            case .entity(let t):
                if skipDepth == 0 { text.append(contentsOf: t.utf8) }
            }
        }
        return Self.collapsingWhitespace(utf8: text)
    }

    /// After a `.start`, skips the element's content up to and including its end.
    func skipElement() throws {
        var depth = 1
        while depth > 0, let node = try step() {
            if case .start = node { depth += 1 } else if case .end = node { depth -= 1 }
        }
    }

    /// Elements of inline formatting in JATS, PubMed, dblp and HTML.
    static let inlineElements: Set<String> = [
        "italic", "bold", "sup", "sub", "sc", "underline", "monospace", "roman", "sans-serif", "strike", "overline",
        "named-content", "styled-content", "i", "b", "u", "tt", "em", "strong", "span",
    ]

    /// `text` with each run of whitespace made one space, trimmed at both ends.
    static func collapsingWhitespace(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for c in text {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(c)
            }
        }
        return out
    }

    private func currentStart() -> XMLStart {
        let name = Self.string(xmlTextReaderConstName(handle))
        let localName = Self.string(xmlTextReaderConstLocalName(handle))
        var line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(handle)))
        if line <= 0 { line = parserLine }
        var attributes: [String: String] = [:]
        if xmlTextReaderHasAttributes(handle) == 1 {
            while xmlTextReaderMoveToNextAttribute(handle) == 1 {
                attributes[Self.string(xmlTextReaderConstName(handle))] = Self.string(xmlTextReaderConstValue(handle))
            }
            xmlTextReaderMoveToElement(handle)
        }
        return XMLStart(name: name, localName: localName, attributes: attributes, line: line)
    }

    private func malformed(_ error: ErrorSink.Message) -> ExtractError {
        // An entity loop is reported at the line inside the entity; the parser's line is
        // where the document referenced it.
        let line = error.line > 0 && error.code != Int(XML_ERR_ENTITY_LOOP.rawValue) ? error.line : parserLine
        return .malformed(path: path, line: line, field: "xml", reason: error.text)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// Collects libxml2's messages for one reader. Warnings and recoverable errors (undeclared
/// entities, namespace errors) are kept aside; the first fatal error stops the reading.
private final class ErrorSink {
    struct Message {
        var line: Int
        var code: Int
        var text: String
    }
    var fatal: Message? = nil
    var recoverable: [Message] = []
}

/// libxml2's structured error callback: files each message into the reader's `ErrorSink`.
private func collectXMLError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
    var text = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
    text = XMLStreamReader.collapsingWhitespace(text)
    if error.pointee.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) {
        text += " (an entity-expansion bomb?); the document is refused"
    }
    let message = ErrorSink.Message(line: Int(error.pointee.line), code: Int(error.pointee.code), text: text)
    if error.pointee.level == XML_ERR_FATAL {
        if sink.fatal == nil { sink.fatal = message }
    } else if sink.recoverable.count < 100 {
        sink.recoverable.append(message)
    }
}
