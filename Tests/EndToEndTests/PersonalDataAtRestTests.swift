import Foundation
import SyncCore
import Testing
import TestSupport

/// An operator's ID card and phone numbers, synced from a device, are kept encrypted in every file of the central
/// store, and another device of the market still receives them in clear.
@Suite(.serialized)
struct PersonalDataAtRestTests {
    static let idNumber = "46010219900315123X"
    static let phone = "13812345678"

    /// Every byte of the central database and its WAL and shared-memory files.
    private func storeBytes(_ server: ServerProcess) -> Data {
        ["", "-wal", "-shm"].reduce(into: Data()) { bytes, suffix in
            bytes += FileManager.default.contents(atPath: server.databasePath + suffix) ?? Data()
        }
    }

    private func contains(_ bytes: Data, _ text: String) -> Bool {
        bytes.range(of: Data(text.utf8)) != nil
    }

    @Test
    func personalNumbersNeverReachTheDatabaseFilesInClear() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try server.start(["--demo"])
            defer { server.kill() }
            let a = try MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            let b = try MarketDevice.enrolled("b", node: "46010001", server: server, in: directory)
            let added = try a.device.run(
                "operator", "add", "--name", "陈小梅", "--kind", "individual", "--id-number", Self.idNumber,
                "--phone", Self.phone, "--id", "OP-46010001-901"
            )
            #expect(added.status == 0, "\(added)")
            try a.sync()
            try b.sync()

            let whileServing = storeBytes(server)
            #expect(contains(whileServing, "OP-46010001-901"), "the operator reached the central store")
            #expect(!contains(whileServing, Self.idNumber))
            #expect(!contains(whileServing, Self.phone))

            let received = try FieldStore.open(path: b.device.databasePath).operators()
                .first { $0.id == "OP-46010001-901" }
            #expect(received?.idNumber == Self.idNumber)
            #expect(received?.phone == Self.phone)

            let listed = try server.admin("admin", "operator", "list", "--node", "46010001", "--json")
            #expect(listed.status == 0, "\(listed)")
            #expect(listed.stdout.contains("4601**********123X") && listed.stdout.contains("138****5678"))
            #expect(!listed.stdout.contains(Self.idNumber) && !listed.stdout.contains(Self.phone))
            let feed = try server.admin("export", "feed")
            #expect(feed.status == 0, "\(feed)")
            #expect(feed.stdout.contains("OP-46010001-901"))
            #expect(!feed.stdout.contains(Self.idNumber) && !feed.stdout.contains(Self.phone))
            let revealed = try server.admin("admin", "operator", "list", "--node", "46010001", "--reveal-personal", "--json")
            #expect(revealed.stdout.contains(Self.idNumber) && revealed.stdout.contains(Self.phone))
            let audit = try server.admin("admin", "audit", "list", "--action", "personal.reveal", "--json")
            #expect(try audit.json().arrayValue?.count == 1)

            #expect(server.kill(SIGTERM) == 0)
            let checkpointed = try Database(path: server.databasePath)
            try checkpointed.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            let afterCheckpoint = storeBytes(server)
            #expect(!contains(afterCheckpoint, Self.idNumber))
            #expect(!contains(afterCheckpoint, Self.phone))
            #expect(FileManager.default.fileExists(atPath: server.databasePath + ".key"))
        }
    }
}
