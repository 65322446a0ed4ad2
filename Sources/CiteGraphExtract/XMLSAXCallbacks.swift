import CLibXML2
import Foundation

/// Collects libxml2's messages for one reader. Warnings and recoverable errors (undeclared
/// entities, namespace errors) are kept aside; the first fatal error stops the reading.
final class ErrorSink {
    struct Message {
        var line: Int
        var code: Int
        var text: String
    }
    var fatal: Message? = nil
    var recoverable: [Message] = []
    /// Whether the reader stopped the parser itself (too many entity references).
    var stopped = false
}

/// The SAX2 callbacks through which libxml2's push parser fills an `XMLStreamReader`'s
/// queue. The parser is created without user data, so each callback gets the parser
/// context and finds the reader in its `_private` field. Callbacks from any other context
/// (libxml2 parses a declared entity's text once in a context of its own, to check it) are
/// ignored: the reference itself is reported, as a streaming reader reports it.
enum XMLSAXCallbacks {
    /// libxml2's default SAX2 handler (which keeps the DTD's declarations, so that declared
    /// entities are known) with the content callbacks replaced and comments and processing
    /// instructions ignored: no document tree is ever built.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        xmlSAXVersion(&handler, 2)
        handler.startElementNs = startElement
        handler.endElementNs = endElement
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.reference = reference
        handler.getEntity = entity
        handler.comment = nil
        handler.processingInstruction = nil
        handler.serror = collectXMLError
        return handler
    }

    /// The reader of the parser context `context`, nil for a context of libxml2's own.
    static func reader(_ context: UnsafeMutableRawPointer?) -> XMLStreamReader? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let owner = parser.pointee._private else { return nil }
        let reader = Unmanaged<XMLStreamReader>.fromOpaque(owner).takeUnretainedValue()
        return reader.context == parser ? reader : nil
    }

    /// Runs `body` with the reader of the parser context `context`, without retaining it
    /// (the reader outlives the parse); does nothing for a context of libxml2's own.
    static func withReader(_ context: UnsafeMutableRawPointer?, _ body: (XMLStreamReader) -> Void) {
        guard let context else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let owner = parser.pointee._private else { return }
        Unmanaged<XMLStreamReader>.fromOpaque(owner)._withUnsafeGuaranteedRef { reader in
            if reader.context == parser { body(reader) }
        }
    }

    /// The value of an attribute, between `begin` and `end` in the parser's buffer. Without
    /// entity substitution the parser leaves references in the value (`&#38;` for `&amp;`,
    /// `&name;`): such a value is resolved as libxml2 resolves it for a tree.
    static func attributeValue(_ reader: XMLStreamReader, _ begin: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: begin, count: end - begin)
        guard bytes.contains(UInt8(ascii: "&")), let doc = reader.context?.pointee.myDoc else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let list = xmlStringLenGetNodeList(doc, begin, Int32(bytes.count))
        defer { xmlFreeNodeList(list) }
        guard let text = xmlNodeListGetString(doc, list, 1) else { return "" }
        defer { citegraph_xmlFree(text) }
        return String(cString: text)
    }
}

private func startElement(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let localName else { return }
    XMLSAXCallbacks.withReader(context) { reader in
        queueStart(reader, localName, prefix, namespaceCount, namespaces, attributeCount, attributes)
    }
}

/// `startElement` for the reader's own parser.
private func queueStart(
    _ reader: XMLStreamReader, _ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
    _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    let localIndex = reader.names.index(prefix: nil, local: localName)
    let localEntry = reader.names.entries[localIndex]
    let name = prefix == nil ? localEntry.name : reader.name(prefix: prefix, local: localName)
    var values = XMLAttributes()
    if localEntry.keepsAttributes, namespaceCount + attributeCount > 0 {
        values.reserveCapacity(Int(namespaceCount) + Int(attributeCount))
    }
    if localEntry.keepsAttributes, namespaceCount > 0, let namespaces {
        // Namespace declarations count as attributes (`xmlns`, `xmlns:p`), as in a tree.
        for i in 0..<Int(namespaceCount) {
            let key = namespaces[2 * i].map { "xmlns:" + String(cString: $0) } ?? "xmlns"
            values.append(key, namespaces[2 * i + 1].map { String(cString: $0) } ?? "")
        }
    }
    if localEntry.keepsAttributes, attributeCount > 0, let attributes {
        for i in 0..<Int(attributeCount) {
            guard let attributeName = attributes[5 * i], let begin = attributes[5 * i + 3], let end = attributes[5 * i + 4] else { continue }
            let key = reader.name(prefix: attributes[5 * i + 1], local: attributeName)
            values.append(key, XMLSAXCallbacks.attributeValue(reader, begin, end))
        }
    }
    reader.queue.append(
        .start(
            XMLStart(
                name: name, localName: localEntry.name, attributes: values, line: reader.parserLine, isInline: localEntry.isInline,
                localNameIndex: localIndex)))
}

private func endElement(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?
) {
    guard let localName else { return }
    XMLSAXCallbacks.withReader(context) { reader in reader.queue.append(.end(localName)) }
}

private func characters(_ context: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ count: Int32) {
    guard let text, count > 0 else { return }
    XMLSAXCallbacks.withReader(context) { reader in
        let start = reader.arena.count
        reader.arena.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(count)))
        // Text the parser hands over in pieces is one event.
        let last = reader.queue.count - 1
        if last >= 0 && reader.textEvent == last {
            reader.queue[last] = .text(reader.textStart..<reader.arena.count)
        } else {
            reader.queue.append(.text(start..<reader.arena.count))
            reader.textEvent = last + 1
            reader.textStart = start
        }
    }
}

/// libxml2's entity lookup: what the document declares, else — for the HTML character
/// entities that JATS and dblp files take from an external DTD that is not read — an entity
/// of the predefined kind, which the parser turns into text as it does `&amp;` (in element
/// text and attribute values alike). Without it every such reference is an undeclared
/// entity, and libxml2 refuses a document after 10,000 of them as an entity loop: dblp.xml
/// holds millions (`&uuml;` …).
private func entity(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) -> xmlEntityPtr? {
    if let declared = xmlSAX2GetEntity(context, name) { return declared }
    guard let name else { return nil }
    return CharacterEntityDeclarations.entity(named: String(cString: name))
}

/// The HTML character entities (`HTMLEntities`) as libxml2 entity declarations of the
/// predefined kind, made once and kept for the life of the process (libxml2 reads them during
/// parses on any thread; nothing writes them after they are made).
private enum CharacterEntityDeclarations {
    nonisolated(unsafe) static let table: [String: xmlEntityPtr] = {
        var table: [String: xmlEntityPtr] = [:]
        for (name, scalar) in HTMLEntities.table {
            let declaration = xmlEntityPtr.allocate(capacity: 1)
            declaration.initialize(to: xmlEntity())
            let text = String(Character(scalar))
            let content = strdup(text).map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: xmlChar.self) }
            declaration.pointee.type = XML_ENTITY_DECL
            declaration.pointee.name = strdup(name).map { UnsafePointer(UnsafeMutableRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
            declaration.pointee.orig = content
            declaration.pointee.content = content
            declaration.pointee.length = Int32(text.utf8.count)
            declaration.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
            declaration.pointee.checked = 1
            table[name] = declaration
        }
        return table
    }()

    static func entity(named name: String) -> xmlEntityPtr? { table[name] }
}

private func reference(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    guard let reader = XMLSAXCallbacks.reader(context), let name else { return }
    let entity = String(cString: name)
    // Character entities (&uuml; …) are text: dblp.xml writes millions of them. Only other
    // references count towards the bomb limit.
    if let text = HTMLEntities.character(named: entity) {
        reader.queue.append(.entity(text))
        return
    }
    reader.entityReferences += 1
    if reader.entityReferences > XMLStreamReader.maxEntityReferences {
        if !reader.sink.stopped {
            reader.sink.stopped = true
            reader.queue.append(.tooManyEntities(line: reader.parserLine))
            if let parser = reader.context { xmlStopParser(parser) }
        }
        return
    }
    reader.undefinedEntities.insert(entity)
}

/// libxml2's structured error callback: files each message into the reader's `ErrorSink`.
private func collectXMLError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let owner = parser.pointee._private else { return }
    let sink = Unmanaged<XMLStreamReader>.fromOpaque(owner).takeUnretainedValue().sink
    let isFatal = error.pointee.level == XML_ERR_FATAL
    // A message that would be dropped is not made into text (an undeclared entity is
    // reported at every reference: millions in dblp.xml).
    guard isFatal ? sink.fatal == nil : sink.recoverable.count < 100 else { return }
    var text = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
    text = XMLStreamReader.collapsingWhitespace(text)
    if error.pointee.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) {
        text += " (an entity-expansion bomb?); the document is refused"
    }
    let message = ErrorSink.Message(line: Int(error.pointee.line), code: Int(error.pointee.code), text: text)
    if isFatal {
        sink.fatal = message
    } else {
        sink.recoverable.append(message)
    }
}
