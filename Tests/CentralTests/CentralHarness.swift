import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A central store in a temporary file with node 46010001 (region 460106) and 46010002, the operators of
/// `MergeSamples`, and enrolled devices whose journals the test writes by hand.
final class CentralHarness {
    typealias S = MergeSamples

    let store: CentralStore
    /// The server's clock; `store.clock` reads it.
    var now = S.receivedAt

    private init(store: CentralStore) throws {
        self.store = store
        store.clock = { [unowned self] in self.now }
        for (code, name) in [(S.node, "海口市南北水果批发市场"), (S.otherNode, "海口市龙昆农贸市场")] {
            try store.addNode(Node(code: code, name: name, nameEn: "Haikou market \(code)", kind: "wholesale_market",
                                   region: "460106"))
        }
        for (id, node, name) in [
            (S.zhang, S.node, "海口龙华区张记蔬菜批发部"), (S.qiongbei, S.node, "海南琼北果蔬贸易有限公司"),
            (S.fuji, S.otherNode, "海口福记肉类批发部"),
        ] {
            try store.upsert(Operator(id: id, node: node, name: name, kind: .organisation))
        }
    }

    /// Runs `body` with a fresh harness whose file is removed afterwards.
    static func with<T>(_ body: (CentralHarness) throws -> T) throws -> T {
        try withTemporaryDirectory { directory in
            let harness = try CentralHarness(store: CentralStore(path: directory.appendingPathComponent("central.sqlite").path))
            return try body(harness)
        }
    }

    /// Enrolls a device of `node` with a one-time code and returns its empty journal.
    func enroll(_ name: String, author: String, node: String = S.node) throws -> HandJournal {
        let code = try store.issueEnrollCode(node: node, expiresAt: now + S.day)
        let enrolled = try store.enroll(EnrollRequest(code: code, deviceName: name))
        return HandJournal(deviceId: enrolled.deviceId, author: author)
    }

    /// Pushes the entries of `journal` the server has not acknowledged yet.
    @discardableResult
    func push(_ journal: HandJournal) throws -> PushResponse {
        let device = try store.device(journal.deviceId)
        return try store.push(device: device, entries: journal.entries.filter { $0.seq > device.ackedSeq })
    }

    /// Pushes the whole of `journal` again, as a device does when the answer was lost.
    func replay(_ journal: HandJournal) throws -> PushResponse {
        try store.push(device: store.device(journal.deviceId), entries: journal.entries)
    }

    /// Pulls everything in the scope of `journal`'s device from the start of the server log.
    func pullAll(_ journal: HandJournal) throws -> [PullPage.Item] {
        let device = try store.device(journal.deviceId)
        var items: [PullPage.Item] = [], cursor: Int64 = 0
        while true {
            let page = try store.pull(device: device, cursor: cursor, limit: 50)
            items += page.items
            cursor = page.nextCursor
            if !page.more { return items }
        }
    }

    /// The state of batch `code` from the store's merged events.
    func state(_ code: TraceCode) throws -> BatchState? {
        BatchState.derive(code: code, events: try store.batchEvents(code))
    }

    /// The materialised `batches` row's status and flags, nil when the store has no batch `code`.
    func batchRow(_ code: TraceCode) throws -> (status: String, flags: String, balance: String)? {
        try store.database.row("SELECT status, flags, balance FROM batches WHERE code = ?", code.digits).map {
            ($0.string("status")!, $0.string("flags")!, $0.string("balance")!)
        }
    }

    /// The number of rows of `table`.
    func count(_ table: String) throws -> Int64 {
        try store.database.scalar("SELECT count(*) FROM \(table)") ?? 0
    }
}
