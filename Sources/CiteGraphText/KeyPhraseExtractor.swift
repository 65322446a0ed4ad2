import CiteGraphCore
import Dispatch
import Foundation

/// Extracts key phrases from titles and abstracts and weights them per document.
///
/// Steps:
/// 1. **Tokens** — `Tokenizer` (lower-cased words with phrase boundaries).
/// 2. **Candidates** (RAKE-like; S. Rose et al., "Automatic keyword extraction from
///    individual documents", 2010): every run of consecutive content words inside one phrase
///    segment — content words are tokens that are not stop words (`StopWords`), have a
///    letter and at least `minWordLength` characters — yields all its contiguous n-grams of
///    1…`maxPhraseLength` words. Each candidate is keyed by the Porter2 stems of its words
///    (`Stemmer`), so "neural networks" and "neural network" are one term; the label is the
///    most frequent surface form.
/// 3. **Acronyms** (A. Schwartz, M. Hearst, "A simple algorithm for identifying abbreviation
///    definitions in biomedical text", PSB 2003): a token written like an acronym ("LN",
///    "LLMs", "ViT") alone in parentheses right after a phrase whose letters it abbreviates
///    defines that phrase as its long form; later uses of the acronym in the same document
///    count as the long form. With `corpusWideAcronyms`, a document that uses an acronym
///    without defining it gets the long form most often defined elsewhere in the corpus.
/// 4. **Thesaurus** (`Thesaurus`, VOSviewer format) merges or drops keys.
/// 5. **Filters** — keep terms with `df ≥ minDocumentFrequency` and
///    `df / N ≤ maxDocumentFrequencyRatio`.
/// 6. **Nested phrases** (with `collapseNestedPhrases`): a kept term is removed when a longer
///    kept term contains it and every one of its occurrences in the corpus lies inside that
///    longer term (`frequency(long) × times(short in long) ≥ frequency(short)`), in the spirit
///    of the C-value method (K. Frantzi, S. Ananiadou, H. Mima, 2000). "lottery" is dropped
///    when it only appears in "lottery ticket hypothesis"; "normalization" stays when
///    "batch normalization" and "layer normalization" both occur. `TermModel.topTerms`
///    applies the same rule per document.
/// 7. **Weights** — TF-IDF with scikit-learn's smooth idf `ln((1 + N)/(1 + df)) + 1`, or
///    Okapi BM25 (S. Robertson et al., TREC-3, 1994) with idf `ln(1 + (N − df + 0.5)/(df + 0.5))`
///    and document length = number of content words; each document vector is L2-normalised.
///
/// Complexity: O(T · L) time for T tokens and maximum phrase length L (hash lookups of
/// candidate keys), O(T + K) memory for K distinct candidate keys. Tokenization runs on all
/// cores; counting is sequential.
public struct KeyPhraseExtractor: Sendable {
    /// How term counts become weights.
    public enum Weighting: Sendable, Equatable {
        /// `tf × (ln((1 + N)/(1 + df)) + 1)`; with `sublinearTF`, `tf` is replaced by
        /// `1 + ln(tf)` (scikit-learn's `TfidfVectorizer(smooth_idf=True, sublinear_tf=…)`).
        case tfidf(sublinearTF: Bool = false)
        /// Okapi BM25 with saturation `k1` and length normalisation `b`.
        case bm25(k1: Double = 1.2, b: Double = 0.75)
    }

    public struct Options: Sendable {
        public var weighting: Weighting = .tfidf()
        /// Longest candidate phrase in words, 1…4.
        public var maxPhraseLength = 4
        /// Smallest number of documents a term must occur in (≥ 1).
        public var minDocumentFrequency = 2
        /// Largest share of documents a term may occur in, in (0, 1].
        public var maxDocumentFrequencyRatio = 0.5
        /// Default number of terms `TermModel.topTerms` returns per document (≥ 1).
        public var topN = 10
        /// Shortest content word in characters (≥ 1); shorter tokens break phrases.
        public var minWordLength = 2
        /// Merge acronyms with their definitions.
        public var mergeAcronyms = true
        /// Expand acronyms that a document uses without defining them by the long form most
        /// often defined in the corpus.
        public var corpusWideAcronyms = true
        /// Drop terms whose every occurrence lies inside one longer term (step 6 above).
        public var collapseNestedPhrases = true
        public var stopWords = StopWords()
        public var thesaurus: Thesaurus? = nil

        public init() {}
    }

    public let options: Options

    /// - Throws: `TextError.invalidParameter` when an option is out of range.
    public init(_ options: Options = Options()) throws(TextError) {
        guard (1...4).contains(options.maxPhraseLength) else {
            throw .invalidParameter(name: "maxPhraseLength", reason: "must be between 1 and 4, got \(options.maxPhraseLength)")
        }
        guard options.minDocumentFrequency >= 1 else {
            throw .invalidParameter(name: "minDocumentFrequency", reason: "must be at least 1, got \(options.minDocumentFrequency)")
        }
        guard options.maxDocumentFrequencyRatio > 0 && options.maxDocumentFrequencyRatio <= 1 else {
            throw .invalidParameter(name: "maxDocumentFrequencyRatio", reason: "must be in (0, 1], got \(options.maxDocumentFrequencyRatio)")
        }
        guard options.topN >= 1 else {
            throw .invalidParameter(name: "topN", reason: "must be at least 1, got \(options.topN)")
        }
        guard options.minWordLength >= 1 else {
            throw .invalidParameter(name: "minWordLength", reason: "must be at least 1, got \(options.minWordLength)")
        }
        if case .bm25(let k1, let b) = options.weighting {
            guard k1 >= 0 && k1.isFinite else { throw .invalidParameter(name: "bm25.k1", reason: "must be ≥ 0, got \(k1)") }
            guard (0...1).contains(b) else { throw .invalidParameter(name: "bm25.b", reason: "must be in [0, 1], got \(b)") }
        }
        self.options = options
    }

    /// One document text from a title and an abstract (the title ends a sentence).
    public static func document(title: String, abstract: String) -> String { title + "\n\n" + abstract }

    /// The matching key of a phrase as written: the Porter2 stems of its tokens joined by
    /// spaces ("Graph Neural Networks" → "graph neural network").
    public static func key(of phrase: String) -> String {
        let stemmer = Stemmer()
        return Tokenizer().tokenize(phrase).map { stemmer.stem(token: $0.text) }.joined(separator: " ")
    }

    /// Extracts the vocabulary and the document vectors of a corpus.
    /// - Parameter documents: one string per document (title and abstract, see
    ///   `document(title:abstract:)`).
    /// - Complexity: see the type's documentation.
    public func extract(documents: consuming [String]) -> TermModel {
        var builder = CorpusBuilder(options: options)
        PhaseClock.mark("start")
        builder.read(documents)
        // Tokenized: the texts are not needed any more (freed here when the caller passed
        // its last reference).
        _ = consume documents
        PhaseClock.mark("read")
        return builder.finish()
    }
}

// MARK: - Implementation

/// Up to four stem ids (0 = none). Keys longer than four words (acronym expansions,
/// thesaurus replacements) are interned as one pseudo-stem holding the whole key.
struct PhraseKey: Hashable {
    var s0: UInt32 = 0, s1: UInt32 = 0, s2: UInt32 = 0, s3: UInt32 = 0

    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(s0) << 32 | UInt64(s1))
        hasher.combine(UInt64(s2) << 32 | UInt64(s3))
    }

    var count: Int { s0 == 0 ? 0 : s1 == 0 ? 1 : s2 == 0 ? 2 : s3 == 0 ? 3 : 4 }
    subscript(i: Int) -> UInt32 { i == 0 ? s0 : i == 1 ? s1 : i == 2 ? s2 : s3 }
}

/// The vocabulary's term ids by key: one-word keys (stem ids) in an array indexed by stem,
/// longer ones in a `PhraseTable` — the frequent one-word terms stay in a few dense
/// megabytes instead of one table line each.
private struct TermLookup {
    private var ofStem: [Int32]
    private var table: PhraseTable

    init(stemCount: Int, capacity: Int) {
        ofStem = [Int32](repeating: -1, count: stemCount)
        table = PhraseTable(capacity: capacity)
    }

    mutating func insert(_ key: PhraseKey, term: Int32) {
        if key.s1 == 0 { ofStem[Int(key.s0)] = term } else { table.insert(key, value: term) }
    }

    /// Starts loading what a lookup of `key` reads (a hint).
    @inline(__always) func prefetch(_ key: PhraseKey) { if key.s1 != 0 { table.prefetch(key) } }

    /// The term of `key`, or nil when it is not in the vocabulary.
    @inline(__always) subscript(key: PhraseKey) -> Int32? {
        if key.s1 == 0 { let t = ofStem[Int(key.s0)]; return t >= 0 ? t : nil }
        return table.value(of: key)
    }
}

/// A candidate of the second pass whose key is a vocabulary term, with its surface as word
/// ids + 1 (empty when the candidate has no surface of its own).
private struct Hit {
    var term: Int32
    var candidate: Int32
    var words: PhraseKey
}

/// One candidate phrase of a document as `forEachCandidate` gives it.
private struct Candidate {
    var key: PhraseKey
    var start: Int
    var length: Int
    var acronym: Int32
}

/// Word ids of a surface form, tagged with the term they spell.
private struct AcronymVote: Hashable { var term: Int32; var word: Int32 }

private struct Definition {
    var document: Int
    var acronym: Int32
    var expansion: [Int32]   // word ids
    var key = PhraseKey()
    var hasInnerStopWord = false
}

private struct CorpusBuilder {
    let options: KeyPhraseExtractor.Options
    let stemmer = Stemmer()

    // Lexicon of words (lower-cased, or the acronym form for acronym-like tokens).
    var wordIndex: [String: Int32] = [:]
    /// Word id by the token as written: one lookup per token once the word was seen.
    var surfaceIndex: [String: Int32] = [:]
    var wordText: [String] = []
    var wordStem: [UInt32] = []
    var wordIsContent: [Bool] = []
    var wordIsAcronym: [Bool] = []
    // Stems; id 0 is "none".
    var stemIndex: [String: UInt32] = [:]
    var stemText: [String] = [""]

    // The corpus as word ids; -1 ends a phrase; ≤ -2 marks the acronym of definition -2-k.
    var flat: [Int32] = []
    var docOffsets: [Int] = [0]
    var definitions: [Definition] = []
    var docDefinitionOffsets: [Int] = [0]
    var globalAcronyms: [Int32: PhraseKey] = [:]

    // Thesaurus as keys.
    var thesaurusMap: [PhraseKey: PhraseKey?] = [:]
    var thesaurusLabel: [PhraseKey: String] = [:]

    // Candidate statistics.
    var keyIndex = PhraseTable(capacity: 0)
    var keys: [PhraseKey] = []
    var frequency: [Int32] = []
    var documentFrequency: [Int32] = []

    init(options: KeyPhraseExtractor.Options) {
        self.options = options
        if let thesaurus = options.thesaurus { prepareThesaurus(thesaurus) }
    }

    var documentCount: Int { docOffsets.count - 1 }

    // MARK: Lexicon

    mutating func stemID(_ stem: String) -> UInt32 {
        if let id = stemIndex[stem] { return id }
        let id = UInt32(stemText.count)
        stemText.append(stem); stemIndex[stem] = id
        return id
    }

    mutating func wordID(_ token: Token) -> Int32 {
        if let id = surfaceIndex[token.original] { return id }
        let id = newWordID(token)
        surfaceIndex[token.original] = id
        return id
    }

    mutating func newWordID(_ token: Token) -> Int32 {
        let acronym = CorpusBuilder.acronymForm(token.original)
        let form = acronym ?? token.text
        if let id = wordIndex[form] { return id }
        let id = Int32(wordText.count)
        let lower = acronym?.lowercased() ?? token.text
        let isContent = !options.stopWords.contains(token.text) && !options.stopWords.contains(lower)
            && lower.unicodeScalars.count >= options.minWordLength
        wordIndex[form] = id
        wordText.append(form)
        wordStem.append(stemID(acronym != nil ? lower : stemmer.stem(token: lower)))
        wordIsContent.append(isContent)
        wordIsAcronym.append(acronym != nil && isContent)
        return id
    }

    /// The acronym form of a word as written ("LLMs" → "LLM", "ViT" → "ViT"), or nil when it
    /// does not look like an acronym: 2–10 characters starting with an upper-case letter,
    /// at least two upper-case letters and no more lower-case than upper-case ones.
    static func acronymForm(_ original: String) -> String? {
        var scalars = Array(original.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 11 else { return nil }
        if scalars.count >= 3, scalars.last == "s", scalars[scalars.count - 2].properties.isUppercase {
            scalars.removeLast()
        }
        guard scalars.count <= 10, scalars[0].properties.isUppercase else { return nil }
        var upper = 0, lower = 0
        for c in scalars {
            if c.properties.isUppercase { upper += 1 } else if c.properties.isLowercase { lower += 1 }
        }
        guard upper >= 2, lower <= upper else { return nil }
        var view = String.UnicodeScalarView(); view.append(contentsOf: scalars)
        return String(view)
    }

    /// Key of a run of stem ids.
    mutating func makeKey(_ stems: [UInt32]) -> PhraseKey {
        if stems.isEmpty { return PhraseKey() }
        if stems.count <= 4 {
            var k = PhraseKey()
            k.s0 = stems[0]
            if stems.count > 1 { k.s1 = stems[1] }
            if stems.count > 2 { k.s2 = stems[2] }
            if stems.count > 3 { k.s3 = stems[3] }
            return k
        }
        return PhraseKey(s0: stemID(stems.map { stemText[Int($0)] }.joined(separator: " ")))
    }

    func keyString(_ k: PhraseKey) -> String {
        (0..<k.count).map { stemText[Int(k[$0])] }.joined(separator: " ")
    }

    mutating func phraseKey(_ text: String) -> PhraseKey {
        let stems = Tokenizer().tokenize(text).map { stemID(stemmer.stem(token: $0.text)) }
        return makeKey(stems)
    }

    mutating func prepareThesaurus(_ thesaurus: Thesaurus) {
        for entry in thesaurus.entries {
            let from = phraseKey(entry.label)
            guard from.count > 0 else { continue }
            if let replacement = entry.replacement {
                let to = phraseKey(replacement)
                guard to.count > 0 else { thesaurusMap[from] = .some(nil); continue }
                thesaurusMap[from] = to
                if thesaurusLabel[to] == nil { thesaurusLabel[to] = replacement }
            } else {
                thesaurusMap[from] = .some(nil)
            }
        }
    }

    // MARK: Pass 1: tokens → word ids, acronym definitions

    /// Tokenizes batches of documents on all cores while this thread adds the previous batch
    /// to the lexicon (double buffering), so the sequential part overlaps the parallel one.
    mutating func read(_ documents: [String]) {
        let batch = 1024
        let tokenizer = Tokenizer()
        let batchCount = (documents.count + batch - 1) / batch
        let capacity = min(batch, max(documents.count, 1))
        let buffers = (0..<2).map { _ in
            let slots = UnsafeMutableBufferPointer<[Token]>.allocate(capacity: capacity)
            slots.initialize(repeating: [])
            return UncheckedBox(slots)
        }
        defer { for b in buffers { b.value.deinitialize(); b.value.deallocate() } }
        @Sendable func tokenize(_ b: Int, into box: UncheckedBox<UnsafeMutableBufferPointer<[Token]>>) {
            let first = b * batch
            DispatchQueue.concurrentPerform(iterations: min(batch, documents.count - first)) { k in
                box.value[k] = tokenizer.tokenize(documents[first + k])
            }
        }
        if batchCount > 0 { tokenize(0, into: buffers[0]) }
        for b in 0..<batchCount {
            let group = DispatchGroup()
            if b + 1 < batchCount {
                let next = buffers[(b + 1) % 2]
                DispatchQueue.global().async(group: group) { tokenize(b + 1, into: next) }
            }
            let slots = buffers[b % 2].value
            for k in 0..<min(batch, documents.count - b * batch) {
                addDocument(slots[k])
                slots[k] = []
            }
            group.wait()
        }
        resolveDefinitions()
        // Words are known by id from here on: the lexicon's string indexes go.
        wordIndex = [:]; surfaceIndex = [:]
    }

    mutating func addDocument(_ tokens: [Token]) {
        let d = documentCount
        var tokenPosition: [Int] = []
        tokenPosition.reserveCapacity(tokens.count)
        for (i, token) in tokens.enumerated() {
            if i > 0 && token.phrase != tokens[i - 1].phrase { flat.append(-1) }
            tokenPosition.append(flat.count)
            flat.append(wordID(token))
        }
        if options.mergeAcronyms {
            for (j, token) in tokens.enumerated()
            where token.flags.contains(.openParenBefore) && token.flags.contains(.closeParenAfter) {
                let acronym = flat[tokenPosition[j]]
                guard wordIsAcronym[Int(acronym)], let first = longFormStart(tokens, acronymAt: j) else { continue }
                let expansion = (first..<j).map { flat[tokenPosition[$0]] }
                guard wordIsContent[Int(expansion.first!)], wordIsContent[Int(expansion.last!)] else { continue }
                flat[tokenPosition[j]] = Int32(-2 - definitions.count)
                definitions.append(Definition(document: d, acronym: acronym, expansion: expansion))
            }
        }
        docOffsets.append(flat.count)
        docDefinitionOffsets.append(definitions.count)
    }

    /// Schwartz–Hearst: index of the first token of the long form of the acronym at `j`,
    /// searching the phrase segment just before the parenthesis, at most
    /// min(|A| + 5, 2|A|) words back; nil when the acronym's characters cannot be matched
    /// right to left with its first character at the start of a word.
    func longFormStart(_ tokens: [Token], acronymAt j: Int) -> Int? {
        let short = Array(tokens[j].original.lowercased().unicodeScalars).filter { Tokenizer.isWordScalar($0) }
        guard short.count >= 2 else { return nil }
        let maxWords = min(short.count + 5, short.count * 2)
        var first = j
        while first > 0 && j - first < maxWords && tokens[first - 1].phrase == tokens[j].phrase - 1
            && tokens[first - 1].sentence == tokens[j].sentence { first -= 1 }
        guard first < j else { return nil }
        // Long-form characters with the token each belongs to.
        var chars: [Unicode.Scalar] = []
        var owner: [Int] = []
        for t in first..<j {
            if !chars.isEmpty { chars.append(" "); owner.append(t) }
            for c in tokens[t].text.unicodeScalars { chars.append(c); owner.append(t) }
        }
        // Plural acronyms ("LLMs") match their singular letters.
        var sIndex = short.count - 1
        if short.count >= 3 && short[sIndex] == "s" && CorpusBuilder.acronymForm(tokens[j].original) != tokens[j].original { sIndex -= 1 }
        var lIndex = chars.count - 1
        while sIndex >= 0 {
            let c = short[sIndex]
            while lIndex >= 0 && (chars[lIndex] != c
                    || (sIndex == 0 && lIndex > 0 && Tokenizer.isWordScalar(chars[lIndex - 1]))) {
                lIndex -= 1
            }
            if lIndex < 0 { return nil }
            lIndex -= 1; sIndex -= 1
        }
        let start = owner[lIndex + 1]
        // The long form must not be the acronym itself.
        if start == j - 1 && tokens[start].text == tokens[j].text { return nil }
        return start
    }

    mutating func resolveDefinitions() {
        var tally: [Int32: [PhraseKey: Int]] = [:]
        for k in definitions.indices {
            let stems = definitions[k].expansion.map { wordStem[Int($0)] }
            definitions[k].key = makeKey(stems)
            definitions[k].hasInnerStopWord = definitions[k].expansion.contains { !wordIsContent[Int($0)] }
                || definitions[k].expansion.count > options.maxPhraseLength
            tally[definitions[k].acronym, default: [:]][definitions[k].key, default: 0] += 1
        }
        guard options.corpusWideAcronyms else { return }
        for (acronym, counts) in tally {
            // Most frequent long form; ties broken by the smaller key text, for determinism.
            let best = counts.max { a, b in a.value != b.value ? a.value < b.value : keyString(a.key) > keyString(b.key) }!
            globalAcronyms[acronym] = best.key
        }
    }

    // MARK: Candidate enumeration

    /// Calls `body(key, start, length, acronym)` for each candidate occurrence of document `d`
    /// after acronym and thesaurus rewriting. `start ≥ 0`: the surface is `flat[start..<start+length]`;
    /// `start == -1`: no surface (acronym use or thesaurus rewrite); `start ≤ -2`: the surface
    /// is the expansion of definition `-2 - start`. `acronym` is the acronym's word id or -1.
    @inline(__always)
    func forEachCandidate(_ d: Int, _ body: (PhraseKey, Int, Int, Int32) -> Void) {
        let lo = docOffsets[d], hi = docOffsets[d + 1]
        let defLo = docDefinitionOffsets[d], defHi = docDefinitionOffsets[d + 1]
        let maxLength = options.maxPhraseLength
        let rewrite = !thesaurusMap.isEmpty
        var i = lo
        while i < hi {
            let w = flat[i]
            if w <= -2 {
                let def = definitions[Int(-2 - w)]
                if def.hasInnerStopWord { emit(def.key, Int(w), def.expansion.count, def.acronym, rewrite, body) }
                i += 1; continue
            }
            guard w >= 0, wordIsContent[Int(w)] else { i += 1; continue }
            var runEnd = i + 1
            while runEnd < hi && flat[runEnd] >= 0 && wordIsContent[Int(flat[runEnd])] { runEnd += 1 }
            for s in i..<runEnd {
                var k = PhraseKey()
                for n in 1...min(maxLength, runEnd - s) {
                    let stem = wordStem[Int(flat[s + n - 1])]
                    switch n {
                    case 1: k.s0 = stem
                    case 2: k.s1 = stem
                    case 3: k.s2 = stem
                    default: k.s3 = stem
                    }
                    if n == 1 && options.mergeAcronyms && wordIsAcronym[Int(flat[s])] {
                        if let expansion = acronymExpansion(flat[s], defLo, defHi) {
                            emit(expansion, -1, 1, flat[s], rewrite, body)
                            continue
                        }
                    }
                    emit(k, s, n, -1, rewrite, body)
                }
            }
            i = runEnd
        }
    }

    @inline(__always)
    func emit(_ key: PhraseKey, _ start: Int, _ length: Int, _ acronym: Int32, _ rewrite: Bool, _ body: (PhraseKey, Int, Int, Int32) -> Void) {
        if rewrite, let mapped = thesaurusMap[key] {
            if let to = mapped { body(to, -1, length, -1) }
            return
        }
        body(key, start, length, acronym)
    }

    func acronymExpansion(_ word: Int32, _ defLo: Int, _ defHi: Int) -> PhraseKey? {
        var k = defLo
        while k < defHi {
            if definitions[k].acronym == word { return definitions[k].key }
            k += 1
        }
        return options.corpusWideAcronyms ? globalAcronyms[word] : nil
    }

    // MARK: Pass 2 and 3: statistics, vocabulary, weights

    /// Counts every candidate phrase (frequency and document frequency), keeping only the
    /// phrases that reach `minDocumentFrequency` — most candidates occur once.
    ///
    /// The keys are sharded by hash over the cores: each worker enumerates every document's
    /// candidates but handles only its shard's keys. One-word keys (stem ids) are counted
    /// exactly in an array indexed by stem during the first pass. For longer keys, the first
    /// pass finds those that occur more than once with a Bloom filter (`PhraseKeyFilter`), so
    /// single occurrences — the bulk of all candidates — never enter the hash table
    /// (`PhraseTable`, counters inside its entries); a second pass counts those keys exactly,
    /// and the rare ones are dropped. The surviving keys are merged (in shard order) into one
    /// index. Later steps order terms by their text, so the result does not depend on the
    /// number of shards or on table order, and the filter's false positives only cost memory.
    /// - Complexity: O(candidates) time in two passes; memory O(candidates / 8) bytes for the
    ///   filter, O(stems) for the one-word counts, plus O(keys seen twice).
    mutating func countCandidates() {
        let shards = documentCount >= 2_000 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let minimum = Int32(max(1, options.minDocumentFrequency))
        let results = ParallelSlots(count: shards, initial: ShardCounts())
        let builder = UncheckedBox(self)
        let documents = documentCount
        // At most this many candidates per shard: every content word starts ≤ maxPhraseLength.
        let occurrences = (flat.count + definitions.count) * max(1, options.maxPhraseLength) / shards
        let stemCount = stemText.count
        DispatchQueue.concurrentPerform(iterations: shards) { shard in
            let me = builder.value
            @inline(__always) func mine(_ key: PhraseKey) -> Bool { shards == 1 || PhraseTable.shard(of: key, among: shards) == shard }
            // One-word keys are stem ids: counted exactly in an array indexed by stem during
            // pass 1, without the filter or the table.
            var unigrams = [OccurrenceCount](repeating: OccurrenceCount(), count: stemCount)
            // Pass 1: the keys seen before (every key occurring twice, and a few false positives).
            var table = PhraseTable(capacity: max(1024, documents * 4 / shards))
            do {
                // With a minimum document frequency of 1 every key is kept: no filter.
                let filtering = minimum >= 2
                var seen = PhraseKeyFilter(minimumBits: filtering ? occurrences * 8 : 0)
                // A document's keys are gathered first so that the filter words and table
                // entries they need are fetched ahead (`forEachPrefetching`) instead of one
                // memory wait per key; they are then processed in the same order.
                var batch: [PhraseKey] = [], repeats: [PhraseKey] = []
                unigrams.withUnsafeMutableBufferPointer { unigrams in
                    for d in 0..<documents {
                        let doc = Int32(d)
                        batch.removeAll(keepingCapacity: true)
                        me.forEachCandidate(d) { key, _, _, _ in
                            guard mine(key) else { return }
                            if key.s1 == 0 { unigrams[Int(key.s0)].add(document: doc) } else { batch.append(key) }
                        }
                        repeats.removeAll(keepingCapacity: true)
                        if filtering {
                            forEachPrefetching(batch.count, prefetch: { seen.prefetch(batch[$0]) }) { i in
                                if seen.insert(batch[i]) { repeats.append(batch[i]) }
                            }
                        } else {
                            swap(&batch, &repeats)
                        }
                        forEachPrefetching(repeats.count, prefetch: { table.prefetch(repeats[$0]) }) { i in
                            table.insert(repeats[i])
                        }
                    }
                }
            }
            // Pass 2: exact frequency and document frequency of those keys, in their entries.
            var batch: [PhraseKey] = []
            for d in 0..<documents {
                let doc = Int32(d)
                batch.removeAll(keepingCapacity: true)
                me.forEachCandidate(d) { key, _, _, _ in if key.s1 != 0 && mine(key) { batch.append(key) } }
                forEachPrefetching(batch.count, prefetch: { table.prefetch(batch[$0]) }) { i in
                    table.count(batch[i], document: doc)
                }
            }
            var kept = ShardCounts()
            for stem in unigrams.indices where unigrams[stem].documents >= minimum {
                kept.keys.append(PhraseKey(s0: UInt32(stem)))
                kept.frequency.append(unigrams[stem].count); kept.documentFrequency.append(unigrams[stem].documents)
            }
            table.forEach { entry in
                guard entry.occurrences.documents >= minimum else { return }
                kept.keys.append(entry.key); kept.frequency.append(entry.occurrences.count); kept.documentFrequency.append(entry.occurrences.documents)
            }
            results.set(shard, kept)
        }
        let all = results.all
        var index = PhraseTable(capacity: all.reduce(0) { $0 + $1.keys.count })
        keys = []; frequency = []; documentFrequency = []
        for shard in all {
            for k in shard.keys.indices {
                index.insert(shard.keys[k], value: Int32(keys.count))
                keys.append(shard.keys[k]); frequency.append(shard.frequency[k]); documentFrequency.append(shard.documentFrequency[k])
            }
        }
        keyIndex = index
    }

    /// Keys that pass the document-frequency filters and the nested-phrase rule.
    func selectVocabulary() -> [Int] {
        let n = Double(max(documentCount, 1))
        var kept = [Bool](repeating: false, count: keys.count)
        for k in keys.indices {
            let df = Int(documentFrequency[k])
            kept[k] = df >= options.minDocumentFrequency && Double(df) / n <= options.maxDocumentFrequencyRatio
        }
        if options.collapseNestedPhrases {
            var nested = [Bool](repeating: false, count: keys.count)
            for p in keys.indices where kept[p] && keys[p].count >= 2 {
                let key = keys[p]
                let len = key.count
                for sub in 1..<len {
                    for start in 0...(len - sub) {
                        var s = PhraseKey()
                        for t in 0..<sub {
                            let v = key[start + t]
                            switch t { case 0: s.s0 = v; case 1: s.s1 = v; case 2: s.s2 = v; default: s.s3 = v }
                        }
                        guard let si = keyIndex.value(of: s).map(Int.init), kept[si] else { continue }
                        var times = 0
                        for st in 0...(len - sub) where (0..<sub).allSatisfy({ key[st + $0] == s[$0] }) { times += 1 }
                        if Int(frequency[p]) * times >= Int(frequency[si]) { nested[si] = true }
                    }
                }
            }
            for k in keys.indices where nested[k] { kept[k] = false }
        }
        return keys.indices.filter { kept[$0] }
    }

    /// One chunk's share of the second pass: each document's term counts (columns sorted),
    /// its content-word length, the surfaces seen (first-seen order) with their counts,
    /// definition labels and acronym votes.
    ///
    /// Per document, the candidates' terms are looked up first (term-table entries fetched
    /// ahead), then their surfaces are tallied in candidate order (surface entries fetched
    /// ahead); the document's term ids are sorted and run-length counted, which replaces a
    /// term-indexed count array — one cache miss per occurrence at millions of terms — by a
    /// sort of a few hundred ids.
    /// - Complexity: O(c log c) per document of c candidates, O(1) expected per lookup.
    func countDocuments(_ range: Range<Int>, terms: TermLookup) -> DocumentCounts {
        var result = DocumentCounts()
        var surfaces = PhraseTable(capacity: 1024)
        let flat = self.flat, definitions = self.definitions, wordText = self.wordText
        var candidates: [Candidate] = [], hits: [Hit] = [], documentTerms: [Int32] = []
        for d in range {
            var length = 0
            for p in docOffsets[d]..<docOffsets[d + 1] where flat[p] >= 0 && wordIsContent[Int(flat[p])] { length += 1 }
            result.documentLength.append(length)
            // Gathered first, so that their entries are fetched ahead (see `countCandidates`).
            candidates.removeAll(keepingCapacity: true)
            forEachCandidate(d) { key, start, length, acronym in
                candidates.append(Candidate(key: key, start: start, length: length, acronym: acronym))
            }
            hits.removeAll(keepingCapacity: true)
            forEachPrefetching(candidates.count, prefetch: { terms.prefetch(candidates[$0].key) }) { i in
                guard let term = terms[candidates[i].key] else { return }
                var words = PhraseKey()
                let start = candidates[i].start
                if start >= 0 {
                    for t in 0..<candidates[i].length {
                        let v = UInt32(flat[start + t]) + 1
                        switch t { case 0: words.s0 = v; case 1: words.s1 = v; case 2: words.s2 = v; default: words.s3 = v }
                    }
                }
                hits.append(Hit(term: term, candidate: Int32(i), words: words))
            }
            documentTerms.removeAll(keepingCapacity: true)
            forEachPrefetching(hits.count, prefetch: { if hits[$0].words.s0 != 0 { surfaces.prefetch(hits[$0].words) } }) { h in
                let term = hits[h].term, candidate = candidates[Int(hits[h].candidate)]
                documentTerms.append(term)
                if candidate.start >= 0 {
                    let order = surfaces.tally(hits[h].words, value: Int32(result.surfaceWords.count))
                    if order == result.surfaceWords.count { result.surfaceWords.append(hits[h].words); result.surfaceTerm.append(term) }
                } else if candidate.start <= -2, result.definitionLabel[term] == nil {
                    result.definitionLabel[term] = definitions[-2 - candidate.start].expansion.map { wordText[Int($0)] }.joined(separator: " ")
                }
                if candidate.acronym >= 0 { result.acronymVotes[AcronymVote(term: term, word: candidate.acronym), default: 0] += 1 }
            }
            // Definitions without inner stop words: the "(LN)" itself is not counted, but
            // the acronym is noted for the term.
            for k in docDefinitionOffsets[d]..<docDefinitionOffsets[d + 1] where !definitions[k].hasInnerStopWord {
                if let term = terms[definitions[k].key] {
                    result.acronymVotes[AcronymVote(term: term, word: definitions[k].acronym), default: 0] += 1
                }
            }
            documentTerms.sort()
            var e = 0
            while e < documentTerms.count {
                var end = e + 1
                while end < documentTerms.count && documentTerms[end] == documentTerms[e] { end += 1 }
                result.columns.append(documentTerms[e]); result.counts.append(Int32(end - e))
                e = end
            }
            result.offsets.append(result.columns.count)
        }
        result.surfaceCount = [Int32](repeating: 0, count: result.surfaceWords.count)
        surfaces.forEach { result.surfaceCount[Int($0.value)] = $0.occurrences.count }
        return result
    }

    /// The indices of `strings` in `String` order. When every string is ASCII that order is
    /// the byte order, compared with `memcmp` on one contiguous copy (ten times faster than
    /// `String.<` on a million keys); otherwise `String.<` itself.
    ///
    /// Large inputs are sorted as one slice per core in parallel, then merged pairwise
    /// (a parallel merge sort: O(n log n) work, O((n log n) / p + n log p) time on p cores).
    /// The strings must be distinct (vocabulary keys are), so every correct sort gives the
    /// same order.
    static func sortedOrder(of strings: [String]) -> [Int] {
        guard strings.count > 1 else { return Array(strings.indices) }
        guard strings.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            return strings.indices.sorted { strings[$0] < strings[$1] }
        }
        var bytes: [UInt8] = [], offsets = [0]
        offsets.reserveCapacity(strings.count + 1)
        for string in strings { bytes.append(contentsOf: string.utf8); offsets.append(bytes.count) }
        let bounds = offsets
        return bytes.withUnsafeBufferPointer { buffer in
            let base = UncheckedBox(buffer.baseAddress!)
            @Sendable func less(_ a: Int, _ b: Int) -> Bool {
                let aLo = bounds[a], aCount = bounds[a + 1] - aLo
                let bLo = bounds[b], bCount = bounds[b + 1] - bLo
                let c = memcmp(base.value + aLo, base.value + bLo, min(aCount, bCount))
                return c != 0 ? c < 0 : aCount < bCount
            }
            let parts = strings.count < 100_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
            let n = strings.count
            let sorted = ParallelSlots(count: parts, initial: [Int]())
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var slice = Array((n * part / parts)..<(n * (part + 1) / parts))
                slice.sort(by: less)
                sorted.set(part, slice)
            }
            var runs = sorted.all
            while runs.count > 1 {
                var next: [[Int]] = []
                for r in stride(from: 0, to: runs.count, by: 2) {
                    next.append(r + 1 < runs.count ? merged(runs[r], runs[r + 1], by: less) : runs[r])
                }
                runs = next
            }
            return runs[0]
        }
    }

    /// The merge of two sorted runs (ties: `a`'s element first).
    static func merged(_ a: [Int], _ b: [Int], by less: (Int, Int) -> Bool) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if less(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i...]); out.append(contentsOf: b[j...])
        return out
    }

    mutating func finish() -> TermModel {
        countCandidates()
        PhaseClock.mark("count")
        var vocabulary = selectVocabulary()
        PhaseClock.mark("select")
        let keyStrings = vocabulary.map { keyString(keys[$0]) }
        let order = CorpusBuilder.sortedOrder(of: keyStrings)
        vocabulary = order.map { vocabulary[$0] }
        let sortedKeyStrings = order.map { keyStrings[$0] }
        let termCount = vocabulary.count
        let n = documentCount
        // The vocabulary's term ids by key, for the second pass; the index of all counted
        // keys is not needed any more.
        var termLookup = TermLookup(stemCount: stemText.count, capacity: termCount)
        for (t, k) in vocabulary.enumerated() { termLookup.insert(keys[k], term: Int32(t)) }
        keyIndex = PhraseTable(capacity: 0)

        // idf per term.
        let idf: [Double] = vocabulary.map { k in
            let df = Double(documentFrequency[k]), nn = Double(n)
            switch options.weighting {
            case .tfidf: return log((1 + nn) / (1 + df)) + 1
            case .bm25: return log(1 + (nn - df + 0.5) / (df + 0.5))
            }
        }

        PhaseClock.mark("sort")
        // Per-document counts, in parallel chunks of documents merged in document order, so
        // the surfaces' first-seen order and every count equal a single pass.
        let chunkCount = n < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 8
        let chunkResults = ParallelSlots(count: chunkCount, initial: DocumentCounts())
        do {
            let builder = UncheckedBox(self), terms = UncheckedBox(termLookup)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let lo = n * chunk / chunkCount, hi = n * (chunk + 1) / chunkCount
                chunkResults.set(chunk, builder.value.countDocuments(lo..<hi, terms: terms.value))
            }
        }
        // The corpus as word ids and the term table are not needed past this pass.
        termLookup = TermLookup(stemCount: 0, capacity: 0)
        flat = []
        var surfaces = PhraseTable(capacity: 1024)
        var surfaceWords: [PhraseKey] = [], surfaceTerm: [Int32] = []
        var definitionLabel: [Int32: String] = [:]
        var acronymVotes: [AcronymVote: Int] = [:]
        var offsets = [0]; offsets.reserveCapacity(n + 1)
        var columns: [Int32] = [], counts: [Int32] = []
        var documentLength: [Int] = []; documentLength.reserveCapacity(n)
        for chunk in 0..<chunkCount {
            var part = chunkResults[chunk]
            chunkResults.set(chunk, DocumentCounts())
            let base = columns.count
            columns.append(contentsOf: part.columns); counts.append(contentsOf: part.counts)
            offsets.append(contentsOf: part.offsets.dropFirst().map { $0 + base })
            documentLength.append(contentsOf: part.documentLength)
            forEachPrefetching(part.surfaceWords.count, prefetch: { surfaces.prefetch(part.surfaceWords[$0]) }) { slot in
                let words = part.surfaceWords[slot]
                let global = surfaces.tally(words, value: Int32(surfaceWords.count), by: part.surfaceCount[slot])
                if global == surfaceWords.count { surfaceWords.append(words); surfaceTerm.append(part.surfaceTerm[slot]) }
            }
            for (term, label) in part.definitionLabel where definitionLabel[term] == nil { definitionLabel[term] = label }
            for (vote, count) in part.acronymVotes { acronymVotes[vote, default: 0] += count }
            part = DocumentCounts()
        }
        // Labels' surfaces: each term's most frequent surface form (ties: first seen, i.e.
        // the lowest order, which comes first here).
        var bestWords = [PhraseKey](repeating: PhraseKey(), count: termCount)
        do {
            var surfaceCount = [Int32](repeating: 0, count: surfaceWords.count)
            surfaces.forEach { surfaceCount[Int($0.value)] = $0.occurrences.count }
            surfaces = PhraseTable(capacity: 0)
            var bestCount = [Int32](repeating: 0, count: termCount)
            for order in surfaceWords.indices {
                let count = surfaceCount[order], term = Int(surfaceTerm[order])
                if count > bestCount[term] { bestCount[term] = count; bestWords[term] = surfaceWords[order] }
            }
            surfaceWords = []; surfaceTerm = []
        }
        PhaseClock.mark("second pass")
        // Weights.
        let averageLength = n > 0 ? Double(documentLength.reduce(0, +)) / Double(n) : 0
        var values = [Double](repeating: 0, count: columns.count)
        for d in 0..<n {
            let lo = offsets[d], hi = offsets[d + 1]
            var sumSquares = 0.0
            for e in lo..<hi {
                let t = Int(columns[e]), c = Double(counts[e])
                var w: Double
                switch options.weighting {
                case .tfidf(let sublinear):
                    w = (sublinear ? 1 + log(c) : c) * idf[t]
                case .bm25(let k1, let b):
                    let norm = averageLength > 0 ? Double(documentLength[d]) / averageLength : 1
                    w = idf[t] * c * (k1 + 1) / (c + k1 * (1 - b + b * norm))
                }
                values[e] = w; sumSquares += w * w
            }
            if sumSquares > 0 {
                let inv = 1 / sumSquares.squareRoot()
                for e in lo..<hi { values[e] *= inv }
            }
        }

        // Labels: thesaurus replacement, else the most frequent surface form (ties: first seen),
        // else the acronym definition, else the key.
        var bestAcronym = [(count: Int, word: Int32)?](repeating: nil, count: termCount)
        for (vote, count) in acronymVotes {
            if let current = bestAcronym[Int(vote.term)],
               current.count > count || (current.count == count && wordText[Int(current.word)] < wordText[Int(vote.word)]) { continue }
            bestAcronym[Int(vote.term)] = (count, vote.word)
        }
        // The terms with their labels, built in parallel slices straight into the array.
        let terms = [Term](unsafeUninitializedCapacity: termCount) { buffer, initialized in
            let out = UncheckedBox(buffer), builder = UncheckedBox(self)
            let labels = UncheckedBox((vocabulary, bestWords, definitionLabel, sortedKeyStrings, bestAcronym))
            let parts = termCount < 100_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (vocabulary, bestWords, definitionLabel, sortedKeyStrings, bestAcronym) = labels.value
                let me = builder.value
                for t in (termCount * part / parts)..<(termCount * (part + 1) / parts) {
                    let k = vocabulary[t]
                    let label: String
                    if let l = me.thesaurusLabel[me.keys[k]] {
                        label = l
                    } else if bestWords[t].count > 0 {
                        // Built in place: millions of labels, no array per label.
                        let words = bestWords[t]
                        var text = me.wordText[Int(words[0] - 1)]
                        for i in 1..<words.count {
                            text += " "
                            text += me.wordText[Int(words[i] - 1)]
                        }
                        label = text
                    } else if let l = definitionLabel[Int32(t)] {
                        label = l
                    } else {
                        label = sortedKeyStrings[t]
                    }
                    (out.value.baseAddress! + t).initialize(to: Term(
                        id: Int32(t), key: sortedKeyStrings[t], label: label, df: Int(me.documentFrequency[k]),
                        frequency: Int(me.frequency[k]), acronym: bestAcronym[t].map { me.wordText[Int($0.word)] }))
                }
            }
            initialized = termCount
        }
        PhaseClock.mark("weights+labels")
        let matrix = SparseMatrix(rowCount: n, columnCount: termCount, offsets: offsets, columns: columns, values: values)
        // Key words numbered by stem; a pseudo-stem (a key of more than four words) stands
        // for the stems it joins.
        var keyWords: [Int32] = [], keyWordOffsets = [0]
        keyWordOffsets.reserveCapacity(termCount + 1)
        let isPseudoStem = stemText.map { $0.utf8.contains(UInt8(ascii: " ")) }
        for k in vocabulary {
            let key = keys[k]
            for i in 0..<key.count {
                let stem = key[i]
                if isPseudoStem[Int(stem)] {
                    for piece in stemText[Int(stem)].split(separator: " ") { keyWords.append(Int32(bitPattern: stemID(String(piece)))) }
                } else {
                    keyWords.append(Int32(bitPattern: stem))
                }
            }
            keyWordOffsets.append(keyWords.count)
        }
        return TermModel(terms: terms, vectors: matrix, counts: counts, options: options, keyWords: keyWords, keyWordOffsets: keyWordOffsets)
    }
}

/// The phrase counts of one shard of `CorpusBuilder.countCandidates`.
/// The second pass's result for one chunk of documents (offsets relative to the chunk).
private struct DocumentCounts {
    var offsets = [0]
    var columns: [Int32] = [], counts: [Int32] = []
    var documentLength: [Int] = []
    var surfaceWords: [PhraseKey] = [], surfaceTerm: [Int32] = [], surfaceCount: [Int32] = []
    var definitionLabel: [Int32: String] = [:]
    var acronymVotes: [AcronymVote: Int] = [:]
}

private struct ShardCounts {
    var keys: [PhraseKey] = []
    var frequency: [Int32] = []
    var documentFrequency: [Int32] = []
}

/// Shares a buffer with the workers of `DispatchQueue.concurrentPerform`; each worker writes
/// only its own slots.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
