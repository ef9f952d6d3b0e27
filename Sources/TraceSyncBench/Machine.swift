import Foundation

/// The machine the figures were measured on.
enum Machine {
    /// CPU model, core count, memory, date and SQLite version.
    static func describe() -> [String: String] {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) }
        return [
            "cpu": model ?? "unknown",
            "cores": String(ProcessInfo.processInfo.activeProcessorCount),
            "memoryGiB": String(ProcessInfo.processInfo.physicalMemory / (1 << 30)),
            "date": ISO8601DateFormatter().string(from: Date()),
            "sqlite": SQLiteVersion.text,
        ]
    }
}
