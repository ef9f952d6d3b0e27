import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// Conflicts made the way they happen at a market: two devices of node 46010001 working offline on one batch, then
/// pushing.
struct ConflictScenario {
    /// The device that received the batch, and the second one.
    let first: EnrollResponse
    let second: EnrollResponse
    /// The receipt entry of the batch.
    let receipt: JournalEntry
    /// The conflict the pushes opened.
    let conflict: ConflictRecord
}

extension ServerHarness {
    /// Enrolls one more device at `node` with a newly issued code (each code works once).
    func enrollAnother(node: String = "46010001") async throws -> EnrollResponse {
        let code = try admin { try $0.issueEnrollCode(node: node, expiresAt: BusinessTime.now() + 3_600_000) }
        let response = try await post("/v1/devices/enroll", EnrollRequest(code: code, deviceName: "二号机"))
        guard response.status == .created else { throw HarnessError.unexpected(response.status, response.text) }
        return try response.decoded(EnrollResponse.self)
    }

    /// Pushes the journal's entries and returns the verdicts.
    @discardableResult
    func push(_ journal: JournalWriter) async throws -> PushResponse {
        let response = try await post("/v1/sync/push", PushRequest(entries: journal.entries), secret: journal.device.secret)
        guard response.status == .ok else { throw HarnessError.unexpected(response.status, response.text) }
        return try response.decoded(PushResponse.self)
    }

    /// Both devices correct the receipt's supplier from version 0, neither having seen the other: a concurrent edit
    /// whose candidates are the first device's value, then the second's.
    func concurrentEdit() async throws -> ConflictScenario {
        let first = try await enroll(), second = try await enrollAnother()
        var journal = JournalWriter(device: first)
        let receipt = try journal.receive(serial: 1, operatorId: "OP-46010001-001")
        try journal.correct(receipt, fields: ["supplier": "澄迈县金江镇定点屠宰场"], versionSeen: 0)
        try await push(journal)
        var other = JournalWriter(device: second)
        try other.correct(receipt, fields: ["supplier": "定安县定城屠宰场"], versionSeen: 0)
        let verdicts = try await push(other)
        guard verdicts.verdicts.map(\.verdict) == [.conflict] else { throw HarnessError.unexpected(.ok, "\(verdicts)") }
        return try scenario(first, second, receipt, kind: .concurrentEdit)
    }

    /// The devices sell 80 kg each from the 120.5 kg batch while offline: an oversold conflict with both sales.
    func oversold() async throws -> ConflictScenario {
        let first = try await enroll(), second = try await enrollAnother()
        var journal = JournalWriter(device: first)
        let receipt = try journal.receive(serial: 1, operatorId: "OP-46010001-001")
        try journal.sell(receipt, serial: 2, quantity: "80")
        try await push(journal)
        var other = JournalWriter(device: second)
        try other.sell(receipt, serial: 1, quantity: "80")
        try await push(other)
        return try scenario(first, second, receipt, kind: .oversold)
    }

    private func scenario(
        _ first: EnrollResponse, _ second: EnrollResponse, _ receipt: JournalEntry, kind: ConflictKind
    ) throws -> ConflictScenario {
        let conflicts = try admin { try $0.conflicts(status: .open, kind: kind) }
        guard conflicts.count == 1 else { throw HarnessError.unexpected(.ok, "\(conflicts)") }
        return ConflictScenario(first: first, second: second, receipt: receipt, conflict: conflicts[0])
    }
}

extension JournalWriter {
    /// Corrects `fields` of the event `entry` recorded, as seen at `versionSeen`.
    @discardableResult
    mutating func correct(_ entry: JournalEntry, fields: [String: String], versionSeen: Int) throws -> JournalEntry {
        let (target, body) = try EventBody.decode(kind: entry.kind, payload: entry.payload)
        let correction = try JSONValue.object([
            "batchCode": .string(body.batchCode!.digits), "target": .string(target),
            "fields": .object(fields.mapValues { .string($0) }), "versionSeen": .integer(Int64(versionSeen)),
            "time": .integer(BusinessTime.now()),
        ]).decode(Correction.self)
        return try append(.correction(correction))
    }

    /// Sells `quantity` kg of the batch `receipt` created to a buyer at the market; the child code has `serial`.
    @discardableResult
    mutating func sell(_ receipt: JournalEntry, serial: Int, quantity: String) throws -> JournalEntry {
        let (_, body) = try EventBody.decode(kind: receipt.kind, payload: receipt.payload)
        let now = BusinessTime.now()
        let child = TraceCode.make(node: device.node.code, deviceNumber: device.deviceNumber,
                                   date: BusinessTime.codeDate(now), serial: serial)
        let sale = try JSONValue.object([
            "batchCode": .string(body.batchCode!.digits), "childCode": .string(child.digits),
            "buyerName": .string("海口美兰区陈记肉档"), "quantity": .string(quantity), "time": .integer(now),
        ]).decode(Sale.self)
        return try append(.sale(sale))
    }
}
