import Foundation
import Testing
import SyncCore
import TestSupport
import CentralCore
import CentralSQLite

/// What every central-store backend guarantees, whatever the number of servers on one database (the ports'
/// documented contract): a device's writes are serialised, so each entry is stored once; pushes touching one batch
/// are decided one after the other, so no conflict is missed; a pull sees whole committed pushes only, and a cursor
/// never skips an entry that commits after a later one was read.
///
/// Each test runs servers as threads with stores of their own on one database, as server processes would.
@Suite struct BackendContractTests {
    typealias S = MergeSamples

    @Test(arguments: ContractBackend.all)
    func oneDevicePushedThroughTwoServersAtOnceStoresEachEntryOnce(backend: ContractBackend) throws {
        try withTemporaryDirectory { directory in
            let (database, journals) = try ContractDatabase.make(backend, in: directory, devices: 1)
            defer { database.drop() }
            var journal = journals[0]
            for serial in 1...120 {
                try journal.append(S.receipt(S.code(serial)), id: "r\(serial)", at: marketMorning + Int64(serial))
            }
            let failures = ThreadFailures()
            let pushed = journal
            DispatchQueue.concurrentPerform(iterations: 2) { server in
                failures.catching("server \(server)") {
                    let store = try database.open()
                    let journal = pushed
                    while true {
                        let device = try store.device(journal.deviceId)
                        if device.ackedSeq == 120 { return }
                        let pending = journal.entries.filter { $0.seq > device.ackedSeq }.prefix(15)
                        do {
                            _ = try store.push(device: device, entries: Array(pending))
                        } catch let error as TraceSyncError where error.code == .seqGap {
                            continue
                        }
                    }
                }
            }
            #expect(failures.all == [])
            let store = try database.open()
            #expect(try store.device(journal.deviceId).ackedSeq == 120)
            let seqs = try pulledEntries(store, as: journal.deviceId).filter { $0.deviceId == journal.deviceId }.map(\.seq)
            #expect(seqs == Array(1...120))
            #expect(try store.verifyStore().allSatisfy(\.findings.isEmpty))
        }
    }

    @Test(arguments: ContractBackend.all)
    func aCursorNeverSkipsAnEntryThatCommitsWhileOthersAreRead(backend: ContractBackend) throws {
        try withTemporaryDirectory { directory in
            let (database, empty) = try ContractDatabase.make(backend, in: directory, devices: 3)
            defer { database.drop() }
            let writers = try (0..<2).map { index in
                var journal = empty[index]
                for serial in 1...200 {
                    try journal.append(S.receipt(S.code(serial, device: index + 1)), id: "r\(index)-\(serial)",
                                       at: marketMorning + Int64(serial))
                }
                return journal
            }
            let reader = empty[2].deviceId
            let failures = ThreadFailures()
            let done = WritersDone()
            let seen = SeenEntries()
            DispatchQueue.concurrentPerform(iterations: 3) { thread in
                failures.catching("thread \(thread)") {
                    let store = try database.open()
                    guard thread < 2 else {
                        // The reader pulls small pages while both servers write, then drains what is left.
                        var cursor: Int64 = 0
                        let device = try store.device(reader)
                        while true {
                            let finished = done.all
                            let page = try store.pull(device: device, cursor: cursor, limit: 7)
                            seen.take(page.items)
                            cursor = page.nextCursor
                            if finished && !page.more { return }
                        }
                    }
                    defer { done.one() }
                    let journal = writers[thread]
                    for start in stride(from: 0, to: 200, by: 10) {
                        let device = try store.device(journal.deviceId)
                        _ = try store.push(device: device, entries: Array(journal.entries[start..<start + 10]))
                    }
                }
            }
            #expect(failures.all == [])
            let expected = Set(writers.flatMap { journal in journal.entries.map { "\($0.deviceId)#\($0.seq)" } })
            #expect(seen.entries.count == expected.count, "an entry was pulled twice or missed")
            #expect(Set(seen.entries) == expected)
            #expect(seen.cursorsIncrease)
        }
    }

    @Test(arguments: ContractBackend.all)
    func twoSalesOfOneBatchThroughTwoServersAtOnceBothCountAndOpenTheOversoldConflict(backend: ContractBackend) throws {
        try withTemporaryDirectory { directory in
            let (database, empty) = try ContractDatabase.make(backend, in: directory, devices: 2)
            defer { database.drop() }
            var first = empty[0], second = empty[1]
            let batches = (1...12).map { S.code($0) }
            for (index, batch) in batches.enumerated() {
                try first.append(S.receipt(batch, quantity: 100), id: "r\(index)", at: marketMorning + Int64(index))
            }
            let setup = try database.open()
            _ = try setup.push(device: setup.device(first.deviceId), entries: first.entries)
            let receipts = first.entries.count
            for (index, batch) in batches.enumerated() {
                try first.append(S.sale(batch, child: S.code(100 + index), quantity: 60), id: "a\(index)",
                                 at: marketMorning + 1_000 + Int64(index))
                try second.append(S.sale(batch, child: S.code(100 + index, device: 2), quantity: 60), id: "b\(index)",
                                  at: marketMorning + 1_000 + Int64(index))
            }
            let failures = ThreadFailures()
            let journals = [first, second]
            DispatchQueue.concurrentPerform(iterations: 2) { server in
                failures.catching("server \(server)") {
                    let store = try database.open()
                    let journal = journals[server]
                    // One sale per push, so the two servers' pushes interleave batch by batch.
                    for entry in journal.entries.dropFirst(server == 0 ? receipts : 0) {
                        _ = try store.push(device: store.device(journal.deviceId), entries: [entry])
                    }
                }
            }
            #expect(failures.all == [])
            let store = try database.open()
            let oversold = try store.conflicts(status: .open, kind: .oversold, node: S.node)
            for (index, batch) in batches.enumerated() {
                let conflict = oversold.first { $0.batchCode == batch.digits }
                #expect(conflict != nil, "batch \(batch.grouped) was sold 120 of 100 kg with no conflict")
                #expect(Set(conflict?.candidates.map(\.eventId) ?? []) == ["a\(index)", "b\(index)"])
            }
            #expect(oversold.count == batches.count)
        }
    }

    @Test(arguments: ContractBackend.all)
    func aPullSeesWholePushesOnly(backend: ContractBackend) throws {
        try withTemporaryDirectory { directory in
            let (database, empty) = try ContractDatabase.make(backend, in: directory, devices: 2)
            defer { database.drop() }
            var writer = empty[0]
            for serial in 1...400 {
                try writer.append(S.receipt(S.code(serial)), id: "r\(serial)", at: marketMorning + Int64(serial))
            }
            let start = try database.open()
            let reader = try start.device(empty[1].deviceId)
            let origin = try drain(start, device: reader)
            let failures = ThreadFailures()
            let done = WritersDone(writers: 1)
            let counts = SeenCounts()
            let written = writer
            DispatchQueue.concurrentPerform(iterations: 2) { thread in
                failures.catching("thread \(thread)") {
                    let store = try database.open()
                    if thread == 0 {
                        defer { done.one() }
                        for start in stride(from: 0, to: 400, by: 100) {
                            _ = try store.push(device: store.device(written.deviceId),
                                               entries: Array(written.entries[start..<start + 100]))
                        }
                        return
                    }
                    while !done.all {
                        let page = try store.pull(device: reader, cursor: origin, limit: 1_000)
                        counts.take(page.items.filter { $0.entry?.deviceId == written.deviceId }.count)
                    }
                }
            }
            #expect(failures.all == [])
            #expect(counts.all.allSatisfy { $0 % 100 == 0 }, "a pull saw part of a push: \(counts.all.filter { $0 % 100 != 0 })")
        }
    }

    /// Every entry in `device`'s scope, pulled from the start of the log.
    private func pulledEntries(_ store: any ContractStore, as deviceId: String) throws -> [JournalEntry] {
        let device = try store.device(deviceId)
        var entries: [JournalEntry] = [], cursor: Int64 = 0
        while true {
            let page = try store.pull(device: device, cursor: cursor, limit: 100)
            entries += page.items.compactMap(\.entry)
            cursor = page.nextCursor
            if !page.more { return entries }
        }
    }

    /// Pulls until no more and returns the cursor reached.
    private func drain(_ store: any ContractStore, device: DeviceRecord) throws -> Int64 {
        var cursor: Int64 = 0
        while true {
            let page = try store.pull(device: device, cursor: cursor, limit: 1_000)
            cursor = page.nextCursor
            if !page.more { return cursor }
        }
    }
}

/// How many writer threads have finished.
private final class WritersDone: @unchecked Sendable {
    // @unchecked Sendable: `finished` is only read or written with `lock` held.
    private let lock = NSLock()
    private var finished = 0
    let writers: Int

    init(writers: Int = 2) { self.writers = writers }

    func one() {
        lock.lock()
        finished += 1
        lock.unlock()
    }

    /// True once every writer has finished: a pull started after that sees everything they wrote.
    var all: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished >= writers
    }
}

/// The entries a reader pulled, in order, and whether its cursors only increased.
private final class SeenEntries: @unchecked Sendable {
    // @unchecked Sendable: used from the reader thread only, read after it ended.
    private(set) var entries: [String] = []
    private(set) var cursorsIncrease = true
    private var last: Int64 = 0

    func take(_ items: [PullPage.Item]) {
        for item in items {
            if item.cursor <= last { cursorsIncrease = false }
            last = item.cursor
            if let entry = item.entry { entries.append("\(entry.deviceId)#\(entry.seq)") }
        }
    }
}

/// The number of one device's entries each pull saw.
private final class SeenCounts: @unchecked Sendable {
    // @unchecked Sendable: used from the reader thread only, read after it ended.
    private(set) var all: [Int] = []

    func take(_ count: Int) { all.append(count) }
}
