import Foundation

/// Writes RFC 4180 CSV: UTF-8 without a byte-order mark, a header row, and `\n` line ends.
///
/// RFC 4180 asks for CRLF, but every CSV reader in use (spreadsheets, pandas, R, csvkit)
/// takes LF, and LF keeps files diff-friendly; line breaks *inside* fields are kept as they
/// are, inside quotes. A field is quoted when it contains a comma, a double quote, CR or
/// LF (or starts or ends with a space), with inner quotes doubled.
///
/// Cells a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, tab or
/// CR — get a single quote `'` in front (OWASP "CSV injection"), except values that read
/// as a plain decimal number such as `-1.5` or `+3e-2`, which stay numbers.
///
/// Two ways to use it: build a whole document with `CSVWriter.document(header:rows:)`, or
/// stream rows to a file with `CSVWriter(path:header:)`, `append(_:)` and `close()`.
public final class CSVWriter {
    /// The line terminator written after every record.
    public static let lineEnding = "\n"

    /// The file being written.
    public let path: String
    /// Number of fields every row must have (the header's).
    public let columnCount: Int
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var record = 1
    private static let bufferLimit = 1 << 16

    /// Creates (or truncates) the file at `path` and writes the header row.
    /// - Throws: `RenderError.writeFailed` naming `path`.
    public init(path: String, header: [String]) throws {
        self.path = path
        self.columnCount = header.count
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw RenderError.writeFailed(path: path, message: "cannot create the file")
        }
        self.handle = handle
        buffer.reserveCapacity(Self.bufferLimit + 4096)
        buffer.append(contentsOf: Self.line(header).utf8)
    }

    deinit {
        // Best effort when the caller forgot close(); errors cannot be reported here.
        try? close()
    }

    /// Appends one row; output is buffered and flushed in 64 KiB blocks.
    /// - Throws: `RenderError.columnCountMismatch` when `row` has a different number of
    ///   fields than the header (record numbers count the header as 1), or
    ///   `RenderError.writeFailed` when the writer is closed or the disk refuses.
    /// - Complexity: O(total field length).
    public func append(_ row: [String]) throws {
        guard handle != nil else { throw RenderError.writeFailed(path: path, message: "the CSV writer is closed") }
        record += 1
        guard row.count == columnCount else {
            throw RenderError.columnCountMismatch(path: path, row: record, expected: columnCount, found: row.count)
        }
        for (i, value) in row.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            Self.appendField(value, to: &buffer)
        }
        buffer.append(contentsOf: Self.lineEnding.utf8)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Appends one row whose fields `body` writes already encoded (`appendField(_:to:)`,
    /// `EncodedFieldTable`) and separated by commas; the line ending is added here. For
    /// millions of rows without an array of strings per row — the caller keeps to
    /// `columnCount` fields.
    /// - Throws: `RenderError.writeFailed` when the writer is closed or the disk refuses.
    public func appendEncoded(_ body: (inout [UInt8]) -> Void) throws {
        guard handle != nil else { throw RenderError.writeFailed(path: path, message: "the CSV writer is closed") }
        record += 1
        body(&buffer)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Writes buffered rows to the file.
    /// - Throws: `RenderError.writeFailed` naming `path`.
    public func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw RenderError.writeFailed(path: path, message: (error as NSError).localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file. Calling it again does nothing.
    /// - Throws: `RenderError.writeFailed` naming `path`.
    public func close() throws {
        guard let handle else { return }
        defer { self.handle = nil }
        try flush()
        do {
            try handle.close()
        } catch {
            throw RenderError.writeFailed(path: path, message: (error as NSError).localizedDescription)
        }
    }

    // MARK: - Building strings

    /// A whole CSV document: the header, then `rows`, each line ending in `lineEnding`.
    /// - Throws: `RenderError.columnCountMismatch` (with `path: nil`) for a row whose
    ///   field count differs from the header's.
    /// - Complexity: O(total field length).
    public static func document(header: [String], rows: [[String]]) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (rows.count + 1))
        func append(_ row: [String]) {
            for (i, value) in row.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                appendField(value, to: &bytes)
            }
            bytes.append(contentsOf: lineEnding.utf8)
        }
        append(header)
        for (i, row) in rows.enumerated() {
            guard row.count == header.count else {
                throw RenderError.columnCountMismatch(path: nil, row: i + 2, expected: header.count, found: row.count)
            }
            append(row)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record: the encoded fields joined by commas, ending in `lineEnding`.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + lineEnding
    }

    /// Appends the encoding of one field (as `field(_:)`) to `bytes`, without building
    /// intermediate strings for the common case of a field that needs no quoting.
    public static func appendField(_ value: String, to bytes: inout [UInt8]) {
        var plain = true
        var first: UInt8? = nil
        var last: UInt8 = 0
        for b in value.utf8 {
            if first == nil { first = b }
            last = b
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { plain = false; break }
        }
        if let f = first, f == UInt8(ascii: "=") || f == UInt8(ascii: "+") || f == UInt8(ascii: "-") || f == UInt8(ascii: "@")
            || f == UInt8(ascii: "\t") || f == UInt8(ascii: " ") || last == UInt8(ascii: " ")
        {
            plain = false
        }
        if plain { bytes.append(contentsOf: value.utf8) } else { bytes.append(contentsOf: field(value).utf8) }
    }

    /// One field, neutralised against formula injection and quoted when needed.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(text) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        var quoted = "\""
        quoted.reserveCapacity(text.utf8.count + 8)
        for character in text.unicodeScalars {
            if character == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(character)
        }
        quoted.unicodeScalars.append("\"")
        return quoted
    }

    /// Whether `text` is a plain decimal number: optional sign, digits with an optional
    /// fraction (or a fraction alone), optional exponent. ASCII only; no `inf`, `nan`, hex.
    static func isPlainNumber(_ text: String) -> Bool {
        var it = text.utf8.makeIterator()
        var c = it.next()
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
        var digits = 0
        while isDigit(c) { digits += 1; c = it.next() }
        if c == UInt8(ascii: ".") {
            c = it.next()
            while isDigit(c) { digits += 1; c = it.next() }
        }
        guard digits > 0 else { return false }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            c = it.next()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
            guard isDigit(c) else { return false }
            while isDigit(c) { c = it.next() }
        }
        return c == nil
    }
}
