import CiteGraphCore
import CiteGraphStore
import CiteGraphText
import Dispatch
import Foundation

extension Pipeline {
    /// Extracts key phrases from every paper's title and abstract (TF-IDF over stemmed 1–4
    /// word phrases, acronyms merged), stores the vocabulary and each paper's top phrases.
    /// - Returns: the papers' TF-IDF vectors and their row ids in document order.
    /// - Parameter storeBeside: store the terms on another thread and return at once; the
    ///   caller joins the returned write (`BackgroundWork.wait()`) before it finishes.
    @discardableResult
    func extractTerms(options: BuildOptions, storeBeside: Bool = false) throws -> (vectors: SparseMatrix, papers: [Int64], write: BackgroundWork?) {
        PhaseClock.mark("before texts")
        // The texts become one document string each as they are read; only the ids stay.
        var papers: [Int64] = []
        var documents: [String] = []
        try store.forEachPaperText { paper in
            var abstract = paper.abstract ?? ""
            // Explicit keywords (author keywords, MeSH, OpenAlex concepts, arXiv categories)
            // join the text as phrases of their own, one per sentence.
            if let keywords = paper.keywords, !keywords.isEmpty {
                abstract += "\n" + keywords.split(separator: ";").map { $0.trimmingWhitespace() + "." }.joined(separator: " ")
            }
            papers.append(paper.id)
            documents.append(KeyPhraseExtractor.document(title: paper.title, abstract: abstract))
        }
        PhaseClock.mark("paperTexts")
        progress.begin("extracting key phrases", total: papers.count)
        var extractorOptions = KeyPhraseExtractor.Options()
        extractorOptions.topN = options.termsPerPaper
        if let path = options.thesaurus { extractorOptions.thesaurus = try Thesaurus(contentsOf: URL(fileURLWithPath: path)) }
        let extractor = try KeyPhraseExtractor(extractorOptions)
        // The extractor takes the documents over and frees them once tokenized.
        let model = extractor.extract(documents: consume documents)
        PhaseClock.mark("extract")
        // Each document's top phrases, in parallel chunks (the nested-phrase check is quadratic
        // in a document's terms), joined in document order.
        let chunkCount = papers.count < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 8
        let chunks = ParallelSlots(count: chunkCount, initial: [[Int]]())
        let limit = options.termsPerPaper, documentCount = papers.count
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lo = documentCount * chunk / chunkCount, hi = documentCount * (chunk + 1) / chunkCount
            chunks.set(chunk, (lo..<hi).map { d in model.topEntries(ofDocument: d, limit: limit) })
        }
        // Store only the terms some paper carries, renumbered densely in term order.
        let columns = model.vectors.columns, values = model.vectors.values
        var used = [Bool](repeating: false, count: model.terms.count)
        for chunk in chunks.all {
            for entries in chunk { for e in entries { used[Int(columns[e])] = true } }
        }
        var storedID = [Int32](repeating: -1, count: model.terms.count)
        var storedTerms: [StoredTerm] = []
        for t in used.indices where used[t] {
            storedID[t] = Int32(storedTerms.count)
            let term = model.terms[t]
            storedTerms.append(StoredTerm(key: term.key, label: term.label, df: term.df))
        }
        var storedPaperTerms: [(paper: Int64, term: Int, weight: Double)] = []
        storedPaperTerms.reserveCapacity(chunks.all.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
        var d = 0
        for chunk in chunks.all {
            for entries in chunk {
                for e in entries { storedPaperTerms.append((papers[d], Int(storedID[Int(columns[e])]), values[e])) }
                d += 1
            }
        }
        PhaseClock.mark("topTerms")
        let store = self.store
        let (termRows, paperTermRows) = (storedTerms, storedPaperTerms)
        let write = BackgroundWork { try store.replaceTerms(termRows, paperTerms: paperTermRows) }
        if !storeBeside { try write.wait() }
        PhaseClock.mark("replaceTerms")
        progress.finish("key phrases: \(model.terms.count) terms over \(papers.count) papers, \(storedTerms.count) kept as top phrases")
        // Only the vectors go on: the term model (millions of phrases with their labels at a
        // million papers) is freed here, before the neighbour search builds its index.
        return (model.vectors, papers, storeBeside ? write : nil)
    }

    /// The co-topic graph: each paper's `neighbours` most similar papers (cosine of TF-IDF
    /// phrase vectors ≥ `minSimilarity`) through an inverted index.
    func cotopicEdges(options: BuildOptions) throws -> ([StoredEdge], String) {
        // The terms are written while the neighbours are searched.
        let (vectors, papers, write) = try extractTerms(options: options, storeBeside: true)
        let topK = try TopKCosine(k: options.neighbours, threshold: options.minSimilarity)
        let list = topK.edges(vectors)
        try write?.wait()
        PhaseClock.mark("topK")
        var edges: [StoredEdge] = []
        edges.reserveCapacity(list.count)
        for i in 0..<list.count {
            let a = papers[Int(list.sources[i])], b = papers[Int(list.targets[i])]
            edges.append(StoredEdge(source: min(a, b), target: max(a, b), weight: list.weights[i]))
        }
        let parameters = JSON.object([
            "similarity": "cosine of TF-IDF key-phrase vectors", "neighbours": options.neighbours,
            "min_similarity": options.minSimilarity, "min_df": 2, "max_df_ratio": 0.5, "max_phrase_words": 4,
        ])
        return (edges, parameters)
    }
}
