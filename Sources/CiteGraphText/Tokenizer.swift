import Foundation

/// One word of a title or abstract.
public struct Token: Sendable, Hashable {
    /// The word lower-cased ("self-attention", "gpt-4", "padé").
    public var text: String
    /// The word as written, after TeX markup was stripped ("Self-Attention", "GPT-4", "LN").
    public var original: String
    /// Index of the phrase segment the token belongs to. Consecutive tokens with equal
    /// `phrase` were not separated by punctuation (`. , ; : ( ) [ ] ! ? " / $ ^ _ = …`),
    /// a dash, a dropped number or a blank line; candidate key phrases never cross segments.
    public var phrase: Int32
    /// Index of the sentence (`.`, `!`, `?` before white space, or a blank line, ends one).
    public var sentence: Int32
    public var flags: Flags

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The token directly follows an opening parenthesis or bracket.
        public static let openParenBefore = Flags(rawValue: 1)
        /// A closing parenthesis or bracket directly follows the token.
        public static let closeParenAfter = Flags(rawValue: 2)
    }

    public init(text: String, original: String, phrase: Int32, sentence: Int32, flags: Flags = []) {
        self.text = text; self.original = original; self.phrase = phrase; self.sentence = sentence
        self.flags = flags
    }
}

/// Splits titles and abstracts into lower-cased word tokens with phrase and sentence
/// boundaries.
///
/// Rules, in the order they apply to each Unicode scalar:
/// - Letters (any script, with combining marks) and digits make up words; a word is kept
///   when it has at least one letter, so "l2", "gpt-4", "3d" stay and "2024", "3.5",
///   "31,465" are dropped (a dropped number still ends the phrase).
/// - A hyphen between two word characters joins them ("graph-based", "self-attention",
///   "state-of-the-art"); "--", " - ", en and em dashes end a phrase.
/// - An apostrophe between letters joins them, except a possessive "'s", which is dropped.
/// - A full stop between two word characters joins them ("3.5", "e.g", "genjax.vi");
///   otherwise it ends the phrase, and the sentence when white space or the end follows.
/// - TeX: `\command` names are removed (`\emph{x}` leaves "x", `\ell_\infty` leaves
///   nothing), the arguments of `\cite`, `\ref`, `\eqref`, `\label`, `\url` are skipped,
///   `{ } ~` are spaces, and math punctuation (`$ ^ _ = < > + * | /`) ends a phrase, so
///   `O(k^{-3})` yields only the dropped single letter "o" and "k" tokens.
/// - A blank line ends a sentence (use it to join a title and its abstract); a single line
///   break is a space, as in hard-wrapped abstracts.
/// - Words are normalised to Unicode NFC when they contain combining marks ("Pade\u{301}" and
///   "Padé" give the same token); words longer than 64 scalars (URLs, hashes) are dropped.
///
/// - Complexity: O(n) in the length of the text.
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokens of a title followed by its abstract; the title ends a sentence.
    public func tokenize(title: String, abstract: String) -> [Token] {
        tokenize(title + "\n\n" + abstract)
    }

    /// Tokens of `text`.
    public func tokenize(_ text: String) -> [Token] {
        var state = State()
        state.run(Array(text.unicodeScalars))
        return state.tokens
    }

    private static let skippedArgumentCommands: Set<String> = ["cite", "citep", "citet", "ref", "eqref", "label", "url", "href"]

    private struct State {
        var tokens: [Token] = []
        var phrase: Int32 = 0
        var sentence: Int32 = 0
        var pendingBreak = false
        var pendingSentence = false
        var pendingOpen = false
        var lastTokenFresh = false
        /// The word being read; ASCII words are built from `bytes` without per-scalar appends.
        var word: [Unicode.Scalar] = []
        var bytes: [UInt8] = []
        var allASCII = true
        var wordLength = 0
        var hasLetter = false
        var hasMark = false

        mutating func run(_ s: [Unicode.Scalar]) {
            let n = s.count
            var i = 0
            @inline(__always) func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < n ? s[k] : nil }
            while i < n {
                let c = s[i]
                let v = c.value
                if Tokenizer.isWordScalar(c) {
                    append(c)
                    i += 1
                    continue
                }
                switch v {
                case 0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C, 0xA0, 0x200B, 0x2028, 0x2029:
                    flush()
                    var newlines = 0
                    while i < n, let w = at(i), w.value == 0x20 || w.value == 0x0A || w.value == 0x200B || Tokenizer.isWhitespace(w) {
                        if w.value == 0x0A || w.value == 0x2028 || w.value == 0x2029 { newlines += 1 }
                        i += 1
                    }
                    if newlines >= 2 { brk(sentenceEnd: true) }
                    continue
                case 0x5C:  // backslash: TeX command or escaped character
                    flush()
                    var j = i + 1
                    if let next = at(j), Tokenizer.isASCIILetter(next) {
                        var name = ""
                        while let l = at(j), Tokenizer.isASCIILetter(l) { name.unicodeScalars.append(l); j += 1 }
                        if at(j)?.value == 0x2A { j += 1 }  // starred form
                        if Tokenizer.skippedArgumentCommands.contains(name), at(j)?.value == 0x7B {
                            var depth = 0
                            while let l = at(j) {
                                if l.value == 0x7B { depth += 1 } else if l.value == 0x7D { depth -= 1 }
                                j += 1
                                if depth == 0 { break }
                            }
                        }
                        i = j
                    } else if let next = at(j) {
                        // "\," "\;" "\ " are spaces; "\%", "\$", "\_" … are punctuation.
                        if next.value == 0x2C || next.value == 0x3B || next.value == 0x20 || next.value == 0x21 {
                            i = j + 1
                        } else {
                            brk(sentenceEnd: false); i = j + 1
                        }
                    } else {
                        i = j
                    }
                    continue
                case 0x7B, 0x7D, 0x7E:  // { } ~
                    flush()
                case 0xAD:  // soft hyphen: invisible
                    break
                case 0x2D, 0x2010, 0x2011:  // hyphens
                    if !word.isEmpty, let next = at(i + 1), Tokenizer.isWordScalar(next) {
                        append("-")
                    } else {
                        flush()
                        let spaced = (at(i - 1).map(Tokenizer.isWhitespace) ?? true) && (at(i + 1).map(Tokenizer.isWhitespace) ?? true)
                        if spaced || at(i + 1)?.value == 0x2D {
                            brk(sentenceEnd: false)
                            while at(i + 1)?.value == 0x2D { i += 1 }
                        }
                    }
                case 0x27, 0x2019, 0x02BC:  // apostrophes
                    if !word.isEmpty, let next = at(i + 1), next.properties.isAlphabetic {
                        if (next == "s" || next == "S"), !(at(i + 2).map(Tokenizer.isWordScalar) ?? false) {
                            flush(); i += 2; continue  // possessive 's
                        }
                        append("'")
                    } else {
                        flush()
                    }
                case 0x2E:  // full stop
                    if !word.isEmpty, let next = at(i + 1), Tokenizer.isWordScalar(next) {
                        append(".")
                    } else {
                        let next = at(i + 1)
                        let ends = next == nil || Tokenizer.isWhitespace(next!)
                            || next!.value == 0x22 || next!.value == 0x201D || next!.value == 0x29
                        brk(sentenceEnd: ends)
                    }
                case 0x2C:  // comma; thousands separators stay inside numbers
                    if let p = at(i - 1), let q = at(i + 1), Tokenizer.isDigit(p), Tokenizer.isDigit(q), !word.isEmpty {
                        append(",")
                    } else {
                        brk(sentenceEnd: false)
                    }
                case 0x28, 0x5B:  // ( [
                    brk(sentenceEnd: false)
                    pendingOpen = true
                case 0x29, 0x5D:  // ) ]
                    flush()
                    if lastTokenFresh { tokens[tokens.count - 1].flags.insert(.closeParenAfter) }
                    brk(sentenceEnd: false)
                case 0x21, 0x3F:  // ! ?
                    brk(sentenceEnd: true)
                default:
                    if c.properties.generalCategory == .format { break }  // zero-width joiners etc.
                    brk(sentenceEnd: false)
                }
                i += 1
            }
            flush()
        }

        mutating func append(_ c: Unicode.Scalar) {
            word.append(c)
            wordLength += 1
            if c.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: c.value))
                if Tokenizer.isASCIILetter(c) { hasLetter = true }
                return
            }
            allASCII = false
            if c.properties.isAlphabetic {
                hasLetter = true
                if !c.isASCII && !hasMark { hasMark = c.properties.generalCategory.isMark }
            } else if !c.isASCII && !hasMark {
                hasMark = c.properties.generalCategory.isMark
            }
        }

        mutating func brk(sentenceEnd: Bool) {
            flush()
            pendingBreak = true
            if sentenceEnd { pendingSentence = true }
            lastTokenFresh = false
            pendingOpen = false
        }

        mutating func flush() {
            guard !word.isEmpty else { return }
            defer {
                word.removeAll(keepingCapacity: true); bytes.removeAll(keepingCapacity: true)
                allASCII = true; wordLength = 0; hasLetter = false; hasMark = false
            }
            guard hasLetter, wordLength <= 64 else {
                pendingBreak = true; lastTokenFresh = false; pendingOpen = false
                return
            }
            var original: String
            if allASCII {
                original = String(decoding: bytes, as: UTF8.self)
            } else {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: word)
                original = String(view)
            }
            if hasMark { original = original.precomposedStringWithCanonicalMapping }
            if !tokens.isEmpty {
                if pendingBreak { phrase += 1 }
                if pendingSentence { sentence += 1 }
            }
            pendingBreak = false; pendingSentence = false
            let flags: Token.Flags = pendingOpen ? [.openParenBefore] : []
            pendingOpen = false
            tokens.append(Token(text: original.lowercased(), original: original, phrase: phrase, sentence: sentence, flags: flags))
            lastTokenFresh = true
        }
    }

    @inline(__always) static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x30 && c.value <= 0x39
    }

    /// Unicode `White_Space`, without a property lookup for ASCII.
    @inline(__always) static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) }
        return c.properties.isWhitespace
    }

    /// Letters, digits and combining marks of any script.
    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isASCIILetter(c) || isDigit(c) }
        let p = c.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isMark: Bool {
        self == .nonspacingMark || self == .spacingMark || self == .enclosingMark
    }
}
