import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Admins settling conflicts: a decision that changes data is a server journal entry, merged and pulled like any
/// other; the resolved conflict is pulled too.
@Suite("Central store: resolving conflicts")
struct CentralResolveTests {
    typealias S = MergeSamples
    typealias Scenario = CentralConflictTests.Scenario
    static let admin = "省平台管理员 李"

    /// Plays `kind` and returns the scenario with its one open conflict.
    static func open(_ kind: ConflictKind, _ harness: CentralHarness) throws -> (Scenario, ConflictRecord) {
        let scenario = try CentralConflictTests.play(kind, harness)
        let conflict = try #require(try harness.store.conflicts(status: .open).first)
        return (scenario, conflict)
    }

    /// The server entries a device pulls, and the last state of conflict `id` it pulls.
    static func pulled(_ harness: CentralHarness, _ journal: HandJournal, conflict id: Int64)
        throws -> (serverEntries: [(JournalEntry, EntryVerdict)], conflict: ConflictRecord?) {
        let items = try harness.pullAll(journal).compactMap(\.item)
        let entries = items.compactMap { item -> (JournalEntry, EntryVerdict)? in
            guard case .entry(let entry, let verdict) = item, entry.deviceId == CentralStore.serverDeviceId else { return nil }
            return (entry, verdict)
        }
        let conflict = items.compactMap { item -> ConflictRecord? in
            guard case .conflict(let record) = item, record.id == id else { return nil }
            return record
        }.last
        return (entries, conflict)
    }

    static func serverEntryCount(_ harness: CentralHarness) throws -> Int64 {
        try harness.store.database.scalar("SELECT count(*) FROM entries WHERE device_id = ?", CentralStore.serverDeviceId) ?? 0
    }

    /// Provisionally device A's value stands (the higher clock); the admin chooses device B's.
    @Test func choosingACandidateCorrectsTheRecordForEveryReplica() throws {
        try CentralHarness.with { harness in
            let (scenario, conflict) = try Self.open(.concurrentEdit, harness)
            #expect(conflict.candidates[1].value == "金江合作社")
            harness.now += S.hour
            let resolved = try harness.store.resolve(
                conflict.id, ResolveRequest(action: .choose, candidate: 1, note: "以检疫证明上的供货方为准"), author: Self.admin
            )

            #expect(resolved.status == .resolved)
            let resolution = try #require(resolved.resolution)
            #expect(resolution.action == .choose)
            #expect(resolution.candidate == 1)
            #expect(resolution.author == Self.admin)
            #expect(resolution.note == "以检疫证明上的供货方为准")
            #expect(resolution.resolvedAt == harness.now)
            #expect(resolution.serverSeq == 1)
            #expect(try harness.store.conflicts(status: .open).isEmpty)

            let state = try #require(try harness.state(scenario.batch))
            #expect(state.receipt.supplier == "金江合作社")
            #expect(state.line("r")?.version == 3)

            for journal in [scenario.a, scenario.b] {
                let pulled = try Self.pulled(harness, journal, conflict: conflict.id)
                #expect(pulled.serverEntries.count == 1)
                let (entry, verdict) = try #require(pulled.serverEntries.first)
                #expect(entry.seq == 1)
                #expect(entry.prev == JournalEntry.genesis)
                #expect(entry.hash == entry.expectedHash)
                #expect(entry.author == Self.admin)
                #expect(entry.kind == .correction)
                #expect(entry.hlc > scenario.a.entries[1].hlc)
                #expect(verdict.verdict == .applied)
                #expect(pulled.conflict?.status == .resolved)
                #expect(pulled.conflict?.resolution == resolution)
                let kinds = try harness.pullAll(journal).filter { $0.entry?.deviceId == CentralStore.serverDeviceId
                    || $0.conflict?.id == conflict.id }.map(\.kind)
                #expect(kinds.suffix(2) == ["entry", "conflict"])
            }
        }
    }

    @Test func settingAValueCorrectsTheRecord() throws {
        try CentralHarness.with { harness in
            let (scenario, conflict) = try Self.open(.concurrentEdit, harness)
            let resolved = try harness.store.resolve(
                conflict.id, ResolveRequest(action: .set, value: "澄迈福山瓜菜合作社", note: "两台设备都录错了"), author: Self.admin
            )
            #expect(resolved.status == .resolved)
            #expect(resolved.resolution?.serverSeq == 1)
            #expect(try harness.state(scenario.batch)?.receipt.supplier == "澄迈福山瓜菜合作社")
            #expect(try Self.pulled(harness, scenario.b, conflict: conflict.id).serverEntries.count == 1)
        }
    }

    @Test func aSecondResolutionAppendsTheNextServerEntry() throws {
        try CentralHarness.with { harness in
            let (scenario, conflict) = try Self.open(.concurrentEdit, harness)
            try harness.store.resolve(conflict.id, ResolveRequest(action: .choose, candidate: 1, note: "以检疫证明为准"),
                                      author: Self.admin)
            var c = try harness.enroll("南北市场 3 号机", author: "王海燕")
            var d = try harness.enroll("南北市场 4 号机", author: "吴小红")
            try c.append(S.correction(scenario.batch, target: "r", ["unit": "箱"], versionSeen: 3), id: "c-c",
                         at: harness.now + S.hour)
            try d.append(S.correction(scenario.batch, target: "r", ["unit": "件"], versionSeen: 3), id: "c-d",
                         at: harness.now + S.hour + 1)
            try harness.push(c)
            try harness.push(d)
            let second = try #require(try harness.store.conflicts(status: .open).first)
            #expect(second.subject == "edit:r:v3:unit")
            let resolved = try harness.store.resolve(second.id, ResolveRequest(action: .set, value: "kg", note: "按公斤计"),
                                                     author: Self.admin)
            #expect(resolved.resolution?.serverSeq == 2)
            let entries = try Self.pulled(harness, scenario.a, conflict: second.id).serverEntries.map(\.0)
            #expect(entries.map(\.seq) == [1, 2])
            #expect(entries[1].prev == entries[0].hash)
            #expect(try harness.state(scenario.batch)?.receipt.unit == "kg")
        }
    }

    @Test func voidingASaleSettlesAnOversale() throws {
        try CentralHarness.with { harness in
            let (scenario, conflict) = try Self.open(.oversold, harness)
            #expect(try harness.batchRow(scenario.batch)?.flags == "oversold")
            let resolved = try harness.store.resolve(
                conflict.id, ResolveRequest(action: .void, eventId: "s-b", note: "2 号机重复录入"), author: Self.admin
            )
            #expect(resolved.status == .resolved)
            #expect(resolved.resolution?.eventId == "s-b")
            #expect(resolved.resolution?.serverSeq == 1)

            let state = try #require(try harness.state(scenario.batch))
            #expect(state.balance == S.kg(20))
            #expect(state.flags.isEmpty)
            #expect(state.line("s-b")?.counts == false)
            #expect(state.line("s-a")?.counts == true)
            let row = try #require(try harness.batchRow(scenario.batch))
            #expect(row.flags == "")
            #expect(row.balance == "20")
            let pulled = try Self.pulled(harness, scenario.b, conflict: conflict.id)
            #expect(pulled.serverEntries.map(\.0.kind) == [.voiding])
            #expect(pulled.conflict?.status == .resolved)
        }
    }

    @Test func acceptingKeepsTheProvisionalOutcomeWithoutAServerEntry() throws {
        try CentralHarness.with { harness in
            let (scenario, conflict) = try Self.open(.heldTraded, harness)
            let resolved = try harness.store.resolve(
                conflict.id, ResolveRequest(action: .accept, note: "已通知买方召回"), author: Self.admin
            )
            #expect(resolved.status == .resolved)
            #expect(resolved.resolution?.serverSeq == nil)
            #expect(try Self.serverEntryCount(harness) == 0)
            #expect(try harness.state(scenario.batch)?.flags == [.tradedWhileHeld])
            let pulled = try Self.pulled(harness, scenario.a, conflict: conflict.id)
            #expect(pulled.serverEntries.isEmpty)
            #expect(pulled.conflict?.status == .resolved)
            #expect(pulled.conflict?.resolution?.action == .accept)
        }
    }

    @Test(arguments: [ConflictKind.certificateReuse, .duplicateOperator, .orphan, .implausibleTime])
    func everyKindCanBeAccepted(_ kind: ConflictKind) throws {
        try CentralHarness.with { harness in
            let (_, conflict) = try Self.open(kind, harness)
            #expect(try harness.store.resolve(conflict.id, ResolveRequest(action: .accept, note: "核实无误"), author: Self.admin)
                .status == .resolved)
            #expect(try harness.store.conflicts(status: .open).isEmpty)
        }
    }

    @Test func aNewCauseAfterAResolutionOpensANewConflict() throws {
        try CentralHarness.with { harness in
            var (scenario, conflict) = try Self.open(.oversold, harness)
            try harness.store.resolve(conflict.id, ResolveRequest(action: .accept, note: "差额由经营户补登"), author: Self.admin)
            try scenario.a.append(S.sale(scenario.batch, child: S.code(3), quantity: 1), id: "s-a2",
                                  at: marketMorning + 3_600_000)
            try harness.push(scenario.a)
            let open = try harness.store.conflicts(status: .open)
            #expect(open.map(\.kind) == [.oversold])
            #expect(open.first?.id != conflict.id)
            #expect(open.first?.candidates.map(\.eventId) == ["s-a", "s-b", "s-a2"])
            conflict = try harness.store.conflict(conflict.id)
            #expect(conflict.status == .resolved)
            #expect(conflict.candidates.map(\.eventId) == ["s-a", "s-b"])
        }
    }

    // MARK: Refusals

    /// `TraceSyncError` code of what `body` throws, nil when it does not throw one.
    static func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as TraceSyncError {
            return error.code.rawValue
        } catch {
            return "\(error)"
        }
    }

    @Test func aResolvedConflictCannotBeResolvedAgain() throws {
        try CentralHarness.with { harness in
            let (_, conflict) = try Self.open(.concurrentEdit, harness)
            try harness.store.resolve(conflict.id, ResolveRequest(action: .choose, candidate: 0, note: "以 1 号机为准"),
                                      author: Self.admin)
            #expect(Self.refusal {
                try harness.store.resolve(conflict.id, ResolveRequest(action: .choose, candidate: 1, note: "改为 2 号机"),
                                          author: Self.admin)
            } == "conflict_resolved")
            #expect(try Self.serverEntryCount(harness) == 1)
            #expect(try harness.store.conflict(conflict.id).resolution?.candidate == 0)
        }
    }

    @Test(arguments: ["", "   "])
    func aResolutionNeedsANote(_ note: String) throws {
        try CentralHarness.with { harness in
            let (_, conflict) = try Self.open(.concurrentEdit, harness)
            #expect(Self.refusal {
                try harness.store.resolve(conflict.id, ResolveRequest(action: .choose, candidate: 0, note: note), author: Self.admin)
            } == "missing_field")
            #expect(try harness.store.conflict(conflict.id).status == .open)
            #expect(try Self.serverEntryCount(harness) == 0)
        }
    }

    /// Actions that do not fit the conflict, each refused with `bad_resolution` and nothing changed.
    @Test(arguments: [
        (ConflictKind.oversold, ResolveRequest(action: .choose, candidate: 0, note: "选 1 号机")),
        (.oversold, ResolveRequest(action: .set, value: "20", note: "改为 20")),
        (.concurrentEdit, ResolveRequest(action: .choose, candidate: 5, note: "选第 6 个")),
        (.concurrentEdit, ResolveRequest(action: .choose, note: "没说选哪个")),
        (.concurrentEdit, ResolveRequest(action: .set, value: "", note: "空值")),
        (.concurrentEdit, ResolveRequest(action: .void, note: "没说作废哪条")),
        (.oversold, ResolveRequest(action: .void, eventId: "r", note: "作废进场登记，它不在冲突中")),
        (.duplicateOperator, ResolveRequest(action: .void, eventId: "reg-b", note: "经营户登记不属于批次")),
    ])
    func anActionThatDoesNotFitIsABadResolution(_ kind: ConflictKind, _ request: ResolveRequest) throws {
        try CentralHarness.with { harness in
            let (scenario, conflict) = try Self.open(kind, harness)
            let before = try harness.state(scenario.batch)
            #expect(Self.refusal { try harness.store.resolve(conflict.id, request, author: Self.admin) } == "bad_resolution")
            #expect(try harness.store.conflict(conflict.id).status == .open)
            #expect(try Self.serverEntryCount(harness) == 0)
            #expect(try harness.state(scenario.batch) == before)
        }
    }

    @Test func anUnknownConflictIsRefused() throws {
        try CentralHarness.with { harness in
            #expect(Self.refusal {
                try harness.store.resolve(99, ResolveRequest(action: .accept, note: "无"), author: Self.admin)
            } == "unknown_conflict")
        }
    }
}
