import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 1: entries merged per second by `CentralStore.push`, against the raw INSERT and changeset baselines.
///
/// Several devices of one market push their days (see `MarketJournal`) in chunks of 500, taking turns; the store is a
/// file in WAL mode with `synchronous = FULL`, as the server runs it.
struct MergeFigure {
    let devices: Int
    let entriesPerDevice: Int

    func run(into report: Report) throws {
        let directory = try ScratchDirectory("merge")
        defer { directory.remove() }
        let store = try MarketStore.make(path: directory.path("central.sqlite"))
        let start = store.clock() - 4 * 3_600_000
        var records: [CentralStore.DeviceRecord] = []
        var journals: [[JournalEntry]] = []
        for number in 1...devices {
            let record = try MarketStore.enroll(store, name: "秤台 \(number)", deviceNumber: number)
            records.append(record)
            journals.append(MarketJournal.make(count: entriesPerDevice, deviceId: record.id, node: MarketStore.node,
                                               deviceNumber: number, operators: MarketStore.operators,
                                               start: start, seed: UInt64(number)))
        }
        let all = journals.flatMap { $0 }
        let (seconds, tally) = try Measure.time {
            try MarketStore.pushAll(store, devices: records, journals: journals, chunk: 500)
        }
        let rate = Double(all.count) / seconds
        let insert = try RawBaseline.insertRate(all, directory: directory)
        let apply = try RawBaseline.changesetApplyRate(all, directory: directory)
        let mix = Dictionary(grouping: all, by: \.kind).mapValues(\.count)
            .sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        report.add(Figure("merge", "merge: CentralStore.push vs raw INSERT", value: rate, unit: "entries/s",
                          baseline: ("prepared INSERT, 1 transaction", insert),
                          note: "\(devices) devices × \(entriesPerDevice) entries (\(mix)); verdicts: \(tally.summary)"))
        report.add(Figure("merge", "merge: CentralStore.push vs changeset apply", value: rate, unit: "entries/s",
                          baseline: ("sqlite3changeset_apply", apply)))
    }
}
