import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 3: a new device's first pull of its market's scope, page by page from `CentralStore.pull` into
/// `FieldStore.applyPull`, in one process (no HTTP); the baseline is a raw INSERT of the same entry rows.
struct PullFigure {
    /// A central store already holding one market's entries, and the directory to remove afterwards.
    struct Source {
        let directory: ScratchDirectory
        let path: String
    }

    /// Entries in the market's scope (used when no source is given: pushed in-process first, untimed).
    let entries: Int
    var pageSize = 1_000

    func run(into report: Report, source given: Source?) throws {
        let source = try given ?? makeSource()
        defer { if given == nil { source.directory.remove() } }
        let store = try CentralStore(path: source.path)
        let device = try MarketStore.enroll(store, name: "新平板")
        let tabletPath = source.directory.path("tablet-\(UUID().uuidString.prefix(6)).sqlite")
        let tablet = try FieldStore.initialize(path: tabletPath, node: MarketStore.node, deviceNumber: device.deviceNumber,
                                               inspector: "云秀英", deviceId: device.id)
        try tablet.enrolled(serverURL: "http://127.0.0.1", response: EnrollResponse(
            deviceId: device.id, node: try store.node(MarketStore.node), deviceNumber: device.deviceNumber, secret: "-"))
        var pulled: [JournalEntry] = [], items = 0, cursor: Int64 = 0
        let (seconds, _) = try Measure.time {
            while true {
                let page = try store.pull(device: device, cursor: cursor, limit: pageSize)
                try tablet.applyPull(page)
                items += page.items.count
                for item in page.items { if let entry = item.entry { pulled.append(entry) } }
                cursor = page.nextCursor
                if !page.more { break }
            }
        }
        let raw = try RawBaseline.insertRate(pulled, directory: source.directory)
        report.add(Figure("pull", "initial pull of \(pulled.count) entries", value: Double(pulled.count) / seconds,
                          unit: "rows/s", baseline: ("prepared INSERT of the same rows", raw),
                          note: "\(items) items (entries and master data) in pages of \(pageSize), "
                              + "\(String(format: "%.1f", seconds)) s: CentralStore.pull + FieldStore.applyPull in one process"))
    }

    /// A market whose devices pushed `entries` entries in all (50 devices).
    private func makeSource() throws -> Source {
        let directory = try ScratchDirectory("pull")
        let path = directory.path("central.sqlite")
        let store = try MarketStore.make(path: path)
        let devices = 50, each = entries / devices
        let start = store.clock() - 4 * 3_600_000
        let records = try (1...devices).map { try MarketStore.enroll(store, name: "秤台 \($0)", deviceNumber: $0) }
        let journals = records.enumerated().map { index, record in
            MarketJournal.make(count: each, deviceId: record.id, node: MarketStore.node, deviceNumber: record.deviceNumber,
                               operators: MarketStore.operators, start: start, seed: UInt64(index + 1))
        }
        try MarketStore.pushAll(store, devices: records, journals: journals, chunk: 500)
        return Source(directory: directory, path: path)
    }
}
