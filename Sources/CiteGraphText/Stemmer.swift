/// The Porter2 ("English Snowball") stemmer.
///
/// Implements the English stemming algorithm of the Snowball project (M. F. Porter,
/// "The English (Porter2) stemming algorithm", snowballstem.org/algorithms/english),
/// in its current form (Snowball 3.x `english.sbl`): the exceptional forms, the R1
/// prefixes `arsen`/`commun`/`emerg`/`gener`/`inter`/`later`/`organ`/`past`/`univers`, and
/// the step-1b guards for `proceed`/`inning`-type words. Checked against the
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
        var w = word.unicodeScalars.map { $0.value }
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

/// The algorithm itself, on an array of Unicode scalar values (mutated in place). It follows
/// `english.sbl` of Snowball 3.x step by step (prelude, mark_regions, Step_1a … Step_5, postlude).
enum Porter2 {
    private static let y: UInt32 = 121, capY: UInt32 = 89, apostrophe: UInt32 = 39

    /// The grouping `v`: a e i o u y (not `Y`).
    @inline(__always) private static func isVowel(_ c: UInt32) -> Bool {
        c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
    }

    private static func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map { $0.value } }

    private static func string(_ w: [UInt32]) -> String {
        var out = String.UnicodeScalarView()
        for v in w { out.append(Unicode.Scalar(v)!) }
        return String(out)
    }

    /// `exception1`: whole words with a fixed stem.
    private static let exceptions1: [[UInt32]: [UInt32]] = {
        let pairs = [
            ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
            ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"),
            ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        var d: [[UInt32]: [UInt32]] = [:]
        for (k, v) in pairs { d[codes(k)] = codes(v) }
        return d
    }()
    /// `mark_regions`: prefixes after which R1 starts.
    private static let r1Prefixes: [[UInt32]] =
        ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"].map(codes)

    static func run(_ w: inout [UInt32]) {
        if let special = exceptions1[w] { w = special; return }
        if w.count < 3 { return }
        // prelude
        if w.first == apostrophe { w.removeFirst() }
        var foundY = false
        if w.first == y { w[0] = capY; foundY = true }
        if w.count > 1 {
            for k in 1..<w.count where w[k] == y && isVowel(w[k - 1]) { w[k] = capY; foundY = true }
        }
        let (p1, p2) = regions(w)
        step1a(&w)
        step1b(&w, p1)
        step1c(&w)
        step2(&w, p1)
        step3(&w, p1, p2)
        step4(&w, p2)
        step5(&w, p1, p2)
        if foundY { for k in w.indices where w[k] == capY { w[k] = y } }
    }

    private static func hasPrefix(_ w: [UInt32], _ p: [UInt32]) -> Bool {
        w.count >= p.count && w[0..<p.count].elementsEqual(p)
    }

    private static func regions(_ w: [UInt32]) -> (Int, Int) {
        let n = w.count
        var p1 = n
        if let p = r1Prefixes.first(where: { hasPrefix(w, $0) }) {
            p1 = p.count
        } else {
            p1 = afterVowelConsonant(w, from: 0)
        }
        let p2 = p1 >= n ? n : afterVowelConsonant(w, from: p1)
        return (p1, p2)
    }

    /// Position after the first non-vowel that follows a vowel, searching from `start`
    /// (`gopast v gopast non-v`), or the word length.
    private static func afterVowelConsonant(_ w: [UInt32], from start: Int) -> Int {
        var k = start
        while k < w.count && !isVowel(w[k]) { k += 1 }
        while k < w.count && isVowel(w[k]) { k += 1 }
        return k < w.count ? k + 1 : w.count
    }

    private static func endsWith(_ w: [UInt32], _ suffix: [UInt32]) -> Bool {
        w.count >= suffix.count && w[(w.count - suffix.count)...].elementsEqual(suffix)
    }

    /// Index of the longest suffix of `w` in `suffixes`, or nil.
    private static func longest(_ w: [UInt32], _ suffixes: [[UInt32]]) -> Int? {
        var best: Int? = nil
        for (k, sfx) in suffixes.enumerated() where endsWith(w, sfx) {
            if best == nil || sfx.count > suffixes[best!].count { best = k }
        }
        return best
    }

    private static func containsVowel(_ w: [UInt32], before end: Int) -> Bool {
        var k = 0
        while k < end { if isVowel(w[k]) { return true }; k += 1 }
        return false
    }

    /// `shortv`, tested on `w[0..<end]`: non-vowel-WXY, vowel, non-vowel backwards; or
    /// non-vowel, vowel at the start of the word; or ending in "past".
    private static func shortSyllable(_ w: [UInt32], _ end: Int) -> Bool {
        if end >= 3 {
            let c = w[end - 1]
            if !isVowel(c) && c != 119 && c != 120 && c != capY && isVowel(w[end - 2]) && !isVowel(w[end - 3]) {
                return true
            }
        }
        if end == 2 && !isVowel(w[1]) && isVowel(w[0]) { return true }
        return end >= 4 && w[(end - 4)..<end].elementsEqual(past)
    }

    private static let past = codes("past")
    private static let step0Suffixes: [[UInt32]] = ["'", "'s'", "'s"].map(codes)
    private static let sses = codes("sses"), ied = codes("ied"), ies = codes("ies")
    private static let us = codes("us"), ss = codes("ss")

    private static func step1a(_ w: inout [UInt32]) {
        if let k = longest(w, step0Suffixes) { w.removeLast(step0Suffixes[k].count) }
        if endsWith(w, sses) { w.removeLast(2); return }
        if endsWith(w, ied) || endsWith(w, ies) {
            // "i" when preceded by more than one letter, else "ie".
            if w.count - 3 >= 2 { w.removeLast(2) } else { w.removeLast(1) }
            return
        }
        if endsWith(w, us) || endsWith(w, ss) { return }
        if w.last == 115 /* s */ && w.count >= 3 && containsVowel(w, before: w.count - 2) { w.removeLast() }
    }

    private static let step1bSuffixes: [[UInt32]] = ["eed", "eedly", "ed", "edly", "ing", "ingly"].map(codes)
    private static let eedExceptions: [[UInt32]] = ["succ", "proc", "exc"].map(codes)
    private static let ingExceptions: [[UInt32]] = ["even", "cann", "inn", "earr", "herr", "out"].map(codes)
    private static let addE: [[UInt32]] = ["at", "bl", "iz"].map(codes)
    private static let doubles: [[UInt32]] = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].map(codes)

    private static func step1b(_ w: inout [UInt32], _ p1: Int) {
        guard let k = longest(w, step1bSuffixes) else { return }
        let sfx = step1bSuffixes[k]
        let stemEnd = w.count - sfx.count
        switch k {
        case 0, 1:  // eed, eedly
            if stemEnd >= p1 && !eedExceptions.contains(where: { $0.elementsEqual(w[0..<stemEnd]) }) {
                w.removeLast(sfx.count); w.append(contentsOf: [101, 101])
            }
            return
        case 4:  // ing
            let stem = w[0..<stemEnd]
            if stemEnd == 2 && w[1] == y && !isVowel(w[0]) {  // "dying" → "die"
                w.removeLast(4); w.append(contentsOf: [105, 101]); return
            }
            if ingExceptions.contains(where: { $0.elementsEqual(stem) }) { return }
        default:
            break
        }
        guard containsVowel(w, before: stemEnd) else { return }
        w.removeLast(sfx.count)
        if addE.contains(where: { endsWith(w, $0) }) { w.append(101); return }
        if doubles.contains(where: { endsWith(w, $0) }) {
            // "add", "egg", "off"-like words keep their double letter.
            if w.count == 3 && (w[0] == 97 || w[0] == 101 || w[0] == 111) { return }
            w.removeLast(); return
        }
        if p1 == w.count && shortSyllable(w, w.count) { w.append(101) }
    }

    private static func step1c(_ w: inout [UInt32]) {
        guard w.count >= 3, let last = w.last, last == y || last == capY else { return }
        if !isVowel(w[w.count - 2]) { w[w.count - 1] = 105 }
    }

    private static let step2Rules: [([UInt32], [UInt32])] = [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogi", "og"), ("ogist", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ].map { (codes($0.0), codes($0.1)) }
    private static let ogi = codes("ogi"), li = codes("li"), ative = codes("ative"), ion = codes("ion")
    private static let validLiEnding: Set<UInt32> = Set("cdeghkmnrt".unicodeScalars.map { $0.value })

    private static func longestRule(_ w: [UInt32], _ rules: [([UInt32], [UInt32])]) -> ([UInt32], [UInt32])? {
        var best: ([UInt32], [UInt32])? = nil
        for rule in rules where endsWith(w, rule.0) {
            if best == nil || rule.0.count > best!.0.count { best = rule }
        }
        return best
    }

    private static func step2(_ w: inout [UInt32], _ p1: Int) {
        guard let (sfx, rep) = longestRule(w, step2Rules) else { return }
        let stemEnd = w.count - sfx.count
        guard stemEnd >= p1 else { return }
        if sfx == ogi {
            guard stemEnd >= 1 && w[stemEnd - 1] == 108 /* l */ else { return }
        } else if sfx == li {
            guard stemEnd >= 1 && validLiEnding.contains(w[stemEnd - 1]) else { return }
        }
        w.removeLast(sfx.count); w.append(contentsOf: rep)
    }

    private static let step3Rules: [([UInt32], [UInt32])] = [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ].map { (codes($0.0), codes($0.1)) }

    private static func step3(_ w: inout [UInt32], _ p1: Int, _ p2: Int) {
        guard let (sfx, rep) = longestRule(w, step3Rules) else { return }
        let stemEnd = w.count - sfx.count
        guard stemEnd >= p1 else { return }
        if sfx == ative && stemEnd < p2 { return }
        w.removeLast(sfx.count); w.append(contentsOf: rep)
    }

    private static let step4Suffixes: [[UInt32]] = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
    ].map(codes)

    private static func step4(_ w: inout [UInt32], _ p2: Int) {
        guard let k = longest(w, step4Suffixes) else { return }
        let sfx = step4Suffixes[k]
        let stemEnd = w.count - sfx.count
        guard stemEnd >= p2 else { return }
        if sfx == ion {
            guard stemEnd >= 1 && (w[stemEnd - 1] == 115 || w[stemEnd - 1] == 116) else { return }
        }
        w.removeLast(sfx.count)
    }

    private static func step5(_ w: inout [UInt32], _ p1: Int, _ p2: Int) {
        guard let last = w.last else { return }
        let stemEnd = w.count - 1
        if last == 101 /* e */ {
            if stemEnd >= p2 || (stemEnd >= p1 && !shortSyllable(w, stemEnd)) { w.removeLast() }
        } else if last == 108 /* l */ {
            if stemEnd >= p2 && stemEnd >= 1 && w[stemEnd - 1] == 108 { w.removeLast() }
        }
    }
}
