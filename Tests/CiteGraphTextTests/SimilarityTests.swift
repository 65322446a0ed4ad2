import CiteGraphCore
import Testing
@testable import CiteGraphText

@Suite("Top-k cosine through an inverted index")
struct SimilarityTests {
    /// Random sparse non-negative vectors, L2-normalised: `n` documents over `m` terms with
    /// 1…`maxTerms` terms each, term popularity skewed so that some postings are long.
    static func randomVectors(n: Int, m: Int, maxTerms: Int, seed: UInt64) -> SparseMatrix {
        var rng = SplitMix64(seed: seed)
        var rows: [SparseVector] = []
        for _ in 0..<n {
            var terms = Set<Int32>()
            let count = Int.random(in: 1...maxTerms, using: &rng)
            while terms.count < count {
                let u = Double.random(in: 0..<1, using: &rng)
                terms.insert(Int32(Double(m) * u * u))  // skewed towards low ids
            }
            let indices = terms.sorted()
            let values = indices.map { _ in Double.random(in: 0.05...1, using: &rng) }
            rows.append(SparseVector(indices: indices, values: values))
        }
        return SparseMatrix(rows: rows, columnCount: m).l2Normalized()
    }

    /// All-pairs reference: every pair's dot product, then per document the best `k` at or
    /// above `threshold` (ties: lower id).
    static func bruteForce(_ v: SparseMatrix, k: Int, threshold: Double) -> [[Neighbor]] {
        let rows = (0..<v.rowCount).map { v.row($0) }
        return (0..<v.rowCount).map { d in
            var all: [Neighbor] = []
            for o in 0..<v.rowCount where o != d {
                let s = rows[d].dot(rows[o])
                if s >= threshold { all.append(Neighbor(document: Int32(o), similarity: s)) }
            }
            all.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.document < $1.document }
            return Array(all.prefix(k))
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 20_240_917, 987_654_321])
    func equalsBruteForceWithoutCap(seed: UInt64) throws {
        print("TopKCosine property test seed \(seed)")
        let v = Self.randomVectors(n: 400, m: 120, maxTerms: 10, seed: seed)
        let k = 7, threshold = 0.15
        let lists = try TopKCosine(k: k, threshold: threshold, maxPostings: nil, maxQueryTerms: nil).neighbors(SimilarityIndex(v))
        let reference = Self.bruteForce(v, k: k, threshold: threshold)
        #expect(lists.cappedDocumentCount == 0)
        for d in 0..<v.rowCount {
            let got = lists.neighbors(of: d)
            #expect(got.map(\.document) == reference[d].map(\.document), "seed \(seed) doc \(d)")
            for (a, b) in zip(got, reference[d]) {
                #expect(abs(a.similarity - b.similarity) < 1e-12, "seed \(seed) doc \(d)")
            }
        }
        // Edges: each pair once, source < target, present iff either side lists the other.
        let edges = TopKCosine.edges(from: lists)
        var expected: [Int64: Double] = [:]
        for d in 0..<v.rowCount {
            for nb in reference[d] {
                let a = min(d, Int(nb.document)), b = max(d, Int(nb.document))
                expected[Int64(a) << 32 | Int64(b)] = nb.similarity
            }
        }
        #expect(edges.count == expected.count)
        for i in 0..<edges.count {
            #expect(edges.sources[i] < edges.targets[i])
            let key = Int64(edges.sources[i]) << 32 | Int64(edges.targets[i])
            let w = try #require(expected[key], "unexpected edge \(edges.sources[i])–\(edges.targets[i])")
            #expect(abs(edges.weights[i] - w) < 1e-12)
        }
        let graph = Graph(nodeCount: v.rowCount, edges: edges, isDirected: false)
        #expect(graph.edgeCount == edges.count)
    }

    @Test(arguments: [UInt64(7), 42])
    func cappedSearchReportsExactCosines(seed: UInt64) throws {
        print("TopKCosine capped test seed \(seed)")
        let v = Self.randomVectors(n: 300, m: 80, maxTerms: 12, seed: seed)
        let index = SimilarityIndex(v)
        let cap = 25
        #expect((0..<v.columnCount).contains { index.postingCount($0) > cap })
        let lists = try TopKCosine(k: 5, threshold: 0.1, maxPostings: cap).neighbors(index)
        #expect(lists.cappedDocumentCount > 0)
        let reference = Self.bruteForce(v, k: 5, threshold: 0.1)
        var found = 0, total = 0
        for d in 0..<v.rowCount {
            let got = lists.neighbors(of: d)
            #expect(got.count <= 5)
            for nb in got {
                #expect(abs(nb.similarity - v.row(d).dot(v.row(Int(nb.document)))) < 1e-12)
                #expect(nb.similarity >= 0.1 && Int(nb.document) != d)
            }
            #expect(zip(got, got.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
            found += Set(got.map(\.document)).intersection(reference[d].map(\.document)).count
            total += reference[d].count
        }
        // Uniform random vectors are the hard case for a cap (no topical structure), and
        // this cap is far below the longest lists; impact-ordered truncation keeps 95–97 %
        // for these seeds (skipping long lists entirely kept about a third).
        print("capped recall \(found)/\(total)")
        #expect(Double(found) >= 0.9 * Double(total))
    }

    @Test func parallelResultIsDeterministic() throws {
        let v = Self.randomVectors(n: 500, m: 200, maxTerms: 15, seed: 11)
        let search = try TopKCosine(k: 10, threshold: 0.05)
        let index = SimilarityIndex(v)
        #expect(search.neighbors(index) == search.neighbors(index))
    }

    @Test func invertedIndexPostings() {
        let v = SparseMatrix(rows: [
            SparseVector(indices: [0, 2], values: [0.6, 0.8]),
            SparseVector(indices: [2], values: [1]),
            SparseVector(indices: [], values: []),
        ], columnCount: 3)
        let index = SimilarityIndex(v)
        #expect(index.offsets == [0, 1, 1, 3])
        #expect(index.documents == [0, 0, 1])
        #expect(index.weights == [0.6, 0.8, 1])
        let edges = try? TopKCosine(k: 1, threshold: 0.5).edges(v)
        #expect(edges == EdgeList(sources: [0], targets: [1], weights: [0.8]))
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: TextError.self) { try TopKCosine(k: 0) }
        #expect(throws: TextError.self) { try TopKCosine(threshold: 0) }
        #expect(throws: TextError.self) { try TopKCosine(threshold: 1.5) }
        #expect(throws: TextError.self) { try TopKCosine(maxPostings: 0) }
        #expect(throws: TextError.self) { try TopKCosine(maxQueryTerms: 0) }
    }

    @Test func sampleCorpusSimilarityGraph() throws {
        let model = KeyPhraseExtractorTests.sampleModel
        let search = try TopKCosine(k: 5, threshold: 0.1, maxPostings: nil, maxQueryTerms: nil)
        let lists = search.neighbors(SimilarityIndex(model.vectors))
        let reference = Self.bruteForce(model.vectors, k: 5, threshold: 0.1)
        for d in 0..<model.documentCount {
            #expect(lists.neighbors(of: d).map(\.document) == reference[d].map(\.document))
        }
        // A cap at a sixth of the corpus keeps most neighbours on real text.
        let capped = try TopKCosine(k: 5, threshold: 0.1, maxPostings: model.documentCount / 6)
            .neighbors(SimilarityIndex(model.vectors))
        var same = 0, total = 0
        for d in 0..<model.documentCount {
            same += Set(capped.neighbors(of: d).map(\.document)).intersection(reference[d].map(\.document)).count
            total += reference[d].count
        }
        print("sample corpus: capped recall \(same)/\(total), capped documents \(capped.cappedDocumentCount)")
        #expect(Double(same) >= 0.95 * Double(total))
        // The two normalization papers are each other's neighbours or share a neighbour list.
        let papers = SampleCorpus.papers
        let powerNorm = try #require(papers.firstIndex { $0.title.hasPrefix("PowerNorm") })
        let neighbours = lists.neighbors(of: powerNorm).map { papers[Int($0.document)].title.lowercased() }
        #expect(neighbours.contains { $0.contains("normalization") }, "\(neighbours)")
    }
}
