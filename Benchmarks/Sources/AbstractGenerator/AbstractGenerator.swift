/// A deterministic generator of English-like scientific titles and abstracts, for timing
/// key-phrase extraction and co-topic similarity at scale without shipping a corpus.
///
/// The vocabulary is ~300 real research words followed by pseudo-words built from
/// syllables and English suffixes ("-ation", "-ity", "-ing", plural "-s"…), so that the
/// tokenizer and the stemmer see realistic shapes. Word choice is Zipfian
/// (P(rank r) ∝ 1 / (r + 2.7)^1.05, as in English text). Each paper belongs to one of
/// `topics` topical clusters (a second one for 30 % of papers); a topic owns ~150 words,
/// ranked Zipfian within the topic, and ~40 two- and three-word phrases, some with an
/// acronym defined on first use ("graph neural networks (GNN)"). Sentences mix these
/// phrases with stop words and academic boilerplate ("In this paper we propose …"), so
/// runs of content words, phrase boundaries and stop words look like real abstracts.
/// Abstracts average ~1 KB. Same seed, same text, on every platform (SplitMix64; no
/// Foundation randomness, no floating-point formatting).
public struct AbstractGenerator: Sendable {
    public var papers: Int
    public var topics: Int
    public var seed: UInt64

    /// - Parameter topics: default `max(20, papers / 400)`.
    public init(papers: Int, topics: Int? = nil, seed: UInt64 = 42) {
        self.papers = papers; self.seed = seed
        self.topics = topics ?? max(20, papers / 400)
    }

    /// One `(title, abstract)` per paper.
    public func papersText() -> [(title: String, abstract: String)] {
        var rng = SplitMix(seed: seed)
        let lexicon = Lexicon(rng: &rng)
        let clusters = (0..<topics).map { _ in Topic(lexicon: lexicon, rng: &rng) }
        var out: [(String, String)] = []
        out.reserveCapacity(papers)
        for _ in 0..<papers {
            let main = clusters[rng.below(clusters.count)]
            let second = rng.unit() < 0.3 ? clusters[rng.below(clusters.count)] : nil
            out.append(paper(main, second, lexicon, &rng))
        }
        return out
    }

    /// Title and abstract joined as `KeyPhraseExtractor.document(title:abstract:)` does.
    public func documents() -> [String] { papersText().map { $0.title + "\n\n" + $0.abstract } }

    // MARK: Text

    private static let openers = [
        "In this paper we", "We", "This paper", "Here we", "In this work we", "We further",
        "To this end we", "Our analysis", "Moreover we", "Finally we",
    ]
    private static let verbs = [
        "propose", "study", "analyze", "introduce", "present", "develop", "investigate",
        "consider", "describe", "evaluate", "extend", "characterize", "derive", "design",
    ]
    private static let links = [
        "for", "of", "in", "with", "under", "on", "via", "from", "and", "to", "over", "between",
    ]
    private static let fillers = [
        "which is", "that are", "as well as", "in terms of", "with respect to",
        "compared with", "based on", "such as", "together with", "by means of",
    ]
    private static let endings = [
        "on several benchmarks", "in practice", "at scale", "with high accuracy",
        "on real data", "in simulation", "by a large margin", "under mild assumptions",
    ]

    private func paper(_ main: Topic, _ second: Topic?, _ lexicon: Lexicon, _ rng: inout SplitMix) -> (String, String) {
        var defined = Set<Int>()
        func topic(_ rng: inout SplitMix) -> Topic { second != nil && rng.unit() < 0.3 ? second! : main }
        var title = ""
        let titleWords = 2 + rng.below(3)
        title += capitalised(main.phraseText(main.pickPhrase(&rng), lexicon))
        for _ in 0..<titleWords {
            title += " " + Self.links[rng.below(Self.links.count)] + " "
            title += topic(&rng).noun(lexicon, &rng)
        }
        var abstract = ""
        let sentences = 6 + rng.below(4)
        for s in 0..<sentences {
            if s > 0 { abstract += rng.unit() < 0.1 ? "\n" : " " }
            var sentence = Self.openers[rng.below(Self.openers.count)] + " " + Self.verbs[rng.below(Self.verbs.count)]
            let clauses = 2 + rng.below(3)
            for c in 0..<clauses {
                let t = topic(&rng)
                if c > 0 {
                    sentence += rng.unit() < 0.25 ? ", " : " "
                    sentence += rng.unit() < 0.3 ? Self.fillers[rng.below(Self.fillers.count)] : Self.links[rng.below(Self.links.count)]
                }
                sentence += " the"
                let r = rng.unit()
                if r < 0.55 {
                    let p = t.pickPhrase(&rng)
                    let phrase = t.phrases[p]
                    if let acronym = phrase.acronym {
                        let key = t.id &* 1000 &+ p
                        if defined.contains(key) {
                            sentence += " " + acronym
                        } else {
                            defined.insert(key)
                            sentence += " " + t.phraseText(p, lexicon) + " (" + acronym + ")"
                        }
                    } else {
                        sentence += " " + t.phraseText(p, lexicon)
                    }
                } else if r < 0.85 {
                    sentence += " " + t.noun(lexicon, &rng) + " " + t.noun(lexicon, &rng)
                } else {
                    sentence += " " + lexicon.words[lexicon.zipf(&rng)]
                }
            }
            if rng.unit() < 0.4 { sentence += " " + Self.endings[rng.below(Self.endings.count)] }
            if rng.unit() < 0.15 { sentence += " by " + String(2 + rng.below(40)) + "%" }
            abstract += sentence + "."
        }
        return (title, abstract)
    }

    private func capitalised(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    // MARK: Vocabulary and topics

    private struct Lexicon {
        var words: [String]
        var cdf: [Double]

        static let real = """
            graph network neural learning model data training inference optimization algorithm \
            kernel tensor matrix sparse dense convex stochastic gradient descent regression \
            classification clustering embedding representation attention transformer language \
            vision image segmentation detection retrieval ranking recommendation citation \
            protein molecule chemical reaction energy quantum spin lattice field particle \
            galaxy star planet climate ocean soil gene expression cell tissue disease patient \
            clinical trial drug dose brain neuron cortex signal spectrum frequency wave noise \
            channel wireless antenna power grid battery solar material polymer crystal alloy \
            fluid flow turbulence heat transport diffusion equation solver mesh element finite \
            boundary control robot policy reward agent game market price risk portfolio \
            economic social survey community network dynamics temporal spatial sequence \
            time series forecast anomaly outlier causal estimate variance bias robust privacy \
            security attack defense adversarial federated distributed parallel memory cache \
            compiler program verification proof logic theorem bound complexity approximation \
            sampling monte carlo bayesian posterior prior variational latent generative \
            diffusion autoencoder contrastive supervised unsupervised reinforcement transfer \
            domain adaptation generalization benchmark dataset metric evaluation accuracy \
            precision recall speech audio text document query search index hashing \
            compression quantization pruning distillation architecture layer normalization \
            activation convolution recurrent pooling dropout regularization loss objective \
            constraint scheduling routing planning navigation localization mapping sensor \
            camera point cloud depth pose motion tracking video scene object instance \
            semantic syntactic knowledge reasoning question answering dialogue translation \
            summarization sentiment entity relation extraction ontology medical imaging \
            tomography ultrasound microscopy spectroscopy laser photon optical fiber \
            semiconductor transistor circuit chip voltage current magnetic electric thermal
            """
        static let onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
                             "br", "cr", "dr", "gr", "pr", "tr", "st", "sp", "ch", "th", "ph", "pl", "cl", "fl"]
        static let vowels = ["a", "e", "i", "o", "u", "ea", "io", "ou", "y"]
        static let codas = ["", "", "n", "r", "l", "s", "t", "m", "x", "nd", "rt", "st"]
        static let suffixes = ["", "", "", "s", "ation", "ations", "ity", "ities", "ing", "al", "ic", "ive",
                               "ness", "ment", "ments", "ized", "er", "ers", "ous", "ance", "ed", "ly"]

        init(rng: inout SplitMix) {
            var seen = Set<String>()
            var words: [String] = []
            for w in Lexicon.real.split(separator: " ") where seen.insert(String(w)).inserted { words.append(String(w)) }
            let size = 40_000
            while words.count < size {
                var w = ""
                for _ in 0..<(1 + rng.below(2) + (rng.unit() < 0.2 ? 1 : 0)) {
                    w += Lexicon.onsets[rng.below(Lexicon.onsets.count)] + Lexicon.vowels[rng.below(Lexicon.vowels.count)]
                        + Lexicon.codas[rng.below(Lexicon.codas.count)]
                }
                w += Lexicon.suffixes[rng.below(Lexicon.suffixes.count)]
                if w.count >= 3 && seen.insert(w).inserted { words.append(w) }
            }
            self.words = words
            var total = 0.0
            var cdf: [Double] = []
            cdf.reserveCapacity(words.count)
            for r in 0..<words.count { total += 1 / pow105(Double(r) + 2.7); cdf.append(total) }
            self.cdf = cdf.map { $0 / total }
        }

        /// A rank drawn from the Zipf law.
        func zipf(_ rng: inout SplitMix) -> Int {
            let u = rng.unit()
            var lo = 0, hi = cdf.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cdf[mid] < u { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }

    private struct Phrase { var words: [Int]; var acronym: String? }

    private struct Topic {
        var id: Int
        var nouns: [Int]
        var cdf: [Double]
        var phrases: [Phrase]

        init(lexicon: Lexicon, rng: inout SplitMix) {
            id = rng.below(1 << 20)
            var nouns: [Int] = []
            var seen = Set<Int>()
            while nouns.count < 150 {
                // Topic words: mostly from the long tail, some shared common words.
                let w = rng.unit() < 0.2 ? lexicon.zipf(&rng) : 200 + rng.below(lexicon.words.count - 200)
                if seen.insert(w).inserted { nouns.append(w) }
            }
            self.nouns = nouns
            var total = 0.0
            var cdf: [Double] = []
            for r in 0..<nouns.count { total += 1 / pow105(Double(r) + 1.5); cdf.append(total) }
            self.cdf = cdf.map { $0 / total }
            var phrases: [Phrase] = []
            for _ in 0..<40 {
                let length = rng.unit() < 0.6 ? 2 : 3
                var words: [Int] = []
                for _ in 0..<length { words.append(nouns[rng.below(60)]) }
                var acronym: String? = nil
                if rng.unit() < 0.25 {
                    acronym = String(words.map { Character(lexicon.words[$0].prefix(1).uppercased()) })
                }
                phrases.append(Phrase(words: words, acronym: acronym))
            }
            self.phrases = phrases
        }

        func pickPhrase(_ rng: inout SplitMix) -> Int {
            // Zipf-like over the topic's phrases: low indices are the topic's signature.
            let u = rng.unit()
            return min(phrases.count - 1, Int(Double(phrases.count) * u * u))
        }

        func phraseText(_ p: Int, _ lexicon: Lexicon) -> String {
            phrases[p].words.map { lexicon.words[$0] }.joined(separator: " ")
        }

        func noun(_ lexicon: Lexicon, _ rng: inout SplitMix) -> String {
            let u = rng.unit()
            var lo = 0, hi = cdf.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cdf[mid] < u { lo = mid + 1 } else { hi = mid }
            }
            return lexicon.words[nouns[lo]]
        }
    }
}

/// x^1.05 without Foundation (exp/log), kept deterministic across platforms to the last bit
/// by working only with +, ×, ÷ and square roots: x^1.05 = x · x^(1/20), x^(1/20) from
/// two square roots and a fifth root by Newton's method.
private func pow105(_ x: Double) -> Double {
    let q = x.squareRoot().squareRoot()  // x^(1/4)
    // y = q^(1/5): Newton on y^5 = q.
    var y = 1.0 + (q - 1) / 5
    for _ in 0..<30 { y -= (y * y * y * y * y - q) / (5 * y * y * y * y) }
    return x * y
}

/// SplitMix64 (S. Vigna), seeded.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
