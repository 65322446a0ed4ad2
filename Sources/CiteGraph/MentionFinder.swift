import CiteGraphCore

/// Infers paper → paper "mention" edges from text, for corpora without reference lists: a
/// paper mentions another when its title or abstract names the other by its short name.
///
/// Names come from two places:
/// - the "NAME" of a title "NAME: …" (FFJORD, RITA, PowerNorm, D-PAD) when it looks like a
///   coined name — it has an upper-case letter after its first character or a digit — and is
///   matched case-sensitively as whole tokens;
/// - a short title of two to four words without a colon ("Layer Normalization"), matched
///   case-insensitively as a phrase, kept only when distinctive: found in at most
///   `maxPhraseDocumentFraction` of the documents.
///
/// Mentions are kept apart from citations: they are evidence of influence, not references.
/// - Complexity: O(total tokens + Σ candidate occurrences × name length).
public struct MentionFinder: Sendable {
    /// Short titles found in more than this fraction of documents are too generic to count.
    public var maxPhraseDocumentFraction = 0.05

    public init() {}

    /// A document: its title (where names come from) and full text (title + abstract).
    public struct Document: Sendable {
        public var title: String
        public var text: String
        public init(title: String, text: String) { self.title = title; self.text = text }
    }

    /// One inferred mention: `source` names `target` by `name`.
    public struct Mention: Sendable, Equatable {
        public var source: Int
        public var target: Int
        public var name: String
    }

    /// The name a title gives its paper, and whether it is matched case-sensitively.
    static func name(ofTitle title: String) -> (tokens: [String], caseSensitive: Bool)? {
        if let short = TitleKey.shortName(of: title) {
            let tokens = tokenize(short)
            guard !tokens.isEmpty, tokens.count <= 3 else { return nil }
            let coined = tokens.contains { token in
                token.dropFirst().contains { $0.isUppercase } || token.contains { $0.isNumber }
            }
            guard coined, short.count >= 3 else { return nil }
            return (tokens, true)
        }
        let tokens = tokenize(title)
        guard (2...4).contains(tokens.count), !title.contains(":") else { return nil }
        return (tokens.map { $0.lowercased() }, false)
    }

    /// Word tokens: letters and digits, hyphens inside words kept ("D-PAD", "GPT-4").
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var previous: Character = " "
        for ch in text {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if ch == "-" && !current.isEmpty && (previous.isLetter || previous.isNumber) {
                current.append(ch)
            } else {
                if !current.isEmpty { tokens.append(trimHyphens(current)); current = "" }
            }
            previous = ch
        }
        if !current.isEmpty { tokens.append(trimHyphens(current)) }
        return tokens.filter { !$0.isEmpty }
    }

    private static func trimHyphens(_ s: String) -> String {
        var t = Substring(s)
        while t.last == "-" { t.removeLast() }
        return String(t)
    }

    /// Finds the mentions among `documents`; each (source, target) pair once, sorted.
    public func mentions(in documents: [Document]) -> [Mention] {
        let tokenized = documents.map { MentionFinder.tokenize($0.text) }
        let lowered = tokenized.map { $0.map { $0.lowercased() } }
        // Index: first token → documents containing it (case-sensitive and folded).
        var exactIndex: [String: [Int]] = [:]
        var foldedIndex: [String: [Int]] = [:]
        for (doc, tokens) in tokenized.enumerated() {
            for token in Set(tokens) { exactIndex[token, default: []].append(doc) }
            for token in Set(lowered[doc]) { foldedIndex[token, default: []].append(doc) }
        }
        // Names, and which papers carry each name (several papers may share one).
        var owners: [String: [Int]] = [:]
        var nameInfo: [String: ([String], Bool)] = [:]
        for (doc, document) in documents.enumerated() {
            guard let (tokens, caseSensitive) = MentionFinder.name(ofTitle: document.title) else { continue }
            let key = (caseSensitive ? "=" : "~") + tokens.joined(separator: " ")
            owners[key, default: []].append(doc)
            nameInfo[key] = (tokens, caseSensitive)
        }
        var found = Set<Int64>()
        var names: [Int64: String] = [:]
        for (key, (tokens, caseSensitive)) in nameInfo {
            let candidates = (caseSensitive ? exactIndex : foldedIndex)[tokens[0]] ?? []
            var hits: [Int] = []
            for doc in candidates where MentionFinder.contains(caseSensitive ? tokenized[doc] : lowered[doc], phrase: tokens) {
                hits.append(doc)
            }
            let targets = owners[key]!
            // A generic phrase is not a name.
            if !caseSensitive && Double(hits.count - targets.count) > maxPhraseDocumentFraction * Double(documents.count) { continue }
            for source in hits where !targets.contains(source) {
                for target in targets {
                    let pair = Int64(source) << 32 | Int64(target)
                    if found.insert(pair).inserted { names[pair] = tokens.joined(separator: " ") }
                }
            }
        }
        return found.sorted().map {
            Mention(source: Int($0 >> 32), target: Int($0 & 0xffff_ffff), name: names[$0]!)
        }
    }

    static func contains(_ tokens: [String], phrase: [String]) -> Bool {
        guard phrase.count <= tokens.count else { return false }
        if phrase.count == 1 { return tokens.contains(phrase[0]) }
        for start in 0...(tokens.count - phrase.count) where tokens[start] == phrase[0] {
            if Array(tokens[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }
}
