/// A key phrase of the corpus vocabulary.
public struct Term: Sendable, Hashable, Identifiable {
    /// Dense id, `0..<terms.count`; terms are numbered in the order of their keys.
    public let id: Int32
    /// The matching key: Porter2 stems of the words joined by single spaces
    /// ("graph neural network" for "graph neural networks").
    public let key: String
    /// The surface form shown to people: the most frequent spelling among the term's
    /// occurrences (ties: the first seen), the thesaurus replacement when a thesaurus entry
    /// produced the term, or the acronym expansion as first defined.
    public let label: String
    /// Number of documents that contain the term (document frequency).
    public let df: Int
    /// Number of occurrences in the corpus, acronym uses included.
    public let frequency: Int
    /// The acronym most often used for the term ("LN" for "layer normalization"), if any.
    public let acronym: String?
    /// Number of words in the key.
    public var wordCount: Int { key.split(separator: " ").count }

    public init(id: Int32, key: String, label: String, df: Int, frequency: Int, acronym: String? = nil) {
        self.id = id; self.key = key; self.label = label; self.df = df; self.frequency = frequency
        self.acronym = acronym
    }
}

/// A term with its weight in a document or community.
public struct WeightedTerm: Sendable, Equatable {
    public let term: Term
    public let weight: Double

    public init(term: Term, weight: Double) { self.term = term; self.weight = weight }
}

/// A sparse vector: strictly increasing `indices` with matching `values`.
public struct SparseVector: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Double]

    public init(indices: [Int32] = [], values: [Double] = []) {
        precondition(indices.count == values.count, "indices and values must have equal length")
        self.indices = indices; self.values = values
    }

    /// Euclidean norm.
    public var norm: Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// Dot product by merging the two index lists.
    /// - Complexity: O(nnz(self) + nnz(other)).
    public func dot(_ other: SparseVector) -> Double {
        var i = 0, j = 0, s = 0.0
        while i < indices.count && j < other.indices.count {
            if indices[i] == other.indices[j] {
                s += values[i] * other.values[j]; i += 1; j += 1
            } else if indices[i] < other.indices[j] { i += 1 } else { j += 1 }
        }
        return s
    }
}

/// A sparse matrix in compressed-sparse-row form (rows are documents, columns are terms).
///
/// Row `r` holds `columns[offsets[r]..<offsets[r + 1]]` (strictly increasing) with matching
/// `values`; `offsets` is always `rowCount + 1` long.
public struct SparseMatrix: Sendable, Equatable {
    public let rowCount: Int
    public let columnCount: Int
    public let offsets: [Int]
    public let columns: [Int32]
    public let values: [Double]

    /// Wraps CSR arrays.
    /// - Precondition: the arrays are consistent and columns increase within each row.
    public init(rowCount: Int, columnCount: Int, offsets: [Int], columns: [Int32], values: [Double]) {
        precondition(offsets.count == rowCount + 1, "offsets must be rowCount + 1 long")
        precondition(columns.count == values.count && offsets.last == columns.count, "inconsistent CSR arrays")
        self.rowCount = rowCount; self.columnCount = columnCount
        self.offsets = offsets; self.columns = columns; self.values = values
    }

    /// Builds a matrix from sparse rows (each row's indices strictly increasing).
    public init(rows: [SparseVector], columnCount: Int) {
        var offsets = [0]; offsets.reserveCapacity(rows.count + 1)
        var columns: [Int32] = [], values: [Double] = []
        for row in rows {
            for k in row.indices.indices {
                precondition(row.indices[k] >= 0 && Int(row.indices[k]) < columnCount, "column out of range")
                precondition(k == 0 || row.indices[k - 1] < row.indices[k], "row indices must increase")
            }
            columns.append(contentsOf: row.indices); values.append(contentsOf: row.values)
            offsets.append(columns.count)
        }
        self.init(rowCount: rows.count, columnCount: columnCount, offsets: offsets, columns: columns, values: values)
    }

    /// Number of stored entries.
    public var nonZeroCount: Int { columns.count }

    /// Row `r` as a sparse vector.
    public func row(_ r: Int) -> SparseVector {
        SparseVector(indices: Array(columns[offsets[r]..<offsets[r + 1]]),
                     values: Array(values[offsets[r]..<offsets[r + 1]]))
    }

    /// The same matrix with every non-empty row scaled to unit Euclidean norm.
    /// - Complexity: O(nnz).
    public func l2Normalized() -> SparseMatrix {
        var v = values
        for r in 0..<rowCount {
            var s = 0.0
            for k in offsets[r]..<offsets[r + 1] { s += v[k] * v[k] }
            guard s > 0 else { continue }
            let inv = 1 / s.squareRoot()
            for k in offsets[r]..<offsets[r + 1] { v[k] *= inv }
        }
        return SparseMatrix(rowCount: rowCount, columnCount: columnCount, offsets: offsets, columns: columns, values: v)
    }
}

/// The result of key-phrase extraction: the vocabulary and one weighted term vector per
/// document.
public struct TermModel: Sendable {
    /// The vocabulary, ordered by key; `terms[i].id == i`.
    public let terms: [Term]
    /// Documents × terms; each non-empty row L2-normalised (TF-IDF or BM25 weights).
    public let vectors: SparseMatrix
    /// Raw term counts (occurrences in the document), parallel to `vectors.columns`.
    public let counts: [Int32]
    /// The options the model was extracted with.
    public let options: KeyPhraseExtractor.Options
    /// The words of each term's key as word ids: term `t` has
    /// `keyWords[keyWordOffsets[t]..<keyWordOffsets[t + 1]]` (for the nested-phrase rule).
    private let keyWords: [Int32]
    private let keyWordOffsets: [Int]

    public init(terms: [Term], vectors: SparseMatrix, counts: [Int32], options: KeyPhraseExtractor.Options) {
        var wordIDs: [Substring: Int32] = [:]
        var words: [Int32] = [], offsets = [0]
        offsets.reserveCapacity(terms.count + 1)
        for t in terms {
            for w in t.key.split(separator: " ") {
                if let id = wordIDs[w] { words.append(id) } else {
                    let id = Int32(wordIDs.count); wordIDs[w] = id; words.append(id)
                }
            }
            offsets.append(words.count)
        }
        self.init(terms: terms, vectors: vectors, counts: counts, options: options, keyWords: words, keyWordOffsets: offsets)
    }

    /// With each term's key words already numbered (any numbering where equal words get
    /// equal ids), as the extractor knows them from its stems.
    init(terms: [Term], vectors: SparseMatrix, counts: [Int32], options: KeyPhraseExtractor.Options, keyWords: [Int32], keyWordOffsets: [Int]) {
        precondition(counts.count == vectors.nonZeroCount, "counts must parallel the vector entries")
        precondition(keyWordOffsets.count == terms.count + 1, "one key-word range per term")
        self.terms = terms; self.vectors = vectors; self.counts = counts; self.options = options
        self.keyWords = keyWords; self.keyWordOffsets = keyWordOffsets
    }

    /// Number of documents.
    public var documentCount: Int { vectors.rowCount }

    /// The L2-normalised weight vector of document `d`.
    public func vector(ofDocument d: Int) -> SparseVector { vectors.row(d) }

    /// The term with the given key (stems joined by spaces), if in the vocabulary.
    /// - Complexity: O(log terms) — a binary search, the terms being ordered by key.
    public func term(forKey key: String) -> Term? {
        var lo = 0, hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid].key < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < terms.count && terms[lo].key == key ? terms[lo] : nil
    }

    /// The term a phrase as written would be counted under ("Neural Networks" → the term
    /// keyed "neural network"), if in the vocabulary. Acronyms are not expanded here.
    public func term(matching phrase: String) -> Term? {
        term(forKey: KeyPhraseExtractor.key(of: phrase))
    }

    /// The document's highest-weighted terms, best first (ties: lower term id first).
    ///
    /// Nested-phrase rule: a term is left out when a longer term of the same document
    /// contains it as a contiguous run of words and accounts for all its occurrences in the
    /// document (count(short) ≤ count(long) × times the short one occurs in the long one) —
    /// "layer" is not listed beside "layer normalization" when it only occurs inside it, but
    /// "normalization" stays when the paper also writes "batch normalization".
    /// - Parameter limit: number of terms; `options.topN` when nil.
    /// - Complexity: O(m log m + (k + c) · m · w) for a document of m terms of at most w words,
    ///   k wanted and c covered terms passed over (was O(m² · w) when every term was tested).
    public func topTerms(ofDocument d: Int, limit: Int? = nil) -> [WeightedTerm] {
        topEntries(ofDocument: d, limit: limit).map { WeightedTerm(term: terms[Int(vectors.columns[$0])], weight: vectors.values[$0]) }
    }

    /// `topTerms(ofDocument:limit:)` as positions in `vectors` (its column is the term id,
    /// its value the weight), heaviest first: no `Term` values built, for corpus-wide loops.
    public func topEntries(ofDocument d: Int, limit: Int? = nil) -> [Int] {
        let lo = vectors.offsets[d], hi = vectors.offsets[d + 1]
        let wanted = limit ?? options.topN
        // Heaviest first; the nested-phrase test runs only until `wanted` phrases are kept,
        // which gives the same phrases as filtering all of them first.
        var order = Array(lo..<hi)
        order.sort { vectors.values[$0] != vectors.values[$1] ? vectors.values[$0] > vectors.values[$1] : vectors.columns[$0] < vectors.columns[$1] }
        var keep: [Int] = []
        keyWords.withUnsafeBufferPointer { words in
            for a in order {
                if keep.count >= wanted { break }
                let ta = Int(vectors.columns[a])
                let aLo = keyWordOffsets[ta], aCount = keyWordOffsets[ta + 1] - aLo
                var covered = false
                for b in lo..<hi {
                    let tb = Int(vectors.columns[b])
                    let bLo = keyWordOffsets[tb], bCount = keyWordOffsets[tb + 1] - bLo
                    guard bCount > aCount else { continue }
                    // Occurrences of a's words as a contiguous run inside b's.
                    var times = 0
                    for start in 0...(bCount - aCount) {
                        var equal = true
                        for i in 0..<aCount where words[bLo + start + i] != words[aLo + i] { equal = false; break }
                        if equal { times += 1 }
                    }
                    if times > 0 && Int(counts[a]) <= Int(counts[b]) * times { covered = true; break }
                }
                if !covered { keep.append(a) }
            }
        }
        return keep
    }

    /// How many times `short` occurs as a contiguous run inside `long`.
    static func occurrences(of short: [Substring], in long: [Substring]) -> Int {
        guard !short.isEmpty, short.count <= long.count else { return 0 }
        var n = 0
        for start in 0...(long.count - short.count) where long[start..<(start + short.count)].elementsEqual(short) { n += 1 }
        return n
    }
}
