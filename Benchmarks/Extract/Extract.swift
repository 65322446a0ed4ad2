import Benchmark
import CiteGraphExtract
import ExtractInputs
import Foundation

let benchmarks: @Sendable () -> Void = {
    // One input per reader, replicated from the real files in shared/data to
    // $CITEGRAPH_EXTRACT_MB megabytes (default 8), built once outside the timed part.
    let megabytes = Int(ProcessInfo.processInfo.environment["CITEGRAPH_EXTRACT_MB"] ?? "") ?? 8
    func file(_ input: ExtractInput) -> RecordFile {
        // swiftlint:disable:next force_try
        RecordFile(path: input.fileName, bytes: try! input.bytes(size: megabytes * 1_000_000))
    }
    // The reading loops must not allocate more per run than the stored thresholds allow
    // (`swift package benchmark thresholds check`): 1 % of malloc count at p90.
    let config = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
        maxDuration: .seconds(10), maxIterations: 5,
        thresholds: [.mallocCountTotal: BenchmarkThresholds(relative: [.p90: 1.0])])

    func measure(_ name: String, _ inputs: [ExtractInput]) {
        let files = inputs.map { ($0, file($0)) }
        Benchmark("\(name) \(megabytes) MB", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                for (input, file) in files { blackHole(try input.read(file)) }
            }
        }
    }
    measure("Web of Science", [.wos])
    measure("RIS + MEDLINE", [.ris, .medline])
    measure("BibTeX", [.bibtex])
    measure("CSV (Scopus)", [.csv])
    measure("PubMed XML", [.pubmed])
    measure("JATS XML", [.jats])
    measure("arXiv OAI-PMH XML", [.arxivOAI])
    measure("dblp XML", [.dblp])
}
