import Foundation
import Testing
import SyncCore
import TestSupport
import CentralCore
import CentralPostgres

/// The PostgreSQL pull cursor under a transaction held open while others commit (issue 15): a row that commits
/// late is delayed, never skipped.
@Suite struct PostgresPullCursorTests {
    typealias S = MergeSamples

    @Test func aCursorDoesNotPassATransactionHeldOpenWhileLaterOnesCommit() throws {
        guard TestPostgres.url != nil || TestPostgres.required else { TestPostgres.announceSkip; return }
        try withTemporaryDirectory { directory in
            let (database, journals) = try ContractDatabase.make(.postgres, in: directory, devices: 2)
            defer { database.drop() }
            var writer = journals[0]
            for serial in 1...10 {
                try writer.append(S.receipt(S.code(serial)), id: "r\(serial)", at: marketMorning + Int64(serial))
            }
            guard let held = try database.open() as? PostgresCentralStore,
                  let other = try database.open() as? PostgresCentralStore,
                  let reader = try database.open() as? PostgresCentralStore else {
                Issue.record("the PostgreSQL backend did not open PostgreSQL stores")
                return
            }
            let readerDevice = try reader.device(journals[1].deviceId)
            let start = try drain(reader, device: readerDevice)
            let region = try #require(try BundledMasterData.regions().first)

            // A region's update, logged for every device, is written first and held open …
            let written = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
            let failures = ThreadFailures()
            let handed = Handed(held)
            let holder = Thread {
                failures.catching("holder") {
                    let held = handed.store
                    try held.write { _ in
                        try held.upsert(region)
                        written.signal()
                        release.wait()
                    }
                }
            }
            holder.start()
            written.wait()
            // … while another server stores a push, which commits: its acknowledged seq is visible to everyone.
            let pushed = try other.push(device: try other.device(writer.deviceId), entries: writer.entries)
            #expect(pushed.ackedSeq == 10)
            #expect(try reader.device(writer.deviceId).ackedSeq == 10)

            // A pull now must not serve the committed push (its positions are above the open transaction's), so its
            // cursor stays below the region row still to commit.
            let during = try reader.pull(device: readerDevice, cursor: start, limit: 1_000)
            #expect(during.items.isEmpty, "a pull served rows above a transaction still open: \(during.items.map(\.kind))")
            #expect(during.nextCursor == start)

            release.signal()
            while !holder.isFinished { usleep(1_000) }
            #expect(failures.all == [])

            // Once it committed, the same cursor yields the held row first, then the push: nothing was skipped.
            var items: [PullPage.Item] = [], cursor = during.nextCursor
            while true {
                let page = try reader.pull(device: readerDevice, cursor: cursor, limit: 3)
                items += page.items
                cursor = page.nextCursor
                if !page.more { break }
            }
            #expect(items.first?.region?.code == region.code)
            #expect(items.compactMap(\.entry).map(\.seq) == Array(1...10))
            #expect(zip(items, items.dropFirst()).allSatisfy { $0.cursor < $1.cursor })
        }
    }

    /// Pulls until no more and returns the cursor reached.
    private func drain(_ store: PostgresCentralStore, device: DeviceRecord) throws -> Int64 {
        var cursor: Int64 = 0
        while true {
            let page = try store.pull(device: device, cursor: cursor, limit: 1_000)
            cursor = page.nextCursor
            if !page.more { return cursor }
        }
    }
}

/// A store handed to the one thread that uses it while the test waits for it.
private final class Handed: @unchecked Sendable {
    // @unchecked Sendable: only the holder thread uses `store` until the test has seen that thread finish.
    let store: PostgresCentralStore

    init(_ store: PostgresCentralStore) { self.store = store }
}
