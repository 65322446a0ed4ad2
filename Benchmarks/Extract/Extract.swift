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
        // No spaces in names: `thresholds check` looks the stored files up by the raw name.
        Benchmark("\(name)_\(megabytes)MB", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                for (input, file) in files { blackHole(try input.read(file)) }
            }
        }
    }
    measure("WebOfScience", [.wos])
    measure("RIS+MEDLINE", [.ris, .medline])
    measure("BibTeX", [.bibtex])
    measure("CSV_Scopus", [.csv])
    measure("PubMed_XML", [.pubmed])
    measure("JATS_XML", [.jats])
    measure("arXiv_OAI-PMH_XML", [.arxivOAI])
    measure("dblp_XML", [.dblp])
}
