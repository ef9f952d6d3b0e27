import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite
import Testing

/// A backup directory is the only place a backup reads from, and its files are the owner's alone.
@Suite struct BackupConfinementTests {
    /// A store with a few audit records and a full backup of it in `backups`; then `body`.
    static func withBackup(_ body: (_ store: CentralStore, _ backups: URL) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let store = try CentralStore(path: directory.appendingPathComponent("central.sqlite").path)
            try store.audit(AuditEvent(actor: "cli:root", action: "node.add", target: "46010001", outcome: .success))
            let backups = directory.appendingPathComponent("backups")
            try Backup.take(of: store.database.path, into: backups)
            try body(store, backups)
        }
    }

    /// Rewrites one member of a manifest's JSON, as someone with write access to the directory could.
    static func editManifest(_ url: URL, _ edit: (inout [String: Any]) -> Void) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        edit(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
    }

    static func refusal(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as TraceSyncError { return error.code.rawValue } catch { return "\(error)" }
        return nil
    }

    @Test func aManifestNamingPagesOutsideItsDirectoryFailsVerifyAndIsNotRestored() throws {
        try Self.withBackup { store, backups in
            let outside = backups.deletingLastPathComponent().appendingPathComponent("outside.pages")
            try FileManager.default.copyItem(at: backups.appendingPathComponent("backup-000001-full.pages"), to: outside)
            try Self.editManifest(backups.appendingPathComponent("backup-000001-full.json")) {
                $0["pagesFile"] = "../outside.pages"
            }
            let findings = try BackupDirectory(url: backups).verify()
            #expect(findings.map(\.problem?.code) == [.backupPathOutside])
            #expect(findings.first?.problem?.message.en.contains("../outside.pages") == true)

            let destination = store.database.path + "-restored"
            #expect(Self.refusal { try Restore.run(from: backups, to: destination) } == "backup_path_outside")
            #expect(!FileManager.default.fileExists(atPath: destination))
        }
    }

    @Test func aManifestNamingAPreviousBackupOutsideItsDirectoryIsRefused() throws {
        try Self.withBackup { store, backups in
            try store.audit(AuditEvent(actor: "cli:root", action: "node.add", target: "46010002", outcome: .success))
            try Backup.take(of: store.database.path, into: backups)
            try FileManager.default.moveItem(at: backups.appendingPathComponent("backup-000001-full.json"),
                                             to: backups.deletingLastPathComponent().appendingPathComponent("backup-000001-full.json"))
            try Self.editManifest(backups.appendingPathComponent("backup-000002-incremental.json")) {
                var previous = $0["previous"] as? [String: Any] ?? [:]
                previous["manifest"] = "../backup-000001-full.json"
                $0["previous"] = previous
            }
            #expect(try BackupDirectory(url: backups).verify().map(\.problem?.code) == [.backupPathOutside])
            #expect(Self.refusal { try Restore.run(from: backups, to: store.database.path + "-restored") } == "backup_path_outside")
        }
    }

    @Test func aPagesFileReplacedByASymbolicLinkOutOfTheDirectoryIsRefused() throws {
        try Self.withBackup { store, backups in
            let pages = backups.appendingPathComponent("backup-000001-full.pages")
            let outside = backups.deletingLastPathComponent().appendingPathComponent("outside.pages")
            try FileManager.default.moveItem(at: pages, to: outside)
            try FileManager.default.createSymbolicLink(at: pages, withDestinationURL: outside)
            #expect(try BackupDirectory(url: backups).verify().map(\.problem?.code) == [.backupPathOutside])
            #expect(Self.refusal { try Restore.run(from: backups, to: store.database.path + "-restored") } == "backup_path_outside")
        }
    }

    static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) & 0o777
    }

    @Test func backupFilesAndTheRestoredStoreAreTheOwnersAlone() throws {
        try Self.withBackup { store, backups in
            try store.audit(AuditEvent(actor: "cli:root", action: "node.add", target: "46010002", outcome: .success))
            try Backup.take(of: store.database.path, into: backups)
            let files = try FileManager.default.contentsOfDirectory(at: backups, includingPropertiesForKeys: nil)
            #expect(files.map(\.lastPathComponent).sorted() == [
                "backup-000001-full.json", "backup-000001-full.pages",
                "backup-000002-incremental.json", "backup-000002-incremental.pages",
            ])
            for file in files { #expect(try Self.mode(file) == 0o600, "\(file.lastPathComponent)") }
            #expect(try Self.mode(backups) == 0o700)

            let restored = store.database.path + "-restored"
            try Restore.run(from: backups, to: restored)
            #expect(try Self.mode(URL(fileURLWithPath: restored)) == 0o600)
        }
    }
}
