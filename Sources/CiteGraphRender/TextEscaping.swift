/// Escaping and wrapping shared by the writers. Each function is pure and total: any
/// string goes in, a string that is safe in the target syntax comes out.
enum TextEscaping {
    /// Whether `scalar` may appear in an XML 1.0 document (tab, LF, CR and everything from
    /// U+0020 up, minus U+FFFE and U+FFFF). C1 controls are allowed by XML but are dropped
    /// too: they are invisible and only ever garbage.
    @inline(__always)
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        if v >= 0x7F && v <= 0x9F { return false }
        return v != 0xFFFE && v != 0xFFFF
    }

    /// Escapes text for XML/XHTML/HTML content and attribute values: `& < > " '` become
    /// entities and characters XML forbids are dropped. Tab, LF and CR are kept as
    /// numeric references when `inAttribute` (so attribute-value normalisation keeps them).
    /// - Complexity: O(length).
    static func markup(_ text: String, inAttribute: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r" where inAttribute: out += "&#13;"
            default:
                if isPrintable(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A double-quoted DOT string for an *escString* attribute (label, tooltip): backslash
    /// and quote are escaped, every line break (LF, CR, CRLF, U+2028…) becomes Graphviz's
    /// `\n`, tab becomes a space and other control characters are dropped.
    /// - Complexity: O(length).
    static func dotQuoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            if ch.isNewline { out += "\\n"; continue }
            for scalar in ch.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "\t": out += " "
                default:
                    if isPrintable(scalar) { out.unicodeScalars.append(scalar) }
                }
            }
        }
        out += "\""
        return out
    }

    /// Text for a Graphviz HTML-like label: `markup` escaping with whitespace (including
    /// line breaks) collapsed to single spaces.
    static func dotHTML(_ text: String) -> String {
        markup(collapseWhitespace(text))
    }

    /// Runs of whitespace and line breaks become one space; leading/trailing whitespace goes.
    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Shortens `text` to at most `limit` characters, ending in "…" when cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        guard limit > 1 else { return limit == 1 ? "…" : "" }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// Greedy word wrap: whitespace is collapsed, lines hold at most `width` characters
    /// (words longer than that are split), and beyond `maxLines` lines the last kept line
    /// ends in "…".
    /// - Complexity: O(length).
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        precondition(width >= 2 && maxLines >= 1, "wrap needs width ≥ 2 and maxLines ≥ 1")
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        func flush() {
            if currentCount > 0 { lines.append(current) }
            current = ""; currentCount = 0
        }
        for wordSub in text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }) {
            var word = Substring(wordSub)
            var wordCount = word.count
            if currentCount > 0 && currentCount + 1 + wordCount <= width {
                current += " "; current += word; currentCount += 1 + wordCount
                continue
            }
            flush()
            while wordCount > width {
                let head = word.prefix(width)
                lines.append(String(head))
                word = word.dropFirst(width)
                wordCount -= width
            }
            if wordCount > 0 { current = String(word); currentCount = wordCount }
            if lines.count > maxLines { break }
        }
        flush()
        if lines.count > maxLines {
            lines.removeSubrange(maxLines...)
            let last = lines[maxLines - 1]
            lines[maxLines - 1] = (last.count >= width ? String(last.prefix(width - 1)) : last) + "…"
        }
        return lines
    }
}
