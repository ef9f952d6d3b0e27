import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 3: a new device's first pull of its market's scope, page by page from `CentralStore.pull` into
/// `FieldStore.applyPull`, in one process (no HTTP), against a raw INSERT of the same entry rows and against SQLite
/// writing exactly the rows the pull wrote on the device; then the server's cost of a page at the start and at the
/// end of the log, in stores of 10^5 and 10^6 events filled through `CentralStore.push`.
struct PullFigure {
    /// A central store already holding one market's entries, and the directory to remove afterwards.
    struct Source {
        let directory: ScratchDirectory
        let path: String
    }

    /// Entries in the market's scope (used when no source is given: pushed in-process first, untimed).
    let entries: Int
    var pageSize = 1_000
    /// Store sizes, in events, at which a page's cost is timed; the first is the baseline.
    var pageSizes = [100_000, 1_000_000]
    /// Pages timed at each end of the log.
    var pagesTimed = 20

    func run(into report: Report, source given: Source?) throws {
        try initialPull(into: report, source: given)
        try pageCost(into: report)
    }

    private func initialPull(into report: Report, source given: Source?) throws {
        let source = try given ?? makeSource()
        defer { if given == nil { source.directory.remove() } }
        let store = try CentralStore(path: source.path)
        let device = try MarketStore.enroll(store, name: "新平板")
        let response = EnrollResponse(deviceId: device.id, node: try store.node(MarketStore.node),
                                      deviceNumber: device.deviceNumber, secret: "-")
        func tablet(_ name: String) throws -> (FieldStore, String) {
            let path = source.directory.path("\(name)-\(UUID().uuidString.prefix(6)).sqlite")
            let tablet = try FieldStore.initialize(path: path, node: MarketStore.node, deviceNumber: device.deviceNumber,
                                                   inspector: "云秀英", deviceId: device.id)
            try tablet.enrolled(serverURL: "http://127.0.0.1", response: response)
            return (tablet, path)
        }
        let (puller, pullerPath) = try tablet("tablet")
        let before = source.directory.path("tablet-before-\(UUID().uuidString.prefix(6)).sqlite")
        try WrittenRows.snapshot(pullerPath, to: before)
        var pulled: [JournalEntry] = [], items = 0, cursor: Int64 = 0
        let (seconds, _) = try Measure.time {
            while true {
                let page = try store.pull(device: device, cursor: cursor, limit: pageSize)
                try puller.applyPull(page)
                items += page.items.count
                for item in page.items { if let entry = item.entry { pulled.append(entry) } }
                cursor = page.nextCursor
                if !page.more { break }
            }
        }
        let written = try WrittenRows.since(before, in: pullerPath)
        let (insertTarget, _) = try tablet("same-rows-insert")
        let sameInsert = try written.insertSeconds(into: RawDatabase(borrowing: insertTarget.database))
        let (changesetSource, _) = try tablet("same-rows-source"), (applyTarget, _) = try tablet("same-rows-apply")
        let sameApply = try written.changesetApplySeconds(source: RawDatabase(borrowing: changesetSource.database),
                                                          target: RawDatabase(borrowing: applyTarget.database))
        let raw = try RawBaseline.insertRate(pulled, directory: source.directory)
        let rate = Double(pulled.count) / seconds
        report.add(Figure("pull", "initial pull of \(pulled.count) entries", value: rate,
                          unit: "rows/s", baseline: ("prepared INSERT of the same entry rows", raw),
                          note: "\(items) items (entries and master data) in pages of \(pageSize), "
                              + "\(String(format: "%.1f", seconds)) s: CentralStore.pull + FieldStore.applyPull in one process"))
        let rows = "the device's \(written.rowCount) new rows"
        report.add(Figure("pull", "initial pull vs raw INSERT of the rows it wrote", value: rate, unit: "rows/s",
                          baseline: ("\(rows), prepared INSERT, 1 transaction", Double(pulled.count) / sameInsert),
                          note: "rates in pulled entries per second; rows written: \(written.summary)"))
        report.add(Figure("pull", "initial pull vs changeset apply of the rows it wrote", value: rate, unit: "rows/s",
                          baseline: ("\(rows), sqlite3changeset_apply", Double(pulled.count) / sameApply)))
    }

    /// Milliseconds per page of `CentralStore.pull` (server side only) for the first and the last pages of a device's
    /// scope, at each store size.
    private func pageCost(into report: Report) throws {
        var first: (start: Double, end: Double)?
        for size in pageSizes {
            let directory = try ScratchDirectory("pull-pages")
            defer { directory.remove() }
            let store = try MarketStore.make(path: directory.path("central.sqlite"))
            let (fillSeconds, _) = try Measure.time { try StoreFiller(store: store).fill(events: size, samples: 10) }
            print("  filled \(TraceFigure.label(size)) events through CentralStore.push in \(String(format: "%.0f", fillSeconds)) s "
                  + "(\(Int(Double(size) / fillSeconds)) entries/s)")
            let device = try MarketStore.enroll(store, name: "新平板")
            let start = try timePages(store, device: device, from: 0)
            let last = try lastCursor(store, device: device)
            // The device sees about half the log (its market's entries), so twice the pages' items back.
            let end = try timePages(store, device: device, from: max(0, last - Int64(2 * pagesTimed * pageSize)))
            let baseline = first ?? (start, end)
            let label = TraceFigure.label(size), base = TraceFigure.label(pageSizes[0])
            report.add(Figure("pull", "pull page of \(pageSize), first pages @ \(label) events", value: start, unit: "ms",
                              baseline: ("same @ \(base)", baseline.start),
                              note: "CentralStore.pull alone, mean of the first \(pagesTimed) pages from cursor 0"))
            report.add(Figure("pull", "pull page of \(pageSize), last pages @ \(label) events", value: end, unit: "ms",
                              baseline: ("same @ \(base)", baseline.end),
                              note: "CentralStore.pull alone, mean of the log's last pages (about \(pagesTimed))"))
            if first == nil { first = (start, end) }
        }
    }

    /// Mean milliseconds per page pulling up to `pagesTimed` pages from `cursor`.
    private func timePages(_ store: CentralStore, device: CentralStore.DeviceRecord, from cursor: Int64) throws -> Double {
        var cursor = cursor, pages = 0, total = 0.0
        while pages < pagesTimed {
            let (seconds, page) = try Measure.time { try store.pull(device: device, cursor: cursor, limit: pageSize) }
            total += seconds
            pages += 1
            cursor = page.nextCursor
            if !page.more { break }
        }
        return total / Double(pages) * 1_000
    }

    /// The cursor of the last item in the device's scope, found through `pull` alone (a page of one item is empty
    /// exactly past the last).
    private func lastCursor(_ store: CentralStore, device: CentralStore.DeviceRecord) throws -> Int64 {
        func empty(_ cursor: Int64) throws -> Bool { try store.pull(device: device, cursor: cursor, limit: 1).items.isEmpty }
        var high: Int64 = 1_024
        while try !empty(high) { high *= 2 }
        var low: Int64 = 0
        while low + 1 < high {
            let middle = (low + high) / 2
            if try empty(middle) { high = middle } else { low = middle }
        }
        return high
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
            MarketJournal.make(count: each, deviceId: record.id, node: MarketStore.node,
                               deviceNumber: record.deviceNumber, operators: MarketStore.operators,
                               start: start, seed: UInt64(index + 1))
        }
        try MarketStore.pushAll(store, devices: records, journals: journals, chunk: 500)
        return Source(directory: directory, path: path)
    }
}
