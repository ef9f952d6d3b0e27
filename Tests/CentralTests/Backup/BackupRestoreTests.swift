import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite
import Testing

/// Full and incremental backups of a central store, restored to a point in time, and the refusals of a damaged chain.
@Suite struct BackupRestoreTests {
    typealias S = MergeSamples

    /// Three backups: a full one, then two incrementals with a receipt pushed before each.
    struct Chain {
        let directory: URL
        let takenAt: [Int64]
        /// `(device, seq, hash)` of every stored entry at each backup.
        let entriesAt: [[String]]
        let manifests: [BackupManifest]
    }

    static let firstBackupAt = S.receivedAt + S.hour

    static func chainOfThree(_ harness: CentralHarness, in directory: URL) throws -> Chain {
        var journal = try harness.enroll("一号机", author: "符永清")
        var entriesAt: [[String]] = []
        var manifests: [BackupManifest] = []
        var takenAt: [Int64] = []
        for backup in 0..<3 {
            for serial in (backup * 3 + 1)...(backup * 3 + 3) {
                try journal.append(S.receipt(S.code(serial)), id: "r\(serial)", at: marketMorning + Int64(serial))
            }
            try harness.push(journal)
            let at = firstBackupAt + Int64(backup) * S.hour
            manifests.append(try Backup.take(of: harness.store.database.path, into: directory, takenAt: at))
            entriesAt.append(try storedEntries(harness.store.database))
            takenAt.append(at)
        }
        return Chain(directory: directory, takenAt: takenAt, entriesAt: entriesAt, manifests: manifests)
    }

    static func storedEntries(_ database: Database) throws -> [String] {
        try database.query("SELECT device_id, seq, hash FROM entries ORDER BY device_id, seq").map {
            "\($0.string("device_id")!) \($0.int("seq")!) \($0.string("hash")!)"
        }
    }

    @Test func theFirstBackupIsFullAndTheNextOnesStoreOnlyTheChangedPages() throws {
        try CentralHarness.with { harness in
            let chain = try Self.chainOfThree(harness, in: URL(fileURLWithPath: harness.store.database.path + "-backups"))
            #expect(chain.manifests.map(\.kind) == [.full, .incremental, .incremental])
            #expect(chain.manifests[0].storedPageCount == chain.manifests[0].pageCount)
            #expect(chain.manifests[1].storedPageCount < chain.manifests[1].pageCount)
            #expect(chain.manifests[1].previous?.manifest == "backup-000001-full.json")
            #expect(chain.manifests[2].previous?.manifest == "backup-000002-incremental.json")
            #expect(chain.manifests[2].coverage.devices.values.first == 9)
            #expect(chain.manifests[2].migrations.contains("v1-central"))
        }
    }

    @Test func anIncrementalChainRestoredToTheSecondPointHoldsExactlyWhatTheSecondHeld() throws {
        try CentralHarness.with { harness in
            let chain = try Self.chainOfThree(harness, in: URL(fileURLWithPath: harness.store.database.path + "-backups"))
            let restored = harness.store.database.path + "-restored.sqlite"
            // The second backup's time plus 30 minutes, written as an operator would, in UTC+8.
            let until = BusinessTime.display(chain.takenAt[1] + S.hour / 2).replacingOccurrences(of: " ", with: "T")
            let outcome = try Restore.run(from: chain.directory, until: try BusinessTime.parse(until), to: restored)

            #expect(outcome.chain.map(\.fileName) == ["backup-000001-full.json", "backup-000002-incremental.json"])
            let database = try Database(path: restored, create: false)
            #expect(try Self.storedEntries(database) == chain.entriesAt[1])
            #expect(try Self.storedEntries(database).count == 6)
            #expect(try database.query("PRAGMA integrity_check").first?.string("integrity_check") == "ok")
        }
    }

    @Test func theLatestBackupIsRestoredWithoutUntilAndAnISOTimeWithOffsetIsRead() throws {
        try CentralHarness.with { harness in
            let chain = try Self.chainOfThree(harness, in: URL(fileURLWithPath: harness.store.database.path + "-backups"))
            let latest = harness.store.database.path + "-latest.sqlite"
            try Restore.run(from: chain.directory, to: latest)
            #expect(try Self.storedEntries(Database(path: latest, create: false)) == chain.entriesAt[2])

            let first = harness.store.database.path + "-first.sqlite"
            let iso = BusinessTime.iso(chain.takenAt[0])
            try Restore.run(from: chain.directory, until: try BusinessTime.parse(iso), to: first)
            #expect(try Self.storedEntries(Database(path: first, create: false)) == chain.entriesAt[0])
        }
    }

    @Test func aTimeBeforeEveryBackupIsRefusedNamingTheOldest() throws {
        try CentralHarness.with { harness in
            let chain = try Self.chainOfThree(harness, in: URL(fileURLWithPath: harness.store.database.path + "-backups"))
            let error = #expect(throws: TraceSyncError.self) {
                try Restore.run(from: chain.directory, until: chain.takenAt[0] - 1, to: harness.store.database.path + "-r")
            }
            #expect(error?.code == .noBackupBefore)
            #expect(error?.message.en.contains(BusinessTime.display(chain.takenAt[0])) == true)
            #expect(!FileManager.default.fileExists(atPath: harness.store.database.path + "-r"))
        }
    }

    @Test func restoreNeverOverwritesAFile() throws {
        try CentralHarness.with { harness in
            let chain = try Self.chainOfThree(harness, in: URL(fileURLWithPath: harness.store.database.path + "-backups"))
            let error = #expect(throws: TraceSyncError.self) {
                try Restore.run(from: chain.directory, to: harness.store.database.path)
            }
            #expect(error?.code == .restoreTargetExists)
            #expect(try Self.storedEntries(harness.store.database) == chain.entriesAt[2])
        }
    }

    @Test func aTamperedIncrementalIsRefusedAndNamed() throws {
        try CentralHarness.with { harness in
            let chain = try Self.chainOfThree(harness, in: URL(fileURLWithPath: harness.store.database.path + "-backups"))
            let pages = chain.directory.appendingPathComponent("backup-000002-incremental.pages")
            var bytes = try Data(contentsOf: pages)
            bytes[bytes.count / 2] ^= 0xff
            try bytes.write(to: pages)

            let target = harness.store.database.path + "-restored.sqlite"
            let error = #expect(throws: TraceSyncError.self) { try Restore.run(from: chain.directory, to: target) }
            #expect(error?.code == .backupPagesAltered)
            #expect(error?.message.en.contains("backup-000002-incremental") == true)
            #expect(!FileManager.default.fileExists(atPath: target))
            // The backup before the damaged one still restores.
            try Restore.run(from: chain.directory, until: chain.takenAt[0], to: target)
            let findings = try BackupDirectory(url: chain.directory).verify()
            #expect(findings.map { $0.problem?.code } == [nil, .backupPagesAltered, .backupPagesAltered])
        }
    }

    @Test func anAlteredOrMissingLinkIsNamed() throws {
        try CentralHarness.with { harness in
            let chain = try Self.chainOfThree(harness, in: URL(fileURLWithPath: harness.store.database.path + "-backups"))
            let second = chain.directory.appendingPathComponent("backup-000002-incremental.json")
            let text = try String(contentsOf: second, encoding: .utf8)
            try text.replacingOccurrences(of: "\"number\" : 2", with: "\"number\" : 2 ").write(to: second, atomically: true, encoding: .utf8)

            let altered = #expect(throws: TraceSyncError.self) {
                try Restore.run(from: chain.directory, to: harness.store.database.path + "-a")
            }
            #expect(altered?.code == .backupLinkAltered)
            #expect(altered?.message.en.contains("backup-000002-incremental.json") == true)

            try FileManager.default.removeItem(at: second)
            let missing = #expect(throws: TraceSyncError.self) {
                try Restore.run(from: chain.directory, to: harness.store.database.path + "-m")
            }
            #expect(missing?.code == .backupLinkMissing)
            #expect(missing?.message.en.contains("backup-000002-incremental.json") == true)
        }
    }

    @Test func aBackupInterruptedBeforeItsManifestDoesNotCount() throws {
        try CentralHarness.with { harness in
            let directory = URL(fileURLWithPath: harness.store.database.path + "-backups")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // What a crash leaves: a data file renamed into place, a temporary manifest, no manifest.
            try Data(repeating: 7, count: 4096).write(to: directory.appendingPathComponent("backup-000001-full.pages"))
            try Data("{".utf8).write(to: directory.appendingPathComponent(".backup-000001-full.json.tmp-x"))
            #expect(try BackupDirectory(url: directory).manifestNames().isEmpty)

            let manifest = try Backup.take(of: harness.store.database.path, into: directory)
            #expect(manifest.kind == .full)
            #expect(manifest.number == 1)
            try Restore.run(from: directory, to: harness.store.database.path + "-restored.sqlite")
        }
    }

    @Test func fullStartsANewChainThatRestoresAlone() throws {
        try CentralHarness.with { harness in
            let chain = try Self.chainOfThree(harness, in: URL(fileURLWithPath: harness.store.database.path + "-backups"))
            let full = try Backup.take(of: harness.store.database.path, into: chain.directory, full: true,
                                       takenAt: chain.takenAt[2] + S.hour)
            #expect(full.kind == .full)
            #expect(full.previous == nil)
            try FileManager.default.removeItem(at: chain.directory.appendingPathComponent("backup-000002-incremental.json"))
            let outcome = try Restore.run(from: chain.directory, to: harness.store.database.path + "-r")
            #expect(outcome.chain.map(\.fileName) == ["backup-000004-full.json"])
        }
    }
}
