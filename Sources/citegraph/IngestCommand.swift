import ArgumentParser
import CiteGraph
import CiteGraphExtract

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read record files into the store, de-duplicated, with provenance.",
        discussion: """
            Formats are recognised from content; --format overrides. Files already ingested
            (same content) are skipped. Malformed records go to the `rejects` table and are
            counted; with --strict any malformed record fails its file and nothing is stored.
            If any file cannot be read at all, nothing is stored.

            Formats: \(RecordFormat.allCases.map { "\($0.rawValue) — \($0.summary)" }.joined(separator: "; "))

            Example:
              citegraph ingest pages/*.txt --db corpus.sqlite
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Record files to read.")
    var files: [String]

    @Option(help: "Reader to use instead of sniffing the content.")
    var format: RecordFormat?

    @Flag(help: "Fail a file on its first malformed record; nothing from it is stored.")
    var strict = false

    func run() throws {
        let pipeline = try store.pipeline()
        let summaries = try pipeline.ingest(paths: files, format: format, strict: strict)
        for s in summaries {
            let merged = s.mergedByRule.sorted { $0.key < $1.key }.map { "\($0.value) by \($0.key)" }.joined(separator: ", ")
            if s.alreadyIngested {
                print("\(s.path): already ingested, nothing changed")
            } else {
                print("\(s.path): \(s.format), \(s.records) records, \(s.newPapers) new papers" + (merged.isEmpty ? "" : ", merged \(merged)")
                    + (s.rejects > 0 ? ", \(s.rejects) rejected (see the rejects table)" : ""))
            }
        }
    }
}
