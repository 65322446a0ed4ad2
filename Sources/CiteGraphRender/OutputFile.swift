import Foundation

/// Whole-file output shared by the writers.
public enum OutputFile {
    /// Writes `bytes` to `path` atomically (a temporary file renamed into place), so a
    /// reader never sees half a file.
    /// - Throws: `RenderError.writeFailed` naming `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RenderError.writeFailed(path: path, message: (error as NSError).localizedDescription)
        }
    }
}
