import ArgumentParser
import CiteGraph
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts of papers, sources, authors, references, rejects and edges by graph kind.",
        discussion: """
            Example:
              citegraph stats --json | python3 -m json.tool
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON: papers, cited_only, authors, references, resolved_references, rejects, edges{kind: count}, …")
    var json = false

    func run() throws {
        let stats = try store.pipeline().stats()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
            return
        }
        print("papers               \(stats.papers)")
        print("cited-only works     \(stats.citedOnly)")
        print("source records       \(stats.sources) from \(stats.files) file(s)")
        print("authors              \(stats.authors)")
        print("references           \(stats.references) (\(stats.resolvedReferences) resolved to corpus papers)")
        print("rejected records     \(stats.rejects)")
        print("terms                \(stats.terms)")
        for (kind, count) in stats.edges.sorted(by: { $0.key < $1.key }) {
            print("edges \(kind.padding(toLength: 15, withPad: " ", startingAt: 0))\(count)")
        }
    }
}
