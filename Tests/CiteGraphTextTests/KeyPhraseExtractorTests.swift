import Foundation
import Testing
@testable import CiteGraphText

@Suite("Key-phrase extraction and weighting")
struct KeyPhraseExtractorTests {
    static let sampleModel: TermModel = {
        // swiftlint:disable:next force_try
        try! KeyPhraseExtractor().extract(documents: SampleCorpus.documents)
    }()

    static func options(minDF: Int = 1, maxRatio: Double = 1, weighting: KeyPhraseExtractor.Weighting = .tfidf()) -> KeyPhraseExtractor.Options {
        var o = KeyPhraseExtractor.Options()
        o.minDocumentFrequency = minDF; o.maxDocumentFrequencyRatio = maxRatio; o.weighting = weighting
        return o
    }

    func weights(_ model: TermModel, document d: Int) -> [String: Double] {
        var out: [String: Double] = [:]
        let v = model.vector(ofDocument: d)
        for (i, t) in v.indices.enumerated() { out[model.terms[Int(t)].label] = v.values[i] }
        return out
    }

    // MARK: Hand-computed and scikit-learn references

    /// Three documents, commas between words so that every candidate is one word.
    /// N = 3; df(graph) = df(kernel) = df(tensor) = 2, df(lattice) = 1;
    /// idf(2) = ln(4/3) + 1, idf(1) = ln(2) + 1 (smooth idf). Document 0 has tf(graph) = 2,
    /// tf(kernel) = 1, so its normalised weights are 2/√5 and 1/√5 (idf cancels).
    @Test func tfidfHandComputedThreeDocuments() throws {
        let docs = ["graph, graph, kernel", "graph, tensor", "kernel, tensor, tensor, lattice"]
        let model = try KeyPhraseExtractor(Self.options()).extract(documents: docs)
        #expect(model.terms.map(\.label) == ["graph", "kernel", "lattice", "tensor"])  // sorted by key
        #expect(model.terms.map(\.df) == [2, 2, 1, 2])
        let d0 = weights(model, document: 0)
        #expect(abs(d0["graph"]! - 2 / 5.0.squareRoot()) < 1e-12)
        #expect(abs(d0["kernel"]! - 1 / 5.0.squareRoot()) < 1e-12)
        // Document 2: kernel 1·idf2, tensor 2·idf2, lattice 1·idf1, then L2-normalised.
        let idf2 = log(4.0 / 3.0) + 1, idf1 = log(2.0) + 1
        let raw = [idf2, 2 * idf2, idf1]
        let norm = raw.map { $0 * $0 }.reduce(0, +).squareRoot()
        let d2 = weights(model, document: 2)
        #expect(abs(d2["kernel"]! - raw[0] / norm) < 1e-12)
        #expect(abs(d2["tensor"]! - raw[1] / norm) < 1e-12)
        #expect(abs(d2["lattice"]! - raw[2] / norm) < 1e-12)
        #expect(abs(d2["lattice"]! - 0.5068900) < 1e-6)  // 1.6931472 / 3.3402654, by hand
        // Counts per document in term-id order: graph 0, kernel 1, lattice 2, tensor 3.
        #expect(model.counts == [2, 1, 1, 1, 1, 1, 2])
    }

    struct Reference: Decodable {
        struct Case: Decodable {
            var name: String
            var min_df: Int
            var max_df: Double
            var sublinear_tf: Bool
            var vocabulary: [String]
            var rows: [[String: Double]]
        }
        var documents: [String]
        var cases: [Case]
    }

    /// scikit-learn 1.9.1 `TfidfVectorizer` values from Tests/Fixtures/text/make_tfidf_reference.py;
    /// tolerance 1e-12 (both sides compute in double precision).
    @Test func tfidfMatchesScikitLearn() throws {
        let data = try Data(contentsOf: Paths.fixtures.appendingPathComponent("tfidf_reference.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        #expect(reference.cases.count == 3)
        for c in reference.cases {
            let model = try KeyPhraseExtractor(Self.options(minDF: c.min_df, maxRatio: c.max_df, weighting: .tfidf(sublinearTF: c.sublinear_tf)))
                .extract(documents: reference.documents)
            #expect(model.terms.map(\.label).sorted() == c.vocabulary, "\(c.name)")
            for (d, row) in c.rows.enumerated() {
                let got = weights(model, document: d)
                #expect(Set(got.keys) == Set(row.keys), "\(c.name) doc \(d)")
                for (label, w) in row {
                    #expect(abs((got[label] ?? .nan) - w) < 1e-12, "\(c.name) doc \(d) \(label)")
                }
            }
        }
    }

    /// BM25 by hand: N = 3, document lengths 3, 2, 4 (average 3), k1 = 1.2, b = 0.75;
    /// idf = ln(1 + (N − df + 0.5)/(df + 0.5)).
    @Test func bm25HandComputed() throws {
        let docs = ["graph, graph, kernel", "graph, tensor", "kernel, tensor, tensor, lattice"]
        let model = try KeyPhraseExtractor(Self.options(weighting: .bm25())).extract(documents: docs)
        func w(tf: Double, df: Double, length: Double) -> Double {
            let idf = log(1 + (3 - df + 0.5) / (df + 0.5))
            return idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / 3))
        }
        let raw = [w(tf: 1, df: 2, length: 4), w(tf: 2, df: 2, length: 4), w(tf: 1, df: 1, length: 4)]
        let norm = raw.map { $0 * $0 }.reduce(0, +).squareRoot()
        let d2 = weights(model, document: 2)
        #expect(abs(d2["kernel"]! - raw[0] / norm) < 1e-12)
        #expect(abs(d2["tensor"]! - raw[1] / norm) < 1e-12)
        #expect(abs(d2["lattice"]! - raw[2] / norm) < 1e-12)
    }

    @Test func invalidOptionsAreRejected() {
        var o = KeyPhraseExtractor.Options()
        o.maxPhraseLength = 5
        #expect(throws: TextError.self) { try KeyPhraseExtractor(o) }
        o = KeyPhraseExtractor.Options(); o.maxDocumentFrequencyRatio = 0
        #expect(throws: TextError.invalidParameter(name: "maxDocumentFrequencyRatio", reason: "must be in (0, 1], got 0.0")) { try KeyPhraseExtractor(o) }
        o = KeyPhraseExtractor.Options(); o.minDocumentFrequency = 0
        #expect(throws: TextError.self) { try KeyPhraseExtractor(o) }
        o = KeyPhraseExtractor.Options(); o.weighting = .bm25(k1: 1.2, b: 2)
        #expect(throws: TextError.self) { try KeyPhraseExtractor(o) }
    }

    // MARK: Phrases, stems, acronyms, nesting on small texts

    @Test func phrasesAreMatchedByStemsAndShowTheirCommonestSpelling() throws {
        let docs = [
            "Graph neural networks for molecules. We train graph neural networks.",
            "A graph neural network for traffic.",
            "Graph neural networks, again.",
        ]
        let model = try KeyPhraseExtractor(Self.options()).extract(documents: docs)
        let gnn = try #require(model.term(matching: "graph neural network"))
        #expect(gnn.key == "graph neural network")
        #expect(gnn.label == "graph neural networks")
        #expect(gnn.df == 3)
        #expect(gnn.frequency == 4)
        // "graph", "neural", "neural network"… only occur inside it: collapsed away.
        #expect(model.term(forKey: "graph") == nil)
        #expect(model.term(forKey: "neural network") == nil)
    }

    @Test func nestedRuleKeepsSubPhrasesThatAlsoOccurAlone() throws {
        let docs = [
            "Layer normalization helps. Batch normalization too.",
            "Normalization layers, layer normalization.",
            "Batch normalization.",
        ]
        let model = try KeyPhraseExtractor(Self.options()).extract(documents: docs)
        #expect(model.term(matching: "layer normalization") != nil)
        #expect(model.term(matching: "batch normalization") != nil)
        #expect(model.term(matching: "normalization") != nil)
        #expect(model.term(matching: "batch") == nil)
    }

    @Test func acronymsCountForTheirExpansion() throws {
        let docs = [
            "We study layer normalization (LN) in transformers. LN stabilises training; LN is cheap.",
            "Large language models (LLMs) are costly. LLMs memorise.",
            "Training LLMs with LN.",  // no definition here: corpus-wide expansion
        ]
        let model = try KeyPhraseExtractor(Self.options()).extract(documents: docs)
        let ln = try #require(model.term(matching: "layer normalization"))
        #expect(ln.acronym == "LN")
        #expect(ln.label == "layer normalization")
        #expect(ln.frequency == 4)  // 1 written out + 2 uses in doc 0 + 1 in doc 2
        #expect(ln.df == 2)
        let llm = try #require(model.term(matching: "large language models"))
        #expect(llm.acronym == "LLM")
        #expect(llm.frequency == 3)
        #expect(model.term(forKey: "ln") == nil)
        // Without merging, the acronym is a term of its own.
        var o = Self.options(); o.mergeAcronyms = false
        let plain = try KeyPhraseExtractor(o).extract(documents: docs)
        #expect(plain.term(forKey: "ln")?.frequency == 4)
    }

    @Test func acronymExpansionWithStopWordIsKept() throws {
        let docs = ["A mixture of experts (MoE) layer. The MoE router.", "Sparse MoE models."]
        let model = try KeyPhraseExtractor(Self.options()).extract(documents: docs)
        let moe = try #require(model.terms.first { $0.acronym == "MoE" })
        #expect(moe.label == "mixture of experts")
        #expect(moe.frequency == 3)
    }

    @Test func documentFrequencyFilters() throws {
        let docs = ["alpha kernel, tensor", "alpha kernel, lattice", "alpha kernel, graph", "tensor, graph"]
        let model = try KeyPhraseExtractor(Self.options(minDF: 2, maxRatio: 0.5)).extract(documents: docs)
        // "alpha kernel" is in 3 of 4 documents (> 0.5); lattice only in one.
        #expect(model.terms.map(\.label) == ["graph", "tensor"])
    }

    // MARK: The real sample corpus

    @Test func sampleCorpusParses() {
        #expect(SampleCorpus.papers.count > 600)
        for paper in SampleCorpus.papers {
            #expect(paper.abstract.count > paper.title.count, "\(paper.file): \(paper.title)")
        }
    }

    @Test func sampleCorpusHasKnownPhrases() throws {
        let model = Self.sampleModel
        for phrase in ["layer normalization", "batch normalization", "reinforcement learning", "large language models",
                       "neural networks", "stochastic gradient descent", "lottery ticket hypothesis", "variational inference"] {
            let term = model.term(matching: phrase)
            #expect(term != nil, "\(phrase)")
            if let term { #expect(term.df >= 2) }
        }
        #expect(model.term(matching: "large language models")?.label.lowercased() == "large language models")
    }

    @Test func sampleCorpusAcronymsFromDefinitions() throws {
        let model = Self.sampleModel
        let expected = ["layer normalization": "LN", "batch normalization": "BN", "reinforcement learning": "RL",
                        "natural language processing": "NLP", "stochastic gradient descent": "SGD",
                        "neural tangent kernel": "NTK", "large language models": "LLM"]
        for (phrase, acronym) in expected {
            #expect(model.term(matching: phrase)?.acronym == acronym, "\(phrase)")
        }
        // PowerNorm's abstract writes "layer normalization (LN)" once and "LN" four more times.
        let powerNorm = try #require(SampleCorpus.papers.firstIndex { $0.title.hasPrefix("PowerNorm") })
        let ln = try #require(model.term(matching: "layer normalization"))
        let v = model.vectors
        let entry = (v.offsets[powerNorm]..<v.offsets[powerNorm + 1]).first { v.columns[$0] == ln.id }
        #expect(entry.map { model.counts[$0] } ?? 0 >= 4)
        #expect(model.topTerms(ofDocument: powerNorm).prefix(5).contains { $0.term.id == ln.id })
    }

    @Test func sampleCorpusModelInvariants() {
        let model = Self.sampleModel
        let n = model.documentCount
        #expect(n == SampleCorpus.papers.count)
        #expect(model.terms.count > 1000)
        for (i, t) in model.terms.enumerated() {
            #expect(Int(t.id) == i)
            #expect(t.df >= 2 && Double(t.df) <= 0.5 * Double(n))
            if i > 0 { #expect(model.terms[i - 1].key < t.key) }
        }
        let v = model.vectors
        for d in 0..<n where v.offsets[d + 1] > v.offsets[d] {
            let row = model.vector(ofDocument: d)
            #expect(abs(row.norm - 1) < 1e-12)
            #expect(zip(row.indices, row.indices.dropFirst()).allSatisfy { $0 < $1 })
            let top = model.topTerms(ofDocument: d)
            #expect(top.count <= 10)
            #expect(zip(top, top.dropFirst()).allSatisfy { $0.weight >= $1.weight })
        }
        // Nested rule: no kept term lies wholly inside a longer kept term.
        let words = model.terms.map { $0.key.split(separator: " ") }
        let byLength = Dictionary(grouping: model.terms.indices, by: { words[$0].count })
        for long in model.terms.indices where words[long].count >= 2 {
            for length in 1..<words[long].count {
                for short in byLength[length] ?? [] {
                    let times = TermModel.occurrences(of: words[short], in: words[long])
                    if times > 0 {
                        #expect(model.terms[long].frequency * times < model.terms[short].frequency,
                                "\(model.terms[short].key) inside \(model.terms[long].key)")
                    }
                }
            }
        }
    }

    @Test func extractionIsDeterministic() throws {
        let docs = Array(SampleCorpus.documents.prefix(150))
        let a = try KeyPhraseExtractor().extract(documents: docs)
        let b = try KeyPhraseExtractor().extract(documents: docs)
        #expect(a.terms == b.terms)
        #expect(a.vectors == b.vectors)
    }

    @Test func emptyCorpusAndEmptyDocuments() throws {
        let empty = try KeyPhraseExtractor().extract(documents: [])
        #expect(empty.terms.isEmpty && empty.documentCount == 0)
        let model = try KeyPhraseExtractor(Self.options()).extract(documents: ["", "the of and", "graph kernel"])
        #expect(model.documentCount == 3)
        #expect(model.vector(ofDocument: 0).indices.isEmpty)
        #expect(model.topTerms(ofDocument: 1).isEmpty)
    }
}
