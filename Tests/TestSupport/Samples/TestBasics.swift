public import Foundation
public import SyncCore
public import CentralCore
public import CentralSQLite

/// The repository's `Fixtures` directory, found from this file's path.
public let fixturesDirectory = Executables.packageRoot.appendingPathComponent("Fixtures")

/// The text of a fixture file, e.g. `import/weighing-sample.csv`.
public func fixtureText(_ path: String) throws -> String {
    try String(contentsOf: fixturesDirectory.appendingPathComponent(path), encoding: .utf8)
}

/// The demo operators of `Fixtures/demo/operators.json`.
public func demoOperators() throws -> [Operator] {
    try JSONDecoder().decode([Operator].self, from: Data(fixtureText("demo/operators.json").utf8))
}

/// Runs `body` with a fresh temporary directory that is removed afterwards, whatever happens.
public func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("TraceSyncTests-" + UUID().uuidString, isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// 2026-11-24 06:00:00 China Standard Time (2026-11-23T22:00:00Z), in milliseconds since the epoch.
public let marketMorning: Int64 = 1_795_471_200_000
