import Foundation

/// CPU time a process and each of its threads used, from `/proc/<pid>/stat` and `/proc/<pid>/task/*/stat` (utime +
/// stime), and each core's busy time from `/proc/stat`: read before and after a load to show how busy the server
/// was, whether both cores worked, and how busy its busiest thread (the store's writer) was.
struct ProcessCPU {
    /// Seconds of CPU the process used.
    let process: Double
    /// Seconds of CPU each thread used, by thread id, with its name.
    let threads: [Int: (name: String, seconds: Double)]
    /// Busy and total seconds of each core of the machine (every process, the benchmark's too).
    let cores: [(busy: Double, total: Double)]

    private static let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The counters now, for process `pid`.
    init(pid: Int32) {
        process = Self.seconds(statPath: "/proc/\(pid)/stat")?.seconds ?? 0
        var threads: [Int: (name: String, seconds: Double)] = [:]
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            if let id = Int(task), let read = Self.seconds(statPath: "/proc/\(pid)/task/\(task)/stat") {
                threads[id] = read
            }
        }
        self.threads = threads
        let stat = (try? String(contentsOfFile: "/proc/stat", encoding: .utf8)) ?? ""
        cores = stat.split(separator: "\n").filter { $0.hasPrefix("cpu") && !$0.hasPrefix("cpu ") }.map { line in
            let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
            // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
            let total = fields.prefix(8).reduce(0, +), idle = fields.dropFirst(3).prefix(2).reduce(0, +)
            return ((total - idle) / Self.ticks, total / Self.ticks)
        }
    }

    /// The name and utime + stime of the process or thread whose `stat` file is at `statPath`.
    private static func seconds(statPath: String) -> (name: String, seconds: Double)? {
        guard let text = try? String(contentsOfFile: statPath, encoding: .utf8),
              let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return nil }
        let name = String(text[text.index(after: open)..<close])
        // After the name: state (field 3), …, utime (field 14), stime (field 15).
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (name, (user + system) / ticks)
    }

    /// What the process did between `start` and `end`, `wall` seconds apart, as text for a figure's note, and the
    /// cores it kept busy on average.
    static func usage(from start: ProcessCPU, to end: ProcessCPU, wall: Double) -> (cores: Double, busiest: Double, text: String) {
        let cores = (end.process - start.process) / wall
        let threads = end.threads.map { id, thread in
            (id: id, name: thread.name, share: (thread.seconds - (start.threads[id]?.seconds ?? 0)) / wall)
        }.sorted { $0.share > $1.share }
        let busiest = threads.first?.share ?? 0
        // Linux keeps 15 bytes of a thread's name: Dispatch's and Swift's pool threads show as `oot.default-qos`.
        let top = threads.filter { $0.share >= 0.01 }.prefix(8)
            .map { "\($0.name) (tid \($0.id)) \(Int(($0.share * 100).rounded()))%" }.joined(separator: ", ")
        let machine = zip(start.cores, end.cores).enumerated().map { index, pair in
            let busy = pair.1.busy - pair.0.busy, total = pair.1.total - pair.0.total
            return "cpu\(index) \(Int((100 * busy / max(total, 1e-9)).rounded()))%"
        }.joined(separator: ", ")
        return (cores, busiest, "server threads: \(top); each core of the machine busy (every process: the benchmark's client too): \(machine)")
    }
}
