// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "citegraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "citegraph", targets: ["citegraph"]),
        .library(name: "CiteGraph", targets: ["CiteGraph"]),
        .library(name: "CiteGraphAlgorithms", targets: ["CiteGraphAlgorithms"]),
        .library(name: "CiteGraphText", targets: ["CiteGraphText"]),
        .library(name: "CiteGraphExtract", targets: ["CiteGraphExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "CiteGraphCore"),
        .target(name: "CiteGraphText", dependencies: ["CiteGraphCore", "CPrefetch"]),
        // A header-only module: the CPU's prefetch hint for the hash-table loops of key phrases.
        .systemLibrary(name: "CPrefetch"),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CGraphviz", pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev", "graphviz"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CiteGraphExtract", dependencies: ["CiteGraphCore", "CLibXML2", "CZlib"]),
        .target(
            name: "CiteGraphStore",
            dependencies: [
                "CiteGraphCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        .target(name: "CiteGraphAlgorithms", dependencies: ["CiteGraphCore"]),
        .target(name: "CiteGraphRender", dependencies: ["CiteGraphCore", "CGraphviz"]),
        .target(
            name: "CiteGraph",
            dependencies: [
                "CiteGraphCore", "CiteGraphText", "CiteGraphExtract", "CiteGraphStore",
                "CiteGraphAlgorithms", "CiteGraphRender",
            ],
            resources: [.copy("SampleCorpus")]),
        .executableTarget(
            name: "citegraph",
            dependencies: [
                "CiteGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "CiteGraphCoreTests", dependencies: ["CiteGraphCore"]),
        .testTarget(name: "CiteGraphTextTests", dependencies: ["CiteGraphText"]),
        .testTarget(name: "CiteGraphExtractTests", dependencies: ["CiteGraphExtract"]),
        .testTarget(name: "CiteGraphStoreTests", dependencies: ["CiteGraphStore", "CiteGraphExtract", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CiteGraphAlgorithmsTests", dependencies: ["CiteGraphAlgorithms"]),
        .testTarget(name: "CiteGraphRenderTests", dependencies: ["CiteGraphRender"]),
        .testTarget(name: "CiteGraphTests", dependencies: ["CiteGraph", "citegraph", "CiteGraphAlgorithms", "CiteGraphStore", "CiteGraphCore"]),
    ],
    swiftLanguageModes: [.v6]
)
