// swift-tools-version: 6.1
// Benchmarks for citegraph, kept out of the main package so that users never build
// package-benchmark. Run: `swift package benchmark` here; peer comparisons: ./peer_compare.sh
// (graph algorithms vs igraph) and ./cotopic_peer_compare.sh (text vs scikit-learn);
// reader throughput: ./extract_throughput.sh.
import PackageDescription

let package = Package(
    name: "citegraph-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "citegraph", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "CitationGraphGenerator",
            dependencies: [.product(name: "CiteGraphAlgorithms", package: "citegraph")]),
        .executableTarget(
            name: "citegraph-bench",
            dependencies: ["CitationGraphGenerator", .product(name: "CiteGraphAlgorithms", package: "citegraph")]),
        .target(name: "AbstractGenerator"),
        .executableTarget(
            name: "citegraph-text-bench",
            dependencies: ["AbstractGenerator", .product(name: "CiteGraphText", package: "citegraph")]),
        .executableTarget(
            name: "Text",
            dependencies: [
                "AbstractGenerator",
                .product(name: "CiteGraphText", package: "citegraph"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Text",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .target(
            name: "ExtractInputs",
            dependencies: [.product(name: "CiteGraphExtract", package: "citegraph")]),
        .executableTarget(
            name: "citegraph-extract-bench",
            dependencies: ["ExtractInputs", .product(name: "CiteGraphExtract", package: "citegraph")]),
        .executableTarget(
            name: "Extract",
            dependencies: [
                "ExtractInputs",
                .product(name: "CiteGraphExtract", package: "citegraph"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Extract",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Algorithms",
            dependencies: [
                "CitationGraphGenerator",
                .product(name: "CiteGraphAlgorithms", package: "citegraph"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Algorithms",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ],
    swiftLanguageModes: [.v6]
)
