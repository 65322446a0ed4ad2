import Benchmark
import CitationGraphGenerator
import CiteGraphAlgorithms
import CiteGraphCore

let benchmarks: @Sendable () -> Void = {
    // 100k papers, ~1M citations; generated once, outside the timed part.
    let generator = CitationGraphGenerator(nodes: 100_000, edges: 1_000_000)
    let directed = generator.directed()
    let undirected = generator.undirected()
    // Hot loops must not start allocating: `swift package benchmark thresholds check` fails
    // when malloc count at p90 moves by more than 1 % from the stored thresholds.
    let config = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(20), maxIterations: 10,
        thresholds: [.mallocCountTotal: BenchmarkThresholds(relative: [.p90: 1.0])])

    Benchmark("PageRank 100k/1M", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try PageRank().run(on: directed))
        }
    }
    Benchmark("Leiden modularity 100k/1M", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Leiden(seed: 1).run(on: undirected))
        }
    }
    Benchmark("Louvain modularity 100k/1M", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Louvain(seed: 1).run(on: undirected))
        }
    }
    Benchmark("Components + k-core 100k/1M", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Components.stronglyConnected(directed))
            blackHole(KCore.coreNumbers(of: undirected))
        }
    }
}
