import ArgumentParser
import Foundation

/// `tracesync-bench`: speed and memory figures, each against a baseline measured in the same run.
///
/// Run it from a release build (`swift run -c release tracesync-bench`): it starts the `sync-server` and `field`
/// executables found next to its own binary.
@main
struct TraceSyncBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracesync-bench",
        abstract: "Measure merge, sync, pull, trace and field CLI speed against raw SQLite baselines, pull latency under a login flood, and the supervision checks' cost against the merge's."
    )

    /// The figures that can be run.
    enum Section: String, CaseIterable, ExpressibleByArgument {
        case merge, http, pull, trace, field, login, supervision
    }

    @Flag(help: "Also measure trace at 10^7 events (long: the store is filled through CentralStore.push, about 30 minutes at 6,000 entries/s, and ~15 GB of disk).")
    var large = false

    @Option(help: "Business days in the supervision section's month (default 30; fewer for a quick look).")
    var supervisionDays = 30

    @Option(help: "Write the figures as JSON to this file.")
    var json: String?

    @Option(parsing: .upToNextOption, help: "Run only these sections: merge http pull trace field login supervision (default: all).")
    var only: [Section] = []

    mutating func run() async throws {
        let sections = only.isEmpty ? Section.allCases : only
        let report = Report()
        let machine = Machine.describe()
        print("tracesync-bench on \(machine["cpu"] ?? "?"), \(machine["cores"] ?? "?") cores")
        var pullSource: PullFigure.Source?
        for section in sections {
            print("== \(section.rawValue)")
            let (seconds, _) = try await Measure.timeAsync {
                switch section {
                case .merge: try MergeFigure(devices: 8, entriesPerDevice: 2_500).run(into: report)
                case .http: pullSource = try await HTTPPushFigure(devices: 50, entriesPerDevice: 2_000).run(into: report)
                case .pull: try PullFigure(entries: 100_000).run(into: report, source: pullSource)
                case .trace:
                    try TraceFigure(sizes: large ? [10_000, 1_000_000, 10_000_000] : [10_000, 1_000_000]).run(into: report)
                case .field: try FieldCLIFigure(receives: 50, importRows: 10_000).run(into: report)
                case .login: try await LoginFloodFigure(floodClients: 16, pulls: 1_000).run(into: report)
                case .supervision: try SupervisionFigure(days: supervisionDays).run(into: report)
                }
            }
            print("   (\(String(format: "%.0f", seconds)) s)")
        }
        pullSource?.directory.remove()
        print("\n" + report.table)
        if let json { try report.write(json: json, machine: machine) }
    }
}
