import Foundation
import SyncCore
import CentralCore
import CentralSQLite
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

    /// Every byte of the files under `directory`.
    private func filesBytes(under directory: String) -> Data {
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        return files.reduce(into: Data()) { bytes, file in
            bytes += FileManager.default.contents(atPath: directory + "/" + file) ?? Data()
        }
    }

    /// A device of market 46010001 enrolled over HTTP, whose journal the test writes by hand.
    private func handEnrolled(_ server: ServerProcess) async throws -> EnrollResponse {
        let request = try await JSONEncoder().encode(EnrollRequest(code: try server.enrollCode(node: "46010001"), deviceName: "手写"))
        let answer = try await HTTP.send("POST", server.url + "/v1/devices/enroll", body: request,
                                         headers: ["Content-Type": "application/json"])
        #expect(answer.status == 201, "\(answer.body)")
        return try JSONDecoder().decode(EnrollResponse.self, from: Data(answer.body.utf8))
    }

    /// `payloads` as the first entries of `device`'s journal, chained.
    private func journal(_ device: EnrollResponse, _ payloads: [JSONValue]) -> [JournalEntry] {
        let wall = BusinessTime.now()
        return payloads.enumerated().reduce(into: []) { entries, item in
            let seq = Int64(item.offset + 1)
            entries.append(JournalEntry(
                deviceId: device.deviceId, seq: seq,
                hlc: HLCTimestamp(wallMillis: wall + seq, counter: 0, deviceId: device.deviceId), wallTime: wall + seq,
                author: "符永清", kind: .operatorRegistration, payload: item.element,
                prev: entries.last?.hash ?? JournalEntry.genesis
            ))
        }
    }

    private func push(_ entries: [JournalEntry], as device: EnrollResponse, to server: ServerProcess) async throws -> PushResponse {
        let answer = try await HTTP.send(
            "POST", server.url + "/v1/sync/push", body: try JSONEncoder().encode(PushRequest(entries: entries)),
            headers: ["Authorization": "Bearer \(device.secret)", "Content-Type": "application/json"]
        )
        #expect(answer.status == 200, "\(answer.body)")
        return try JSONDecoder().decode(PushResponse.self, from: Data(answer.body.utf8))
    }

    /// The entries of `device` that a pull from the start gives back to it.
    private func pulledEntries(_ device: EnrollResponse, from server: ServerProcess) async throws -> [JournalEntry] {
        let answer = try await HTTP.send("GET", server.url + "/v1/sync/pull?cursor=0&limit=1000",
                                         headers: ["Authorization": "Bearer \(device.secret)"])
        #expect(answer.status == 200, "\(answer.body)")
        let page = try JSONDecoder().decode(PullPage.self, from: Data(answer.body.utf8))
        return page.items.compactMap(\.entry).filter { $0.deviceId == device.deviceId }
    }

    /// Issue 11, item 3: a phone number a device sends that begins with the store's old cipher prefix is plain text
    /// to the store, so the node's pull, the operator listing and `verify` keep working and the value round-trips.
    @Test
    func aPhoneThatLooksSealedCannotPoisonItsNode() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let b = try await MarketDevice.enrolled("b", node: "46010001", server: server, in: directory)
            let hand = try await handEnrolled(server)
            let forged = "enc:v1:" + Data(repeating: 0, count: 36).base64EncodedString()
            let registered = Operator(id: "OP-46010001-902", node: "46010001", name: "林阿妹", kind: .individual,
                                      phone: forged)
            let sent = journal(hand, [try EventBody.operatorRegistration(registered).payload(id: registered.id)])
            #expect(try await push(sent, as: hand, to: server).verdicts.map(\.verdict) == [.applied])

            try await b.sync()
            let received = try FieldStore.open(path: b.device.databasePath).operatorListing().map(\.operator).first { $0.id == registered.id }
            #expect(received?.phone == forged)
            #expect(try await pulledEntries(hand, from: server) == sent)
            let listed = try await server.admin("admin", "operator", "list", "--node", "46010001", "--json")
            #expect(listed.status == 0, "\(listed)")
            let revealed = try await server.admin("admin", "operator", "list", "--node", "46010001", "--reveal-personal", "--json")
            #expect(revealed.status == 0 && revealed.stdout.contains(forged), "\(revealed)")
            let verified = try await server.admin("verify")
            #expect(verified.status == 0, "\(verified)")
            #expect(!contains(storeBytes(server), forged))
        }
    }

    /// Issue 11, item 4: numbers sent as JSON numbers or under misspelt keys, in entries the server rejects, are
    /// sealed like any other: no file of the store or of its backup holds them, and the device gets them back as sent.
    @Test
    func numbersOfAnyTypeOrKeyInRejectedEntriesNeverReachTheFilesInClear() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let hand = try await handEnrolled(server)
            let clear = ["46010219850721451X", "13912345678", "13712345678", "460102199001011234"]
            let sent = journal(hand, [
                .object(["id": .string("OP-46010001-903"), "node": .string("46010001"), "name": .string("吴大海"),
                         "kind": .string("individual"), "IdNumber": .string(clear[0]), "Phone": .string(clear[1])]),
                .object(["id": .string("OP-46010001-904"), "node": .string("46010001"), "name": .string("吴小海"),
                         "kind": .string("individual"), "phone": .integer(13_712_345_678),
                         "idNumber": .integer(460_102_199_001_011_234)]),
            ])
            let answer = try await push(sent, as: hand, to: server)
            #expect(answer.verdicts.map(\.verdict) == [.rejected, .rejected])

            let whileServing = storeBytes(server)
            #expect(contains(whileServing, "OP-46010001-903"), "the entries reached the central store")
            for number in clear { #expect(!contains(whileServing, number), "\(number) in the store's files") }
            let backups = directory.appendingPathComponent("backups").path
            let backup = try await server.admin("backup", "--to", backups)
            #expect(backup.status == 0, "\(backup)")
            let backedUp = filesBytes(under: backups)
            #expect(contains(backedUp, "OP-46010001-903"), "the backup holds the entries")
            for number in clear { #expect(!contains(backedUp, number), "\(number) in the backup") }

            let pulled = try await pulledEntries(hand, from: server)
            #expect(pulled == sent)
            #expect(pulled.map(\.payload.canonicalString) == sent.map(\.payload.canonicalString))
            #expect(pulled.allSatisfy { $0.expectedHash == $0.hash })
            let verified = try await server.admin("verify")
            #expect(verified.status == 0, "\(verified)")

            #expect(await server.kill(SIGTERM) == 0)
            try Database(path: server.databasePath).execute("PRAGMA wal_checkpoint(TRUNCATE)")
            for number in clear { #expect(!contains(storeBytes(server), number), "\(number) after a checkpoint") }
        }
    }

    @Test
    func personalNumbersNeverReachTheDatabaseFilesInClear() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let a = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            let b = try await MarketDevice.enrolled("b", node: "46010001", server: server, in: directory)
            let added = try await a.device.run(
                "operator", "add", "--name", "陈小梅", "--kind", "individual", "--id-number", Self.idNumber,
                "--phone", Self.phone, "--id", "OP-46010001-901"
            )
            #expect(added.status == 0, "\(added)")
            try await a.sync()
            try await b.sync()

            let whileServing = storeBytes(server)
            #expect(contains(whileServing, "OP-46010001-901"), "the operator reached the central store")
            #expect(!contains(whileServing, Self.idNumber))
            #expect(!contains(whileServing, Self.phone))

            let received = try FieldStore.open(path: b.device.databasePath).operatorListing().map(\.operator)
                .first { $0.id == "OP-46010001-901" }
            #expect(received?.idNumber == Self.idNumber)
            #expect(received?.phone == Self.phone)

            let listed = try await server.admin("admin", "operator", "list", "--node", "46010001", "--json")
            #expect(listed.status == 0, "\(listed)")
            #expect(listed.stdout.contains("4601**********123X") && listed.stdout.contains("138****5678"))
            #expect(!listed.stdout.contains(Self.idNumber) && !listed.stdout.contains(Self.phone))
            let feed = try await server.admin("export", "feed")
            #expect(feed.status == 0, "\(feed)")
            #expect(feed.stdout.contains("OP-46010001-901"))
            #expect(!feed.stdout.contains(Self.idNumber) && !feed.stdout.contains(Self.phone))
            let revealed = try await server.admin("admin", "operator", "list", "--node", "46010001", "--reveal-personal", "--json")
            #expect(revealed.stdout.contains(Self.idNumber) && revealed.stdout.contains(Self.phone))
            let audit = try await server.admin("admin", "audit", "list", "--action", "personal.reveal", "--json")
            #expect(try audit.json().arrayValue?.count == 1)

            #expect(await server.kill(SIGTERM) == 0)
            let checkpointed = try Database(path: server.databasePath)
            try checkpointed.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            let afterCheckpoint = storeBytes(server)
            #expect(!contains(afterCheckpoint, Self.idNumber))
            #expect(!contains(afterCheckpoint, Self.phone))
            #expect(FileManager.default.fileExists(atPath: server.databasePath + ".key"))
        }
    }
}
