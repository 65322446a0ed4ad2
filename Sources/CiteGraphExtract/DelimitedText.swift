/// An RFC 4180 reader for comma- or tab-separated text: quoted fields may hold separators,
/// doubled quotes and line breaks. Yields each row with the 1-based line it starts on. The
/// text may come in pieces (`feed` each, then `finish`), cut anywhere between characters.
/// - Complexity: O(text length); memory O(one row).
struct DelimitedText {
    let separator: Character
    private var fields: [String] = []
    private var field = ""
    private var inQuotes = false
    /// A quote met inside quotes: a doubled quote or the closing one, as the next character tells.
    private var quoteInQuotes = false
    private var line = 1
    private var rowLine = 1

    init(separator: Character) { self.separator = separator }

    /// Reads all of `text`.
    func rows(_ text: String, _ body: (_ fields: [String], _ line: Int) throws -> Void) rethrows {
        var reader = self
        try reader.feed(Substring(text), body)
        try reader.finish(body)
    }

    /// Reads the next piece of the text, handing `body` each row it completes.
    mutating func feed(_ text: Substring, _ body: (_ fields: [String], _ line: Int) throws -> Void) rethrows {
        for c in text {
            if quoteInQuotes {
                quoteInQuotes = false
                if c == "\"" {
                    field.append("\"")
                    continue
                }
                inQuotes = false
            }
            if inQuotes {
                if c == "\"" {
                    quoteInQuotes = true
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c == "\r\n" ? "\n" : c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == separator {
                fields.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field); field = ""
                if !(fields.count == 1 && fields[0].isEmpty) { try body(fields, rowLine) }
                fields = []
                line += 1
                rowLine = line
            } else {
                field.append(c)
            }
        }
    }

    /// Ends the text, handing `body` the last row when it was not ended by a line break.
    mutating func finish(_ body: (_ fields: [String], _ line: Int) throws -> Void) rethrows {
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            try body(fields, rowLine)
        }
        fields = []
        field = ""
    }
}
