public import Foundation
public import SyncCore

/// A directory of backups: the complete ones are those whose manifest was written, numbered 1, 2, 3 …
public struct BackupDirectory: Sendable {
    /// A manifest as found on disk, with the SHA-256 of its bytes (what the next backup links to).
    public struct Entry: Sendable {
        public let manifest: BackupManifest
        public let sha256: String
    }

    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The manifest file names present, in backup order; temporary and foreign files are ignored.
    public func manifestNames() throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasPrefix("backup-") && $0.hasSuffix(".json") }
            .sorted()
    }

    /// Reads one manifest and hashes its bytes; every file it names must be a file of this directory.
    /// - Throws: `backup_manifest_unreadable` when it cannot be read or is of another format; `backup_path_outside`
    ///   when it names its pages file or previous backup by a path that leaves the directory or by a symbolic link.
    public func entry(named name: String) throws -> Entry {
        guard let data = FileManager.default.contents(atPath: try file(name, namedBy: name).path),
              let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data),
              manifest.format == BackupManifest.currentFormat, manifest.fileName == name
        else { throw BackupError.manifestUnreadable(name) }
        _ = try file(manifest.pagesFile, namedBy: name)
        if let previous = manifest.previous { _ = try file(previous.manifest, namedBy: name) }
        return Entry(manifest: manifest, sha256: SHA256Hex.of(data))
    }

    /// The file `name` of this directory, as a manifest (`manifestName`) names it: only a plain file name — no
    /// directory part, not `.` or `..` — of a file that, if present, is no symbolic link, so no manifest reaches
    /// outside the directory.
    /// - Throws: `backup_path_outside` naming the manifest and the path.
    package func file(_ name: String, namedBy manifestName: String) throws -> URL {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\0") else {
            throw BackupError.pathOutside(manifestName, path: name)
        }
        let file = url.appendingPathComponent(name)
        let type = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.type] as? FileAttributeType
        guard type != .typeSymbolicLink else { throw BackupError.pathOutside(manifestName, path: name) }
        return file
    }

    /// The last complete backup, if any.
    public func latest() throws -> Entry? {
        try manifestNames().last.map(entry(named:))
    }

    /// The chain that rebuilds backup `target`: its full backup first, each link checked against the hash the next
    /// backup recorded for it.
    /// - Throws: `backup_link_missing` or `backup_link_altered` naming the link, `backup_manifest_unreadable`.
    public func chain(endingAt target: Entry) throws -> [Entry] {
        var chain = [target]
        while let link = chain[0].manifest.previous {
            guard FileManager.default.fileExists(atPath: try file(link.manifest, namedBy: chain[0].manifest.fileName).path) else {
                throw BackupError.linkMissing(chain[0].manifest.fileName, previous: link.manifest)
            }
            let previous = try entry(named: link.manifest)
            guard previous.sha256 == link.sha256 else {
                throw BackupError.linkAltered(chain[0].manifest.fileName, previous: link.manifest)
            }
            chain.insert(previous, at: 0)
        }
        return chain
    }

    /// The last backup taken at or before `until` (every backup when nil).
    /// - Throws: `no_backups`; `no_backup_before` naming the oldest backup's time.
    public func target(until: Int64?) throws -> Entry {
        let names = try manifestNames()
        guard !names.isEmpty else { throw BackupError.noBackups(url.path) }
        // Backups are numbered in the order they were taken, so the search walks back from the newest.
        for name in names.reversed() {
            let candidate = try entry(named: name)
            if until.map({ candidate.manifest.takenAt <= $0 }) ?? true { return candidate }
        }
        let oldest = try entry(named: names[0]).manifest.takenAt
        throw BackupError.noBackupThatOld(until: BusinessTime.display(until ?? 0) + " UTC+8",
                                           oldest: BusinessTime.display(oldest) + " UTC+8")
    }
}
