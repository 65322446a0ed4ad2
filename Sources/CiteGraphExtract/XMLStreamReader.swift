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
    /// Attributes by the name as written (`pub-id-type`, `xlink:href`); empty for elements
    /// whose attributes the reader did not ask for (see `read(_:attributesOf:_:)`).
    var attributes: XMLAttributes
    /// The 1-based line of the start tag.
    var line: Int
    /// Whether the element is inline formatting (`XMLStreamReader.inlineElements`).
    var isInline = false
    /// The index of `localName` among the local names of this parse (the same for every
    /// element of that name, whatever its prefix), so that a reader can work out once per
    /// name what an element is instead of comparing names at every tag; -1 when unknown.
    var localNameIndex = -1
}

/// A streaming XML reader: a pull interface over libxml2's SAX2 push parser, which never
/// builds a document tree. The bytes are fed to the parser in 64 KB chunks; the parser's
/// callbacks queue the chunk's events (text as UTF-8 bytes in a reused buffer, names as
/// pointers into the parser's dictionary), and `next()` hands them out one by one.
///
/// Safety settings, for files from anywhere:
/// - `XML_PARSE_NONET`, and neither `XML_PARSE_DTDLOAD` nor `XML_PARSE_NOENT`: no external
///   DTD or external entity is ever loaded, from the network or the disk, and entities are
///   not substituted by the parser (no XXE).
/// - `XML_PARSE_HUGE` off: libxml2's limits on text nodes (10 MB), names and entity
///   amplification stay on, so an entity-expansion bomb ("billion laughs") is refused by the
///   parser; on top of that this reader refuses documents that make more than
///   `maxEntityReferences` references to entities other than the character entities.
/// - A reference to an entity the document does not declare (JATS and dblp files declare
///   theirs in an external DTD that is not read) is resolved from `HTMLEntities` (the
///   HTML 4 / ISO 8859-1 character entities); other unknown entities are dropped and counted
///   in `undefinedEntities`.
///
/// Use it inside `XMLStreamReader.read(_:_:)`, which owns the libxml2 parser for the scope
/// of the body (do not let the reader escape it).
/// - Complexity: O(file size) time; memory O(depth of the document + largest text node +
///   the events of one 64 KB chunk).
final class XMLStreamReader {
    /// Most references to entities other than the HTML character entities a document may
    /// make before it is refused as a bomb.
    static let maxEntityReferences = 1_000_000
    /// Bytes handed to the parser at a time.
    static let chunkSize = 65_536

    /// The name `prefix:local` (or `local`), made once per distinct name.
    func name(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>) -> String {
        let index = names.index(prefix: prefix, local: local)
        return names.entries[index].name
    }

    /// One event queued by the SAX callbacks.
    enum Queued {
        /// An element's start.
        case start(XMLStart)
        /// An element's end, by its local name in the parser's dictionary.
        case end(UnsafePointer<xmlChar>)
        /// Character data: a range of `arena`.
        case text(Range<Int>)
        /// An entity reference resolved from `HTMLEntities`.
        case entity(String)
        /// Too many entity references: the document is refused here.
        case tooManyEntities(line: Int)
        /// The end of the document (from `step()`, never queued; also what a handed-out
        /// event leaves in its slot). A case rather than `Queued?`, whose destruction goes
        /// through a generic path in the hot loops.
        case endOfDocument
    }

    let sink = ErrorSink()
    let path: String
    /// The parser; set once by `read(_:_:)`.
    private(set) var context: xmlParserCtxtPtr? = nil
    private var input: XMLInput
    private var finished = false
    /// Events of the chunks parsed so far, from `head` on not handed out yet.
    @exclusivity(unchecked) var queue: [Queued] = []
    @exclusivity(unchecked) private var head = 0
    /// Text bytes of the queued `.text` events.
    @exclusivity(unchecked) var arena: [UInt8] = []
    /// The queue index of the latest `.text` event (-1 when none), and where its bytes start
    /// in `arena`: text that follows it straight away extends it.
    @exclusivity(unchecked) var textEvent = -1
    @exclusivity(unchecked) var textStart = 0
    /// Names made so far, by their (prefix, local name) pointers in the parser's
    /// dictionary, which stay put for the whole parse: each name becomes a `String` once.
    @exclusivity(unchecked) var names: XMLNameTable
    var entityReferences = 0
    /// Names of entities referenced but neither declared nor known HTML entities.
    var undefinedEntities: Set<String> = []

    private init(input: XMLInput, path: String, attributeElements: Set<String>?) {
        self.input = input; self.path = path
        self.names = XMLNameTable(attributeElements: attributeElements)
    }

    /// Runs `body` with a reader over the bytes of `file`; the libxml2 parser is freed when
    /// `body` returns or throws. `attributesOf` names (by local name) the elements whose
    /// attributes `body` reads: the others come with none, which saves building them; nil
    /// keeps every element's attributes.
    /// - Throws: `ExtractError.malformed` naming the file and line for XML errors, or what
    ///   `body` throws.
    static func read<T>(_ file: RecordFile, attributesOf: Set<String>? = nil, _ body: (XMLStreamReader) throws -> T) throws -> T {
        try file.bytes.withUnsafeBufferPointer { buffer -> T in
            guard buffer.count > 0 else { throw ExtractError.emptyFile(path: file.path) }
            guard buffer.count <= Int(Int32.max) else {
                throw ExtractError.malformed(path: file.path, line: 1, field: "xml", reason: "file larger than 2 GiB; split it")
            }
            return try read(XMLInput(memory: buffer), path: file.path, attributesOf: attributesOf, body)
        }
    }

    /// `read(_:attributesOf:_:)` over the file at `path` read block by block (any size,
    /// bounded memory); `displayName` names it in messages.
    static func read<T>(
        streaming path: String, displayName: String, attributesOf: Set<String>? = nil, _ body: (XMLStreamReader) throws -> T
    ) throws -> T {
        try read(XMLInput(streaming: path), path: displayName, attributesOf: attributesOf, body)
    }

    private static func read<T>(_ input: XMLInput, path: String, attributesOf: Set<String>?, _ body: (XMLStreamReader) throws -> T) throws -> T {
        var input = input
        // A document declared ISO-8859-1 (dblp.xml) is handed over as UTF-8, its ASCII blocks
        // as they are, instead of going through libxml2's byte-by-byte decoder; the parser is
        // told to ignore the declared encoding. It sees the same UTF-8 either way.
        let ignoreEncoding = try input.transcodeDeclaredLatin1() ? XML_PARSE_IGNORE_ENC.rawValue : 0
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue | ignoreEncoding)
        let reader = XMLStreamReader(input: input, path: path, attributeElements: attributesOf)
        var handler = XMLSAXCallbacks.handler()
        // The first bytes go with the context, so that libxml2 detects the encoding.
        var created: xmlParserCtxtPtr? = nil
        let any = try reader.input.next(atMost: 4) { first in
            first.withMemoryRebound(to: CChar.self) { chars in
                created = xmlCreatePushParserCtxt(&handler, nil, chars.baseAddress, Int32(chars.count), path)
            }
        }
        guard any else { throw ExtractError.emptyFile(path: path) }
        guard let context = created else {
            throw ExtractError.malformed(path: path, line: 1, field: "xml", reason: "libxml2 could not start reading the document")
        }
        defer {
            if let doc = context.pointee.myDoc { xmlFreeDoc(doc) }
            context.pointee.myDoc = nil
            xmlFreeParserCtxt(context)
        }
        xmlCtxtUseOptions(context, options)
        reader.context = context
        return try withExtendedLifetime(reader) {
            context.pointee._private = Unmanaged.passUnretained(reader).toOpaque()
            return try body(reader)
        }
    }

    /// The line the parser has reached (it reads a chunk ahead, so it may be past the
    /// current event).
    var parserLine: Int {
        guard let input = context?.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    /// The next queued event, parsing the next chunk when the queue is empty;
    /// `.endOfDocument` at the end of the document.
    private func step() throws -> Queued {
        while head == queue.count {
            queue.removeAll(keepingCapacity: true)
            arena.removeAll(keepingCapacity: true)
            textEvent = -1
            head = 0
            if let error = sink.fatal { throw malformed(error) }
            if finished { return .endOfDocument }
            try feed()
        }
        // Moved out of the queue (a payload-free event left behind), not copied.
        var event = Queued.endOfDocument
        swap(&event, &queue[head])
        head += 1
        if case .tooManyEntities(let line) = event {
            throw ExtractError.malformed(
                path: path, line: line, field: "xml",
                reason: "more than \(Self.maxEntityReferences) entity references: refused as a possible entity-expansion bomb")
        }
        return event
    }

    /// Parses the next chunk (or ends the document), queueing its events.
    /// - Throws: `ExtractError` when the file cannot be read.
    private func feed() throws {
        guard let context else { finished = true; return }
        var status: Int32 = 0
        let more = try input.next(atMost: Self.chunkSize) { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                status = xmlParseChunk(context, chars.baseAddress, Int32(chars.count), 0)
            }
        }
        if !more {
            status = xmlParseChunk(context, nil, 0, 1)
            finished = true
        }
        if status != 0, sink.fatal == nil, !sink.stopped {
            sink.fatal = ErrorSink.Message(line: parserLine, code: Int(status), text: "XML parse error (libxml2 gave no message)")
        }
        if sink.fatal != nil || sink.stopped { finished = true }
    }

    /// The next event, or nil at the end of the document.
    /// - Throws: `ExtractError.malformed` with libxml2's message and line.
    func next() throws -> XMLEvent? {
        switch try step() {
        case .start(let start): return .start(start)
        case .end(let local): return .end(name(prefix: nil, local: local))
        case .text(let range): return .text(String(decoding: arena[range], as: UTF8.self))
        case .entity(let text): return .text(text)
        case .tooManyEntities, .endOfDocument: return nil  // the first thrown by step()
        }
    }

    /// The next start or end tag, or nil at the end of the document: `next()` without the
    /// text between tags, which is never turned into strings (for loops that look at
    /// elements only).
    /// - Throws: `ExtractError.malformed` with libxml2's message and line.
    func nextTag() throws -> XMLEvent? {
        while true {
            switch try step() {
            case .start(let start): return .start(start)
            case .end(let local): return .end(name(prefix: nil, local: local))
            case .text, .entity, .tooManyEntities: continue
            case .endOfDocument: return nil
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
    /// The text is gathered as UTF-8 bytes straight from libxml2 (no string per text node);
    /// an element of text alone (the common case) is collapsed straight from the parser's
    /// bytes.
    func readText(
        spacing: Bool = false, skipping: [String] = [], intercept: (XMLStart) throws -> Bool = { _ in false }
    ) throws -> String {
        if let text = leafText() { return text }
        var text: [UInt8] = []
        try readContent(spacing: spacing, skipping: skipping, into: &text, intercept: intercept)
        return Self.collapsingWhitespace(utf8: text)
    }

    /// `readText()` (without options) handed to `body` as UTF-8 instead of returned: the text
    /// of an element of ASCII text alone that collapsing leaves as it is (a name, a year, a
    /// link: most elements) goes to `body` straight from the parser's bytes, and no `String`
    /// is made for it; other text is made into a `String` as `readText()` makes it. `body`
    /// must not use the reader, nor keep the bytes.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        if head + 1 < queue.count, case .text(let range) = queue[head], case .end = queue[head + 1] {
            let result = try arena.withUnsafeBufferPointer { arena -> R? in
                let bytes = UnsafeBufferPointer(rebasing: arena[range])
                return Self.isCollapsedASCII(bytes) ? try body(bytes) : nil
            }
            if let result {
                head += 2
                return result
            }
        }
        var text = try readText()
        return try text.withUTF8(body)
    }

    /// After a `.start`, reads up to and including the element's end, handing each child
    /// element's start to `body`, which reads that element to its end itself; the text
    /// between the children is dropped (`readText` whose text is not wanted).
    func readChildren(_ body: (XMLStart) throws -> Void) throws {
        var ignored: [UInt8] = []
        try readContent(spacing: false, skipping: [], into: &ignored, collecting: false) { start in
            try body(start)
            return true
        }
    }

    /// The text of an element whose queued events are just its text (or nothing) and its
    /// end, consumed; nil, consuming nothing, when the element is anything else or its
    /// events are not all queued yet.
    private func leafText() -> String? {
        guard head < queue.count else { return nil }
        switch queue[head] {
        case .end:
            head += 1
            return ""
        case .text(let range):
            guard head + 1 < queue.count, case .end = queue[head + 1] else { return nil }
            head += 2
            return arena.withUnsafeBufferPointer { Self.collapsingWhitespace(utf8: UnsafeBufferPointer(rebasing: $0[range])) }
        default:
            return nil
        }
    }

    /// The loop of `readText`: appends the element's text to `text` (when `collecting`).
    private func readContent(
        spacing: Bool, skipping: [String], into text: inout [UInt8], collecting: Bool = true, intercept: (XMLStart) throws -> Bool
    ) throws {
        var depth = 1
        var skipDepth = 0
        while depth > 0 {
            switch try step() {
            case .start(let s):
                if skipDepth > 0 {
                    depth += 1
                    skipDepth += 1
                    continue
                }
                if try intercept(s) {
                    if spacing { text.append(0x20) }
                    continue
                }
                depth += 1
                if !skipping.isEmpty && skipping.contains(s.localName) { skipDepth += 1; continue }
                if spacing && !s.isInline { text.append(0x20) }
            case .end(let local):
                depth -= 1
                if skipDepth > 0 { skipDepth -= 1; continue }
                if spacing && depth > 0 {
                    let index = names.index(prefix: nil, local: local)
                    if !names.entries[index].isInline { text.append(0x20) }
                }
            case .text(let range):
                if skipDepth == 0 && collecting { text.append(contentsOf: arena[range]) }
            case .entity(let t):
                if skipDepth == 0 && collecting { text.append(contentsOf: t.utf8) }
            case .tooManyEntities:
                continue
            case .endOfDocument:
                return
            }
        }
    }

    /// After a `.start`, skips the element's content up to and including its end.
    func skipElement() throws {
        var depth = 1
        while depth > 0 {
            guard head < queue.count else {
                switch try step() {
                case .start: depth += 1
                case .end: depth -= 1
                case .endOfDocument: return
                case .text, .entity, .tooManyEntities: break
                }
                continue
            }
            // Queued events are passed over where they stand, without being handed out.
            switch queue[head] {
            case .start: depth += 1
            case .end: depth -= 1
            case .text, .entity, .endOfDocument: break
            case .tooManyEntities: _ = try step()  // throws
            }
            head += 1
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

    private func malformed(_ error: ErrorSink.Message) -> ExtractError {
        // An entity loop is reported at the line inside the entity; the parser's line is
        // where the document referenced it.
        let line = error.line > 0 && error.code != Int(XML_ERR_ENTITY_LOOP.rawValue) ? error.line : parserLine
        return .malformed(path: path, line: line, field: "xml", reason: error.text)
    }
}
