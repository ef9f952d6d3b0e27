public import Foundation
public import SyncCore

/// What one backup holds and how it chains to the one before it; written as `backup-NNNNNN-KIND.json` beside its
/// pages file, last of all, so a backup without its manifest is not a backup.
///
/// A full backup stores every page of a consistent snapshot of the store; an incremental stores only the pages whose
/// SHA-256 differs from the previous backup's, plus the snapshot's new page count. Every manifest lists the hash of
/// every page of its snapshot, so the next incremental needs only this file to know what changed, and a restore can
/// check the rebuilt file page by page.
public struct BackupManifest: Codable, Sendable, Hashable {
    /// The version of this layout; a restore refuses others.
    public static let currentFormat = 1

    /// Whether a backup stands alone or builds on the previous one.
    public enum Kind: String, Codable, Sendable, Hashable {
        case full
        case incremental
    }

    /// The link from a backup to the one it builds on.
    public struct Link: Codable, Sendable, Hashable {
        /// The previous manifest's file name.
        public var manifest: String
        /// The SHA-256 of that manifest file's bytes.
        public var sha256: String
    

        package init(manifest: String, sha256: String) {
            self.manifest = manifest
            self.sha256 = sha256
        }
}

    /// What the snapshot holds, read inside the snapshot's own read transaction.
    public struct Coverage: Codable, Sendable, Hashable {
        /// The highest accepted seq of every enrolled device, by device id.
        public var devices: [String: Int64]
        /// The highest seq of the server's own journal.
        public var serverJournalSeq: Int64
        /// The highest seq of the server log (what devices pull).
        public var serverLogSeq: Int64
        /// The highest audit record, when the store has an audit log.
        public var auditSeq: Int64?
        /// The audit chain's head in the snapshot (`admin audit verify --backup-dir` checks the log against the
        /// latest backup's); nil while the log holds no record, and in backups from before it was recorded.
        public var auditHead: AuditHead?
    

        package init(devices: [String: Int64], serverJournalSeq: Int64, serverLogSeq: Int64, auditSeq: Int64? = nil, auditHead: AuditHead? = nil) {
            self.devices = devices
            self.serverJournalSeq = serverJournalSeq
            self.serverLogSeq = serverLogSeq
            self.auditSeq = auditSeq
            self.auditHead = auditHead
        }
}

    /// Pages `first ..< first + count` (1-based page numbers), stored one after another in the pages file.
    public struct PageRun: Codable, Sendable, Hashable {
        public var first: Int
        public var count: Int
    }

    /// The layout version, `currentFormat` when written.
    public var format: Int
    /// The backup's number in its directory: 1, 2, 3 …
    public var number: Int
    public var kind: Kind
    /// When the snapshot was taken, in milliseconds since the epoch.
    public var takenAt: Int64
    /// The same time as ISO 8601 in China Standard Time, for people reading the file.
    public var takenAtText: String
    /// The backup this one builds on; nil for a full backup.
    public var previous: Link?
    /// The database page size in bytes.
    public var pageSize: Int
    /// The snapshot's page count.
    public var pageCount: Int
    /// The SHA-256 of every page of the snapshot, page 1 first.
    public var pageHashes: [String]
    /// The pages stored in `pagesFile`, in the order they are stored.
    public var storedPages: [PageRun]
    /// The file holding the stored pages.
    public var pagesFile: String
    /// The SHA-256 of the pages file.
    public var pagesSHA256: String
    /// The snapshot's `PRAGMA user_version`.
    public var userVersion: Int64
    /// The schema migrations the snapshot had applied, in order.
    public var migrations: [String]
    /// What the snapshot covers.
    public var coverage: Coverage

    /// The manifest's file name for a backup number and kind.
    public static func fileName(number: Int, kind: Kind) -> String {
        "backup-\(paddedNumber(number))-\(kind.rawValue).json"
    }

    /// The pages file's name for a backup number and kind.
    public static func pagesFileName(number: Int, kind: Kind) -> String {
        "backup-\(paddedNumber(number))-\(kind.rawValue).pages"
    }

    /// The manifest's file name.
    public var fileName: String { Self.fileName(number: number, kind: kind) }

    /// The number of pages stored in the pages file.
    public var storedPageCount: Int { storedPages.reduce(0) { $0 + $1.count } }

    /// The manifest as written: pretty, key-sorted JSON.
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    private static func paddedNumber(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    package init(format: Int, number: Int, kind: Kind, takenAt: Int64, takenAtText: String, previous: Link? = nil, pageSize: Int, pageCount: Int, pageHashes: [String], storedPages: [PageRun], pagesFile: String, pagesSHA256: String, userVersion: Int64, migrations: [String], coverage: Coverage) {
        self.format = format
        self.number = number
        self.kind = kind
        self.takenAt = takenAt
        self.takenAtText = takenAtText
        self.previous = previous
        self.pageSize = pageSize
        self.pageCount = pageCount
        self.pageHashes = pageHashes
        self.storedPages = storedPages
        self.pagesFile = pagesFile
        self.pagesSHA256 = pagesSHA256
        self.userVersion = userVersion
        self.migrations = migrations
        self.coverage = coverage
    }
}

extension [BackupManifest.PageRun] {
    /// The runs of consecutive page numbers in `pages` (ascending).
    package init(pages: [Int]) {
        var runs: [BackupManifest.PageRun] = []
        for page in pages {
            if let last = runs.last, last.first + last.count == page {
                runs[runs.count - 1].count += 1
            } else {
                runs.append(BackupManifest.PageRun(first: page, count: 1))
            }
        }
        self = runs
    }
}
