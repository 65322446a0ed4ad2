import Foundation
import Testing
@testable import CiteGraphRender

/// A small RFC 4180 reader for round-trip checks: quoted fields may hold commas, doubled
/// quotes and line breaks; records end in LF or CRLF; a final line end is optional.
func parseCSV(_ text: String) throws -> [[String]] {
    struct Malformed: Error { let offset: Int }
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var offset = 0
    var fieldStarted = false
    func next() -> Unicode.Scalar? {
        guard let c = scalars.popFirst() else { return nil }
        offset += 1
        return c
    }
    while let c = next() {
        switch c {
        case "\"" where field.isEmpty && !fieldStarted:
            fieldStarted = true
            while true {
                guard let q = next() else { throw Malformed(offset: offset) }
                if q == "\"" {
                    if scalars.first == "\"" { _ = next(); field.unicodeScalars.append("\"") } else { break }
                } else {
                    field.unicodeScalars.append(q)
                }
            }
            // After a closing quote only a separator or line end may follow.
            if let after = scalars.first, after != ",", after != "\n", after != "\r" { throw Malformed(offset: offset) }
        case ",":
            record.append(field); field = ""; fieldStarted = false
        case "\r" where scalars.first == "\n":
            continue
        case "\n":
            record.append(field); records.append(record)
            record = []; field = ""; fieldStarted = false
        default:
            if fieldStarted { throw Malformed(offset: offset) }
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !record.isEmpty || fieldStarted { record.append(field); records.append(record) }
    return records
}

@Suite struct CSVWriterTests {
    static let header = ["rank", "id", "title", "score"]
    static let rows: [[String]] = [
        ["1", "10.1/abc", "Plain title", "0.25"],
        ["2", "W2", "Commas, inside, title", "-0.5"],
        ["3", "W3", "She said \"hello\"", "+3"],
        ["4", "W4", "Line one\nline two\r\nline three", "-1e-3"],
        ["5", "W5", "=HYPERLINK(\"http://evil\")", "1.5E+10"],
        ["6", "W6", "+cmd|' /C calc'!A0", "-.5"],
        ["7", "W7", "-2+3", "@SUM(A1:A2)"],
        ["8", "W8", "\tstarts with tab", "\rstarts with CR"],
        ["9", "W9", "", " padded "],
        ["10", "W10", "ünïcödé — ✓ 日本語", "-"],
        ["11", "W11", "-inf", "-nan"],
    ]

    /// What a row should read back as: formula-like cells gain a leading quote, numbers don't.
    static func expected(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return CSVWriter.isPlainNumber(cell) ? cell : "'" + cell
    }

    @Test func documentRoundTrips() throws {
        let text = try CSVWriter.document(header: Self.header, rows: Self.rows)
        #expect(text.hasPrefix("rank,id,title,score\n"))
        #expect(text.hasSuffix("\n") && !text.contains("\r\n1"))
        let parsed = try parseCSV(text)
        #expect(parsed.count == Self.rows.count + 1)
        #expect(parsed[0] == Self.header)
        for (i, row) in Self.rows.enumerated() {
            #expect(parsed[i + 1] == row.map(Self.expected), "row \(i)")
        }
    }

    @Test func formulaNeutralisation() {
        #expect(CSVWriter.field("=1+2") == "'=1+2")
        #expect(CSVWriter.field("@cmd") == "'@cmd")
        #expect(CSVWriter.field("+") == "'+")
        #expect(CSVWriter.field("-") == "'-")
        #expect(CSVWriter.field("-1.25") == "-1.25")
        #expect(CSVWriter.field("+7") == "+7")
        #expect(CSVWriter.field("-3.0e-4") == "-3.0e-4")
        #expect(CSVWriter.field("-1,5") == "\"'-1,5\"")
        #expect(CSVWriter.field("-0x10") == "'-0x10")
        #expect(CSVWriter.field("-inf") == "'-inf")
        #expect(CSVWriter.field("\tx") == "'\tx")
        #expect(CSVWriter.field("\rx") == "\"'\rx\"")
        #expect(CSVWriter.field("a=b") == "a=b")
        #expect(CSVWriter.field("a\"b") == "\"a\"\"b\"")
        for number in ["0", "12", "1.", ".5", "-.5", "+1e9", "1E-9"] { #expect(CSVWriter.isPlainNumber(number), "\(number)") }
        for other in ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1 ", "١٢"] { #expect(!CSVWriter.isPlainNumber(other), "\(other)") }
    }

    @Test func streamingWriterMatchesDocument() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try CSVWriter(path: path, header: Self.header)
        // Enough rows to pass the 64 KiB buffer several times.
        var all: [[String]] = []
        for i in 0..<3000 {
            let row = Self.rows[i % Self.rows.count]
            all.append(row)
            try writer.append(row)
        }
        try writer.close()
        try writer.close()  // idempotent
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == (try CSVWriter.document(header: Self.header, rows: all)))
        #expect(throws: RenderError.self) { try writer.append(Self.rows[0]) }
    }

    @Test func columnCountIsChecked() throws {
        #expect(throws: RenderError.columnCountMismatch(path: nil, row: 3, expected: 2, found: 3)) {
            _ = try CSVWriter.document(header: ["a", "b"], rows: [["1", "2"], ["1", "2", "3"]])
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try CSVWriter(path: path, header: ["a", "b"])
        do {
            try writer.append(["only one"])
            Issue.record("expected a column count error")
        } catch let error as RenderError {
            #expect(error.errorDescription?.contains(path) == true)
            #expect(error.errorDescription?.contains("row 2") == true)
        }
        try writer.close()
        #expect(throws: RenderError.self) { _ = try CSVWriter(path: "/nonexistent-dir/x.csv", header: ["a"]) }
    }
}
