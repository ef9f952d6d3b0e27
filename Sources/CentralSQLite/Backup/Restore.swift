public import Foundation
public import CentralCore
public import SyncCore

/// Rebuilding a store from a backup directory.
public enum Restore {
    /// What a restore rebuilt.
    public struct Outcome: Sendable {
        /// The backups applied, the full one first.
        public let chain: [BackupManifest]
        /// The file written.
        public let path: String
        /// The restored store's new generation (DESIGN.md §6), so devices rewind to what it holds; nil for a store
        /// from before generations, which gets one when the server first opens it.
        public let generation: String?
    }

    /// Rebuilds into the new file `destination` the last backup in `directory` taken at or before `until` (the last
    /// backup when nil): its full backup, then each incremental in order, checking every manifest's hash against the
    /// link the next one recorded, every pages file against its manifest, and the rebuilt file page by page against
    /// the last manifest. The rebuilt store then gets a new generation: devices that synced after the backup see
    /// that its log is another one and pull it again, and push again from what it acknowledged. The file appears
    /// only once it is whole; an existing file is never overwritten.
    /// - Throws: `restore_target_exists`, `no_backups`, `no_backup_before`, `backup_link_missing`,
    ///   `backup_link_altered`, `backup_pages_altered`, `backup_rebuild_mismatch`, `backup_manifest_unreadable`.
    @discardableResult
    public static func run(from directory: URL, until: Int64? = nil, to destination: String) throws -> Outcome {
        let destinationURL = URL(fileURLWithPath: destination)
        guard !FileManager.default.fileExists(atPath: destination) else { throw BackupError.destinationExists(destination) }
        let backups = BackupDirectory(url: directory)
        let chain = try backups.chain(endingAt: try backups.target(until: until)).map(\.manifest)
        let target = chain[chain.count - 1]

        let folder = destinationURL.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw BackupError.fileSystem(operation: "mkdir", path: folder.path, reason: "\(error.localizedDescription)")
        }
        let temporary = DurableFiles.temporaryURL(in: folder, for: destinationURL.lastPathComponent)
        defer { try? FileManager.default.removeItem(at: temporary) }
        try DurableFiles.createPrivate(temporary)
        let output = try FileHandle(forUpdating: temporary)
        do {
            for manifest in chain { try apply(manifest, from: backups, to: output) }
            try output.truncate(atOffset: UInt64(target.pageCount * target.pageSize))
            try output.close()
        } catch {
            try? output.close()
            throw error
        }
        let rebuilt = try PageHashes.of(temporary, pageSize: target.pageSize)
        if let page = zip(rebuilt, target.pageHashes).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            throw BackupError.rebuildMismatch(target.fileName, page: page + 1)
        }
        guard rebuilt.count == target.pageCount else {
            throw BackupError.rebuildMismatch(target.fileName, page: min(rebuilt.count, target.pageCount) + 1)
        }
        let generation = try renewGeneration(ofStoreAt: temporary.path)
        try DurableFiles.publishNew(temporary, as: destinationURL)
        return Outcome(chain: chain, path: destination, generation: generation)
    }

    /// Gives the rebuilt store at `path` a new generation; the connection closes (checkpointing and removing its
    /// write-ahead log) before the file is published.
    private static func renewGeneration(ofStoreAt path: String) throws -> String? {
        let database = try Database(path: path, create: false)
        return try StoreGeneration.renew(in: database)
    }

    /// Writes the pages one backup stored at their places in `output`, checking the pages file's hash.
    private static func apply(_ manifest: BackupManifest, from backups: BackupDirectory, to output: FileHandle) throws {
        let pagesURL = try backups.file(manifest.pagesFile, namedBy: manifest.fileName)
        guard let input = try? FileHandle(forReadingFrom: pagesURL) else {
            throw BackupError.pagesAltered(manifest.fileName, pagesFile: manifest.pagesFile)
        }
        defer { try? input.close() }
        var digest = StreamingSHA256()
        for run in manifest.storedPages {
            for number in run.first ..< run.first + run.count {
                guard let page = try input.read(upToCount: manifest.pageSize), page.count == manifest.pageSize else {
                    throw BackupError.pagesAltered(manifest.fileName, pagesFile: manifest.pagesFile)
                }
                digest.update(page)
                try output.seek(toOffset: UInt64((number - 1) * manifest.pageSize))
                try output.write(contentsOf: page)
            }
        }
        let trailing = try input.read(upToCount: 1) ?? Data()
        guard trailing.isEmpty, digest.finalize() == manifest.pagesSHA256 else {
            throw BackupError.pagesAltered(manifest.fileName, pagesFile: manifest.pagesFile)
        }
    }
}
