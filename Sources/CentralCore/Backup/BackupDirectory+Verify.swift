public import Foundation
public import SyncCore

extension BackupDirectory {
    /// The finding on one backup of the directory.
    public struct Finding: Sendable {
        /// The manifest's file name.
        public let name: String
        /// When the backup was taken, when its manifest could be read.
        public let takenAt: Int64?
        /// Why it cannot be restored; nil when it and every backup it builds on check out.
        public let problem: TraceSyncError?
    }

    /// Checks every backup: its manifest is readable, its pages file matches the manifest's hash, and the chain back
    /// to its full backup is whole and unaltered. Reads each pages file once.
    public func verify() throws -> [Finding] {
        var pagesChecked: [String: TraceSyncError?] = [:]
        return try manifestNames().map { name in
            do {
                let entry = try entry(named: name)
                for link in try chain(endingAt: entry).map(\.manifest) {
                    if pagesChecked[link.fileName] == nil { pagesChecked[link.fileName] = checkPages(of: link) }
                    if let problem = pagesChecked[link.fileName] ?? nil { throw problem }
                }
                return Finding(name: name, takenAt: entry.manifest.takenAt, problem: nil)
            } catch let problem as TraceSyncError {
                return Finding(name: name, takenAt: try? self.entry(named: name).manifest.takenAt, problem: problem)
            }
        }
    }

    /// Whether a pages file is whole and matches its manifest.
    private func checkPages(of manifest: BackupManifest) -> TraceSyncError? {
        let altered = BackupError.pagesAltered(manifest.fileName, pagesFile: manifest.pagesFile)
        guard let pagesURL = try? file(manifest.pagesFile, namedBy: manifest.fileName),
              let input = try? FileHandle(forReadingFrom: pagesURL)
        else {
            return altered
        }
        defer { try? input.close() }
        var digest = StreamingSHA256()
        var size = 0
        while let chunk = try? input.read(upToCount: 1 << 20), !chunk.isEmpty {
            digest.update(chunk)
            size += chunk.count
        }
        let whole = size == manifest.storedPageCount * manifest.pageSize
        return whole && digest.finalize() == manifest.pagesSHA256 ? nil : altered
    }
}
