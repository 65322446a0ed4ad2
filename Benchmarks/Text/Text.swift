import AbstractGenerator
import Benchmark
import CiteGraphText

let benchmarks: @Sendable () -> Void = {
    // 100k generated abstracts (~1 KB each, seed 42); text and model built once, outside
    // the timed part.
    let documents = AbstractGenerator(papers: 100_000).documents()
    // swiftlint:disable:next force_try
    let model = try! KeyPhraseExtractor().extract(documents: documents)
    // Hot loops must not start allocating: `swift package benchmark thresholds check` fails
    // when malloc count at p90 moves by more than 1 % from the stored thresholds.
    let config = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(30), maxIterations: 5,
        thresholds: [.mallocCountTotal: BenchmarkThresholds(relative: [.p90: 1.0])])

    Benchmark("Key-phrase extraction 100k abstracts", configuration: config) { benchmark in
        let extractor = try KeyPhraseExtractor()
        for _ in benchmark.scaledIterations {
            blackHole(extractor.extract(documents: documents))
        }
    }
    Benchmark("Top-10 cosine 100k abstracts", configuration: config) { benchmark in
        let search = try TopKCosine(k: 10, threshold: 0.1)
        for _ in benchmark.scaledIterations {
            blackHole(search.edges(model.vectors))
        }
    }
    Benchmark("Top terms per document 100k abstracts", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            for d in 0..<model.documentCount { blackHole(model.topTerms(ofDocument: d, limit: 10)) }
        }
    }
}
