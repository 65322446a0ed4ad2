/// An RFC 4180 reader for comma- or tab-separated text: quoted fields may hold separators,
/// doubled quotes and line breaks. Yields each row with the 1-based line it starts on.
/// - Complexity: O(text length).
struct DelimitedText {
    let separator: Character

    func rows(_ text: String, _ body: (_ fields: [String], _ line: Int) throws -> Void) rethrows {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    let after = next()
                    if after == "\"" { field.append("\"") } else { inQuotes = false; pending = after }
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
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            try body(fields, rowLine)
        }
    }
}
