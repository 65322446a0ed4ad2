// citegraph-text-bench: the citegraph side of cotopic_peer_compare.sh.
//   citegraph-text-bench recall FILE CAP...     index and top-10 search times per postings cap and
//                                                recall against the exact search (NO_EXACT=1: timing
//                                                only; QUERY_TERMS, RESCORE as TopKCosine's; FINGERPRINT=1
//                                                prints a hash of the symmetrised edges)
//   citegraph-text-bench generate PAPERS FILE   writes "title<TAB>abstract" lines (AbstractGenerator, seed 42)
//   citegraph-text-bench time FILE [REPEATS]    times key-phrase extraction and top-10 cosine
//                                                on the file's papers; prints JSON
//   citegraph-text-bench fingerprint FILE       extraction time and FNV-1a digests of its output
//                                                (terms, CSR vectors with weight bits, top terms)
import AbstractGenerator
import CiteGraphText
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds (user + system) this process has used so far, all threads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(2)
}

/// Writes the CSR arrays raw: row count, column count, nnz, offsets, columns, values.
func writeVectors(_ m: SparseMatrix, to path: String) {
    var data = Data()
    for v in [m.rowCount, m.columnCount, m.nonZeroCount] { withUnsafeBytes(of: Int64(v)) { data.append(contentsOf: $0) } }
    m.offsets.map(Int64.init).withUnsafeBytes { data.append(contentsOf: $0) }
    m.columns.withUnsafeBytes { data.append(contentsOf: $0) }
    m.values.withUnsafeBytes { data.append(contentsOf: $0) }
    if !FileManager.default.createFile(atPath: path, contents: data) { fail("\(path): cannot write") }
}

/// Reads what `writeVectors` wrote; nil when the file is missing.
func readVectors(_ path: String) -> SparseMatrix? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return data.withUnsafeBytes { raw -> SparseMatrix in
        func array<T>(_ type: T.Type, at offset: inout Int, count: Int) -> [T] {
            let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count * MemoryLayout<T>.stride]))
                initialized = count
            }
            offset += count * MemoryLayout<T>.stride
            return result
        }
        var offset = 0
        let header = array(Int64.self, at: &offset, count: 3).map(Int.init)
        let offsets = array(Int64.self, at: &offset, count: header[0] + 1).map(Int.init)
        let columns = array(Int32.self, at: &offset, count: header[2])
        let values = array(Double.self, at: &offset, count: header[2])
        return SparseMatrix(rowCount: header[0], columnCount: header[1], offsets: offsets, columns: columns, values: values)
    }
}

let args = CommandLine.arguments
guard args.count >= 3 else { fail("usage: citegraph-text-bench generate PAPERS FILE | time FILE [REPEATS]") }
switch args[1] {
case "generate":
    guard args.count >= 4, let papers = Int(args[2]) else { fail("usage: citegraph-text-bench generate PAPERS FILE") }
    var out = ""
    out.reserveCapacity(papers * 1100)
    for (title, abstract) in AbstractGenerator(papers: papers).papersText() {
        // One paper per line: a hard line break inside an abstract becomes a space, which
        // both tokenizers treat alike.
        out += title + "\t" + abstract.replacingOccurrences(of: "\n", with: " ") + "\n"
    }
    do { try out.write(toFile: args[3], atomically: true, encoding: .utf8) } catch { fail("\(args[3]): \(error)") }
    print("wrote \(papers) abstracts (\(out.utf8.count / 1_000_000) MB) to \(args[3])")
case "time":
    let repeats = args.count >= 4 ? Int(args[3]) ?? 1 : 1
    guard let text = try? String(contentsOfFile: args[2], encoding: .utf8) else { fail("\(args[2]): cannot read") }
    let documents = text.split(separator: "\n").map { line -> String in
        let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        return KeyPhraseExtractor.document(title: String(parts[0]), abstract: parts.count > 1 ? String(parts[1]) : "")
    }
    let extractor = try KeyPhraseExtractor()
    let search = try TopKCosine(k: 10, threshold: 0.1)
    var model = extractor.extract(documents: [])
    var extractTimes: [Double] = [], topKTimes: [Double] = []
    var edges = 0
    for _ in 0..<repeats {
        extractTimes.append(seconds { model = extractor.extract(documents: documents) })
        topKTimes.append(seconds { edges = search.edges(model.vectors).count })
    }
    let result: [String: Any] = [
        "documents": documents.count, "terms": model.terms.count, "nonzeros": model.vectors.nonZeroCount,
        "extract_seconds": extractTimes.min()!, "topk_seconds": topKTimes.min()!, "edges": edges,
    ]
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(data: json, encoding: .utf8)!)
case "recall":
    // recall FILE CAP...: top-10 cosine with each postings cap against the exact search
    // (no cap): time and recall of the exact neighbour sets.
    // VECTORS=PATH caches the extracted vectors in PATH (read when it exists), so search
    // timings can be repeated without the key-phrase extraction.
    let cache = ProcessInfo.processInfo.environment["VECTORS"]
    let vectors: SparseMatrix
    if let cache, let cached = readVectors(cache) {
        vectors = cached
    } else {
        guard let text = try? String(contentsOfFile: args[2], encoding: .utf8) else { fail("\(args[2]): cannot read") }
        let documents = text.split(separator: "\n").map { line -> String in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return KeyPhraseExtractor.document(title: String(parts[0]), abstract: parts.count > 1 ? String(parts[1]) : "")
        }
        vectors = try KeyPhraseExtractor().extract(documents: documents).vectors
        if let cache { writeVectors(vectors, to: cache) }
    }
    var index = SimilarityIndex(vectors)
    let indexCPU = cpuSeconds()
    let indexTime = seconds { index = SimilarityIndex(vectors) }
    print("index: \(indexTime) s (CPU \(cpuSeconds() - indexCPU) s), \(vectors.rowCount) documents, \(vectors.nonZeroCount) weights")
    var exact = NeighborLists(offsets: [0], documents: [], similarities: [], cappedDocumentCount: 0)
    let skipExact = ProcessInfo.processInfo.environment["NO_EXACT"] != nil  // timing only
    let exactTime = try seconds { if !skipExact { exact = try TopKCosine(k: 10, threshold: 0.05, maxPostings: nil, maxQueryTerms: nil).neighbors(index) } }
    print("exact: \(exactTime) s, \(exact.documents.count) neighbours")
    for cap in args.dropFirst(3).compactMap({ Int($0) }) {
        var lists = exact
        var search = try TopKCosine(k: 10, threshold: 0.05, maxPostings: cap)
        search.maxQueryTerms = ProcessInfo.processInfo.environment["QUERY_TERMS"].flatMap { Int($0) }
        search.rescoringFactor = ProcessInfo.processInfo.environment["RESCORE"].flatMap { Int($0) } ?? 4
        let searchCPU = cpuSeconds()
        let time = seconds { lists = search.neighbors(index) }
        let searchCPUTime = cpuSeconds() - searchCPU
        var found = 0
        for d in 0..<exact.documentCount where !skipExact {
            let truth = Set(exact.documents[exact.offsets[d]..<exact.offsets[d + 1]])
            found += lists.documents[lists.offsets[d]..<lists.offsets[d + 1]].filter { truth.contains($0) }.count
        }
        if ProcessInfo.processInfo.environment["FINGERPRINT"] != nil {
            // FNV-1a over the symmetrised edges (source, target, weight bits): equal
            // fingerprints mean the co-topic edges are identical to the last bit.
            let edges = TopKCosine.edges(from: lists)
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ value: UInt64) {
                for byte in 0..<8 { hash = (hash ^ ((value >> (8 * UInt64(byte))) & 0xff)) &* 0x100_0000_01b3 }
            }
            for i in 0..<edges.count {
                mix(UInt64(UInt32(bitPattern: edges.sources[i])) << 32 | UInt64(UInt32(bitPattern: edges.targets[i])))
                mix(edges.weights[i].bitPattern)
            }
            print("fingerprint cap \(cap): \(edges.count) edges, \(String(hash, radix: 16))")
        }
        print("cap \(cap): \(time) s (CPU \(searchCPUTime) s), recall \(Double(found) / Double(max(1, exact.documents.count))), capped documents \(lists.cappedDocumentCount)")
    }
case "fingerprint":
    // Output identity across changes of the extractor: one digest per part of the model.
    guard let text = try? String(contentsOfFile: args[2], encoding: .utf8) else { fail("\(args[2]): cannot read") }
    let documents = text.split(separator: "\n").map { line -> String in
        let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        return KeyPhraseExtractor.document(title: String(parts[0]), abstract: parts.count > 1 ? String(parts[1]) : "")
    }
    let extractor = try KeyPhraseExtractor()
    var model = extractor.extract(documents: [])
    let time = seconds { model = extractor.extract(documents: documents) }
    struct FNV {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 { for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
        mutating func add(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { add($0) } }
        mutating func add(_ s: String) { add(s.utf8); add(0xff as UInt64) }
    }
    var keys = FNV(), labels = FNV(), stats = FNV(), vectors = FNV(), top = FNV()
    for t in model.terms {
        keys.add(t.key); labels.add(t.label); labels.add(t.acronym ?? "<none>")
        stats.add(UInt64(t.df)); stats.add(UInt64(t.frequency))
    }
    for o in model.vectors.offsets { vectors.add(UInt64(o)) }
    for c in model.vectors.columns { vectors.add(UInt64(UInt32(bitPattern: c))) }
    for v in model.vectors.values { vectors.add(v.bitPattern) }
    for c in model.counts { vectors.add(UInt64(UInt32(bitPattern: c))) }
    for d in 0..<model.documentCount { for e in model.topEntries(ofDocument: d) { top.add(UInt64(e)) }; top.add(UInt64.max) }
    print("extract \(time) s; documents \(model.documentCount), terms \(model.terms.count), nonzeros \(model.vectors.nonZeroCount)")
    print(String(format: "keys %016llx labels %016llx stats %016llx vectors %016llx top %016llx", keys.h, labels.h, stats.h, vectors.h, top.h))
default:
    fail("unknown command \(args[1])")
}
