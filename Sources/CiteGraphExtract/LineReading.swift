/// Runs a line-based reader (RIS, MEDLINE, key-value) over a file read whole or streamed:
/// the reader is one function that is handed the lines, whichever way they are read.
enum LineReading {
    /// Calls its argument with each line of the text in turn.
    typealias Lines = ((Substring) throws -> Void) throws -> Void
    /// A reader: reads the file named `name` from `lines` into `sink`.
    typealias Reader = (_ name: String, _ sink: RecordSink, _ lines: Lines) throws -> Void

    /// Reads `text` (the whole of `file`, already decoded) with `read` into one result.
    static func whole(_ file: RecordFile, text: String, format: RecordFormat, _ read: Reader) throws -> ExtractResult {
        try RecordSink.collect(format: format) { sink in
            try read(file.path, sink) { body in
                for line in TaggedText.lines(text) { try body(line) }
            }
        }
    }

    /// Reads the UTF-8 file at `path` block by block with `read` into `sink`.
    /// - Throws: `ExtractError` naming the file, or what `read` throws.
    static func streamed(path: String, name: String, into sink: RecordSink, _ read: Reader) throws {
        var blocks = try UTF8TextBlocks(path: path, name: name)
        try read(name, sink) { body in try blocks.forEachLine(body) }
    }
}
