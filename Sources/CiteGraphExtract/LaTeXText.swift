import Foundation

/// Converts the LaTeX found in BibTeX field values to plain Unicode text.
///
/// Handles accent commands (`\"u`, `{\"u}`, `\'{e}`, `\c{c}`, `\v s`, `{\'\i}` …, applied as
/// combining marks then composed to NFC), named letters and symbols (`\ss`, `\o`, `\L`,
/// `\ae`, `\aa`, `\&`, `\%`, `\#`, `\textendash` …), formatting commands and declarations
/// whose text is kept (`\emph{x}`, `\textbf{x}`, `{\em x}`, `\texttt{x}`), commands whose
/// argument is dropped (`\cite{…}`, `\noopsort{…}`), Greek letters and a few symbols in
/// math, `--`/`---` dashes, ``` `` ```/`''` quotes and `~` ties. Braces are removed and
/// runs of white space become one space. An unknown command is dropped, its argument kept.
/// - Complexity: O(length of the text).
enum LaTeXText {
    static func toUnicode(_ text: String) -> String {
        guard text.contains(where: { "\\{}$~-`'".contains($0) }) || text.contains(where: \.isWhitespace) else { return text }
        var converter = Converter(scalars: Array(text.unicodeScalars))
        let converted = converter.convert(stopAtBrace: false)
        return collapseWhitespace(converted.precomposedStringWithCanonicalMapping)
    }

    /// Runs of white space as one space, trimmed.
    static func collapseWhitespace(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for c in s {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return out
    }

    /// Combining marks of the accent commands.
    static let accents: [String: Unicode.Scalar] = [
        "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}", "~": "\u{0303}", "=": "\u{0304}", ".": "\u{0307}",
        "c": "\u{0327}", "v": "\u{030C}", "u": "\u{0306}", "H": "\u{030B}", "k": "\u{0328}", "r": "\u{030A}", "d": "\u{0323}",
        "b": "\u{0331}", "t": "\u{0361}",
    ]

    /// Commands that stand for a letter, a symbol, or nothing.
    static let symbols: [String: String] = [
        // Letters.
        "ss": "ß", "SS": "SS", "i": "ı", "j": "ȷ", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "oe": "œ",
        "OE": "Œ", "aa": "å", "AA": "Å", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
        // Text symbols.
        "textendash": "–", "textemdash": "—", "textquotedblleft": "“", "textquotedblright": "”", "textquoteleft": "‘",
        "textquoteright": "’", "textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\", "textbar": "|",
        "textless": "<", "textgreater": ">", "textunderscore": "_", "ldots": "…", "dots": "…", "textellipsis": "…",
        "textdegree": "°", "copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™", "S": "§",
        "P": "¶", "dag": "†", "ddag": "‡", "pounds": "£", "euro": "€", "textbullet": "•", "guillemotleft": "«",
        "guillemotright": "»", "quad": " ", "qquad": " ", "space": " ", "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX",
        // Math.
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
        "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
        "Omega": "Ω", "exists": "∃", "forall": "∀", "neg": "¬", "lnot": "¬", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
        "rightarrow": "→", "to": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔",
        "Leftrightarrow": "⇔", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "in": "∈", "notin": "∉",
        "subseteq": "⊆", "subset": "⊂", "cup": "∪", "cap": "∩", "emptyset": "∅", "times": "×", "infty": "∞", "cdot": "·",
        "pm": "±", "sim": "∼", "models": "⊨", "vdash": "⊢", "mid": "|", "langle": "⟨", "rangle": "⟩", "ell": "ℓ",
    ]

    /// Commands dropped together with their argument.
    static let dropWithArgument: Set<String> = ["cite", "citep", "citet", "nocite", "noopsort", "label", "ref", "footnote", "thanks"]

    private struct Converter {
        let scalars: [Unicode.Scalar]
        var i = 0
        var math = false

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            i + offset < scalars.count ? scalars[i + offset] : nil
        }

        /// Converts up to the end, or up to and including the `}` closing the current group.
        mutating func convert(stopAtBrace: Bool) -> String {
            var out = String.UnicodeScalarView()
            while let c = peek() {
                i += 1
                switch c {
                case "{":
                    out.append(contentsOf: convert(stopAtBrace: true).unicodeScalars)
                case "}":
                    if stopAtBrace { return String(out) }
                case "\\":
                    out.append(contentsOf: command().unicodeScalars)
                case "$":
                    math.toggle()
                case "~":
                    out.append(" ")
                case "^" where math, "_" where math:
                    break
                case "-" where !math:
                    if peek() == "-" {
                        i += 1
                        if peek() == "-" {
                            i += 1
                            out.append("—")
                        } else {
                            out.append("–")
                        }
                    } else {
                        out.append("-")
                    }
                case "`" where peek() == "`":
                    i += 1
                    out.append("“")
                case "'" where peek() == "'":
                    i += 1
                    out.append("”")
                default:
                    out.append(c)
                }
            }
            return String(out)
        }

        /// Converts the command whose backslash was just read.
        private mutating func command() -> String {
            guard let c = peek() else { return "" }
            guard c.properties.isAlphabetic, c.isASCII else {
                i += 1
                if let mark = LaTeXText.accents[String(c)] { return accented(argument(), mark: mark, spacing: String(c)) }
                switch c {
                case " ", "\n", "\t", "\r", ";", ":": return " "
                case ",", "!", "/", "-", "@": return ""
                case "\\": return " "
                default: return String(c)  // \& \% \$ \# \_ \{ \}
                }
            }
            var name = ""
            while let l = peek(), l.isASCII, l.properties.isAlphabetic {
                name.unicodeScalars.append(l)
                i += 1
            }
            // TeX skips the spaces after a control word.
            while let s = peek(), s == " " || s == "\n" || s == "\t" || s == "\r" { i += 1 }
            if let mark = LaTeXText.accents[name] { return accented(argument(), mark: mark, spacing: "") }
            if let symbol = LaTeXText.symbols[name] { return symbol }
            if LaTeXText.dropWithArgument.contains(name) {
                if peek() == "[" { while let s = peek(), s != "]" { i += 1 }; i += 1 }
                _ = argument()
                return ""
            }
            // Formatting commands, declarations and unknown commands: the name is dropped, a
            // following group is converted as ordinary text.
            return ""
        }

        /// The argument of an accent or command: a group, a command, or one character.
        private mutating func argument() -> String {
            while let s = peek(), s == " " || s == "\n" || s == "\t" { i += 1 }
            guard let c = peek() else { return "" }
            i += 1
            switch c {
            case "{": return convert(stopAtBrace: true)
            case "\\": return command()
            case "}":
                i -= 1
                return ""
            default: return String(c)
            }
        }

        /// `arg` with `mark` on its first letter (a dotless i or j regains its dot's place);
        /// the spacing accent itself when the argument is empty (`\~{}`).
        private func accented(_ arg: String, mark: Unicode.Scalar, spacing: String) -> String {
            var scalars = arg.unicodeScalars.makeIterator()
            guard var first = scalars.next() else { return spacing }
            if first == "ı" { first = "i" }
            if first == "ȷ" { first = "j" }
            var out = String.UnicodeScalarView([first, mark])
            while let s = scalars.next() { out.append(s) }
            return String(out)
        }
    }
}
