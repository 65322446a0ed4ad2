/// The Porter2 ("English Snowball") stemmer.
///
/// Implements the English stemming algorithm of the Snowball project (M. F. Porter,
/// "The English (Porter2) stemming algorithm", snowballstem.org/algorithms/english),
/// including its exceptional forms, the `gener`/`commun`/`arsen`/`past`/`univers`/`later`/
/// `emerg`/`organ` R1 prefixes and the step-1a invariant words. Checked against the
/// reference implementation (Python `snowballstemmer` 3.x) in the tests.
///
/// Input is expected lower-cased (the `Tokenizer` does this). Letters outside `a`…`z` are
/// kept and count as non-vowels, as in the reference implementation. A hyphenated token
/// ("graph-based") is stemmed part by part (`stem(token:)`).
public struct Stemmer: Sendable {
    public init() {}

    /// Stems one lower-cased word.
    /// - Complexity: O(length of the word).
    public func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        if scalars.count <= 2 { return word }
        var w = scalars.map { $0.value }
        Porter2.run(&w)
        var out = String.UnicodeScalarView()
        for v in w { out.append(Unicode.Scalar(v)!) }
        return String(out)
    }

    /// Stems a token that may be hyphenated: each hyphen-separated part is stemmed on its own
    /// ("graph-based" → "graph-base", "self-attention" → "self-attent").
    /// - Complexity: O(length of the token).
    public func stem(token: String) -> String {
        guard token.contains("-") else { return stem(token) }
        return token.split(separator: "-", omittingEmptySubsequences: false)
            .map { stem(String($0)) }
            .joined(separator: "-")
    }
}

/// The algorithm itself, on an array of Unicode scalar values (mutated in place).
enum Porter2 {
    private static let a: UInt32 = 97, e: UInt32 = 101, i: UInt32 = 105, o: UInt32 = 111, u: UInt32 = 117
    private static let y: UInt32 = 121, capY: UInt32 = 89, apostrophe: UInt32 = 39
    private static let s: UInt32 = 115, l: UInt32 = 108

    private static func isVowel(_ c: UInt32) -> Bool {
        c == a || c == e || c == i || c == o || c == u || c == y
    }

    private static func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map { $0.value } }

    private static let exceptions1: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli",
        "early": "earli", "only": "onli", "singly": "singl", "sky": "sky", "news": "news",
        "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
    private static let exceptions2: Set<String> = [
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ]
    private static let r1Prefixes: [[UInt32]] = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ"].map(codes)

    static func run(_ w: inout [UInt32]) {
        // Leading apostrophe.
        if w.first == apostrophe { w.removeFirst() }
        if w.count <= 2 { return }
        if let special = exceptions1[string(w)] { w = codes(special); return }
        // "dying", "lying", "tying" and the other -ying words of the reference ("dying" → "die").
        // Mark consonant-y as Y.
        if w[0] == y { w[0] = capY }
        for k in 1..<w.count where w[k] == y && isVowel(w[k - 1]) { w[k] = capY }
        var (r1, r2) = regions(w)

        step0(&w)
        step1a(&w)
        if exceptions2.contains(string(w)) { restoreY(&w); return }
        step1b(&w, r1)
        step1c(&w)
        (r1, r2) = (min(r1, w.count), min(r2, w.count))
        step2(&w, r1)
        step3(&w, r1, r2)
        step4(&w, r2)
        step5(&w, r1, r2)
        restoreY(&w)
    }

    private static func string(_ w: [UInt32]) -> String {
        var out = String.UnicodeScalarView()
        for v in w { out.append(Unicode.Scalar(v)!) }
        return String(out)
    }

    private static func restoreY(_ w: inout [UInt32]) {
        for k in w.indices where w[k] == capY { w[k] = y }
    }

    /// R1: after the first non-vowel following a vowel (or after a listed prefix);
    /// R2: the same rule applied again inside R1.
    private static func regions(_ w: [UInt32]) -> (Int, Int) {
        var r1 = w.count
        var matchedPrefix = false
        for p in r1Prefixes where w.count >= p.count && Array(w[0..<p.count]) == p {
            r1 = p.count; matchedPrefix = true; break
        }
        if !matchedPrefix { r1 = regionStart(w, from: 0) }
        let r2 = regionStart(w, from: r1)
        return (r1, r2)
    }

    private static func regionStart(_ w: [UInt32], from start: Int) -> Int {
        var k = start + 1
        while k < w.count {
            if !isVowel(w[k]) && isVowel(w[k - 1]) { return k + 1 }
            k += 1
        }
        return w.count
    }

    private static func endsWith(_ w: [UInt32], _ suffix: [UInt32]) -> Bool {
        w.count >= suffix.count && Array(w[(w.count - suffix.count)...]) == suffix
    }

    /// Longest matching suffix from a list (each given as code arrays).
    private static func longest(_ w: [UInt32], _ suffixes: [[UInt32]]) -> [UInt32]? {
        var best: [UInt32]? = nil
        for sfx in suffixes where endsWith(w, sfx) {
            if best == nil || sfx.count > best!.count { best = sfx }
        }
        return best
    }

    private static func containsVowel(_ w: [UInt32], before end: Int) -> Bool {
        var k = 0
        while k < end { if isVowel(w[k]) { return true }; k += 1 }
        return false
    }

    /// A short syllable ending at index `end - 1`.
    private static func endsWithShortSyllable(_ w: [UInt32], _ end: Int) -> Bool {
        if end == 2 {
            return isVowel(w[0]) && !isVowel(w[1])
        }
        if end >= 3 {
            let c = w[end - 1]
            return !isVowel(w[end - 3]) && isVowel(w[end - 2]) && !isVowel(c)
                && c != 119 /* w */ && c != 120 /* x */ && c != capY
        }
        return false
    }

    private static func isShortWord(_ w: [UInt32], _ r1: Int) -> Bool {
        r1 >= w.count && endsWithShortSyllable(w, w.count)
    }

    private static let step0Suffixes: [[UInt32]] = ["'s'", "'s", "'"].map(codes)

    private static func step0(_ w: inout [UInt32]) {
        if let sfx = longest(w, step0Suffixes) { w.removeLast(sfx.count) }
    }

    private static let sses = codes("sses"), ied = codes("ied"), ies = codes("ies")
    private static let us = codes("us"), ss = codes("ss")

    private static func step1a(_ w: inout [UInt32]) {
        if endsWith(w, sses) { w.removeLast(2); return }
        if endsWith(w, ied) || endsWith(w, ies) {
            // "i" if preceded by more than one letter, else "ie".
            if w.count > 4 { w.removeLast(2) } else { w.removeLast(1) }
            return
        }
        if endsWith(w, us) || endsWith(w, ss) { return }
        if w.last == s {
            // Delete if the preceding part contains a vowel not immediately before the s.
            if w.count >= 3 && containsVowel(w, before: w.count - 2) { w.removeLast() }
        }
    }

    private static let step1bSuffixes: [[UInt32]] = ["eed", "eedly", "ed", "edly", "ing", "ingly"].map(codes)
    private static let at = codes("at"), bl = codes("bl"), iz = codes("iz")
    private static let doubles: [[UInt32]] = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].map(codes)

    private static func step1b(_ w: inout [UInt32], _ r1: Int) {
        guard let sfx = longest(w, step1bSuffixes) else { return }
        let stemEnd = w.count - sfx.count
        if sfx == codes("eed") || sfx == codes("eedly") {
            if stemEnd >= r1 { w.removeLast(sfx.count); w.append(contentsOf: codes("ee")) }
            return
        }
        guard containsVowel(w, before: stemEnd) else { return }
        // Reference special case: "-ing" after exactly one consonant-then-y
        // ("dying" → "die" is in exceptions1 of older versions; the current reference
        // maps stem "Xy" + "ing" with a short prefix to "Xie").
        w.removeLast(sfx.count)
        if endsWith(w, at) || endsWith(w, bl) || endsWith(w, iz) {
            w.append(e)
        } else if doubles.contains(where: { endsWith(w, $0) }) {
            w.removeLast()
        } else if isShortWord(w, r1) {
            w.append(e)
        }
    }

    private static func step1c(_ w: inout [UInt32]) {
        guard w.count > 2, let last = w.last, last == y || last == capY else { return }
        if !isVowel(w[w.count - 2]) { w[w.count - 1] = i }
    }

    private static let step2Rules: [([UInt32], [UInt32])] = [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ].map { (codes($0.0), codes($0.1)) }
    private static let validLiEnding: Set<UInt32> = Set("cdeghkmnrt".unicodeScalars.map { $0.value })

    private static func step2(_ w: inout [UInt32], _ r1: Int) {
        guard let (sfx, rep) = longestRule(w, step2Rules) else { return }
        let stemEnd = w.count - sfx.count
        guard stemEnd >= r1 else { return }
        if sfx == codes("ogi") {
            guard stemEnd >= 1 && w[stemEnd - 1] == l else { return }
        } else if sfx == codes("li") {
            guard stemEnd >= 1 && validLiEnding.contains(w[stemEnd - 1]) else { return }
        }
        w.removeLast(sfx.count); w.append(contentsOf: rep)
    }

    private static func longestRule(_ w: [UInt32], _ rules: [([UInt32], [UInt32])]) -> ([UInt32], [UInt32])? {
        var best: ([UInt32], [UInt32])? = nil
        for rule in rules where endsWith(w, rule.0) {
            if best == nil || rule.0.count > best!.0.count { best = rule }
        }
        return best
    }

    private static let step3Rules: [([UInt32], [UInt32])] = [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ].map { (codes($0.0), codes($0.1)) }

    private static func step3(_ w: inout [UInt32], _ r1: Int, _ r2: Int) {
        guard let (sfx, rep) = longestRule(w, step3Rules) else { return }
        let stemEnd = w.count - sfx.count
        guard stemEnd >= r1 else { return }
        if sfx == codes("ative") && stemEnd < r2 { return }
        w.removeLast(sfx.count); w.append(contentsOf: rep)
    }

    private static let step4Suffixes: [[UInt32]] = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
    ].map(codes)

    private static func step4(_ w: inout [UInt32], _ r2: Int) {
        guard let sfx = longest(w, step4Suffixes) else { return }
        let stemEnd = w.count - sfx.count
        guard stemEnd >= r2 else { return }
        if sfx == codes("ion") {
            guard stemEnd >= 1 && (w[stemEnd - 1] == s || w[stemEnd - 1] == 116 /* t */) else { return }
        }
        w.removeLast(sfx.count)
    }

    private static func step5(_ w: inout [UInt32], _ r1: Int, _ r2: Int) {
        guard let last = w.last else { return }
        let stemEnd = w.count - 1
        if last == e {
            if stemEnd >= r2 || (stemEnd >= r1 && !endsWithShortSyllable(w, stemEnd)) { w.removeLast() }
        } else if last == l {
            if stemEnd >= r2 && stemEnd >= 1 && w[stemEnd - 1] == l { w.removeLast() }
        }
    }
}
