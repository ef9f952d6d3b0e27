public import Foundation
public import CentralCore
public import SyncCore

/// Taking backups of the central store into a backup directory.
public enum Backup {
    /// Takes a consistent snapshot of the store at `databasePath` while it may be in use, and writes it to
    /// `directory` as backup number n + 1: full when the directory has no backup yet, when `full` is asked for, or
    /// when the page size changed; otherwise incremental on the latest backup, storing only the pages that changed.
    ///
    /// The pages file and then the manifest are each written under a temporary name, flushed and renamed, so a crash
    /// at any point never leaves a backup that looks complete.
    /// - Parameter takenAt: the time recorded as the snapshot's; now by default.
    /// - Returns: the new backup's manifest.
    @discardableResult
    public static func take(
        of databasePath: String, into directory: URL, full: Bool = false, takenAt: Int64 = BusinessTime.now()
    ) throws -> BackupManifest {
        let backups = BackupDirectory(url: directory)
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: DurableFiles.directoryMode]
            )
        } catch {
            throw BackupError.fileSystem(operation: "mkdir", path: directory.path, reason: "\(error.localizedDescription)")
        }
        let names = try backups.manifestNames()
        let previous: BackupDirectory.Entry?
        if full || names.isEmpty {
            previous = nil
        } else {
            do { previous = try backups.entry(named: names[names.count - 1]) } catch {
                throw BackupError.previousUnusable(names[names.count - 1])
            }
        }
        let snapshotURL = DurableFiles.temporaryURL(in: directory, for: "snapshot.sqlite")
        defer {
            try? FileManager.default.removeItem(at: snapshotURL)
            try? FileManager.default.removeItem(atPath: snapshotURL.path + "-journal")
        }
        let snapshot = try SQLiteSnapshot.take(of: databasePath, into: snapshotURL)
        let base = previous.flatMap { $0.manifest.pageSize == snapshot.pageSize ? $0 : nil }
        let kind: BackupManifest.Kind = base == nil ? .full : .incremental
        let number = (names.compactMap(Self.number(of:)).max() ?? 0) + 1

        let pagesName = BackupManifest.pagesFileName(number: number, kind: kind)
        let pagesTemporary = DurableFiles.temporaryURL(in: directory, for: pagesName)
        defer { try? FileManager.default.removeItem(at: pagesTemporary) }
        let written = try writePages(of: snapshot, changedSince: base?.manifest, to: pagesTemporary)
        try DurableFiles.publish(pagesTemporary, as: directory.appendingPathComponent(pagesName))

        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, number: number, kind: kind, takenAt: takenAt,
            takenAtText: BusinessTime.iso(takenAt),
            previous: base.map { BackupManifest.Link(manifest: $0.manifest.fileName, sha256: $0.sha256) },
            pageSize: snapshot.pageSize, pageCount: snapshot.pageCount, pageHashes: written.pageHashes,
            storedPages: written.storedPages, pagesFile: pagesName, pagesSHA256: written.sha256,
            userVersion: snapshot.userVersion, migrations: snapshot.migrations, coverage: snapshot.coverage
        )
        try DurableFiles.write(try manifest.encoded(), to: directory.appendingPathComponent(manifest.fileName))
        return manifest
    }

    /// Hashes every page of the snapshot and writes those that differ from `previous` (all when nil) to `url`.
    private static func writePages(
        of snapshot: SQLiteSnapshot, changedSince previous: BackupManifest?, to url: URL
    ) throws -> (pageHashes: [String], storedPages: [BackupManifest.PageRun], sha256: String) {
        try DurableFiles.createPrivate(url)
        let output = try FileHandle(forWritingTo: url)
        defer { try? output.close() }
        var hashes: [String] = []
        var stored: [Int] = []
        var digest = StreamingSHA256()
        try PageHashes.forEachPage(of: snapshot.url, pageSize: snapshot.pageSize) { number, page in
            let hash = SHA256Hex.of(page)
            hashes.append(hash)
            if let previous, number <= previous.pageHashes.count, previous.pageHashes[number - 1] == hash { return }
            try output.write(contentsOf: page)
            digest.update(page)
            stored.append(number)
        }
        return (hashes, [BackupManifest.PageRun](pages: stored), digest.finalize())
    }

    /// The backup number in a manifest's file name `backup-NNNNNN-KIND.json`.
    static func number(of name: String) -> Int? {
        let parts = name.split(separator: "-")
        return parts.count == 3 ? Int(parts[1]) : nil
    }
}
