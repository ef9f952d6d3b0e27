import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
import Testing
@testable import SyncServer

/// The console's conflict queue (its filters by kind, status and opening day, food-safety kinds first) and the
/// overview's count of rejected entries.
@Suite struct ConsoleConflictQueueTests {
    @Test func theQueueFiltersByKindStatusAndTheDayTheConflictOpened() async throws {
        try await withServer { server in
            let scenario = try await server.oversold()
            try server.addUser("province", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("province")
            let link = "/console/conflicts/\(scenario.conflict.id)\""
            let today = BusinessTime.dayOf(scenario.conflict.openedAt)
            let tomorrow = BusinessTime.dayOf(scenario.conflict.openedAt + 86_400_000)
            let yesterday = BusinessTime.dayOf(scenario.conflict.openedAt - 86_400_000)
            let listed = [
                "": true, "?kind=oversold&status=open&node=46010001&from=\(today)&to=\(today)": true, "?status=": true,
                "?kind=concurrent_edit": false, "?status=resolved": false, "?from=\(tomorrow)": false, "?to=\(yesterday)": false,
                "?node=46010002": false,
            ]
            for (query, shown) in listed {
                let page = try await browser.send(.get, "/console/conflicts" + query)
                #expect(page.status == .ok, "\(query)")
                #expect(page.text.contains(link) == shown, "\(query)")
            }
            let bad = try await browser.send(.get, "/console/conflicts?from=2026-13-40")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("from=2026-13-40") && bad.text.contains("YYYY-MM-DD"))
        }
    }

    @Test func foodSafetyConflictsComeFirstThenTheNewest() throws {
        func record(_ id: Int, _ kind: ConflictKind) throws -> ConflictRecord {
            try JSONDecoder().decode(ConflictRecord.self, from: Data("""
            {"id":\(id),"kind":"\(kind.rawValue)","subject":"s","node":"46010001","status":"open","openedAt":0,"candidates":[]}
            """.utf8))
        }
        let records = [try record(1, .oversold), try record(2, .heldTraded), try record(3, .concurrentEdit), try record(4, .holdVoided)]
        #expect(ConsoleConflictText.queueOrder(records).map(\.id) == [4, 2, 3, 1])
    }

    @Test func theOverviewCountsTodaysRejectedEntriesOfTheAdminsNodesOnly() async throws {
        try await withServer { server in
            let device = try await server.enroll(node: "46010001")
            var journal = JournalWriter(device: device)
            try journal.receive(serial: 1, operatorId: "OP-46010001-001")
            try journal.receive(serial: 2, operatorId: "OP-46010002-001")
            let pushed = try await server.push(journal)
            #expect(pushed.verdicts.map(\.verdict) == [.applied, .rejected])
            try server.addUser("market", role: .node, nodes: ["46010001"])
            try server.addUser("other", role: .node, nodes: ["46010002"])
            var mine = ConsoleBrowser(server: server), theirs = ConsoleBrowser(server: server)
            try await mine.signIn("market")
            try await theirs.signIn("other")
            let tile = "Entries rejected today</span><div class=\"num\">"
            #expect(try await mine.send(.get, "/console").text.contains(tile + "1<"))
            #expect(try await theirs.send(.get, "/console").text.contains(tile + "0<"))
        }
    }
}
