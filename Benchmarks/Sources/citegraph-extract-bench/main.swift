// citegraph-extract-bench: the measuring side of extract_throughput.sh.
//   citegraph-extract-bench prepare DIR [MB] [FORMAT…]  writes one input per reader (default 100 MB each;
//                                                   all readers, or the FORMATs named)
//   citegraph-extract-bench time DIR [REPEATS] [FORMAT…]  reads each input REPEATS times (default 3) and
//                                                   prints MB/s and records/s of the best run
//   citegraph-extract-bench stream DIR [REPEATS] [FORMAT…]  the same, streamed from disk as ingest reads
//   citegraph-extract-bench digest DIR [FORMAT…]   prints a digest of each reader's records and rejects
//                                                   (to check that a faster reader gives the same output)
//   citegraph-extract-bench dump DIR [FORMAT…]     prints each record and reject on a line of its own
import CiteGraphExtract
import ExtractInputs
import Foundation

/// CPU time of this process in seconds (less disturbed than wall clock by other jobs).
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    fail("usage: citegraph-extract-bench prepare DIR [MB] [FORMAT...] | time|stream DIR [REPEATS] [FORMAT...] | digest DIR [FORMAT...]")
}
let directory = URL(fileURLWithPath: args[2])
switch args[1] {
case "prepare":
    let megabytes = args.count >= 4 ? Int(args[3]) ?? 100 : 100
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let only = Set(args.dropFirst(4))
    for input in ExtractInput.allCases where only.isEmpty || only.contains(input.rawValue) {
        let bytes = try input.bytes(size: megabytes * 1_000_000)
        try Data(bytes).write(to: directory.appendingPathComponent(input.fileName))
        print("wrote \(input.fileName): \(bytes.count) bytes")
    }
case "time", "stream":
    // `time` reads the file loaded in memory (RecordFile, Extractor's whole-file readers);
    // `stream` reads it as ingest does (StreamedRecordFile, Extractor.stream in chunks of
    // 10,000 records from the file on disk, page-cached after the digest pass).
    let streamed = args[1] == "stream"
    let repeats = args.count >= 4 ? max(1, Int(args[3]) ?? 3) : 3
    let only = Set(args.dropFirst(4))
    print("reader               file              MB   best s    MB/s  CPU MB/s   records/s    records  rejects  bar")
    for input in ExtractInput.allCases where only.isEmpty || only.contains(input.rawValue) {
        let path = directory.appendingPathComponent(input.fileName).path
        guard FileManager.default.fileExists(atPath: path) else { continue }
        // Streamed, the file is never in memory whole (so that its peak RSS can be measured).
        let file = streamed ? nil : try RecordFile(path: path)
        let streamedFile = streamed ? try StreamedRecordFile.open(path: path) : nil
        var best = Double.infinity
        var bestCPU = Double.infinity
        var counts = (records: 0, rejects: 0)
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            let startCPU = cpuSeconds()
            if let streamedFile {
                var seen = (records: 0, rejects: 0)
                try Extractor.stream(streamedFile) { chunk in
                    seen.records += chunk.records.count
                    seen.rejects += chunk.rejects.count
                }
                counts = seen
            } else if let file {
                let result = try input.read(file)
                counts = (result.records.count, result.rejects.count)
            }
            bestCPU = min(bestCPU, cpuSeconds() - startCPU)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let megabytes = Double(file?.bytes.count ?? size) / 1e6
        let rate = megabytes / best
        let bar = input.barMBPerSecond.map { rate >= $0 ? "≥ \(Int($0)) ok" : "< \(Int($0)) BELOW" } ?? "-"
        print(
            input.readerName.padding(toLength: 20, withPad: " ", startingAt: 0) + " "
                + input.fileName.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: " %6.1f %8.3f %7.1f %9.1f %11.0f %10d %8d  %@", megabytes, best, rate, megabytes / bestCPU,
                         Double(counts.records) / best, counts.records, counts.rejects, bar))
    }
case "digest":
    let only = Set(args.dropFirst(3))
    for input in ExtractInput.allCases where only.isEmpty || only.contains(input.rawValue) {
        let path = directory.appendingPathComponent(input.fileName).path
        guard FileManager.default.fileExists(atPath: path) else { continue }
        let result = try input.read(try RecordFile(path: path))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for b in text.utf8 { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        for record in result.records { mix(String(describing: record)) }
        for reject in result.rejects { mix(String(describing: reject)) }
        print("\(input.rawValue) records \(result.records.count) rejects \(result.rejects.count) digest \(String(hash, radix: 16))")
    }
case "dump":
    // One line per record and reject, to find where two builds differ.
    let only = Set(args.dropFirst(3))
    for input in ExtractInput.allCases where only.isEmpty || only.contains(input.rawValue) {
        let path = directory.appendingPathComponent(input.fileName).path
        guard FileManager.default.fileExists(atPath: path) else { continue }
        let result = try input.read(try RecordFile(path: path))
        for record in result.records { print(String(describing: record)) }
        for reject in result.rejects { print(String(describing: reject)) }
    }
default:
    fail("unknown command \(args[1])")
}
